//! Builders for the review's tests: sessions, exercise sessions and readings on known days.

use chrono::{Datelike as _, NaiveDate};

use super::{ExerciseSession, HrTotals, SessionLoad};
use crate::core::heart::summary::ZONE_SLOTS;
use crate::core::profile::ZoneKind;
use crate::core::units::Weight;
use crate::core::workout::exercise::ExerciseId;
use crate::core::workout::session::SessionId;

/// June 2025: the 2nd, 9th, 16th, 23rd and 30th are Mondays.
pub fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, d).unwrap()
}

/// `n` days after Monday 2025-06-02 (negative: before).
pub fn nth(n: i64) -> NaiveDate {
    day(2) + chrono::Duration::days(n)
}

pub fn kg(v: f64) -> Weight {
    Weight::from_kg(v).unwrap()
}

fn session(date: NaiveDate) -> SessionLoad {
    SessionLoad {
        session: SessionId(i64::from(date.num_days_from_ce())),
        date,
        minutes: 60.0,
        rpe: None,
        hr: None,
        sets: 20,
        volume_kg: 5_000.0,
        cardio: false,
        title: String::new(),
    }
}

/// A session on June `d` with only a session RPE.
pub fn rpe_session(d: u32, rpe: u8, minutes: f64) -> SessionLoad {
    SessionLoad {
        rpe: Some(rpe),
        minutes,
        ..session(day(d))
    }
}

/// A session on June `d` with heart rate (Karvonen zones) and an hrTSS.
pub fn hr_session(d: u32, hr_tss: f64, zone_seconds: [u32; ZONE_SLOTS]) -> SessionLoad {
    hr_session_on(day(d), Some(hr_tss), ZoneKind::Karvonen, zone_seconds)
}

/// A session on `date` with heart rate.
pub fn hr_session_on(
    date: NaiveDate,
    hr_tss: Option<f64>,
    zones: ZoneKind,
    zone_seconds: [u32; ZONE_SLOTS],
) -> SessionLoad {
    SessionLoad {
        hr: Some(HrTotals {
            hr_tss,
            trimp: 0.0,
            avg_bpm: 130.0,
            max_bpm: 170,
            zones,
            zone_seconds,
        }),
        ..session(date)
    }
}

/// A session on `date` with a fixed hrTSS and a working volume.
pub fn load_on(date: NaiveDate, hr_tss: f64, volume_kg: f64) -> SessionLoad {
    SessionLoad {
        volume_kg,
        ..hr_session_on(date, Some(hr_tss), ZoneKind::Karvonen, [0; ZONE_SLOTS])
    }
}

/// One exercise in one session with a best e1RM (and the same heaviest load) and a volume.
pub fn lift(date: NaiveDate, exercise: i64, e1rm: f64, volume_kg: f64) -> ExerciseSession {
    ExerciseSession {
        date,
        session: SessionId(i64::from(date.num_days_from_ce()) * 100 + exercise),
        exercise: ExerciseId(exercise),
        working_sets: 3,
        best_e1rm: Some(kg(e1rm)),
        heaviest: Some(kg(e1rm * 0.85)),
        volume_kg,
    }
}
