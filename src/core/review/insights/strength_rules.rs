//! The rules on lifting: e1RM plateaus and falls, volume spikes, untrained muscles, PR streaks.

use std::collections::HashMap;

use super::{Insight, InsightData, InsightInput, InsightKind, LiftSlope, Tone, signed};
use crate::core::review::muscles::{self, UNTRAINED_DAYS};
use crate::core::review::records::{pr_streak as streak_of, review_prs};
use crate::core::review::strength::{
    Direction, LiftTrend, VERDICT_MIN_SPAN_DAYS, VERDICT_MIN_WEEKS, WINDOW_DAYS, name_of,
};
use crate::core::trend_line::minus_days;
use crate::core::units::Weight;
use crate::core::workout::exercise::{Exercise, ExerciseId};

/// The e1RM window: the last 8 weeks (the window of [`lift_trends`]).
pub const PLATEAU_WINDOW_DAYS: u64 = WINDOW_DAYS;
/// Days from the first to the last e1RM in the window (6 weeks).
pub const PLATEAU_MIN_SPAN_DAYS: i64 = VERDICT_MIN_SPAN_DAYS;
/// Weeks with an e1RM in the window (deload weeks left out).
pub const PLATEAU_MIN_SESSIONS: usize = VERDICT_MIN_WEEKS;
/// Lifts sharing a verdict from which they make one insight.
pub const GROUP_LIFTS: usize = 3;
/// Lifts a grouped insight names in its numbers (the steepest); the rest are counted.
const GROUP_NAMED: usize = 3;
/// Week-over-week volume rise that is a spike, percent.
pub const VOLUME_SPIKE_PERCENT: f64 = 30.0;
/// Consecutive weeks with a PR that make a streak worth saying.
pub const PR_STREAK_WEEKS: u32 = 3;

/// Plateau (info) or falling (warning) per lift, lifts by name: the lifts of `trends` (every
/// lift's, [`crate::core::review::strength::lift_trends`]) whose said-out-loud verdict
/// ([`LiftTrend::verdict`]: [`PLATEAU_MIN_SESSIONS`]+ weeks over [`PLATEAU_MIN_SPAN_DAYS`]+ days)
/// is not increasing. When [`GROUP_LIFTS`] or more lifts share a verdict they become one insight
/// (several lifts falling at once is one finding — fatigue — not many), steepest first.
pub(super) fn e1rm_trends(input: &InsightInput<'_>, trends: &[LiftTrend]) -> Vec<Insight> {
    let mut lifts: Vec<(Direction, LiftSlope)> = trends
        .iter()
        .filter_map(|l| {
            let direction = l.trend.verdict().filter(|d| *d != Direction::Increasing)?;
            let slope = LiftSlope {
                exercise: l.exercise,
                name: l.name.clone(),
                weeks: l.trend.weeks,
                days: l.trend.e1rm.line.span_days(),
                start: l.trend.e1rm.start,
                end: l.trend.e1rm.end,
                percent_per_month: l.trend.percent_per_month,
                t_value: l.trend.e1rm.line.t_value(),
            };
            Some((direction, slope))
        })
        .collect();
    lifts.sort_by(|a, b| a.1.name.cmp(&b.1.name));
    let (falling, flat): (Vec<_>, Vec<_>) = lifts
        .into_iter()
        .partition(|(direction, _)| *direction == Direction::Decreasing);
    let slopes = |v: Vec<(Direction, LiftSlope)>| v.into_iter().map(|(_, s)| s).collect();
    let mut out = verdict(input, InsightKind::E1rmFalling, slopes(falling));
    out.extend(verdict(input, InsightKind::E1rmPlateau, slopes(flat)));
    out
}

/// One insight per lift, or one for all of them from [`GROUP_LIFTS`] lifts up.
fn verdict(input: &InsightInput<'_>, kind: InsightKind, mut lifts: Vec<LiftSlope>) -> Vec<Insight> {
    if lifts.len() < GROUP_LIFTS {
        return lifts
            .into_iter()
            .map(|lift| e1rm_insight(input, kind, vec![lift]))
            .collect();
    }
    lifts.sort_by(|a, b| a.percent_per_month.total_cmp(&b.percent_per_month));
    vec![e1rm_insight(input, kind, lifts)]
}

fn e1rm_insight(input: &InsightInput<'_>, kind: InsightKind, lifts: Vec<LiftSlope>) -> Insight {
    let unit = input.unit;
    let (tone, what, rule, suggestion) = if kind == InsightKind::E1rmFalling {
        (
            Tone::Warning,
            "e1RM falling",
            "e1RM trend losing 2 % a month or more over 6+ weeks, 2+ standard errors down",
            if lifts.len() >= GROUP_LIFTS {
                "Several lifts falling together points to fatigue, not the programme: \
                 look at sleep, food and load, and consider a deload week."
            } else {
                "Look at sleep, food and total training load; a lighter week often brings it back."
            },
        )
    } else {
        (
            Tone::Info,
            "e1RM plateau",
            "slope under 0.5 % a month over 6+ weeks",
            "Change one thing for the next block: a new rep range, an extra set, or a variation.",
        )
    };
    let in_unit = |w: Weight| w.kg() / unit.kg_factor();
    let (title, numbers) = match lifts.as_slice() {
        [one] => (
            format!("{}: {what}", one.name),
            format!(
                "{} %/month over {} weeks, {:.1} → {:.1} {unit}",
                signed(one.percent_per_month),
                one.days / 7,
                in_unit(one.start),
                in_unit(one.end),
            ),
        ),
        many => {
            let more = many.len().saturating_sub(GROUP_NAMED);
            let rest = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            let numbers = if kind == InsightKind::E1rmFalling {
                // Steepest first, each with its slope: the falls are the finding.
                let shown: Vec<String> = many
                    .iter()
                    .take(GROUP_NAMED)
                    .map(|l| format!("{} {}", l.name, signed(l.percent_per_month)))
                    .collect();
                format!("{} %/month{rest}, over the last 8 weeks", shown.join(", "))
            } else {
                // A plateau's slopes are scatter around flat: give their span and the names.
                let (low, high) = (&many[0], &many[many.len() - 1]);
                let names: Vec<&str> = many
                    .iter()
                    .rev()
                    .take(GROUP_NAMED)
                    .map(|l| l.name.as_str())
                    .collect();
                format!(
                    "{}{rest}: {} to {} %/month over the last 8 weeks",
                    names.join(", "),
                    signed(low.percent_per_month),
                    signed(high.percent_per_month),
                )
            };
            (format!("{what} on {} lifts", many.len()), numbers)
        }
    };
    Insight {
        kind,
        tone,
        title,
        rule: rule.to_string(),
        numbers,
        suggestion: suggestion.to_string(),
        data: InsightData::E1rmTrend(lifts),
    }
}

