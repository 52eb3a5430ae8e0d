//! The one event type every heart-rate source produces.

use std::time::Duration;

use crate::core::heart::hrm::Contact;
use crate::core::units::Bpm;

/// Something that happened on the heart-rate link.
#[derive(Debug, Clone, PartialEq)]
pub enum HrEvent {
    /// The source is connected and about to stream. `address` is the strap's Bluetooth address
    /// (`None` for the simulator and replays).
    Connected {
        name: String,
        address: Option<String>,
    },
    /// One notification from the strap, `at` after the source started (source time: a replay
    /// at 10× still reports the recording's times).
    Sample {
        at: Duration,
        /// `None` when the strap sent a value outside 20–250 bpm (straps send 0 without contact).
        bpm: Option<Bpm>,
        /// RR intervals in ms, oldest first; often empty.
        rr_ms: Vec<f64>,
        contact: Contact,
        /// Energy expended since the strap's last reset, when it sends it.
        energy_kj: Option<u16>,
    },
    /// The strap reported skin contact and now reports none: its values are unreliable.
    ContactLost,
    /// No sample for `silent_for` (see [`GAP_AFTER`](crate::core::heart::sample::GAP_AFTER)); sent once per silence.
    Stale { silent_for: Duration },
    /// The link is gone; the source has stopped unless a `Reconnecting` follows.
    Disconnected { reason: String },
    /// The source will try again after `delay`.
    Reconnecting { attempt: u32, delay: Duration },
    /// Battery level in percent (0–100).
    Battery(u8),
    /// Where the strap says it is worn (Body Sensor Location, 0x2A38): `chest`, `wrist`, `finger`,
    /// `hand`, `ear lobe`, `foot` or `other`. Sent after `Connected` when the strap has one.
    SensorLocation(&'static str),
    /// A packet that could not be decoded; it was dropped and nothing was invented.
    InvalidPacket { reason: String },
}
