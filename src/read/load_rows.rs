//! What the training-load screen draws from: every finished session's load and every resting HRV
//! reading.

use chrono::NaiveDate;

use crate::core::review::{HrvReading, SessionLoad};
use crate::store::{Store, StoreError};

/// What the training-load screen draws from: every finished session's load and every resting
/// HRV reading up to a day. The same rows as [`super::ReviewRows`]' `sessions` and `hrv`, without the
/// per-exercise rows the screen never shows (most of [`super::ReviewRows::read`]'s time).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LoadRows {
    /// Every finished session's load (PMC and ACWR need the whole history).
    pub sessions: Vec<SessionLoad>,
    /// Every resting HRV reading.
    pub hrv: Vec<HrvReading>,
}

impl LoadRows {
    /// Reads the loads and HRV readings up to and including `today`.
    pub fn read(store: &Store, today: NaiveDate) -> Result<LoadRows, StoreError> {
        Ok(LoadRows {
            sessions: store.session_loads(None, today)?,
            hrv: store.hrv_readings(None, today)?,
        })
    }
}
