//! Live heart-rate figures, updated in O(1) per sample: zone, time in each zone, average and max,
//! HR-based (TRIMP-normalised) hrTSS and a rolling RMSSD. The TUI and `hr monitor` share it.

use std::time::Duration;

use crate::core::heart::hrv::RollingRmssd;
use crate::core::heart::load::{LiveLoad, LoadParams};
use crate::core::heart::zones::{Zone, ZoneModel};
use crate::core::units::Bpm;

/// RR intervals in the rolling RMSSD window (about a minute at rest).
const RMSSD_WINDOW: usize = 60;

/// Running figures over the samples seen so far.
#[derive(Debug, Clone)]
pub struct Meter {
    zones: ZoneModel,
    load: LiveLoad,
    rmssd: RollingRmssd,
    last_at: Option<Duration>,
    /// Seconds spent in each zone, by `Zone::index`.
    zone_seconds: Vec<f64>,
    /// Sum of bpm × seconds and seconds counted, for the time-weighted average.
    bpm_seconds: f64,
    seconds: f64,
    max: Option<Bpm>,
}

/// The figures after one sample.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading {
    /// The sample's zone (`None` without a valid heart rate).
    pub zone: Option<Zone>,
    /// HR-based (TRIMP-normalised) hrTSS so far; `None` without an LTHR.
    pub hr_tss: Option<f64>,
    /// RMSSD of the last clean RR intervals, once there are two.
    pub rmssd: Option<f64>,
}

impl Meter {
    /// A meter for one session.
    pub fn new(zones: ZoneModel, load: LoadParams) -> Self {
        let zone_count = zones.bands().len();
        Meter {
            zones,
            load: LiveLoad::new(load),
            rmssd: RollingRmssd::new(RMSSD_WINDOW),
            last_at: None,
            zone_seconds: vec![0.0; zone_count],
            bpm_seconds: 0.0,
            seconds: 0.0,
            max: None,
        }
    }

    /// Adds a sample received `at`: its heart rate counts for the time since the previous sample
    /// (capped by [`LiveLoad`], so a silence adds nothing beyond the cap).
    ///
    /// After a gap longer than [`LiveLoad::MAX_SAMPLE_SECONDS`] the RMSSD window starts again:
    /// beats on either side of a gap are not successive.
    pub fn sample(&mut self, at: Duration, bpm: Option<Bpm>, rr_ms: &[f64]) -> Reading {
        if let Some(last) = self.last_at {
            let gap = at.saturating_sub(last).as_secs_f64();
            if let Some(bpm) = bpm {
                self.load.add(bpm, gap);
                // A sample stands for the time since the previous one, capped like the load so a
                // silence adds nothing.
                let counted = gap.min(LiveLoad::MAX_SAMPLE_SECONDS);
                let zone = usize::from(self.zones.zone_of(bpm).index);
                if let Some(slot) = self.zone_seconds.get_mut(zone) {
                    *slot += counted;
                }
                self.bpm_seconds += f64::from(bpm.get()) * counted;
                self.seconds += counted;
            }
            if gap > LiveLoad::MAX_SAMPLE_SECONDS {
                self.rmssd = RollingRmssd::new(RMSSD_WINDOW);
            }
        }
        self.last_at = Some(at);
        if let Some(bpm) = bpm {
            self.max = self.max.max(Some(bpm));
        }
        for &rr in rr_ms {
            self.rmssd.push(rr);
        }
        Reading {
            zone: bpm.map(|bpm| self.zones.zone_of(bpm)),
            hr_tss: self.load.hr_tss(),
            rmssd: self.rmssd.value(),
        }
    }

    /// Seconds in each zone so far, by `Zone::index`.
    pub fn zone_seconds(&self) -> &[f64] {
        &self.zone_seconds
    }

    /// Time-weighted average heart rate so far.
    pub fn average(&self) -> Option<f64> {
        (self.seconds > 0.0).then(|| self.bpm_seconds / self.seconds)
    }

    pub fn max(&self) -> Option<Bpm> {
        self.max
    }

