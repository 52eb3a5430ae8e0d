//! programs.md's reference lifter for tests, benches and examples: 1RM squat 140, bench 100,
//! deadlift 180, press 60 kg, a 20 kg bar and plates down to 1.25 kg (loads move in 2.5 kg).
//! Not part of the API.

use super::plan::{Lift, Lifter};
use crate::core::units::{Unit, Weight};
use crate::core::workout::plates::{Loader, Plates, Steps};

fn kg(v: f64) -> Weight {
    Weight::from_kg(v).unwrap_or_else(|e| panic!("a test weight: {}", e.0))
}

/// A 20 kg bar and plates down to 1.25 kg: loads move in 2.5 kg.
#[doc(hidden)]
pub fn plates() -> Loader {
    let sizes: Vec<Weight> = [25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25].map(kg).to_vec();
    Loader::Barbell(Plates::unlimited(Unit::Kg, kg(20.0), &sizes))
}

/// Loads from 20 kg in steps of `step` kg (to reproduce programs.md's unrounded numbers).
#[doc(hidden)]
pub fn fine(step: f64) -> Loader {
    Loader::Steps(Steps {
        unit: Unit::Kg,
        lightest: kg(20.0),
        step: kg(step),
    })
}

/// A kilogram lifter with these 1RMs, every lift loaded with `loader`.
#[doc(hidden)]
pub fn lifter_with(maxes: &[(&str, f64)], loader: &Loader) -> Lifter {
    maxes
        .iter()
        .fold(Lifter::new(Unit::Kg, loader.clone()), |l, (name, max)| {
            l.with(
                name,
                Lift {
                    name: (*name).to_string(),
                    loader: loader.clone(),
                    max: Some(kg(*max)),
                    muscles: vec![],
                },
            )
        })
}

/// The reference lifter: TM at 90 % = squat 126, bench 90, deadlift 162, press 54.
#[doc(hidden)]
pub fn reference() -> Lifter {
    lifter_with(
        &[
            ("Squat", 140.0),
            ("Bench Press", 100.0),
            ("Deadlift", 180.0),
            ("Overhead Press", 60.0),
        ],
        &plates(),
    )
}

/// A lifter whose training max is 100 kg at 90 % (1RM 111.1 kg) on every main lift.
#[doc(hidden)]
pub fn tm_100() -> Lifter {
    let max = 100.0 / 0.9;
    lifter_with(
        &[
            ("Squat", max),
            ("Bench Press", max),
            ("Deadlift", max),
            ("Overhead Press", max),
        ],
        &plates(),
    )
}
