//! Every screen in one place: its name in the header, the key table it reads, the hints in the
//! footer and how a key press updates it — one arm of [`State::descriptor`] per screen. The
//! overlays (help, picker, question, small form) declare their key table and hints beside it.
//!
//! A new screen is: its state (a `Screen` variant, `app/state.rs`), its update (a file under
//! `update/`, declared here), one arm below, its drawing (`ui/screens/<name>.rs` and one arm in
//! `ui::screens::render`), and its keys (`app/keymap.rs`).

use super::{Effect, Input, devices, forms, history, review, session};
use crate::app::keymap::{Command, Context};
use crate::app::state::{HistoryScreen, Modal, PickerPurpose, Screen, State};

use Command as C;

/// The footer's hints: a command and its short label, most needed first. A hint whose key does not
/// fit the line is left out, so the first are the ones that matter most.
pub type Hints = &'static [(Command, &'static str)];

/// What a screen declares about itself, as it is now.
#[derive(Clone, Copy)]
pub struct Descriptor {
    /// Its name in the header ("History · session").
    pub title: &'static str,
    /// The key table that applies on it while no overlay is open.
    pub context: Context,
    /// The footer's hints while no overlay is open.
    pub hints: Hints,
    /// What a key press does on it.
    update: fn(&mut State, Input) -> Vec<Effect>,
}

impl Descriptor {
    const fn new(
        title: &'static str,
        context: Context,
        hints: Hints,
        update: fn(&mut State, Input) -> Vec<Effect>,
    ) -> Descriptor {
        Descriptor {
            title,
            context,
            hints,
            update,
        }
    }
}

impl State {
    /// What the screen on show declares about itself.
    pub fn descriptor(&self) -> Descriptor {
        let screen = Descriptor::new;
        match &self.screen {
            Screen::Onboarding(_) => screen(
                "Welcome",
                Context::Form,
                // The first-run profile cannot be cancelled into an app without one: quit instead.
                &[
                    (C::Submit, "next / save"),
                    (C::NextField, "next field"),
                    (C::Quit, "quit"),
                ],
                forms::screen_form,
            ),
            Screen::Dashboard => screen(
                "Dashboard",
                Context::Dashboard,
                &[
                    (C::StartSession, "start/resume"),
                    (C::History, "history"),
                    (C::Progress, "progress"),
                    (C::TrainingLoad, "load"),
                    (C::Settings, "settings"),
                    (C::Deload, "deload"),
                    (C::Help, "help"),
                    (C::Quit, "quit"),
                ],
                super::dashboard,
            ),
            Screen::Session(_) => screen(
                "Session",
                Context::Session,
                &[
                    (C::Submit, "log"),
                    (C::AddExercise, "add"),
                    (C::RestMinus, "rest−"),
                    (C::RestPlus, "rest+"),
                    (C::RestSkip, "skip"),
                    (C::Finish, "finish"),
                    (C::Help, "help"),
                    (C::Back, "back"),
                ],
                session::session,
            ),
            Screen::Finish(_) => screen("Finish", Context::Form, FORM, forms::screen_form),
            Screen::Summary(_) => screen(
                "Summary",
                Context::Summary,
                &[(C::Submit, "dashboard")],
                super::summary,
            ),
            Screen::History(history) => history_descriptor(history),
            Screen::Settings(_) => screen(
                "Settings",
                Context::Form,
                // Settings of a read-only database are shown, not saved.
                if self.read_only.is_some() {
                    &[(C::NextField, "next field"), (C::Back, "back")]
                } else {
                    FORM
                },
                forms::screen_form,
            ),
            Screen::Devices(_) => screen(
                "Heart-rate straps",
                Context::Devices,
                &[
                    (C::Submit, "connect"),
                    (C::Rescan, "scan again"),
                    (C::Forget, "forget"),
                    (C::Back, "back"),
                ],
                devices::devices,
            ),
            Screen::Progress(_) => screen(
                "Progression",
                Context::Progress,
                &[
                    (C::PickExercise, "exercise"),
                    (C::NextLift, "next lift"),
                    (C::RangeNext, "range"),
                    (C::Back, "back"),
                    (C::Help, "help"),
                ],
                review::progress,
            ),
            Screen::Load(_) => screen(
                "Training load",
                Context::Load,
                &[
                    (C::RangeNext, "range"),
                    (C::NextPanel, "panel"),
                    (C::Back, "back"),
                    (C::Help, "help"),
                ],
                review::load,
            ),
        }
    }

    /// Which key table applies right now: the overlay's, else the screen's.
    pub fn context(&self) -> Context {
        self.modal
            .as_ref()
            .map_or_else(|| self.descriptor().context, Modal::context)
    }

    /// The footer's hints right now: the overlay's, else the screen's.
    pub fn hints(&self) -> Hints {
        self.modal
            .as_ref()
            .map_or_else(|| self.descriptor().hints, Modal::hints)
    }
}

/// The history list, one session's detail, or a set being edited there.
fn history_descriptor(history: &HistoryScreen) -> Descriptor {
    let (title, context, hints): (_, _, Hints) = match &history.detail {
        None => (
            "History",
            Context::History,
            &[
                (C::Submit, "open"),
                (C::Delete, "delete"),
                (C::Back, "back"),
                (C::Help, "help"),
            ],
        ),
        Some(detail) if detail.edit.is_some() => ("History · session", Context::Form, FORM),
        Some(_) => (
            "History · session",
            Context::Detail,
            // The view key is left out by the footer when both views fit.
            &[
                (C::SwitchView, "sets/heart rate"),
                (C::EditSet, "edit set"),
                (C::Delete, "delete set"),
                (C::Back, "back"),
                (C::Help, "help"),
            ],
        ),
    };
    Descriptor::new(title, context, hints, history::history)
}

/// A form's hints, on a screen or in a dialog.
const FORM: Hints = &[
    (C::Submit, "next / save"),
    (C::NextField, "next field"),
    (C::Back, "cancel"),
];

impl Modal {
    /// The key table that applies while this overlay is open.
    pub fn context(&self) -> Context {
        match self {
            Modal::Help { .. } => Context::Help,
            Modal::Picker(_) => Context::Picker,
            Modal::Confirm(_) => Context::Confirm,
            Modal::Form { .. } => Context::Form,
        }
    }

    /// The footer's hints while this overlay is open.
    pub fn hints(&self) -> Hints {
        match self {
            Modal::Help { .. } => &[(C::Back, "close"), (C::Up, "scroll")],
            Modal::Picker(picker) if picker.purpose == PickerPurpose::Progress => {
                &[(C::Submit, "show"), (C::Back, "cancel")]
            }
            Modal::Picker(_) => &[
                (C::Submit, "add"),
                (C::CreateExercise, "new exercise"),
                (C::Back, "cancel"),
            ],
            Modal::Confirm(_) => &[(C::Yes, "yes"), (C::No, "no")],
            Modal::Form { .. } => FORM,
        }
    }
}

/// A key press on the screen on show.
pub(super) fn update(state: &mut State, input: Input) -> Vec<Effect> {
    (state.descriptor().update)(state, input)
}
