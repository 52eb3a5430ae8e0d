//! What the post-workout review reads: session loads, each exercise's sessions, muscle coverage,
//! resting HRV and the previous performance of a session's exercises.
//!
//! Every query reads stored per-session columns (`session.sets`, `volume_kg`, the HR summary) or
//! walks `session` → `session_exercise` → `set_entry` through their indexes; none reads
//! `hr_sample`. Days are UTC days, like every stored date; ranges include both ends. Abandoned
//! sessions are left out everywhere.

mod exercises;
mod hrv;
mod loads;
mod previous;
#[cfg(test)]
mod tests;

use chrono::{Days, NaiveDate, NaiveTime};

use super::{StoreError, from_millis, to_millis};

/// The stored-timestamp range `[start, end)` of the days `from` (the beginning of time when
/// `None`) to `until`, both included.
fn day_range(from: Option<NaiveDate>, until: NaiveDate) -> (i64, i64) {
    let midnight = |day: NaiveDate| to_millis(day.and_time(NaiveTime::MIN).and_utc());
    let start = from.map_or(i64::MIN, midnight);
    let end = until
        .checked_add_days(Days::new(1))
        .map_or(i64::MAX, midnight);
    (start, end)
}

/// The UTC day of a stored timestamp of `table` row `id`.
fn day_of(ms: i64, table: &'static str, id: i64) -> Result<NaiveDate, StoreError> {
    from_millis(ms, table, id).map(|at| at.date_naive())
}
