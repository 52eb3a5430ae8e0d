//! What the store tests build on: a time, a set, a session with an exercise slot, and the
//! files a database leaves beside it.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use ironpulse::core::units::{Reps, Weight};
use ironpulse::core::workout::exercise::{Equipment, ExerciseKind, Mechanics};
use ironpulse::core::workout::session::{SessionId, SlotId};
use ironpulse::core::workout::set::{Load, SetSpec};
use ironpulse::store::Store;

/// `minutes` after a fixed moment.
pub fn at(minutes: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_767_600_000 + minutes * 60, 0).unwrap()
}

/// A working set of `reps` at `kg`.
pub fn lift(kg: f64, reps: u32) -> SetSpec {
    SetSpec {
        load: Load::External(Weight::from_kg(kg).unwrap()),
        reps: Some(Reps::try_from(reps).unwrap()),
        ..SetSpec::default()
    }
}

/// `<path><suffix>`: a file SQLite or the lock keeps beside a database.
pub fn side(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The files in `dir`, sorted.
pub fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut names: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    names
}

/// A session with one exercise slot, ready for sets.
pub fn session_with_slot(store: &Store) -> (SessionId, SlotId) {
    let exercise = store
        .create_exercise(
            "Test Press",
            ExerciseKind::Strength,
            Equipment::Barbell,
            Mechanics::Compound,
            &[],
        )
        .unwrap();
    let session = store.start_session(at(0), "Test").unwrap();
    let slot = store.add_slot(session, exercise.id).unwrap().id;
    (session, slot)
}
