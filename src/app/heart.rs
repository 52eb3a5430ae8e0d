//! What the app knows about the heart-rate link and the live figures, as plain data.

use std::collections::VecDeque;
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::core::hrm::Contact;
use crate::core::meter::Meter;
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
    Reconnecting {
        attempt: u32,
        delay: Duration,
    },
    Lost(String),
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
    pub invalid_packets: u32,
    pub hr_tss: Option<f64>,
    pub rmssd: Option<f64>,
    /// Figures for the running session; `None` without a profile or a session.
    pub meter: Option<Meter>,
    /// The last ten minutes, source time → bpm (`None` marks a gap).
    pub recent: VecDeque<(Duration, Option<Bpm>)>,
    /// Wall-clock time of the source's zero, to place sets on the chart.
    pub origin: Option<DateTime<Utc>>,
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
