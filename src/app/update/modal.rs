//! Overlays: help, yes/no questions and small forms; the exercise picker's keys are in `picker`.

use super::forms::{self, Step};
use super::{Command, Effect, Input, Modal, Screen, State, picker, say, session};
use crate::app::confirm::ConfirmAction;
use crate::app::dialog::{Dialog, NoteField};
use crate::app::exercise_form::read_exercise;
use crate::app::rule_form::read_rule;
use crate::app::store_worker::{
    DeloadRequest, ExerciseRequest, HistoryRequest, SessionRequest, StoreRequest,
};

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
        Modal::Form(mut dialog) => {
            let step = match &mut dialog {
                Dialog::Rule { form, .. } => forms::step(form, input),
                Dialog::SlotNotes { form, .. } => forms::step(form, input),
                Dialog::NewExercise(form) => forms::step(form, input),
            };
            match step {
                Step::Stay => {}
                Step::Back => return Vec::new(),
                Step::Submit => return submit(state, dialog),
            }
            state.modal = Some(Modal::Form(dialog));
            Vec::new()
        }
    }
}

/// Enter on a form's last field: read it; saved when right, else each wrong field says why.
fn submit(state: &mut State, mut dialog: Dialog) -> Vec<Effect> {
    let read: Result<StoreRequest, ()> = match &mut dialog {
        Dialog::Rule { exercise, form } => read_rule(form, state.unit())
            .map(|rule| {
                ExerciseRequest::SetRule {
                    exercise: *exercise,
                    rule,
                }
                .into()
            })
            .map_err(|errors| form.set_errors(&errors)),
        Dialog::SlotNotes { slot, form } => match &state.session {
            Some(session) => Ok(SessionRequest::SetSlotNotes {
                session: session.id,
                slot: *slot,
                notes: form.value(NoteField::Notes).to_string(),
            }
            .into()),
            None => return Vec::new(),
        },
        Dialog::NewExercise(form) => read_exercise(form, &state.exercises)
            .map(|new| {
                ExerciseRequest::Create {
                    name: new.name,
                    kind: new.kind,
                    equipment: new.equipment,
                    mechanics: new.mechanics,
                }
                .into()
            })
            .map_err(|errors| form.set_errors(&errors)),
    };
    if let Ok(request) = read {
        return vec![Effect::Store(request)];
    }
    state.modal = Some(Modal::Form(dialog));
    Vec::new()
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
        ConfirmAction::StartProgramEarly => super::program::start_anyway(state),
        ConfirmAction::EndDeload(id) => vec![Effect::Store(
            DeloadRequest::End {
                id,
                today: state.now.date_naive(),
            }
            .into(),
        )],
    }
}
