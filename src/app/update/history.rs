//! History: the sessions list and one session's detail, where sets are edited or deleted.

use super::{Action, Command, Effect, Modal, Screen, State, StoreRequest};
use crate::app::state::{Confirm, ConfirmAction, EntryError, SetEdit};
use crate::app::text_input::TextInput;
use crate::core::shorthand;

pub fn history(state: &mut State, action: Action) -> Vec<Effect> {
    let unit = state.unit();
    let offset = state.utc_offset;
    let Screen::History(history) = &mut state.screen else {
        return Vec::new();
    };
    let Some(detail) = &mut history.detail else {
        match action {
            Action::Command(Command::Up) => history.selected = history.selected.saturating_sub(1),
            Action::Command(Command::Down) => {
                history.selected =
                    (history.selected + 1).min(history.sessions.len().saturating_sub(1));
            }
            Action::Command(Command::Back) => state.screen = Screen::Dashboard { selected: 0 },
            Action::Command(Command::Submit) => {
                if let Some(s) = history.sessions.get(history.selected) {
                    return vec![Effect::Store(StoreRequest::LoadSession(s.id))];
                }
            }
            Action::Command(Command::Delete) => {
                if let Some(s) = history.sessions.get(history.selected) {
                    state.modal = Some(Modal::Confirm(Confirm {
                        message: format!(
                            "Delete the session of {} with {} sets? This cannot be undone.",
                            s.started_at.with_timezone(&offset).format("%a %d %b %Y"),
                            s.sets
                        ),
                        yes: "delete",
                        no: "keep",
                        on_yes: ConfirmAction::DeleteSession(s.id),
                        on_no: None,
                    }));
                }
            }
            _ => {}
        }
        return Vec::new();
    };
    let total = detail.session.set_count();
    if let Some(edit) = &mut detail.edit {
        match action {
            Action::Edit(e) => {
                edit.input.apply(e);
                edit.error = None;
            }
            Action::Command(Command::Back) => detail.edit = None,
            Action::Command(Command::Submit) => {
                let original = detail
                    .session
                    .sets()
                    .find(|(_, s)| s.id == edit.set)
                    .map(|(_, s)| s.spec);
                let ctx = shorthand::Context {
                    unit,
                    last: original,
                };
                match shorthand::parse(edit.input.text(), &ctx) {
                    Ok(specs) if specs.len() == 1 => {
                        return vec![Effect::Store(StoreRequest::UpdateSet {
                            session: detail.session.id,
                            set: edit.set,
                            spec: specs[0],
                        })];
                    }
                    Ok(_) => {
                        edit.error = Some(EntryError {
                            message: "an edit changes one set — drop the ×sets count".into(),
                            at: None,
                        });
                    }
                    Err(e) => {
                        edit.error = Some(EntryError {
                            message: e.message,
                            at: Some(e.at),
                        })
                    }
                }
            }
            _ => {}
        }
        return Vec::new();
    }
    let selected = detail
        .session
        .sets()
        .nth(detail.selected)
        .map(|(_, s)| s.clone());
    match action {
        Action::Command(Command::Up) => detail.selected = detail.selected.saturating_sub(1),
        Action::Command(Command::Down) => {
            detail.selected = (detail.selected + 1).min(total.saturating_sub(1))
        }
        Action::Command(Command::Back) => history.detail = None,
        Action::Command(Command::EditSet | Command::Submit) => {
            if let Some(set) = selected {
                detail.edit = Some(SetEdit {
                    set: set.id,
                    input: TextInput::suggest(shorthand::format(&set.spec, unit)),
                    error: None,
                });
            }
        }
        Action::Command(Command::Delete) => {
            if let Some(set) = selected {
                state.modal = Some(Modal::Confirm(Confirm {
                    message: format!(
                        "Delete the set {}? This cannot be undone.",
                        shorthand::format(&set.spec, unit)
                    ),
                    yes: "delete",
                    no: "keep",
                    on_yes: ConfirmAction::DeleteSet { set: set.id },
                    on_no: None,
                }));
            }
        }
        _ => {}
    }
    Vec::new()
}
