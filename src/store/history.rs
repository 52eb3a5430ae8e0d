//! Performance history per exercise: every session's sets, oldest first. Charts and the
//! progression engine read it.

use std::collections::{HashMap, HashSet};

use rusqlite::params;

use super::sets::{SET_COLUMNS, SetRow};
use super::{Store, StoreError, from_millis};
use crate::core::strength::history::Performance;
use crate::core::workout::exercise::ExerciseId;
use crate::core::workout::session::SessionId;

/// Up to this many lifts, [`Store::exercise_histories`] reads each through its index; beyond,
/// one walk through every set is faster.
const FEW_LIFTS: usize = 3;

impl Store {
    /// The sets of `exercise` in every kept session (finished or running), oldest first.
    pub fn exercise_history(&self, exercise: ExerciseId) -> Result<Vec<Performance>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT se.session_id, ses.started_at, {SET_COLUMNS} FROM set_entry s
                 JOIN session_exercise se ON se.id = s.session_exercise_id
                 JOIN session ses ON ses.id = se.session_id
                 WHERE se.exercise_id = ?1 AND ses.status != 'abandoned'
                 ORDER BY ses.started_at, se.session_id, se.position, s.position"
            ))
            .map_err(self.fail("read the exercise history"))?;
        let rows = stmt
            .query_map(params![exercise.0], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    SetRow::read(r, 2)?,
                ))
            })
            .map_err(self.fail("read the exercise history"))?;
        let mut history: Vec<Performance> = Vec::new();
        for row in rows {
            let (session, started_at, set) = row.map_err(self.fail("read the exercise history"))?;
            push_set(&mut history, session, started_at, set)?;
        }
        Ok(history)
    }

    /// [`Store::exercise_history`] of each of `exercises` at once. A few lifts are read through
    /// their index; more in one walk through the history in time order, so a command that
    /// advises every lift reads each set page once instead of once per lift. Exercises without a
    /// set get no entry.
    pub fn exercise_histories(
        &self,
        exercises: &[ExerciseId],
    ) -> Result<HashMap<ExerciseId, Vec<Performance>>, StoreError> {
        if exercises.len() <= FEW_LIFTS {
            let mut histories = HashMap::new();
            for &exercise in exercises {
                let history = self.exercise_history(exercise)?;
                if !history.is_empty() {
                    histories.insert(exercise, history);
                }
            }
            return Ok(histories);
        }
        let fail = || self.fail("read the exercise histories");
        let wanted: HashSet<i64> = exercises.iter().map(|e| e.0).collect();
        // CROSS JOIN keeps the sessions, oldest first by their index, as the outer loop: the
        // sets then come in the order they were written. The order asked for is what the three
        // indexes give (session, then slot position), so SQLite sorts nothing; each slot's few
        // sets are put in position order here.
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT se.exercise_id, se.id, se.session_id, ses.started_at, s.position,
                        {SET_COLUMNS} FROM session ses
                 CROSS JOIN session_exercise se ON se.session_id = ses.id
                 CROSS JOIN set_entry s ON s.session_exercise_id = se.id
                 WHERE ses.status != 'abandoned'
                 ORDER BY ses.started_at, ses.id, se.position"
            ))
            .map_err(fail())?;
        let mut rows = stmt.query([]).map_err(fail())?;
        let mut histories: HashMap<ExerciseId, Vec<Performance>> = HashMap::new();
        // The slot being read: (exercise, slot, session, started_at) and its sets by position.
        let mut slot: Option<(i64, i64, i64, i64)> = None;
        let mut sets: Vec<(i64, SetRow)> = Vec::new();
        let mut flush = |slot: Option<(i64, i64, i64, i64)>,
                         sets: &mut Vec<(i64, SetRow)>|
         -> Result<(), StoreError> {
            let Some((exercise, _, session, started_at)) = slot else {
                return Ok(());
            };
            sets.sort_by_key(|(position, _)| *position);
            let history = histories.entry(ExerciseId(exercise)).or_default();
            for (_, set) in sets.drain(..) {
                push_set(history, session, started_at, set)?;
            }
            Ok(())
        };
        while let Some(row) = rows.next().map_err(fail())? {
            let exercise: i64 = row.get(0).map_err(fail())?;
            if !wanted.contains(&exercise) {
                continue;
            }
            let slot_id: i64 = row.get(1).map_err(fail())?;
            if slot.is_none_or(|(_, id, _, _)| id != slot_id) {
                flush(slot, &mut sets)?;
                let session: i64 = row.get(2).map_err(fail())?;
                let started_at: i64 = row.get(3).map_err(fail())?;
                slot = Some((exercise, slot_id, session, started_at));
            }
            let position: i64 = row.get(4).map_err(fail())?;
            sets.push((position, SetRow::read(row, 5).map_err(fail())?));
        }
        flush(slot, &mut sets)?;
        Ok(histories)
    }
}

