//! Everything the app knows, as plain data. Only `update()` changes it; `ui` only reads it.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, Utc};

use crate::core::profile::Profile;
use crate::core::review::insights::Insight;
use crate::core::strength::coaching::Coaching;
use crate::core::strength::coaching::TrainingDay;
use crate::core::strength::deload::{DeloadAdvice, DeloadWeek};
use crate::core::strength::e1rm::Formula;
use crate::core::strength::progression::RuleConfig;
use crate::core::units::{Bpm, Unit, Weight};
use crate::core::workout::exercise::{Exercise, ExerciseId};
use crate::core::workout::plates::Loadable;
use crate::core::workout::rest::{Rest, RestDefaults};
use crate::core::workout::session::{Session, SessionSummary, SetId, SlotId};
use crate::core::workout::set::SetSpec;

use super::confirm::Confirm;
use super::dialog::Dialog;
use super::finish_form::FinishField;
use super::form::Form;
use super::heart::Heart;
use super::keymap::{Context, Keymap};
use super::profile_form::ProfileField;
use super::text_input::TextInput;
use crate::hr::Strap;

/// The smallest terminal the screens are laid out for: below it "Terminal too small" is all that
/// is drawn, and keys other than help and quit do nothing.
pub const MIN_SIZE: (u16, u16) = (80, 24);

/// Settings that come from the config file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub rest: RestDefaults,
    /// Seconds added or removed by the rest ± keys.
    pub rest_step: u32,
    pub bell: bool,
    pub color: bool,
    /// Heart-rate-gated rest: "ready" once HR falls below this.
    pub ready_below: Option<Bpm>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            rest: RestDefaults::default(),
            rest_step: 30,
            bell: true,
            color: true,
            ready_below: None,
        }
    }
}

pub use crate::read::Startup;

#[derive(Debug, Clone)]
pub struct State {
    pub now: DateTime<Utc>,
    /// The local time zone's offset, fixed at start so drawing never reads the clock or zone.
    pub utc_offset: FixedOffset,
    pub keymap: Keymap,
    pub settings: Settings,
    pub profile: Option<Profile>,
    /// The catalogue and the lifter's own exercises, by name.
    pub exercises: Vec<Exercise>,
    pub recent_exercises: Vec<ExerciseId>,
    pub recent_sessions: Vec<SessionSummary>,
    /// The session in progress, exactly as committed to the database.
    pub session: Option<Session>,
    /// Records, today's recommendation and the last set of each exercise in the session.
    pub coaching: HashMap<ExerciseId, Coaching>,
    /// Progression rules chosen per exercise (the defaults by exercise type otherwise).
    pub rules: HashMap<ExerciseId, RuleConfig>,
    /// The e1RM formula pinned in Settings (the science.md defaults otherwise).
    pub pinned: Option<Formula>,
    /// Sets planned for an exercise (warm-ups, then the working set), prefilled one by one.
    pub planned: HashMap<SlotId, Vec<SetSpec>>,
    /// The program day the running session trains, if it is one.
    pub program_session: Option<ProgramSession>,
    pub rest: Option<RestTimer>,
    pub heart: Heart,
    /// The strap the next start connects to (address or name).
    pub strap: Option<String>,
    /// The deload check for the dashboard.
    pub deload: Option<DeloadAdvice>,
    /// The recorded deload covering today, if any: the dashboard and coaching follow it.
    pub deload_week: Option<DeloadWeek>,
    /// Today's insights, warnings first (`None` until loaded).
    pub insights: Option<Vec<Insight>>,
    /// The insight whose suggestion the dashboard shows.
    pub insight: usize,
    /// The running program as the dashboard shows it, read at start.
    pub program: Option<crate::read::ProgramSummary>,
    pub screen: Screen,
    pub modal: Option<Modal>,
    /// A one-line message at the bottom: what just happened or what went wrong.
    pub status: Option<Status>,
    /// The last activity of an idle session the lifter chose to continue after: not asked about
    /// that gap again.
    pub idle_continued: Option<DateTime<Utc>>,
    pub size: (u16, u16),
    pub quit: bool,
    /// Why the database can only be read: the app reviews, and the store refuses every change.
    pub read_only: Option<crate::store::ReadOnly>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RestTimer {
    pub rest: Rest,
    /// The bell has rung for this rest.
    pub rung: bool,
    /// Heart rate has fallen below the ready level during this rest.
    pub ready: bool,
}

/// Where the lifter is. What each screen declares — its title, key table, footer hints and
/// update — is in `update/screen.rs`; how it is drawn, in `ui/screens`.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    /// First run: the profile is asked for before anything else.
    Onboarding(Form<ProfileField>),
    Dashboard,
    Session(SessionScreen),
    Finish(Form<FinishField>),
    Summary(Box<SummaryScreen>),
    History(HistoryScreen),
    Settings(Form<ProfileField>),
    Devices(DevicesScreen),
    /// One lift's progression: e1RM, top sets, volume, muscle coverage.
    Progress(Box<super::review_state::ProgressScreen>),
    /// Training load: fitness, fatigue, form, ACWR, weekly totals, zones and HRV.
    Load(Box<super::review_state::LoadScreen>),
}