    /// TRIMP so far.
    pub fn trimp(&self) -> f64 {
        self.load.trimp()
    }

    pub fn zones(&self) -> &ZoneModel {
        &self.zones
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::profile::Sex;

    fn bpm(v: u32) -> Bpm {
        Bpm::try_from(v).unwrap()
    }

    #[test]
    fn an_hour_at_lthr_scores_100_and_the_first_sample_counts_nothing() {
        let zones = ZoneModel::karvonen(bpm(50), bpm(190)).unwrap();
        let load = LoadParams::new(bpm(50), bpm(190), Some(bpm(165)), Sex::Male).unwrap();
        let mut meter = Meter::new(zones, load);
        let first = meter.sample(Duration::ZERO, Some(bpm(165)), &[]);
        assert_eq!(first.hr_tss, Some(0.0));
        // 165 bpm is 82 % of HRR: Karvonen Z4.
        assert_eq!(first.zone.map(|z| z.label), Some("Z4"));
        let mut last = first;
        for s in 1..=3600 {
            last = meter.sample(Duration::from_secs(s), Some(bpm(165)), &[]);
        }
        assert!((last.hr_tss.unwrap() - 100.0).abs() < 1e-6);
    }

    #[test]
    fn samples_without_a_heart_rate_keep_the_clock_but_add_no_load() {
        let zones = ZoneModel::karvonen(bpm(60), bpm(190)).unwrap();
        let load = LoadParams::new(bpm(60), bpm(190), None, Sex::Female).unwrap();
        let mut meter = Meter::new(zones, load);
        meter.sample(Duration::ZERO, Some(bpm(150)), &[800.0]);
        let r = meter.sample(Duration::from_secs(1), None, &[810.0]);
        assert_eq!((r.zone, r.hr_tss), (None, None));
        assert!((r.rmssd.unwrap() - 10.0).abs() < 1e-9);
    }

    #[test]
    fn time_in_zones_average_and_max_are_time_weighted() {
        let zones = ZoneModel::karvonen(bpm(50), bpm(190)).unwrap();
        let load = LoadParams::new(bpm(50), bpm(190), Some(bpm(165)), Sex::Male).unwrap();
        let mut meter = Meter::new(zones, load);
        // 60 s at 120 bpm (50 % HRR: Z1), then 30 s at 176 bpm (90 % HRR: Z5).
        for s in 0..=60 {
            meter.sample(Duration::from_secs(s), Some(bpm(120)), &[]);
        }
        for s in 61..=90 {
            meter.sample(Duration::from_secs(s), Some(bpm(176)), &[]);
        }
        let z1 = usize::from(meter.zones().zone_of(bpm(120)).index);
        let z5 = usize::from(meter.zones().zone_of(bpm(176)).index);
        assert!((meter.zone_seconds()[z1] - 60.0).abs() < 1e-9);
        assert!((meter.zone_seconds()[z5] - 30.0).abs() < 1e-9);
        assert!((meter.average().unwrap() - (120.0 * 60.0 + 176.0 * 30.0) / 90.0).abs() < 1e-9);
        assert_eq!(meter.max(), Some(bpm(176)));
    }

    #[test]
    fn a_gap_restarts_the_rmssd_window() {
        let zones = ZoneModel::karvonen(bpm(60), bpm(190)).unwrap();
        let load = LoadParams::new(bpm(60), bpm(190), None, Sex::Male).unwrap();
        let mut meter = Meter::new(zones, load);
        meter.sample(Duration::ZERO, Some(bpm(60)), &[1000.0, 1010.0]);
        // 7 s later at 150 bpm: 400 ms would be an artefact next to 1010 ms, but not after a gap.
        let r = meter.sample(Duration::from_secs(7), Some(bpm(150)), &[400.0]);
        assert_eq!(r.rmssd, None);
        let r = meter.sample(Duration::from_secs(8), Some(bpm(150)), &[406.0]);
        assert!((r.rmssd.unwrap() - 6.0).abs() < 1e-9);
    }
}
