//! The check every set passes before it is saved (`core::workout::plausible`): an impossible load is
//! refused with the reason; a load far beyond the lift's history is asked about once — Enter
//! again on the same line logs it — so a typo never becomes a record.

use crate::app::state::{EntryError, State};
use crate::core::workout::exercise::{Equipment, ExerciseId};
use crate::core::workout::plausible::{impossible, unusual};
use crate::core::workout::set::SetSpec;

/// Whether `sets`, typed as `line` for `exercise`, may be saved. `asked` is the line the last
/// question was asked for: the same line again means "yes, log it".
pub fn check(
    state: &State,
    exercise: ExerciseId,
    sets: &[SetSpec],
    line: &str,
    asked: Option<&str>,
) -> Result<(), EntryError> {
    refused(state, exercise, sets)?;
    if asked == Some(line) {
        return Ok(());
    }
    let best = state.coaching.get(&exercise).and_then(|c| c.heaviest_moved);
    let body = state.profile.as_ref().map(|p| p.body_weight);
    match sets
        .iter()
        .find_map(|s| unusual(s.load, body, best, state.unit()))
    {
        Some(question) => Err(EntryError {
            message: format!("{question}: Enter again logs it"),
            at: None,
        }),
        None => Ok(()),
    }
}

/// An impossible load among `sets` for `exercise`, as the error to show.
pub fn refused(state: &State, exercise: ExerciseId, sets: &[SetSpec]) -> Result<(), EntryError> {
    let body = state.profile.as_ref().map(|p| p.body_weight);
    let equipment = state
        .exercise(exercise)
        .map_or(Equipment::Other, |e| e.equipment);
    match sets
        .iter()
        .find_map(|s| impossible(s.load, equipment, body, state.unit()))
    {
        Some(message) => Err(EntryError { message, at: None }),
        None => Ok(()),
    }
}
