//! Overlays: help, yes/no questions and small forms; the exercise picker's keys are in `picker`.

use super::picker::{self, NAME_MAX};
use super::{Command, Effect, Input, Modal, Screen, State, StoreRequest, say, session};
use crate::app::form::Form;
use crate::app::state::{ConfirmAction, FormPurpose};
use crate::core::exercise::{Equipment, ExerciseKind, Mechanics};

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
        Modal::Picker(picker) => picker::input(state, picker, input),
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

fn submit_form(state: &mut State, mut form: Form, purpose: FormPurpose) -> Vec<Effect> {
    match purpose {
        FormPurpose::Rule(exercise) => {
            match crate::app::rule_form::read_rule(&form, state.unit()) {
                Ok(rule) => vec![Effect::Store(StoreRequest::SetRule { exercise, rule })],
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
            vec![Effect::Store(StoreRequest::SetSlotNotes {
                session: session.id,
                slot,
                notes: form.value("Notes").to_string(),
            })]
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
            vec![Effect::Store(StoreRequest::CreateExercise {
                name,
                kind,
                equipment,
                mechanics,
            })]
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
            Some(session) => vec![Effect::Store(StoreRequest::Abandon {
                session: session.id,
                at: state.now,
            })],
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
                vec![Effect::Store(StoreRequest::DeleteSet { session, set })]
            } else {
                say(state, "That session is no longer open.", true);
                Vec::new()
            }
        }
        ConfirmAction::DeleteSession(id) => vec![Effect::Store(StoreRequest::DeleteSession(id))],
        ConfirmAction::StartDeload { start, end } => {
            vec![Effect::Store(StoreRequest::StartDeload { start, end })]
        }
        ConfirmAction::EndDeload(id) => vec![Effect::Store(StoreRequest::EndDeload {
            id,
            today: state.now.date_naive(),
        })],
    }
}
