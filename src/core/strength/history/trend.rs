//! The e1RM trend of a lift, session by session or week by week.

use std::collections::BTreeMap;

use chrono::{Datelike as _, Days, NaiveDate};

use crate::core::strength::deload::E1rmPoint;

/// How an e1RM trend is grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TrendBy {
    /// One point per session: its best e1RM.
    #[default]
    Session,
    /// One point per week (Monday to Sunday), dated by its Monday: the week's best e1RM.
    Week,
}

/// The Monday of the week `date` falls in.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    date.checked_sub_days(Days::new(u64::from(date.weekday().num_days_from_monday())))
        .unwrap_or(date)
}

/// The best e1RM of each week in `points` (any order), dated by the week's Monday, oldest first.
pub fn weekly_best(points: &[E1rmPoint]) -> Vec<E1rmPoint> {
    let mut weeks: BTreeMap<NaiveDate, E1rmPoint> = BTreeMap::new();
    for p in points {
        let monday = week_start(p.date);
        weeks
            .entry(monday)
            .and_modify(|best| {
                if p.e1rm.kg() > best.e1rm.kg() {
                    best.e1rm = p.e1rm;
                }
            })
            .or_insert(E1rmPoint {
                date: monday,
                e1rm: p.e1rm,
            });
    }
    weeks.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::units::Weight;

    fn day(d: u32) -> NaiveDate {
        // June 2025: the 2nd, 9th, 16th are Mondays.
        NaiveDate::from_ymd_opt(2025, 6, d).unwrap()
    }

    fn point(d: u32, kg: f64) -> E1rmPoint {
        E1rmPoint {
            date: day(d),
            e1rm: Weight::from_kg(kg).unwrap(),
        }
    }

    #[test]
    fn weeks_start_on_monday() {
        assert_eq!(week_start(day(2)), day(2));
        assert_eq!(
            week_start(day(8)),
            day(2),
            "Sunday belongs to the week before"
        );
        assert_eq!(week_start(day(11)), day(9));
    }

    #[test]
    fn the_best_of_each_week_oldest_first() {
        let points = [
            point(12, 120.0),
            point(3, 110.0),
            point(5, 115.0),
            point(9, 118.0),
            point(20, 119.0),
        ];
        assert_eq!(
            weekly_best(&points),
            [point(2, 115.0), point(9, 120.0), point(16, 119.0)]
        );
        assert!(weekly_best(&[]).is_empty());
    }
}
