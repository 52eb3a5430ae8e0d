//! Deloads the lifter took, and the history the deload signals read, assembled from the sets
//! (weekly RPE, the main lifts' stored e1RMs) and the sessions (daily loads for the ACWR).

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate, NaiveTime};
use rusqlite::params;

use super::{Store, StoreError, from_millis, to_millis};
use crate::core::review::load::DailyLoads;
use crate::core::strength::deload::{
    DeloadHistory, DeloadId, DeloadWeek, E1rmPoint, LiftCandidate, acwr_series, main_lifts,
    weekly_rpe,
};
use crate::core::units::Weight;

/// How many main lifts signal 1 watches.
pub const MAIN_LIFTS: usize = 4;

/// Days of history the signals read: the 8-week e1RM peak and RPE weeks, a week to spare.
const LOOKBACK_DAYS: u64 = 63;

/// A day as stored in `deload_week`.
fn day_text(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

fn parse_day(text: &str, id: i64) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        StoreError::corrupt(
            "deload_week",
            id,
            format!("{text:?} is not a YYYY-MM-DD date"),
        )
    })
}

/// Midnight UTC at the start of `day`, as stored timestamps count.
fn start_of(day: NaiveDate) -> i64 {
    to_millis(day.and_time(NaiveTime::MIN).and_utc())
}

impl Store {
    /// Records a deload from `start` to `end` inclusive (`None` while it runs).
    pub fn record_deload(
        &self,
        start: NaiveDate,
        end: Option<NaiveDate>,
        note: &str,
    ) -> Result<DeloadId, StoreError> {
        Ok(self.record_deloads([(start, end, note)])?[0])
    }

