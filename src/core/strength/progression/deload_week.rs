//! Today's plan inside a deload week the lifter recorded: science.md's deload cuts volume by
//! 40 %, so about 60 % of the usual working sets, at the rule's load but never heavier than the
//! last session (a deload week is no time to add weight).

use super::{PastSession, Recommendation, RecommendationKind, show, top_sets};
use crate::core::strength::deload::{DeloadDay, PLAN};
use crate::core::workout::plates::{Loader, Rounding};

/// Working sets to do in a deload week instead of `usual`: 60 % of them, rounded, at least one.
pub fn deload_sets(usual: u16) -> u16 {
    let kept = f64::from(usual) * (1.0 - f64::from(PLAN.volume_cut_percent) / 100.0);
    (kept.round() as u16).max(1)
}

/// `recommendation` (what the exercise's rule says today) turned into a deload-week plan:
/// fewer sets, no added weight, and a reasoning sentence with the numbers.
pub fn deload_week(
    recommendation: &Recommendation,
    history: &[PastSession],
    loader: &Loader,
    day: &DeloadDay,
) -> Recommendation {
    let unit = loader.unit();
    let usual = recommendation.suggestion.sets.unwrap_or(3);
    let sets = deload_sets(usual);
    // The heaviest weight of the last session, as a load this bar and these plates can make.
    let last_top = history
        .iter()
        .rev()
        .find(|s| !s.sets.is_empty())
        .map(|s| top_sets(s).0)
        .and_then(|top| loader.round(top, Rounding::Down));
    let rule_weight = recommendation.suggestion.weight;
    let (weight, held) = match (rule_weight, last_top) {
        (Some(rule), Some(top)) if loader.heavier(rule, top) => (Some(top), Some(rule)),
        (rule, _) => (rule, None),
    };
    let target = match (weight, recommendation.suggestion.reps) {
        (Some(w), Some(reps)) => format!(" at {} × {reps}", show(w, unit)),
        (Some(w), None) => format!(" at {}", show(w, unit)),
        (None, _) => ", with a weight that leaves reps to spare".to_string(),
    };
    let held = held.map_or_else(String::new, |rule| {
        format!(
            "; the step to {} waits until after the deload",
            show(rule, unit)
        )
    });
    Recommendation {
        kind: RecommendationKind::Deload,
        confidence: recommendation.confidence,
        suggestion: super::Suggestion {
            weight,
            reps: recommendation.suggestion.reps,
            sets: Some(sets),
        },
        reasoning: format!(
            "Deload week, {}: cut volume by {} % — {sets} of your {usual} working sets{target}{held}.",
            day.describe(),
            PLAN.volume_cut_percent,
        ),
    }
}
