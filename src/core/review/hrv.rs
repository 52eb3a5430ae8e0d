//! The resting HRV trend: readings over a range, and the latest against its 30-day baseline.
//!
//! Baseline = mean and sample SD (divisor n − 1) of the RMSSD readings in the 30 days before the
//! latest reading's day (that day left out), from at least 5 readings. The latest is "low" when it
//! is more than one SD under the baseline mean (Plews et al. 2013, Sports Med 43:773–781, read
//! HRV against a rolling baseline and its smallest worthwhile change).

use chrono::NaiveDate;

use super::HrvReading;
use super::range::Range;
use crate::core::trend_line::{TrendLine, minus_days};

/// Days before the latest reading that make its baseline.
pub const BASELINE_DAYS: u64 = 30;
/// Readings needed for a baseline.
pub const MIN_BASELINE_READINGS: usize = 5;

/// The mean and spread of the readings before the latest.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HrvBaseline {
    /// First and last day of the window (the 30 days before the latest reading).
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Readings in the window.
    pub readings: usize,
    /// Mean RMSSD, ms.
    pub mean_ms: f64,
    /// Sample standard deviation of RMSSD, ms.
    pub sd_ms: f64,
}

/// What the training-load screen and the HRV insight read.
#[derive(Debug, Clone, PartialEq)]
pub struct HrvTrend {
    /// The readings in range, oldest first.
    pub readings: Vec<HrvReading>,
    /// RMSSD trend over the range's readings (ms); `None` with fewer than two days.
    pub trend: Option<TrendLine>,
    /// The most recent reading up to today (in or before the range).
    pub latest: Option<HrvReading>,
    /// The latest reading's baseline; `None` with fewer than 5 readings before it.
    pub baseline: Option<HrvBaseline>,
    /// `(latest − mean) / SD`: how many SDs the latest sits from its baseline (negative = under);
    /// `None` without a baseline or when the SD is 0.
    pub sds_from_baseline: Option<f64>,
    /// The latest is more than one SD under its baseline mean.
    pub below_baseline: bool,
}

/// The trend of `readings` (any order) for `range` ending `today`. O(n log n).
pub fn hrv_trend(readings: &[HrvReading], range: Range, today: NaiveDate) -> HrvTrend {
    let mut past: Vec<HrvReading> = readings
        .iter()
        .filter(|r| r.date <= today && r.rmssd_ms.is_finite())
        .copied()
        .collect();
    past.sort_by_key(|r| r.date);
    let latest = past.last().copied();
    let baseline = latest.and_then(|l| baseline(&past, l.date));
    let sds_from_baseline = latest
        .zip(baseline)
        .and_then(|(l, b)| (b.sd_ms > 0.0).then(|| (l.rmssd_ms - b.mean_ms) / b.sd_ms));
    let below_baseline = latest
        .zip(baseline)
        .is_some_and(|(l, b)| l.rmssd_ms < b.mean_ms - b.sd_ms);
    let in_range: Vec<HrvReading> = past
        .into_iter()
        .filter(|r| range.contains(today, r.date))
        .collect();
    let points: Vec<(NaiveDate, f64)> = in_range.iter().map(|r| (r.date, r.rmssd_ms)).collect();
    HrvTrend {
        trend: TrendLine::fit(&points),
        readings: in_range,
        latest,
        baseline,
        sds_from_baseline,
        below_baseline,
    }
}

/// The baseline for a reading on `day` from `sorted` readings (oldest first).
fn baseline(sorted: &[HrvReading], day: NaiveDate) -> Option<HrvBaseline> {
    let from = minus_days(day, BASELINE_DAYS);
    let to = minus_days(day, 1);
    let values: Vec<f64> = sorted
        .iter()
        .filter(|r| r.date >= from && r.date <= to)
        .map(|r| r.rmssd_ms)
        .collect();
    if values.len() < MIN_BASELINE_READINGS || from > to {
        return None;
    }
    let n = values.len() as f64;
    let mean_ms = values.iter().sum::<f64>() / n;
    let sd_ms = (values.iter().map(|v| (v - mean_ms).powi(2)).sum::<f64>() / (n - 1.0)).sqrt();
    Some(HrvBaseline {
        from,
        to,
        readings: values.len(),
        mean_ms,
        sd_ms,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::review::tests_support::day;

    fn reading(d: u32, rmssd_ms: f64) -> HrvReading {
        HrvReading {
            date: day(d),
            rmssd_ms,
            sdnn_ms: None,
            beats: 300,
            dropped: 0,
            duration_s: 300,
        }
    }

    #[test]
    fn a_low_morning_against_five_steady_ones() {
        // Baseline 60, 62, 58, 64, 56: mean 60, sample SD √(40 / 4) = 3.1623.
        let mut readings: Vec<HrvReading> = [(1, 60.0), (3, 62.0), (5, 58.0), (7, 64.0), (9, 56.0)]
            .iter()
            .map(|&(d, v)| reading(d, v))
            .collect();
        readings.push(reading(10, 55.0));
        let t = hrv_trend(&readings, Range::All, day(12));
        let b = t.baseline.unwrap();
        assert_eq!(
            (b.readings, b.from, b.to),
            (5, day(10) - chrono::Duration::days(30), day(9))
        );
        assert!((b.mean_ms - 60.0).abs() < 1e-12);
        assert!((b.sd_ms - 10.0_f64.sqrt()).abs() < 1e-12);
        assert_eq!(t.latest.unwrap().date, day(10));
        assert!(t.below_baseline, "55 < 60 − 3.16");
        assert!((t.sds_from_baseline.unwrap() + 5.0 / 10.0_f64.sqrt()).abs() < 1e-12);
        assert_eq!(t.readings.len(), 6);
        assert!(t.trend.is_some());
    }

    #[test]
    fn within_one_sd_or_too_few_readings_is_no_alarm() {
        let mut readings: Vec<HrvReading> = [(1, 60.0), (3, 62.0), (5, 58.0), (7, 64.0), (9, 56.0)]
            .iter()
            .map(|&(d, v)| reading(d, v))
            .collect();
        readings.push(reading(10, 57.0));
        assert!(
            !hrv_trend(&readings, Range::All, day(12)).below_baseline,
            "57 ≥ 56.84"
        );
        readings.remove(0);
        let t = hrv_trend(&readings, Range::All, day(12));
        assert_eq!(
            (t.baseline, t.below_baseline),
            (None, false),
            "four readings"
        );
        assert_eq!(hrv_trend(&[], Range::All, day(12)).latest, None);
    }

    #[test]
    fn the_range_cuts_the_chart_but_not_the_baseline() {
        let readings: Vec<HrvReading> = (1..=20).map(|d| reading(d, 50.0 + f64::from(d))).collect();
        // Weeks4 from 2025-06-16 back to Monday 26 May: every June reading is in range.
        let t = hrv_trend(&readings, Range::Weeks4, day(20));
        assert_eq!(t.readings.len(), 20);
        let t = hrv_trend(&readings, Range::Weeks4, day(19));
        assert_eq!(t.latest.unwrap().date, day(19), "the 20th is tomorrow");
        let line = t.trend.unwrap();
        assert!((line.slope_per_day - 1.0).abs() < 1e-12);
    }
}
