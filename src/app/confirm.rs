//! A question with two answers ("Resume it?"), and what each answer does.

use chrono::{DateTime, NaiveDate, Utc};

use crate::core::strength::deload::DeloadId;
use crate::core::workout::session::{SessionId, SetId};

/// A question on top of the screen: y answers `yes`, n answers `no`.
#[derive(Debug, Clone, PartialEq)]
pub struct Confirm {
    pub message: String,
    pub yes: &'static str,
    pub no: &'static str,
    pub on_yes: ConfirmAction,
    pub on_no: Option<ConfirmAction>,
}

impl Confirm {
    /// A question whose "no" just closes it.
    pub fn ask(
        message: String,
        yes: &'static str,
        no: &'static str,
        on_yes: ConfirmAction,
    ) -> Confirm {
        Confirm {
            message,
            yes,
            no,
            on_yes,
            on_no: None,
        }
    }
}

/// What an answer does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfirmAction {
    ResumeSession,
    /// Finish the running session, idle for hours, at its last activity and start a new one.
    FinishIdle {
        at: DateTime<Utc>,
    },
    /// Log the line in the running session although it was idle.
    LogAnyway,
    AbandonSession,
    DeleteSet {
        set: SetId,
    },
    DeleteSession(SessionId),
    /// Record a deload week from `start` to `end` inclusive.
    StartDeload {
        start: NaiveDate,
        end: NaiveDate,
    },
    /// End the running deload early.
    EndDeload(DeloadId),
    /// Start the running program's next day early (today's is done, or today is a rest day).
    StartProgramEarly,
}