/// Working volume of the last 7 days more than 30 % above the 7 before.
pub(super) fn volume_spike(input: &InsightInput<'_>) -> Option<Insight> {
    let last_from = minus_days(input.today, 6);
    let previous_from = minus_days(input.today, 13);
    let (mut last_kg, mut previous_kg) = (0.0, 0.0);
    for s in input
        .sessions
        .iter()
        .filter(|s| s.date <= input.today && s.volume_kg.is_finite())
    {
        if s.date >= last_from {
            last_kg += s.volume_kg;
        } else if s.date >= previous_from {
            previous_kg += s.volume_kg;
        }
    }
    if last_kg <= 0.0 || previous_kg <= 0.0 {
        return None;
    }
    let percent = (last_kg - previous_kg) * 100.0 / previous_kg;
    if percent <= VOLUME_SPIKE_PERCENT {
        return None;
    }
    let unit = input.unit;
    let in_unit = |kg: f64| kg / unit.kg_factor();
    Some(Insight {
        kind: InsightKind::VolumeSpike,
        tone: Tone::Warning,
        title: "Volume spike".to_string(),
        rule: "working volume of the last 7 days more than 30 % above the 7 before".to_string(),
        numbers: format!(
            "{:+.0} % week over week, {:.0} → {:.0} {unit} × reps",
            percent,
            in_unit(previous_kg),
            in_unit(last_kg),
        ),
        suggestion: "Raise volume by 10–20 % a week at most; hold this level until it feels \
                     routine."
            .to_string(),
        data: InsightData::VolumeSpike {
            last_kg,
            previous_kg,
            percent,
        },
    })
}

/// Muscle groups trained in the last 90 days but not in the last 14, as one insight.
pub(super) fn untrained(input: &InsightInput<'_>) -> Option<Insight> {
    let groups = muscles::untrained(input.muscles, input.today);
    if groups.is_empty() {
        return None;
    }
    let names: Vec<&str> = groups.iter().map(|g| g.muscle.as_str()).collect();
    let numbers: Vec<String> = groups
        .iter()
        .map(|g| format!("{} {} days (last {})", g.muscle, g.days, g.last))
        .collect();
    Some(Insight {
        kind: InsightKind::UntrainedMuscles,
        tone: Tone::Info,
        title: format!("Not trained for 2+ weeks: {}", names.join(", ")),
        rule: format!(
            "muscle groups trained in the last 90 days with no working set in the last {UNTRAINED_DAYS}"
        ),
        numbers: numbers.join(", "),
        suggestion: "Add a few sets for them this week, or check the program still covers them."
            .to_string(),
        data: InsightData::Untrained(groups),
    })
}

/// A PR in each of 3+ weeks in a row, up to this week. The PRs of a lift whose e1RM is falling
/// (its verdict in `trends`) do not count: a volume or rep record set while the lift's strength
/// slides is no sign of things going well, and the insights never call one lift both.
pub(super) fn pr_streak(input: &InsightInput<'_>, trends: &[LiftTrend]) -> Option<Insight> {
    let falling: Vec<ExerciseId> = trends
        .iter()
        .filter(|l| l.trend.verdict() == Some(Direction::Decreasing))
        .map(|l| l.exercise)
        .collect();
    let prs: Vec<_> = review_prs(input.exercise_sessions)
        .into_iter()
        .filter(|p| !falling.contains(&p.exercise))
        .collect();
    let streak = streak_of(&prs, input.today).filter(|s| s.weeks >= PR_STREAK_WEEKS)?;
    let lookup: HashMap<ExerciseId, &Exercise> =
        input.exercises.iter().map(|e| (e.id, e)).collect();
    let names: Vec<String> = streak
        .exercises
        .iter()
        .map(|&id| name_of(&lookup, id))
        .collect();
    Some(Insight {
        kind: InsightKind::PrStreak,
        tone: Tone::Good,
        title: format!("PR streak: {} weeks", streak.weeks),
        rule: format!(
            "a personal record in each of {PR_STREAK_WEEKS}+ weeks in a row, up to this week"
        ),
        numbers: format!(
            "{} PRs in {} weeks since {}: {}",
            streak.prs,
            streak.weeks,
            streak.first_week,
            names.join(", ")
        ),
        suggestion: "Keep doing what works, and keep recovery as steady as the training."
            .to_string(),
        data: InsightData::PrStreak { streak, names },
    })
}
