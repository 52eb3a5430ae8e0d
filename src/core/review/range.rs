//! The time span a review chart shows: 4 weeks, 12 weeks, 6 months, a year, or everything.

use chrono::{Days, Months, NaiveDate};

use crate::core::strength::history::week_start;

/// The span of a review chart, ending today. Every bounded range starts on a Monday so that
/// each week in it is whole (the current week runs up to today).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Range {
    /// This week and the 3 before.
    Weeks4,
    /// This week and the 11 before (the default).
    #[default]
    Weeks12,
    /// From the Monday of the week 6 months ago.
    Months6,
    /// From the Monday of the week a year ago.
    Year1,
    /// Everything on record.
    All,
}

impl Range {
    /// Every range, shortest first: the order the range switch cycles through.
    pub const ALL: [Range; 5] = [
        Range::Weeks4,
        Range::Weeks12,
        Range::Months6,
        Range::Year1,
        Range::All,
    ];

    /// How the range reads on screen: "4 w", "12 w", "6 m", "1 y", "all".
    pub fn label(self) -> &'static str {
        match self {
            Range::Weeks4 => "4 w",
            Range::Weeks12 => "12 w",
            Range::Months6 => "6 m",
            Range::Year1 => "1 y",
            Range::All => "all",
        }
    }

    /// The code the command line takes: "4w", "12w", "6m", "1y", "all".
    pub fn code(self) -> &'static str {
        match self {
            Range::Weeks4 => "4w",
            Range::Weeks12 => "12w",
            Range::Months6 => "6m",
            Range::Year1 => "1y",
            Range::All => "all",
        }
    }

    /// The range for a command-line code (case and surrounding spaces ignored).
    pub fn from_code(code: &str) -> Option<Range> {
        let code = code.trim().to_ascii_lowercase();
        Range::ALL.into_iter().find(|r| r.code() == code)
    }

    fn position(self) -> usize {
        Range::ALL.iter().position(|&r| r == self).unwrap_or(0)
    }

    /// The next longer range; after "all" comes "4 w" again.
    #[must_use]
    pub fn next(self) -> Range {
        Range::ALL[(self.position() + 1) % Range::ALL.len()]
    }

    /// The next shorter range; before "4 w" comes "all".
    #[must_use]
    pub fn prev(self) -> Range {
        Range::ALL[(self.position() + Range::ALL.len() - 1) % Range::ALL.len()]
    }

    /// The first day of the range ending `today` (a Monday); `None` for "all".
    pub fn start(self, today: NaiveDate) -> Option<NaiveDate> {
        let weeks_back = |weeks: u64| week_start(today).checked_sub_days(Days::new(7 * weeks));
        let months_back = |months: u32| {
            today
                .checked_sub_months(Months::new(months))
                .map(week_start)
        };
        match self {
            Range::Weeks4 => weeks_back(3),
            Range::Weeks12 => weeks_back(11),
            Range::Months6 => months_back(6),
            Range::Year1 => months_back(12),
            Range::All => None,
        }
    }

    /// Whether `date` falls in the range ending `today` (future days never do).
    pub fn contains(self, today: NaiveDate, date: NaiveDate) -> bool {
        date <= today && self.start(today).is_none_or(|start| date >= start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn codes_and_labels_round_trip() {
        let labels: Vec<&str> = Range::ALL.iter().map(|r| r.label()).collect();
        assert_eq!(labels, ["4 w", "12 w", "6 m", "1 y", "all"]);
        for range in Range::ALL {
            assert_eq!(Range::from_code(range.code()), Some(range));
        }
        assert_eq!(Range::from_code(" 6M "), Some(Range::Months6));
        assert_eq!(Range::from_code("3w"), None);
        assert_eq!(Range::default(), Range::Weeks12);
    }

    #[test]
    fn next_and_prev_wrap() {
        assert_eq!(Range::Weeks4.next(), Range::Weeks12);
        assert_eq!(Range::All.next(), Range::Weeks4);
        assert_eq!(Range::Weeks4.prev(), Range::All);
        for range in Range::ALL {
            assert_eq!(range.next().prev(), range);
        }
    }

    #[test]
    fn ranges_start_on_the_monday_of_their_first_week() {
        // Thursday 2025-06-19; its week starts Monday the 16th.
        let today = day(2025, 6, 19);
        assert_eq!(Range::Weeks4.start(today), Some(day(2025, 5, 26)));
        assert_eq!(Range::Weeks12.start(today), Some(day(2025, 3, 31)));
        // 2024-12-19 is a Thursday → Monday the 16th.
        assert_eq!(Range::Months6.start(today), Some(day(2024, 12, 16)));
        // 2024-06-19 is a Wednesday → Monday the 17th.
        assert_eq!(Range::Year1.start(today), Some(day(2024, 6, 17)));
        assert_eq!(Range::All.start(today), None);
        assert!(Range::Weeks4.contains(today, day(2025, 5, 26)));
        assert!(!Range::Weeks4.contains(today, day(2025, 5, 25)));
        assert!(!Range::All.contains(today, day(2025, 6, 20)), "the future");
        assert!(Range::All.contains(today, day(1990, 1, 1)));
    }
}
