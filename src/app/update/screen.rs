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
                // With a program running, its day is the first thing to start.
                if self.program.is_some() {
                    DASHBOARD_PROGRAM
                } else {
                    DASHBOARD
                },
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
            Screen::Summary(summary) => summary_descriptor(summary),
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
const DASHBOARD: Hints = &[
    (C::StartSession, "start/resume"),
    (C::History, "history"),
    (C::Progress, "progress"),
    (C::TrainingLoad, "load"),
    (C::Settings, "settings"),
    (C::Deload, "deload"),
    (C::Help, "help"),
    (C::Quit, "quit"),
];

const DASHBOARD_PROGRAM: Hints = &[
    (C::Today, "today"),
    (C::StartSession, "start/resume"),
    (C::History, "history"),
    (C::Progress, "progress"),
    (C::TrainingLoad, "load"),
    (C::Settings, "settings"),
    (C::Help, "help"),
    (C::Quit, "quit"),
    (C::Deload, "deload"),
];

/// A program day's changes can be kept off; any other summary only leaves.
fn summary_descriptor(summary: &crate::app::state::SummaryScreen) -> Descriptor {
    let changes = summary
        .program
        .as_ref()
        .is_some_and(|p| !p.changes.is_empty());
    Descriptor::new(
        "Summary",
        Context::Summary,
        if changes {
            &[
                (C::Submit, "dashboard"),
                (C::Suppress, "keep change off"),
                (C::Down, "next change"),
            ]
        } else {
            &[(C::Submit, "dashboard")]
        },
        super::summary,
    )
}

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
        Some(detail) if detail.edit.is_some() => ("History · session", Context::Form, ONE_LINE),
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

/// The hints of a form of one line (a set being edited, an exercise's notes): no other field to go to.
const ONE_LINE: Hints = &[(C::Submit, "save"), (C::Back, "cancel")];

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
            Modal::Form(crate::app::dialog::Dialog::SlotNotes { .. }) => ONE_LINE,
            Modal::Form { .. } => FORM,
        }
    }
}

