//! The review's requests: the progression and training-load screens' rows, the dashboard's
//! insights.

use chrono::NaiveDate;

use super::Request;
use crate::core::review::insights::Insight;
use crate::core::workout::exercise::ExerciseId;
use crate::read::{Insights, LoadRows, ProgressRows};
use crate::store::{Store, StoreError};

#[derive(Debug, Clone, PartialEq)]
pub enum ReviewRequest {
    /// The progression screen's rows: `exercise`'s sessions (else the most recently trained
    /// lift's), and with `lists` the lifts trained and the muscle table.
    Progress {
        exercise: Option<ExerciseId>,
        today: NaiveDate,
        lists: bool,
    },
    /// The training-load screen's rows.
    TrainingLoad { today: NaiveDate },
    /// Today's insights for the dashboard.
    Insights { today: NaiveDate },
}

#[derive(Debug, Clone, PartialEq)]
pub enum ReviewReply {
    Progress(Box<ProgressRows>),
    TrainingLoad(Box<LoadRows>),
    /// Today's insights, warnings first.
    Insights(Vec<Insight>),
}

impl Request for ReviewRequest {
    type Reply = ReviewReply;

    fn answer(self, store: &Store) -> Result<ReviewReply, StoreError> {
        Ok(match self {
            ReviewRequest::Progress {
                exercise,
                today,
                lists,
            } => {
                ReviewReply::Progress(Box::new(ProgressRows::read(store, exercise, today, lists)?))
            }
            ReviewRequest::TrainingLoad { today } => {
                ReviewReply::TrainingLoad(Box::new(LoadRows::read(store, today)?))
            }
            ReviewRequest::Insights { today } => {
                ReviewReply::Insights(Insights::read(store, today)?.0)
            }
        })
    }
}
