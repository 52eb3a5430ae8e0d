//! Acute:chronic workload ratio from daily loads (science.md).
//!
//! Default: the coupled rolling average, mean of the last 7 days / mean of the last 28 (the
//! acute week is inside the chronic window; Hulin et al. 2016, Br J Sports Med 50:231–236). Option:
//! exponentially weighted averages, Williams et al. (2017), Br J Sports Med 51:209–210, with
//! `λ = 2 / (N + 1)` and `EWMA_t = load_t · λ + (1 − λ) · EWMA_{t−1}`, started from 0.
//! Fewer than 28 days of history gives `None` ("not enough data"), never a number.

/// Days in the acute window.
pub const ACUTE_DAYS: usize = 7;
/// Days in the chronic window; also the history needed before any ratio is shown.
pub const CHRONIC_DAYS: usize = 28;

/// How the two workloads are averaged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Method {
    /// Rolling 7-day mean / 28-day mean, coupled.
    #[default]
    Rolling,
    /// Exponentially weighted moving averages (Williams 2017).
    Ewma,
}

/// Where a ratio sits: < 0.8 under-training, 0.8–1.3 sweet spot, 1.3–1.5 caution, > 1.5 high
/// risk (Gabbett 2016, Br J Sports Med 50:273–280). Bounds: [0.8, 1.3) sweet spot, [1.3, 1.5]
/// caution, so "> 1.5" means strictly above.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Band {
    UnderTraining,
    SweetSpot,
    Caution,
    HighRisk,
}

impl Band {
    /// The band of a ratio.
    pub fn of(ratio: f64) -> Band {
        if ratio < 0.8 {
            Band::UnderTraining
        } else if ratio < 1.3 {
            Band::SweetSpot
        } else if ratio <= 1.5 {
            Band::Caution
        } else {
            Band::HighRisk
        }
    }

    /// How the band reads on screen.
    pub fn label(self) -> &'static str {
        match self {
            Band::UnderTraining => "under-training",
            Band::SweetSpot => "sweet spot",
            Band::Caution => "caution",
            Band::HighRisk => "high risk",
        }
    }
}

/// The ratio for every day of `daily_loads` (oldest first, rest days as 0): `None` for the first
/// 27 days and wherever the chronic load is 0. O(n).
pub fn series(method: Method, daily_loads: &[f64]) -> Vec<Option<f64>> {
    match method {
        Method::Rolling => rolling_series(daily_loads),
        Method::Ewma => ewma_series(daily_loads),
    }
}

/// The ratio on the last day of `daily_loads`, `None` with fewer than 28 days.
pub fn latest(method: Method, daily_loads: &[f64]) -> Option<f64> {
    series(method, daily_loads).last().copied().flatten()
}

fn ratio(acute: f64, chronic: f64) -> Option<f64> {
    (chronic > 0.0).then(|| acute / chronic)
}

fn clean(load: f64) -> f64 {
    if load.is_finite() { load.max(0.0) } else { 0.0 }
}

fn rolling_series(loads: &[f64]) -> Vec<Option<f64>> {
    // Prefix sums: the window sums are differences, O(1) per day.
    let mut prefix = Vec::with_capacity(loads.len() + 1);
    prefix.push(0.0);
    for &load in loads {
        prefix.push(prefix[prefix.len() - 1] + clean(load));
    }
    (1..=loads.len())
        .map(|end| {
            if end < CHRONIC_DAYS {
                return None;
            }
            let acute = (prefix[end] - prefix[end - ACUTE_DAYS]) / ACUTE_DAYS as f64;
            let chronic = (prefix[end] - prefix[end - CHRONIC_DAYS]) / CHRONIC_DAYS as f64;
            ratio(acute, chronic)
        })
        .collect()
}

fn ewma_series(loads: &[f64]) -> Vec<Option<f64>> {
    let lambda = |days: usize| 2.0 / (days as f64 + 1.0);
    let (la, lc) = (lambda(ACUTE_DAYS), lambda(CHRONIC_DAYS));
    let (mut acute, mut chronic) = (0.0, 0.0);
    loads
        .iter()
        .enumerate()
        .map(|(i, &load)| {
            let load = clean(load);
            acute = load * la + (1.0 - la) * acute;
            chronic = load * lc + (1.0 - lc) * chronic;
            if i + 1 < CHRONIC_DAYS {
                None
            } else {
                ratio(acute, chronic)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn fewer_than_28_days_is_not_enough_data_science_md() {
        assert_eq!(latest(Method::Rolling, &[100.0; 27]), None);
        assert_eq!(latest(Method::Ewma, &[100.0; 27]), None);
        assert_eq!(latest(Method::Rolling, &[]), None);
        assert_eq!(
            latest(Method::Rolling, &[0.0; 40]),
            None,
            "no chronic load, no ratio"
        );
    }

    #[test]
    fn steady_load_is_exactly_one_rolling() {
        assert!((latest(Method::Rolling, &[100.0; 28]).unwrap() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn doubling_the_last_week_hulin_2016_coupled() {
        // 21 days at 100 then 7 at 200: acute 200, chronic (2100 + 1400) / 28 = 125 → 1.6.
        let mut loads = vec![100.0; 21];
        loads.extend([200.0; 7]);
        let r = latest(Method::Rolling, &loads).unwrap();
        assert!((r - 1.6).abs() < 1e-12);
        assert_eq!(Band::of(r), Band::HighRisk);
    }

    #[test]
    fn ewma_lambdas_williams_2017() {
        // One day of 100 then rest: acute λa = 2/8 = 0.25, chronic λc = 2/29.
        let mut loads = vec![100.0];
        loads.extend([0.0; 27]);
        let r = latest(Method::Ewma, &loads).unwrap();
        let (la, lc): (f64, f64) = (0.25, 2.0 / 29.0);
        let expected = (100.0 * la * (1.0 - la).powi(27)) / (100.0 * lc * (1.0 - lc).powi(27));
        assert!((r - expected).abs() < 1e-12);
        // Steady load: both averages approach it, the ratio approaches 1 from above.
        let r = latest(Method::Ewma, &[100.0; 200]).unwrap();
        assert!((r - 1.0).abs() < 1e-4);
    }

    #[test]
    fn bands_at_their_bounds_science_md() {
        assert_eq!(Band::of(0.79), Band::UnderTraining);
        assert_eq!(Band::of(0.8), Band::SweetSpot);
        assert_eq!(Band::of(1.29), Band::SweetSpot);
        assert_eq!(Band::of(1.3), Band::Caution);
        assert_eq!(Band::of(1.5), Band::Caution);
        assert_eq!(Band::of(1.51), Band::HighRisk);
        assert_eq!(Band::HighRisk.label(), "high risk");
    }

    proptest! {
        #[test]
        fn rolling_series_matches_the_direct_means(loads in proptest::collection::vec(0.0..300.0f64, 28..80)) {
            let s = series(Method::Rolling, &loads);
            prop_assert_eq!(s.len(), loads.len());
            for (end, value) in s.iter().enumerate().skip(CHRONIC_DAYS - 1) {
                let window = &loads[..=end];
                let mean = |n: usize| window[window.len() - n..].iter().sum::<f64>() / n as f64;
                let direct = ratio(mean(ACUTE_DAYS), mean(CHRONIC_DAYS));
                match (value, direct) {
                    (Some(a), Some(b)) => prop_assert!((a - b).abs() < 1e-9 * b.max(1.0)),
                    (a, b) => prop_assert_eq!(*a, b),
                }
            }
        }
    }
}