/// A key press on the screen on show.
pub(super) fn update(state: &mut State, input: Input) -> Vec<Effect> {
    (state.descriptor().update)(state, input)
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate};

    use super::*;
    use crate::app::confirm::{Confirm, ConfirmAction};
    use crate::app::dialog::Dialog;
    use crate::app::exercise_form::exercise_form;
    use crate::app::finish_form::finish_form;

    use crate::app::profile_form::profile_form;
    use crate::app::review_state::{LoadScreen, ProgressScreen};
    use crate::app::state::{Detail, DetailView, DevicesScreen, Picker, SetEdit};
    use crate::app::state::{SessionScreen, Startup};
    use crate::app::text_input::TextInput;
    use crate::core::review::range::Range;
    use crate::core::workout::session::{Session, SessionId, SessionStatus, SetId};
    use crate::store::ReadOnly;

    fn state(screen: Screen) -> State {
        let mut state = State::testing(Startup::default(), DateTime::UNIX_EPOCH);
        state.screen = screen;
        state
    }

    fn session() -> Session {
        Session {
            id: SessionId(1),
            started_at: DateTime::UNIX_EPOCH,
            ended_at: None,
            status: SessionStatus::Finished,
            title: String::new(),
            rpe: None,
            notes: String::new(),
            body_weight: None,
            slots: Vec::new(),
        }
    }

    fn history(edit: Option<SetEdit>, detail: bool) -> Screen {
        Screen::History(HistoryScreen {
            detail: detail.then(|| Detail {
                session: session(),
                selected: 0,
                edit,
                view: DetailView::Sets,
                hr: None,
                set_hr: std::collections::HashMap::new(),
                previous: Vec::new(),
                comparisons: Vec::new(),
            }),
            ..HistoryScreen::default()
        })
    }

    /// One state per screen, per state of the history screen, per overlay, and read-only.
    fn everywhere() -> Vec<State> {
        let form = || profile_form("Settings — profile", None);
        let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let edit = SetEdit {
            set: SetId(1),
            input: TextInput::default(),
            error: None,
        };
        let mut states: Vec<State> = [
            Screen::Onboarding(form()),
            Screen::Dashboard,
            Screen::Session(SessionScreen::default()),
            Screen::Finish(finish_form("")),
            Screen::Summary(Box::new(crate::app::state::SummaryScreen {
                session: session(),
                program: None,
                selected: 0,
            })),
            history(None, false),
            history(None, true),
            history(Some(edit), true),
            Screen::Settings(form()),
            Screen::Devices(DevicesScreen::default()),
            Screen::Progress(Box::new(ProgressScreen::new(today, Range::Weeks4))),
            Screen::Load(Box::new(LoadScreen::new(today, Range::Weeks4))),
        ]
        .into_iter()
        .map(state)
        .collect();
        let mut read_only = state(Screen::Settings(form()));
        read_only.read_only = Some(ReadOnly::FileSystem);
        states.push(read_only);
        let progress_picker = Picker {
            purpose: PickerPurpose::Progress,
            ..Picker::default()
        };
        let question = Confirm::ask("Sure?".into(), "yes", "no", ConfirmAction::AbandonSession);
        let small_form = Modal::Form(Dialog::NewExercise(exercise_form("")));
        for modal in [
            Modal::Help {
                scroll: 0,
                first: None,
            },
            Modal::Picker(Picker::default()),
            Modal::Picker(progress_picker),
            Modal::Confirm(question),
            small_form,
        ] {
            let mut with = state(Screen::Dashboard);
            with.modal = Some(modal);
            states.push(with);
        }
        states
    }

    /// What the footer offers, as `(key, label)`.
    fn offered(state: &State) -> Vec<(String, &'static str)> {
        state
            .hints()
            .iter()
            .map(|(command, label)| {
                let key = state.keymap.key_for(state.context(), *command);
                (key.map_or_else(|| "-".into(), |k| k.to_string()), *label)
            })
            .collect()
    }

    #[test]
    fn every_hint_is_a_key_of_the_table_it_is_shown_with() {
        for state in everywhere() {
            let context = state.context();
            for (command, label) in state.hints() {
                assert!(
                    state.keymap.key_for(context, *command).is_some(),
                    "\"{label}\" ({command:?}) has no key in {context:?} on {}",
                    state.descriptor().title
                );
            }
        }
    }

    #[test]
    fn title_and_keys_follow_where_the_lifter_is() {
        let places: Vec<_> = everywhere()
            .iter()
            .take(12)
            .map(|s| (s.descriptor().title, s.context()))
            .collect();
        assert_eq!(
            places,
            [
                ("Welcome", Context::Form),
                ("Dashboard", Context::Dashboard),
                ("Session", Context::Session),
                ("Finish", Context::Form),
                ("Summary", Context::Summary),
                ("History", Context::History),
                ("History · session", Context::Detail),
                ("History · session", Context::Form),
                ("Settings", Context::Form),
                ("Heart-rate straps", Context::Devices),
                ("Progression", Context::Progress),
                ("Training load", Context::Load),
            ]
        );
        let overlays: Vec<_> = everywhere()[13..].iter().map(State::context).collect();
        assert_eq!(
            overlays,
            [
                Context::Help,
                Context::Picker,
                Context::Picker,
                Context::Confirm,
                Context::Form
            ]
        );
    }

    #[test]
    fn a_form_offers_what_can_be_done_there() {
        let key = |k: &str, label| (k.to_string(), label);
        let all = everywhere();
        let [onboarding, settings, read_only] = [&all[0], &all[8], &all[12]];
        // The first-run profile cannot be left for an app without one: quit, not cancel.
        assert_eq!(
            offered(onboarding),
            [
                key("Enter", "next / save"),
                key("Tab", "next field"),
                key("Ctrl-C", "quit")
            ]
        );
        assert_eq!(
            offered(settings),
            [
                key("Enter", "next / save"),
                key("Tab", "next field"),
                key("Esc", "cancel")
            ]
        );
        // Settings of a read-only database are shown, not saved.
        assert_eq!(
            offered(read_only),
            [key("Tab", "next field"), key("Esc", "back")]
        );
    }

    /// A form of one line has no next field to offer: Enter saves it (a set being edited in
    /// History, an exercise's notes).
    #[test]
    fn a_one_line_form_offers_save_and_cancel_only() {
        let key = |k: &str, label| (k.to_string(), label);
        let edit = SetEdit {
            set: SetId(1),
            input: TextInput::default(),
            error: None,
        };
        let editing = state(history(Some(edit), true));
        let mut notes = state(Screen::Session(SessionScreen::default()));
        notes.modal = Some(Modal::Form(Dialog::SlotNotes {
            slot: crate::core::workout::session::SlotId(1),
            form: crate::app::dialog::notes_form(""),
        }));
        for one_line in [&editing, &notes] {
            assert_eq!(
                offered(one_line),
                [key("Enter", "save"), key("Esc", "cancel")]
            );
        }
    }

    #[test]
    fn the_picker_offers_a_new_exercise_only_when_adding_one() {
        let all = everywhere();
        let [adding, charting] = [&all[14], &all[15]];
        assert_eq!(
            offered(adding),
            [
                ("Enter".to_string(), "add"),
                ("Ctrl-N".to_string(), "new exercise"),
                ("Esc".to_string(), "cancel")
            ]
        );
        assert_eq!(
            offered(charting),
            [("Enter".to_string(), "show"), ("Esc".to_string(), "cancel")]
        );
    }
}
