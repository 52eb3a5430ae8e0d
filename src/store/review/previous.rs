//! The session-detail comparison: for each exercise of a session, the last time it was done
//! before, summarised like [`Store::performances`] does.

use crate::core::strength::history::{PerformanceSummary, summarise_after};
use crate::core::workout::exercise::ExerciseId;
use crate::store::performance::{SESSION_BODY, group_sessions};
use crate::store::sets::{SET_COLUMNS, SetRow};
use crate::store::{Store, StoreError};

/// For each exercise of session `?1` (in the order first done), the latest earlier session, not
/// abandoned, in which it has a set; then those sets. The inner search walks the exercise's
/// slots through `session_exercise_by_exercise`.
fn previous_sets_sql() -> String {
    format!(
        "WITH this AS (SELECT id, started_at FROM session WHERE id = ?1),
         lifts AS (SELECT exercise_id, MIN(position) AS pos FROM session_exercise
                   WHERE session_id = ?1 GROUP BY exercise_id),
         prev AS (
             SELECT lifts.exercise_id, lifts.pos, (
                 SELECT ses.id FROM session_exercise se JOIN session ses ON ses.id = se.session_id
                 WHERE se.exercise_id = lifts.exercise_id AND ses.status != 'abandoned'
                   AND (ses.started_at < this.started_at
                        OR (ses.started_at = this.started_at AND ses.id < this.id))
                   AND EXISTS (SELECT 1 FROM set_entry s WHERE s.session_exercise_id = se.id)
                 ORDER BY ses.started_at DESC, ses.id DESC LIMIT 1) AS session_id
             FROM lifts CROSS JOIN this)
         SELECT prev.exercise_id, ses.id, ses.started_at, {SESSION_BODY}, {SET_COLUMNS} FROM prev
         CROSS JOIN session ses ON ses.id = prev.session_id
         CROSS JOIN session_exercise se ON se.session_id = ses.id AND se.exercise_id = prev.exercise_id
         CROSS JOIN set_entry s ON s.session_exercise_id = se.id
         ORDER BY prev.pos, prev.exercise_id, se.position, s.position"
    )
}

impl Store {
    /// For each exercise of `session`, in the order it was first done there, its last
    /// performance in an earlier session (finished or running, not abandoned) with the numbers
    /// [`Store::performances`] gives; its reader then reads this session's sets as the store
    /// did. Exercises done for the first time are left out.
    pub fn previous_performances(
        &self,
        session: crate::core::workout::session::SessionId,
    ) -> Result<Vec<(ExerciseId, PerformanceSummary)>, StoreError> {
        self.lookup::<i64>("session", "SELECT 1 FROM session WHERE id = ?1", session.0)?;
        let fail = || self.fail("read the previous performances");
        let rows = self
            .conn
            .prepare_cached(&previous_sets_sql())
            .and_then(|mut stmt| {
                stmt.query_map([session.0], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        (
                            r.get::<_, i64>(1)?,
                            r.get::<_, i64>(2)?,
                            r.get::<_, Option<f64>>(3)?,
                            SetRow::read(r, 4)?,
                        ),
                    ))
                })?
                .collect::<Result<Vec<_>, _>>()
            })
            .map_err(fail())?;
        let mut out = Vec::new();
        let mut rows = rows.into_iter().peekable();
        while let Some((exercise, first)) = rows.next() {
            let mut sets = vec![first];
            while let Some((_, row)) = rows.next_if(|(e, _)| *e == exercise) {
                sets.push(row);
            }
            for (performance, body) in group_sessions(sets)? {
                let exercise = ExerciseId(exercise);
                let reader = self.reader_before_session(exercise, &performance)?;
                out.push((exercise, summarise_after(&performance, reader, body)));
            }
        }
        Ok(out)
    }
}
