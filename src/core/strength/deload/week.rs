//! A deload as a stretch of the calendar: the plan's length and volume cut, a recorded deload
//! week and where a day falls in it. What the review and the coaching need of a deload, apart
//! from the signals that recommend one.

use chrono::{Days, NaiveDate};

/// The deload itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeloadPlan {
    pub volume_cut_percent: u8,
    pub days: u16,
}

/// The science.md deload: 40 % less volume for 7 days.
pub const PLAN: DeloadPlan = DeloadPlan {
    volume_cut_percent: 40,
    days: 7,
};

/// Row id of a recorded deload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DeloadId(pub i64);

/// A deload the lifter took: from `start` to `end` inclusive (`None` while it runs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeloadWeek {
    pub id: DeloadId,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    pub note: String,
}

impl DeloadWeek {
    /// The last day it covers: its end, or the planned length from its start while it runs.
    pub fn last_day(&self) -> NaiveDate {
        self.end.unwrap_or_else(|| {
            self.start
                .checked_add_days(Days::new(u64::from(PLAN.days) - 1))
                .unwrap_or(self.start)
        })
    }

    /// Whether `date` falls inside it.
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.last_day()
    }

    /// Where `today` falls in it ("day 3 of 7, until Thu 27 Nov"); `None` outside it.
    pub fn day_of(&self, today: NaiveDate) -> Option<DeloadDay> {
        let count = |to: NaiveDate| u32::try_from((to - self.start).num_days() + 1).unwrap_or(0);
        self.covers(today).then(|| DeloadDay {
            day: count(today),
            days: count(self.last_day()),
            last: self.last_day(),
        })
    }
}

/// A day inside a recorded deload: its number, the deload's length and its last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeloadDay {
    /// 1 on the first day.
    pub day: u32,
    pub days: u32,
    pub last: NaiveDate,
}

impl DeloadDay {
    /// "day 3 of 7, until Thu 27 Nov".
    pub fn describe(&self) -> String {
        format!(
            "day {} of {}, until {}",
            self.day,
            self.days,
            self.last.format("%a %-d %b")
        )
    }
}
