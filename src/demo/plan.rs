//! What the planner hands to the writer: each session as it will be stored with the timeline
//! behind it, the program runs, and every write in the order it happened.
//!
//! Heart rate is the next layer on top: a generator walks [`SessionPlan::bouts`] (work and the
//! rest between) to produce 1 Hz samples for the session.

use chrono::{DateTime, NaiveDate, Utc};

pub use super::run::RunPlan;
use crate::core::program::slot::{Change, Slots};
use crate::store::{HistorySession, RunStatus};

/// The whole history.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Plan {
    /// Every session, oldest first.
    pub sessions: Vec<SessionPlan>,
    /// Every program run, in the order started.
    pub runs: Vec<RunPlan>,
    /// What to write, in the order it happened.
    pub steps: Vec<Step>,
}

/// One write of the history.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Run `run` is put on the calendar (its program kept first, the first time).
    Start { run: usize, at: DateTime<Utc> },
    /// Session `index` of [`Plan::sessions`] is started (a program day's with its day marked
    /// trained); its sets are written at the end.
    Session(usize),
    /// A trained day's progression: the slots after it, and the changes its rules made.
    Progress {
        run: usize,
        after: Box<Slots>,
        changes: Vec<Change>,
        at: DateTime<Utc>,
    },
    /// A program day passed over on purpose.
    Skip {
        run: usize,
        seq: usize,
        reason: String,
        at: DateTime<Utc>,
    },
    /// Paused, resumed, finished or abandoned on `day`.
    Status {
        run: usize,
        to: RunStatus,
        day: NaiveDate,
        at: DateTime<Utc>,
    },
}

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
    /// The program day it trains, if any.
    pub program: Option<ProgramDay>,
}

/// A session's program day: the run, which day of it, and what it prescribed (the targets as
/// the app stores them, JSON).
#[derive(Debug, Clone, PartialEq)]
pub struct ProgramDay {
    pub run: usize,
    pub seq: usize,
    pub targets: String,
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
