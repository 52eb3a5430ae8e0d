//! The session list: a page of it, one past session in detail, a session deleted.

use super::Request;
use crate::core::workout::session::{SessionId, SessionSummary};
use crate::read::SessionDetail;
use crate::store::{Store, StoreError};

#[derive(Debug, Clone, PartialEq)]
pub enum HistoryRequest {
    /// A page of the session list, newest first: `limit` sessions after the first `offset`.
    Page {
        offset: usize,
        limit: usize,
    },
    /// A past session with its heart rate and the previous performance of its exercises.
    Detail(SessionId),
    Delete(SessionId),
}

#[derive(Debug, Clone, PartialEq)]
pub enum HistoryReply {
    /// A page of the session list from `offset`, and how many sessions there are in all.
    Page {
        offset: usize,
        sessions: Vec<SessionSummary>,
        total: usize,
    },
    Detail(Box<SessionDetail>),
    Deleted(SessionId),
}

impl Request for HistoryRequest {
    type Reply = HistoryReply;

    fn answer(self, store: &Store) -> Result<HistoryReply, StoreError> {
        Ok(match self {
            HistoryRequest::Page { offset, limit } => HistoryReply::Page {
                offset,
                sessions: store.recent_sessions(limit, offset)?,
                total: store.session_count()?,
            },
            HistoryRequest::Detail(id) => {
                HistoryReply::Detail(Box::new(SessionDetail::read(store, id)?))
            }
            HistoryRequest::Delete(id) => {
                store.delete_session(id)?;
                HistoryReply::Deleted(id)
            }
        })
    }
}
