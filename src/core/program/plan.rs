//! A program laid out over time: which day comes at the Nth training day, and what it prescribes
//! for this lifter — every set's reps and load from their maxes and the slots' progress so far.

use std::collections::HashMap;

use super::slot::{LiftState, Slots};
use super::{Load, Num, Program, RepTarget, Rule, Schedule, SetGroup, Warmup};
use crate::core::strength::rpe;
use crate::core::units::{Rpe, Unit, Weight};
use crate::core::workout::plates::{Loader, Rounding};
use crate::core::workout::warmup::{WarmupScheme, warmups};

/// One of the lifter's lifts as the engine needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Lift {
    /// The catalogue's name for it (a program may write an alias).
    pub name: String,
    pub loader: Loader,
    /// Their 1RM: tested, given, or the best recent e1RM. None: not known.
    pub max: Option<Weight>,
    /// Muscles it works, most first (the first counts a whole set, the rest half).
    pub muscles: Vec<String>,
}

/// The lifter: their unit and the lifts a program names, by the name as written (any case).
#[derive(Debug, Clone, PartialEq)]
pub struct Lifter {
    pub unit: Unit,
    lifts: HashMap<String, Lift>,
    /// For an exercise the lifter's records do not know: loads round with this.
    fallback: Loader,
}

impl Lifter {
    pub fn new(unit: Unit, fallback: Loader) -> Lifter {
        Lifter {
            unit,
            lifts: HashMap::new(),
            fallback,
        }
    }

    /// Adds what the program calls `written` (found by that and by the catalogue's name).
    #[must_use]
    pub fn with(mut self, written: &str, lift: Lift) -> Lifter {
        self.lifts.insert(lift.name.to_lowercase(), lift.clone());
        self.lifts.insert(written.to_lowercase(), lift);
        self
    }

    pub fn lift(&self, written: &str) -> Option<&Lift> {
        self.lifts.get(&written.to_lowercase())
    }

    pub fn loader(&self, written: &str) -> &Loader {
        self.lift(written).map_or(&self.fallback, |l| &l.loader)
    }

    pub fn max(&self, written: &str) -> Option<Weight> {
        self.lift(written).and_then(|l| l.max)
    }

    /// The catalogue's name for `written`, or `written` itself.
    pub fn name<'a>(&'a self, written: &'a str) -> &'a str {
        self.lift(written).map_or(written, |l| &l.name)
    }
}

/// Where the Nth training day of a program falls in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayRef {
    /// The program week it belongs to, from 1 (calendar weeks for a rotating program).
    pub week: u16,
    /// Which pass through the written weeks (from 0).
    pub cycle: u16,
    /// Index of the written week and of its day.
    pub text_week: usize,
    pub day: usize,
    /// The last day of its cycle (where the training max of a `tm` rule rises).
    pub ends_cycle: bool,
}

/// Training days a week: the header's `days`, else the first week's days.
pub fn days_per_week(program: &Program) -> usize {
    program
        .meta
        .days
        .map_or(program.weeks[0].days.len(), usize::from)
        .max(1)
}

/// The training days one pass through the written weeks takes.
pub fn cycle_len(program: &Program) -> usize {
    program.weeks.iter().map(|w| w.days.len()).sum()
}

/// How many training days `weeks` program weeks hold.
pub fn days_in_weeks(program: &Program, weeks: u16) -> usize {
    match program.meta.schedule {
        Schedule::Rotate => usize::from(weeks) * days_per_week(program),
        Schedule::Weekly => (0..usize::from(weeks))
            .map(|w| program.weeks[w % program.weeks.len()].days.len())
            .sum(),
    }
}

/// The `index`th training day (from 0).
pub fn day_at(program: &Program, index: usize) -> DayRef {
    let len = cycle_len(program);
    let cycle = index / len;
    let mut within = index % len;
    let mut text_week = 0;
    while within >= program.weeks[text_week].days.len() {
        within -= program.weeks[text_week].days.len();
        text_week += 1;
    }
    let week = match program.meta.schedule {
        Schedule::Rotate => index / days_per_week(program) + 1,
        Schedule::Weekly => cycle * program.weeks.len() + text_week + 1,
    };
    DayRef {
        week: u16::try_from(week).unwrap_or(u16::MAX),
        cycle: u16::try_from(cycle).unwrap_or(u16::MAX),
        text_week,
        day: within,
        ends_cycle: index % len == len - 1,
    }
}

/// One set as prescribed.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedSet {
    pub reps: RepTarget,
    pub amrap: bool,
    /// None: the lifter chooses (no history for the exercise and no load written).
    pub weight: Option<Weight>,
    pub rpe: Option<Num>,
    pub label: Option<String>,
    pub warmup: bool,
}

/// One exercise line of a day as prescribed.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedLine {
    /// The slot: exercise as written and label.
    pub key: String,
    /// The catalogue's name.
    pub exercise: String,
    pub label: Option<String>,
    pub sets: Vec<PlannedSet>,
    pub rest: Option<u32>,
    pub superset: Option<String>,
    pub note: Option<String>,
    /// For a stage ladder: which stage (from 0) and its scheme, `6x2+`.
    pub stage: Option<(usize, String)>,
}

impl PlannedLine {
    /// The working sets (no warm-ups).
    pub fn working(&self) -> impl Iterator<Item = &PlannedSet> {
        self.sets.iter().filter(|s| !s.warmup)
    }
}

/// One training day as prescribed.
#[derive(Debug, Clone, PartialEq)]
pub struct DayPlan {
    pub at: DayRef,
    pub name: String,
    pub title: Option<String>,
    pub deload: bool,
    pub notes: Vec<String>,
    pub lines: Vec<PlannedLine>,
}

