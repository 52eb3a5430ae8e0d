//! Full-screen forms — the first-run profile, Settings, finishing a session — and the keys every
//! form shares (also the small forms over a screen, `modal`).

use chrono::Datelike;

use super::{Command, Effect, Input, Screen, State, say};
use crate::app::finish_form::read_finish;
use crate::app::form::{FieldId, Form};
use crate::app::keymap::Context;
use crate::app::profile_form::{follow_unit, pinned_formula, read_profile, unit_of};
use crate::app::state::read_only_refusal;
use crate::app::store_worker::{SettingsReply, SettingsRequest};

/// What a key did to a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Step {
    /// Typed, moved or refused: the form stays.
    Stay,
    /// Esc.
    Back,
    /// Enter on the last field, with every field holding what was typed: read and save it.
    Submit,
}

/// A key on any form: typing edits the focused field, Tab/↑↓ move, Enter moves to the next field
/// and on the last one submits — unless a field holds less than was typed into it.
pub(super) fn step<F: FieldId>(form: &mut Form<F>, input: Input) -> Step {
    match input {
        Input::Edit(edit) => form.edit(edit),
        Input::Command(Command::NextField | Command::Down) => form.focus_next(true),
        Input::Command(Command::PrevField | Command::Up) => form.focus_next(false),
        Input::Command(Command::Back) => return Step::Back,
        Input::Command(Command::Submit) if form.before_last() => form.focus_next(true),
        Input::Command(Command::Submit) if form.refuse_overflow() => {}
        Input::Command(Command::Submit) => return Step::Submit,
        Input::Command(_) => {}
    }
    Step::Stay
}

pub fn screen_form(state: &mut State, input: Input) -> Vec<Effect> {
    // Settings on a database that cannot be written are shown, not edited: typing and saving are
    // refused at the key (moving between fields and Esc still work).
    let changes = matches!(input, Input::Edit(_))
        || input == Input::Command(Command::Submit)
            && matches!(&state.screen, Screen::Settings(f) if !f.before_last());
    if let (true, Screen::Settings(_), Some(why)) = (changes, &state.screen, &state.read_only) {
        let refusal = read_only_refusal(why, "settings cannot be changed");
        super::say(state, refusal, true);
        return Vec::new();
    }
    let first_run = matches!(state.screen, Screen::Onboarding(_));
    let step = match &mut state.screen {
        Screen::Onboarding(form) | Screen::Settings(form) => {
            let unit = unit_of(form);
            let step = step(form, input);
            follow_unit(form, unit, first_run);
            step
        }
        Screen::Finish(form) => step(form, input),
        _ => return Vec::new(),
    };
    match step {
        Step::Stay => Vec::new(),
        Step::Back => back(state),
        Step::Submit if matches!(state.screen, Screen::Finish(_)) => finish(state),
        Step::Submit => save_profile(state),
    }
}

fn back(state: &mut State) -> Vec<Effect> {
    match state.screen {
        // The profile is needed for everything else: there is nothing to go back to. The
        // footer offers the quit key instead of Esc; Esc says so.
        Screen::Onboarding(_) => {
            let quit = state
                .keymap
                .key_for(Context::Form, Command::Quit)
                .map_or_else(|| "quit".to_string(), |k| k.to_string());
            super::say(
                state,
                format!("The profile comes first — {quit} quits without saving."),
                false,
            );
        }
        Screen::Finish(_) => return super::session::open_or_start(state),
        _ => state.screen = Screen::Dashboard,
    }
    Vec::new()
}

fn save_profile(state: &mut State) -> Vec<Effect> {
    let year = state.now.year();
    let (Screen::Onboarding(form) | Screen::Settings(form)) = &mut state.screen else {
        return Vec::new();
    };
    match read_profile(form, year, state.profile.as_ref()) {
        Ok(profile) => {
            form.error = Some("Saving…".into());
            let mut effects = vec![Effect::Store(SettingsRequest::SaveProfile(profile).into())];
            // Settings also pins (or unpins) the e1RM formula; stored e1RMs follow it.
            if let Some(pinned) = pinned_formula(form).filter(|p| *p != state.pinned) {
                effects.push(Effect::Store(SettingsRequest::PinFormula(pinned).into()));
            }
            effects
        }
        Err(errors) => {
            form.set_errors(&errors);
            Vec::new()
        }
    }
}

fn finish(state: &mut State) -> Vec<Effect> {
    let (Screen::Finish(form), Some(_)) = (&mut state.screen, &state.session) else {
        return Vec::new();
    };
    match read_finish(form) {
        Ok(finished) => super::session::finish_at(state, state.now, finished.rpe, finished.notes),
        Err(errors) => {
            form.set_errors(&errors);
            Vec::new()
        }
    }
}

/// The store saved a setting.
pub fn stored(state: &mut State, reply: SettingsReply) -> Vec<Effect> {
    match reply {
        SettingsReply::ProfileSaved(profile) => {
            profile_saved(state, profile);
            // The running session's plans are in the old unit and plates: work them out again.
            // The insights and the deload check quote weights in the unit and read the body
            // weight: read them again too.
            let mut effects: Vec<Effect> = super::session::recoach(state).into_iter().collect();
            effects.extend(super::deload::check_again(state));
            effects
        }
        SettingsReply::FormulaPinned(formula) => {
            state.pinned = formula;
            let name = formula.map_or(
                "the defaults (Brzycki ≤ 10 reps, Epley 11–12, the RTS chart with RPE)",
                |f| f.name(),
            );
            say(
                state,
                format!("e1RM now by {name}; stored estimates and records were recomputed."),
                false,
            );
            // Every stored e1RM moved: so did the trends the insights and the deload check read.
            super::deload::check_again(state)
        }
    }
}

fn profile_saved(state: &mut State, profile: crate::core::profile::Profile) {
    let first_run = matches!(state.screen, Screen::Onboarding(_));
    state.profile = Some(profile);
    state.screen = Screen::Dashboard;
    let message = match state
        .keymap
        .key_for(Context::Dashboard, Command::StartSession)
    {
        Some(key) if first_run => {
            format!("Profile saved. Press {key} to start your first session.")
        }
        _ => "Profile saved.".to_string(),
    };
    say(state, message, false);
}
