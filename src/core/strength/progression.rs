//! What to lift next time: the four progression rules of science.md (double progression, linear,
//! RPE autoregulation, RPE-target loading), each a pure function of the exercise's recent sessions.
//!
//! Every rule returns a [`Recommendation`] whose reasoning quotes the numbers that drove it, and
//! every suggested weight is one the lifter's bar and plates (or dumbbells, or stack) can make.

mod config;
mod deload_week;
mod double;
mod linear;
mod rpe_rules;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;

use crate::core::units::{Reps, Rpe, Unit, Weight};
use crate::core::workout::plates::{Loader, Rounding};

pub use config::{RangeError, RepRange, Rule, RuleConfig};
pub use deload_week::{deload_sets, deload_week};

/// After this many days or more without a lift trained regularly before, come back lighter.
///
/// ironpulse's own rule, not in science.md, and a conservative choice: maximal strength is
/// largely kept for up to four weeks off (Mujika & Padilla, "Muscular characteristics of
/// detraining in humans", Med Sci Sports Exerc 2001), so the cut is not an estimate of lost
/// strength; it eases the first session back (work capacity, soreness, the groove), and the
/// rules build the weight back from there.
pub const COMEBACK_GAP_DAYS: i64 = 14;

/// How much lighter to come back after a gap, and the linear rule's reset: 10 %.
pub const RESET_FRACTION: f64 = 0.10;

/// One working set of a past session.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WorkingSet {
    pub weight: Weight,
    pub reps: Reps,
    pub rpe: Option<Rpe>,
}

/// One past session of the exercise: its date and working sets (no warm-ups), in order.
#[derive(Debug, Clone, PartialEq)]
pub struct PastSession {
    pub date: NaiveDate,
    pub sets: Vec<WorkingSet>,
}

/// What the recommendation asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecommendationKind {
    IncreaseWeight,
    IncreaseReps,
    Maintain,
    Deload,
    Reduce,
}

/// The next session's target; `None` where the rule has no opinion.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Suggestion {
    pub weight: Option<Weight>,
    pub reps: Option<u16>,
    pub sets: Option<u16>,
}

/// A rule's advice: what to do, how sure (0–1), the target, and why, with the numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Recommendation {
    pub kind: RecommendationKind,
    pub confidence: f64,
    pub suggestion: Suggestion,
    pub reasoning: String,
}

/// The next session for an exercise under `config`, from its past sessions (oldest first; empty
/// sessions are ignored) as of `today`.
///
/// No history: maintain with low confidence and say how to pick a start. [`COMEBACK_GAP_DAYS`]
/// or more since the last session, after a shorter interval before it: come back
/// [`RESET_FRACTION`] lighter, whatever the rule. (A lift trained every two weeks or less often
/// is not coming back from a break each time: its own rhythm is no gap.)
pub fn recommend(
    history: &[PastSession],
    config: &RuleConfig,
    loader: &Loader,
    today: NaiveDate,
) -> Recommendation {
    let sessions: Vec<&PastSession> = history.iter().filter(|s| !s.sets.is_empty()).collect();
    let Some(last) = sessions.last() else {
        return first_session(config);
    };
    let gap = (today - last.date).num_days();
    let rhythm = sessions
        .len()
        .checked_sub(2)
        .map(|i| (last.date - sessions[i].date).num_days());
    if gap >= COMEBACK_GAP_DAYS && rhythm.is_none_or(|days| days < COMEBACK_GAP_DAYS) {
        return comeback(last, gap, config, loader);
    }
    let ctx = Context {
        sessions: &sessions,
        config,
        loader,
    };
    match config.rule {
        Rule::DoubleProgression => double::recommend(&ctx),
        Rule::Linear => linear::recommend(&ctx),
        Rule::RpeAutoregulation => rpe_rules::autoregulate(&ctx),
        Rule::RpeTarget => rpe_rules::target(&ctx),
    }
}

/// What every rule sees.
struct Context<'a> {
    sessions: &'a [&'a PastSession],
    config: &'a RuleConfig,
    loader: &'a Loader,
}

impl Context<'_> {
    fn unit(&self) -> Unit {
        self.loader.unit()
    }

    fn last(&self) -> &PastSession {
        self.sessions[self.sessions.len() - 1]
    }

    /// "100 kg".
    fn show(&self, w: Weight) -> String {
        show(w, self.unit())
    }

    /// An e1RM to one decimal: "123.3 kg".
    fn show_e1rm(&self, w: Weight) -> String {
        let unit = self.unit();
        format!("{:.1} {unit}", w.kg() / unit.kg_factor())
    }

    /// "2.5 kg": how far `from` is from `to`, in the lifter's unit.
    fn jump(&self, from: Weight, to: Weight) -> String {
        let unit = self.unit();
        format!(
            "{} {unit}",
            crate::core::units::format_number(to.in_unit(unit) - from.in_unit(unit))
        )
    }

    /// The makeable load nearest `from + by`, or the next one up if that is not heavier than
    /// `from` (so +1 kg on a 12 kg dumbbell is 14 kg, not 12).
    fn up(&self, from: Weight, by_kg: f64) -> Weight {
        step_up(self.loader, from, by_kg)
    }

    /// The makeable load nearest `from` less `fraction`, lighter than `from` when anything is.
    fn down(&self, from: Weight, fraction: f64) -> Weight {
        step_down(self.loader, from, fraction)
    }

    /// The makeable load nearest `w`: what "stay at" means when the logged weight was not one
    /// (a set logged in the other unit, or on different plates).
    fn snap(&self, w: Weight) -> Weight {
        self.loader.round(w, Rounding::Nearest).unwrap_or(w)
    }

    /// The recommendation with `weight` snapped to a makeable load.
    fn recommendation(
        &self,
        kind: RecommendationKind,
        confidence: f64,
        weight: Weight,
        reps: u16,
        reasoning: String,
    ) -> Recommendation {
        Recommendation {
            kind,
            confidence,
            suggestion: Suggestion {
                weight: Some(self.snap(weight)),
                reps: Some(reps),
                sets: Some(self.config.sets),
            },
            reasoning,
        }
    }
}

