//! The lifter's profile: units, body, heart-rate anchors and the equipment they load.

use crate::core::units::{Bpm, Unit, Weight};

mod example;

/// Which zone model a session uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ZoneKind {
    /// Karvonen, five zones on heart-rate reserve plus zone 0 (the default).
    #[default]
    Karvonen,
    /// Friel's seven running zones on LTHR.
    FrielRun,
    /// Friel's seven cycling zones on LTHR.
    FrielBike,
}

impl ZoneKind {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            ZoneKind::Karvonen => "karvonen",
            ZoneKind::FrielRun => "friel_run",
            ZoneKind::FrielBike => "friel_bike",
        }
    }

    /// The model for a stored code.
    pub fn from_code(code: &str) -> Option<ZoneKind> {
        match code {
            "karvonen" => Some(ZoneKind::Karvonen),
            "friel_run" => Some(ZoneKind::FrielRun),
            "friel_bike" => Some(ZoneKind::FrielBike),
            _ => None,
        }
    }

    /// The name shown to the lifter: `karvonen`, `friel-run` or `friel-bike`.
    pub fn label(self) -> &'static str {
        match self {
            ZoneKind::Karvonen => "karvonen",
            ZoneKind::FrielRun => "friel-run",
            ZoneKind::FrielBike => "friel-bike",
        }
    }

    /// The model a lifter typed, forgiving case, spaces, `-`/`_` and common words:
    /// `Karvonen`, `hrr`, `friel run`, `Friel_Run`, `run`, `friel bike`, `cycling`, `ride`.
    pub fn parse_name(text: &str) -> Option<ZoneKind> {
        let word: String = text
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        match word.as_str() {
            "karvonen" | "hrr" | "default" => Some(ZoneKind::Karvonen),
            "frielrun" | "run" | "running" | "frielrunning" => Some(ZoneKind::FrielRun),
            "frielbike" | "bike" | "cycling" | "ride" | "frielcycling" | "frielcycle" => {
                Some(ZoneKind::FrielBike)
            }
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sex {
    Male,
    Female,
}

impl Sex {
    pub fn code(self) -> &'static str {
        match self {
            Sex::Male => "m",
            Sex::Female => "f",
        }
    }

    pub fn from_code(code: &str) -> Option<Sex> {
        match code.trim().to_ascii_lowercase().as_str() {
            "m" | "male" => Some(Sex::Male),
            "f" | "female" => Some(Sex::Female),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub unit: Unit,
    pub body_weight: Weight,
    pub sex: Sex,
    pub birth_year: i32,
    pub hr_max: Bpm,
    pub hr_rest: Bpm,
    pub lthr: Option<Bpm>,
    pub bar: Weight,
    /// Plate sizes available, heaviest first, each as a weight per plate.
    pub plates: Vec<Weight>,
    /// The heart-rate zone model live sessions use (Karvonen unless chosen otherwise).
    pub zones: ZoneKind,
}

/// Tanaka, Monahan & Seals (2001), J Am Coll Cardiol 37:153–156: `HRmax = 208 − 0.7 · age`.
/// Equals Fox's 220 − age at 40 (science.md).
pub fn tanaka_hr_max(age_years: i32) -> f64 {
    208.0 - 0.7 * f64::from(age_years)
}

/// Standard plates for a unit, heaviest first.
pub fn default_plates(unit: Unit) -> Vec<Weight> {
    let sizes: &[f64] = match unit {
        Unit::Kg => &[25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25],
        Unit::Lb => &[45.0, 35.0, 25.0, 10.0, 5.0, 2.5],
    };
    sizes
        .iter()
        .filter_map(|&s| Weight::from_unit(s, unit).ok())
        .collect()
}

/// The standard barbell for a unit: 20 kg or 45 lb.
pub fn default_bar(unit: Unit) -> Weight {
    match unit {
        Unit::Kg => Weight::from_kg(20.0),
        Unit::Lb => Weight::from_unit(45.0, Unit::Lb),
    }
    .unwrap_or(Weight::ZERO)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tanaka_matches_fox_at_forty_tanaka_2001() {
        assert!((tanaka_hr_max(40) - 180.0).abs() < 1e-9);
        assert!((tanaka_hr_max(20) - 194.0).abs() < 1e-9);
        assert!((tanaka_hr_max(60) - 166.0).abs() < 1e-9);
    }
}
