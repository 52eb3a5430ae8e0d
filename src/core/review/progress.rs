//! One exercise's progress for the progression screen: e1RM per session and per week, PR
//! markers, the trend line, weekly volume, and the figures the axes are labelled with.
//! Sessions inside a recorded deload week are kept apart: they are not the line, the axis, the
//! best or the trend, but their weekly best is there to mark.

use chrono::NaiveDate;

use super::range::Range;
use super::strength::{E1rmTrend, trend_points};
use crate::core::strength::deload::{DeloadWeek, E1rmPoint};
use crate::core::strength::history::{PerformanceSummary, TopSet, week_start, weekly_best};
use crate::core::trend_line::WeightTrend;
use crate::core::units::Weight;
use crate::core::workout::session::SessionId;

/// An e1RM must beat the best before it by more than this many kg to be a PR (float noise).
const BEAT_BY_KG: f64 = 1e-6;

/// One session of the exercise in the range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProgressSession {
    pub date: NaiveDate,
    pub session: SessionId,
    /// The session's best e1RM.
    pub e1rm: Option<Weight>,
    /// The heaviest working set.
    pub top_set: Option<TopSet>,
    /// Working volume, kg × reps.
    pub volume_kg: f64,
    /// Working sets.
    pub sets: usize,
    /// The e1RM beat every earlier session's (over all history; the first session is no PR).
    pub pr: bool,
    /// Its date is inside a recorded deload week.
    pub deload: bool,
}

/// One week's volume of the exercise.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct VolumeWeek {
    /// The Monday.
    pub start: NaiveDate,
    /// Working volume, kg × reps.
    pub volume_kg: f64,
    pub sets: usize,
    pub sessions: usize,
}

/// Everything the progression chart draws for one exercise and range.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub range: Range,
    pub today: NaiveDate,
    /// The left end of the time axis: the range's start, or the first session for "all";
    /// `None` for "all" without sessions. The right end is `today`.
    pub from: Option<NaiveDate>,
    /// The sessions in range, oldest first.
    pub sessions: Vec<ProgressSession>,
    /// The best e1RM of each week in range outside deload weeks (the chart's line), dated by
    /// its Monday, oldest first.
    pub weekly_best: Vec<E1rmPoint>,
    /// The best e1RM of each week in range among sessions inside a deload week, dated by its
    /// Monday, oldest first: marked on the chart, never part of the line or the axis.
    pub deload_weeks: Vec<E1rmPoint>,
    /// The PR sessions in range (their date and e1RM), oldest first; PRs count over all
    /// history, deloads included.
    pub prs: Vec<E1rmPoint>,
    /// Least-squares trend over the range of each week's best e1RM outside deload weeks
    /// ([`trend_points`], the same points the insights fit).
    pub trend: Option<WeightTrend>,
    /// The lift's verdict over the last 8 weeks whatever the range — the one the insights, the
    /// deload check and `context` give ([`E1rmTrend`]); `None` under three weeks of e1RMs.
    pub verdict: Option<E1rmTrend>,
    /// Every week from the range's first to the current one, empty weeks as 0.
    pub volume_weeks: Vec<VolumeWeek>,
    /// The best e1RM in range outside deload weeks (the earliest among equals).
    pub best: Option<E1rmPoint>,
    /// The first and last e1RM in range outside deload weeks.
    pub first: Option<E1rmPoint>,
    pub last: Option<E1rmPoint>,
    /// The lowest and highest e1RM in range outside deload weeks, for the value axis.
    pub low: Option<Weight>,
    pub high: Option<Weight>,
}

