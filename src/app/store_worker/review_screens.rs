//! The reads behind the review screens: [`ProgressRows`] and [`LoadRows`].

use crate::app::effect::{StoreReply, StoreRequest};
use crate::read::{LoadRows, ProgressRows};
use crate::store::{Store, StoreError};

/// Answers `LoadProgress` and `LoadTrainingLoad`.
pub fn answer(store: &Store, request: StoreRequest) -> Result<StoreReply, StoreError> {
    Ok(match request {
        StoreRequest::LoadProgress {
            exercise,
            today,
            lists,
        } => StoreReply::ProgressRows(Box::new(ProgressRows::read(store, exercise, today, lists)?)),
        StoreRequest::LoadTrainingLoad { today } => {
            StoreReply::LoadRows(Box::new(LoadRows::read(store, today)?))
        }
        other => super::unreachable_request(&other),
    })
}
