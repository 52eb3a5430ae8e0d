//! Deloads: the check as of today, a deload week recorded or ended early.

use chrono::NaiveDate;

use super::Request;
use crate::core::strength::deload::{DeloadAdvice, DeloadId, DeloadWeek};
use crate::read::DeloadCheck;
use crate::store::{Store, StoreError};

#[derive(Debug, Clone, PartialEq)]
pub enum DeloadRequest {
    /// The deload check as of `today`, and the recorded deload covering it.
    Check { today: NaiveDate },
    /// Record a deload week from `start` to `end` inclusive.
    Start { start: NaiveDate, end: NaiveDate },
    /// End a running deload early, the day before `today`.
    End { id: DeloadId, today: NaiveDate },
}

#[derive(Debug, Clone, PartialEq)]
pub enum DeloadReply {
    /// The deload check, and the recorded deload covering today, if any.
    Checked {
        advice: DeloadAdvice,
        current: Option<DeloadWeek>,
    },
    Started(DeloadWeek),
    /// A deload ended early, as it now stands; `None` when it started today and was removed.
    Ended(Option<DeloadWeek>),
}

impl Request for DeloadRequest {
    type Reply = DeloadReply;

    fn answer(self, store: &Store) -> Result<DeloadReply, StoreError> {
        Ok(match self {
            DeloadRequest::Check { today } => DeloadReply::Checked {
                advice: DeloadCheck::read(store, crate::read::unit(store)?, today)?.advice,
                current: store.current_deload(today)?,
            },
            DeloadRequest::Start { start, end } => {
                let id = store.record_deload(start, Some(end), "")?;
                DeloadReply::Started(DeloadWeek {
                    id,
                    start,
                    end: Some(end),
                    note: String::new(),
                })
            }
            DeloadRequest::End { id, today } => DeloadReply::Ended(store.end_deload(id, today)?),
        })
    }
}