/// After finishing: the session, and what it changed in the running program.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryScreen {
    pub session: Session,
    pub program: Option<crate::app::store_worker::ProgramFinish>,
    /// The change selected (to suppress).
    pub selected: usize,
}

/// The program day a session trains: each line of it and the slot it became.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgramSession {
    pub session: crate::core::workout::session::SessionId,
    pub day: crate::read::program_run::SessionDay,
    /// The slot each line of the day became, in line order.
    pub slots: Vec<SlotId>,
}

impl ProgramSession {
    /// The program's line for a slot of the session.
    pub fn line(&self, slot: SlotId) -> Option<&crate::read::program_run::DayLine> {
        let i = self.slots.iter().position(|s| *s == slot)?;
        self.day.lines.get(i)
    }
}

/// Bluetooth straps in range, to pick the one to stream from.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DevicesScreen {
    pub straps: Vec<Strap>,
    pub selected: usize,
    pub scanning: bool,
    /// Why the last scan failed ("Bluetooth unavailable: …").
    pub error: Option<String>,
}

/// The session screen's own state; the session itself lives in `State::session`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SessionScreen {
    /// Index of the selected exercise in the session.
    pub selected: usize,
    pub entry: TextInput,
    /// Which slot the entry line was prefilled for.
    pub entry_slot: Option<SlotId>,
    /// Why the last Enter did not log, with the column to point at.
    pub error: Option<EntryError>,
    /// A log request is in flight: the line stays until the store confirms.
    pub saving: bool,
    /// The line the last refusal or question was about: Enter on the same line again answers a
    /// question ("240 kg is 2.4× your best on this lift (100 kg): Enter again logs it") with yes.
    pub asked: Option<String>,
    /// Records the last logged set broke, shown only on its own exercise.
    pub records: Option<SlotRecords>,
    /// How the weight on the entry line is loaded on the bar, for barbell exercises.
    pub plates: Option<PlateHint>,
}

/// Records broken by the last logged set, as sentences, and the exercise they belong to.
#[derive(Debug, Clone, PartialEq)]
pub struct SlotRecords {
    pub slot: SlotId,
    pub sentences: Vec<String>,
}

