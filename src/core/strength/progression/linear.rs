//! Linear progression (science.md): add the increment after each successful session; after three
//! misses in a row at a weight, reset 10 % lighter.

use super::{
    Context, PastSession, RESET_FRACTION, Recommendation, RecommendationKind, rep_list, top_sets,
};

/// Misses in a row at one weight before the reset.
pub const MISSES_BEFORE_RESET: usize = 3;

pub(super) fn recommend(ctx: &Context<'_>) -> Recommendation {
    let reps = ctx.config.rep_range.min();
    let sets_n = ctx.config.sets;
    let (top, sets) = top_sets(ctx.last());
    let at = ctx.show(top);
    let plan = format!("{sets_n} × {reps}");
    if succeeded(ctx, ctx.last()) {
        let next = ctx.up(top, ctx.config.increment.kg());
        return ctx.recommendation(
            RecommendationKind::IncreaseWeight,
            0.9,
            next,
            reps,
            format!(
                "{plan} done at {at} (reps: {}): add {} → {}.",
                rep_list(&sets),
                ctx.jump(top, next),
                ctx.show(next)
            ),
        );
    }
    let misses = ctx
        .sessions
        .iter()
        .rev()
        .take_while(|s| ctx.loader.same(top_sets(s).0, top) && !succeeded(ctx, s))
        .count();
    if misses >= MISSES_BEFORE_RESET {
        let next = ctx.down(top, RESET_FRACTION);
        return ctx.recommendation(
            RecommendationKind::Reduce,
            0.85,
            next,
            reps,
            format!(
                "Missed {plan} at {at} {misses} sessions in a row (last: {}): reset 10 % → {} \
                 and build back up.",
                rep_list(&sets),
                ctx.show(next)
            ),
        );
    }
    ctx.recommendation(
        RecommendationKind::Maintain,
        0.7,
        top,
        reps,
        format!(
            "Missed {plan} at {at} (got {}), miss {misses} of {MISSES_BEFORE_RESET} in a row: \
             repeat {}.",
            rep_list(&sets),
            ctx.show(ctx.snap(top))
        ),
    )
}

/// At least the prescribed number of sets at the session's top weight reached the target reps.
fn succeeded(ctx: &Context<'_>, session: &PastSession) -> bool {
    let (_, sets) = top_sets(session);
    let made = sets
        .iter()
        .filter(|s| s.reps.get() >= ctx.config.rep_range.min())
        .count();
    made >= usize::from(ctx.config.sets)
}
