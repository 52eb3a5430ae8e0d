//! Strength progress over the last 8 weeks: every lift's e1RM trend and direction (one verdict,
//! shared by the plateau / falling insights and `ironpulse context`), weekly volume trends, and
//! the strongest and weakest lifts.
//!
//! An e1RM trend is fitted to each week's best session (a light day in a week is not a loss),
//! leaving out sessions inside a recorded deload week, which are light on purpose.
//!
//! Directions, on the least-squares slope as a percentage of the fitted start per month:
//! - e1RM: ≥ +0.5 %/month increasing; ≤ −2 %/month *and* the slope at least two standard errors
//!   below zero decreasing; anything else a plateau (issue 5). Week-to-week e1RM scatter makes
//!   small or noisy downward slopes common on flat data, so a fall must be both large and clear.
//! - Volume: ±5 %/month. Weekly volume swings far more than e1RM from week to week, so a
//!   change under 5 % a month (about 10 % over the 8 weeks) is read as flat.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::ExerciseSession;
use crate::core::strength::deload::week::DeloadWeek;
pub use crate::core::strength::e1rm_trend::{
    Direction, E1RM_FALLING_PERCENT_PER_MONTH, E1RM_FALLING_T, E1RM_FLAT_PERCENT_PER_MONTH,
    E1rmTrend, MIN_SESSIONS, VERDICT_MIN_SPAN_DAYS, VERDICT_MIN_WEEKS, WINDOW_DAYS, trend_points,
};
use crate::core::trend_line::{TrendLine, minus_days, plus_days};
use crate::core::units::Weight;
use crate::core::workout::exercise::{Exercise, ExerciseId, ExerciseKind};

/// Weekly blocks in the window.
pub const WINDOW_WEEKS: usize = 8;
/// |volume %/month| under this is a plateau.
pub const VOLUME_FLAT_PERCENT_PER_MONTH: f64 = 5.0;

/// The `(date, best e1RM)` of exercise sessions that have one.
pub fn e1rms<'a>(
    rows: impl IntoIterator<Item = &'a ExerciseSession>,
) -> impl Iterator<Item = (NaiveDate, Weight)> {
    rows.into_iter()
        .filter_map(|r| r.best_e1rm.map(|e1rm| (r.date, e1rm)))
}

/// One 7-day block's working volume.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BlockVolume {
    /// First and last day of the block.
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Working volume, kg × reps.
    pub volume_kg: f64,
    /// A day of the block is in a recorded deload week: light on purpose, so the trend leaves
    /// the block out.
    pub deload: bool,
}

/// Weekly working volume over the window and its trend.
#[derive(Debug, Clone, PartialEq)]
pub struct VolumeTrend {
    /// Eight 7-day blocks ending today, oldest first (so no week is partial).
    pub weeks: Vec<BlockVolume>,
    /// Least-squares line through the blocks outside deload weeks (dated by their last day),
    /// kg × reps.
    pub line: Option<TrendLine>,
    /// Change per month as a percentage of the fitted start; `None` when that is not positive.
    pub percent_per_month: Option<f64>,
    pub direction: Option<Direction>,
}

/// One lift over the window.
#[derive(Debug, Clone, PartialEq)]
pub struct LiftTrend {
    pub exercise: ExerciseId,
    pub name: String,
    /// Its e1RM trend and verdict, as the insights and the deload check read it.
    pub trend: E1rmTrend,
    /// The lift's own weekly volume.
    pub volume: VolumeTrend,
}

/// The strength part of `ironpulse context`.
#[derive(Debug, Clone, PartialEq)]
pub struct StrengthContext {
    /// First and last day of the window.
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Every lift with [`MIN_SESSIONS`]+ weeks with an e1RM, as [`lift_trends`] orders them.
    pub lifts: Vec<LiftTrend>,
    /// Weekly working volume of every exercise together.
    pub volume: VolumeTrend,
    /// The lift with the largest e1RM change %, and the one with the smallest (when there are
    /// two or more lifts).
    pub strongest: Option<ExerciseId>,
    pub weakest: Option<ExerciseId>,
}

