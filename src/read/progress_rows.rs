//! What the progression screen draws from: one lift's sessions, and when the screen opens the
//! lifts trained, the muscle table's rows and the recorded deloads.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate};

use crate::core::review::MuscleSets;
use crate::core::review::range::Range;
use crate::core::strength::deload::DeloadWeek;
use crate::core::strength::history::PerformanceSummary;
use crate::core::workout::exercise::{ExerciseId, ExerciseKind};
use crate::store::{Store, StoreError};

/// The muscle table never shows more than this range: a column per week stays readable.
pub const MUSCLE_RANGE: Range = Range::Weeks12;

/// What the store sends for the progression screen.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProgressRows {
    /// The lift the history is of; `None` when no lift was trained yet.
    pub exercise: Option<ExerciseId>,
    /// Every session of that lift, in any order.
    pub history: Vec<PerformanceSummary>,
    /// The lifts trained (strength exercises), the most recently trained first; only when asked.
    pub lifts: Option<Vec<ExerciseId>>,
    /// Working sets per muscle since [`MUSCLE_RANGE`] began, every exercise; only when asked.
    pub muscles: Option<Vec<MuscleSets>>,
    /// The recorded deloads (left out of the trend); only when asked.
    pub deloads: Option<Vec<DeloadWeek>>,
}

impl ProgressRows {
    /// The sessions of `exercise` (else of the most recently trained lift) as of `today`; with
    /// `with_lists`, also the lifts trained, the muscle table's rows and the recorded deloads.
    pub fn read(
        store: &Store,
        exercise: Option<ExerciseId>,
        today: NaiveDate,
        with_lists: bool,
    ) -> Result<ProgressRows, StoreError> {
        let lifts = if with_lists {
            Some(lifts(store)?)
        } else {
            None
        };
        let exercise = exercise.or_else(|| lifts.as_ref().and_then(|l| l.first().copied()));
        let history = match exercise {
            Some(id) => store.performances(id, usize::MAX)?,
            None => Vec::new(),
        };
        let muscles = if with_lists {
            let since = MUSCLE_RANGE.start(today).unwrap_or(today);
            Some(store.muscle_sets(since, today)?)
        } else {
            None
        };
        let deloads = if with_lists {
            Some(store.deloads()?)
        } else {
            None
        };
        Ok(ProgressRows {
            exercise,
            history,
            lifts,
            muscles,
            deloads,
        })
    }
}

/// Strength exercises with at least one set, the most recently trained first (bodyweight and
/// cardio exercises have no e1RM to chart).
fn lifts(store: &Store) -> Result<Vec<ExerciseId>, StoreError> {
    let strength: HashSet<ExerciseId> = store
        .exercises()?
        .into_iter()
        .filter(|e| e.kind == ExerciseKind::Strength)
        .map(|e| e.id)
        .collect();
    Ok(store
        .exercises_trained_since(DateTime::UNIX_EPOCH)?
        .into_iter()
        .filter(|id| strength.contains(id))
        .collect())
}
