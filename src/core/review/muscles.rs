//! Muscle coverage: working sets per muscle group per week, and the groups left untrained.
//!
//! An exercise with several primary muscles counts its sets for each of them. Muscle names are
//! compared as given (the catalogue spells them one way).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::MuscleSets;
use super::range::Range;
use crate::core::strength::history::week_start;
use crate::core::trend_line::minus_days;

/// A group trained in the last this many days but not lately is reported as untrained.
pub const LOOKBACK_DAYS: u64 = 90;
/// Days without a working set before a group counts as untrained (2 weeks).
pub const UNTRAINED_DAYS: i64 = 14;

/// One muscle group's working sets in each week of the range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MuscleRow {
    pub muscle: String,
    /// One entry per week of [`MuscleWeeks::weeks`].
    pub sets: Vec<u32>,
    /// All the row's sets.
    pub total: u32,
}

/// A table of sets per muscle group (rows) and week (columns).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MuscleWeeks {
    /// The Mondays of every week in range, oldest first (empty weeks included).
    pub weeks: Vec<NaiveDate>,
    /// Groups with any sets in range, the most-trained first (then by name).
    pub rows: Vec<MuscleRow>,
}

/// Working sets per muscle group per week for `range` ending `today`, from rows in any order.
/// For "all" the weeks start at the first row's week. O(n + groups × weeks).
pub fn sets_per_week(rows: &[MuscleSets], range: Range, today: NaiveDate) -> MuscleWeeks {
    let in_range: Vec<&MuscleSets> = rows
        .iter()
        .filter(|r| range.contains(today, r.date) && r.sets > 0)
        .collect();
    let Some(from) = range
        .start(today)
        .or_else(|| in_range.iter().map(|r| r.date).min())
    else {
        return MuscleWeeks {
            weeks: Vec::new(),
            rows: Vec::new(),
        };
    };
    let first = week_start(from);
    let count = usize::try_from((week_start(today) - first).num_days() / 7 + 1).unwrap_or(0);
    let mut table: HashMap<&str, Vec<u32>> = HashMap::new();
    for r in in_range {
        let i = usize::try_from((r.date - first).num_days() / 7).unwrap_or(0);
        for muscle in &r.muscles {
            let row = table
                .entry(muscle.as_str())
                .or_insert_with(|| vec![0; count]);
            if let Some(cell) = row.get_mut(i) {
                *cell += r.sets;
            }
        }
    }
    let mut rows: Vec<MuscleRow> = table
        .into_iter()
        .map(|(muscle, sets)| MuscleRow {
            muscle: muscle.to_string(),
            total: sets.iter().sum(),
            sets,
        })
        .collect();
    rows.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.muscle.cmp(&b.muscle)));
    MuscleWeeks {
        weeks: (0..count)
            .map(|i| first + chrono::Duration::days(7 * i as i64))
            .collect(),
        rows,
    }
}

/// A muscle group not trained lately.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Untrained {
    pub muscle: String,
    /// The last day it had a working set.
    pub last: NaiveDate,
    /// Days from then to today.
    pub days: i64,
}

/// The groups trained in the last 90 days but not in the last 14 (their last working set is
/// 14–90 days ago), the longest untrained first (then by name). O(n + groups log groups).
pub fn untrained(rows: &[MuscleSets], today: NaiveDate) -> Vec<Untrained> {
    let since = minus_days(today, LOOKBACK_DAYS);
    let mut last: HashMap<&str, NaiveDate> = HashMap::new();
    for r in rows
        .iter()
        .filter(|r| r.sets > 0 && r.date <= today && r.date >= since)
    {
        for muscle in &r.muscles {
            let entry = last.entry(muscle.as_str()).or_insert(r.date);
            *entry = (*entry).max(r.date);
        }
    }
    let mut out: Vec<Untrained> = last
        .into_iter()
        .map(|(muscle, last)| Untrained {
            muscle: muscle.to_string(),
            last,
            days: (today - last).num_days(),
        })
        .filter(|u| u.days >= UNTRAINED_DAYS)
        .collect();
    out.sort_by(|a, b| b.days.cmp(&a.days).then_with(|| a.muscle.cmp(&b.muscle)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::review::tests_support::{day, nth};
    use crate::core::workout::exercise::ExerciseId;

    fn row(date: NaiveDate, muscles: &[&str], sets: u32) -> MuscleSets {
        MuscleSets {
            date,
            exercise: ExerciseId(1),
            muscles: muscles.iter().map(|m| (*m).to_string()).collect(),
            sets,
        }
    }

    #[test]
    fn sets_count_for_every_primary_muscle_each_week() {
        let rows = [
            row(day(3), &["chest", "triceps"], 4),
            row(day(5), &["chest"], 3),
            row(day(18), &["quads", "glutes"], 5),
            row(day(18), &["triceps"], 0),
            row(day(26), &["chest"], 9),
        ];
        // Weeks4 ending Wednesday the 25th: 2, 9, 16, 23 June; the 26th is tomorrow.
        let table = sets_per_week(&rows, Range::Weeks4, day(25));
        assert_eq!(table.weeks, [day(2), day(9), day(16), day(23)]);
        let got: Vec<(&str, Vec<u32>, u32)> = table
            .rows
            .iter()
            .map(|r| (r.muscle.as_str(), r.sets.clone(), r.total))
            .collect();
        assert_eq!(
            got,
            [
                ("chest", vec![7, 0, 0, 0], 7),
                ("glutes", vec![0, 0, 5, 0], 5),
                ("quads", vec![0, 0, 5, 0], 5),
                ("triceps", vec![4, 0, 0, 0], 4),
            ]
        );
        let empty = sets_per_week(&[], Range::All, day(25));
        assert!(empty.weeks.is_empty() && empty.rows.is_empty());
    }

    #[test]
    fn untrained_for_two_weeks_among_the_last_ninety_days() {
        let today = nth(100);
        let rows = [
            row(nth(0), &["calves"], 3),      // 100 days ago: out of the lookback
            row(nth(80), &["hamstrings"], 3), // 20 days ago
            row(nth(86), &["chest", "biceps"], 3), // 14 days ago: exactly two weeks
            row(nth(87), &["quads"], 3),      // 13 days ago: fine
            row(nth(95), &["hamstrings"], 0), // no working sets: does not count
        ];
        let got = untrained(&rows, today);
        let names: Vec<(&str, i64)> = got.iter().map(|u| (u.muscle.as_str(), u.days)).collect();
        assert_eq!(names, [("hamstrings", 20), ("biceps", 14), ("chest", 14)]);
        assert_eq!(got[0].last, nth(80));
    }
}
