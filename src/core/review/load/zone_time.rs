//! Time in heart-rate zones over many sessions, and polarisation: the share of time at low
//! versus high intensity.
//!
//! Polarisation splits by the zone a label names, not by index, so Karvonen and Friel sessions
//! agree: low = Z1–Z2, high = Z3 and up. Karvonen's zone 0 (under 50 % of heart-rate reserve: not
//! training) is left out. Friel's tables have no zone 0; their Z1 is index 0. The 80/20 model
//! (Seiler 2010, Int J Sports Physiol Perform 5:276–291) asks for about 80 % low.

use super::super::HrTotals;
use crate::core::heart::summary::ZONE_SLOTS;
use crate::core::heart::zones::{Sport, ZoneModel};
use crate::core::profile::ZoneKind;
use crate::core::units::Bpm;

/// Seconds at low and high intensity, and the shares.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Polarisation {
    /// Seconds in Z1–Z2.
    pub low_seconds: u64,
    /// Seconds in Z3 and up.
    pub high_seconds: u64,
    /// `low / (low + high)` as a percentage.
    pub low_percent: f64,
    /// `high / (low + high)` as a percentage.
    pub high_percent: f64,
}

impl Polarisation {
    /// The split of `low` and `high` seconds; `None` when both are 0.
    pub fn of(low_seconds: u64, high_seconds: u64) -> Option<Polarisation> {
        let total = low_seconds + high_seconds;
        (total > 0).then(|| Polarisation {
            low_seconds,
            high_seconds,
            low_percent: low_seconds as f64 / total as f64 * 100.0,
            high_percent: high_seconds as f64 / total as f64 * 100.0,
        })
    }

    /// Seconds in zones 1 and up (what the split is over).
    pub fn seconds(&self) -> u64 {
        self.low_seconds + self.high_seconds
    }
}

/// Index of the first "high" zone (Z3) in a model; the first "low" (Z1) is one less than Z2.
fn first_low_and_high(kind: ZoneKind) -> (usize, usize) {
    match kind {
        ZoneKind::Karvonen => (1, 3),
        ZoneKind::FrielRun | ZoneKind::FrielBike => (0, 2),
    }
}

/// Low (Z1–Z2) and high (Z3 and up) seconds of one session's zone seconds.
pub fn split(kind: ZoneKind, zone_seconds: &[u32; ZONE_SLOTS]) -> (u64, u64) {
    let (low, high) = first_low_and_high(kind);
    let sum = |r: std::ops::Range<usize>| zone_seconds[r].iter().map(|&s| u64::from(s)).sum();
    (sum(low..high), sum(high..ZONE_SLOTS))
}

/// The zone labels of a model by index: Karvonen Z0–Z5, Friel Z1 … Z5c.
pub fn zone_labels(kind: ZoneKind) -> Vec<&'static str> {
    // The labels do not depend on the anchors; any valid ones will do.
    let model = match kind {
        ZoneKind::Karvonen => ZoneModel::karvonen(Bpm::saturating(60.0), Bpm::saturating(180.0)),
        ZoneKind::FrielRun => Ok(ZoneModel::lthr(Bpm::saturating(160.0), Sport::Run)),
        ZoneKind::FrielBike => Ok(ZoneModel::lthr(Bpm::saturating(160.0), Sport::Bike)),
    };
    model
        .map(|m| m.bands().iter().map(|b| b.zone.label).collect())
        .unwrap_or_default()
}

/// Time in zones summed over sessions, by zone index.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ZoneTime {
    /// Seconds per zone index. With mixed models an index may mean different zones.
    pub seconds: [u64; ZONE_SLOTS],
    /// The zone model of most of the time; `None` without heart rate.
    pub model: Option<ZoneKind>,
    /// Sessions used more than one zone model: the seconds are grouped by index anyway.
    pub mixed_models: bool,
    /// Low vs high over the same sessions; `None` without time in zones 1 and up.
    pub polarisation: Option<Polarisation>,
}

/// Adds sessions' zone seconds up into a [`ZoneTime`].
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct ZoneTally {
    seconds: [u64; ZONE_SLOTS],
    by_model: [u64; 3],
    low: u64,
    high: u64,
}

