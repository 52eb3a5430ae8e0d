//! A session's HR settings snapshot and its stored HR summary: written once when the session's
//! heart rate is complete, read by every chart that spans more than one session.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension as _, Row, params};

use super::stored_bpm;
use crate::core::heart::settings::HrSettings;
use crate::core::heart::summary::{HrSummary, ZONE_SLOTS, summarise};
use crate::core::profile::ZoneKind;
use crate::core::units::Bpm;
use crate::core::workout::session::SessionId;
use crate::store::{Store, StoreError, from_millis, to_millis};

/// The settings columns of `session`, in [`read_settings`] order.
const SETTINGS_COLUMNS: &str = "hr_max, hr_rest, lthr, zone_model";

/// The summary columns of `session`, in [`read_summary`] order.
const SUMMARY_COLUMNS: &str = "avg_hr, max_hr, hr_s, trimp, hrtss, rmssd, rr_dropped, \
     z0_s, z1_s, z2_s, z3_s, z4_s, z5_s, z6_s";

const UPDATE_SETTINGS: &str =
    "UPDATE session SET hr_max = ?2, hr_rest = ?3, lthr = ?4, zone_model = ?5 WHERE id = ?1";

const UPDATE_SUMMARY: &str = "UPDATE session SET avg_hr = ?2, max_hr = ?3, hr_s = ?4, trimp = ?5,
     hrtss = ?6, rmssd = ?7, rr_dropped = ?8, z0_s = ?9, z1_s = ?10, z2_s = ?11, z3_s = ?12,
     z4_s = ?13, z5_s = ?14, z6_s = ?15 WHERE id = ?1";

/// One session's stored HR summary, for charts and lists over many sessions.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionHrSummary {
    pub session: SessionId,
    pub started_at: DateTime<Utc>,
    /// The settings it was recorded with (`None` if it never had any).
    pub settings: Option<HrSettings>,
    pub summary: HrSummary,
}

impl Store {
    /// Snapshots the HR settings a session is recorded with (at its start, so a crash keeps them).
    pub fn set_hr_settings(
        &self,
        session: SessionId,
        settings: &HrSettings,
    ) -> Result<(), StoreError> {
        let changed = self
            .write_hr_settings(session.0, settings)
            .map_err(self.fail("save the session's heart-rate settings"))?;
        found(changed, session)
    }

    /// The HR settings snapshot of a session, if it has one.
    pub fn hr_settings(&self, session: SessionId) -> Result<Option<HrSettings>, StoreError> {
        let row = self
            .conn
            .prepare_cached(&format!(
                "SELECT {SETTINGS_COLUMNS} FROM session WHERE id = ?1"
            ))
            .and_then(|mut stmt| {
                stmt.query_row([session.0], |r| read_settings(r, 0))
                    .optional()
            })
            .map_err(self.fail("read the session's heart-rate settings"))?;
        let Some(raw) = row else {
            return Err(StoreError::NotFound {
                what: "session",
                id: session.0,
            });
        };
        settings(raw, session.0)
    }

    /// Stores a session's HR summary (`None` clears it: a session without heart rate).
    pub fn save_hr_summary(
        &self,
        session: SessionId,
        summary: Option<&HrSummary>,
    ) -> Result<(), StoreError> {
        let changed = self
            .write_hr_summary(session.0, summary)
            .map_err(self.fail("save the session's heart-rate summary"))?;
        found(changed, session)
    }

    /// The stored HR summary of a session, if it has one.
    pub fn hr_summary(&self, session: SessionId) -> Result<Option<HrSummary>, StoreError> {
        let row = self
            .conn
            .prepare_cached(&format!(
                "SELECT {SUMMARY_COLUMNS} FROM session WHERE id = ?1"
            ))
            .and_then(|mut stmt| {
                stmt.query_row([session.0], |r| read_summary(r, 0))
                    .optional()
            })
            .map_err(self.fail("read the session's heart-rate summary"))?;
        match row {
            None => Err(StoreError::NotFound {
                what: "session",
                id: session.0,
            }),
            Some(raw) => summary(raw, session.0),
        }
    }

