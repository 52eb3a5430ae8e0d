//! What a program asks of the lifter: how long a day takes, the order of a superset's sets, and
//! each week's volume and intensity (the waves a preview draws).

use std::collections::BTreeMap;

use super::plan::{DayPlan, Lifter, PlannedLine};
use crate::core::strength::e1rm;

/// Per set: setup seconds, seconds per rep, and the rest after it when the line gives none
/// (programs.md §1, Liftosaur's estimate: 20 s + 7 s a rep + the rest).
pub const SETUP_S: u32 = 20;
pub const PER_REP_S: u32 = 7;
pub const DEFAULT_REST_S: u32 = 120;
/// The rest after a warm-up set (ironpulse's own figure: a plate change and a breath).
pub const WARMUP_REST_S: u32 = 60;

/// Seconds a line takes: every set's setup, reps (an AMRAP at its minimum) and rest.
pub fn line_seconds(line: &PlannedLine) -> u32 {
    let rest = line.rest.unwrap_or(DEFAULT_REST_S);
    line.sets
        .iter()
        .map(|s| {
            let after = if s.warmup {
                WARMUP_REST_S.min(rest)
            } else {
                rest
            };
            SETUP_S + PER_REP_S * u32::from(s.reps.min) + after
        })
        .sum()
}

/// Seconds a day takes.
pub fn day_seconds(day: &DayPlan) -> u32 {
    day.lines.iter().map(line_seconds).sum()
}

/// The order a superset's members are done in, given each one's set count: in turns, a member
/// out of sets dropping out (programs.md §7 #36: 4, 2 and 3 sets → 1 2 3 1 2 3 1 3 1).
pub fn superset_order(counts: &[usize]) -> Vec<usize> {
    let mut left = counts.to_vec();
    let mut order = Vec::new();
    while left.iter().any(|&n| n > 0) {
        for (i, n) in left.iter_mut().enumerate() {
            if *n > 0 {
                *n -= 1;
                order.push(i);
            }
        }
    }
    order
}

/// One week's work.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WeekLoad {
    pub week: u16,
    /// Working sets.
    pub sets: u32,
    /// Working reps × load, in kilograms (AMRAPs at their minimum).
    pub tonnage_kg: f64,
    /// Mean load of the working sets as a percent of the lift's 1RM at the time: the lifter's
    /// max, or the e1RM of the heaviest work prescribed so far if that is more (so a linear
    /// program's climb reads as the lifter getting stronger, not as lifting over their max).
    /// None when no set has a known max.
    pub intensity: Option<f64>,
    pub deload: bool,
}

/// Each week's load, in week order (`days` in the order they are trained).
pub fn weekly(days: &[&DayPlan], lifter: &Lifter) -> Vec<WeekLoad> {
    let mut weeks: BTreeMap<u16, (WeekLoad, f64, u32)> = BTreeMap::new();
    let mut best: BTreeMap<&str, f64> = BTreeMap::new();
    for day in days {
        let (w, pct_sum, pct_n) = weeks.entry(day.at.week).or_insert_with(|| {
            (
                WeekLoad {
                    week: day.at.week,
                    ..WeekLoad::default()
                },
                0.0,
                0,
            )
        });
        w.deload |= day.deload;
        for line in &day.lines {
            let Some(max) = lifter.max(&line.exercise).filter(|m| m.kg() > 0.0) else {
                for s in line.working() {
                    w.sets += 1;
                    w.tonnage_kg += s.weight.map_or(0.0, |l| l.kg() * f64::from(s.reps.min));
                }
                continue;
            };
            let now = best.entry(line.exercise.as_str()).or_insert(max.kg());
            for s in line.working() {
                if let Some(e) = s
                    .weight
                    .and_then(|l| e1rm::estimate(l, s.reps.min, None, None))
                {
                    *now = now.max(e.kg());
                }
            }
            for s in line.working() {
                w.sets += 1;
                if let Some(load) = s.weight {
                    w.tonnage_kg += load.kg() * f64::from(s.reps.min);
                    *pct_sum += load.kg() / *now * 100.0;
                    *pct_n += 1;
                }
            }
        }
    }
    weeks
        .into_values()
        .map(|(mut w, sum, n)| {
            w.intensity = (n > 0).then(|| sum / f64::from(n));
            w
        })
        .collect()
}

/// Working sets per muscle over `days` (a week): the lift's first muscle counts a whole set,
/// the others half (programs.md §6), most first.
pub fn muscle_sets(days: &[&DayPlan], lifter: &Lifter) -> Vec<(String, f64)> {
    let mut sets: BTreeMap<String, f64> = BTreeMap::new();
    for line in days.iter().flat_map(|d| &d.lines) {
        let n = line.working().count() as f64;
        let Some(lift) = lifter.lift(&line.exercise) else {
            continue;
        };
        for (i, m) in lift.muscles.iter().enumerate() {
            *sets.entry(m.clone()).or_default() += if i == 0 { n } else { n / 2.0 };
        }
    }
    let mut out: Vec<(String, f64)> = sets.into_iter().collect();
    out.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}