/// The plates for the weight on the entry line.
#[derive(Debug, Clone, PartialEq)]
pub struct PlateHint {
    pub target: Weight,
    pub loadable: Loadable,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryError {
    pub message: String,
    pub at: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct HistoryScreen {
    /// The sessions loaded so far, newest first: pages are read as the selection nears the end.
    pub sessions: Vec<SessionSummary>,
    /// How many sessions there are in all (`None` until the first page arrives).
    pub total: Option<usize>,
    pub selected: usize,
    pub loading: bool,
    /// End was pressed before the whole list was loaded: select the oldest when it arrives.
    pub to_end: bool,
    pub detail: Option<Detail>,
}

/// One past session, opened from the history list.
#[derive(Debug, Clone, PartialEq)]
pub struct Detail {
    pub session: Session,
    /// Index into the session's sets in display order.
    pub selected: usize,
    /// A set being edited: its id, the line, and why the last try failed.
    pub edit: Option<SetEdit>,
    /// Which half a small terminal shows (a large one shows both).
    pub view: DetailView,
    /// The session's heart rate; `None` when none was recorded.
    pub hr: Option<Box<crate::read::DetailHr>>,
    /// The heart rate of each set that has one.
    pub set_hr: HashMap<SetId, crate::core::heart::set_hr::SetHr>,
    /// Each exercise's previous performance (kept to redo the comparison after an edit).
    pub previous: Vec<(
        ExerciseId,
        crate::core::strength::history::PerformanceSummary,
    )>,
    /// Each exercise now against the last time.
    pub comparisons: Vec<crate::core::review::session::Comparison>,
}

/// The two views of a session's detail on a small terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DetailView {
    /// The sets with their heart rate, notes and the comparison with last time.
    #[default]
    Sets,
    /// The heart-rate chart, zones and load.
    HeartRate,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SetEdit {
    pub set: SetId,
    pub input: TextInput,
    pub error: Option<EntryError>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Modal {
    /// The keys: the section of the screen it was opened on (`first`) on top, then the rest.
    Help {
        scroll: u16,
        first: Option<Context>,
    },
    Picker(Picker),
    Confirm(Confirm),
    /// A small form over the screen, with what it is for.
    Form(Dialog),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Picker {
    pub query: TextInput,
    /// Indices into `State::exercises`, best first.
    pub results: Vec<usize>,
    pub selected: usize,
    /// What Enter does with the chosen exercise.
    pub purpose: PickerPurpose,
}

/// What the exercise picker is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PickerPurpose {
    /// Add the exercise to the running session.
    #[default]
    AddToSession,
    /// Show the exercise's progression.
    Progress,
}

/// The day `now` falls on (UTC, like every stored date), inside `deload` or not.
pub fn training_day(deload: Option<&DeloadWeek>, now: DateTime<Utc>) -> TrainingDay {
    let date = now.date_naive();
    TrainingDay {
        date,
        deload: deload.and_then(|d| d.day_of(date)),
    }
}

/// Coaching for every exercise of a resumed session, under each one's rule.
fn coaching_for(startup: &Startup, now: DateTime<Utc>) -> HashMap<ExerciseId, Coaching> {
    let (Some(session), Some(profile)) = (&startup.active, &startup.profile) else {
        return HashMap::new();
    };
    startup
        .histories
        .iter()
        .filter_map(|(id, history)| {
            let exercise = startup.exercises.iter().find(|e| e.id == *id)?;
            let rule = RuleConfig::resolve(startup.rules.get(id).copied(), exercise, profile.unit);
            Some((
                *id,
                Coaching::for_day(
                    history,
                    session.id,
                    exercise,
                    profile,
                    training_day(startup.deload_week.as_ref(), now),
                    &rule,
                    startup.pinned,
                ),
            ))
        })
        .collect()
}

/// What a read-only start says on the status line (the dashboard adds the fix).
pub fn read_only_line(why: &crate::store::ReadOnly) -> String {
    format!("Read-only database: reviewing only — {why}. Nothing can be logged or changed.")
}

/// What a key that would change a read-only database says at once, before any question or
/// form: "Read-only database: nothing can be deleted — the file is read-only."
pub fn read_only_refusal(why: &crate::store::ReadOnly, what: &str) -> String {
    format!("Read-only database: {what} — {why}.")
}

impl State {
    pub fn new(
        startup: Startup,
        settings: Settings,
        keymap: Keymap,
        now: DateTime<Utc>,
        utc_offset: FixedOffset,
    ) -> State {
        let screen = match &startup.profile {
            None => Screen::Onboarding(super::profile_form::profile_form(
                "Welcome to ironpulse — your profile",
                None,
            )),
            Some(_) => Screen::Dashboard,
        };
        let modal = match (&startup.active, &startup.profile) {
            // A read-only database: nothing to resume into or finish; the dashboard says why.
            _ if startup.read_only.is_some() => None,
            (Some(session), Some(_)) => {
                super::resume::at_start(session, now, utc_offset).map(Modal::Confirm)
            }
            _ => None,
        };
        let coaching = coaching_for(&startup, now);
        let program_session = startup.active_day.clone().and_then(|(day, slots)| {
            let session = startup.active.as_ref()?.id;
            Some(ProgramSession {
                session,
                day,
                slots,
            })
        });
        State {
            now,
            utc_offset,
            keymap,
            settings,
            profile: startup.profile,
            exercises: startup.exercises,
            recent_exercises: startup.recent_exercises,
            recent_sessions: startup.recent_sessions,
            coaching,
            rules: startup.rules,
            pinned: startup.pinned,
            session: startup.active,
            planned: HashMap::new(),
            program_session,
            rest: None,
            heart: Heart::default(),
            strap: startup.strap,
            deload: startup.deload,
            deload_week: startup.deload_week,
            insights: startup.insights,
            insight: 0,
            program: startup.program,
            screen,
            modal,
            status: startup.read_only.as_ref().map(|why| Status {
                text: read_only_line(why),
                error: true,
            }),
            idle_continued: None,
            size: (80, 24),
            quit: false,
            read_only: startup.read_only,
        }
    }

    /// A moment in the lifter's local time.
    pub fn local(&self, at: DateTime<Utc>) -> DateTime<FixedOffset> {
        at.with_timezone(&self.utc_offset)
    }

    /// The display unit (kg until a profile says otherwise).
    pub fn unit(&self) -> Unit {
        self.profile.as_ref().map_or(Unit::Kg, |p| p.unit)
    }

    pub fn exercise(&self, id: ExerciseId) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.id == id)
    }

    /// Whether the terminal is below the smallest size the screens are drawn at, so "Terminal too
    /// small" is all that is on screen.
    pub fn too_small(&self) -> bool {
        let (width, height) = MIN_SIZE;
        self.size.0 < width || self.size.1 < height
    }

    /// Whether something on screen shows a running clock, so the 1 s tick is needed: the header
    /// shows the session's clock on every screen while one runs, and the rest timer counts.
    pub fn needs_clock(&self) -> bool {
        self.rest.is_some() || self.session.is_some()
    }
}

#[cfg(test)]
impl State {
    /// A state for unit tests: `startup` with default settings and keys, in UTC, at `now`.
    pub fn testing(startup: Startup, now: DateTime<Utc>) -> State {
        State::new(
            startup,
            Settings::default(),
            Keymap::default(),
            now,
            FixedOffset::east_opt(0).expect("UTC is a valid offset"),
        )
    }
}
