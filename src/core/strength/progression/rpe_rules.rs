//! The RPE rules (science.md). Autoregulation: mean working-set RPE of the last 3 sessions ≥ 9.5 →
//! deload 10 %; ≤ 7 → add 5 %; otherwise load from the RTS chart. RPE target: the RTS-chart load
//! for the prescribed reps at the target RPE from the current e1RM (Tuchscherer).

use super::{Context, Recommendation, RecommendationKind, Suggestion, top_sets};
use crate::core::strength::e1rm;
use crate::core::strength::rpe::{load_for, percent_1rm};
use crate::core::units::{Rpe, Weight, format_number};
use crate::core::workout::plates::Rounding;

/// Sessions the mean RPE is taken over.
pub const RPE_SESSIONS: usize = 3;
/// Mean RPE at or above which the rule deloads.
pub const DELOAD_AT_RPE: f64 = 9.5;
/// Mean RPE at or below which the rule adds weight.
pub const ADD_AT_RPE: f64 = 7.0;
/// The deload: 10 % lighter.
pub const DELOAD_FRACTION: f64 = 0.10;
/// The jump when everything feels easy: 5 % heavier.
pub const ADD_FRACTION: f64 = 0.05;

pub(super) fn autoregulate(ctx: &Context<'_>) -> Recommendation {
    let n = ctx.sessions.len();
    let recent = &ctx.sessions[n.saturating_sub(RPE_SESSIONS)..];
    let rpes: Vec<f64> = recent
        .iter()
        .flat_map(|s| s.sets.iter().filter_map(|set| set.rpe.map(Rpe::value)))
        .collect();
    let (top, _) = top_sets(ctx.last());
    if rpes.is_empty() {
        return ctx.recommendation(
            RecommendationKind::Maintain,
            0.2,
            top,
            ctx.config.rep_range.min(),
            format!(
                "No RPE logged in the last {} sessions: log RPE to autoregulate; repeat {} \
                 meanwhile.",
                recent.len(),
                ctx.show(ctx.snap(top))
            ),
        );
    }
    let mean = rpes.iter().sum::<f64>() / rpes.len() as f64;
    let over = format!(
        "Mean working-set RPE {mean:.1} over the last {} session{}",
        recent.len(),
        if recent.len() == 1 { "" } else { "s" }
    );
    // Fewer than three sessions is a thinner basis.
    let sure = if recent.len() >= RPE_SESSIONS {
        0.85
    } else {
        0.6
    };
    let reps = ctx.config.rep_range.min();
    if mean >= DELOAD_AT_RPE {
        let next = ctx.down(top, DELOAD_FRACTION);
        return ctx.recommendation(
            RecommendationKind::Deload,
            sure,
            next,
            reps,
            format!(
                "{over} (≥ 9.5): deload 10 % from {} → {}.",
                ctx.show(top),
                ctx.show(next)
            ),
        );
    }
    if mean <= ADD_AT_RPE {
        let next = ctx.up(top, top.kg() * ADD_FRACTION);
        return ctx.recommendation(
            RecommendationKind::IncreaseWeight,
            sure,
            next,
            reps,
            format!(
                "{over} (≤ 7): add 5 % to {} → {}.",
                ctx.show(top),
                ctx.show(next)
            ),
        );
    }
    let mut rec = target(ctx);
    rec.reasoning = format!("{over} (between 7 and 9.5). {}", rec.reasoning);
    rec
}

pub(super) fn target(ctx: &Context<'_>) -> Recommendation {
    let reps = ctx.config.rep_range.min();
    let rpe = ctx.config.target_rpe;
    let (top, _) = top_sets(ctx.last());
    // The best e1RM of the last session, the RTS chart where an RPE was logged.
    let best = ctx
        .last()
        .sets
        .iter()
        .filter_map(|s| e1rm::estimate(s.weight, s.reps.get(), s.rpe, None).map(|e| (e, s)))
        .fold(None, |best: Option<(Weight, _)>, (e, s)| match best {
            Some((b, _)) if b.kg() >= e.kg() => best,
            _ => Some((e, s)),
        });
    let rpe_text = format_number(rpe.value());
    let Some((e1rm, from)) = best else {
        return ctx.recommendation(
            RecommendationKind::Maintain,
            0.2,
            top,
            reps,
            format!(
                "No e1RM from the last session (every set was over {} reps): repeat {}.",
                e1rm::MAX_REPS,
                ctx.show(ctx.snap(top))
            ),
        );
    };
    let (Ok(pct), Ok(load)) = (percent_1rm(reps, rpe), load_for(e1rm, reps, rpe)) else {
        return ctx.recommendation(
            RecommendationKind::Maintain,
            0.2,
            top,
            reps,
            format!(
                "The RPE chart covers 1–12 reps at RPE 6.5–10, not {reps} @ {rpe_text}: repeat {}.",
                ctx.show(ctx.snap(top))
            ),
        );
    };
    let next = ctx
        .loader
        .round(load, Rounding::Nearest)
        .unwrap_or_else(|| ctx.loader.lightest());
    let kind = if ctx.loader.heavier(next, top) {
        RecommendationKind::IncreaseWeight
    } else if ctx.loader.heavier(top, next) {
        RecommendationKind::Reduce
    } else {
        RecommendationKind::Maintain
    };
    let logged = from.rpe.map_or(String::new(), |r| {
        format!(" @ {}", format_number(r.value()))
    });
    Recommendation {
        kind,
        // A chart e1RM from a logged RPE is a better basis than a rep formula.
        confidence: if from.rpe.is_some() { 0.8 } else { 0.6 },
        suggestion: Suggestion {
            weight: Some(next),
            reps: Some(reps),
            sets: Some(ctx.config.sets),
        },
        reasoning: format!(
            "e1RM {} from {} × {}{logged}; {reps} reps @ RPE {rpe_text} is {pct:.1} % of it \
             → {}.",
            ctx.show_e1rm(e1rm),
            ctx.show(from.weight),
            from.reps.get(),
            ctx.show(next)
        ),
    }
}