/// The progress of one exercise from every session of it (`history`, any order) for `range`
/// ending `today`; sessions inside `deloads` are left out of the line, the axis, the best and
/// the trend. O(n log n).
pub fn progress(
    history: &[PerformanceSummary],
    deloads: &[DeloadWeek],
    range: Range,
    today: NaiveDate,
) -> Progress {
    let mut all: Vec<&PerformanceSummary> = history.iter().filter(|s| s.date <= today).collect();
    all.sort_by_key(|s| (s.date, s.session));
    let mut best_kg: Option<f64> = None;
    let sessions: Vec<ProgressSession> = all
        .iter()
        .map(|s| {
            let kg = s.e1rm.map(Weight::kg);
            let pr = matches!((kg, best_kg), (Some(kg), Some(best)) if kg > best + BEAT_BY_KG);
            if let Some(kg) = kg {
                best_kg = Some(best_kg.map_or(kg, |b| b.max(kg)));
            }
            ProgressSession {
                date: s.date,
                session: s.session,
                e1rm: s.e1rm,
                top_set: s.top_set,
                volume_kg: s.volume_kg,
                sets: s.sets,
                pr,
                deload: deloads.iter().any(|d| d.covers(s.date)),
            }
        })
        .filter(|s| range.contains(today, s.date))
        .collect();
    let from = range.start(today).or_else(|| all.first().map(|s| s.date));
    let point = |s: &ProgressSession| s.e1rm.map(|e1rm| E1rmPoint { date: s.date, e1rm });
    let points: Vec<E1rmPoint> = sessions
        .iter()
        .filter(|s| !s.deload)
        .filter_map(point)
        .collect();
    let deload_points: Vec<E1rmPoint> = sessions
        .iter()
        .filter(|s| s.deload)
        .filter_map(point)
        .collect();
    // `trend_points` leaves the deload weeks out itself.
    let trend = WeightTrend::fit(&trend_points(
        sessions.iter().filter_map(point).map(|p| (p.date, p.e1rm)),
        deloads,
    ));
    let best = points
        .iter()
        .copied()
        .reduce(|a, b| if b.e1rm.kg() > a.e1rm.kg() { b } else { a });
    let low = points
        .iter()
        .map(|p| p.e1rm)
        .reduce(|a, b| if b < a { b } else { a });
    let verdict = E1rmTrend::fit(
        all.iter().filter_map(|s| s.e1rm.map(|e| (s.date, e))),
        deloads,
        today,
    );
    Progress {
        verdict,
        range,
        today,
        from,
        weekly_best: weekly_best(&points),
        deload_weeks: weekly_best(&deload_points),
        prs: sessions.iter().filter(|s| s.pr).filter_map(point).collect(),
        trend,
        volume_weeks: from.map_or_else(Vec::new, |from| volume_weeks(&sessions, from, today)),
        best,
        first: points.first().copied(),
        last: points.last().copied(),
        low,
        high: best.map(|b| b.e1rm),
        sessions,
    }
}

