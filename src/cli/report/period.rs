//! The days a report covers, from `--since` and `--until`, and dates typed on the command line.

use chrono::{Days, NaiveDate};

/// Days in the default period: the last 4 weeks, today included.
pub(crate) const DEFAULT_DAYS: u64 = 28;

/// The days a report covers, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Period {
    pub(crate) since: NaiveDate,
    pub(crate) until: NaiveDate,
}

impl Period {
    /// The period from the typed `--since` and `--until`: `until` defaults to `today`, `since`
    /// to the [`DEFAULT_DAYS`] ending `until`. A malformed date, or `since` after `until`, is a
    /// one-line message.
    pub(crate) fn parse(
        since: Option<&str>,
        until: Option<&str>,
        today: NaiveDate,
    ) -> Result<Period, String> {
        let until = until.map_or(Ok(today), |text| parse_date("--until", text))?;
        let since = match since {
            Some(text) => parse_date("--since", text)?,
            None => until
                .checked_sub_days(Days::new(DEFAULT_DAYS - 1))
                .unwrap_or(until),
        };
        if since > until {
            return Err(format!(
                "--since {since} is after --until {until}; the period must run forwards"
            ));
        }
        Ok(Period { since, until })
    }

    /// Days in the period, both ends counted.
    pub(crate) fn days(self) -> i64 {
        (self.until - self.since).num_days() + 1
    }

    /// Whether `date` falls in the period.
    pub(crate) fn contains(self, date: NaiveDate) -> bool {
        (self.since..=self.until).contains(&date)
    }
}

/// A date typed after `flag`, as YYYY-MM-DD.
pub(crate) fn parse_date(flag: &str, text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        format!("{flag} {text:?} is not a date; write it as YYYY-MM-DD, e.g. 2026-11-01")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_default_is_the_28_days_ending_today() {
        let p = Period::parse(None, None, day(2026, 11, 21)).unwrap();
        assert_eq!((p.since, p.until), (day(2026, 10, 25), day(2026, 11, 21)));
        assert_eq!(p.days(), 28);
        assert!(p.contains(day(2026, 10, 25)) && p.contains(day(2026, 11, 21)));
        assert!(!p.contains(day(2026, 10, 24)) && !p.contains(day(2026, 11, 22)));
    }

    #[test]
    fn since_defaults_from_until_and_both_may_be_given() {
        let p = Period::parse(None, Some("2026-03-31"), day(2026, 11, 21)).unwrap();
        assert_eq!((p.since, p.until), (day(2026, 3, 4), day(2026, 3, 31)));
        let p = Period::parse(Some(" 2026-01-01"), Some("2026-01-01"), day(2026, 11, 21)).unwrap();
        assert_eq!(p.days(), 1);
    }

    #[test]
    fn bad_dates_and_backwards_periods_are_one_line() {
        let today = day(2026, 11, 21);
        let err = Period::parse(Some("2026-13-01"), None, today).unwrap_err();
        assert_eq!(
            err,
            "--since \"2026-13-01\" is not a date; write it as YYYY-MM-DD, e.g. 2026-11-01"
        );
        assert!(Period::parse(None, Some("21/11/2026"), today).is_err());
        let err = Period::parse(Some("2026-11-02"), Some("2026-11-01"), today).unwrap_err();
        assert_eq!(
            err,
            "--since 2026-11-02 is after --until 2026-11-01; the period must run forwards"
        );
        assert!(!err.contains('\n'));
    }
}
