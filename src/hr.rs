//! Heart-rate sources. Every source — a Bluetooth LE strap, the simulator, a replayed recording —
//! produces the same stream of `HrEvent`s, so the rest of the app never knows which one it has.
//!
//! The sources themselves arrive with the heart-rate issue; this is the seam they plug into.

use std::time::Duration;

use crate::core::units::Bpm;

/// Something that happened on the heart-rate link.
#[derive(Debug, Clone, PartialEq)]
pub enum HrEvent {
    Connected {
        name: String,
    },
    /// One measurement, `at` after the source started.
    Sample {
        at: Duration,
        bpm: Bpm,
        rr_ms: Vec<f64>,
        contact: Option<bool>,
    },
    Disconnected {
        reason: String,
    },
}

/// A producer of heart-rate events. Implementations run on their own task and stop when the
/// receiving side is dropped.
pub trait HeartRateSource: Send {
    /// A short description for the UI, e.g. "Polar H10 A1B2" or "simulated".
    fn describe(&self) -> String;
}
