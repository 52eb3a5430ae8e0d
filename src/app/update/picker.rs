//! The exercise picker: typing filters the catalogue (recently used first), Enter picks — or
//! offers to create what was typed — and Esc leaves.

use super::{Command, Effect, Input, Modal, State};
use crate::app::dialog::Dialog;
use crate::app::exercise_form::{NAME_MAX, exercise_form};
use crate::app::state::{Picker, PickerPurpose};
use crate::app::store_worker::SessionRequest;
use crate::core::workout::fuzzy;

/// Show the picker for adding an exercise to the session, everything listed.
pub fn offer_exercises(state: &mut State) {
    let results = rank_exercises(state, "");
    state.modal = Some(Modal::Picker(Picker {
        results,
        ..Picker::default()
    }));
}

/// A key in the exercise picker: typing filters, Enter picks (or offers to create), Esc leaves.
pub fn input(state: &mut State, mut picker: Picker, input: Input) -> Vec<Effect> {
    match input {
        Input::Edit(edit) => {
            picker.query.set_limit(NAME_MAX);
            picker.query.apply(edit);
            picker.results = match picker.purpose {
                PickerPurpose::AddToSession => rank_exercises(state, picker.query.text()),
                PickerPurpose::Progress => super::review::rank_lifts(state, picker.query.text()),
            };
            picker.selected = 0;
        }
        Input::Command(Command::Up) => picker.selected = picker.selected.saturating_sub(1),
        Input::Command(Command::Down) => {
            picker.selected = (picker.selected + 1).min(picker.results.len().saturating_sub(1));
        }
        Input::Command(Command::Back) if picker.purpose == PickerPurpose::AddToSession => {
            return discard_if_empty(state);
        }
        Input::Command(Command::Back) => return Vec::new(),
        // More was typed than the query holds: the picker says so; Enter waits.
        Input::Command(Command::Submit) if picker.query.refused() > 0 => {}
        Input::Command(Command::Submit) => {
            let chosen = picker
                .results
                .get(picker.selected)
                .and_then(|i| state.exercises.get(*i));
            if picker.purpose == PickerPurpose::Progress {
                if let Some(id) = chosen.map(|e| e.id) {
                    return super::review::picked(state, id);
                }
                state.modal = Some(Modal::Picker(picker));
                return Vec::new();
            }
            if let (Some(exercise), Some(session)) = (chosen, &state.session) {
                return vec![Effect::Store(
                    SessionRequest::AddSlot {
                        session: session.id,
                        exercise: exercise.id,
                    }
                    .into(),
                )];
            }
            // Nothing matches what was typed: offer to create it.
            state.modal = Some(Modal::Picker(picker));
            return create_exercise_form(state);
        }
        Input::Command(Command::CreateExercise)
            if picker.purpose == PickerPurpose::AddToSession =>
        {
            state.modal = Some(Modal::Picker(picker));
            return create_exercise_form(state);
        }
        Input::Command(_) => {}
    }
    state.modal = Some(Modal::Picker(picker));
    Vec::new()
}

/// A session left without any exercise is not kept: Esc in its picker discards it.
fn discard_if_empty(state: &State) -> Vec<Effect> {
    match &state.session {
        Some(session) if session.slots.is_empty() => vec![Effect::Store(
            SessionRequest::Abandon {
                session: session.id,
                at: state.now,
            }
            .into(),
        )],
        _ => Vec::new(),
    }
}

/// Catalogue indices ranked for a picker query, recently used exercises first.
pub fn rank_exercises(state: &State, query: &str) -> Vec<usize> {
    let items: Vec<(&str, &[String])> = state
        .exercises
        .iter()
        .map(|e| (e.name.as_str(), e.aliases.as_slice()))
        .collect();
    let recent: Vec<usize> = state
        .recent_exercises
        .iter()
        .filter_map(|id| state.exercises.iter().position(|e| e.id == *id))
        .collect();
    fuzzy::rank(query, &items, &recent)
}

/// Open the "new exercise" form, named after what was typed in the picker.
fn create_exercise_form(state: &mut State) -> Vec<Effect> {
    let name = match &state.modal {
        Some(Modal::Picker(p)) => p.query.text().trim().to_string(),
        _ => String::new(),
    };
    state.modal = Some(Modal::Form(Dialog::NewExercise(exercise_form(&name))));
    Vec::new()
}
