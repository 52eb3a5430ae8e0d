//! Training programs as plain text: the model a program file parses into, the parser (errors
//! name line, column and what was expected) and the formatter (`format(parse(text))` parses back
//! to the same program). The format is documented in the README ("Programs").
//!
//! A program is a header (name, origin, level, goal, days a week, schedule, periodization) and
//! weeks of days; a day lists exercise lines, each with its set groups (`5x5`, `3x8-12`,
//! `1x5+ 85%TM`), rest, warm-ups, superset, note and the progression rule that moves its load.

pub mod adapt;
pub mod adherence;
pub mod choose;
pub mod day;
#[cfg(test)]
mod facts;
pub(crate) mod format;
pub mod library;
pub mod measures;
mod number;
mod parse;
pub mod plan;
pub mod reference;
pub mod schedule;
pub mod simulate;
pub mod slot;
pub mod template;
#[cfg(test)]
mod tests;

pub use number::Num;
pub use parse::{ProgramError, parse};

use crate::core::units::Unit;

/// A whole program as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Program {
    pub meta: Meta,
    /// The cycle: week 1, 2, … in order. A program written without `week` lines has one week.
    pub weeks: Vec<Week>,
}

/// The header: what the program is, for whom, and how it runs.
#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    pub name: String,
    pub origin: Option<String>,
    /// The experience it suits, lowest first: one level, or a span like novice–intermediate.
    pub level: Vec<Level>,
    pub goal: Option<Goal>,
    /// Training days a week it is written for.
    pub days: Option<u8>,
    pub schedule: Schedule,
    pub periodization: Option<Periodization>,
    /// The training max as a percent of the 1RM, for `%TM` loads (90 % when not given).
    pub tm: Option<Num>,
    /// How many weeks to run it; the cycle repeats until then. None: open-ended.
    pub length_weeks: Option<u16>,
    pub source: Option<String>,
    pub notes: Vec<String>,
}

/// Experience levels (programs.md §1: under 3 months, 3–12 months, over a year).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Novice,
    Intermediate,
    Advanced,
}

/// What the program trains for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Goal {
    Strength,
    Hypertrophy,
    Both,
}

/// How days meet the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Schedule {
    /// Week N of the program is calendar week N; its days fall on the lifter's training days.
    #[default]
    Weekly,
    /// The days run in order, one per training day, whatever the weekday (A, B, A / B, A, B).
    Rotate,
}

/// The periodization model (programs.md §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Periodization {
    /// Load up every session or week (novice LP) or by phase.
    Linear,
    /// The week's intensity changes (5/3/1's 85 → 90 → 95 %).
    WeeklyUndulating,
    /// Each session has its own zone (heavy / light / medium).
    DailyUndulating,
    /// Concentrated blocks: accumulation, transmutation, realization.
    Block,
    /// Loading weeks and an unload week (3:1), or in-session ramps.
    Wave,
    /// Max effort, dynamic effort and repetition work each week.
    Conjugate,
}

/// One week of the cycle.
#[derive(Debug, Clone, PartialEq)]
pub struct Week {
    /// A deload week: recorded as one when it is trained.
    pub deload: bool,
    pub title: Option<String>,
    pub days: Vec<Day>,
}

/// One training day.
#[derive(Debug, Clone, PartialEq)]
pub struct Day {
    /// Its short name: `A`, `B1`, `Mon`, `1`.
    pub name: String,
    pub title: Option<String>,
    pub notes: Vec<String>,
    pub lines: Vec<Line>,
}

/// One exercise on a day: its set groups and how it is run and progressed.
#[derive(Debug, Clone)]
pub struct Line {
    pub exercise: String,
    /// Tells apart two slots of one exercise (`Squat [T1]`, `Squat [T2]`): each keeps its own
    /// load and progression.
    pub label: Option<String>,
    pub groups: Vec<SetGroup>,
    pub warmup: Warmup,
    pub rest: Option<u32>,
    /// The first session's working load, for groups written without a load.
    pub start: Option<Load>,
    /// Lines of a day with the same superset name are done in turns.
    pub superset: Option<String>,
    pub rule: Option<Rule>,
    pub note: Option<String>,
    /// The line of the text it came from (1-based), for messages; not part of the program.
    pub at: usize,
}

impl PartialEq for Line {
    /// Equal programs are equal wherever their lines stand in the text.
    fn eq(&self, other: &Self) -> bool {
        self.exercise == other.exercise
            && self.label == other.label
            && self.groups == other.groups
            && self.warmup == other.warmup
            && self.rest == other.rest
            && self.start == other.start
            && self.superset == other.superset
            && self.rule == other.rule
            && self.note == other.note
    }
}

impl Line {
    /// The slot this line progresses: exercise and label, as written.
    pub fn key(&self) -> String {
        match &self.label {
            Some(label) => format!("{} [{label}]", self.exercise),
            None => self.exercise.clone(),
        }
    }
}

