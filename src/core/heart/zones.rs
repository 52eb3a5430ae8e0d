//! Heart-rate zones: Karvonen (heart-rate reserve) by default, Friel's LTHR tables as an option,
//! and max-HR estimates when the lifter's real maximum is unknown (science.md).
//!
//! Every model is a list of lower bounds on a ratio (HRR fraction or fraction of LTHR). Bands are
//! half-open on the unrounded ratio, `[low, next low)`, so every heart rate has exactly one zone.

use crate::core::units::Bpm;

/// One zone of a model. Ordered by `index` (0 = below the first training zone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Zone {
    /// Position in the model, 0-based: Karvonen 0–5, Friel 0–6 (Z1 … Z5c).
    pub index: u8,
    /// Short label as coaches write it: `Z3`, `Z5b`.
    pub label: &'static str,
    /// What the zone is for: `Tempo`, `Aerobic capacity`.
    pub name: &'static str,
}

/// A zone's heart-rate range: `low ≤ bpm < high` on the unrounded value (`high` is `None` for
/// the top zone).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    /// The zone; its `name` and `label` are what to print.
    pub zone: Zone,
    /// Lowest bpm in the zone (inclusive, unrounded).
    pub low: f64,
    /// Where the next zone starts (exclusive, unrounded); `None` for the top zone.
    pub high: Option<f64>,
}

impl Band {
    /// The first whole bpm inside the band.
    pub fn first_bpm(&self) -> u16 {
        self.low.ceil() as u16
    }

    /// The last whole bpm inside the band (`None` for the open top band).
    pub fn last_bpm(&self) -> Option<u16> {
        self.high.map(|h| (h.ceil() as u16).saturating_sub(1))
    }
}

/// Which Friel LTHR table to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sport {
    /// Friel's running table.
    Run,
    /// Friel's cycling table.
    Bike,
}

/// A zone model with its anchors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ZoneModel {
    /// Karvonen: zones at 50/60/70/80/90 % of heart-rate reserve; below 50 % is zone 0.
    Karvonen { rest: Bpm, max: Bpm },
    /// Friel's seven zones as a percentage of lactate-threshold heart rate.
    Lthr { lthr: Bpm, sport: Sport },
}

/// Why a zone model cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ZoneError {
    #[error("resting heart rate ({rest} bpm) must be below max heart rate ({max} bpm)")]
    RestNotBelowMax { rest: u16, max: u16 },
}

struct ZoneDef {
    low: f64,
    label: &'static str,
    name: &'static str,
}

const fn def(low: f64, label: &'static str, name: &'static str) -> ZoneDef {
    ZoneDef { low, label, name }
}

/// Karvonen, Kentala & Mustala (1957), Ann Med Exp Biol Fenn 35:307–315: `target = rest +
/// pct · (max − rest)`. Lower bounds as HRR fractions (science.md).
const KARVONEN: [ZoneDef; 6] = [
    def(f64::NEG_INFINITY, "Z0", "Not training"),
    def(0.50, "Z1", "Recovery"),
    def(0.60, "Z2", "Endurance"),
    def(0.70, "Z3", "Tempo"),
    def(0.80, "Z4", "Threshold"),
    def(0.90, "Z5", "Maximum"),
];

// Friel, "Quick Guide to Setting Zones" (joefrielsblog.com, 2009) and The Triathlete's Training
// Bible: run Z1 < 85 %, Z2 85–89, Z3 90–94, Z4 95–99, Z5a 100–102, Z5b 103–106, Z5c > 106 % LTHR;
// bike Z1 < 81 %, Z2 81–89, Z3 90–93, Z4 94–99, then as run. The published integers name whole
// percents, so a zone runs from its first percent up to the next zone's first: "85–89 %" is
// [0.85, 0.90) and "> 106 %" starts at 1.07. No heart rate falls between zones.
const FRIEL_RUN: [ZoneDef; 7] = [
    def(f64::NEG_INFINITY, "Z1", "Recovery"),
    def(0.85, "Z2", "Aerobic"),
    def(0.90, "Z3", "Tempo"),
    def(0.95, "Z4", "Subthreshold"),
    def(1.00, "Z5a", "Superthreshold"),
    def(1.03, "Z5b", "Aerobic capacity"),
    def(1.07, "Z5c", "Anaerobic capacity"),
];

/// See [`FRIEL_RUN`]; the cycling table differs only below threshold.
const FRIEL_BIKE: [ZoneDef; 7] = [
    def(f64::NEG_INFINITY, "Z1", "Recovery"),
    def(0.81, "Z2", "Aerobic"),
    def(0.90, "Z3", "Tempo"),
    def(0.94, "Z4", "Subthreshold"),
    def(1.00, "Z5a", "Superthreshold"),
    def(1.03, "Z5b", "Aerobic capacity"),
    def(1.07, "Z5c", "Anaerobic capacity"),
];

