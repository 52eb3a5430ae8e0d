//! What `hr monitor` shows beside each sample: the zone, hrTSS so far and a rolling RMSSD, all
//! from the pure core.

use std::time::Duration;

use ironpulse::core::hrm::Contact;
use ironpulse::core::hrv::RollingRmssd;
use ironpulse::core::load::{LiveLoad, LoadParams};
use ironpulse::core::units::Bpm;
use ironpulse::core::zones::{Zone, ZoneModel};

/// RR intervals in the rolling RMSSD window (about a minute at rest).
const RMSSD_WINDOW: usize = 60;

/// Running figures over the samples seen so far.
#[derive(Debug, Clone)]
pub struct Meter {
    zones: ZoneModel,
    load: LiveLoad,
    rmssd: RollingRmssd,
    last_at: Option<Duration>,
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
        Meter {
            zones,
            load: LiveLoad::new(load),
            rmssd: RollingRmssd::new(RMSSD_WINDOW),
            last_at: None,
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
            }
            if gap > LiveLoad::MAX_SAMPLE_SECONDS {
                self.rmssd = RollingRmssd::new(RMSSD_WINDOW);
            }
        }
        self.last_at = Some(at);
        for &rr in rr_ms {
            self.rmssd.push(rr);
        }
        Reading {
            zone: bpm.map(|bpm| self.zones.zone_of(bpm)),
            hr_tss: self.load.hr_tss(),
            rmssd: self.rmssd.value(),
        }
    }
}

/// Contact as JSON: `true` in contact, `false` not in contact, `null` when the strap can't tell.
pub fn contact_json(contact: Contact) -> Option<bool> {
    match contact {
        Contact::Detected => Some(true),
        Contact::NotDetected => Some(false),
        Contact::NotSupported => None,
    }
}

/// `value` rounded to `digits` decimals, for output.
pub fn round_to(value: f64, digits: i32) -> f64 {
    let scale = 10f64.powi(digits);
    (value * scale).round() / scale
}

#[cfg(test)]
mod tests {
    use super::*;
    use ironpulse::core::profile::Sex;

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

    #[test]
    fn rounding_for_output() {
        assert!((round_to(1_016.601_562_5, 1) - 1_016.6).abs() < 1e-9);
        assert!((round_to(0.035_3, 2) - 0.04).abs() < 1e-12);
    }
}
