//! One example lifter for tests, benches and examples, with builder-style overrides for what a
//! test varies: `Profile::example().female().hr(188, 52).lthr(170)`. Not part of the API.
//!
//! The overrides take plain numbers so a test reads like the values it sets; one out of range is
//! a mistake in the test and panics saying which.

use super::{Profile, Sex, default_bar, default_plates};
use crate::core::profile::ZoneKind;
use crate::core::units::{Bpm, Unit, Weight};

fn bpm(value: u32) -> Bpm {
    Bpm::try_from(value).unwrap_or_else(|e| panic!("a test heart rate: {}", e.0))
}

impl Profile {
    /// An 80 kg man born in 1990, max HR 185, resting 55, no LTHR, Karvonen zones, lifting in
    /// kilograms with the standard bar and plates.
    #[doc(hidden)]
    #[must_use]
    pub fn example() -> Profile {
        Profile {
            unit: Unit::Kg,
            body_weight: Weight::from_kg(80.0).unwrap_or(Weight::ZERO),
            sex: Sex::Male,
            birth_year: 1990,
            hr_max: bpm(185),
            hr_rest: bpm(55),
            lthr: None,
            bar: default_bar(Unit::Kg),
            plates: default_plates(Unit::Kg),
            zones: ZoneKind::Karvonen,
        }
    }

    /// Lifting in `unit`, with that unit's standard bar and plates (the body weight is kept).
    #[doc(hidden)]
    #[must_use]
    pub fn in_unit(self, unit: Unit) -> Profile {
        Profile {
            unit,
            bar: default_bar(unit),
            plates: default_plates(unit),
            ..self
        }
    }

    /// Weighing `value` in the profile's unit.
    #[doc(hidden)]
    #[must_use]
    pub fn weighing(self, value: f64) -> Profile {
        let body_weight = Weight::from_unit(value, self.unit)
            .unwrap_or_else(|e| panic!("a test body weight: {}", e.0));
        Profile {
            body_weight,
            ..self
        }
    }

    #[doc(hidden)]
    #[must_use]
    pub fn female(self) -> Profile {
        Profile {
            sex: Sex::Female,
            ..self
        }
    }

    #[doc(hidden)]
    #[must_use]
    pub fn born(self, birth_year: i32) -> Profile {
        Profile { birth_year, ..self }
    }

    /// Max and resting heart rate, bpm.
    #[doc(hidden)]
    #[must_use]
    pub fn hr(self, max: u32, rest: u32) -> Profile {
        Profile {
            hr_max: bpm(max),
            hr_rest: bpm(rest),
            ..self
        }
    }

    /// A lactate threshold heart rate, bpm.
    #[doc(hidden)]
    #[must_use]
    pub fn lthr(self, lthr: u32) -> Profile {
        Profile {
            lthr: Some(bpm(lthr)),
            ..self
        }
    }

    #[doc(hidden)]
    #[must_use]
    pub fn zones(self, zones: ZoneKind) -> Profile {
        Profile { zones, ..self }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_is_the_documented_lifter_and_overrides_change_only_their_field() {
        let p = Profile::example();
        assert_eq!(
            (p.unit, p.body_weight.kg(), p.sex, p.birth_year),
            (Unit::Kg, 80.0, Sex::Male, 1990)
        );
        assert_eq!((p.hr_max.get(), p.hr_rest.get(), p.lthr), (185, 55, None));
        assert_eq!(p.zones, ZoneKind::Karvonen);
        let lb = Profile::example().in_unit(Unit::Lb).weighing(180.0);
        assert_eq!(lb.bar, default_bar(Unit::Lb));
        assert_eq!(lb.plates, default_plates(Unit::Lb));
        assert_eq!(lb.body_weight.display(Unit::Lb), "180");
        let varied = Profile::example().female().born(1985).hr(190, 50).lthr(165);
        assert_eq!(
            varied,
            Profile {
                sex: Sex::Female,
                birth_year: 1985,
                hr_max: bpm(190),
                hr_rest: bpm(50),
                lthr: Some(bpm(165)),
                ..Profile::example()
            }
        );
    }

    #[test]
    #[should_panic(expected = "a test heart rate")]
    fn an_impossible_test_heart_rate_says_so() {
        let _ = Profile::example().hr(400, 55);
    }
}
