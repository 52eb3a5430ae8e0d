//! Deload signals (science.md): four signs that fatigue is outrunning recovery, each with the
//! numbers behind it. Two signals → recommend a deload (medium urgency); three or more → high.
//! The deload: cut volume by 40 % for 7 days.
//!
//! 1. e1RM ≥ 5 % below its 8-week peak on a main lift — the peak of the fitted trend, not of one
//!    set: the lift's e1RM is falling by the insights' verdict and its line has lost 5 %.
//! 2. Mean working-set RPE ≥ 9 for 2+ weeks in a row.
//! 3. ACWR > 1.5 on 3+ of the last 7 days.
//! 4. ≥ N weeks since the last deload (default 5).

mod history;
mod signals;
#[cfg(test)]
mod tests;
pub mod week;

use chrono::NaiveDate;

use crate::core::units::{Unit, Weight};

pub use history::{DeloadHistory, LiftCandidate, acwr_series, main_lifts, weekly_rpe};
pub use week::{DeloadDay, DeloadId, DeloadPlan, DeloadWeek, PLAN};

/// One e1RM estimate of a lift (a session's best), on the day it was lifted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct E1rmPoint {
    pub date: NaiveDate,
    pub e1rm: Weight,
}

/// A main lift and its recent e1RMs (each session's best), in any order.
#[derive(Debug, Clone, PartialEq)]
pub struct MainLift {
    pub name: String,
    pub e1rms: Vec<E1rmPoint>,
}

/// One training week's mean working-set RPE; `None` when no RPE was logged.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeekRpe {
    pub start: NaiveDate,
    pub mean_rpe: Option<f64>,
}

/// Everything the signals read. Pure data: the caller summarises the history.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DeloadInput<'a> {
    pub main_lifts: &'a [MainLift],
    /// Weekly RPE summaries, in any order.
    pub weeks: &'a [WeekRpe],
    /// Daily ACWR, oldest first, the last entry being today; `None` where there is not enough
    /// history for a ratio.
    pub acwr: &'a [Option<f64>],
    pub last_deload: Option<NaiveDate>,
    /// The first training day on record, counted from when there has never been a deload.
    pub training_since: Option<NaiveDate>,
}

/// The lifter's settings for the signals.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DeloadConfig {
    /// Signal 4 fires at this many weeks without a deload.
    pub weeks_between: u32,
    /// The unit messages quote weights in.
    pub unit: Unit,
}

impl Default for DeloadConfig {
    fn default() -> Self {
        DeloadConfig {
            weeks_between: 5,
            unit: Unit::Kg,
        }
    }
}

/// Which signal fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SignalKind {
    E1rmDrop,
    HighRpe,
    AcwrSpike,
    WeeksSinceDeload,
}

/// A signal that fired, with a sentence quoting its numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signal {
    pub kind: SignalKind,
    pub message: String,
}

/// How strongly a deload is recommended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Urgency {
    /// Fewer than two signals: no deload needed.
    None,
    /// Two signals.
    Medium,
    /// Three or more.
    High,
}

/// The signals that fired, the urgency, the plan when one is recommended, and a summary line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeloadAdvice {
    pub signals: Vec<Signal>,
    pub urgency: Urgency,
    pub plan: Option<DeloadPlan>,
    pub summary: String,
}

/// Checks the four signals as of `today`.
pub fn assess(input: &DeloadInput<'_>, config: &DeloadConfig, today: NaiveDate) -> DeloadAdvice {
    let signals: Vec<Signal> = [
        signals::e1rm_drop(input.main_lifts, config.unit, today),
        signals::high_rpe(input.weeks, today),
        signals::acwr_spike(input.acwr),
        signals::weeks_since_deload(
            input.last_deload,
            input.training_since,
            config.weeks_between,
            today,
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    let urgency = match signals.len() {
        0 | 1 => Urgency::None,
        2 => Urgency::Medium,
        _ => Urgency::High,
    };
    let cut = format!(
        "cut volume by {} % for {} days",
        PLAN.volume_cut_percent, PLAN.days
    );
    let summary = match (urgency, signals.len()) {
        (Urgency::High, n) => format!("{n} deload signals: deload now — {cut}."),
        (Urgency::Medium, _) => format!("2 deload signals: a lighter week would help — {cut}."),
        (Urgency::None, 1) => "1 deload signal: no deload yet, keep an eye on it.".to_string(),
        (Urgency::None, _) => "No deload signals.".to_string(),
    };
    DeloadAdvice {
        plan: (urgency > Urgency::None).then_some(PLAN),
        signals,
        urgency,
        summary,
    }
}
