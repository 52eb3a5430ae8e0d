//! Personal records over time, rebuilt from per-session summaries (the record table keeps only
//! the current best): every session whose best e1RM, heaviest load or volume beat every earlier
//! session of the same exercise, and the current streak of weeks with a PR.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::ExerciseSession;
use crate::core::strength::history::week_start;
use crate::core::strength::records::{PrKind, PrValue};
use crate::core::trend_line::minus_days;
use crate::core::units::Weight;
use crate::core::workout::exercise::ExerciseId;
use crate::core::workout::session::SessionId;

/// A new value must beat the old by more than this (kg, or kg × reps) to count (float noise).
const BEAT_BY: f64 = 1e-6;

/// A record set in a session. `kind` is [`PrKind::E1rm`], [`PrKind::Heaviest`] or
/// [`PrKind::SessionVolume`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReviewPr {
    pub date: NaiveDate,
    pub session: SessionId,
    pub exercise: ExerciseId,
    pub kind: PrKind,
    /// The new best.
    pub value: PrValue,
    /// The best it beat.
    pub previous: PrValue,
}

#[derive(Default)]
struct Bests {
    e1rm: Option<Weight>,
    heaviest: Option<Weight>,
    volume_kg: Option<f64>,
}

fn load_pr(
    best: &mut Option<Weight>,
    new: Option<Weight>,
    kind: PrKind,
) -> Option<(PrKind, PrValue, PrValue)> {
    let new = new?;
    let pr = match *best {
        Some(old) if new.kg() > old.kg() + BEAT_BY => {
            Some((kind, PrValue::Load(new), PrValue::Load(old)))
        }
        _ => None,
    };
    if best.is_none_or(|old| new.kg() > old.kg()) {
        *best = Some(new);
    }
    pr
}

/// Every PR in `rows` (all history, any order), oldest first; within a session e1RM, then
/// heaviest, then volume. An exercise's first session sets its bests without being a PR.
/// O(n log n).
pub fn review_prs(rows: &[ExerciseSession]) -> Vec<ReviewPr> {
    let mut sorted: Vec<&ExerciseSession> = rows.iter().collect();
    sorted.sort_by_key(|r| (r.date, r.session, r.exercise));
    let mut bests: HashMap<ExerciseId, Bests> = HashMap::new();
    let mut prs = Vec::new();
    for r in sorted {
        let b = bests.entry(r.exercise).or_default();
        let e1rm = load_pr(&mut b.e1rm, r.best_e1rm, PrKind::E1rm);
        let heaviest = load_pr(&mut b.heaviest, r.heaviest, PrKind::Heaviest);
        let volume = match b.volume_kg {
            Some(old) if r.volume_kg > old + BEAT_BY => Some((
                PrKind::SessionVolume,
                PrValue::VolumeKg(r.volume_kg),
                PrValue::VolumeKg(old),
            )),
            _ => None,
        };
        if r.volume_kg.is_finite() && b.volume_kg.is_none_or(|old| r.volume_kg > old) {
            b.volume_kg = Some(r.volume_kg);
        }
        prs.extend([e1rm, heaviest, volume].into_iter().flatten().map(
            |(kind, value, previous)| ReviewPr {
                date: r.date,
                session: r.session,
                exercise: r.exercise,
                kind,
                value,
                previous,
            },
        ));
    }
    prs
}

/// The PRs dated from `from` (or the beginning) to `until`, both inclusive, keeping their order.
pub fn prs_between(prs: &[ReviewPr], from: Option<NaiveDate>, until: NaiveDate) -> Vec<ReviewPr> {
    prs.iter()
        .filter(|p| p.date <= until && from.is_none_or(|f| p.date >= f))
        .copied()
        .collect()
}

/// Consecutive weeks with at least one PR, up to the current week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrStreak {
    /// How many weeks in a row.
    pub weeks: u32,
    /// The Mondays of the first and last week of the streak.
    pub first_week: NaiveDate,
    pub last_week: NaiveDate,
    /// PRs set in the streak.
    pub prs: usize,
    /// The exercises with a PR in the streak, in order of their first PR there.
    pub exercises: Vec<ExerciseId>,
}

