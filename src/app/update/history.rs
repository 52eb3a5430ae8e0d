//! History: the sessions list and one session's detail, where sets are edited or deleted and a
//! key switches between the sets and the heart rate on a small terminal.

use super::{Command, Effect, HISTORY_PAGE, Input, Modal, Screen, State, plausibility, say};
use crate::app::confirm::{Confirm, ConfirmAction};
use crate::app::state::{
    Detail, DetailView, EntryError, HistoryScreen, SetEdit, read_only_refusal,
};
use crate::app::store_worker::{HistoryReply, HistoryRequest, SessionRequest};
use crate::app::text_input::TextInput;
use crate::core::workout::session::SessionSummary;
use crate::core::workout::set::SetSpec;
use crate::core::workout::shorthand;

pub fn history(state: &mut State, input: Input) -> Vec<Effect> {
    let Screen::History(history) = &mut state.screen else {
        return Vec::new();
    };
    // A database that cannot be written refuses a delete or an edit at the key, before the
    // question or the edit line.
    let change = match (input, &history.detail) {
        (Input::Command(Command::Delete), _) => Some("nothing can be deleted"),
        (Input::Command(Command::EditSet | Command::Submit), Some(d)) if d.edit.is_none() => {
            Some("sets cannot be edited")
        }
        _ => None,
    };
    if let (Some(what), Some(why)) = (change, &state.read_only) {
        let refusal = read_only_refusal(why, what);
        super::say(state, refusal, true);
        return Vec::new();
    }
    let Screen::History(history) = &mut state.screen else {
        return Vec::new();
    };
    match &mut history.detail {
        None => list(state, input),
        Some(Detail { edit: Some(_), .. }) => edit(state, input),
        Some(_) => detail(state, input),
    }
}

/// The list of sessions.
fn list(state: &mut State, input: Input) -> Vec<Effect> {
    let offset = state.utc_offset;
    let Screen::History(history) = &mut state.screen else {
        return Vec::new();
    };
    let page = usize::from(state.size.1.saturating_sub(LIST_CHROME)).max(1);
    let chosen = history.sessions.get(history.selected);
    match input {
        Input::Command(Command::Up) => return select(history, history.selected.saturating_sub(1)),
        Input::Command(Command::Down) => return select(history, history.selected + 1),
        Input::Command(Command::PageUp) => {
            return select(history, history.selected.saturating_sub(page));
        }
        Input::Command(Command::PageDown) => return select(history, history.selected + page),
        Input::Command(Command::First) => return select(history, 0),
        Input::Command(Command::Last) => return select(history, usize::MAX),
        Input::Command(Command::Back) => state.screen = Screen::Dashboard,
        Input::Command(Command::Submit) => {
            if let Some(s) = chosen {
                return vec![Effect::Store(HistoryRequest::Detail(s.id).into())];
            }
        }
        Input::Command(Command::Delete) => {
            if let Some(s) = chosen {
                state.modal = Some(Modal::Confirm(Confirm::ask(
                    format!(
                        "Delete the session of {} with {}? This cannot be undone.",
                        s.started_at.with_timezone(&offset).format("%a %d %b %Y"),
                        crate::core::words::count(s.sets as usize, "set", "sets")
                    ),
                    "delete",
                    "keep",
                    ConfirmAction::DeleteSession(s.id),
                )));
            }
        }
        Input::Command(_) | Input::Edit(_) => {}
    }
    Vec::new()
}

/// Rows of the terminal the list does not use: header, borders, column heading, footer.
const LIST_CHROME: u16 = 6;

/// How close to the end of what is loaded the selection may come before the next page is read.
const READ_AHEAD: usize = 50;

/// Moves the selection to `to` (clamped to what is loaded) and reads the next page when it nears
/// the end of it; going to the very end (`usize::MAX`) reads everything left.
fn select(history: &mut HistoryScreen, to: usize) -> Vec<Effect> {
    let loaded = history.sessions.len();
    history.selected = to.min(loaded.saturating_sub(1));
    let left = history
        .total
        .map_or(0, |total| total.saturating_sub(loaded));
    if history.loading || left == 0 || history.selected + READ_AHEAD < loaded && to != usize::MAX {
        return Vec::new();
    }
    history.loading = true;
    history.to_end = to == usize::MAX;
    let limit = if history.to_end { left } else { HISTORY_PAGE };
    vec![Effect::Store(
        HistoryRequest::Page {
            offset: loaded,
            limit,
        }
        .into(),
    )]
}

/// The store answered a history request.
pub fn stored(state: &mut State, reply: HistoryReply) -> Vec<Effect> {
    match reply {
        HistoryReply::Page {
            offset,
            sessions,
            total,
        } => page(state, offset, sessions, total),
        HistoryReply::Detail(loaded) => {
            if let Screen::History(history) = &mut state.screen {
                history.detail = Some(Detail::new(*loaded, state.pinned));
            }
        }
        HistoryReply::Deleted(id) => {
            state.recent_sessions.retain(|s| s.id != id);
            if let Screen::History(history) = &mut state.screen {
                history.sessions.retain(|s| s.id != id);
                history.total = history.total.map(|n| n.saturating_sub(1));
                history.selected = history
                    .selected
                    .min(history.sessions.len().saturating_sub(1));
            }
            say(state, "Session deleted.", false);
            return super::deload::check_again(state);
        }
    }
    Vec::new()
}