impl ZoneModel {
    /// Karvonen zones; the resting rate must be below the maximum.
    pub fn karvonen(rest: Bpm, max: Bpm) -> Result<Self, ZoneError> {
        if rest >= max {
            return Err(ZoneError::RestNotBelowMax {
                rest: rest.get(),
                max: max.get(),
            });
        }
        Ok(ZoneModel::Karvonen { rest, max })
    }

    /// Friel LTHR zones for a sport.
    pub fn lthr(lthr: Bpm, sport: Sport) -> Self {
        ZoneModel::Lthr { lthr, sport }
    }

    fn table(self) -> &'static [ZoneDef] {
        match self {
            ZoneModel::Karvonen { .. } => &KARVONEN,
            ZoneModel::Lthr {
                sport: Sport::Run, ..
            } => &FRIEL_RUN,
            ZoneModel::Lthr {
                sport: Sport::Bike, ..
            } => &FRIEL_BIKE,
        }
    }

    /// Maps a ratio back to bpm: `ratio → bpm` is `offset + ratio · scale`.
    fn offset_scale(self) -> (f64, f64) {
        match self {
            ZoneModel::Karvonen { rest, max } => {
                let rest = f64::from(rest.get());
                (rest, f64::from(max.get()) - rest)
            }
            ZoneModel::Lthr { lthr, .. } => (0.0, f64::from(lthr.get())),
        }
    }

    /// The unrounded ratio the bands are defined on: HRR fraction (Karvonen) or fraction of LTHR.
    pub fn ratio(&self, bpm: Bpm) -> f64 {
        let (offset, scale) = self.offset_scale();
        (f64::from(bpm.get()) - offset) / scale
    }

    /// The zone a heart rate falls in. Above the top bound stays in the top zone.
    pub fn zone_of(&self, bpm: Bpm) -> Zone {
        let ratio = self.ratio(bpm);
        let table = self.table();
        let index = table.iter().rposition(|z| ratio >= z.low).unwrap_or(0);
        zone(table, index)
    }

    /// Every zone with its bpm range, lowest first. The bottom band starts at 0 bpm.
    pub fn bands(&self) -> Vec<Band> {
        let (offset, scale) = self.offset_scale();
        let to_bpm = |ratio: f64| (offset + ratio * scale).max(0.0);
        let table = self.table();
        (0..table.len())
            .map(|i| Band {
                zone: zone(table, i),
                low: to_bpm(table[i].low),
                high: table.get(i + 1).map(|next| to_bpm(next.low)),
            })
            .collect()
    }
}

fn zone(table: &[ZoneDef], index: usize) -> Zone {
    let d = &table[index];
    Zone {
        index: index as u8,
        label: d.label,
        name: d.name,
    }
}

/// Fox, Naughton & Haskell (1971), Ann Clin Res 3:404–432: `HRmax = 220 − age`. An option; Tanaka
/// is the default ([`tanaka_hr_max`](crate::core::profile::tanaka_hr_max)).
pub fn fox_hr_max(age_years: i32) -> f64 {
    220.0 - f64::from(age_years)
}

/// How to estimate max heart rate when it has not been measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum HrMaxFormula {
    /// Tanaka, Monahan & Seals (2001): `208 − 0.7 · age` (the default).
    #[default]
    Tanaka,
    /// Fox et al. (1971): `220 − age`.
    Fox,
}

