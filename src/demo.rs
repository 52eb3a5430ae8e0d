//! `ironpulse demo`: a deterministic, realistic training history for trying the app out and for
//! measuring it — years of five sessions a week with warm-ups, progression, plateaus, missed
//! reps, deloads, PRs and the odd week off. The strength work follows built-in programs, one
//! after another, run through the same engine as the app: a novice linear program first, then
//! intermediate ones, the last still running today.
//!
//! Planning is pure ([`plan`]: options, exercises and profile in, sessions and program runs out);
//! [`generate`] then writes it as the app would have recorded it, day by day.

mod calendar;
mod career;
mod heart;
mod hrv;
mod lift;
mod loading;
mod plan;
mod planner;
mod routine;
mod run;
mod strength;
mod write;

use chrono::{DateTime, Datelike as _, Days, NaiveDate, Utc};

use crate::core::heart::settings::HrSettingsError;
use crate::core::profile::{Profile, Sex, default_bar, default_plates, tanaka_hr_max};
use crate::core::strength::history::week_start;
use crate::core::units::{Bpm, Unit, UnitError, Weight};
use crate::store::{Store, StoreError};

pub use plan::{Plan, ProgramDay, RunPlan, SessionPlan, Step, WorkBout};
pub use planner::plan;

/// Longest history the demo makes.
pub const MAX_YEARS: u32 = 30;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoOptions {
    /// Years of history, 1–[`MAX_YEARS`].
    pub years: u32,
    /// The same seed (with the same `today`) gives the same history, row for row.
    pub seed: u64,
    /// The history ends here; the CLI passes `Utc::now()`.
    pub today: DateTime<Utc>,
}

impl DemoOptions {
    fn check(&self) -> Result<(), DemoError> {
        if (1..=MAX_YEARS).contains(&self.years) {
            Ok(())
        } else {
            Err(DemoError::Years(self.years))
        }
    }
}

/// What was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoReport {
    pub sessions: usize,
    /// Sets, warm-ups included.
    pub sets: usize,
    /// Heart-rate samples (1 Hz, each with its RR intervals).
    pub hr_samples: usize,
    /// Morning resting HRV readings.
    pub hrv_readings: usize,
    /// Program runs, the last one still running.
    pub programs: usize,
}

/// Why the demo could not be generated.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    /// The database already holds sessions.
    #[error("demo data goes into an empty database; use --db with a new file")]
    NotEmpty,
    #[error("the demo makes 1–{MAX_YEARS} years of history, got {0}")]
    Years(u32),
    /// The programme names an exercise the catalogue does not have.
    #[error(
        "the demo programme uses {0:?}, but the exercise list has no such exercise. \
         This is a bug in this ironpulse build."
    )]
    MissingExercise(&'static str),
    /// A built-in program the demo runs cannot be run by it.
    #[error("the demo cannot run the program {0}. This is a bug in this ironpulse build.")]
    Program(String),
    /// The planner produced a value the core types refuse.
    #[error(
        "the demo planner made an impossible value ({0}). This is a bug in this ironpulse build."
    )]
    Planner(#[from] UnitError),
    /// The profile's heart-rate anchors cannot give zones or load.
    #[error("the profile's heart-rate settings cannot be used for the demo: {0}")]
    HeartRate(#[from] HrSettingsError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Plans the history and writes it into `store`, which must not hold any session yet. A demo
/// profile (80 kg man born 1990, 20 kg bar) is saved first unless one exists. The store must
/// hold no program run either: the demo's last program is left running.
pub fn generate(store: &Store, options: &DemoOptions) -> Result<DemoReport, DemoError> {
    options.check()?;
    if !store.recent_sessions(1, 0)?.is_empty() {
        return Err(DemoError::NotEmpty);
    }
    let existing = store.profile()?;
    let profile = match &existing {
        Some(profile) => profile.clone(),
        None => demo_profile(options.today)?,
    };
    let planned = plan(options, &store.exercises()?, &profile)?;
    let heart = heart::HeartSetup::new(&profile, options.seed)?;
    if existing.is_none() {
        store.save_profile(&profile)?;
    }
    let ids = write::write(store, &planned)?;
    let plans = &planned.sessions;
    store.record_deloads(
        deload_weeks(plans, options.today.date_naive())
            .into_iter()
            .map(|(start, end)| (start, end, "Deload week")),
    )?;
    let hr_samples = heart::write(store, &heart, plans, &ids)?;
    let hrv_readings = hrv::write(store, plans, profile.hr_rest, options.seed, options.today)?;
    Ok(DemoReport {
        sessions: plans.len(),
        sets: plans.iter().map(SessionPlan::set_count).sum(),
        hr_samples,
        hrv_readings,
        programs: planned.runs.len(),
    })
}

/// The deload weeks of the plan, Monday to Sunday, as the lifter records them (the current
/// one still open).
fn deload_weeks(plans: &[SessionPlan], today: NaiveDate) -> Vec<(NaiveDate, Option<NaiveDate>)> {
    let mut mondays: Vec<NaiveDate> = plans
        .iter()
        .filter(|p| p.deload)
        .map(|p| week_start(p.session.started_at.date_naive()))
        .collect();
    mondays.dedup();
    mondays
        .into_iter()
        .map(|monday| {
            let sunday = monday + Days::new(6);
            (monday, (sunday < today).then_some(sunday))
        })
        .collect()
}

/// The demo lifter: an 80 kg man born in 1990, max heart rate from Tanaka for his age `today`,
/// resting 55, LTHR 165, training in kilograms with a 20 kg bar and standard plates.
pub fn demo_profile(today: DateTime<Utc>) -> Result<Profile, UnitError> {
    let birth_year = 1990;
    let hr_max = tanaka_hr_max(today.year() - birth_year).round() as u32;
    Ok(Profile {
        unit: Unit::Kg,
        body_weight: Weight::from_kg(80.0)?,
        sex: Sex::Male,
        birth_year,
        hr_max: Bpm::try_from(hr_max)?,
        hr_rest: Bpm::try_from(55)?,
        lthr: Some(Bpm::try_from(165)?),
        bar: default_bar(Unit::Kg),
        plates: default_plates(Unit::Kg),
        zones: crate::core::profile::ZoneKind::Karvonen,
    })
}
