//! Fitness, fatigue and form — the performance management chart (science.md).
//!
//! CTL and ATL are exponentially weighted daily loads with time constants 42 and 7 days, using the
//! exact decay `x_t = x_{t−1}·e^(−1/N) + load_t·(1 − e^(−1/N))` as `GoldenCheetah` and Elevate do
//! (after Banister's impulse-response model; Coggan's CTL/ATL naming). Both start from 0.
//! TSB (form) shown for a day is the previous day's CTL − ATL.

/// Days in the chronic (fitness) time constant.
pub const CTL_DAYS: u32 = 42;
/// Days in the acute (fatigue) time constant.
pub const ATL_DAYS: u32 = 7;

/// One day of the chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PmcDay {
    /// Chronic training load ("fitness") after this day's load.
    pub ctl: f64,
    /// Acute training load ("fatigue") after this day's load.
    pub atl: f64,
    /// Training stress balance ("form"): yesterday's CTL − ATL, so today's load does not count.
    pub tsb: f64,
}

/// Why a chart cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PmcError {
    #[error("fitness and fatigue time constants must be at least 1 day, got {ctl} and {atl}")]
    TimeConstant { ctl: u32, atl: u32 },
}

/// The running state of the chart: feed it one day's load at a time, oldest first.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pmc {
    ctl: f64,
    atl: f64,
    ctl_keep: f64,
    atl_keep: f64,
}

impl Default for Pmc {
    fn default() -> Self {
        Pmc::from_zero(CTL_DAYS, ATL_DAYS)
    }
}

impl Pmc {
    /// A chart with other time constants (days).
    pub fn with_days(ctl_days: u32, atl_days: u32) -> Result<Self, PmcError> {
        if ctl_days == 0 || atl_days == 0 {
            return Err(PmcError::TimeConstant {
                ctl: ctl_days,
                atl: atl_days,
            });
        }
        Ok(Pmc::from_zero(ctl_days, atl_days))
    }

    fn from_zero(ctl_days: u32, atl_days: u32) -> Self {
        Pmc {
            ctl: 0.0,
            atl: 0.0,
            ctl_keep: (-1.0 / f64::from(ctl_days)).exp(),
            atl_keep: (-1.0 / f64::from(atl_days)).exp(),
        }
    }

    /// Advances one day. A negative or non-finite load counts as a rest day (0).
    pub fn step(&mut self, load: f64) -> PmcDay {
        let load = if load.is_finite() { load.max(0.0) } else { 0.0 };
        let tsb = self.ctl - self.atl;
        self.ctl = self.ctl * self.ctl_keep + load * (1.0 - self.ctl_keep);
        self.atl = self.atl * self.atl_keep + load * (1.0 - self.atl_keep);
        PmcDay {
            ctl: self.ctl,
            atl: self.atl,
            tsb,
        }
    }
}

/// The default 42/7-day chart over daily loads, oldest first (rest days as 0).
pub fn series(daily_loads: &[f64]) -> Vec<PmcDay> {
    let mut pmc = Pmc::default();
    daily_loads.iter().map(|&load| pmc.step(load)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn single_hundred_on_day_one_science_md() {
        let days = series(&[100.0, 0.0]);
        assert!((days[0].ctl - 2.3528).abs() < 1e-4);
        assert!((days[0].atl - 13.3122).abs() < 1e-4);
        assert!(
            days[0].tsb.abs() < 1e-12,
            "day 1 form comes from the empty day before"
        );
        assert!((days[1].tsb - (2.3528 - 13.3122)).abs() < 1e-4);
        assert!((days[1].ctl - 2.3528 * (-1.0f64 / 42.0).exp()).abs() < 1e-4);
    }

    #[test]
    fn one_time_constant_of_steady_load_reaches_63_percent() {
        // Exponential response: after N days at a constant load, 1 − e^(−1) = 63.2 % of it.
        let days = series(&[100.0; 42]);
        assert!((days[41].ctl - 63.212).abs() < 1e-3);
        let days = series(&[100.0; 7]);
        assert!((days[6].atl - 63.212).abs() < 1e-3);
    }

    #[test]
    fn bad_loads_count_as_rest_and_time_constants_are_checked() {
        assert_eq!(series(&[f64::NAN, -5.0]), series(&[0.0, 0.0]));
        assert!(Pmc::with_days(0, 7).is_err());
        let mut custom = Pmc::with_days(1, 1).unwrap();
        assert!((custom.step(100.0).ctl - 100.0 * (1.0 - (-1.0f64).exp())).abs() < 1e-9);
    }

    proptest! {
        #[test]
        fn loads_stay_between_zero_and_the_peak(loads in proptest::collection::vec(0.0..500.0f64, 1..200)) {
            let peak = loads.iter().copied().fold(0.0, f64::max);
            for day in series(&loads) {
                prop_assert!(day.ctl >= 0.0 && day.ctl <= peak + 1e-9);
                prop_assert!(day.atl >= 0.0 && day.atl <= peak + 1e-9);
            }
        }
    }
}
