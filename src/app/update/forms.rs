//! Full-screen forms: the first-run profile, Settings, and finishing a session.

use chrono::Datelike;

use super::{Command, Effect, Input, Screen, State, say};
use crate::app::keymap::Context;
use crate::app::profile_form::{follow_unit, read_profile, unit_of};
use crate::app::state::read_only_refusal;
use crate::app::store_worker::{SettingsReply, SettingsRequest};
use crate::core::e1rm::Formula;

pub fn screen_form(state: &mut State, input: Input) -> Vec<Effect> {
    // Settings on a database that cannot be written are shown, not edited: typing and saving are
    // refused at the key (moving between fields and Esc still work).
    let changes = matches!(input, Input::Edit(_))
        || input == Input::Command(Command::Submit)
            && matches!(&state.screen, Screen::Settings(f) if f.focus + 1 >= f.fields.len());
    if let (true, Screen::Settings(_), Some(why)) = (changes, &state.screen, &state.read_only) {
        let refusal = read_only_refusal(why, "settings cannot be changed");
        super::say(state, refusal, true);
        return Vec::new();
    }
    let year = state.now.year();
    let first_run = matches!(state.screen, Screen::Onboarding(_));
    let (Screen::Onboarding(form) | Screen::Settings(form) | Screen::Finish(form)) =
        &mut state.screen
    else {
        return Vec::new();
    };
    match input {
        Input::Edit(edit) => {
            let unit = unit_of(form);
            form.edit(edit);
            if let Some(unit) = unit {
                follow_unit(form, unit, first_run);
            }
        }
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
            match read_profile(form, year, state.profile.as_ref()) {
                Ok(profile) => {
                    form.error = Some("Saving…".into());
                    let mut effects =
                        vec![Effect::Store(SettingsRequest::SaveProfile(profile).into())];
                    // Settings also pins (or unpins) the e1RM formula; stored e1RMs follow it.
                    let chosen = (!form.value(super::FORMULA).is_empty())
                        .then(|| Formula::from_name(form.value(super::FORMULA)));
                    if let Some(pinned) = chosen.filter(|p| *p != state.pinned) {
                        effects.push(Effect::Store(SettingsRequest::PinFormula(pinned).into()));
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
    let (Screen::Finish(form), Some(_)) = (&mut state.screen, &state.session) else {
        return Vec::new();
    };
    let rpe = match form.value("Session RPE") {
        "" => None,
        text => match text.parse::<u8>() {
            Ok(r) if r <= 10 => Some(r),
            // Session RPE is Foster's CR-10 scale, whole steps (set RPE is the RTS scale, in halves).
            _ => {
                let hint = match text.replace(',', ".").parse::<f64>() {
                    Ok(v) if (0.0..=10.0).contains(&v) => format!(
                        " — it is Foster's 0–10 scale in whole steps: pick {} or {}",
                        v.floor(),
                        v.ceil()
                    ),
                    _ => String::new(),
                };
                form.set_errors(&[(
                    "Session RPE",
                    format!("session RPE must be a whole number 0–10, got {text}{hint}"),
                )]);
                return Vec::new();
            }
        },
    };
    let notes = form.value("Notes").to_string();
    super::session::finish_at(state, state.now, rpe, notes)
}

/// The store saved a setting.
pub fn stored(state: &mut State, reply: SettingsReply) -> Vec<Effect> {
    match reply {
        SettingsReply::ProfileSaved(profile) => {
            profile_saved(state, profile);
            // The running session's plans are in the old unit and plates: work them out again.
            return super::session::recoach(state).into_iter().collect();
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
        }
    }
    Vec::new()
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