    /// The stored HR summaries of the sessions started in `[from, to)`, oldest first; sessions
    /// without heart rate are left out. Reads `session` only, never the samples.
    pub fn hr_summaries(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<SessionHrSummary>, StoreError> {
        let fail = || self.fail("read the heart-rate summaries");
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT id, started_at, {SETTINGS_COLUMNS}, {SUMMARY_COLUMNS} FROM session
                 WHERE started_at >= ?1 AND started_at < ?2 AND avg_hr IS NOT NULL
                 ORDER BY started_at, id"
            ))
            .map_err(fail())?;
        let rows = stmt
            .query_map([to_millis(from), to_millis(to)], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    read_settings(r, 2)?,
                    read_summary(r, 6)?,
                ))
            })
            .and_then(Iterator::collect::<Result<Vec<_>, _>>)
            .map_err(fail())?;
        rows.into_iter()
            .filter_map(|(id, started, raw_settings, raw_summary)| {
                let row = || -> Result<Option<SessionHrSummary>, StoreError> {
                    let Some(summary) = summary(raw_summary, id)? else {
                        return Ok(None);
                    };
                    Ok(Some(SessionHrSummary {
                        session: SessionId(id),
                        started_at: from_millis(started, "session", id)?,
                        settings: settings(raw_settings, id)?,
                        summary,
                    }))
                };
                row().transpose()
            })
            .collect()
    }

    /// Summarises a session's stored heart rate with its settings snapshot (taking, and
    /// snapshotting, the profile's when it has none) and stores the result, in one transaction.
    /// Returns the summary; `None` (stored as such) when the session has no heart rate.
    pub fn finish_hr(&self, session: SessionId) -> Result<Option<HrSummary>, StoreError> {
        let tx = self.write()?;
        let profile = self.profile()?.ok_or_else(|| {
            StoreError::Invalid(
                "heart rate needs a profile (max and resting heart rate); set one up first".into(),
            )
        })?;
        let settings = if let Some(settings) = self.hr_settings(session)? {
            settings
        } else {
            let settings = HrSettings::from_profile(&profile);
            self.set_hr_settings(session, &settings)?;
            settings
        };
        let invalid = |e: crate::core::heart::settings::HrSettingsError| {
            StoreError::Invalid(format!("session {}: {e}", session.0))
        };
        let load = settings.load_params(profile.sex).map_err(invalid)?;
        let zones = settings.zone_model().map_err(invalid)?;
        let hr = self.session_hr(session)?;
        let result = summarise(&hr.samples, &hr.gaps, load, zones);
        self.save_hr_summary(session, result.as_ref())?;
        self.commit(tx, "save the session's heart-rate summary")?;
        Ok(result)
    }

    /// Writes the settings snapshot inside the caller's transaction; returns the rows changed.
    pub(super) fn write_hr_settings(
        &self,
        session: i64,
        s: &HrSettings,
    ) -> rusqlite::Result<usize> {
        self.conn.prepare_cached(UPDATE_SETTINGS)?.execute(params![
            session,
            s.max.get(),
            s.rest.get(),
            s.lthr.map(Bpm::get),
            s.zones.code(),
        ])
    }

    /// Writes the summary inside the caller's transaction; returns the rows changed.
    pub(super) fn write_hr_summary(
        &self,
        session: i64,
        summary: Option<&HrSummary>,
    ) -> rusqlite::Result<usize> {
        let zone = |i: usize| summary.map(|s| s.zone_seconds[i]);
        self.conn.prepare_cached(UPDATE_SUMMARY)?.execute(params![
            session,
            summary.map(|s| s.avg_bpm),
            summary.map(|s| s.max_bpm.get()),
            summary.map(|s| s.seconds),
            summary.map(|s| s.trimp),
            summary.and_then(|s| s.hr_tss),
            summary.and_then(|s| s.rmssd_ms),
            summary.map(|s| s.rr_dropped),
            zone(0),
            zone(1),
            zone(2),
            zone(3),
            zone(4),
            zone(5),
            zone(6),
        ])
    }
}

