//! Replies from the store, each to its feature's module; a failure to where the lifter is
//! looking.

use super::{Effect, Modal, Screen, State, say};
use crate::app::store_worker::{Failed, StoreReply};

pub fn stored(state: &mut State, reply: StoreReply) -> Vec<Effect> {
    match reply {
        StoreReply::Session(reply) => super::logging::stored(state, reply),
        StoreReply::Exercise(reply) => super::exercises::stored(state, reply),
        StoreReply::Hr(reply) => super::hr_log::stored(state, reply),
        StoreReply::History(reply) => super::history::stored(state, reply),
        StoreReply::Review(reply) => super::review::stored(state, reply),
        StoreReply::Deload(reply) => super::deload::stored(state, reply),
        StoreReply::Settings(reply) => super::forms::stored(state, reply),
        StoreReply::Devices(reply) => super::devices::stored(state, reply),
        StoreReply::Program(reply) => super::program::stored(state, reply),
        StoreReply::Failed { what, message } => {
            failed(state, what, message);
            Vec::new()
        }
    }
}

/// Put a failure where the user is looking; never drop what they typed.
fn failed(state: &mut State, what: Failed, message: String) {
    match (what, &mut state.screen) {
        (Failed::LogSets, Screen::Session(screen)) => {
            screen.saving = false;
            screen.error = Some(crate::app::state::EntryError {
                message: format!("not saved: {message}"),
                at: None,
            });
        }
        (Failed::Profile, Screen::Onboarding(form) | Screen::Settings(form)) => {
            form.error = Some(format!("not saved: {message}"));
        }
        (Failed::Finish, Screen::Finish(form)) => {
            form.error = Some(format!("not saved: {message}"));
        }
        (Failed::EditSet, Screen::History(h)) => {
            if let Some(edit) = h.detail.as_mut().and_then(|d| d.edit.as_mut()) {
                edit.error = Some(crate::app::state::EntryError {
                    message: format!("not saved: {message}"),
                    at: None,
                });
            } else {
                say(state, format!("not saved: {message}"), true);
            }
        }
        (Failed::Exercise, _) => {
            if let Some(Modal::Form(dialog)) = &mut state.modal {
                dialog.set_error(message);
            } else {
                say(state, message, true);
            }
        }
        _ => say(state, message, true),
    }
    if let Screen::History(h) = &mut state.screen {
        h.loading = false;
    }
    super::review::failed(state);
}
