//! Performance history per exercise: every session's sets, oldest first. Charts and the
//! progression engine read it.

use rusqlite::params;

use super::sets::{SET_COLUMNS, SetRow};
use super::{Store, StoreError, from_millis};
use crate::core::exercise::ExerciseId;
use crate::core::history::Performance;
use crate::core::session::SessionId;

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
            let spec = set.into_logged()?.spec;
            match history.last_mut() {
                Some(last) if last.session.0 == session => last.sets.push(spec),
                _ => history.push(Performance {
                    session: SessionId(session),
                    started_at: from_millis(started_at, "session", session)?,
                    sets: vec![spec],
                }),
            }
        }
        Ok(history)
    }
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
}
