//! The built-in programs as the library lists them: each with its header, an estimated session
//! length and its weekly sets per muscle group, for this lifter's exercises.

use crate::core::profile::Profile;
use crate::core::program::library::BUILTINS;
use crate::core::program::measures::{day_seconds, muscle_sets};
use crate::core::program::plan::{DayPlan, day_at, days_in_weeks, prescribe};
use crate::core::program::slot::Slots;
use crate::core::program::{Program, ProgramError};
use crate::core::workout::exercise::Exercise;
use crate::read::ProgramLifter;

/// One built-in, summarised.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub slug: &'static str,
    pub program: Program,
    /// Mean minutes a session over the first week (20 s a set, 7 s a rep, the rest).
    pub minutes: u32,
    /// Working sets per muscle in the first week, most first (synergists half).
    pub muscle_sets: Vec<(String, f64)>,
}

/// Every built-in, easiest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Library(pub Vec<Entry>);

impl Library {
    /// Reads every built-in; a built-in that does not parse is a broken build (tests check).
    pub fn read(exercises: &[Exercise], profile: &Profile) -> Result<Library, ProgramError> {
        BUILTINS
            .iter()
            .map(|b| {
                let program = b.program()?;
                let (minutes, muscle_sets) = summary(&program, exercises, profile);
                Ok(Entry {
                    slug: b.slug,
                    program,
                    minutes,
                    muscle_sets,
                })
            })
            .collect::<Result<_, _>>()
            .map(Library)
    }
}

/// Mean minutes a session and weekly sets per muscle over a program's first week.
pub fn summary(
    program: &Program,
    exercises: &[Exercise],
    profile: &Profile,
) -> (u32, Vec<(String, f64)>) {
    let lifter = ProgramLifter::without_history(exercises, profile, program).lifter;
    let mut slots = Slots::of(program);
    let days: Vec<DayPlan> = (0..days_in_weeks(program, 1))
        .map(|i| prescribe(program, day_at(program, i), &lifter, &mut slots))
        .collect();
    let seconds: u32 = days.iter().map(day_seconds).sum();
    let n = u32::try_from(days.len()).unwrap_or(1).max(1);
    let minutes = (f64::from(seconds) / f64::from(n) / 60.0).round() as u32;
    let refs: Vec<&DayPlan> = days.iter().collect();
    (minutes, muscle_sets(&refs, &lifter))
}
