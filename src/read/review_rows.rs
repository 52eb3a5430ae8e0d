//! The review, read from the store in one go. The dashboard's insights, `ironpulse report` and
//! `ironpulse context` all start from [`ReviewRows`], so they show the same numbers as the review
//! screens. Reading ten years of stored per-session summaries costs a few tens of milliseconds
//! (docs/BENCHMARKS.md); no raw heart rate is read. The training-load screen draws only loads and
//! HRV, so it reads just those: [`super::LoadRows`].

use chrono::{Days, NaiveDate};

use crate::core::review::insights::{Insight, InsightInput, insights};
use crate::core::review::muscles::LOOKBACK_DAYS;
use crate::core::review::{ExerciseSession, HrvReading, MuscleSets, SessionLoad};
use crate::core::strength::deload::DeloadWeek;
use crate::core::units::Unit;
use crate::core::workout::exercise::Exercise;
use crate::store::{Store, StoreError};

/// Every row the review computes from, up to and including `today`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReviewRows {
    pub today: NaiveDate,
    /// Every finished session's load (PMC and ACWR need the whole history).
    pub sessions: Vec<SessionLoad>,
    /// Every exercise session (records over time beat every earlier session).
    pub exercise_sessions: Vec<ExerciseSession>,
    /// The catalogue and custom exercises, for names and kinds.
    pub exercises: Vec<Exercise>,
    /// Muscle coverage since `muscles_since`.
    pub muscles: Vec<MuscleSets>,
    pub muscles_since: NaiveDate,
    /// Every resting HRV reading.
    pub hrv: Vec<HrvReading>,
    /// Every recorded deload (light on purpose: left out of e1RM trends).
    pub deloads: Vec<DeloadWeek>,
}

impl ReviewRows {
    /// Reads the rows as of `today`, muscle coverage from `muscles_since` (at most
    /// [`LOOKBACK_DAYS`] back, since the untrained-muscles insight needs that much).
    pub fn read(
        store: &Store,
        today: NaiveDate,
        muscles_since: Option<NaiveDate>,
    ) -> Result<ReviewRows, StoreError> {
        let lookback = today
            .checked_sub_days(Days::new(LOOKBACK_DAYS))
            .unwrap_or(today);
        let muscles_since = muscles_since.map_or(lookback, |since| since.min(lookback));
        Ok(ReviewRows {
            today,
            sessions: store.session_loads(None, today)?,
            exercise_sessions: store.exercise_sessions(None, today)?,
            exercises: store.exercises()?,
            muscles: store.muscle_sets(muscles_since, today)?,
            muscles_since,
            hrv: store.hrv_readings(None, today)?,
            deloads: store.deloads()?,
        })
    }

    /// What the insight rules read, quoting weights in `unit`.
    pub fn input(&self, unit: Unit) -> InsightInput<'_> {
        InsightInput {
            today: self.today,
            unit,
            sessions: &self.sessions,
            exercise_sessions: &self.exercise_sessions,
            exercises: &self.exercises,
            muscles: &self.muscles,
            hrv: &self.hrv,
            deloads: &self.deloads,
        }
    }

    /// Every insight that fires today, warnings first.
    pub fn insights(&self, unit: Unit) -> Vec<Insight> {
        insights(&self.input(unit))
    }
}
