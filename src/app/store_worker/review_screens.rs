//! The reads behind the review screens: one lift's sessions (with the lifts trained and the
//! muscle table's rows when the screen opens), and the training-load rows.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate};

use crate::app::review_state::{MUSCLE_RANGE, ProgressRows};
use crate::core::exercise::{ExerciseId, ExerciseKind};
use crate::store::{Store, StoreError};

/// The sessions of `exercise` (else of the most recently trained lift) as of `today`; with
/// `with_lists`, also the lifts trained, the muscle table's rows and the recorded deloads.
pub fn progress_rows(
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
