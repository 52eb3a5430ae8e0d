//! A running program on the calendar: which day of it falls on which date, from the start date,
//! the lifter's training weekdays, pauses, and what they recorded (done, skipped, moved, missed).
//!
//! A day the lifter did not train either waits for them (`Shift`: the plan shifts to the next
//! training day, nothing is lost) or is marked missed and the plan goes on (`Mark`), as they
//! choose. Dates are calendar days, so month ends and clock changes move nothing.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// What happens to a training day that passes untrained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MissedPolicy {
    /// The plan waits: the day moves to the next training day, and the rest after it.
    Shift,
    /// The day is marked missed and the plan keeps its dates.
    Mark,
}

impl MissedPolicy {
    pub fn code(self) -> &'static str {
        match self {
            MissedPolicy::Shift => "shift",
            MissedPolicy::Mark => "mark",
        }
    }

    pub fn from_code(code: &str) -> Option<MissedPolicy> {
        [MissedPolicy::Shift, MissedPolicy::Mark]
            .into_iter()
            .find(|p| p.code() == code)
    }
}

/// How a program was put on the calendar.
#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    pub start: NaiveDate,
    /// Training weekdays (any order; none means every day).
    pub weekdays: Vec<Weekday>,
    pub policy: MissedPolicy,
    /// Training days in the whole program; None: it runs until finished.
    pub total: Option<usize>,
    /// Paused spans: from the first day, up to (not including) the second; an open pause runs on.
    pub pauses: Vec<(NaiveDate, Option<NaiveDate>)>,
}

/// What the lifter recorded for one day of the program (by its index in the program).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Trained on this date.
    Done(NaiveDate),
    /// Skipped on purpose: the day is passed over.
    Skipped,
    /// Moved to this date (the days after it follow).
    Moved(NaiveDate),
    /// Marked missed.
    Missed,
}

/// A day's place and state on the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Done,
    Missed,
    Skipped,
    /// A training day that passed untrained while the plan waited (it moved on to a later date).
    Shifted,
    Planned,
}

/// One day on the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalDay {
    /// Which training day of the program (from 0).
    pub seq: usize,
    pub date: NaiveDate,
    pub status: Status,
    /// Where it stood before the lifter moved it.
    pub moved_from: Option<NaiveDate>,
}

/// The calendar from the start to `until` (inclusive), as of `today`: every day of the program
/// placed, in order. `marks` are by program day; a day's latest mark counts.
pub fn lay_out(
    spec: &Spec,
    marks: &[(usize, Mark)],
    today: NaiveDate,
    until: NaiveDate,
) -> Vec<CalDay> {
    let mut out = Vec::new();
    let mut cursor = next_training_day(spec, spec.start);
    let mut seq = 0;
    while spec.total.is_none_or(|t| seq < t) {
        let mark = marks.iter().rev().find(|(s, _)| *s == seq).map(|(_, m)| *m);
        // A paused plan places nothing new, but a day trained before the pause stays done.
        let Some(c) = cursor.or(match mark {
            Some(Mark::Done(d)) => Some(d),
            _ => None,
        }) else {
            break;
        };
        let done_or_moved_date = match mark {
            Some(Mark::Done(d) | Mark::Moved(d)) => Some(d),
            _ => None,
        };
        if c > until && done_or_moved_date.is_none_or(|d| d > until) {
            break;
        }
        let day = |date, status, moved_from| CalDay {
            seq,
            date,
            status,
            moved_from,
        };
        let place = |out: &mut Vec<CalDay>, from: NaiveDate, moved_from| {
            // A day the plan waits for: each training day it passed, then its new date.
            let mut d = Some(from);
            while let Some(past) = d.filter(|d| *d < today) {
                out.push(CalDay {
                    seq,
                    date: past,
                    status: Status::Shifted,
                    moved_from,
                });
                d = next_training_day(spec, after(past));
            }
            let at = next_training_day(spec, today)?;
            out.push(CalDay {
                seq,
                date: at,
                status: Status::Planned,
                moved_from,
            });
            Some(at)
        };
        let last = match mark {
            Some(Mark::Done(d)) => {
                out.push(day(d, Status::Done, None));
                Some(d)
            }
            Some(Mark::Skipped) => {
                out.push(day(c, Status::Skipped, None));
                Some(c)
            }
            Some(Mark::Missed) => {
                out.push(day(c, Status::Missed, None));
                Some(c)
            }
            Some(Mark::Moved(d)) if d >= today => {
                out.push(day(d, Status::Planned, Some(c)));
                Some(d)
            }
            Some(Mark::Moved(d)) => match spec.policy {
                MissedPolicy::Mark => {
                    out.push(day(d, Status::Missed, Some(c)));
                    Some(d)
                }
                MissedPolicy::Shift => place(&mut out, d, Some(c)),
            },
            None if c < today => match spec.policy {
                MissedPolicy::Mark => {
                    out.push(day(c, Status::Missed, None));
                    Some(c)
                }
                MissedPolicy::Shift => place(&mut out, c, None),
            },
            None => {
                out.push(day(c, Status::Planned, None));
                Some(c)
            }
        };
        let Some(last) = last else { break };
        cursor = next_training_day(spec, after(last));
        seq += 1;
    }
    out
}

