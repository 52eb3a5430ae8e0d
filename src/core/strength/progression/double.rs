//! Double progression (science.md): work up through the rep range at one weight; when every
//! working set reaches the top, add the increment (rounded to makeable plates) and start again at
//! the bottom. Otherwise aim for one more rep on the weakest set.
//!
//! Under the range (ironpulse's own rule, README "Progression and deloads"): a session whose
//! weakest set is below the range's bottom keeps its load and aims for the bottom on every set
//! (one more rep at a time would leave the lifter under the range for good); two sessions in a
//! row below it take the load down to where the weakest set, at the same effort, would have
//! reached the bottom — the e1RM read back at the range's bottom, rounded down to a makeable load.

use std::fmt::Write as _;

use super::{
    Context, PastSession, Recommendation, RecommendationKind, WorkingSet, rep_list, top_sets,
};
use crate::core::strength::e1rm;
use crate::core::units::{Weight, format_number};
use crate::core::workout::plates::Rounding;

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
    if weakest < range.min() {
        return below_range(ctx, top, &sets);
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

/// The weakest working set at a session's top weight.
fn weakest_set(session: &PastSession) -> Option<WorkingSet> {
    top_sets(session).1.into_iter().min_by_key(|s| s.reps.get())
}

/// The last session's weakest set was under the range's bottom: keep the load and aim for the
/// bottom the first time; the second session in a row, take the load down to where the weakest
/// set would have reached the bottom at the same effort.
fn below_range(ctx: &Context<'_>, top: Weight, sets: &[WorkingSet]) -> Recommendation {
    let range = ctx.config.rep_range;
    let at = ctx.show(top);
    let last = ctx.sessions.len() - 1;
    let before = last
        .checked_sub(1)
        .and_then(|i| weakest_set(ctx.sessions[i]))
        .filter(|s| s.reps.get() < range.min());
    let (Some(before), Some(weakest)) = (before, weakest_set(ctx.last())) else {
        return ctx.recommendation(
            RecommendationKind::IncreaseReps,
            0.7,
            top,
            range.min(),
            format!(
                "Weakest set was {} reps at {at}, under the range ({range}; sets: {}): stay at {} \
                 and aim for {} reps on every set. If it is under the range again next time, the \
                 weight comes down.",
                sets.iter().map(|s| s.reps.get()).min().unwrap_or(0),
                rep_list(sets),
                ctx.show(ctx.snap(top)),
                range.min()
            ),
        );
    };
    let reps = weakest.reps.get();
    let (lighter, how) = match same_effort_load(weakest, range.min()) {
        Some(target) => {
            let rounded = ctx
                .loader
                .round(target, Rounding::Down)
                .filter(|w| ctx.loader.heavier(top, *w))
                .unwrap_or_else(|| ctx.down(top, super::RESET_FRACTION));
            let unit = ctx.unit();
            let basis = match weakest.rpe {
                Some(rpe) => format!("the RPE chart at {}", format_number(rpe.value())),
                None => "as read by its e1RM formula".to_string(),
            };
            (
                rounded,
                format!(
                    "{reps} reps at {at} ({basis}) is about {} {unit} for {}",
                    format_number((target.in_unit(unit) * 10.0).round() / 10.0),
                    range.min()
                ),
            )
        }
        None => (
            ctx.down(top, super::RESET_FRACTION),
            format!(
                "{} reps is past the e1RM charts: {} % lighter",
                range.min(),
                format_number(super::RESET_FRACTION * 100.0)
            ),
        ),
    };
    ctx.recommendation(
        RecommendationKind::Reduce,
        0.65,
        lighter,
        range.min(),
        format!(
            "Under the range ({range}) two sessions running: weakest sets {} and {reps} reps \
             (sets: {}). At the same effort {how}: go to {} and aim for {} reps.",
            before.reps.get(),
            rep_list(sets),
            ctx.show(lighter),
            range.min()
        ),
    )
}

/// The load at which `to` reps take the effort `set` took: its e1RM (the chart at its RPE, else
/// the default formula) read back at `to` reps on the same basis. `None` past 12 reps.
fn same_effort_load(set: WorkingSet, to: u16) -> Option<Weight> {
    let e1rm = e1rm::estimate(set.weight, set.reps.get(), set.rpe, None)?;
    let per_kg = e1rm::estimate(Weight::from_kg(1.0).ok()?, to, set.rpe, None)?;
    Weight::from_kg(e1rm.kg() / per_kg.kg()).ok()
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