/// A page of the session list arrived: the first replaces the list, a later one extends it.
fn page(state: &mut State, offset: usize, sessions: Vec<SessionSummary>, total: usize) {
    let Screen::History(history) = &mut state.screen else {
        return;
    };
    history.loading = false;
    history.total = Some(total);
    if offset == 0 {
        history.sessions = sessions;
    } else if offset == history.sessions.len() {
        history.sessions.extend(sessions);
    }
    // Going to the end waited for the rest of the list: land on the oldest session.
    if std::mem::take(&mut history.to_end) {
        history.selected = usize::MAX;
    }
    history.selected = history
        .selected
        .min(history.sessions.len().saturating_sub(1));
}

/// One session's sets: pick one to edit or delete.
fn detail(state: &mut State, input: Input) -> Vec<Effect> {
    let unit = state.unit();
    let Screen::History(HistoryScreen {
        detail: Some(detail),
        ..
    }) = &mut state.screen
    else {
        return Vec::new();
    };
    let total = detail.session.set_count();
    let selected = detail
        .session
        .sets()
        .nth(detail.selected)
        .map(|(_, s)| s.clone());
    match input {
        Input::Command(Command::Up) => detail.selected = detail.selected.saturating_sub(1),
        Input::Command(Command::Down) => {
            detail.selected = (detail.selected + 1).min(total.saturating_sub(1));
        }
        Input::Command(Command::Back) => {
            if let Screen::History(history) = &mut state.screen {
                history.detail = None;
            }
        }
        Input::Command(Command::SwitchView) => {
            detail.view = match detail.view {
                DetailView::Sets => DetailView::HeartRate,
                DetailView::HeartRate => DetailView::Sets,
            };
        }
        Input::Command(Command::EditSet | Command::Submit) => {
            if let Some(set) = selected {
                detail.edit = Some(SetEdit {
                    set: set.id,
                    input: TextInput::suggest(shorthand::format(&set.spec, unit)),
                    error: None,
                });
            }
        }
        Input::Command(Command::Delete) => {
            if let Some(set) = selected {
                state.modal = Some(Modal::Confirm(Confirm::ask(
                    format!(
                        "Delete the set {}? This cannot be undone.",
                        shorthand::format(&set.spec, unit)
                    ),
                    "delete",
                    "keep",
                    ConfirmAction::DeleteSet { set: set.id },
                )));
            }
        }
        Input::Command(_) | Input::Edit(_) => {}
    }
    Vec::new()
}

/// The edit line of one set: the same shorthand as in the session, one set at a time, refused
/// like a new set when its load is impossible.
fn edit(state: &mut State, input: Input) -> Vec<Effect> {
    let checked = match input {
        Input::Command(Command::Submit) => edited(state),
        _ => None,
    };
    let Screen::History(HistoryScreen {
        detail: Some(detail),
        ..
    }) = &mut state.screen
    else {
        return Vec::new();
    };
    let Some(edit) = &mut detail.edit else {
        return Vec::new();
    };
    match (input, checked) {
        (Input::Edit(e), _) => {
            edit.input.apply(e);
            edit.error = None;
        }
        (Input::Command(Command::Back), _) => detail.edit = None,
        (_, Some(Ok(spec))) => {
            return vec![Effect::Store(
                SessionRequest::UpdateSet {
                    session: detail.session.id,
                    set: edit.set,
                    spec,
                }
                .into(),
            )];
        }
        (_, Some(Err(error))) => edit.error = Some(error),
        (Input::Command(_), None) => {}
    }
    Vec::new()
}

/// The set on the edit line, parsed against the set it replaces and checked (`None` when no set
/// is being edited).
fn edited(state: &State) -> Option<Result<SetSpec, EntryError>> {
    let Screen::History(HistoryScreen {
        detail: Some(detail),
        ..
    }) = &state.screen
    else {
        return None;
    };
    let edit = detail.edit.as_ref()?;
    let (exercise, original) = detail.session.slots.iter().find_map(|slot| {
        let set = slot.sets.iter().find(|s| s.id == edit.set)?;
        Some((slot.exercise, set.spec))
    })?;
    // An edit builds on the set being edited, whatever its kind.
    let context = shorthand::Context {
        unit: state.unit(),
        last: Some(original),
        last_working: Some(original),
    };
    let checked = shorthand::parse(edit.input.text(), &context)
        .map_err(|e| EntryError {
            message: e.message,
            at: Some(e.at),
        })
        .and_then(|specs| match specs.as_slice() {
            [spec] => {
                plausibility::refused(state, exercise, &specs)?;
                Ok(*spec)
            }
            _ => Err(EntryError {
                message: "an edit changes one set — drop the ×sets count".into(),
                at: None,
            }),
        });
    Some(checked)
}