/// `3x8-12+ 75% @8 "top"`: sets of a rep target at one load.
#[derive(Debug, Clone, PartialEq)]
pub struct SetGroup {
    pub sets: u16,
    pub reps: RepTarget,
    /// `+`: as many reps as possible, at least the target.
    pub amrap: bool,
    pub load: Load,
    pub rpe: Option<Num>,
    pub label: Option<String>,
}

/// Reps: one number, or a range for double progression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RepTarget {
    pub min: u16,
    pub max: u16,
}

/// Where a set group's load comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Load {
    /// No load written: the line's working load (which its rule moves), or from `@RPE` and the
    /// lifter's e1RM, or the lifter's choice.
    Working,
    /// `100kg`, `225lb`.
    Fixed(Num, Unit),
    /// `75%`: of the lifter's 1RM.
    OfMax(Num),
    /// `85%TM`: of the training max.
    OfTm(Num),
    /// `-10%` / `+2.5%`: of the line's working load (ramps and back-offs).
    Relative(Num),
}

/// Warm-up sets before the first working set.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Warmup {
    /// None written: none prescribed.
    #[default]
    None,
    /// `warmup auto`: the lifter's usual ramp.
    Auto,
    /// `warmup 1x5 40%, 1x3 60%`: these sets.
    Sets(Vec<SetGroup>),
}

/// A weight added or taken off: `+2.5kg`, `+5lb`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step {
    pub amount: Num,
    pub unit: Unit,
}

/// How a line's load (or training max) moves from session to session (programs.md §5).
#[derive(Debug, Clone, PartialEq)]
pub enum Rule {
    /// `linear +2.5kg fails 3 reset 10% double-at 10`: all reps → add; `fails` misses in a row →
    /// take `reset` % off; an AMRAP of `double_at` reps or more adds twice.
    Linear {
        step: Step,
        fails: u16,
        reset: Num,
        double_at: Option<u16>,
    },
    /// `double +2.5kg`: every set at the top of its range → add, back to the bottom.
    Double { step: Step },
    /// `sum 30 +2.5kg`: the reps of all sets reach the target → add.
    Sum { target: u16, step: Step },
    /// `amrap 25 +2.5kg`: the last set reaches the reps → add.
    Amrap { target: u16, step: Step },
    /// `stages 5x3+ 6x2+ 10x1+ +5kg restart -15%`: success → add, same stage; a miss → the next
    /// stage at the same load; a miss at the last stage → stage 1 at `restart`.
    Stages {
        stages: Vec<(u16, RepTarget, bool)>,
        step: Step,
        restart: Restart,
    },
    /// `tm +2.5kg fail -10%`: the training max rises each cycle; missing an AMRAP's minimum
    /// takes `fail` % off instead.
    Tm { step: Step, fail: Option<Num> },
    /// `tm-table 2:+2.5kg 4:+5kg 6:+7.5kg`: the first AMRAP's reps pick the training max's rise.
    TmTable { rows: Vec<(u16, Step)> },
    /// `tm-reps +1.25kg cap 10`: each rep over the AMRAP's minimum adds a step, up to `cap` reps.
    TmReps { step: Step, cap: u16 },
    /// `max 1:100% 2:104% 3:107% 4:109%`: the AMRAP's load times the row for its reps is the new
    /// 1RM.
    Max { rows: Vec<(u16, Num)> },
}

/// Where a stage ladder starts again after its last stage is missed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Restart {
    /// `restart -15%`: the failed load less this percent.
    Cut(Num),
    /// `restart first +7.5kg`: the last load done at stage 1, plus this.
    First(Step),
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Novice, Level::Intermediate, Level::Advanced];

    pub fn code(self) -> &'static str {
        match self {
            Level::Novice => "novice",
            Level::Intermediate => "intermediate",
            Level::Advanced => "advanced",
        }
    }
}

impl Goal {
    pub const ALL: [Goal; 3] = [Goal::Strength, Goal::Hypertrophy, Goal::Both];

    pub fn code(self) -> &'static str {
        match self {
            Goal::Strength => "strength",
            Goal::Hypertrophy => "hypertrophy",
            Goal::Both => "both",
        }
    }
}

impl Schedule {
    pub fn code(self) -> &'static str {
        match self {
            Schedule::Weekly => "weekly",
            Schedule::Rotate => "rotate",
        }
    }
}

impl Periodization {
    pub const ALL: [Periodization; 6] = [
        Periodization::Linear,
        Periodization::WeeklyUndulating,
        Periodization::DailyUndulating,
        Periodization::Block,
        Periodization::Wave,
        Periodization::Conjugate,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Periodization::Linear => "linear",
            Periodization::WeeklyUndulating => "weekly undulating",
            Periodization::DailyUndulating => "daily undulating",
            Periodization::Block => "block",
            Periodization::Wave => "wave",
            Periodization::Conjugate => "conjugate",
        }
    }
}