fn after(d: NaiveDate) -> NaiveDate {
    d.succ_opt().unwrap_or(d)
}

/// The first training weekday on or after `from`, outside the pauses.
fn next_training_day(spec: &Spec, from: NaiveDate) -> Option<NaiveDate> {
    let mut d = from;
    for _ in 0..(366 * 20) {
        let paused = spec
            .pauses
            .iter()
            .find(|(a, b)| *a <= d && b.is_none_or(|b| d < b));
        match paused {
            Some((_, None)) => return None,
            Some((_, Some(end))) => d = *end,
            None if spec.weekdays.is_empty() || spec.weekdays.contains(&d.weekday()) => {
                return Some(d);
            }
            None => d = d.checked_add_days(Days::new(1))?,
        }
    }
    None
}

/// The day to train today: a planned day dated today, else the first one still waiting from
/// before (a shifted plan), else None (a rest day: see [`next_planned`]).
pub fn due(days: &[CalDay], today: NaiveDate) -> Option<CalDay> {
    days.iter()
        .find(|d| d.status == Status::Planned && d.date <= today)
        .copied()
}

/// The next planned day from `today` on.
pub fn next_planned(days: &[CalDay], today: NaiveDate) -> Option<CalDay> {
    days.iter()
        .find(|d| d.status == Status::Planned && d.date >= today)
        .copied()
}

/// `mon,wed,fri` → the weekdays; None names the word that is not one.
pub fn weekdays(text: &str) -> Result<Vec<Weekday>, String> {
    let mut out = Vec::new();
    for word in text.split(',').map(str::trim).filter(|w| !w.is_empty()) {
        let day = word.parse::<Weekday>().map_err(|_| {
            format!("{word:?} is not a weekday (mon, tue, wed, thu, fri, sat, sun)")
        })?;
        if !out.contains(&day) {
            out.push(day);
        }
    }
    out.sort_by_key(Weekday::num_days_from_monday);
    Ok(out)
}

/// `mon,wed,fri`.
pub fn weekdays_text(days: &[Weekday]) -> String {
    days.iter()
        .map(|d| d.to_string().to_lowercase())
        .collect::<Vec<_>>()
        .join(",")
}

/// The training weekdays a program of `n` days a week gets when none are given: spread over the
/// week (3: Mon, Wed, Fri; 4: Mon, Tue, Thu, Fri; …).
pub fn default_weekdays(n: usize) -> Vec<Weekday> {
    use Weekday::{Fri, Mon, Sat, Sun, Thu, Tue, Wed};
    match n {
        0 | 1 => vec![Mon],
        2 => vec![Mon, Thu],
        3 => vec![Mon, Wed, Fri],
        4 => vec![Mon, Tue, Thu, Fri],
        5 => vec![Mon, Tue, Wed, Fri, Sat],
        6 => vec![Mon, Tue, Wed, Thu, Fri, Sat],
        _ => vec![Mon, Tue, Wed, Thu, Fri, Sat, Sun],
    }
}

#[cfg(test)]
mod tests;
