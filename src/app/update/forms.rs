//! Full-screen forms: the first-run profile, Settings, and finishing a session.

use chrono::Datelike;

use super::{Command, Effect, Input, Screen, State, StoreRequest};
use crate::app::keymap::Context;
use crate::app::profile_form::read_profile;
use crate::core::e1rm::Formula;

pub fn screen_form(state: &mut State, input: Input) -> Vec<Effect> {
    let year = state.now.year();
    let (Screen::Onboarding(form) | Screen::Settings(form) | Screen::Finish(form)) =
        &mut state.screen
    else {
        return Vec::new();
    };
    match input {
        Input::Edit(edit) => form.edit(edit),
        Input::Command(Command::NextField | Command::Down) => form.focus_next(true),
        Input::Command(Command::PrevField | Command::Up) => form.focus_next(false),
        Input::Command(Command::Back) => match state.screen {
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
        },
        // Enter moves to the next field; on the last field it saves.
        Input::Command(Command::Submit) if form.focus + 1 < form.fields.len() => {
            form.focus_next(true);
        }
        Input::Command(Command::Submit) if form.refuse_overflow() => {}
        Input::Command(Command::Submit) => {
            if matches!(state.screen, Screen::Finish(_)) {
                return finish(state);
            }
            let (Screen::Onboarding(form) | Screen::Settings(form)) = &mut state.screen else {
                return Vec::new();
            };
            match read_profile(form, year) {
                Ok(profile) => {
                    form.error = Some("Saving…".into());
                    let mut effects = vec![Effect::Store(StoreRequest::SaveProfile(profile))];
                    // Settings also pins (or unpins) the e1RM formula; stored e1RMs follow it.
                    let chosen = (!form.value(super::FORMULA).is_empty())
                        .then(|| Formula::from_name(form.value(super::FORMULA)));
                    if let Some(pinned) = chosen.filter(|p| *p != state.pinned) {
                        effects.push(Effect::Store(StoreRequest::PinFormula(pinned)));
                    }
                    return effects;
                }
                Err(errors) => form.set_errors(&errors),
            }
        }
        Input::Command(_) => {}
    }
    Vec::new()
}

fn finish(state: &mut State) -> Vec<Effect> {
    let (Screen::Finish(form), Some(session)) = (&mut state.screen, &state.session) else {
        return Vec::new();
    };
    let rpe = match form.value("Session RPE") {
        "" => None,
        text => match text.parse::<u8>() {
            Ok(r) if r <= 10 => Some(r),
            _ => {
                form.set_errors(&[(
                    "Session RPE",
                    format!("session RPE must be a whole number 0–10, got {text}"),
                )]);
                return Vec::new();
            }
        },
    };
    let finish = Effect::Store(StoreRequest::Finish {
        session: session.id,
        at: state.now,
        rpe,
        notes: form.value("Notes").to_string(),
    });
    // The last heart rate and every set's figures go in before the session is summarised.
    let mut effects = super::hr_log::settle(state, u32::MAX);
    effects.extend(super::hr_log::flush(state));
    effects.push(finish);
    effects
}
