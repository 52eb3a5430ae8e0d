//! What the signals read, owned and assembled from a training history: weekly RPE means, daily
//! loads for the ACWR, the main lifts' weekly e1RMs, and the deloads taken.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::week::DeloadWeek;
use super::{DeloadInput, E1rmPoint, MainLift, WeekRpe};
use crate::core::load::acwr::{self, Method};
use crate::core::strength::history::week_start;

/// Everything [`super::assess`] reads, owned, so a store can hand it over.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DeloadHistory {
    pub main_lifts: Vec<MainLift>,
    pub weeks: Vec<WeekRpe>,
    /// Daily ACWR, oldest first, ending today.
    pub acwr: Vec<Option<f64>>,
    pub last_deload: Option<NaiveDate>,
    pub training_since: Option<NaiveDate>,
}

impl DeloadHistory {
    /// The borrowed view [`super::assess`] takes.
    pub fn input(&self) -> DeloadInput<'_> {
        DeloadInput {
            main_lifts: &self.main_lifts,
            weeks: &self.weeks,
            acwr: &self.acwr,
            last_deload: self.last_deload,
            training_since: self.training_since,
        }
    }
}

/// Each week's mean working-set RPE from `(day, rpe)` rows of working sets; a week with sets but
/// no RPE gets `None`. Oldest first, weeks dated by their Monday.
pub fn weekly_rpe(sets: &[(NaiveDate, Option<f64>)]) -> Vec<WeekRpe> {
    let mut weeks: BTreeMap<NaiveDate, (f64, u32)> = BTreeMap::new();
    for (day, rpe) in sets {
        let week = weeks.entry(week_start(*day)).or_default();
        if let Some(rpe) = rpe {
            week.0 += rpe;
            week.1 += 1;
        }
    }
    weeks
        .into_iter()
        .map(|(start, (sum, n))| WeekRpe {
            start,
            mean_rpe: (n > 0).then(|| sum / f64::from(n)),
        })
        .collect()
}

/// The daily ACWR (rolling, science.md's default) of daily loads, oldest first.
pub fn acwr_series(daily: &[f64]) -> Vec<Option<f64>> {
    acwr::series(Method::Rolling, daily)
}

/// A lift that may count as a main lift: how many sessions it had in the window, and its
/// session-best e1RMs there.
#[derive(Debug, Clone, PartialEq)]
pub struct LiftCandidate {
    pub name: String,
    pub sessions: usize,
    pub e1rms: Vec<E1rmPoint>,
}