const MODELS: [ZoneKind; 3] = [ZoneKind::Karvonen, ZoneKind::FrielRun, ZoneKind::FrielBike];

impl ZoneTally {
    /// Adds one session's heart-rate totals.
    pub(crate) fn add(&mut self, hr: &HrTotals) {
        for (total, &s) in self.seconds.iter_mut().zip(&hr.zone_seconds) {
            *total += u64::from(s);
        }
        let slot = MODELS.iter().position(|&m| m == hr.zones).unwrap_or(0);
        // Count a session with no time at all still as using its model.
        self.by_model[slot] += hr.zone_seconds.iter().map(|&s| u64::from(s)).sum::<u64>() + 1;
        let (low, high) = split(hr.zones, &hr.zone_seconds);
        self.low += low;
        self.high += high;
    }

    pub(crate) fn finish(&self) -> ZoneTime {
        let used = self.by_model.iter().filter(|&&s| s > 0).count();
        let model = (used > 0)
            .then(|| {
                // The first model with the most time (max_by_key would take the last).
                let most = self.by_model.iter().copied().max().unwrap_or(0);
                self.by_model
                    .iter()
                    .position(|&s| s == most)
                    .map(|i| MODELS[i])
            })
            .flatten();
        ZoneTime {
            seconds: self.seconds,
            model,
            mixed_models: used > 1,
            polarisation: Polarisation::of(self.low, self.high),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn totals(zones: ZoneKind, zone_seconds: [u32; ZONE_SLOTS]) -> HrTotals {
        HrTotals {
            hr_tss: None,
            trimp: 0.0,
            avg_bpm: 0.0,
            max_bpm: 0,
            zones,
            zone_seconds,
        }
    }

    #[test]
    fn karvonen_leaves_zone_0_out_and_friel_starts_at_z1() {
        // Karvonen Z0 600 s, Z1 1200, Z2 1800, Z3 600, Z4 300, Z5 100.
        let k = [600, 1200, 1800, 600, 300, 100, 0];
        assert_eq!(split(ZoneKind::Karvonen, &k), (3000, 1000));
        // Friel Z1 600, Z2 1200, Z3 1800, Z4 600, Z5a 300, Z5b 100, Z5c 50.
        let f = [600, 1200, 1800, 600, 300, 100, 50];
        assert_eq!(split(ZoneKind::FrielRun, &f), (1800, 2850));
        let p = Polarisation::of(3000, 1000).unwrap();
        assert!((p.low_percent - 75.0).abs() < 1e-12 && (p.high_percent - 25.0).abs() < 1e-12);
        assert_eq!(p.seconds(), 4000);
        assert_eq!(Polarisation::of(0, 0), None);
    }

    #[test]
    fn mixed_models_are_grouped_by_index_and_flagged() {
        let mut tally = ZoneTally::default();
        tally.add(&totals(
            ZoneKind::Karvonen,
            [600, 1200, 1800, 600, 300, 100, 0],
        ));
        tally.add(&totals(ZoneKind::FrielRun, [600, 1200, 0, 0, 0, 0, 0]));
        let time = tally.finish();
        assert_eq!(time.seconds, [1200, 2400, 1800, 600, 300, 100, 0]);
        assert_eq!(time.model, Some(ZoneKind::Karvonen));
        assert!(time.mixed_models);
        // Low: Karvonen 3000 + Friel 1800; high: 1000 + 0.
        let p = time.polarisation.unwrap();
        assert_eq!((p.low_seconds, p.high_seconds), (4800, 1000));
        let empty = ZoneTally::default().finish();
        assert_eq!(
            (empty.model, empty.mixed_models, empty.polarisation),
            (None, false, None)
        );
    }

    #[test]
    fn labels_follow_the_model() {
        assert_eq!(
            zone_labels(ZoneKind::Karvonen),
            ["Z0", "Z1", "Z2", "Z3", "Z4", "Z5"]
        );
        assert_eq!(
            zone_labels(ZoneKind::FrielBike),
            ["Z1", "Z2", "Z3", "Z4", "Z5a", "Z5b", "Z5c"]
        );
    }
}
