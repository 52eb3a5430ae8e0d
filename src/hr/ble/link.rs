//! Bringing up one connection: connect, discover, read the battery and sensor location, then
//! subscribe to heart-rate notifications — each step with its own time limit.

use std::pin::Pin;
use std::time::Duration;

use btleplug::api::bleuuid::uuid_from_u16;
use btleplug::api::{Characteristic, Peripheral as _, ValueNotification};
use btleplug::platform::Peripheral;
use futures::Stream;
use tokio::time::timeout;

use super::error::timed;
use super::{BATTERY_LEVEL, BODY_SENSOR_LOCATION, BleError, HR_MEASUREMENT, Strap, Timing};

/// The heart-rate notifications of a connected strap.
pub(super) type Notifications = Pin<Box<dyn Stream<Item = ValueNotification> + Send>>;

/// A strap, connected and subscribed.
pub(super) struct Link {
    /// Every notification the strap sends (filter for 0x2A37).
    pub notifications: Notifications,
    /// Battery level in percent, when the strap has a Battery Service and answered.
    pub battery: Option<u8>,
    /// Where the strap is worn ([`location_name`]), when it has a Body Sensor Location.
    pub location: Option<&'static str>,
}

/// Connects to `peripheral` and subscribes to its heart rate; on failure hangs up again so a
/// half-open link does not hold the strap.
pub(super) async fn open(
    peripheral: &Peripheral,
    strap: &Strap,
    timing: &Timing,
) -> Result<Link, BleError> {
    let link = set_up(peripheral, strap, timing).await;
    if link.is_err() {
        hang_up(peripheral, timing.bus).await;
    }
    link
}

/// Disconnects, best effort and bounded by `limit`: the strap may already be gone.
pub(super) async fn hang_up(peripheral: &Peripheral, limit: Duration) {
    let _ = timeout(limit, peripheral.disconnect()).await;
}

async fn set_up(peripheral: &Peripheral, strap: &Strap, timing: &Timing) -> Result<Link, BleError> {
    let connected = timed(
        timing.bus,
        "checking the connection",
        peripheral.is_connected(),
    )
    .await?;
    if !connected {
        timed(
            timing.connect,
            "connecting (the strap's services never resolved)",
            peripheral.connect(),
        )
        .await?;
    }
    timed(
        timing.discover,
        "discovering the strap's services",
        peripheral.discover_services(),
    )
    .await?;
    let characteristics = peripheral.characteristics();
    let find = |uuid: u16| {
        characteristics
            .iter()
            .find(|c| c.uuid == uuid_from_u16(uuid))
            .cloned()
    };
    let measurement =
        find(HR_MEASUREMENT).ok_or_else(|| BleError::NotAStrap(strap.name.clone()))?;
    let battery = match find(BATTERY_LEVEL) {
        Some(level) => read_byte(peripheral, &level, timing.read, "reading the battery level")
            .await
            .filter(|&percent| percent <= 100),
        None => None,
    };
    let location = match find(BODY_SENSOR_LOCATION) {
        Some(location) => read_byte(
            peripheral,
            &location,
            timing.read,
            "reading the sensor location",
        )
        .await
        .map(location_name),
        None => None,
    };
    if let Some(location) = location {
        tracing::info!(strap = %strap.name, location, "body sensor location");
    }
    // The stream must exist before subscribing, or the first notifications are lost.
    let notifications = timed(
        timing.subscribe,
        "listening for notifications",
        peripheral.notifications(),
    )
    .await?;
    timed(
        timing.subscribe,
        "subscribing to heart-rate notifications",
        peripheral.subscribe(&measurement),
    )
    .await?;
    Ok(Link {
        notifications,
        battery,
        location,
    })
}

/// The first byte of a characteristic, or `None` (logged) when it cannot be read.
async fn read_byte(
    peripheral: &Peripheral,
    characteristic: &Characteristic,
    limit: Duration,
    doing: &'static str,
) -> Option<u8> {
    match timed(limit, doing, peripheral.read(characteristic)).await {
        Ok(value) => value.first().copied(),
        Err(err) => {
            tracing::warn!("{err}");
            None
        }
    }
}

/// The Body Sensor Location (0x2A38) values of the Heart Rate profile.
pub(super) fn location_name(code: u8) -> &'static str {
    match code {
        1 => "chest",
        2 => "wrist",
        3 => "finger",
        4 => "hand",
        5 => "ear lobe",
        6 => "foot",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sensor_locations_follow_the_heart_rate_profile() {
        let names: Vec<&str> = (0..=7).map(location_name).collect();
        assert_eq!(
            names,
            vec![
                "other", "chest", "wrist", "finger", "hand", "ear lobe", "foot", "other"
            ]
        );
    }
}
