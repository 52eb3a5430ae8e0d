//! The rules on lifting: e1RM plateaus and falls, volume spikes, untrained muscles, PR streaks.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{Insight, InsightData, InsightInput, InsightKind, Tone, signed};
use crate::core::exercise::{Exercise, ExerciseId, ExerciseKind};
use crate::core::review::muscles::{self, UNTRAINED_DAYS};
use crate::core::review::records::{pr_streak as streak_of, review_prs};
use crate::core::review::strength::{E1RM_FLAT_PERCENT_PER_MONTH, name_of};
use crate::core::review::trend_line::{WeightTrend, minus_days};
use crate::core::units::Weight;

/// The e1RM window: the last 8 weeks.
pub const PLATEAU_WINDOW_DAYS: u64 = 56;
/// Days from the first to the last e1RM in the window (6 weeks).
pub const PLATEAU_MIN_SPAN_DAYS: i64 = 42;
/// Sessions with an e1RM in the window.
pub const PLATEAU_MIN_SESSIONS: usize = 4;
/// Week-over-week volume rise that is a spike, percent.
pub const VOLUME_SPIKE_PERCENT: f64 = 30.0;
/// Consecutive weeks with a PR that make a streak worth saying.
pub const PR_STREAK_WEEKS: u32 = 3;

/// Plateau (info) or falling (warning) per lift, lifts by name.
pub(super) fn e1rm_trends(input: &InsightInput<'_>) -> Vec<Insight> {
    let from = minus_days(input.today, PLATEAU_WINDOW_DAYS - 1);
    let names: HashMap<ExerciseId, &Exercise> = input.exercises.iter().map(|e| (e.id, e)).collect();
    let mut points: HashMap<ExerciseId, Vec<(NaiveDate, Weight)>> = HashMap::new();
    for r in input
        .exercise_sessions
        .iter()
        .filter(|r| r.date >= from && r.date <= input.today)
    {
        let cardio = names
            .get(&r.exercise)
            .is_some_and(|e| e.kind == ExerciseKind::Cardio);
        if let (Some(e1rm), false) = (r.best_e1rm, cardio) {
            points.entry(r.exercise).or_default().push((r.date, e1rm));
        }
    }
    let mut out: Vec<(String, Insight)> = points
        .into_iter()
        .filter(|(_, p)| p.len() >= PLATEAU_MIN_SESSIONS)
        .filter_map(|(id, p)| {
            let trend = WeightTrend::fit(&p)?;
            let percent = trend.percent_per_month()?;
            if trend.line.span_days() < PLATEAU_MIN_SPAN_DAYS
                || percent >= E1RM_FLAT_PERCENT_PER_MONTH
            {
                return None;
            }
            let name = name_of(&names, id);
            let insight = e1rm_insight(input, id, &name, p.len(), &trend, percent);
            Some((name, insight))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out.into_iter().map(|(_, i)| i).collect()
}

fn e1rm_insight(
    input: &InsightInput<'_>,
    exercise: ExerciseId,
    name: &str,
    sessions: usize,
    trend: &WeightTrend,
    percent: f64,
) -> Insight {
    let falling = percent <= -E1RM_FLAT_PERCENT_PER_MONTH;
    let unit = input.unit;
    let (kind, tone, what, rule, suggestion) = if falling {
        (
            InsightKind::E1rmFalling,
            Tone::Warning,
            "e1RM falling",
            "e1RM trend losing 0.5 % a month or more over 6+ weeks",
            "Look at sleep, food and total training load; a lighter week often brings it back.",
        )
    } else {
        (
            InsightKind::E1rmPlateau,
            Tone::Info,
            "e1RM plateau",
            "slope under 0.5 % a month over 6+ weeks",
            "Change one thing for the next block: a new rep range, an extra set, or a variation.",
        )
    };
    Insight {
        kind,
        tone,
        title: format!("{name}: {what}"),
        rule: rule.to_string(),
        numbers: format!(
            "{} %/month over {} weeks, {:.1} → {:.1} {unit}",
            signed(percent),
            trend.line.span_weeks(),
            trend.start.kg() / unit.kg_factor(),
            trend.end.kg() / unit.kg_factor(),
        ),
        suggestion: suggestion.to_string(),
        data: InsightData::E1rmTrend {
            exercise,
            name: name.to_string(),
            sessions,
            days: trend.line.span_days(),
            start: trend.start,
            end: trend.end,
            percent_per_month: percent,
        },
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

/// A PR in each of 3+ weeks in a row, up to this week.
pub(super) fn pr_streak(input: &InsightInput<'_>) -> Option<Insight> {
    let prs = review_prs(input.exercise_sessions);
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
