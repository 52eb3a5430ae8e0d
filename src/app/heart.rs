//! What the app knows about the heart-rate link and the live figures, as plain data.

use std::collections::VecDeque;
use std::time::Duration;

use chrono::{DateTime, Utc};

use std::collections::HashMap;

use crate::core::hr_sample::{GapReason, HrGap, HrSample};
use crate::core::hrm::Contact;
use crate::core::meter::Meter;
use crate::core::session::SetId;
use crate::core::set_hr::{SetHr, SetWindow};
use crate::core::units::Bpm;
use crate::core::zones::Zone;

/// How much heart rate the chart keeps: the last ten minutes.
pub const CHART_WINDOW: Duration = Duration::from_secs(600);

/// The state of the link to the strap (or simulator, or replay).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Link {
    /// No heart-rate source; `hint` says how to get one.
    #[default]
    Off,
    Connecting(String),
    Connected(String),
    /// Connected but silent for this long.
    Stale(Duration),
    /// Not streaming. `reason` says why, in words; `was_connected` when this source had a link
    /// before (only then is it "lost"); `retry` is when the source tries again, if it does.
    Down {
        reason: String,
        was_connected: bool,
        retry: Option<Retry>,
    },
}

/// The source's next try.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retry {
    pub attempt: u32,
    pub delay: Duration,
}

impl Link {
    /// Whether this source has streamed, now or before its link went down.
    pub fn has_connected(&self) -> bool {
        matches!(
            self,
            Link::Connected(_)
                | Link::Stale(_)
                | Link::Down {
                    was_connected: true,
                    ..
                }
        )
    }
}

/// Live heart rate.
#[derive(Debug, Clone, Default)]
pub struct Heart {
    pub link: Link,
    /// Why there is no heart rate and what to do, when `link` is `Off`.
    pub hint: Option<String>,
    pub bpm: Option<Bpm>,
    pub zone: Option<Zone>,
    pub contact: Option<Contact>,
    pub battery: Option<u8>,
    /// Where the strap is worn (`chest`, `wrist` …), when it says.
    pub location: Option<&'static str>,
    pub invalid_packets: u32,
    /// Readings outside 20–250 bpm sent while the strap had (or did not report) skin contact:
    /// dropped, and counted so the panel can say so.
    pub out_of_range: u32,
    pub hr_tss: Option<f64>,
    pub rmssd: Option<f64>,
    /// Figures for the running session; `None` without a profile or a session.
    pub meter: Option<Meter>,
    /// The last ten minutes, source time → bpm (`None` marks a gap).
    pub recent: VecDeque<(Duration, Option<Bpm>)>,
    /// Wall-clock time of the source's zero, to place sets on the chart.
    pub origin: Option<DateTime<Utc>>,
    /// The running session's heart rate, for storage and per-set figures.
    pub log: SessionLog,
}

/// The running session's heart rate on its way to the database.
#[derive(Debug, Clone, Default)]
pub struct SessionLog {
    /// Samples and gaps not yet handed to the store. Each sample goes as it arrives; they wait
    /// here only while the store cannot save heart rate (see `unsaved`), in time order.
    pub pending: Vec<HrSample>,
    pub pending_gaps: Vec<HrGap>,
    /// Set while heart rate cannot be saved (a full disk): it waits in `pending` and is tried
    /// again.
    pub unsaved: Option<Unsaved>,
    /// The lifter was told that heart rate had to be given up (said once a session).
    pub told_given_up: bool,
    /// The last eleven minutes of samples and gaps, for the heart rate of each set.
    pub samples: VecDeque<HrSample>,
    pub gaps: Vec<HrGap>,
    /// A gap that began at this offset; the next sample closes it.
    pub open_gap: Option<(u32, GapReason)>,
    pub last_offset: Option<u32>,
    /// Sets whose heart rate is worked out once their recovery minute has passed.
    pub awaiting: Vec<(SetId, SetWindow)>,
    /// Heart rate of the session's sets, for the table.
    pub sets: HashMap<SetId, SetHr>,
}

/// Why heart rate waits unsaved, and when it is tried again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unsaved {
    /// The gap it becomes if it has to be given up.
    pub reason: GapReason,
    pub retry_at: DateTime<Utc>,
}

impl Heart {
    /// Whether a heart-rate source is attached at all.
    pub fn is_on(&self) -> bool {
        self.link != Link::Off
    }

    /// Source time of a wall-clock moment, if the source has started.
    pub fn source_time(&self, at: DateTime<Utc>) -> Option<Duration> {
        let origin = self.origin?;
        (at - origin).to_std().ok()
    }
}