impl HrMaxFormula {
    /// Estimated max heart rate in bpm (unrounded).
    pub fn estimate(self, age_years: i32) -> f64 {
        match self {
            HrMaxFormula::Tanaka => crate::core::profile::tanaka_hr_max(age_years),
            HrMaxFormula::Fox => fox_hr_max(age_years),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn bpm(v: u32) -> Bpm {
        Bpm::try_from(v).unwrap()
    }

    fn label(model: ZoneModel, v: u32) -> &'static str {
        model.zone_of(bpm(v)).label
    }

    #[test]
    fn karvonen_boundaries_rest_50_max_190_science_md() {
        // HRR 140: 50 % → 120, 60 % → 134, 70 % → 148, 80 % → 162, 90 % → 176.
        let m = ZoneModel::karvonen(bpm(50), bpm(190)).unwrap();
        assert_eq!(label(m, 119), "Z0");
        assert_eq!(label(m, 120), "Z1");
        assert_eq!(label(m, 133), "Z1");
        assert_eq!(label(m, 134), "Z2");
        assert_eq!(label(m, 148), "Z3");
        assert_eq!(label(m, 161), "Z3");
        assert_eq!(label(m, 162), "Z4");
        assert_eq!(label(m, 176), "Z5");
        assert_eq!(label(m, 190), "Z5");
        assert_eq!(label(m, 210), "Z5", "above max stays in the top zone");
        let lows: Vec<f64> = m.bands().iter().map(|b| b.low).collect();
        assert_eq!(lows, vec![0.0, 120.0, 134.0, 148.0, 162.0, 176.0]);
        assert_eq!(m.bands()[5].high, None);
    }

    #[test]
    fn karvonen_needs_rest_below_max() {
        assert_eq!(
            ZoneModel::karvonen(bpm(60), bpm(60))
                .unwrap_err()
                .to_string(),
            "resting heart rate (60 bpm) must be below max heart rate (60 bpm)"
        );
    }

    #[test]
    fn friel_run_table_lthr_160() {
        // 85 % = 136, 90 % = 144, 95 % = 152, 100 % = 160, 103 % = 164.8, 107 % = 171.2.
        let m = ZoneModel::lthr(bpm(160), Sport::Run);
        assert_eq!(label(m, 135), "Z1");
        assert_eq!(label(m, 136), "Z2");
        assert_eq!(
            label(m, 143),
            "Z2",
            "89.4 % is still Z2: no gap before 90 %"
        );
        assert_eq!(label(m, 144), "Z3");
        assert_eq!(label(m, 152), "Z4");
        assert_eq!(label(m, 159), "Z4");
        assert_eq!(label(m, 160), "Z5a");
        assert_eq!(label(m, 164), "Z5a");
        assert_eq!(label(m, 165), "Z5b");
        assert_eq!(
            label(m, 171),
            "Z5b",
            "106.9 % is in the published 103–106 % band"
        );
        assert_eq!(label(m, 172), "Z5c");
        assert_eq!(m.bands().len(), 7);
    }

    #[test]
    fn friel_bike_table_lthr_150() {
        // 81 % = 121.5, 90 % = 135, 94 % = 141, 100 % = 150.
        let m = ZoneModel::lthr(bpm(150), Sport::Bike);
        assert_eq!(label(m, 121), "Z1");
        assert_eq!(label(m, 122), "Z2");
        assert_eq!(label(m, 135), "Z3");
        assert_eq!(label(m, 140), "Z3");
        assert_eq!(label(m, 141), "Z4");
        assert_eq!(label(m, 150), "Z5a");
        let z2 = m.bands()[1];
        assert_eq!((z2.first_bpm(), z2.last_bpm()), (122, Some(134)));
    }

    #[test]
    fn hr_max_tanaka_and_fox_agree_at_forty_science_md() {
        assert!((HrMaxFormula::Fox.estimate(40) - 180.0).abs() < 1e-9);
        assert!((HrMaxFormula::Tanaka.estimate(40) - 180.0).abs() < 1e-9);
        assert!((fox_hr_max(30) - 190.0).abs() < 1e-9);
        assert!((HrMaxFormula::default().estimate(30) - 187.0).abs() < 1e-9);
    }

    fn any_model() -> impl Strategy<Value = ZoneModel> {
        prop_oneof![
            (20u32..200, 1u32..100).prop_map(|(rest, span)| {
                ZoneModel::karvonen(bpm(rest), bpm((rest + span).min(250))).unwrap()
            }),
            (20u32..=250, any::<bool>()).prop_map(|(l, run)| {
                ZoneModel::lthr(bpm(l), if run { Sport::Run } else { Sport::Bike })
            }),
        ]
    }

    proptest! {
        #[test]
        fn bands_are_ordered_and_contiguous(model in any_model()) {
            let bands = model.bands();
            for pair in bands.windows(2) {
                prop_assert_eq!(pair[0].high, Some(pair[1].low));
                prop_assert!(pair[0].low <= pair[1].low);
                prop_assert!(pair[0].zone < pair[1].zone);
            }
            prop_assert_eq!(bands.last().and_then(|b| b.high), None);
        }

        #[test]
        fn zones_rise_with_heart_rate_and_match_their_band(model in any_model(), a in 20u32..=250, b in 20u32..=250) {
            let (lo, hi) = (a.min(b), a.max(b));
            prop_assert!(model.zone_of(bpm(lo)) <= model.zone_of(bpm(hi)));
            let z = model.zone_of(bpm(a));
            let band = model.bands()[usize::from(z.index)];
            let v = f64::from(a);
            prop_assert!(band.low <= v + 1e-9);
            prop_assert!(band.high.is_none_or(|h| v < h + 1e-9));
        }
    }
}