/// Adds a set read in history order: to the last session's sets when it is of that session,
/// else as the first set of a new one.
fn push_set(
    history: &mut Vec<Performance>,
    session: i64,
    started_at: i64,
    set: SetRow,
) -> Result<(), StoreError> {
    let spec = set.into_logged()?.spec;
    match history.last_mut() {
        Some(last) if last.session.0 == session => last.sets.push(spec),
        _ => history.push(Performance {
            session: SessionId(session),
            started_at: from_millis(started_at, "session", session)?,
            sets: vec![spec],
        }),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::store::fixtures::{at, custom, lift, store};

    #[test]
    fn history_groups_sets_by_session_oldest_first_and_skips_abandoned() {
        let store = store();
        let bench = custom(&store, "Bench");
        let mut ids = Vec::new();
        for (day, weight) in [(0, 100.0), (2, 102.5)] {
            let session = store.start_session(at(day * 24 * 60), "").unwrap();
            let slot = store.add_slot(session, bench).unwrap().id;
            store
                .log_sets(
                    slot,
                    &[lift(weight, 5), lift(weight, 5)],
                    at(day * 24 * 60 + 5),
                )
                .unwrap();
            store
                .finish_session(session, at(day * 24 * 60 + 60), None, "")
                .unwrap();
            ids.push(session);
        }
        let history = store.exercise_history(bench).unwrap();
        assert_eq!(history.iter().map(|p| p.session).collect::<Vec<_>>(), ids);
        assert_eq!(history[1].sets, vec![lift(102.5, 5), lift(102.5, 5)]);
        assert!(
            store
                .exercise_history(custom(&store, "Row"))
                .unwrap()
                .is_empty()
        );
    }

    /// Five lifts over sessions written out of time order (an older session stored last), one
    /// lift twice in a session, an abandoned session with sets, a lift never trained.
    #[test]
    fn histories_at_once_are_each_lifts_history() {
        use crate::core::workout::exercise::ExerciseId;
        let store = store();
        let lifts: Vec<ExerciseId> = ["Bench", "Squat", "Row", "Press", "Curl"]
            .iter()
            .map(|name| custom(&store, name))
            .collect();
        let untrained = custom(&store, "Dip");
        let day = |d: i64| d * 24 * 60;
        for (start, order, abandon) in [
            (day(10), vec![0, 1, 2], false),
            (day(3), vec![3, 0, 4, 0], false),
            (day(7), vec![1, 2, 3, 4], true),
            (day(12), vec![4, 2], false),
        ] {
            let session = store.start_session(at(start), "").unwrap();
            for (n, &i) in order.iter().enumerate() {
                let slot = store.add_slot(session, lifts[i]).unwrap().id;
                let weight = 60.0 + f64::from(u8::try_from(n).unwrap()) * 2.5;
                store
                    .log_sets(slot, &[lift(weight, 5), lift(weight, 4)], at(start + 5))
                    .unwrap();
            }
            if abandon {
                store.abandon_session(session, at(start + 60)).unwrap();
            } else {
                store
                    .finish_session(session, at(start + 60), None, "")
                    .unwrap();
            }
        }
        // One slot's sets stored out of position order (as an edit that moves a set could).
        store
            .conn
            .execute(
                "UPDATE set_entry SET position = -position WHERE session_exercise_id =
                     (SELECT MIN(id) FROM session_exercise WHERE exercise_id = ?1)",
                [lifts[0].0],
            )
            .unwrap();
        for asked in [&lifts[..], &lifts[..2], &[lifts[0], untrained][..]] {
            let histories = store.exercise_histories(asked).unwrap();
            for id in asked {
                let one = store.exercise_history(*id).unwrap();
                assert_eq!(
                    histories.get(id).cloned().unwrap_or_default(),
                    one,
                    "{id:?}"
                );
            }
            assert!(!histories.contains_key(&untrained));
        }
        let bench = &store.exercise_histories(&lifts).unwrap()[&lifts[0]];
        // Day 3 (both slots of the session, in order), then day 10; never the abandoned day 7.
        assert_eq!(bench.len(), 2);
        assert_eq!(bench[0].started_at, at(day(3)));
        assert_eq!(bench[0].sets.len(), 4);
        assert_eq!(bench[1].started_at, at(day(10)));
        let reps = |i: usize| bench[1].sets[i].reps.map(crate::core::units::Reps::get);
        assert_eq!(
            (reps(0), reps(1)),
            (Some(4), Some(5)),
            "the moved sets in position order"
        );
    }
}
