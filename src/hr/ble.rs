//! Bluetooth LE heart-rate straps through `BlueZ` (btleplug). The only module that touches
//! Bluetooth: everything else sees [`HrEvent`]s.
//!
//! The source finds the strap (one `BlueZ` knows, else a scan for the Heart Rate service),
//! connects, reads the battery, subscribes to 0x2A37 and feeds every notification through the
//! shared [`Pipeline`](super::Pipeline). When the link drops or goes silent for the stale time
//! (5 s) it sends `Disconnected` (the app records a gap) and `Reconnecting`, waits 1, 2, 4 … 30 s
//! and tries again, forever. A failed attempt is another `Disconnected` with the reason, then the
//! next `Reconnecting`. Every Bluetooth wait has its own time limit ([`Timing`]), so a strap whose
//! services never resolve is a message, not a hang. The system bus itself is watched: when it goes
//! away the source says "Bluetooth lost: the system bus went away" and keeps trying until it is
//! back. Without a system bus, `BlueZ` or an adapter at the start, the source sends one
//! `Disconnected` whose reason starts "Bluetooth unavailable" and ends.

mod adapter;
mod bus;
mod error;
mod link;
mod scan;
mod session;
mod strap;
mod timing;

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tokio::sync::mpsc::UnboundedSender;
use tokio::task::JoinHandle;

use super::{HeartRateSource, HrEvent, Strap};

pub use error::{BleError, Unavailable};
pub use scan::scan;
pub use strap::Target;
pub use timing::{TIMING_ENV, Timing};

/// The Heart Rate service.
const HR_SERVICE: u16 = 0x180D;
/// Heart Rate Measurement (notify).
const HR_MEASUREMENT: u16 = 0x2A37;
/// Body Sensor Location (read).
const BODY_SENSOR_LOCATION: u16 = 0x2A38;
/// Battery Level, 0–100 (read).
const BATTERY_LEVEL: u16 = 0x2A19;

/// A Bluetooth LE heart-rate strap as a [`HeartRateSource`].
#[derive(Debug, Clone)]
pub struct BleSource {
    target: Target,
    timing: Timing,
}

impl BleSource {
    /// The strap named or at `device` (case-insensitive, part of the name is enough), or the
    /// first strap found when `None`; with the production waits unless [`TIMING_ENV`] shortens
    /// some.
    pub fn new(device: Option<&str>) -> Self {
        BleSource {
            target: Target::new(device),
            timing: Timing::from_env(),
        }
    }

    /// The same strap with these waits.
    #[must_use]
    pub fn with_timing(self, timing: Timing) -> Self {
        BleSource { timing, ..self }
    }

    /// Streams into `tx` until the receiver is dropped (then hangs up), or ends after one
    /// `Disconnected` when Bluetooth is unavailable at the start.
    pub async fn run(self, tx: UnboundedSender<HrEvent>) {
        let current = Arc::new(Mutex::new(None));
        let hang_up_within = self.timing.bus;
        tokio::select! {
            () = session::run(self.target, self.timing, &tx, &current) => {}
            () = tx.closed() => {}
        }
        let connected = current
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(peripheral) = connected {
            link::hang_up(&peripheral, hang_up_within).await;
        }
    }
}

impl HeartRateSource for BleSource {
    fn describe(&self) -> String {
        match &self.target {
            Target::Any => "Bluetooth LE (first strap found)".to_owned(),
            target => format!("Bluetooth LE ({target})"),
        }
    }

    fn spawn(self: Box<Self>, tx: UnboundedSender<HrEvent>) -> JoinHandle<()> {
        tokio::spawn(self.run(tx))
    }

    fn again(&self) -> Option<Box<dyn HeartRateSource>> {
        Some(Box::new(self.clone()))
    }

    fn restart_delay(&self, attempt: u32) -> Duration {
        self.timing.backoff.delay(attempt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describe_names_the_strap_asked_for() {
        assert_eq!(
            BleSource::new(None).describe(),
            "Bluetooth LE (first strap found)"
        );
        assert_eq!(
            BleSource::new(Some("H10")).describe(),
            "Bluetooth LE (the strap \"H10\")"
        );
    }
}