fn volume_weeks(
    sessions: &[ProgressSession],
    from: NaiveDate,
    today: NaiveDate,
) -> Vec<VolumeWeek> {
    let first = week_start(from);
    let count = usize::try_from((week_start(today) - first).num_days() / 7 + 1).unwrap_or(0);
    let mut weeks: Vec<VolumeWeek> = (0..count)
        .map(|i| VolumeWeek {
            start: first + chrono::Duration::days(7 * i as i64),
            volume_kg: 0.0,
            sets: 0,
            sessions: 0,
        })
        .collect();
    for s in sessions {
        let i = usize::try_from((s.date - first).num_days() / 7).unwrap_or(0);
        if let Some(week) = weeks.get_mut(i) {
            week.volume_kg += s.volume_kg;
            week.sets += s.sets;
            week.sessions += 1;
        }
    }
    weeks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::review::tests_support::{day, kg, nth};
    use crate::core::units::Reps;

    fn summary(date: NaiveDate, id: i64, e1rm: Option<f64>, volume_kg: f64) -> PerformanceSummary {
        PerformanceSummary {
            session: SessionId(id),
            date,
            sets: 3,
            top_set: e1rm.map(|e| TopSet {
                weight: kg((e * 0.85 / 2.5).round() * 2.5),
                reps: Reps::try_from(5).unwrap(),
            }),
            e1rm: e1rm.map(kg),
            volume_kg,
            mean_rpe: None,
            reader: crate::core::strength::e1rm::Reader::default(),
        }
    }

    #[test]
    fn prs_are_found_over_all_history_then_cut_to_the_range() {
        // Twelve Mondays before today's week: 100 … and a 130 long before the range.
        let history = vec![
            summary(nth(-200), 1, Some(130.0), 4000.0),
            summary(nth(0), 2, Some(120.0), 3000.0),
            summary(nth(7), 3, Some(125.0), 3000.0),
            summary(nth(14), 4, Some(131.0), 3200.0),
            summary(nth(21), 5, Some(131.0), 3200.0),
            summary(nth(28), 6, None, 1000.0),
            summary(nth(30), 7, Some(132.5), 3300.0),
        ];
        let p = progress(&history, &[], Range::Weeks12, nth(31));
        assert_eq!(p.sessions.len(), 6, "the old session is out of range");
        let prs: Vec<bool> = p.sessions.iter().map(|s| s.pr).collect();
        assert_eq!(
            prs,
            [false, false, true, false, false, true],
            "125 < 130 from before"
        );
        assert_eq!(
            p.prs,
            [
                E1rmPoint {
                    date: nth(14),
                    e1rm: kg(131.0)
                },
                E1rmPoint {
                    date: nth(30),
                    e1rm: kg(132.5)
                }
            ]
        );
        assert_eq!(p.best.unwrap().e1rm, kg(132.5));
        assert_eq!((p.low, p.high), (Some(kg(120.0)), Some(kg(132.5))));
        assert_eq!(p.first.unwrap().date, nth(0));
        assert_eq!(p.last.unwrap().date, nth(30));
        assert_eq!(p.weekly_best.len(), 5, "five weeks with an e1RM");
    }

    #[test]
    fn volume_weeks_cover_the_range_with_empty_weeks() {
        let history = vec![
            summary(day(3), 1, Some(100.0), 3000.0),
            summary(day(5), 2, Some(101.0), 2000.0),
            summary(day(19), 3, Some(102.0), 2500.0),
        ];
        // Weeks4 ending Wednesday the 25th: 2, 9, 16 and 23 June.
        let p = progress(&history, &[], Range::Weeks4, day(25));
        assert_eq!(p.from, Some(day(2)));
        let volumes: Vec<(NaiveDate, f64, usize)> = p
            .volume_weeks
            .iter()
            .map(|w| (w.start, w.volume_kg, w.sessions))
            .collect();
        assert_eq!(
            volumes,
            [
                (day(2), 5000.0, 2),
                (day(9), 0.0, 0),
                (day(16), 2500.0, 1),
                (day(23), 0.0, 0)
            ]
        );
        assert_eq!(p.volume_weeks[0].sets, 6);
    }

    #[test]
    fn the_trend_line_through_exact_gains() {
        // +1 kg a week for 8 weeks: 0.142857 kg a day, 4.348 kg a month, 4.348 % on 100.
        let history: Vec<PerformanceSummary> = (0..8)
            .map(|w| summary(nth(7 * w), w, Some(100.0 + w as f64), 3000.0))
            .collect();
        let p = progress(&history, &[], Range::All, nth(50));
        let trend = p.trend.unwrap();
        assert!((trend.line.slope_per_day - 1.0 / 7.0).abs() < 1e-12);
        assert!((trend.start.kg() - 100.0).abs() < 1e-9);
        assert!((trend.end.kg() - 107.0).abs() < 1e-9);
        assert!((trend.percent_per_month().unwrap() - 30.4375 / 7.0).abs() < 1e-9);
        assert_eq!(p.from, Some(nth(0)));
        assert_eq!(p.volume_weeks.len(), 8);
        let none = progress(&[], &[], Range::All, nth(50));
        assert_eq!((none.from, none.trend, none.best), (None, None, None));
        assert!(none.volume_weeks.is_empty());
    }

    #[test]
    fn the_trend_leaves_out_a_deload_week_and_light_days() {
        // +1 kg a week on Mondays, a light Thursday at 80 kg every week, and week 6 a deload
        // at 60 kg: the trend is the Mondays' +1 kg a week all the same.
        let mut history: Vec<PerformanceSummary> = (0..8)
            .map(|w| summary(nth(7 * w), w, Some(100.0 + w as f64), 3000.0))
            .collect();
        history[6].e1rm = Some(kg(60.0));
        history.extend((0..8).map(|w| summary(nth(7 * w + 3), 10 + w, Some(80.0), 1000.0)));
        let deload = DeloadWeek {
            id: crate::core::strength::deload::DeloadId(1),
            start: nth(42),
            end: Some(nth(48)),
            note: String::new(),
        };
        let p = progress(&history, &[deload], Range::All, nth(50));
        let trend = p.trend.unwrap();
        assert!((trend.line.slope_per_day - 1.0 / 7.0).abs() < 1e-12);
        assert_eq!(trend.line.points, 7, "seven weeks outside the deload");
        // The line leaves the deload week out too; its best (the light day) is marked apart.
        assert_eq!(p.weekly_best.len(), 7);
        assert!(p.weekly_best.iter().all(|w| w.date != nth(42)));
        assert_eq!(
            p.deload_weeks,
            [E1rmPoint {
                date: nth(42),
                e1rm: kg(80.0)
            }]
        );
        let flags: Vec<bool> = p.sessions.iter().map(|s| s.deload).collect();
        let inside = [nth(42), nth(45)];
        let expected: Vec<bool> = p
            .sessions
            .iter()
            .map(|s| inside.contains(&s.date))
            .collect();
        assert_eq!(flags, expected);
        assert_eq!(flags.iter().filter(|f| **f).count(), 2);
    }

    #[test]
    fn a_deload_week_leaves_the_line_the_axis_and_the_best() {
        // Weeks 0–3: 100, 104, a deload week (Mon 55, Wed 57.5), 106.
        let history = vec![
            summary(nth(0), 1, Some(100.0), 3000.0),
            summary(nth(7), 2, Some(104.0), 3000.0),
            summary(nth(14), 3, Some(55.0), 1200.0),
            summary(nth(16), 4, Some(57.5), 1300.0),
            summary(nth(21), 5, Some(106.0), 3100.0),
        ];
        let p = progress(&history, &[deload_at(14)], Range::All, nth(22));
        let point = |n, e| E1rmPoint {
            date: nth(n),
            e1rm: kg(e),
        };
        assert_eq!(
            p.weekly_best,
            [point(0, 100.0), point(7, 104.0), point(21, 106.0)]
        );
        // The deload week's best is Wednesday's 57.5, dated by its Monday like the line.
        assert_eq!(p.deload_weeks, [point(14, 57.5)]);
        assert_eq!((p.low, p.high), (Some(kg(100.0)), Some(kg(106.0))));
        assert_eq!(p.best, Some(point(21, 106.0)));
        assert_eq!(p.first, Some(point(0, 100.0)));
        assert_eq!(p.last, Some(point(21, 106.0)));
        // PRs over all history: 104 beats 100, 106 beats 104; the deload beats nothing.
        assert_eq!(p.prs, [point(7, 104.0), point(21, 106.0)]);
        let flags: Vec<bool> = p.sessions.iter().map(|s| s.deload).collect();
        assert_eq!(flags, [false, false, true, true, false]);
        // Sessions and volume still count the deload week.
        assert_eq!(p.sessions.len(), 5);
        assert!((p.volume_weeks[2].volume_kg - 2500.0).abs() < 1e-9);
        // Three training weeks, +6 kg over 21 days on the trend.
        assert_eq!(p.trend.unwrap().line.points, 3);

        // A range with only the deload week: nothing on the line or the axis, the marks stay.
        let only = progress(&history[2..4], &[deload_at(14)], Range::All, nth(22));
        assert!(only.weekly_best.is_empty());
        assert_eq!(only.deload_weeks, [point(14, 57.5)]);
        assert_eq!((only.best, only.low, only.high), (None, None, None));
        assert_eq!((only.first, only.last), (None, None));
    }

    /// A running deload from `n` days after the first Monday: seven days.
    fn deload_at(n: i64) -> DeloadWeek {
        DeloadWeek {
            id: crate::core::strength::deload::DeloadId(n),
            start: nth(n),
            end: None,
            note: String::new(),
        }
    }
}
