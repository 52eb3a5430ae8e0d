//! Insights: short findings drawn from the review's numbers, each with the rule that fired, the
//! numbers behind it and a suggestion (issue 5, item 4). The dashboard shows the first few beside
//! the deload signals; `report` and `context` print them all.
//!
//! The rules and their thresholds:
//! - **e1RM plateau** (info): a lift with 4+ weeks with an e1RM in the last 8 weeks, 42+ days
//!   from the first to the last, whose trend gains less than 0.5 % a month (and loses less than
//!   2 %). The trend is fitted to each week's best e1RM; sessions in a recorded deload week are
//!   left out (light on purpose).
//! - **e1RM falling** (warning): the same, losing 2 % a month or more with the slope at least two
//!   standard errors below zero. A drop is "not progressing" too, but it asks a different
//!   question (recovery), so it has its own kind; the wider threshold and the t-test keep
//!   week-to-week e1RM scatter from reading as a fall (a noisy flat lift is a plateau).
//! - **Volume spike** (warning): working volume of the last 7 days more than 30 % above the 7
//!   before, both weeks above 0.
//! - **ACWR** (warning): today's rolling ACWR above 1.5.
//! - **Monotony** (warning): Foster monotony of the last 7 days above 2.0, with its strain.
//! - **Polarisation** (warning): cardio sessions of the last 28 days with 60+ minutes in zones 1
//!   and up, under 70 % of it in zones 1–2 (80/20 aims for about 80 %).
//! - **Untrained muscles** (info): groups trained in the last 90 days but not in the last 14.
//! - **HRV low** (warning): the latest resting RMSSD, at most 3 days old, more than one SD under
//!   its 30-day baseline (5+ readings). An older reading says nothing about today.
//! - **PR streak** (good): a PR in each of 3+ weeks in a row, up to this week, leaving out the
//!   PRs of lifts whose e1RM is falling (a lift is never both "falling" and in a streak).
//!
//! Order: warnings, then info, then good; within a tone, the order above (lifts by name).

mod load_rules;
mod strength_rules;

pub use load_rules::{
    ACWR_HIGH, HRV_RECENT_DAYS, POLARISATION_DAYS, POLARISATION_LOW_MIN_PERCENT,
    POLARISATION_MIN_SECONDS,
};
pub use strength_rules::{
    PLATEAU_MIN_SESSIONS, PLATEAU_MIN_SPAN_DAYS, PLATEAU_WINDOW_DAYS, PR_STREAK_WEEKS,
    VOLUME_SPIKE_PERCENT,
};
#[cfg(test)]
mod tests;

use chrono::NaiveDate;

use super::hrv::HrvBaseline;
use super::load::{DailyLoads, Monotony, Polarisation};
use super::muscles::Untrained;
use super::records::PrStreak;
use super::{ExerciseSession, HrvReading, MuscleSets, SessionLoad};
use crate::core::load::acwr::Band;
use crate::core::strength::deload::DeloadWeek;
use crate::core::units::{Unit, Weight};
use crate::core::workout::exercise::{Exercise, ExerciseId};

/// How an insight should be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tone {
    /// Something to act on.
    Warning,
    /// Worth knowing.
    Info,
    /// Going well.
    Good,
}

impl Tone {
    /// "warning", "info" or "good".
    pub fn label(self) -> &'static str {
        match self {
            Tone::Warning => "warning",
            Tone::Info => "info",
            Tone::Good => "good",
        }
    }
}

/// Which rule fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InsightKind {
    E1rmPlateau,
    E1rmFalling,
    VolumeSpike,
    AcwrHigh,
    Monotony,
    Polarisation,
    UntrainedMuscles,
    HrvLow,
    PrStreak,
}

impl InsightKind {
    /// A stable code for JSON: `e1rm_plateau`, `volume_spike`, …
    pub fn code(self) -> &'static str {
        match self {
            InsightKind::E1rmPlateau => "e1rm_plateau",
            InsightKind::E1rmFalling => "e1rm_falling",
            InsightKind::VolumeSpike => "volume_spike",
            InsightKind::AcwrHigh => "acwr_high",
            InsightKind::Monotony => "monotony",
            InsightKind::Polarisation => "polarisation",
            InsightKind::UntrainedMuscles => "untrained_muscles",
            InsightKind::HrvLow => "hrv_low",
            InsightKind::PrStreak => "pr_streak",
        }
    }
}