/// The main lifts for signal 1: the `n` candidates trained in the most sessions (the heavier
/// best e1RM first among equals), each with its sessions' best e1RMs, leaving out sessions that
/// fall in a recorded deload (a planned lighter week is no loss of strength). The signal fits
/// its trend to each week's best, as every e1RM trend is.
pub fn main_lifts(
    mut candidates: Vec<LiftCandidate>,
    n: usize,
    deloads: &[DeloadWeek],
) -> Vec<MainLift> {
    let best = |c: &LiftCandidate| c.e1rms.iter().map(|p| p.e1rm.kg()).fold(0.0, f64::max);
    candidates.sort_by(|a, b| {
        b.sessions
            .cmp(&a.sessions)
            .then_with(|| best(b).total_cmp(&best(a)))
            .then_with(|| a.name.cmp(&b.name))
    });
    candidates
        .into_iter()
        .take(n)
        .map(|c| MainLift {
            name: c.name,
            e1rms: c
                .e1rms
                .into_iter()
                .filter(|p| !deloads.iter().any(|d| d.covers(p.date)))
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::strength::deload::week::DeloadId;
    use crate::core::units::Weight;

    fn day(d: u32) -> NaiveDate {
        // June 2025: the 2nd, 9th, 16th, 23rd and 30th are Mondays.
        NaiveDate::from_ymd_opt(2025, 6, d).unwrap()
    }

    fn point(d: u32, kg: f64) -> E1rmPoint {
        E1rmPoint {
            date: day(d),
            e1rm: Weight::from_kg(kg).unwrap(),
        }
    }

    fn deload(start: u32, end: Option<u32>) -> DeloadWeek {
        DeloadWeek {
            id: DeloadId(1),
            start: day(start),
            end: end.map(day),
            note: String::new(),
        }
    }

    #[test]
    fn weekly_rpe_means_and_weeks_without_rpe() {
        let weeks = weekly_rpe(&[
            (day(3), Some(8.0)),
            (day(5), Some(9.0)),
            (day(6), None),
            (day(10), None),
            (day(17), Some(9.5)),
        ]);
        assert_eq!(
            weeks,
            [
                WeekRpe {
                    start: day(2),
                    mean_rpe: Some(8.5)
                },
                WeekRpe {
                    start: day(9),
                    mean_rpe: None
                },
                WeekRpe {
                    start: day(16),
                    mean_rpe: Some(9.5)
                },
            ]
        );
    }

    #[test]
    fn acwr_is_none_before_28_days_and_one_for_a_steady_load() {
        let steady: Vec<f64> = (0..35)
            .map(|i| if i % 2 == 0 { 400.0 } else { 0.0 })
            .collect();
        let series = acwr_series(&steady);
        assert_eq!(series.len(), 35);
        assert!(series[..27].iter().all(Option::is_none));
        // Days 21–27 (0-based) hold 400 on days 22, 24, 26: acute 1200 / 7; chronic 14 × 400 / 28.
        assert!((series[27].unwrap() - (1200.0 / 7.0) / 200.0).abs() < 1e-9);
    }

    #[test]
    fn an_open_deload_covers_the_planned_week() {
        let open = deload(9, None);
        assert_eq!(open.last_day(), day(15));
        assert!(open.covers(day(9)) && open.covers(day(15)) && !open.covers(day(16)));
        assert!(!deload(9, Some(11)).covers(day(12)));
    }

    #[test]
    fn a_day_inside_a_deload_counts_from_one_and_names_the_last_day() {
        let week = deload(9, None);
        assert_eq!(week.day_of(day(8)), None);
        let first = week.day_of(day(9)).unwrap();
        assert_eq!((first.day, first.days, first.last), (1, 7, day(15)));
        assert_eq!(
            week.day_of(day(11)).unwrap().describe(),
            "day 3 of 7, until Sun 15 Jun"
        );
        assert_eq!(week.day_of(day(15)).unwrap().day, 7);
        assert_eq!(week.day_of(day(16)), None);
        // Ended early: the count follows the day it ended.
        let short = deload(9, Some(12));
        assert_eq!(
            short.day_of(day(12)).unwrap().describe(),
            "day 4 of 4, until Thu 12 Jun"
        );
    }

    #[test]
    fn main_lifts_are_the_most_trained_with_deload_weeks_left_out() {
        let candidate = |name: &str, sessions, e1rms: Vec<E1rmPoint>| LiftCandidate {
            name: name.into(),
            sessions,
            e1rms,
        };
        let lifts = main_lifts(
            vec![
                candidate("Barbell Row", 8, vec![point(3, 100.0)]),
                candidate(
                    "Back Squat",
                    8,
                    vec![point(3, 160.0), point(10, 150.0), point(17, 162.0)],
                ),
                candidate("Curl", 2, vec![point(3, 50.0)]),
                candidate("Deadlift", 9, vec![point(4, 200.0), point(5, 205.0)]),
            ],
            2,
            &[deload(9, Some(15))],
        );
        let names: Vec<&str> = lifts.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(
            names,
            ["Deadlift", "Back Squat"],
            "most sessions, then heavier"
        );
        assert_eq!(lifts[0].e1rms, [point(4, 200.0), point(5, 205.0)]);
        assert_eq!(
            lifts[1].e1rms,
            [point(3, 160.0), point(17, 162.0)],
            "the deload week is not a drop"
        );
    }
}
