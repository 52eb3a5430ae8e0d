//! The one place state changes: `update(state, action, now) -> effects`.
//!
//! Split by where the user is: modals first (help, picker, confirm, small forms), then the screen,
//! whose update its descriptor names (`screen.rs`).

mod change;
mod deload;
mod devices;
mod exercises;
mod forms;
mod heart;
mod history;
mod hr_log;
mod logging;
mod modal;
mod picker;
mod plausibility;
mod program;
mod review;
pub mod screen;
mod session;
mod stored;
mod text;

use chrono::{DateTime, Utc};

use super::action::Action;
use super::effect::Effect;
use super::keymap::{Command, Keymap};
use super::profile_form::settings_form;
use super::state::{HistoryScreen, Modal, Screen, State, Status};
use super::store_worker::HistoryRequest;
use super::text_input::TextEdit;
use crate::core::workout::rest::RestStatus;

/// How many sessions the history list reads at a time; the next page is read as the selection
/// nears the end of what is loaded.
pub const HISTORY_PAGE: usize = 200;

pub fn update(state: &mut State, action: Action, now: DateTime<Utc>) -> Vec<Effect> {
    state.now = now;
    match action {
        Action::Tick => tick(state),
        Action::Resize { width, height } => {
            state.size = (width, height);
            Vec::new()
        }
        Action::Shutdown | Action::Command(Command::Quit) => {
            state.quit = true;
            // Everything logged is saved; the heart rate still waiting goes in too.
            hr_log::flush(state)
        }
        Action::Stored(reply) => stored::stored(state, reply),
        Action::Started => deload::check_again(state),
        Action::Hr(event) => heart::heart(state, event),
        Action::Straps(result) => devices::found(state, result),
        // While "Terminal too small" hides the screen, keys would act unseen: only help (and quit,
        // above) still do anything.
        Action::Command(command) if state.too_small() && command != Command::Help => Vec::new(),
        Action::Edit(_) if state.too_small() => Vec::new(),
        Action::WorkerFailed(panic) => {
            say(state, panic.to_string(), true);
            Vec::new()
        }
        Action::Command(command) => input(state, Input::Command(command)),
        Action::Edit(edit) => input(state, Input::Edit(edit)),
    }
}

/// A key press after the keymap: what screens and overlays react to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Input {
    Command(Command),
    Edit(TextEdit),
}

fn input(state: &mut State, input: Input) -> Vec<Effect> {
    if input == Input::Command(Command::Help) && !matches!(state.modal, Some(Modal::Help { .. })) {
        // Opens on the keys of where the lifter is: that section first.
        let here = state.context();
        let first = Keymap::help_sections()
            .iter()
            .any(|(c, _)| *c == here)
            .then_some(here);
        state.modal = Some(Modal::Help { scroll: 0, first });
        return Vec::new();
    }
    if text::refuse_overlong_set(state, input) {
        return Vec::new();
    }
    let edit = matches!(input, Input::Edit(_));
    if edit {
        text::limit_set_line(state);
    }
    // A message belongs to the screen it was said on: one left from before is dropped when a
    // key moves to another screen (what this key said stays).
    let (screen_before, status_before) =
        (std::mem::discriminant(&state.screen), state.status.clone());
    let effects = if state.modal.is_some() {
        modal::modal(state, input)
    } else {
        screen::update(state, input)
    };
    if std::mem::discriminant(&state.screen) != screen_before && state.status == status_before {
        state.status = None;
    }
    if edit {
        text::flag_overlong_set(state);
    }
    effects
}

/// The dashboard: where every screen starts from.
fn dashboard(state: &mut State, input: Input) -> Vec<Effect> {
    match input {
        Input::Command(Command::StartSession | Command::Submit) => {
            return session::open_or_start(state);
        }
        Input::Command(Command::History) => return open_history(state),
        Input::Command(Command::Today) => return program::start_today(state),
        Input::Command(Command::Devices) => return devices::open(state),
        Input::Command(Command::Progress) => return review::open_progress(state),
        Input::Command(Command::TrainingLoad) => return review::open_load(state),
        Input::Command(Command::Deload) => deload::ask(state),
        Input::Command(Command::Up) => state.insight = state.insight.saturating_sub(1),
        Input::Command(Command::Down) => {
            let count = state.insights.as_ref().map_or(0, Vec::len);
            state.insight = (state.insight + 1).min(count.saturating_sub(1));
        }
        Input::Command(Command::Settings) => {
            state.screen = Screen::Settings(settings_form(state.profile.as_ref(), state.pinned));
        }
        Input::Command(_) | Input::Edit(_) => {}
    }
    Vec::new()
}

/// The summary after a session: Enter or Esc goes back to the dashboard; up and down pick a
/// program change, which can be suppressed for this time.
fn summary(state: &mut State, input: Input) -> Vec<Effect> {
    match input {
        Input::Command(Command::Submit | Command::Back) => state.screen = Screen::Dashboard,
        Input::Command(Command::Suppress) => return program::suppress(state),
        Input::Command(Command::Up | Command::Down) => {
            if let Screen::Summary(summary) = &mut state.screen {
                let count = summary.program.as_ref().map_or(0, |p| p.changes.len());
                summary.selected = if input == Input::Command(Command::Up) {
                    summary.selected.saturating_sub(1)
                } else {
                    (summary.selected + 1).min(count.saturating_sub(1))
                };
            }
        }
        _ => {}
    }
    Vec::new()
}

fn open_history(state: &mut State) -> Vec<Effect> {
    state.screen = Screen::History(HistoryScreen {
        sessions: state.recent_sessions.clone(),
        loading: true,
        ..HistoryScreen::default()
    });
    vec![Effect::Store(
        HistoryRequest::Page {
            offset: 0,
            limit: HISTORY_PAGE,
        }
        .into(),
    )]
}

/// The 1 s clock: ring the bell once when a rest runs out.
fn tick(state: &mut State) -> Vec<Effect> {
    let Some(timer) = &mut state.rest else {
        return Vec::new();
    };
    if !timer.rung && matches!(timer.rest.status(state.now), RestStatus::Over(_)) {
        timer.rung = true;
        state.status = Some(Status {
            text: "Rest is over — next set!".into(),
            error: false,
        });
        if state.settings.bell {
            return vec![Effect::Bell];
        }
    }
    Vec::new()
}

/// Put a message in the status line.
fn say(state: &mut State, text: impl Into<String>, error: bool) {
    state.status = Some(Status {
        text: text.into(),
        error,
    });
}
