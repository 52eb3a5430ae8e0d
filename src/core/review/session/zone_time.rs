//! Time in each heart-rate zone of a past session, from its stored summary.

use crate::core::heart::settings::HrSettings;
use crate::core::heart::summary::HrSummary;
use crate::core::heart::zones::Zone;

/// Time spent in one zone.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ZoneTime {
    pub zone: Zone,
    pub seconds: u32,
    /// Share of the time with heart rate, 0–100.
    pub percent: f64,
}

/// Time in each zone of the session's model (`settings`, the ones it was recorded with), lowest
/// zone first, with its share; empty without a summary.
pub fn zone_times(summary: Option<&HrSummary>, settings: Option<&HrSettings>) -> Vec<ZoneTime> {
    let Some(summary) = summary else {
        return Vec::new();
    };
    let total: u32 = summary.zone_seconds.iter().sum();
    let share = |seconds: u32| {
        if total == 0 {
            0.0
        } else {
            f64::from(seconds) / f64::from(total) * 100.0
        }
    };
    match settings.and_then(|s| s.zone_model().ok()) {
        Some(model) => model
            .bands()
            .iter()
            .zip(summary.zone_seconds)
            .map(|(band, seconds)| ZoneTime {
                zone: band.zone,
                seconds,
                percent: share(seconds),
            })
            .collect(),
        // Without the settings the zones have no names; the stored seconds still say where
        // the time went.
        None => summary
            .zone_seconds
            .iter()
            .enumerate()
            .filter(|(_, seconds)| **seconds > 0)
            .map(|(i, seconds)| ZoneTime {
                zone: Zone {
                    index: i as u8,
                    label: ZONE_LABELS.get(i).copied().unwrap_or("Z?"),
                    name: "",
                },
                seconds: *seconds,
                percent: share(*seconds),
            })
            .collect(),
    }
}

const ZONE_LABELS: [&str; 7] = ["Z0", "Z1", "Z2", "Z3", "Z4", "Z5", "Z6"];