/// The streak of ISO weeks (Monday to Sunday) with a PR that reaches the current week. The
/// current week is still running, so a streak that ended last week still counts. `prs` in any
/// order; `None` without a PR last week or this week. O(n log n).
pub fn pr_streak(prs: &[ReviewPr], today: NaiveDate) -> Option<PrStreak> {
    let mut past: Vec<&ReviewPr> = prs.iter().filter(|p| p.date <= today).collect();
    past.sort_by_key(|p| std::cmp::Reverse((p.date, p.session)));
    let this_week = week_start(today);
    let mut expected = this_week;
    let mut streak: Vec<&ReviewPr> = Vec::new();
    let (mut weeks, mut first_week, mut last_week) = (0, this_week, this_week);
    for p in past {
        let week = week_start(p.date);
        if week == expected {
            if weeks == 0 {
                last_week = week;
            }
            weeks += 1;
            first_week = week;
            expected = minus_days(week, 7);
        } else if week > expected {
            // Another PR in a week already counted.
        } else if weeks == 0 && expected == this_week && week == minus_days(this_week, 7) {
            // No PR yet this week: the streak may end last week.
            last_week = week;
            first_week = week;
            weeks = 1;
            expected = minus_days(week, 7);
        } else {
            break;
        }
        streak.push(p);
    }
    if weeks == 0 {
        return None;
    }
    streak.reverse();
    let mut exercises: Vec<ExerciseId> = Vec::new();
    for p in &streak {
        if !exercises.contains(&p.exercise) {
            exercises.push(p.exercise);
        }
    }
    Some(PrStreak {
        weeks,
        first_week,
        last_week,
        prs: streak.len(),
        exercises,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::review::tests_support::{day, kg, lift, nth};

    #[test]
    fn each_kind_beats_every_earlier_session_and_the_first_is_no_pr() {
        let mut rows = vec![
            lift(day(2), 1, 100.0, 3000.0),
            lift(day(9), 1, 105.0, 2900.0),
            lift(day(16), 1, 104.0, 3100.0),
            lift(day(4), 2, 60.0, 1000.0),
        ];
        rows[2].heaviest = Some(kg(95.0));
        let prs = review_prs(&rows);
        let got: Vec<(NaiveDate, PrKind, PrValue, PrValue)> = prs
            .iter()
            .map(|p| (p.date, p.kind, p.value, p.previous))
            .collect();
        assert_eq!(
            got,
            [
                (
                    day(9),
                    PrKind::E1rm,
                    PrValue::Load(kg(105.0)),
                    PrValue::Load(kg(100.0))
                ),
                (
                    day(9),
                    PrKind::Heaviest,
                    PrValue::Load(kg(105.0 * 0.85)),
                    PrValue::Load(kg(85.0))
                ),
                (
                    day(16),
                    PrKind::Heaviest,
                    PrValue::Load(kg(95.0)),
                    PrValue::Load(kg(105.0 * 0.85))
                ),
                (
                    day(16),
                    PrKind::SessionVolume,
                    PrValue::VolumeKg(3100.0),
                    PrValue::VolumeKg(3000.0)
                ),
            ]
        );
        assert_eq!(prs_between(&prs, Some(day(10)), day(30)).len(), 2);
        assert_eq!(prs_between(&prs, None, day(9)).len(), 2);
    }

    fn e1rm_prs(weeks: &[i64]) -> Vec<ReviewPr> {
        // One lift (id 1) at a new e1RM on the Wednesday of each listed week (0 = June 2).
        let mut rows = vec![lift(nth(-70), 1, 50.0, 0.0)];
        rows.extend(weeks.iter().enumerate().map(|(i, &w)| ExerciseSession {
            heaviest: None,
            ..lift(nth(7 * w + 2), 1, 100.0 + i as f64, 0.0)
        }));
        review_prs(&rows)
    }

    #[test]
    fn three_weeks_in_a_row_up_to_this_week() {
        // PRs in weeks 0, 2, 3, 4; today in week 4.
        let prs = e1rm_prs(&[0, 2, 3, 4]);
        let streak = pr_streak(&prs, nth(7 * 4 + 3)).unwrap();
        assert_eq!(streak.weeks, 3);
        assert_eq!((streak.first_week, streak.last_week), (nth(14), nth(28)));
        assert_eq!(streak.prs, 3);
        assert_eq!(streak.exercises, [ExerciseId(1)]);
    }

    #[test]
    fn a_streak_may_end_last_week_but_not_before() {
        let prs = e1rm_prs(&[1, 2, 3]);
        // Today Monday of week 4, no PR yet this week: weeks 1–3 still count.
        let streak = pr_streak(&prs, nth(28)).unwrap();
        assert_eq!((streak.weeks, streak.last_week), (3, nth(21)));
        // A week later with nothing new: broken.
        assert_eq!(pr_streak(&prs, nth(35)), None);
        assert_eq!(pr_streak(&[], nth(35)), None);
    }
}
