//! What the first frame needs, read before the terminal is taken over. Nothing here reads the
//! whole history: the start must not grow with the years (docs/BENCHMARKS.md). The deload check
//! and the insights, which do, are read once the first frame is drawn ([`super::DeloadCheck`],
//! [`super::Insights`]).

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::core::profile::Profile;
use crate::core::review::insights::Insight;
use crate::core::strength::deload::{DeloadAdvice, DeloadWeek};
use crate::core::strength::e1rm::Formula;
use crate::core::strength::history::Performance;
use crate::core::strength::progression::RuleConfig;
use crate::core::workout::exercise::{Exercise, ExerciseId};
use crate::core::workout::session::SlotId;
use crate::core::workout::session::{Session, SessionSummary};
use crate::read::ProgramSummary;
use crate::read::program_run::{ProgramRun, RunError, SessionDay};
use crate::store::{ReadOnly, Store, StoreError};

/// How many recent sessions are read for the dashboard: enough to fill a tall terminal (it
/// lists as many as fit under the insights).
pub const RECENT_SESSIONS: usize = 60;

/// How many recently used exercises the exercise picker ranks first.
const RECENT_EXERCISES: usize = 30;

/// What the database held at start, loaded before the first frame.
#[derive(Debug, Clone, Default)]
pub struct Startup {
    pub profile: Option<Profile>,
    pub exercises: Vec<Exercise>,
    pub recent_exercises: Vec<ExerciseId>,
    pub recent_sessions: Vec<SessionSummary>,
    pub active: Option<Session>,
    /// The remembered heart-rate strap.
    pub strap: Option<String>,
    /// The deload check as of the start: `None` from the store, which reads it once the first
    /// frame is drawn (`Action::Started`).
    pub deload: Option<DeloadAdvice>,
    /// The recorded deload covering the start day.
    pub deload_week: Option<DeloadWeek>,
    /// The insights as of the start day, warnings first: `None` from the store, read once the
    /// first frame is drawn.
    pub insights: Option<Vec<Insight>>,
    /// The history of each exercise in the active session, for its coaching.
    pub histories: HashMap<ExerciseId, Vec<Performance>>,
    /// The progression rules chosen for the active session's exercises.
    pub rules: HashMap<ExerciseId, RuleConfig>,
    /// The e1RM formula pinned in Settings.
    pub pinned: Option<Formula>,
    /// Why the database can only be read, when it cannot be written.
    pub read_only: Option<ReadOnly>,
    /// The running program as the dashboard shows it (None: none runs, or no profile yet).
    pub program: Option<ProgramSummary>,
    /// The program day the running session trains, and the slot each of its lines became.
    pub active_day: Option<(SessionDay, Vec<SlotId>)>,
}

impl Startup {
    /// Everything the first frame needs as of `today`.
    pub fn read(store: &Store, today: NaiveDate) -> Result<Startup, StoreError> {
        let active = store.active_session()?;
        let mut histories = HashMap::new();
        let mut rules = HashMap::new();
        for slot in active.iter().flat_map(|s| &s.slots) {
            histories.insert(slot.exercise, store.exercise_history(slot.exercise)?);
            if let Some(rule) = store.exercise_rule(slot.exercise)? {
                rules.insert(slot.exercise, rule);
            }
        }
        let profile = store.profile()?;
        let run = match &profile {
            Some(profile) => program(store, profile, today)?,
            None => None,
        };
        let active_day = match (&active, &run) {
            (Some(session), Some(run)) => store
                .program_day_of(session.id)?
                .filter(|(assignment, _)| *assignment == run.assignment.id)
                .map(|(_, seq)| (run.day(seq), session.slots.iter().map(|s| s.id).collect())),
            _ => None,
        };
        let program = run.map(|run| ProgramSummary::of(&run, today));
        Ok(Startup {
            profile,
            exercises: store.exercises()?,
            recent_exercises: store.recent_exercises(RECENT_EXERCISES)?,
            recent_sessions: store.recent_sessions(RECENT_SESSIONS, 0)?,
            active,
            histories,
            rules,
            pinned: store.pinned_formula()?,
            strap: store.remembered_strap()?,
            // The deload check and the insights read the whole history: they are asked for once
            // the first frame is drawn (`Action::Started`), and fill in a moment later.
            deload: None,
            deload_week: store.current_deload(today)?,
            insights: None,
            read_only: store.read_only().cloned(),
            program,
            active_day,
        })
    }
}

/// The running program's summary as of `today`: with none running, one small query. With one,
/// its days, the sessions trained for it and its lifts' e1RM by session (for loads from a max)
/// are read. A stored text that does not parse (a newer build's, or edited by hand) leaves the
/// dashboard without it rather than stopping the app — `ironpulse program status` says why.
fn program(
    store: &Store,
    profile: &Profile,
    today: NaiveDate,
) -> Result<Option<ProgramRun>, StoreError> {
    match ProgramRun::read(store, profile, today) {
        Ok(run) => Ok(run),
        Err(RunError::Store(e)) => Err(e),
        Err(RunError::Program(e)) => {
            tracing::warn!("the running program is left off the dashboard: {e}");
            Ok(None)
        }
    }
}
