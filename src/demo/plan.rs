//! What the planner hands to the writer: each session as it will be stored, plus the timeline
//! behind it.
//!
//! Heart rate is the next layer on top: a generator can walk [`SessionPlan::bouts`] (work and the
//! rest between) to produce 1 Hz samples for the session, and this struct is where they will go.

use chrono::{DateTime, Utc};

use crate::store::HistorySession;

/// One planned session.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionPlan {
    /// The session exactly as it will be written.
    pub session: HistorySession,
    /// Weeks since the history began, from 0.
    pub week: u32,
    /// Whether the session falls in a deload week.
    pub deload: bool,
    /// Every set's work bout, in the order done; the gaps between them are rest.
    pub bouts: Vec<WorkBout>,
}

/// The time under the bar of one set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WorkBout {
    pub started_at: DateTime<Utc>,
    /// Equals the set's `completed_at`.
    pub ended_at: DateTime<Utc>,
    /// The load as a share of the lifter's max that day (about 0.3 for a first warm-up, 0.85 for
    /// a heavy five).
    pub intensity: f64,
}

impl SessionPlan {
    /// Number of sets, warm-ups included.
    pub fn set_count(&self) -> usize {
        self.session.slots.iter().map(|s| s.sets.len()).sum()
    }
}