/// One lift's e1RM trend over the last 8 weeks (each week's best, deload weeks left out).
#[derive(Debug, Clone, PartialEq)]
pub struct LiftSlope {
    pub exercise: ExerciseId,
    pub name: String,
    /// Weeks with an e1RM in the window.
    pub weeks: usize,
    /// Days from the first to the last of them.
    pub days: i64,
    /// The fitted e1RM at the first and last of them.
    pub start: Weight,
    pub end: Weight,
    pub percent_per_month: f64,
    /// The slope in standard errors ([`crate::core::trend_line::TrendLine::t_value`]).
    pub t_value: Option<f64>,
}

/// The raw numbers behind an insight, for `report --json` and `context --json`.
#[derive(Debug, Clone, PartialEq)]
pub enum InsightData {
    /// An e1RM plateau or fall over the last 8 weeks: one lift, or every lift sharing the
    /// verdict (the steepest first) when several do.
    E1rmTrend(Vec<LiftSlope>),
    /// Working volume (kg × reps) of the last 7 days against the 7 before.
    VolumeSpike {
        last_kg: f64,
        previous_kg: f64,
        /// `(last − previous) / previous`, percent.
        percent: f64,
    },
    /// Today's ACWR and the two means it divides.
    Acwr {
        ratio: f64,
        /// Mean daily load of the last 7 days.
        acute: f64,
        /// Mean daily load of the last 28 days.
        chronic: f64,
        band: Band,
    },
    /// The last 7 days' monotony and strain.
    Monotony(Monotony),
    /// Cardio polarisation over the last 28 days.
    Polarisation {
        polarisation: Polarisation,
        /// Cardio sessions with heart rate in the window.
        sessions: usize,
    },
    /// The untrained groups, the longest first.
    Untrained(Vec<Untrained>),
    /// The latest reading against its baseline.
    Hrv {
        latest: HrvReading,
        baseline: HrvBaseline,
        /// `(latest − mean) / SD` (negative = under).
        sds: f64,
    },
    /// The current PR streak and the names of its lifts (in the order of `streak.exercises`).
    PrStreak {
        streak: PrStreak,
        names: Vec<String>,
    },
}

/// One insight, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct Insight {
    pub kind: InsightKind,
    pub tone: Tone,
    /// "Bench Press: e1RM plateau".
    pub title: String,
    /// The rule in words: "slope under 0.5 % a month over 6+ weeks".
    pub rule: String,
    /// The numbers that made it fire: "+0.2 %/month over 8 weeks, 100.0 → 100.4 kg".
    pub numbers: String,
    /// What to do about it.
    pub suggestion: String,
    /// The same numbers as data.
    pub data: InsightData,
}

/// Everything the rules read: the store's rows, today and the unit to quote weights in.
#[derive(Debug, Clone, Copy)]
pub struct InsightInput<'a> {
    pub today: NaiveDate,
    pub unit: Unit,
    /// Every session's load row (all history: ACWR needs 28 days, plateaus 8 weeks).
    pub sessions: &'a [SessionLoad],
    /// Every exercise session (all history: PRs beat every earlier session).
    pub exercise_sessions: &'a [ExerciseSession],
    /// The exercises, for names and kinds.
    pub exercises: &'a [Exercise],
    /// Muscle rows of at least the last 90 days.
    pub muscles: &'a [MuscleSets],
    /// Resting HRV readings of at least the last 31 days.
    pub hrv: &'a [HrvReading],
    /// Recorded deloads: their sessions are light on purpose, so e1RM trends leave them out.
    pub deloads: &'a [DeloadWeek],
}

/// Every insight that fires today, warnings first, then info, then good. O(n log n).
pub fn insights(input: &InsightInput<'_>) -> Vec<Insight> {
    let daily = DailyLoads::build(input.sessions, input.today);
    let trends = super::strength::lift_trends(
        input.exercise_sessions,
        input.exercises,
        input.deloads,
        input.today,
    );
    let mut out = strength_rules::e1rm_trends(input, &trends);
    out.extend(strength_rules::volume_spike(input));
    out.extend(load_rules::acwr_high(&daily));
    out.extend(load_rules::monotony_high(input, &daily));
    out.extend(load_rules::polarisation(input));
    out.extend(strength_rules::untrained(input));
    out.extend(load_rules::hrv_low(input));
    out.extend(strength_rules::pr_streak(input, &trends));
    // Stable: the rule order above stays within a tone.
    out.sort_by_key(|i| i.tone);
    out
}

/// A signed number with one decimal: "+0.2", "-1.5".
pub(crate) fn signed(value: f64) -> String {
    format!("{value:+.1}")
}
