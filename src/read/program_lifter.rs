//! The lifter as a program sees them: each exercise it names found in the lifter's exercises,
//! with the 1RM its loads start from — given on the command line or in the "set your maxes" step,
//! else the best e1RM of their last 12 weeks of training the lift.

use chrono::{Days, NaiveDate};

use crate::core::profile::Profile;
use crate::core::program::plan::{Lift, Lifter};
use crate::core::program::{Load, Program, Warmup};
use crate::core::strength::history::TrendBy;
use crate::core::units::Weight;
use crate::core::workout::catalogue::match_key;
use crate::core::workout::exercise::{Equipment, Exercise};
use crate::core::workout::plates::Loader;
use crate::store::{Store, StoreError};

/// How far back from their last session of a lift its e1RM counts as their max.
pub const MAX_WINDOW_DAYS: u64 = 84;

/// Where a lift's max came from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MaxSource {
    /// Given by the lifter.
    Given,
    /// Their best e1RM in the 12 weeks up to their last session of it, on this day.
    History(NaiveDate),
    /// Not known: percentage loads of it cannot be computed.
    Unknown,
}

/// One lift a program names, and its max.
#[derive(Debug, Clone, PartialEq)]
pub struct MaxLine {
    pub exercise: String,
    pub max: Option<Weight>,
    pub source: MaxSource,
    /// Whether the program's loads need it (percentages, training maxes, RPE, a `start %`).
    pub needed: bool,
}

/// A program's exercise the lifter's exercises do not have.
#[derive(Debug, Clone, PartialEq)]
pub struct Unknown {
    /// The program line it is written on.
    pub line: usize,
    pub written: String,
}

/// The lifter for one program.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgramLifter {
    pub lifter: Lifter,
    /// Each lift the program names, in the order it first appears.
    pub maxes: Vec<MaxLine>,
    pub unknown: Vec<Unknown>,
}

impl ProgramLifter {
    /// `given` maxes win over history; they name exercises as the program or the catalogue does.
    pub fn read(
        store: &Store,
        profile: &Profile,
        program: &Program,
        given: &[(String, Weight)],
        today: NaiveDate,
    ) -> Result<ProgramLifter, StoreError> {
        let exercises = store.exercises()?;
        Self::build(&exercises, profile, program, given, |e| {
            best_recent(store, e, today)
        })
    }

    /// The same without history: maxes only as given (a library listing needs none).
    pub fn without_history(
        exercises: &[Exercise],
        profile: &Profile,
        program: &Program,
    ) -> ProgramLifter {
        Self::given(exercises, profile, program, &[])
    }

    /// The lifter with `given` maxes and no history (the demo, which keeps the history in hand).
    pub fn given(
        exercises: &[Exercise],
        profile: &Profile,
        program: &Program,
        given: &[(String, Weight)],
    ) -> ProgramLifter {
        let none = |_: &Exercise| Ok::<_, std::convert::Infallible>(None);
        match Self::build(exercises, profile, program, given, none) {
            Ok(lifter) => lifter,
            Err(never) => match never {},
        }
    }

    fn build<E>(
        exercises: &[Exercise],
        profile: &Profile,
        program: &Program,
        given: &[(String, Weight)],
        mut history: impl FnMut(&Exercise) -> Result<Option<(Weight, NaiveDate)>, E>,
    ) -> Result<ProgramLifter, E> {
        let fallback = Loader::for_equipment(Equipment::Other, profile);
        let mut lifter = Lifter::new(profile.unit, fallback);
        let mut maxes: Vec<MaxLine> = Vec::new();
        let mut unknown = Vec::new();
        for line in program
            .weeks
            .iter()
            .flat_map(|w| &w.days)
            .flat_map(|d| &d.lines)
        {
            let Some(exercise) = find(exercises, &line.exercise) else {
                if !unknown.iter().any(|u: &Unknown| u.written == line.exercise) {
                    unknown.push(Unknown {
                        line: line.at,
                        written: line.exercise.clone(),
                    });
                }
                continue;
            };
            let needs = needs_max(line);
            if let Some(m) = maxes.iter_mut().find(|m| m.exercise == exercise.name) {
                m.needed |= needs;
                if lifter.lift(&line.exercise).is_none() {
                    let lift = lifter.lift(&exercise.name).cloned();
                    if let Some(lift) = lift {
                        lifter = lifter.with(&line.exercise, lift);
                    }
                }
                continue;
            }
            let given = given
                .iter()
                .find(|(name, _)| same(name, exercise))
                .map(|(_, w)| *w);
            let (max, source) = match given {
                Some(w) => (Some(w), MaxSource::Given),
                None => history(exercise)?.map_or((None, MaxSource::Unknown), |(w, d)| {
                    (Some(w), MaxSource::History(d))
                }),
            };
            lifter = lifter.with(
                &line.exercise,
                Lift {
                    name: exercise.name.clone(),
                    loader: Loader::for_equipment(exercise.equipment, profile),
                    max,
                    muscles: exercise.muscles.clone(),
                },
            );
            maxes.push(MaxLine {
                exercise: exercise.name.clone(),
                max,
                source,
                needed: needs,
            });
        }
        Ok(ProgramLifter {
            lifter,
            maxes,
            unknown,
        })
    }

    /// The lifts whose loads need a max the lifter has not got.
    pub fn missing(&self) -> impl Iterator<Item = &MaxLine> {
        self.maxes.iter().filter(|m| m.needed && m.max.is_none())
    }
}

/// The exercise `written` names: its name or an alias, ignoring case, spaces and punctuation.
pub fn find<'a>(exercises: &'a [Exercise], written: &str) -> Option<&'a Exercise> {
    let key = match_key(written);
    exercises.iter().find(|e| {
        std::iter::once(&e.name)
            .chain(&e.aliases)
            .any(|n| match_key(n) == key)
    })
}

fn same(name: &str, exercise: &Exercise) -> bool {
    let key = match_key(name);
    std::iter::once(&exercise.name)
        .chain(&exercise.aliases)
        .any(|n| match_key(n) == key)
}

/// Whether a line's loads come from the lifter's max.
fn needs_max(line: &crate::core::program::Line) -> bool {
    let groups = line.groups.iter().chain(match &line.warmup {
        Warmup::Sets(s) => s.as_slice(),
        _ => &[],
    });
    matches!(line.start, Some(Load::OfMax(_)))
        || groups
            .into_iter()
            .any(|g| matches!(g.load, Load::OfMax(_) | Load::OfTm(_)) || g.rpe.is_some())
}

/// The best session e1RM in the [`MAX_WINDOW_DAYS`] up to the last session of the lift (up to
/// `today`), and the day it was set.
fn best_recent(
    store: &Store,
    exercise: &Exercise,
    today: NaiveDate,
) -> Result<Option<(Weight, NaiveDate)>, StoreError> {
    let trend = store.e1rm_trend(exercise.id, TrendBy::Session)?;
    let points: Vec<_> = trend.iter().filter(|p| p.date <= today).collect();
    let Some(last) = points.last() else {
        return Ok(None);
    };
    let since = last
        .date
        .checked_sub_days(Days::new(MAX_WINDOW_DAYS))
        .unwrap_or(last.date);
    Ok(points
        .iter()
        .filter(|p| p.date >= since)
        .max_by(|a, b| a.e1rm.kg().total_cmp(&b.e1rm.kg()))
        .map(|p| (p.e1rm, p.date)))
}
