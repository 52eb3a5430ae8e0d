//! The dashboard's insights: every rule that fires today, from the same rows and rules as
//! `ironpulse report` and `ironpulse context` ([`super::ReviewRows::insights`]).

use chrono::NaiveDate;

use crate::core::review::insights::Insight;
use crate::store::{Store, StoreError};

use super::ReviewRows;

/// Today's insights, warnings first, weights in the lifter's unit.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Insights(pub Vec<Insight>);

impl Insights {
    /// The insights as of `today`. Reads the whole history's review rows: the app asks for them
    /// once the first frame is drawn.
    pub fn read(store: &Store, today: NaiveDate) -> Result<Insights, StoreError> {
        let unit = super::unit(store)?;
        Ok(Insights(
            ReviewRows::read(store, today, None)?.insights(unit),
        ))
    }
}