/// The name of an exercise, or "exercise #id" when it is not in `exercises`.
pub(crate) fn name_of(names: &HashMap<ExerciseId, &Exercise>, id: ExerciseId) -> String {
    names
        .get(&id)
        .map_or_else(|| format!("exercise #{}", id.0), |e| e.name.clone())
}

/// Every non-cardio lift's e1RM trend over the 8 weeks ending `today`, from every exercise
/// session (any order): the lifts with [`MIN_SESSIONS`]+ weeks with an e1RM in the window, the
/// most weeks first (heavier fitted e1RM, then name, break ties). O(n log n).
pub fn lift_trends(
    rows: &[ExerciseSession],
    exercises: &[Exercise],
    deloads: &[DeloadWeek],
    today: NaiveDate,
) -> Vec<LiftTrend> {
    let from = minus_days(today, WINDOW_DAYS - 1);
    let names: HashMap<ExerciseId, &Exercise> = exercises.iter().map(|e| (e.id, e)).collect();
    let mut by_lift: HashMap<ExerciseId, Vec<&ExerciseSession>> = HashMap::new();
    for r in rows.iter().filter(|r| r.date >= from && r.date <= today) {
        let cardio = names
            .get(&r.exercise)
            .is_some_and(|e| e.kind == ExerciseKind::Cardio);
        if !cardio {
            by_lift.entry(r.exercise).or_default().push(r);
        }
    }
    let mut lifts: Vec<LiftTrend> = by_lift
        .into_iter()
        .filter_map(|(id, sessions)| lift_trend(id, &sessions, &names, deloads, today))
        .collect();
    let best = |l: &LiftTrend| l.trend.e1rm.end.kg();
    lifts.sort_by(|a, b| {
        b.trend
            .weeks
            .cmp(&a.trend.weeks)
            .then_with(|| best(b).total_cmp(&best(a)))
            .then_with(|| a.name.cmp(&b.name))
    });
    lifts
}

/// Strength progress over the 8 weeks ending `today` from every exercise session (any order):
/// every lift of [`lift_trends`], the volume of all of them together, and the lifts with the
/// largest and smallest e1RM change. O(n log n).
pub fn strength(
    rows: &[ExerciseSession],
    exercises: &[Exercise],
    deloads: &[DeloadWeek],
    today: NaiveDate,
) -> StrengthContext {
    let from = minus_days(today, WINDOW_DAYS - 1);
    let window: Vec<&ExerciseSession> = rows
        .iter()
        .filter(|r| r.date >= from && r.date <= today)
        .collect();
    let lifts = lift_trends(rows, exercises, deloads, today);
    let by_change = |pick_max: bool| {
        lifts
            .iter()
            .reduce(|a, b| {
                let better = if pick_max {
                    b.trend.change_percent > a.trend.change_percent
                } else {
                    b.trend.change_percent < a.trend.change_percent
                };
                if better { b } else { a }
            })
            .map(|l| l.exercise)
    };
    StrengthContext {
        from,
        to: today,
        strongest: by_change(true),
        weakest: if lifts.len() >= 2 {
            by_change(false)
        } else {
            None
        },
        volume: volume_trend(&window, deloads, today),
        lifts,
    }
}

fn lift_trend(
    id: ExerciseId,
    sessions: &[&ExerciseSession],
    names: &HashMap<ExerciseId, &Exercise>,
    deloads: &[DeloadWeek],
    today: NaiveDate,
) -> Option<LiftTrend> {
    Some(LiftTrend {
        exercise: id,
        name: name_of(names, id),
        trend: E1rmTrend::fit(e1rms(sessions.iter().copied()), deloads, today)?,
        volume: volume_trend(sessions, deloads, today),
    })
}

