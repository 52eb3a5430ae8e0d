//! Shared test helpers for the store's unit tests.

use chrono::{DateTime, Utc};

use super::Store;
use crate::core::units::{Reps, Rir, Rpe, Seconds, Weight};
use crate::core::workout::exercise::{Equipment, ExerciseId, ExerciseKind, Mechanics};
use crate::core::workout::set::{Effort, Load, SetKind, SetSpec};

pub fn store() -> Store {
    Store::open_in_memory().unwrap()
}

/// Saves a kilogram profile weighing `body` kg (what bodyweight sets count).
pub fn with_body_weight(store: &Store, body: f64) {
    use crate::core::profile::Profile;

    store
        .save_profile(&Profile::example().weighing(body).born(1985))
        .unwrap();
}

/// 2026-01-05 08:00 UTC plus `minutes`.
pub fn at(minutes: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_767_600_000 + minutes * 60, 0).unwrap()
}

pub fn kg(value: f64) -> Weight {
    Weight::from_kg(value).unwrap()
}

pub fn reps(n: u32) -> Reps {
    Reps::try_from(n).unwrap()
}

/// A working set of `weight` kg × `n` reps.
pub fn lift(weight: f64, n: u32) -> SetSpec {
    SetSpec {
        kind: SetKind::Working,
        load: Load::External(kg(weight)),
        reps: Some(reps(n)),
        effort: None,
        duration: None,
    }
}

/// One set of every shape the app can log: each kind, each load, each effort, a timed set.
pub fn every_shape() -> Vec<SetSpec> {
    vec![
        SetSpec {
            kind: SetKind::Warmup,
            ..lift(60.0, 5)
        },
        SetSpec {
            effort: Some(Effort::Rpe(Rpe::try_from(8.5).unwrap())),
            ..lift(100.0, 5)
        },
        SetSpec {
            kind: SetKind::Drop,
            effort: Some(Effort::Rir(Rir::try_from(2.0).unwrap())),
            ..lift(80.0, 8)
        },
        SetSpec {
            kind: SetKind::Failure,
            ..lift(70.0, 10)
        },
        SetSpec {
            kind: SetKind::Amrap,
            ..lift(90.0, 12)
        },
        SetSpec {
            load: Load::Bodyweight {
                added: kg(20.0),
                assisted: false,
            },
            ..lift(0.0, 6)
        },
        SetSpec {
            load: Load::Bodyweight {
                added: kg(25.0),
                assisted: true,
            },
            ..lift(0.0, 8)
        },
        SetSpec {
            load: Load::Bodyweight {
                added: Weight::ZERO,
                assisted: false,
            },
            ..lift(0.0, 12)
        },
        SetSpec {
            kind: SetKind::Working,
            load: Load::None,
            reps: None,
            effort: Some(Effort::Rpe(Rpe::try_from(6.0).unwrap())),
            duration: Some(Seconds::try_from(600).unwrap()),
        },
        SetSpec {
            load: Load::External(kg(101.25)),
            effort: Some(Effort::Rir(Rir::try_from(0.5).unwrap())),
            ..lift(0.0, 3)
        },
    ]
}

/// A custom strength exercise named `Test <name>`, a name no catalogue entry uses.
pub fn custom(store: &Store, name: &str) -> ExerciseId {
    store
        .create_exercise(
            &format!("Test {name}"),
            ExerciseKind::Strength,
            Equipment::Barbell,
            Mechanics::Compound,
            &[],
        )
        .unwrap()
        .id
}
