//! Performance history per exercise for lists and charts: the last sessions summarised, the e1RM
//! trend (from the stored `e1rm_kg` column), and which exercises were trained lately.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use rusqlite::params;

use super::sets::{SET_COLUMNS, SetRow};
use super::{Store, StoreError, from_millis, sql_count, to_millis};
use crate::core::strength::deload::E1rmPoint;
use crate::core::strength::e1rm::{HABIT_SETS, Reader};
use crate::core::strength::history::{
    Performance, PerformanceSummary, TrendBy, summarise_after, weekly_best,
};
use crate::core::units::Weight;
use crate::core::workout::exercise::ExerciseId;
use crate::core::workout::session::SessionId;

/// The body weight a session's bodyweight sets count, for a query aliasing `session` as `ses`:
/// the one taken at finish, else the profile's (as the stored summary uses).
pub(super) const SESSION_BODY: &str =
    "COALESCE(ses.body_weight_kg, (SELECT body_weight_kg FROM profile WHERE id = 1))";

impl Store {
    /// The last `limit` sessions of `exercise` (finished or running, not abandoned), newest
    /// first, each summarised: date, working sets, top set, best e1RM (read as stored, by the
    /// lift's reader along its history), volume (bodyweight sets at the session's body weight),
    /// mean RPE.
    pub fn performances(
        &self,
        exercise: ExerciseId,
        limit: usize,
    ) -> Result<Vec<PerformanceSummary>, StoreError> {
        let fail = || self.fail("read the exercise's performances");
        // CROSS JOIN keeps the few recent sessions as the outer loop (SQLite's planner would
        // otherwise walk every set of the lift: seconds on ten years).
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "WITH recent AS (
                     SELECT ses.id FROM session_exercise se JOIN session ses ON ses.id = se.session_id
                     WHERE se.exercise_id = ?1 AND ses.status != 'abandoned'
                     GROUP BY ses.id ORDER BY ses.started_at DESC, ses.id DESC LIMIT ?2)
                 SELECT ses.id, ses.started_at, {SESSION_BODY}, {SET_COLUMNS} FROM recent
                 CROSS JOIN session ses ON ses.id = recent.id
                 CROSS JOIN session_exercise se ON se.session_id = ses.id AND se.exercise_id = ?1
                 CROSS JOIN set_entry s ON s.session_exercise_id = se.id
                 ORDER BY ses.started_at DESC, ses.id DESC, se.position, s.position"
            ))
            .map_err(fail())?;
        let rows = stmt
            .query_map(params![exercise.0, sql_count(limit)], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, Option<f64>>(2)?,
                    SetRow::read(r, 3)?,
                ))
            })
            .and_then(Iterator::collect::<Result<Vec<_>, _>>)
            .map_err(fail())?;
        let mut sessions = group_sessions(rows)?;
        sessions.reverse();
        let Some((oldest, _)) = sessions.first() else {
            return Ok(Vec::new());
        };
        let mut reader = self.reader_before_session(exercise, oldest)?;
        let mut out = Vec::with_capacity(sessions.len());
        for (performance, body) in &sessions {
            let summary = summarise_after(performance, reader, *body);
            reader = summary.reader.clone();
            out.push(summary);
        }
        out.reverse();
        Ok(out)
    }

    /// The reader of `exercise` before the session of `performance`: the lifter's RPE habit on
    /// the lift from its sets in earlier sessions (in reading order, abandoned ones aside).
    pub(super) fn reader_before_session(
        &self,
        exercise: ExerciseId,
        performance: &Performance,
    ) -> Result<Reader, StoreError> {
        let before = (to_millis(performance.started_at), performance.session.0);
        let rows = self.latest_read_sets(exercise.0, Some(before), HABIT_SETS - 1)?;
        let mut reader = Reader::new(self.pinned_formula()?);
        for set in rows.iter().rev() {
            reader.read(&set.spec);
        }
        Ok(reader)
    }

    /// The e1RM trend of `exercise`, oldest first: each session's best stored e1RM dated by the
    /// session, or each week's best dated by its Monday.
    pub fn e1rm_trend(
        &self,
        exercise: ExerciseId,
        by: TrendBy,
    ) -> Result<Vec<E1rmPoint>, StoreError> {
        let fail = || self.fail("read the e1RM trend");
        let rows = self
            .conn
            .prepare_cached(
                "SELECT ses.id, ses.started_at, MAX(s.e1rm_kg) FROM session_exercise se
                 JOIN session ses ON ses.id = se.session_id
                 JOIN set_entry s ON s.session_exercise_id = se.id
                 WHERE se.exercise_id = ?1 AND ses.status != 'abandoned' AND s.e1rm_kg IS NOT NULL
                 GROUP BY ses.id ORDER BY ses.started_at, ses.id",
            )
            .and_then(|mut stmt| {
                stmt.query_map([exercise.0], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, f64>(2)?,
                    ))
                })
                .and_then(Iterator::collect::<Result<Vec<_>, _>>)
            })
            .map_err(fail())?;
        let points = rows
            .into_iter()
            .map(|(session, started_at, kg)| {
                Ok(E1rmPoint {
                    date: from_millis(started_at, "session", session)?.date_naive(),
                    e1rm: Weight::from_kg(kg).map_err(|e| {
                        StoreError::corrupt("session", session, format!("a set's e1RM: {}", e.0))
                    })?,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(match by {
            TrendBy::Session => points,
            TrendBy::Week => weekly_best(&points),
        })
    }

    /// Exercises with at least one set in a session started at or after `since` (abandoned
    /// sessions aside), the most recently trained first (ties by id).
    ///
    /// Walks the sessions newest first and stops once every exercise that has a slot anywhere
    /// has been seen, so naming the lifts costs the weeks back to the least recently trained
    /// one, not the whole history (docs/BENCHMARKS.md).
    pub fn exercises_trained_since(
        &self,
        since: DateTime<Utc>,
    ) -> Result<Vec<ExerciseId>, StoreError> {
        let fail = || self.fail("find the exercises trained lately");
        let with_slots: HashSet<i64> = self
            .conn
            .prepare_cached(
                "SELECT e.id FROM exercise e
                 WHERE EXISTS (SELECT 1 FROM session_exercise se WHERE se.exercise_id = e.id)",
            )
            .and_then(|mut stmt| {
                stmt.query_map([], |r| r.get(0))
                    .and_then(Iterator::collect::<Result<_, _>>)
            })
            .map_err(fail())?;
        // CROSS JOIN keeps the sessions, newest first by their index, as the outer loop.
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT se.exercise_id, ses.started_at FROM session ses
                 CROSS JOIN session_exercise se ON se.session_id = ses.id
                 WHERE ses.started_at >= ?1 AND ses.status != 'abandoned'
                   AND EXISTS (SELECT 1 FROM set_entry s WHERE s.session_exercise_id = se.id)
                 ORDER BY ses.started_at DESC",
            )
            .map_err(fail())?;
        let mut rows = stmt.query([to_millis(since)]).map_err(fail())?;
        // Newest first, so the first time an exercise is seen is its last session.
        let mut last: HashMap<i64, i64> = HashMap::new();
        while last.len() < with_slots.len()
            && let Some(row) = rows.next().map_err(fail())?
        {
            let exercise: i64 = row.get(0).map_err(fail())?;
            let started_at: i64 = row.get(1).map_err(fail())?;
            last.entry(exercise).or_insert(started_at);
        }
        let mut trained: Vec<(i64, i64)> = last.into_iter().collect();
        trained.sort_by_key(|&(exercise, started_at)| (std::cmp::Reverse(started_at), exercise));
        Ok(trained.into_iter().map(|(id, _)| ExerciseId(id)).collect())
    }
}

/// One exercise's sessions from its set rows `(session, started_at, body weight, set)`, each
/// session's sets together and in order, with the session's body weight (shared with the
/// review's previous performances).
pub(super) fn group_sessions(
    rows: impl IntoIterator<Item = (i64, i64, Option<f64>, SetRow)>,
) -> Result<Vec<(Performance, Option<Weight>)>, StoreError> {
    let mut sessions: Vec<(Performance, Option<Weight>)> = Vec::new();
    for (session, started_at, body_kg, set) in rows {
        let spec = set.into_logged()?.spec;
        match sessions.last_mut() {
            Some((last, _)) if last.session.0 == session => last.sets.push(spec),
            _ => sessions.push((
                Performance {
                    session: SessionId(session),
                    started_at: from_millis(started_at, "session", session)?,
                    sets: vec![spec],
                },
                body_kg.and_then(|kg| Weight::from_kg(kg).ok()),
            )),
        }
    }
    Ok(sessions)
}

#[cfg(test)]
mod tests;
