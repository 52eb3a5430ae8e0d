//! The running session's heart rate: batches of samples and gaps, and each set's figures.

use super::Request;
use crate::core::heart::sample::{GapReason, HrGap, HrSample};
use crate::core::heart::set_hr::SetHr;
use crate::core::workout::session::{SessionId, SetId};
use crate::store::{Store, StoreError};

#[derive(Debug, Clone, PartialEq)]
pub enum HrRequest {
    /// A batch of the running session's heart rate (≤ 2 s old), and recorded gaps.
    Append {
        session: SessionId,
        samples: Vec<HrSample>,
        gaps: Vec<HrGap>,
    },
    /// A set's heart-rate figures, once its window has settled.
    SetHr { set: SetId, hr: SetHr },
}

#[derive(Debug, Clone, PartialEq)]
pub enum HrReply {
    /// A batch (`Append`) was committed.
    Appended,
    /// A batch could not be stored; it comes back whole.
    NotSaved(HrNotSaved),
    /// A set's heart rate stored (nothing to show).
    SetSaved,
}

/// A batch of heart rate the store could not write, back whole (none of it was stored), to be
/// tried again when `retry`, or given up as a gap with `reason`.
#[derive(Debug, Clone, PartialEq)]
pub struct HrNotSaved {
    pub session: SessionId,
    pub samples: Vec<HrSample>,
    pub gaps: Vec<HrGap>,
    /// `DiskFull` or `WriteFailed`.
    pub reason: GapReason,
    pub retry: bool,
    /// The store's words.
    pub message: String,
}

impl Request for HrRequest {
    type Reply = HrReply;

    fn answer(self, store: &Store) -> Result<HrReply, StoreError> {
        Ok(match self {
            HrRequest::Append {
                session,
                samples,
                gaps,
            } => append(store, session, samples, gaps),
            HrRequest::SetHr { set, hr } => {
                store.set_hr(set, &hr)?;
                HrReply::SetSaved
            }
        })
    }
}

/// Stores a batch of heart rate, or hands it back whole (the transaction stored none of it)
/// saying whether a retry can help and what gap it becomes if it is given up.
fn append(store: &Store, session: SessionId, samples: Vec<HrSample>, gaps: Vec<HrGap>) -> HrReply {
    match store.append_hr(session, &samples, &gaps) {
        Ok(()) => HrReply::Appended,
        Err(e) => {
            tracing::warn!(error = %e, samples = samples.len(), "heart rate not saved");
            HrReply::NotSaved(HrNotSaved {
                session,
                samples,
                gaps,
                reason: if matches!(e, StoreError::DiskFull { .. }) {
                    GapReason::DiskFull
                } else {
                    GapReason::WriteFailed
                },
                retry: e.is_transient(),
                message: e.to_string(),
            })
        }
    }
}
