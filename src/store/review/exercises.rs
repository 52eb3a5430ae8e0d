//! Each exercise's sessions across all lifts (e1RM, heaviest load, volume) and the muscles they
//! trained, from one walk of `session` → `session_exercise` → `set_entry` in index order.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use chrono::NaiveDate;
use rusqlite::OptionalExtension as _;

use super::{day_of, day_range};
use crate::core::review::{ExerciseSession, MuscleSets};
use crate::core::units::Weight;
use crate::core::workout::exercise::ExerciseId;
use crate::core::workout::session::SessionId;
use crate::store::{Store, StoreError};

/// The working sets of each exercise slot, in session then slot order. Grouping in the order of
/// `session_by_start` and `session_exercise_by_session` needs no sort. Volume is the slot's
/// stored working volume (`core::workout::set::Totals`, kept with the session's summary: a bodyweight
/// set counts the session's body weight), one value per group.
const SLOT_TOTALS: &str = "SELECT ses.id, ses.started_at, se.exercise_id, COUNT(*),
        MAX(s.e1rm_kg), MAX(CASE WHEN s.bodyweight = 0 THEN s.weight_kg END), se.volume_kg
 FROM session ses
 CROSS JOIN session_exercise se ON se.session_id = ses.id
 CROSS JOIN set_entry s ON s.session_exercise_id = se.id
 WHERE ses.started_at >= ?1 AND ses.started_at < ?2 AND ses.status != 'abandoned'
   AND s.kind != 'warmup'
 GROUP BY ses.started_at, ses.id, se.position, se.id";

/// A row of [`SLOT_TOTALS`].
type SlotRow = (i64, i64, i64, i64, Option<f64>, Option<f64>, f64);

impl Store {
    /// One row per exercise of every session (finished or running, not abandoned) started on
    /// the days `from` (from the first when `None`) to `until`, oldest first and in the
    /// session's exercise order: working sets, best stored e1RM, heaviest external load and
    /// working volume. An exercise done in two slots of a session is one row; one with only
    /// warm-ups has none.
    pub fn exercise_sessions(
        &self,
        from: Option<NaiveDate>,
        until: NaiveDate,
    ) -> Result<Vec<ExerciseSession>, StoreError> {
        let (start, end) = day_range(from, until);
        let rows = self
            .conn
            .prepare_cached(SLOT_TOTALS)
            .and_then(|mut stmt| {
                stmt.query_map([start, end], |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                    ))
                })?
                .collect::<Result<Vec<SlotRow>, _>>()
            })
            .map_err(self.fail("read the exercises' sessions"))?;
        let mut out: Vec<ExerciseSession> = Vec::with_capacity(rows.len());
        // Where this session's rows begin in `out`, to merge an exercise's second slot.
        let mut first_of_session = 0;
        for (session, started_at, exercise, sets, e1rm, heaviest, volume_kg) in rows {
            let bad = |problem: String| StoreError::corrupt("session", session, problem);
            let weight = |kg: Option<f64>, what: &str| {
                kg.map(|kg| Weight::from_kg(kg).map_err(|e| bad(format!("{what}: {}", e.0))))
                    .transpose()
            };
            let row = ExerciseSession {
                date: day_of(started_at, "session", session)?,
                session: SessionId(session),
                exercise: ExerciseId(exercise),
                working_sets: u32::try_from(sets).unwrap_or(u32::MAX),
                best_e1rm: weight(e1rm, "a set's e1RM")?,
                heaviest: weight(heaviest, "a set's load")?,
                volume_kg,
            };
            if out.last().is_none_or(|last| last.session != row.session) {
                first_of_session = out.len();
            }
            match out[first_of_session..]
                .iter_mut()
                .find(|e| e.exercise == row.exercise)
            {
                Some(same) => merge(same, &row),
                None => out.push(row),
            }
        }
        Ok(out)
    }

    /// Working sets of each exercise of every session (finished or running, not abandoned)
    /// started on the days `from` to `until`, with the exercise's muscles; oldest first.
    pub fn muscle_sets(
        &self,
        from: NaiveDate,
        until: NaiveDate,
    ) -> Result<Vec<MuscleSets>, StoreError> {
        let sessions = self.exercise_sessions(Some(from), until)?;
        let mut muscles: HashMap<ExerciseId, Vec<String>> = HashMap::new();
        let mut out = Vec::with_capacity(sessions.len());
        for s in sessions {
            let list = match muscles.entry(s.exercise) {
                Entry::Occupied(known) => known.into_mut(),
                Entry::Vacant(new) => new.insert(self.muscles_of(s.exercise)?),
            };
            out.push(MuscleSets {
                date: s.date,
                exercise: s.exercise,
                muscles: list.clone(),
                sets: s.working_sets,
            });
        }
        Ok(out)
    }

    /// The stored muscles of `exercise`, or `Corrupt` naming it when they are not a list.
    fn muscles_of(&self, exercise: ExerciseId) -> Result<Vec<String>, StoreError> {
        let (name, json): (String, String) = self
            .conn
            .prepare_cached("SELECT name, muscles FROM exercise WHERE id = ?1")
            .and_then(|mut stmt| {
                stmt.query_row([exercise.0], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()
            })
            .map_err(self.fail("read the exercise's muscles"))?
            .ok_or(StoreError::NotFound {
                what: "exercise",
                id: exercise.0,
            })?;
        serde_json::from_str(&json).map_err(|e| {
            StoreError::corrupt(
                "exercise",
                exercise.0,
                format!("the muscles of {name:?} are not a list of names ({e})"),
            )
        })
    }
}

/// Folds a second slot of the same exercise in the same session into the first.
fn merge(into: &mut ExerciseSession, more: &ExerciseSession) {
    let heavier = |a: Option<Weight>, b: Option<Weight>| match (a, b) {
        (Some(a), Some(b)) => Some(if b.kg() > a.kg() { b } else { a }),
        (a, b) => a.or(b),
    };
    into.working_sets += more.working_sets;
    into.best_e1rm = heavier(into.best_e1rm, more.best_e1rm);
    into.heaviest = heavier(into.heaviest, more.heaviest);
    into.volume_kg += more.volume_kg;
}
