//! The deload check (science.md: four signals, two → medium, three → high) with the figures
//! behind it. The dashboard, `ironpulse deload`, `recommend`, `report` and `context` all read it
//! here, so they agree.

use chrono::NaiveDate;

use crate::core::strength::deload::{DeloadAdvice, DeloadConfig, DeloadDay, DeloadWeek, assess};
use crate::core::units::Unit;
use crate::store::{Store, StoreError};

/// The deload check as of a day: the advice, the day's ACWR of the daily loads, the last deload
/// and the recorded deload week running that day.
#[derive(Debug, Clone, PartialEq)]
pub struct DeloadCheck {
    pub today: NaiveDate,
    pub advice: DeloadAdvice,
    /// Today's ACWR; `None` before 28 days of loads.
    pub acwr: Option<f64>,
    /// The last day of the last recorded deload up to today.
    pub last: Option<NaiveDate>,
    /// The recorded deload week running today, and which of its days today is.
    pub running: Option<(DeloadWeek, DeloadDay)>,
}

impl DeloadCheck {
    /// Checks the deload signals as of `today`, quoting weights in `unit`.
    pub fn read(store: &Store, unit: Unit, today: NaiveDate) -> Result<DeloadCheck, StoreError> {
        let history = store.deload_input(today)?;
        let config = DeloadConfig {
            unit,
            ..DeloadConfig::default()
        };
        let running = store
            .current_deload(today)?
            .and_then(|d| d.day_of(today).map(|day| (d, day)));
        Ok(DeloadCheck {
            today,
            advice: assess(&history.input(), &config, today),
            acwr: history.acwr.last().copied().flatten(),
            last: history.last_deload,
            running,
        })
    }
}
