//! Lines too long to be what they are for. A set is a few characters of shorthand (`100x5@8`,
//! `w 102.5lbx12`): a set line holds at most [`SET_LINE_MAX`] characters, and a burst past that
//! — a paste gone wrong, a key held down — is said in words at once and again at Enter, where
//! nothing is logged. Nothing typed is dropped without a word.

use super::{Command, Input, Screen, State};
use crate::app::state::EntryError;
use crate::app::text_input::TextInput;
use crate::core::words::count;

/// The longest line a set (or a few at once, `w 102.5lbx5x3 @8.5`) is ever written in, with
/// room to spare.
pub const SET_LINE_MAX: usize = 100;

/// The set line in focus — the session's entry line, or a set being edited in History — with
/// the error shown under it.
fn set_line(state: &mut State) -> Option<(&mut TextInput, &mut Option<EntryError>)> {
    if state.modal.is_some() {
        return None;
    }
    match &mut state.screen {
        Screen::Session(screen) => Some((&mut screen.entry, &mut screen.error)),
        Screen::History(history) => history
            .detail
            .as_mut()
            .and_then(|d| d.edit.as_mut())
            .map(|edit| (&mut edit.input, &mut edit.error)),
        _ => None,
    }
}

/// Before a key reaches the set line: the line holds at most [`SET_LINE_MAX`] characters.
pub fn limit_set_line(state: &mut State) {
    if let Some((line, _)) = set_line(state) {
        line.set_limit(SET_LINE_MAX);
    }
}

/// After a key: a set line that had to refuse characters says how long the line was.
pub fn flag_overlong_set(state: &mut State) {
    if let Some((line, error)) = set_line(state)
        && let Some(message) = overlong(line)
    {
        *error = Some(EntryError { message, at: None });
    }
}

/// On Enter, refuses a set line longer than [`SET_LINE_MAX`], with its length in the error.
/// `true` when it did: the key is used up and nothing is logged.
pub fn refuse_overlong_set(state: &mut State, input: Input) -> bool {
    if input != Input::Command(Command::Submit) {
        return false;
    }
    let Some((line, error)) = set_line(state) else {
        return false;
    };
    match overlong(line) {
        Some(message) => {
            *error = Some(EntryError { message, at: None });
            true
        }
        None => false,
    }
}

/// "that line is 2,100 characters — a set is written like 100x5".
fn overlong(line: &TextInput) -> Option<String> {
    let typed = line.typed();
    (typed > SET_LINE_MAX).then(|| {
        format!(
            "that line is {} — a set is written like 100x5",
            count(typed, "character", "characters")
        )
    })
}