/// What the day at `at` prescribes, given the slots' state so far (new slots start from the
/// lifter's maxes and are kept in `slots`).
pub fn prescribe(program: &Program, at: DayRef, lifter: &Lifter, slots: &mut Slots) -> DayPlan {
    let week = &program.weeks[at.text_week];
    let day = &week.days[at.day];
    let tm = program.meta.tm.map_or(0.9, Num::fraction);
    let lines = day
        .lines
        .iter()
        .map(|line| {
            let key = line.key();
            let rule = slots.rule(&key).cloned();
            let name = lifter.name(&line.exercise).to_string();
            let (state, lift) = slots.entry(&key, &name, || {
                LiftState::new(lifter.max(&line.exercise), tm)
            });
            let loader = lifter.loader(&line.exercise);
            // A stage ladder replaces the first group's scheme with the current stage's.
            let mut groups = line.groups.clone();
            let mut ladder = None;
            if let Some(Rule::Stages { stages, .. }) = &rule
                && let Some(&(sets, reps, amrap)) = stages.get(state.stage)
                && let Some(first) = groups.first_mut()
            {
                first.sets = sets;
                first.reps = reps;
                first.amrap = amrap;
                ladder = Some((state.stage, super::format::scheme(sets, reps, amrap)));
            }
            if state.working.is_none() {
                state.working = start_load(line.start, &groups, lift.max, loader);
            }
            let working = state.working;
            let mut sets = Vec::new();
            if let Warmup::Sets(ws) = &line.warmup {
                for g in ws {
                    push_group(&mut sets, g, true, working, lift, loader);
                }
            }
            for g in &groups {
                push_group(&mut sets, g, false, working, lift, loader);
            }
            if line.warmup == Warmup::Auto
                && let Some(first) = sets.iter().find(|s| !s.warmup).and_then(|s| s.weight)
            {
                let ramp = warmups(first, &WarmupScheme::default(), loader);
                let planned = ramp.iter().filter_map(|w| {
                    Some(PlannedSet {
                        reps: RepTarget {
                            min: w.reps?.get(),
                            max: w.reps?.get(),
                        },
                        amrap: false,
                        weight: w.load.signed_kg().and_then(kg),
                        rpe: None,
                        label: None,
                        warmup: true,
                    })
                });
                sets.splice(0..0, planned.collect::<Vec<_>>());
            }
            PlannedLine {
                key,
                exercise: name,
                label: line.label.clone(),
                sets,
                rest: line.rest,
                superset: line.superset.clone(),
                note: line.note.clone(),
                stage: ladder,
            }
        })
        .collect();
    DayPlan {
        at,
        name: day.name.clone(),
        title: day.title.clone(),
        deload: week.deload,
        notes: day.notes.clone(),
        lines,
    }
}

fn push_group(
    sets: &mut Vec<PlannedSet>,
    g: &SetGroup,
    warmup: bool,
    working: Option<Weight>,
    lift: &LiftState,
    loader: &Loader,
) {
    let weight = group_load(g, working, lift, loader);
    for i in 0..g.sets {
        sets.push(PlannedSet {
            reps: g.reps,
            // `5x3+`: the last set is the AMRAP.
            amrap: g.amrap && i + 1 == g.sets,
            weight,
            rpe: g.rpe,
            label: g.label.clone(),
            warmup,
        });
    }
}

/// A group's load, rounded to what the lifter can make.
fn group_load(
    g: &SetGroup,
    working: Option<Weight>,
    lift: &LiftState,
    loader: &Loader,
) -> Option<Weight> {
    let raw = match g.load {
        Load::Fixed(n, unit) => Weight::from_unit(n.value(), unit).ok(),
        Load::OfMax(p) => lift.max.map(|m| m.kg() * p.fraction()).and_then(kg),
        Load::OfTm(p) => lift.tm.map(|t| t.kg() * p.fraction()).and_then(kg),
        Load::Relative(p) => working.and_then(|w| kg(w.kg() * (1.0 + p.fraction()))),
        Load::Working => match g.rpe {
            Some(r) => at_rpe(lift.max, g.reps.min, r),
            None => working,
        },
    }?;
    Some(round(raw, loader))
}

/// The first session's working load: `start`, else the lifter's max read at RPE 8 (or the first
/// group's RPE) for the first group's reps.
fn start_load(
    start: Option<Load>,
    groups: &[SetGroup],
    max: Option<Weight>,
    loader: &Loader,
) -> Option<Weight> {
    let raw = match start {
        Some(Load::Fixed(n, unit)) => Weight::from_unit(n.value(), unit).ok(),
        Some(Load::OfMax(p)) => max.and_then(|m| kg(m.kg() * p.fraction())),
        _ => {
            let g = groups.first()?;
            let rpe = g.rpe.unwrap_or(Num::hundredths(800));
            at_rpe(max, g.reps.min, rpe)
        }
    }?;
    Some(round(raw, loader))
}

/// The load for `reps` at `rpe` from `max` (RTS chart; beyond its 12 reps, 12's figure).
fn at_rpe(max: Option<Weight>, reps: u16, rpe: Num) -> Option<Weight> {
    let rpe = Rpe::try_from(rpe.value()).ok()?;
    let reps = reps.clamp(1, *rpe::CHART_REPS.end());
    rpe::load_for(max?, reps, rpe).ok()
}

pub(super) fn kg(v: f64) -> Option<Weight> {
    Weight::from_kg(v).ok()
}

/// The makeable load nearest `w`.
pub(super) fn round(w: Weight, loader: &Loader) -> Weight {
    loader.round(w, Rounding::Nearest).unwrap_or(w)
}
