//! Finished sessions as the training-load views read them: length, session RPE, the stored set
//! summary and the stored heart-rate summary.

use chrono::NaiveDate;
use rusqlite::Row;

use super::{day_of, day_range};
use crate::core::heart::summary::ZONE_SLOTS;
use crate::core::profile::ZoneKind;
use crate::core::review::{HrTotals, SessionLoad};
use crate::core::workout::session::SessionId;
use crate::store::sessions::session_rpe;
use crate::store::{Store, StoreError};

/// Finished sessions in a range. `cardio` counts the distinct exercises of the session, and only
/// for sessions with any cardio at all (found once, from the few cardio exercises through
/// `session_exercise_by_exercise`): counting every session's exercises would double the time.
const SESSION_LOADS: &str = "SELECT ses.id, ses.started_at, ses.trained_s, ses.rpe, ses.sets,
        ses.volume_kg, ses.hr_s, ses.hrtss, ses.trimp, ses.avg_hr, ses.max_hr, ses.zone_model,
        ses.z0_s, ses.z1_s, ses.z2_s, ses.z3_s, ses.z4_s, ses.z5_s, ses.z6_s,
        CASE WHEN ses.id IN (SELECT se.session_id FROM exercise e
                             JOIN session_exercise se ON se.exercise_id = e.id
                             WHERE e.kind = 'cardio')
        THEN (SELECT 2 * COUNT(DISTINCT CASE WHEN e.kind = 'cardio' THEN e.id END)
                     > COUNT(DISTINCT e.id)
              FROM session_exercise se JOIN exercise e ON e.id = se.exercise_id
              WHERE se.session_id = ses.id)
        ELSE 0 END,
        ses.title
 FROM session ses
 WHERE ses.started_at >= ?1 AND ses.started_at < ?2 AND ses.status = 'finished'
 ORDER BY ses.started_at, ses.id";

/// A row of [`SESSION_LOADS`] before validation.
struct LoadRow {
    id: i64,
    started_at: i64,
    trained_s: Option<i64>,
    rpe: Option<i64>,
    sets: i64,
    volume_kg: f64,
    hr_s: Option<i64>,
    hr_tss: Option<f64>,
    trimp: Option<f64>,
    avg_hr: Option<f64>,
    max_hr: Option<i64>,
    zone_model: Option<String>,
    zones: [Option<i64>; ZONE_SLOTS],
    cardio: bool,
    title: String,
}

impl LoadRow {
    fn read(r: &Row<'_>) -> rusqlite::Result<Self> {
        let mut zones = [None; ZONE_SLOTS];
        for (i, zone) in zones.iter_mut().enumerate() {
            *zone = r.get(12 + i)?;
        }
        Ok(LoadRow {
            id: r.get(0)?,
            started_at: r.get(1)?,
            trained_s: r.get(2)?,
            rpe: r.get(3)?,
            sets: r.get(4)?,
            volume_kg: r.get(5)?,
            hr_s: r.get(6)?,
            hr_tss: r.get(7)?,
            trimp: r.get(8)?,
            avg_hr: r.get(9)?,
            max_hr: r.get(10)?,
            zone_model: r.get(11)?,
            zones,
            cardio: r.get(19)?,
            title: r.get(20)?,
        })
    }

    fn into_load(self) -> Result<SessionLoad, StoreError> {
        let id = self.id;
        let bad = |problem: String| StoreError::corrupt("session", id, problem);
        let trained_s = self
            .trained_s
            .ok_or_else(|| bad("a finished session has no length".into()))?;
        let rpe = session_rpe(self.rpe).map_err(bad)?;
        let hr = match self.hr_s {
            None => None,
            Some(_) => Some(self.hr_totals()?),
        };
        Ok(SessionLoad {
            session: SessionId(id),
            date: day_of(self.started_at, "session", id)?,
            minutes: trained_s.max(0) as f64 / 60.0,
            rpe,
            hr,
            sets: u32::try_from(self.sets)
                .map_err(|_| bad(format!("set count {} is out of range", self.sets)))?,
            volume_kg: self.volume_kg,
            cardio: self.cardio,
            title: self.title,
        })
    }

    /// The stored HR summary; a session recorded before it had a zone model counts Karvonen
    /// zones (the default every session was recorded with until the lifter could choose).
    fn hr_totals(&self) -> Result<HrTotals, StoreError> {
        let bad = |problem: String| StoreError::corrupt("session", self.id, problem);
        let avg_bpm = self
            .avg_hr
            .ok_or_else(|| bad("it has heart rate but no average heart rate".into()))?;
        let max = self.max_hr.unwrap_or(0);
        let max_bpm = u16::try_from(max)
            .ok()
            .filter(|m| (20..=250).contains(m))
            .ok_or_else(|| bad(format!("max heart rate {max} is out of range")))?;
        let zones = match self.zone_model.as_deref() {
            None => ZoneKind::Karvonen,
            Some(code) => ZoneKind::from_code(code).ok_or_else(|| {
                bad(format!(
                    "zone_model must be karvonen, friel_run or friel_bike, got {code:?}"
                ))
            })?,
        };
        let mut zone_seconds = [0; ZONE_SLOTS];
        for (i, (slot, value)) in zone_seconds.iter_mut().zip(self.zones).enumerate() {
            let value = value.unwrap_or(0);
            *slot = u32::try_from(value)
                .map_err(|_| bad(format!("seconds in zone {i} ({value}) are out of range")))?;
        }
        Ok(HrTotals {
            hr_tss: self.hr_tss,
            trimp: self.trimp.unwrap_or(0.0),
            avg_bpm,
            max_bpm,
            zones,
            zone_seconds,
        })
    }
}

impl Store {
    /// Finished sessions started on the days `from` (from the first when `None`) to `until`,
    /// oldest first, with their length, session RPE, stored set summary, stored HR summary (when
    /// heart rate was recorded) and whether most of their exercises are cardio. The running
    /// session is left out: it has no summary yet.
    pub fn session_loads(
        &self,
        from: Option<NaiveDate>,
        until: NaiveDate,
    ) -> Result<Vec<SessionLoad>, StoreError> {
        let (start, end) = day_range(from, until);
        let rows = self
            .conn
            .prepare_cached(SESSION_LOADS)
            .and_then(|mut stmt| {
                stmt.query_map([start, end], LoadRow::read)?
                    .collect::<Result<Vec<_>, _>>()
            })
            .map_err(self.fail("read the session loads"))?;
        rows.into_iter().map(LoadRow::into_load).collect()
    }
}
