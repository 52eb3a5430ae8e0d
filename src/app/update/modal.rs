//! Overlays: help, the exercise picker, yes/no questions and small forms.

use super::{Command, Effect, Input, Modal, Screen, State, say, session};
use crate::app::confirm::ConfirmAction;
use crate::app::form::{Field, Form};
use crate::app::state::{FormPurpose, Picker, PickerPurpose};
use crate::app::store_worker::{DeloadRequest, ExerciseRequest, HistoryRequest, SessionRequest};
use crate::core::exercise::{Equipment, ExerciseKind, Mechanics};
use crate::core::fuzzy;

/// The longest exercise name, so also the longest picker query worth typing.
pub const NAME_MAX: usize = 60;

pub fn modal(state: &mut State, input: Input) -> Vec<Effect> {
    let Some(modal) = state.modal.take() else {
        return Vec::new();
    };
    match modal {
        Modal::Help { scroll, first } => {
            state.modal = match input {
                Input::Command(Command::Up) => Some(Modal::Help {
                    scroll: scroll.saturating_sub(1),
                    first,
                }),
                Input::Command(Command::Down) => Some(Modal::Help {
                    scroll: scroll.saturating_add(1),
                    first,
                }),
                Input::Command(Command::Back | Command::Help | Command::Submit) => None,
                _ => Some(Modal::Help { scroll, first }),
            };
            Vec::new()
        }
        Modal::Picker(picker) => picker_input(state, picker, input),
        Modal::Confirm(confirm) => match input {
            Input::Command(Command::Yes | Command::Submit) => confirmed(state, confirm.on_yes),
            Input::Command(Command::No | Command::Back) => {
                confirm.on_no.map_or_else(Vec::new, |a| confirmed(state, a))
            }
            _ => {
                state.modal = Some(Modal::Confirm(confirm));
                Vec::new()
            }
        },
        Modal::Form { mut form, purpose } => {
            match input {
                Input::Edit(edit) => form.edit(edit),
                Input::Command(Command::NextField | Command::Down) => form.focus_next(true),
                Input::Command(Command::PrevField | Command::Up) => form.focus_next(false),
                Input::Command(Command::Back) => return Vec::new(),
                // As in every form: Enter moves to the next field and saves on the last.
                Input::Command(Command::Submit) if form.focus + 1 < form.fields.len() => {
                    form.focus_next(true);
                }
                Input::Command(Command::Submit) if form.refuse_overflow() => {}
                Input::Command(Command::Submit) => return submit_form(state, form, purpose),
                Input::Command(_) => {}
            }
            state.modal = Some(Modal::Form { form, purpose });
            Vec::new()
        }
    }
}

/// A key in the exercise picker: typing filters, Enter picks (or offers to create), Esc leaves.
fn picker_input(state: &mut State, mut picker: Picker, input: Input) -> Vec<Effect> {
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
    let form = Form::new(
        "New exercise",
        vec![
            Field {
                input: crate::app::text_input::TextInput::new(name).with_limit(NAME_MAX),
                ..Field::text("Name", "", "as you want to see it")
            },
            Field::choice("Kind", &["strength", "bodyweight", "cardio"], "strength"),
            Field::choice(
                "Equipment",
                &[
                    "barbell",
                    "dumbbell",
                    "machine",
                    "cable",
                    "kettlebell",
                    "bodyweight",
                    "band",
                    "cardio",
                    "other",
                ],
                "barbell",
            ),
            Field::choice("Mechanics", &["compound", "isolation"], "compound"),
        ],
    );
    state.modal = Some(Modal::Form {
        form,
        purpose: FormPurpose::CustomExercise,
    });
    Vec::new()
}

fn submit_form(state: &mut State, mut form: Form, purpose: FormPurpose) -> Vec<Effect> {
    match purpose {
        FormPurpose::Rule(exercise) => {
            match crate::app::rule_form::read_rule(&form, state.unit()) {
                Ok(rule) => vec![Effect::Store(
                    ExerciseRequest::SetRule { exercise, rule }.into(),
                )],
                Err(errors) => {
                    form.set_errors(&errors);
                    state.modal = Some(Modal::Form { form, purpose });
                    Vec::new()
                }
            }
        }
        FormPurpose::SlotNotes(slot) => {
            let Some(session) = &state.session else {
                return Vec::new();
            };
            vec![Effect::Store(
                SessionRequest::SetSlotNotes {
                    session: session.id,
                    slot,
                    notes: form.value("Notes").to_string(),
                }
                .into(),
            )]
        }
        FormPurpose::CustomExercise => {
            let name = form.value("Name").to_string();
            let error = if name.is_empty() {
                Some("type a name".to_string())
            } else if name.chars().count() > NAME_MAX {
                Some(format!("keep the name under {NAME_MAX} characters"))
            } else {
                state
                    .exercises
                    .iter()
                    .find(|e| {
                        e.name.eq_ignore_ascii_case(&name)
                            || e.aliases.iter().any(|a| a.eq_ignore_ascii_case(&name))
                    })
                    .map(|e| format!("\"{}\" already exists — pick it from the list", e.name))
            };
            if let Some(error) = error {
                form.set_errors(&[("Name", error)]);
                state.modal = Some(Modal::Form { form, purpose });
                return Vec::new();
            }
            let kind =
                ExerciseKind::from_code(form.value("Kind")).unwrap_or(ExerciseKind::Strength);
            let equipment =
                Equipment::from_code(form.value("Equipment")).unwrap_or(Equipment::Other);
            let mechanics =
                Mechanics::from_code(form.value("Mechanics")).unwrap_or(Mechanics::Compound);
            vec![Effect::Store(
                ExerciseRequest::Create {
                    name,
                    kind,
                    equipment,
                    mechanics,
                }
                .into(),
            )]
        }
    }
}

fn confirmed(state: &mut State, action: ConfirmAction) -> Vec<Effect> {
    match action {
        ConfirmAction::ResumeSession => {
            session::carry_on(state);
            session::open(state)
        }
        ConfirmAction::FinishIdle { at } => session::finish_idle(state, at),
        ConfirmAction::LogAnyway => {
            session::carry_on(state);
            session::log(state)
        }
        ConfirmAction::AbandonSession => match &state.session {
            Some(session) => vec![Effect::Store(
                SessionRequest::Abandon {
                    session: session.id,
                    at: state.now,
                }
                .into(),
            )],
            None => Vec::new(),
        },
        ConfirmAction::DeleteSet { set } => {
            // From history the set belongs to the session on screen, else to the running one.
            let session = if let Screen::History(h) = &state.screen {
                h.detail.as_ref().map(|d| d.session.id)
            } else {
                state.session.as_ref().map(|s| s.id)
            };
            if let Some(session) = session {
                vec![Effect::Store(
                    SessionRequest::DeleteSet { session, set }.into(),
                )]
            } else {
                say(state, "That session is no longer open.", true);
                Vec::new()
            }
        }
        ConfirmAction::DeleteSession(id) => vec![Effect::Store(HistoryRequest::Delete(id).into())],
        ConfirmAction::StartDeload { start, end } => {
            vec![Effect::Store(DeloadRequest::Start { start, end }.into())]
        }
        ConfirmAction::EndDeload(id) => vec![Effect::Store(
            DeloadRequest::End {
                id,
                today: state.now.date_naive(),
            }
            .into(),
        )],
    }
}
