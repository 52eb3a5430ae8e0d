//! Training monotony and strain over the last week (Foster 1998, Med Sci Sports Exerc
//! 30:1164–1168): monotony = mean daily load / standard deviation of the daily loads, strain =
//! the week's load × monotony. Rest days count as 0. The SD is over the seven days themselves
//! (population SD, divisor 7): the week is the whole population, not a sample of one.

use chrono::NaiveDate;

use super::DayLoad;
use crate::core::trend_line::minus_days;

/// Days in the monotony window.
pub const MONOTONY_DAYS: usize = 7;

/// Monotony above this is a warning (Foster 1998).
pub const MONOTONY_HIGH: f64 = 2.0;

/// The week's monotony and strain.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Monotony {
    /// First and last day of the week.
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The week's load.
    pub total: f64,
    /// Mean daily load.
    pub mean: f64,
    /// Population standard deviation of the daily loads.
    pub sd: f64,
    /// `mean / sd`.
    pub monotony: f64,
    /// `total × monotony`.
    pub strain: f64,
    /// Some of the week's load was estimated from session RPE.
    pub estimated: bool,
}

/// Monotony and strain over the 7 days ending `today`, from daily loads in date order (days
/// missing from `days` count as rest). `None` when the week has no load or no variation.
pub fn monotony(days: &[DayLoad], today: NaiveDate) -> Option<Monotony> {
    let from = minus_days(today, MONOTONY_DAYS as u64 - 1);
    let week = days
        .iter()
        .rev()
        .skip_while(|d| d.date > today)
        .take_while(|d| d.date >= from);
    let (mut loads, mut estimated) = ([0.0; MONOTONY_DAYS], false);
    for d in week {
        let i = usize::try_from((d.date - from).num_days()).unwrap_or(0);
        loads[i.min(MONOTONY_DAYS - 1)] += d.load;
        estimated |= d.estimated;
    }
    let total: f64 = loads.iter().sum();
    let n = MONOTONY_DAYS as f64;
    let mean = total / n;
    let sd = (loads.iter().map(|l| (l - mean).powi(2)).sum::<f64>() / n).sqrt();
    if total <= 0.0 || sd < 1e-9 {
        return None;
    }
    let monotony = mean / sd;
    Some(Monotony {
        from,
        to: today,
        total,
        mean,
        sd,
        monotony,
        strain: total * monotony,
        estimated,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::review::tests_support::day;

    fn week(loads: &[f64], first: u32) -> Vec<DayLoad> {
        loads
            .iter()
            .enumerate()
            .map(|(i, &load)| DayLoad {
                date: day(first + i as u32),
                load,
                estimated: false,
            })
            .collect()
    }

    #[test]
    fn a_hand_computed_week_foster_1998() {
        // 100, 0, 100, 50, 100, 0, 150 → total 500, mean 500/7 = 71.4286.
        // Squared deviations: 3 × 28.5714² + 2 × 71.4286² + 21.4286² + 78.5714²
        // = 2448.98 + 10204.08 + 459.18 + 6173.47 = 19285.71; / 7 = 2755.10 → SD 52.4890.
        // Monotony 71.4286 / 52.4890 = 1.36083; strain 500 × 1.36083 = 680.41.
        let days = week(&[100.0, 0.0, 100.0, 50.0, 100.0, 0.0, 150.0], 9);
        let m = monotony(&days, day(15)).unwrap();
        assert_eq!((m.from, m.to), (day(9), day(15)));
        assert!((m.total - 500.0).abs() < 1e-9);
        assert!((m.mean - 71.428_571).abs() < 1e-6);
        assert!((m.sd - 52.489_02).abs() < 1e-4);
        assert!((m.monotony - 1.360_83).abs() < 1e-4);
        assert!((m.strain - 680.41).abs() < 0.01);
    }

    #[test]
    fn six_even_days_and_one_rest_is_monotonous() {
        // 6 × 100 and a rest: mean 85.714, SD = √(6 · 14.286² + 85.714²) / 7) = 34.993 → 2.449.
        let days = week(&[100.0, 100.0, 100.0, 0.0, 100.0, 100.0, 100.0], 9);
        let m = monotony(&days, day(15)).unwrap();
        assert!((m.monotony - 6.0_f64.sqrt()).abs() < 1e-9);
        assert!(m.monotony > MONOTONY_HIGH);
        assert!((m.strain - 600.0 * 6.0_f64.sqrt()).abs() < 1e-9);
    }

    #[test]
    fn days_outside_the_week_and_missing_days() {
        // Only the last 7 days count; a short history fills the rest with rest days.
        let days = week(&[500.0, 100.0, 100.0], 13);
        let m = monotony(&days, day(15)).unwrap();
        assert!((m.total - 700.0).abs() < 1e-9);
        let days = week(&[900.0, 100.0, 0.0, 100.0, 0.0, 100.0, 0.0, 100.0], 8);
        assert!((monotony(&days, day(15)).unwrap().total - 400.0).abs() < 1e-9);
    }

    #[test]
    fn no_load_or_no_variation_is_no_figure() {
        assert_eq!(monotony(&week(&[0.0; 7], 9), day(15)), None);
        assert_eq!(monotony(&week(&[80.0; 7], 9), day(15)), None);
        assert_eq!(monotony(&[], day(15)), None);
    }
}
