//! How closely the lifter follows a program (programs.md §6): sessions done of those planned,
//! working sets done of those prescribed, and prescribed loads hit within ±2.5 % — per program
//! week and overall — and how far through the program they are.

use std::collections::BTreeMap;

use super::schedule::{CalDay, Status};
use crate::core::units::Weight;

/// A prescribed load counts as hit within this fraction of it.
pub const LOAD_TOLERANCE: f64 = 0.025;

/// One prescribed working set.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub exercise: String,
    pub weight: Option<Weight>,
    pub reps: u16,
}

/// One working set logged (reps ≥ 1).
#[derive(Debug, Clone, PartialEq)]
pub struct Logged {
    pub exercise: String,
    pub weight: Option<Weight>,
    pub reps: u16,
}

/// A day of the program that is due or past: its week, and for a trained day what was
/// prescribed and logged.
#[derive(Debug, Clone, PartialEq)]
pub struct DayRecord {
    pub week: u16,
    pub day: CalDay,
    pub targets: Vec<Target>,
    pub logged: Vec<Logged>,
}

/// Counts over some days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub sessions_planned: u32,
    pub sessions_done: u32,
    pub sets_planned: u32,
    pub sets_done: u32,
    pub loads_planned: u32,
    pub loads_hit: u32,
}

impl Counts {
    /// Sessions done of planned, as a percent (None before any was due).
    pub fn sessions_pct(&self) -> Option<f64> {
        pct(self.sessions_done, self.sessions_planned)
    }

    /// Working sets done of those prescribed on the days due, a missed day's sets counting as
    /// not done (as Phys-Can's dropouts score 0).
    pub fn sets_pct(&self) -> Option<f64> {
        pct(self.sets_done, self.sets_planned)
    }

    /// Prescribed loads hit within ±2.5 %, of the sets done that had one.
    pub fn loads_pct(&self) -> Option<f64> {
        pct(self.loads_hit, self.loads_planned)
    }

    fn add(&mut self, other: Counts) {
        self.sessions_planned += other.sessions_planned;
        self.sessions_done += other.sessions_done;
        self.sets_planned += other.sets_planned;
        self.sets_done += other.sets_done;
        self.loads_planned += other.loads_planned;
        self.loads_hit += other.loads_hit;
    }
}

fn pct(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| f64::from(part) / f64::from(whole) * 100.0)
}

/// Adherence overall and per program week.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Adherence {
    pub overall: Counts,
    pub weeks: Vec<(u16, Counts)>,
}

/// Counts the days due (skipped days count as planned and not done; the waiting marks of a
/// shifted plan are not days of their own). `sets_of_missed(day)` gives a missed day's
/// prescribed working sets.
pub fn adherence(
    days: &[DayRecord],
    mut sets_of_missed: impl FnMut(&DayRecord) -> u32,
) -> Adherence {
    let mut weeks: BTreeMap<u16, Counts> = BTreeMap::new();
    for d in days {
        let c = match d.day.status {
            Status::Done => one_day(d),
            Status::Missed | Status::Skipped => Counts {
                sessions_planned: 1,
                sets_planned: sets_of_missed(d),
                ..Counts::default()
            },
            Status::Shifted | Status::Planned => continue,
        };
        weeks.entry(d.week).or_default().add(c);
    }
    let mut overall = Counts::default();
    for c in weeks.values() {
        overall.add(*c);
    }
    Adherence {
        overall,
        weeks: weeks.into_iter().collect(),
    }
}

/// A trained day: each exercise's logged sets matched in order with its targets.
fn one_day(d: &DayRecord) -> Counts {
    let mut c = Counts {
        sessions_planned: 1,
        sessions_done: 1,
        sets_planned: u32::try_from(d.targets.len()).unwrap_or(u32::MAX),
        ..Counts::default()
    };
    let mut used: BTreeMap<&str, usize> = BTreeMap::new();
    for t in &d.targets {
        let n = used.entry(t.exercise.as_str()).or_default();
        let Some(l) = d.logged.iter().filter(|l| l.exercise == t.exercise).nth(*n) else {
            continue;
        };
        *n += 1;
        c.sets_done += 1;
        if let Some(want) = t.weight.filter(|w| w.kg() > 0.0) {
            c.loads_planned += 1;
            if l.weight.is_some_and(|got| {
                (got.kg() - want.kg()).abs() <= want.kg() * LOAD_TOLERANCE + 1e-9
            }) {
                c.loads_hit += 1;
            }
        }
    }
    c
}

/// How far through: training days done (or passed over) of the program's total, as a percent.
pub fn progress(days: &[CalDay], total: usize) -> Option<f64> {
    let through = days
        .iter()
        .filter(|d| matches!(d.status, Status::Done | Status::Missed | Status::Skipped))
        .count();
    (total > 0).then(|| through as f64 / total as f64 * 100.0)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn day(seq: usize, status: Status) -> CalDay {
        CalDay {
            seq,
            date: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
            status,
            moved_from: None,
        }
    }

    fn kg(v: f64) -> Weight {
        Weight::from_kg(v).unwrap()
    }

    fn target(e: &str, w: f64, reps: u16) -> Target {
        Target {
            exercise: e.into(),
            weight: Some(kg(w)),
            reps,
        }
    }

    fn logged(e: &str, w: f64, reps: u16) -> Logged {
        Logged {
            exercise: e.into(),
            weight: Some(kg(w)),
            reps,
        }
    }

    #[test]
    fn sessions_sets_and_loads_within_two_and_a_half_percent() {
        let trained = DayRecord {
            week: 1,
            day: day(0, Status::Done),
            targets: vec![
                target("Squat", 100.0, 5),
                target("Squat", 100.0, 5),
                target("Squat", 100.0, 5),
                target("Bench Press", 80.0, 5),
                target("Bench Press", 80.0, 5),
            ],
            // Squat: 102.5 (+2.5 %, hit), 97.5 (−2.5 %, hit), 95 (−5 %, missed); bench: one set.
            logged: vec![
                logged("Squat", 102.5, 5),
                logged("Squat", 97.5, 5),
                logged("Squat", 95.0, 5),
                logged("Bench Press", 80.0, 5),
                logged("Curl", 20.0, 10),
            ],
        };
        let missed = DayRecord {
            week: 2,
            day: day(1, Status::Missed),
            targets: vec![],
            logged: vec![],
        };
        let waiting = DayRecord {
            week: 2,
            day: day(2, Status::Shifted),
            targets: vec![],
            logged: vec![],
        };
        let a = adherence(&[trained, missed, waiting], |_| 6);
        assert_eq!(
            a.overall,
            Counts {
                sessions_planned: 2,
                sessions_done: 1,
                sets_planned: 11,
                sets_done: 4,
                loads_planned: 4,
                loads_hit: 3,
            }
        );
        assert_eq!(a.overall.sessions_pct(), Some(50.0));
        assert_eq!(a.overall.loads_pct(), Some(75.0));
        assert_eq!(a.weeks.len(), 2);
        assert_eq!(a.weeks[0].1.sets_pct(), Some(80.0));
        assert_eq!(a.weeks[1].1.sessions_pct(), Some(0.0));
    }

    #[test]
    fn progress_counts_days_through_of_the_total() {
        let days = [
            day(0, Status::Done),
            day(1, Status::Skipped),
            day(2, Status::Planned),
        ];
        assert_eq!(progress(&days, 8), Some(25.0));
        assert_eq!(Counts::default().sessions_pct(), None);
    }
}
