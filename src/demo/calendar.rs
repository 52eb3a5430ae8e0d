//! When the demo lifter trains: which weeks are normal, deload or skipped, and at what time of
//! day each session starts.

use chrono::{DateTime, Datelike as _, Days, NaiveDate, NaiveTime, Utc, Weekday};

use crate::core::rng::Rng;

/// What kind of week it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeekKind {
    Normal,
    /// The program's deload week: lighter loads and fewer sets.
    Deload,
    /// Holiday or illness: no training at all.
    Skipped,
}

/// One week of the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Week {
    pub kind: WeekKind,
    /// A busy or stressful stretch of life: training goes on but strength stalls.
    pub stressed: bool,
    /// Training weeks since the last deload or break (fatigue builds up with them).
    pub since_deload: u32,
}

/// Decides week after week whether life lets the lifter train: the odd week off (most
/// Christmases), stressful stretches, and how long since they last eased off.
#[derive(Debug, Clone)]
pub struct Calendar {
    since_deload: u32,
    stress_left: u32,
    weeks: u32,
}

impl Calendar {
    pub fn new() -> Calendar {
        Calendar {
            since_deload: 0,
            stress_left: 0,
            weeks: 0,
        }
    }

    /// The week starting on `monday`; `deload` when the program eases off in it.
    pub fn week(&mut self, monday: NaiveDate, deload: bool, rng: &mut Rng) -> Week {
        self.weeks += 1;
        let stressed = if self.stress_left > 0 {
            self.stress_left -= 1;
            true
        } else if rng.chance(0.025) {
            self.stress_left = rng.inclusive(2, 5);
            true
        } else {
            false
        };
        let christmas = (0..7)
            .filter_map(|d| monday.checked_add_days(Days::new(d)))
            .any(|d| d.month() == 12 && d.day() == 25);
        let skipped = self.weeks > 4
            && if christmas {
                rng.chance(0.6)
            } else {
                rng.chance(0.02)
            };
        let kind = if skipped {
            self.since_deload = 0;
            WeekKind::Skipped
        } else if deload {
            self.since_deload = 0;
            WeekKind::Deload
        } else {
            self.since_deload += 1;
            WeekKind::Normal
        };
        Week {
            kind,
            stressed,
            since_deload: self.since_deload,
        }
    }
}

/// When the lifter usually trains, in minutes after midnight (UTC, as the log stores it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Habits {
    after_work: f64,
    weekend: f64,
}

impl Habits {
    /// An after-work lifter (17:15–18:45) who trains mid-morning on Saturdays.
    pub fn new(rng: &mut Rng) -> Habits {
        Habits {
            after_work: rng.between(17.25 * 60.0, 18.75 * 60.0),
            weekend: rng.between(9.0 * 60.0, 11.0 * 60.0),
        }
    }

    /// When the session on `date` starts: around the habit, now and then early in the morning.
    pub fn start(&self, date: NaiveDate, rng: &mut Rng) -> DateTime<Utc> {
        let minutes = match date.weekday() {
            Weekday::Sat | Weekday::Sun => rng.normal(self.weekend, 30.0),
            _ if rng.chance(0.08) => rng.normal(6.5 * 60.0, 10.0),
            _ => rng.normal(self.after_work, 20.0),
        };
        let seconds = (minutes.clamp(5.5 * 60.0, 21.0 * 60.0) * 60.0) as u32 + rng.below(60) as u32;
        let time =
            NaiveTime::from_num_seconds_from_midnight_opt(seconds, 0).unwrap_or(NaiveTime::MIN);
        date.and_time(time).and_utc()
    }
}

/// The Monday `weeks` weeks before the Monday of the week containing `today`.
pub fn first_monday(today: DateTime<Utc>, weeks: u32) -> NaiveDate {
    let date = today.date_naive();
    let back = u64::from(date.weekday().num_days_from_monday()) + 7 * u64::from(weeks);
    date.checked_sub_days(Days::new(back))
        .unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Timelike as _;

    #[test]
    fn the_first_monday_is_a_monday_whole_weeks_back() {
        let today = DateTime::parse_from_rfc3339("2026-11-21T15:00:00Z")
            .unwrap()
            .to_utc(); // a Saturday
        let monday = first_monday(today, 52);
        assert_eq!(monday.weekday(), Weekday::Mon);
        assert_eq!(monday, NaiveDate::from_ymd_opt(2025, 11, 17).unwrap());
        assert_eq!(
            first_monday(today, 0),
            NaiveDate::from_ymd_opt(2026, 11, 16).unwrap()
        );
    }

    #[test]
    fn weeks_off_come_a_few_times_a_year_deloads_when_the_program_says() {
        let mut rng = Rng::new(5);
        let mut calendar = Calendar::new();
        let mut monday = NaiveDate::from_ymd_opt(2020, 1, 6).unwrap();
        let (mut skipped, mut christmas_off, mut stressed) = (0, 0, 0);
        for n in 0..520 {
            let deload = n % 4 == 3;
            let week = calendar.week(monday, deload, &mut rng);
            match week.kind {
                WeekKind::Normal => assert!(!deload && week.since_deload > 0),
                WeekKind::Deload => assert!(deload && week.since_deload == 0),
                WeekKind::Skipped => {
                    skipped += 1;
                    let sunday = monday + Days::new(6);
                    christmas_off += u32::from(sunday.month() == 12 && sunday.day() >= 25);
                }
            }
            stressed += u32::from(week.stressed);
            monday = monday + Days::new(7);
        }
        assert!(
            (8..=30).contains(&skipped),
            "{skipped} weeks off in ten years"
        );
        assert!(christmas_off >= 3, "{christmas_off} Christmases off");
        assert!((20..=120).contains(&stressed), "{stressed} stressful weeks");
    }

    #[test]
    fn sessions_start_at_plausible_times() {
        let mut rng = Rng::new(11);
        let habits = Habits::new(&mut rng);
        let monday = NaiveDate::from_ymd_opt(2024, 3, 4).unwrap();
        for day in [0, 1, 3, 4, 5] {
            for _ in 0..200 {
                let start = habits.start(monday + Days::new(day), &mut rng);
                let hour = start.hour();
                assert_eq!(start.date_naive(), monday + Days::new(day));
                if day == 5 {
                    assert!((7..=12).contains(&hour), "Saturday at {start}");
                } else {
                    assert!(
                        (5..=7).contains(&hour) || (15..=20).contains(&hour),
                        "weekday at {start}"
                    );
                }
            }
        }
    }
}