/// Working volume in the eight 7-day blocks ending `today`, and its trend over the blocks
/// outside `deloads` (a deload week's dip would read as a rise after it).
pub fn volume_trend(
    rows: &[&ExerciseSession],
    deloads: &[DeloadWeek],
    today: NaiveDate,
) -> VolumeTrend {
    let first = minus_days(today, WINDOW_DAYS - 1);
    let mut weeks: Vec<BlockVolume> = (0..WINDOW_WEEKS as u64)
        .map(|k| {
            let from = plus_days(first, 7 * k);
            let to = plus_days(first, 7 * k + 6);
            BlockVolume {
                from,
                to,
                volume_kg: 0.0,
                deload: deloads
                    .iter()
                    .any(|d| d.start <= to && from <= d.last_day()),
            }
        })
        .collect();
    for r in rows.iter().filter(|r| r.date >= first && r.date <= today) {
        let k = usize::try_from((r.date - first).num_days() / 7).unwrap_or(0);
        if let Some(week) = weeks.get_mut(k)
            && r.volume_kg.is_finite()
        {
            week.volume_kg += r.volume_kg;
        }
    }
    let points: Vec<(NaiveDate, f64)> = weeks
        .iter()
        .filter(|w| !w.deload)
        .map(|w| (w.to, w.volume_kg))
        .collect();
    let line = TrendLine::fit(&points);
    let percent_per_month = line.and_then(|l| l.percent_per_month);
    VolumeTrend {
        weeks,
        line,
        percent_per_month,
        direction: percent_per_month.map(|p| Direction::of(p, VOLUME_FLAT_PERCENT_PER_MONTH)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::review::tests_support::{lift, nth};
    use crate::core::workout::exercise::{Equipment, Mechanics};

    fn exercise(id: i64, name: &str, kind: ExerciseKind) -> Exercise {
        Exercise {
            id: ExerciseId(id),
            name: name.to_string(),
            kind,
            equipment: Equipment::Barbell,
            mechanics: Mechanics::Compound,
            muscles: Vec::new(),
            aliases: Vec::new(),
            custom: false,
        }
    }

    fn catalogue() -> Vec<Exercise> {
        vec![
            exercise(1, "Bench Press", ExerciseKind::Strength),
            exercise(2, "Back Squat", ExerciseKind::Strength),
            exercise(3, "Rowing", ExerciseKind::Cardio),
        ]
    }

    #[test]
    fn directions_at_their_thresholds() {
        assert_eq!(Direction::of(0.5, 0.5), Direction::Increasing);
        assert_eq!(Direction::of(0.49, 0.5), Direction::Plateau);
        assert_eq!(Direction::of(-0.49, 0.5), Direction::Plateau);
        assert_eq!(Direction::of(-0.5, 0.5), Direction::Decreasing);
        assert_eq!(Direction::Plateau.label(), "plateau");
    }

    #[test]
    fn e1rm_directions_at_their_thresholds() {
        let t = |t: f64| Some(t);
        assert_eq!(Direction::of_e1rm(0.5, None), Direction::Increasing);
        assert_eq!(Direction::of_e1rm(0.49, t(5.0)), Direction::Plateau);
        // The old ±0.5 rule called this decreasing; it is scatter around flat.
        assert_eq!(Direction::of_e1rm(-0.84, t(-0.7)), Direction::Plateau);
        assert_eq!(Direction::of_e1rm(-2.0, t(-2.0)), Direction::Decreasing);
        assert_eq!(Direction::of_e1rm(-1.99, t(-9.0)), Direction::Plateau);
        assert_eq!(Direction::of_e1rm(-6.0, t(-1.99)), Direction::Plateau);
        assert_eq!(Direction::of_e1rm(-6.0, None), Direction::Plateau);
        assert_eq!(
            Direction::of_e1rm(-6.0, t(f64::NEG_INFINITY)),
            Direction::Decreasing
        );
    }

    /// Weekly bench bests on days 0, 7, …, 49 losing 0.7 kg a week from 100 kg (0.1 kg a day,
    /// −3.04375 %/month), plus `scatter` × (+ − − + + − − +). That pattern sums to zero and is
    /// orthogonal to the weeks, so the fitted line is exactly 100 − 0.1 kg/day and the residual
    /// sum of squares is 8 · scatter².
    fn falling_bench(scatter: f64) -> Vec<ExerciseSession> {
        let signs = [1.0, -1.0, -1.0, 1.0, 1.0, -1.0, -1.0, 1.0];
        (0_u32..)
            .zip(signs)
            .map(|(w, sign)| {
                let e1rm = 100.0 - 0.7 * f64::from(w) + scatter * sign;
                lift(nth(7 * i64::from(w)), 1, e1rm, 3000.0)
            })
            .collect()
    }

    /// The SE of the slope per day for [`falling_bench`]: √(8 s² / (8 − 2) / Sxx), where Sxx over
    /// days 0, 7, …, 49 is 49 · 42 = 2058.
    fn falling_bench_se_per_day(scatter: f64) -> f64 {
        (8.0 * scatter * scatter / 6.0 / 2058.0).sqrt()
    }

    #[test]
    fn a_noisy_three_percent_a_month_fall_is_a_plateau() {
        let rows = falling_bench(3.0);
        let lifts = lift_trends(&rows, &catalogue(), &[], nth(55));
        let [bench] = lifts.as_slice() else {
            panic!("one lift: {lifts:?}")
        };
        assert!((bench.trend.percent_per_month - -3.043_75).abs() < 1e-9);
        // SE 0.07636 kg/day → 2.3242 %/month on 100 kg: t = −1.31, within the scatter.
        let se = falling_bench_se_per_day(3.0) * 30.4375;
        assert!((bench.trend.percent_per_month_se.unwrap() - se).abs() < 1e-9);
        assert!((bench.trend.percent_per_month_se.unwrap() - 2.3242).abs() < 1e-4);
        let t = bench.trend.e1rm.line.t_value().unwrap();
        assert!((t - -0.1 / falling_bench_se_per_day(3.0)).abs() < 1e-9);
        assert!(t > E1RM_FALLING_T);
        assert_eq!(bench.trend.direction, Direction::Plateau);
    }

    #[test]
    fn a_clean_three_percent_a_month_fall_is_decreasing() {
        let rows = falling_bench(0.5);
        let lifts = lift_trends(&rows, &catalogue(), &[], nth(55));
        let [bench] = lifts.as_slice() else {
            panic!("one lift: {lifts:?}")
        };
        assert!((bench.trend.percent_per_month - -3.043_75).abs() < 1e-9);
        // SE 0.012727 kg/day → 0.3874 %/month: t = −7.86, a fall beyond the scatter.
        let se = falling_bench_se_per_day(0.5) * 30.4375;
        assert!((bench.trend.percent_per_month_se.unwrap() - se).abs() < 1e-9);
        assert!((bench.trend.percent_per_month_se.unwrap() - 0.3874).abs() < 1e-4);
        assert!(bench.trend.e1rm.line.t_value().unwrap() < E1RM_FALLING_T);
        assert_eq!(bench.trend.direction, Direction::Decreasing);
        assert_eq!(bench.trend.weeks, 8);
    }

    #[test]
    fn squat_climbs_bench_stalls_and_cardio_is_no_lift() {
        let today = nth(55);
        let mut rows = Vec::new();
        for w in 0..8 {
            let d = nth(7 * w);
            // Squat +2 kg a week (twice a week), bench flat at 100, rowing with a made-up e1RM.
            for x in [7 * w, 7 * w + 3] {
                rows.push(lift(nth(x), 2, 140.0 + 2.0 * x as f64 / 7.0, 4000.0));
            }
            rows.push(lift(d, 1, 100.0, 3000.0 + 100.0 * w as f64));
            rows.push(lift(d, 3, 50.0, 0.0));
        }
        rows.push(lift(nth(-1), 1, 300.0, 9000.0)); // before the window
        let ctx = strength(&rows, &catalogue(), &[], today);
        assert_eq!((ctx.from, ctx.to), (nth(0), nth(55)));
        let names: Vec<&str> = ctx.lifts.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(
            names,
            ["Back Squat", "Bench Press"],
            "heavier first on equal weeks"
        );
        let squat = &ctx.lifts[0];
        assert_eq!(squat.trend.weeks, 8, "each week's best session");
        // The weekly bests are the second sessions (days 3, 10, …): slope 2 kg / 7 days = 8.696 kg
        // a month; on the fitted start 140 + 6/7 kg → 6.17 %/month.
        assert!((squat.trend.e1rm.line.slope_per_day - 2.0 / 7.0).abs() < 1e-9);
        assert!((squat.trend.e1rm.start.kg() - (140.0 + 6.0 / 7.0)).abs() < 1e-9);
        let expected = 2.0 / 7.0 * 30.4375 / (140.0 + 6.0 / 7.0) * 100.0;
        assert!((squat.trend.percent_per_month - expected).abs() < 1e-9);
        assert_eq!(squat.trend.direction, Direction::Increasing);
        let bench = &ctx.lifts[1];
        assert_eq!(bench.trend.direction, Direction::Plateau);
        assert!(bench.trend.change_percent.abs() < 1e-9);
        // Bench volume 3000 … 3700 in blocks 1 to 8: +100 a week on 3000 → 14.5 %/month.
        let v = &bench.volume;
        assert!((v.weeks[0].volume_kg - 3000.0).abs() < 1e-9);
        assert!(
            (v.percent_per_month.unwrap() - 100.0 / 7.0 * 30.4375 / 3000.0 * 100.0).abs() < 1e-9
        );
        assert_eq!(v.direction, Some(Direction::Increasing));
        assert_eq!(squat.volume.direction, Some(Direction::Plateau));
        assert_eq!(
            (ctx.strongest, ctx.weakest),
            (Some(ExerciseId(2)), Some(ExerciseId(1)))
        );
        assert_eq!(lift_trends(&rows, &catalogue(), &[], today), ctx.lifts);
    }

    #[test]
    fn a_deload_week_is_left_out_of_the_volume_trend() {
        // Bench 3000 kg every block, but 1200 in block 4 (days 21–27), a recorded deload week
        // from day 22. With it the line would rise after the dip; without it the volume is flat.
        let today = nth(55);
        let rows: Vec<ExerciseSession> = (0..8)
            .map(|w| {
                let volume = if w == 3 { 1200.0 } else { 3000.0 };
                lift(nth(7 * w + 1), 1, 100.0, volume)
            })
            .collect();
        let deload = DeloadWeek {
            id: crate::core::strength::deload::DeloadId(1),
            start: nth(22),
            end: Some(nth(28)),
            note: String::new(),
        };
        let refs: Vec<&ExerciseSession> = rows.iter().collect();
        let v = volume_trend(&refs, &[deload], today);
        let flags: Vec<bool> = v.weeks.iter().map(|w| w.deload).collect();
        assert_eq!(
            flags,
            [false, false, false, true, true, false, false, false],
            "days 22–28 touch blocks 4 and 5"
        );
        assert!((v.weeks[3].volume_kg - 1200.0).abs() < 1e-9, "still listed");
        assert_eq!(v.line.unwrap().points, 6);
        assert!(v.percent_per_month.unwrap().abs() < 1e-9);
        assert_eq!(v.direction, Some(Direction::Plateau));
        let with_dip = volume_trend(&refs, &[], today);
        assert!(with_dip.percent_per_month.unwrap() > 0.0, "{with_dip:?}");
    }

    #[test]
    fn too_few_sessions_is_no_main_lift() {
        let rows = [lift(nth(0), 1, 100.0, 1.0), lift(nth(7), 1, 101.0, 1.0)];
        let ctx = strength(&rows, &catalogue(), &[], nth(10));
        assert!(ctx.lifts.is_empty());
        assert_eq!((ctx.strongest, ctx.weakest), (None, None));
        assert_eq!(ctx.volume.weeks.len(), 8);
    }
}
