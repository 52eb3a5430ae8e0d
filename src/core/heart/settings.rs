//! The heart-rate settings a session was recorded with (max, rest, LTHR, zone model), kept with
//! the session so later profile changes do not move its zones or load.

use crate::core::heart::load::{LoadError, LoadParams};
use crate::core::heart::zones::{Sport, ZoneError, ZoneModel};
use crate::core::profile::{Profile, Sex, ZoneKind};
use crate::core::units::Bpm;

/// Why a session's heart-rate settings cannot give zones or load.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HrSettingsError {
    #[error(
        "Friel zones need a threshold heart rate (LTHR); set one in the profile or use Karvonen zones"
    )]
    NoLthr,
    #[error(transparent)]
    Zones(#[from] ZoneError),
    #[error(transparent)]
    Load(#[from] LoadError),
}

/// Max, resting and threshold heart rate and the zone model, as a session snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct HrSettings {
    pub max: Bpm,
    pub rest: Bpm,
    pub lthr: Option<Bpm>,
    pub zones: ZoneKind,
}

impl HrSettings {
    /// The profile's anchors and zone model.
    pub fn from_profile(profile: &Profile) -> HrSettings {
        HrSettings {
            max: profile.hr_max,
            rest: profile.hr_rest,
            lthr: profile.lthr,
            zones: profile.zones,
        }
    }

    /// The zone model these settings describe.
    pub fn zone_model(&self) -> Result<ZoneModel, HrSettingsError> {
        let friel = |sport| {
            Ok(ZoneModel::lthr(
                self.lthr.ok_or(HrSettingsError::NoLthr)?,
                sport,
            ))
        };
        match self.zones {
            ZoneKind::Karvonen => Ok(ZoneModel::karvonen(self.rest, self.max)?),
            ZoneKind::FrielRun => friel(Sport::Run),
            ZoneKind::FrielBike => friel(Sport::Bike),
        }
    }

    /// The TRIMP / hrTSS anchors for a lifter of `sex`.
    pub fn load_params(&self, sex: Sex) -> Result<LoadParams, HrSettingsError> {
        Ok(LoadParams::new(self.rest, self.max, self.lthr, sex)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bpm(v: u32) -> Bpm {
        Bpm::try_from(v).unwrap()
    }

    fn settings(zones: ZoneKind, lthr: Option<u32>) -> HrSettings {
        HrSettings {
            max: bpm(190),
            rest: bpm(50),
            lthr: lthr.map(bpm),
            zones,
        }
    }

    #[test]
    fn codes_round_trip() {
        for kind in [ZoneKind::Karvonen, ZoneKind::FrielRun, ZoneKind::FrielBike] {
            assert_eq!(ZoneKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(ZoneKind::from_code("edwards"), None);
    }

    #[test]
    fn typed_names_forgive_case_and_separators() {
        for (text, kind) in [
            ("karvonen", ZoneKind::Karvonen),
            (" Karvonen ", ZoneKind::Karvonen),
            ("friel-run", ZoneKind::FrielRun),
            ("Friel_Run", ZoneKind::FrielRun),
            ("friel run", ZoneKind::FrielRun),
            ("run", ZoneKind::FrielRun),
            ("friel-bike", ZoneKind::FrielBike),
            ("FRIEL BIKE", ZoneKind::FrielBike),
            ("cycling", ZoneKind::FrielBike),
        ] {
            assert_eq!(ZoneKind::parse_name(text), Some(kind), "{text:?}");
        }
        for kind in [ZoneKind::Karvonen, ZoneKind::FrielRun, ZoneKind::FrielBike] {
            assert_eq!(ZoneKind::parse_name(kind.label()), Some(kind));
        }
        assert_eq!(ZoneKind::parse_name("edwards"), None);
        assert_eq!(ZoneKind::parse_name(""), None);
    }

    #[test]
    fn the_snapshot_builds_the_models_it_names() {
        let karvonen = settings(ZoneKind::Karvonen, None).zone_model().unwrap();
        assert_eq!(karvonen, ZoneModel::karvonen(bpm(50), bpm(190)).unwrap());
        let run = settings(ZoneKind::FrielRun, Some(165))
            .zone_model()
            .unwrap();
        assert_eq!(run, ZoneModel::lthr(bpm(165), Sport::Run));
        let err = settings(ZoneKind::FrielBike, None)
            .zone_model()
            .unwrap_err();
        assert_eq!(err, HrSettingsError::NoLthr);
        assert!(err.to_string().contains("LTHR"), "{err}");
    }

    #[test]
    fn bad_anchors_are_refused_with_the_load_message() {
        let s = HrSettings {
            rest: bpm(190),
            ..settings(ZoneKind::Karvonen, None)
        };
        assert!(s.zone_model().is_err());
        assert_eq!(
            s.load_params(Sex::Male).unwrap_err().to_string(),
            "resting heart rate (190 bpm) must be below max heart rate (190 bpm)"
        );
    }

    #[test]
    fn a_profile_gives_its_anchors_and_zone_model() {
        let profile = Profile::example()
            .female()
            .lthr(165)
            .zones(ZoneKind::FrielBike);
        assert_eq!(
            HrSettings::from_profile(&profile),
            HrSettings {
                max: bpm(185),
                rest: bpm(55),
                lthr: Some(bpm(165)),
                zones: ZoneKind::FrielBike
            }
        );
    }
}
