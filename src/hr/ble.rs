//! Bluetooth LE heart-rate straps through `BlueZ` (btleplug). The only module that touches
//! Bluetooth: everything else sees [`HrEvent`]s.
//!
//! The source finds the strap (one `BlueZ` knows, else a scan for the Heart Rate service),
//! connects, reads the battery, subscribes to 0x2A37 and feeds every notification through the
//! shared [`Pipeline`](super::Pipeline). When the link drops or goes silent for
//! [`STALE_AFTER`](super::STALE_AFTER) it sends `Disconnected` (the app records a gap) and
//! `Reconnecting`, waits 1, 2, 4 … 30 s and tries again, forever. A failed attempt is another
//! `Disconnected` with the reason, then the next `Reconnecting`. Every Bluetooth wait has its
//! own time limit, so a strap whose services never resolve is a message, not a hang.
//! Without a system bus, `BlueZ` or an adapter the source sends one `Disconnected` whose reason
//! starts "Bluetooth unavailable" and ends.

mod adapter;
pub mod backoff;
mod error;
mod link;
mod scan;
mod session;
mod strap;

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tokio::sync::mpsc::UnboundedSender;
use tokio::task::JoinHandle;

use super::{HeartRateSource, HrEvent};

pub use error::BleError;
pub use scan::scan;
pub use strap::{Strap, Target};

/// The Heart Rate service.
const HR_SERVICE: u16 = 0x180D;
/// Heart Rate Measurement (notify).
const HR_MEASUREMENT: u16 = 0x2A37;
/// Body Sensor Location (read).
const BODY_SENSOR_LOCATION: u16 = 0x2A38;
/// Battery Level, 0–100 (read).
const BATTERY_LEVEL: u16 = 0x2A19;

/// Connecting, including `BlueZ` resolving the strap's services.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Discovering services and characteristics.
pub const DISCOVER_TIMEOUT: Duration = Duration::from_secs(10);
/// Starting notifications.
pub const SUBSCRIBE_TIMEOUT: Duration = Duration::from_secs(5);
/// Reading a characteristic (battery, sensor location).
pub const READ_TIMEOUT: Duration = Duration::from_secs(5);
/// One scan for the strap before the attempt counts as failed.
pub const FIND_TIMEOUT: Duration = Duration::from_secs(10);
/// Any other call to `BlueZ`.
const BUS_TIMEOUT: Duration = Duration::from_secs(5);

/// A Bluetooth LE heart-rate strap as a [`HeartRateSource`].
#[derive(Debug, Clone)]
pub struct BleSource {
    target: Target,
}

impl BleSource {
    /// The strap named or at `device` (case-insensitive, part of the name is enough), or the
    /// first strap found when `None`.
    pub fn new(device: Option<&str>) -> Self {
        BleSource {
            target: Target::new(device),
        }
    }

    /// Streams into `tx` until the receiver is dropped (then hangs up), or ends after one
    /// `Disconnected` when Bluetooth is unavailable.
    pub async fn run(self, tx: UnboundedSender<HrEvent>) {
        let current = Arc::new(Mutex::new(None));
        tokio::select! {
            () = session::run(self.target, &tx, &current) => {}
            () = tx.closed() => {}
        }
        let connected = current
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(peripheral) = connected {
            link::hang_up(&peripheral).await;
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
