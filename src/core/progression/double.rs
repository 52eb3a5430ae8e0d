//! Double progression (science.md): work up through the rep range at one weight; when every
//! working set reaches the top, add the increment (rounded to makeable plates) and start again at
//! the bottom. Otherwise aim for one more rep on the weakest set.

use std::fmt::Write as _;

use super::{Context, Recommendation, RecommendationKind, rep_list, top_sets};

/// Sessions at one weight without a rep gain before the advice says the lift has stalled.
const STALL_SESSIONS: usize = 3;

pub(super) fn recommend(ctx: &Context<'_>) -> Recommendation {
    let range = ctx.config.rep_range;
    let (top, sets) = top_sets(ctx.last());
    let weakest = sets.iter().map(|s| s.reps.get()).min().unwrap_or(0);
    let prescribed = usize::from(ctx.config.sets);
    let at = ctx.show(top);
    if weakest >= range.max() && sets.len() >= prescribed {
        let next = ctx.up(top, ctx.config.increment.kg());
        let jump = ctx.jump(top, next);
        return ctx.recommendation(
            RecommendationKind::IncreaseWeight,
            0.9,
            next,
            range.min(),
            format!(
                "All {} working sets reached {} reps (top of {range}) at {at}: add {jump} → {}.",
                sets.len(),
                range.max(),
                ctx.show(next)
            ),
        );
    }
    if weakest >= range.max() {
        return ctx.recommendation(
            RecommendationKind::Maintain,
            0.7,
            top,
            range.max(),
            format!(
                "{} of {prescribed} working sets done at {at}, all at {} reps (top of {range}): \
                 do all {prescribed} before adding weight.",
                sets.len(),
                range.max()
            ),
        );
    }
    let aim = (weakest + 1).min(range.max());
    let mut reasoning = format!(
        "Weakest set was {weakest} reps at {at} (range {range}; sets: {}): stay at {} and aim \
         for {aim} reps on it.",
        rep_list(&sets),
        ctx.show(ctx.snap(top))
    );
    let stalled = stalled(ctx);
    if stalled {
        let _ = write!(
            reasoning,
            " No rep gain in {STALL_SESSIONS} sessions at {at}; if it stays stuck, consider a \
             deload."
        );
    }
    ctx.recommendation(
        RecommendationKind::IncreaseReps,
        if stalled { 0.5 } else { 0.75 },
        top,
        aim,
        reasoning,
    )
}

/// The last [`STALL_SESSIONS`] sessions were at the same weight and the latest did no more reps
/// at it than the first of them.
fn stalled(ctx: &Context<'_>) -> bool {
    let n = ctx.sessions.len();
    if n < STALL_SESSIONS {
        return false;
    }
    let recent: Vec<_> = ctx.sessions[n - STALL_SESSIONS..]
        .iter()
        .map(|s| top_sets(s))
        .collect();
    let total = |sets: &[super::WorkingSet]| sets.iter().map(|s| s.reps.get()).sum::<u16>();
    let same_weight = recent.windows(2).all(|p| ctx.loader.same(p[0].0, p[1].0));
    same_weight && total(&recent[STALL_SESSIONS - 1].1) <= total(&recent[0].1)
}
