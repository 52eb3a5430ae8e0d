//! A past session with everything its detail screen shows, read in one store request: the sets,
//! the session's heart rate (chart points, gaps, rests between sets, time in zones and the
//! stored figures), each set's heart rate, and each exercise's previous performance. The
//! numbers (the comparison, rests, time in zones) come from [`crate::core::review::session`], so
//! the screen only draws them.

use std::collections::HashMap;

use crate::core::heart::sample::HrGap;
use crate::core::heart::set_hr::SetHr;
use crate::core::heart::summary::HrSummary;
use crate::core::profile::ZoneKind;
use crate::core::review::session::{ZoneTime, rests, zone_times};
use crate::core::strength::history::PerformanceSummary;
use crate::core::workout::exercise::ExerciseId;
use crate::core::workout::session::{Session, SessionId, SetId};
use crate::store::{Store, StoreError};

/// One past session and what its detail screen shows besides the sets.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionDetail {
    pub session: Session,
    /// The session's heart rate; `None` when none was recorded.
    pub hr: Option<DetailHr>,
    /// The heart rate of each set that has one.
    pub set_hr: HashMap<SetId, SetHr>,
    /// Each exercise's last earlier performance, in the order first done in the session
    /// (exercises done for the first time are left out).
    pub previous: Vec<(ExerciseId, PerformanceSummary)>,
}

/// A session's heart rate, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct DetailHr {
    /// `(ms since the session started, bpm)`, in time order.
    pub points: Vec<(u32, u16)>,
    /// Recorded drop-outs: the chart leaves them empty.
    pub gaps: Vec<HrGap>,
    /// Rests between sets, `(from, to)` in ms since the start: from a set's end to where the
    /// next one began (the lowest heart rate in the two minutes before it ended).
    pub rests: Vec<(u32, u32)>,
    /// The stored summary (average, max, TRIMP, hrTSS, RMSSD); `None` until the session is
    /// finished.
    pub summary: Option<HrSummary>,
    /// The zone model the session was recorded with.
    pub model: Option<ZoneKind>,
    /// Time in each zone of that model, lowest zone first.
    pub zones: Vec<ZoneTime>,
}

impl SessionDetail {
    /// Reads session `id` with its heart rate, its sets' heart rate and the previous
    /// performance of each of its exercises. Reads one session's samples, never more.
    pub fn read(store: &Store, id: SessionId) -> Result<SessionDetail, StoreError> {
        let session = store.session(id)?.ok_or(StoreError::NotFound {
            what: "session",
            id: id.0,
        })?;
        let recorded = store.session_hr(id)?;
        let hr = if recorded.samples.is_empty() {
            None
        } else {
            let summary = store.hr_summary(id)?;
            let settings = store.hr_settings(id)?;
            Some(DetailHr {
                rests: rests(&session, &recorded.samples),
                zones: zone_times(summary.as_ref(), settings.as_ref()),
                points: recorded
                    .samples
                    .iter()
                    .map(|s| (s.offset_ms, s.bpm.get()))
                    .collect(),
                gaps: recorded.gaps,
                summary,
                model: settings.map(|s| s.zones),
            })
        };
        let set_hr = store
            .session_set_hr(id)?
            .into_iter()
            .filter(|(_, hr)| *hr != SetHr::default())
            .collect();
        Ok(SessionDetail {
            hr,
            set_hr,
            previous: store.previous_performances(id)?,
            session,
        })
    }
}