fn show(w: Weight, unit: Unit) -> String {
    format!("{} {unit}", w.display(unit))
}

/// The makeable load nearest `from + by_kg`, or the next one up if that is not heavier than
/// `from` (so +1 kg on a 12 kg dumbbell is 14 kg, not 12). Every "add weight" of the rules and of
/// program progressions.
pub fn step_up(loader: &Loader, from: Weight, by_kg: f64) -> Weight {
    Weight::from_kg(from.kg() + by_kg)
        .ok()
        .and_then(|t| loader.round(t, Rounding::Nearest))
        .filter(|w| loader.heavier(*w, from))
        .or_else(|| loader.next_above(from))
        .unwrap_or(from)
}

/// The makeable load nearest `from` less `fraction`, lighter than `from` when anything is. Every
/// reset of the rules and of program progressions.
pub fn step_down(loader: &Loader, from: Weight, fraction: f64) -> Weight {
    Weight::from_kg(from.kg() * (1.0 - fraction))
        .ok()
        .and_then(|t| {
            loader
                .round(t, Rounding::Nearest)
                .filter(|w| loader.heavier(from, *w))
                .or_else(|| loader.round(t, Rounding::Down))
        })
        .unwrap_or_else(|| loader.lightest())
}

/// The heaviest weight of a session, and the sets done at it (the working weight; lighter
/// back-off sets are not what the rules progress).
fn top_sets(session: &PastSession) -> (Weight, Vec<WorkingSet>) {
    let top = session
        .sets
        .iter()
        .map(|s| s.weight)
        .fold(Weight::ZERO, |a, b| if b.kg() > a.kg() { b } else { a });
    let at_top = session
        .sets
        .iter()
        .filter(|s| (s.weight.kg() - top.kg()).abs() < 1e-6)
        .copied()
        .collect();
    (top, at_top)
}

/// "8, 7, 6".
fn rep_list(sets: &[WorkingSet]) -> String {
    sets.iter()
        .map(|s| s.reps.get().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn first_session(config: &RuleConfig) -> Recommendation {
    let target = match config.rule {
        Rule::DoubleProgression => format!(
            "you can lift for {} reps with 2–3 reps in reserve",
            config.rep_range
        ),
        Rule::Linear => format!(
            "you can lift for {} × {} with a rep or two to spare",
            config.sets,
            config.rep_range.min()
        ),
        Rule::RpeAutoregulation | Rule::RpeTarget => format!(
            "that feels like RPE {} for {} reps",
            crate::core::units::format_number(config.target_rpe.value()),
            config.rep_range.min()
        ),
    };
    Recommendation {
        kind: RecommendationKind::Maintain,
        confidence: 0.1,
        suggestion: Suggestion {
            weight: None,
            reps: Some(config.rep_range.min()),
            sets: Some(config.sets),
        },
        reasoning: format!(
            "No history for this lift yet: start with a weight {target}, and log it."
        ),
    }
}

fn comeback(last: &PastSession, gap: i64, config: &RuleConfig, loader: &Loader) -> Recommendation {
    let (top, _) = top_sets(last);
    let weight = step_down(loader, top, RESET_FRACTION);
    let unit = loader.unit();
    let exact = top.in_unit(unit) * (1.0 - RESET_FRACTION);
    // Quote the exact cut when the plates cannot make it.
    let rounded = if (weight.in_unit(unit) - exact).abs() < 0.005 {
        String::new()
    } else {
        format!(
            " (the nearest load to {} {unit})",
            crate::core::units::format_number(exact)
        )
    };
    Recommendation {
        kind: RecommendationKind::Reduce,
        confidence: 0.6,
        suggestion: Suggestion {
            weight: Some(weight),
            reps: Some(config.rep_range.min()),
            sets: Some(config.sets),
        },
        reasoning: format!(
            "Last trained {gap} days ago (a break of {COMEBACK_GAP_DAYS}+ days) at {}: come back \
             {} % lighter at {}{rounded} and build up again.",
            show(top, unit),
            crate::core::units::format_number(RESET_FRACTION * 100.0),
            show(weight, unit)
        ),
    }
}