fn found(changed: usize, session: SessionId) -> Result<(), StoreError> {
    if changed == 0 {
        Err(StoreError::NotFound {
            what: "session",
            id: session.0,
        })
    } else {
        Ok(())
    }
}

/// The settings columns as read: max, rest, LTHR, zone model.
type RawSettings = (Option<i64>, Option<i64>, Option<i64>, Option<String>);

fn read_settings(r: &Row<'_>, first: usize) -> rusqlite::Result<RawSettings> {
    Ok((
        r.get(first)?,
        r.get(first + 1)?,
        r.get(first + 2)?,
        r.get(first + 3)?,
    ))
}

fn settings(raw: RawSettings, id: i64) -> Result<Option<HrSettings>, StoreError> {
    let bad = |problem: String| StoreError::corrupt("session", id, problem);
    let rate = |v: i64| stored_bpm(v).ok_or_else(|| bad(format!("heart rate {v} is out of range")));
    let (Some(max), Some(rest), lthr, Some(zones)) = raw else {
        return Ok(None);
    };
    Ok(Some(HrSettings {
        max: rate(max)?,
        rest: rate(rest)?,
        lthr: lthr.map(rate).transpose()?,
        zones: ZoneKind::from_code(&zones)
            .ok_or_else(|| bad(format!("unknown zone model {zones:?}")))?,
    }))
}

/// The summary columns as read, from `first` on.
#[derive(Clone, Copy)]
struct RawSummary {
    avg: Option<f64>,
    max: Option<i64>,
    seconds: Option<i64>,
    trimp: Option<f64>,
    hr_tss: Option<f64>,
    rmssd: Option<f64>,
    dropped: Option<i64>,
    zones: [Option<i64>; ZONE_SLOTS],
}

fn read_summary(r: &Row<'_>, first: usize) -> rusqlite::Result<RawSummary> {
    let mut zones = [None; ZONE_SLOTS];
    for (i, zone) in zones.iter_mut().enumerate() {
        *zone = r.get(first + 7 + i)?;
    }
    Ok(RawSummary {
        avg: r.get(first)?,
        max: r.get(first + 1)?,
        seconds: r.get(first + 2)?,
        trimp: r.get(first + 3)?,
        hr_tss: r.get(first + 4)?,
        rmssd: r.get(first + 5)?,
        dropped: r.get(first + 6)?,
        zones,
    })
}

fn summary(raw: RawSummary, id: i64) -> Result<Option<HrSummary>, StoreError> {
    let Some(avg_bpm) = raw.avg else {
        return Ok(None);
    };
    let bad = |problem: String| StoreError::corrupt("session", id, problem);
    let count = |v: Option<i64>, what: &str| {
        u32::try_from(v.unwrap_or(0)).map_err(|_| bad(format!("{what} {v:?} is out of range")))
    };
    let max = raw.max.unwrap_or(0);
    let mut zone_seconds = [0; ZONE_SLOTS];
    for (slot, value) in zone_seconds.iter_mut().zip(raw.zones) {
        *slot = count(value, "seconds in a zone")?;
    }
    Ok(Some(HrSummary {
        avg_bpm,
        max_bpm: stored_bpm(max)
            .ok_or_else(|| bad(format!("max heart rate {max} is out of range")))?,
        seconds: count(raw.seconds, "seconds with heart rate")?,
        trimp: raw.trimp.unwrap_or(0.0),
        hr_tss: raw.hr_tss,
        rmssd_ms: raw.rmssd,
        rr_dropped: count(raw.dropped, "dropped RR count")?,
        zone_seconds,
    }))
}