    /// Records several deloads in one transaction (an import, the demo); all or none.
    pub fn record_deloads<'a, I>(&self, deloads: I) -> Result<Vec<DeloadId>, StoreError>
    where
        I: IntoIterator<Item = (NaiveDate, Option<NaiveDate>, &'a str)>,
    {
        let tx = self.write()?;
        let mut ids = Vec::new();
        {
            let mut insert = tx
                .prepare_cached(
                    "INSERT INTO deload_week (started_on, ended_on, note) VALUES (?1, ?2, ?3)",
                )
                .map_err(self.fail("record the deload"))?;
            for (start, end, note) in deloads {
                if end.is_some_and(|end| end < start) {
                    return Err(StoreError::Invalid(format!(
                        "a deload cannot end ({}) before it starts ({start})",
                        end.map(day_text).unwrap_or_default()
                    )));
                }
                insert
                    .execute(params![day_text(start), end.map(day_text), note.trim()])
                    .map_err(self.fail("record the deload"))?;
                ids.push(DeloadId(tx.last_insert_rowid()));
            }
        }
        self.commit(tx, "record the deload")?;
        Ok(ids)
    }

    /// Ends the deload `id` early, the day before `today` (the lifter trains normally from
    /// today). A deload that starts today is removed instead: it never covered a day. Returns
    /// the deload as it now stands, `None` when removed.
    pub fn end_deload(
        &self,
        id: DeloadId,
        today: NaiveDate,
    ) -> Result<Option<DeloadWeek>, StoreError> {
        let Some(mut deload) = self.deloads()?.into_iter().find(|d| d.id == id) else {
            return Err(StoreError::NotFound {
                what: "deload",
                id: id.0,
            });
        };
        let tx = self.write()?;
        let last = today.pred_opt().filter(|last| *last >= deload.start);
        match last {
            Some(last) => {
                tx.execute(
                    "UPDATE deload_week SET ended_on = ?1 WHERE id = ?2",
                    params![day_text(last), id.0],
                )
                .map_err(self.fail("end the deload"))?;
                deload.end = Some(last);
            }
            None => {
                tx.execute("DELETE FROM deload_week WHERE id = ?1", [id.0])
                    .map_err(self.fail("end the deload"))?;
            }
        }
        self.commit(tx, "end the deload")?;
        Ok(last.map(|_| deload))
    }

    /// The recorded deload that covers `today`, if any (the latest started, should two overlap).
    pub fn current_deload(&self, today: NaiveDate) -> Result<Option<DeloadWeek>, StoreError> {
        Ok(self.deloads()?.into_iter().find(|d| d.covers(today)))
    }

    /// Every recorded deload, the latest first.
    pub fn deloads(&self) -> Result<Vec<DeloadWeek>, StoreError> {
        let rows = self
            .conn
            .prepare_cached(
                "SELECT id, started_on, ended_on, note FROM deload_week
                 ORDER BY started_on DESC, id DESC",
            )
            .and_then(|mut stmt| {
                stmt.query_map([], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, String>(3)?,
                    ))
                })
                .and_then(Iterator::collect::<Result<Vec<_>, _>>)
            })
            .map_err(self.fail("read the deloads"))?;
        rows.into_iter()
            .map(|(id, start, end, note)| {
                Ok(DeloadWeek {
                    id: DeloadId(id),
                    start: parse_day(&start, id)?,
                    end: end.map(|e| parse_day(&e, id)).transpose()?,
                    note,
                })
            })
            .collect()
    }

    /// What the deload signals read as of `today` (UTC days, like every stored date): the main
    /// lifts' weekly e1RMs, weekly mean working-set RPE, the daily ACWR over the last
    /// [`LOOKBACK_DAYS`] (of the daily loads the training-load view uses: hrTSS, else session RPE
    /// × minutes on the lifter's scale), the last deload and the first training day. Pass it to [`crate::core::strength::deload::assess`] through
    /// [`DeloadHistory::input`].
    pub fn deload_input(&self, today: NaiveDate) -> Result<DeloadHistory, StoreError> {
        let first = today
            .checked_sub_days(Days::new(LOOKBACK_DAYS - 1))
            .unwrap_or(today);
        let from = start_of(first);
        let until = start_of(today.succ_opt().unwrap_or(today));
        let deloads: Vec<DeloadWeek> = self
            .deloads()?
            .into_iter()
            .filter(|d| d.start <= today)
            .collect();
        let training_since = self.first_training_day()?;
        // The same daily load as the training-load view and `report` (hrTSS, or session RPE on
        // the lifter's scale), so every ACWR the lifter sees is one number.
        let daily = DailyLoads::build(&self.session_loads(None, today)?, today);
        let mut acwr = acwr_series(&daily.loads());
        acwr.drain(..acwr.len().saturating_sub(LOOKBACK_DAYS as usize));
        Ok(DeloadHistory {
            main_lifts: main_lifts(self.lift_candidates(from, until)?, MAIN_LIFTS, &deloads),
            weeks: weekly_rpe(&self.working_rpes(from, until)?),
            acwr,
            last_deload: deloads.iter().map(|d| d.last_day().min(today)).max(),
            training_since,
        })
    }

    /// The day of the first session (abandoned ones aside): where training age counts from.
    pub fn first_training_day(&self) -> Result<Option<NaiveDate>, StoreError> {
        let first: Option<i64> = self
            .conn
            .prepare_cached("SELECT MIN(started_at) FROM session WHERE status != 'abandoned'")
            .and_then(|mut stmt| stmt.query_row([], |r| r.get(0)))
            .map_err(self.fail("read the first training day"))?;
        first
            .map(|ms| from_millis(ms, "session", 0).map(|at| at.date_naive()))
            .transpose()
    }

    /// Barbell compound lifts with stored e1RMs between `from` and `until` (unix ms): each
    /// session's best.
    fn lift_candidates(&self, from: i64, until: i64) -> Result<Vec<LiftCandidate>, StoreError> {
        let rows = self
            .conn
            .prepare_cached(
                "SELECT e.id, e.name, ses.id, ses.started_at, MAX(s.e1rm_kg) FROM session ses
                 JOIN session_exercise se ON se.session_id = ses.id
                 JOIN exercise e ON e.id = se.exercise_id
                 JOIN set_entry s ON s.session_exercise_id = se.id
                 WHERE ses.started_at >= ?1 AND ses.started_at < ?2 AND ses.status != 'abandoned'
                   AND e.kind = 'strength' AND e.equipment = 'barbell' AND e.mechanics = 'compound'
                   AND s.e1rm_kg IS NOT NULL
                 GROUP BY e.id, ses.id",
            )
            .and_then(|mut stmt| {
                stmt.query_map([from, until], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, i64>(3)?,
                        r.get::<_, f64>(4)?,
                    ))
                })
                .and_then(Iterator::collect::<Result<Vec<_>, _>>)
            })
            .map_err(self.fail("read the main lifts' e1RMs"))?;
        let mut lifts: BTreeMap<i64, LiftCandidate> = BTreeMap::new();
        for (exercise, name, session, started_at, kg) in rows {
            let point = E1rmPoint {
                date: from_millis(started_at, "session", session)?.date_naive(),
                e1rm: Weight::from_kg(kg).map_err(|e| {
                    StoreError::corrupt("session", session, format!("a set's e1RM: {}", e.0))
                })?,
            };
            let lift = lifts.entry(exercise).or_insert_with(|| LiftCandidate {
                name,
                sessions: 0,
                e1rms: Vec::new(),
            });
            lift.sessions += 1;
            lift.e1rms.push(point);
        }
        Ok(lifts.into_values().collect())
    }

    /// `(day, RPE)` of every working set between `from` and `until` (unix ms).
    fn working_rpes(
        &self,
        from: i64,
        until: i64,
    ) -> Result<Vec<(NaiveDate, Option<f64>)>, StoreError> {
        let rows = self
            .conn
            .prepare_cached(
                "SELECT ses.id, ses.started_at, s.rpe FROM session ses
                 JOIN session_exercise se ON se.session_id = ses.id
                 JOIN set_entry s ON s.session_exercise_id = se.id
                 WHERE ses.started_at >= ?1 AND ses.started_at < ?2 AND ses.status != 'abandoned'
                   AND s.kind != 'warmup'",
            )
            .and_then(|mut stmt| {
                stmt.query_map([from, until], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, Option<f64>>(2)?,
                    ))
                })
                .and_then(Iterator::collect::<Result<Vec<_>, _>>)
            })
            .map_err(self.fail("read the weekly RPE"))?;
        rows.into_iter()
            .map(|(session, at, rpe)| Ok((from_millis(at, "session", session)?.date_naive(), rpe)))
            .collect()
    }
}

#[cfg(test)]
mod tests;
