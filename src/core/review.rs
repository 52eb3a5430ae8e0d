//! The review after the workout: training load over days and weeks, exercise progress, muscle
//! coverage and the insights drawn from them. The store supplies the rows below (stored
//! per-session summaries, never raw heart rate); the functions in the submodules compute what the
//! screens, `report` and `context` show.

pub mod hrv;
pub mod insights;
pub mod load;
pub mod muscles;
pub mod progress;
pub mod range;
pub mod records;
pub mod session;
pub mod strength;
#[cfg(test)]
mod tests_support;

use chrono::NaiveDate;

use crate::core::heart::summary::ZONE_SLOTS;
use crate::core::profile::ZoneKind;
use crate::core::units::Weight;
use crate::core::workout::exercise::ExerciseId;
use crate::core::workout::session::SessionId;

/// One finished session as the training-load views read it: its length, session RPE and the
/// stored heart-rate summary when heart rate was recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionLoad {
    pub session: SessionId,
    /// The day the session started (UTC, like every stored date).
    pub date: NaiveDate,
    /// From start to finish.
    pub minutes: f64,
    /// Session RPE (0–10), when the lifter gave one.
    pub rpe: Option<u8>,
    /// The stored HR summary; `None` for a session without heart rate.
    pub hr: Option<HrTotals>,
    /// Every set logged, warm-ups included (the stored session summary).
    pub sets: u32,
    /// Working volume in kg × reps, warm-ups left out and bodyweight sets counting the day's
    /// body weight (the stored session summary).
    pub volume_kg: f64,
    /// Most of the session's exercises are cardio (polarisation looks at these).
    pub cardio: bool,
    /// The session's title ("Push", "Legs"…), as the lists show it.
    pub title: String,
}

/// A session's stored heart-rate summary, as far as the review reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HrTotals {
    /// HR-based (TRIMP-normalised) hrTSS; `None` when the session had no LTHR.
    pub hr_tss: Option<f64>,
    pub trimp: f64,
    pub avg_bpm: f64,
    pub max_bpm: u16,
    /// The zone model the seconds below are counted in.
    pub zones: ZoneKind,
    /// Seconds in each zone by index (Karvonen: Z0–Z5, Friel: Z0–Z6).
    pub zone_seconds: [u32; ZONE_SLOTS],
}

/// One exercise in one session, as muscle coverage reads it: its primary muscles and how many
/// working sets were done.
#[derive(Debug, Clone, PartialEq)]
pub struct MuscleSets {
    pub date: NaiveDate,
    pub exercise: ExerciseId,
    pub muscles: Vec<String>,
    pub sets: u32,
}

/// One exercise in one session, summarised for the review across all lifts: e1RM trends,
/// personal records over time (a running best, since the record table keeps only the current
/// one) and volume.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExerciseSession {
    pub date: NaiveDate,
    pub session: SessionId,
    pub exercise: ExerciseId,
    /// Working sets (warm-ups left out, as everywhere in the review).
    pub working_sets: u32,
    /// The best stored e1RM of the session's working sets.
    pub best_e1rm: Option<Weight>,
    /// The heaviest working-set load.
    pub heaviest: Option<Weight>,
    /// Working volume in kg × reps; a bodyweight set counts the day's body weight like the
    /// stored session volume, so a session's exercises add up to its `volume_kg`.
    pub volume_kg: f64,
}

/// A resting HRV measurement.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HrvReading {
    pub date: NaiveDate,
    pub rmssd_ms: f64,
    pub sdnn_ms: Option<f64>,
    /// Clean RR intervals the figures came from.
    pub beats: u32,
    /// RR intervals dropped as artefacts.
    pub dropped: u32,
    pub duration_s: u32,
}
