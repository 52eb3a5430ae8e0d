//! Heart-rate straps: scan, pick one to stream from (remembered for the next start), forget it.

use super::{Command, Effect, Input, Screen, State, say};
use crate::app::heart::{Heart, Link};
use crate::app::keymap::Context;
use crate::app::state::DevicesScreen;
use crate::app::store_worker::{DevicesReply, DevicesRequest};

/// Opens the devices screen and starts a scan.
pub fn open(state: &mut State) -> Vec<Effect> {
    state.screen = Screen::Devices(DevicesScreen {
        scanning: true,
        ..DevicesScreen::default()
    });
    vec![Effect::ScanStraps]
}

pub fn devices(state: &mut State, input: Input) -> Vec<Effect> {
    let Screen::Devices(screen) = &mut state.screen else {
        return Vec::new();
    };
    match input {
        Input::Command(Command::Up) => screen.selected = screen.selected.saturating_sub(1),
        Input::Command(Command::Down) => {
            screen.selected = (screen.selected + 1).min(screen.straps.len().saturating_sub(1));
        }
        Input::Command(Command::Rescan) if !screen.scanning => return open(state),
        Input::Command(Command::Submit) if screen.straps.is_empty() => {
            let rescan = state
                .keymap
                .key_for(Context::Devices, Command::Rescan)
                .map_or_else(|| "scan".to_string(), |k| format!("press {k} to scan"));
            let said = if screen.scanning {
                "Still scanning — the straps in range are listed when it ends.".to_string()
            } else if screen.error.is_some() {
                format!("No strap listed: the scan failed (see above); {rescan} again.")
            } else {
                format!("No strap listed: wear it (wet the electrodes), then {rescan} again.")
            };
            say(state, said, false);
        }
        Input::Command(Command::Submit) => {
            if let Some(strap) = screen.straps.get(screen.selected).cloned() {
                let address = strap.address.clone();
                state.heart = Heart {
                    link: Link::Connecting(strap.name.clone()),
                    ..Heart::default()
                };
                say(
                    state,
                    format!(
                        "Connecting to {} — remembered for the next start.",
                        strap.name
                    ),
                    false,
                );
                return vec![
                    Effect::Store(DevicesRequest::RememberStrap(Some(address.clone())).into()),
                    Effect::UseStrap(Some(address)),
                ];
            }
        }
        Input::Command(Command::Forget) if state.strap.is_none() => {
            say(state, "No strap is remembered.", false);
        }
        Input::Command(Command::Forget) => {
            state.heart = Heart {
                link: Link::Off,
                hint: Some("no strap remembered".into()),
                ..Heart::default()
            };
            say(
                state,
                "Strap forgotten: the next start has no heart rate until you pick one.",
                false,
            );
            return vec![
                Effect::Store(DevicesRequest::RememberStrap(None).into()),
                Effect::UseStrap(None),
            ];
        }
        Input::Command(Command::Back) => state.screen = Screen::Dashboard,
        Input::Command(_) | Input::Edit(_) => {}
    }
    Vec::new()
}

/// A scan finished.
pub fn found(state: &mut State, result: Result<Vec<crate::hr::Strap>, String>) -> Vec<Effect> {
    if let Screen::Devices(screen) = &mut state.screen {
        screen.scanning = false;
        match result {
            Ok(straps) => {
                screen.selected = state
                    .strap
                    .as_ref()
                    .and_then(|remembered| straps.iter().position(|s| &s.address == remembered))
                    .unwrap_or(0);
                screen.straps = straps;
                screen.error = None;
            }
            Err(error) => screen.error = Some(error),
        }
    }
    Vec::new()
}

/// The store remembered (or forgot) the strap.
pub fn stored(state: &mut State, reply: DevicesReply) -> Vec<Effect> {
    match reply {
        DevicesReply::StrapRemembered(strap) => state.strap = strap,
    }
    Vec::new()
}
