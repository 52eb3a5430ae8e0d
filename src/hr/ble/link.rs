//! Bringing up one connection: connect, discover, read the battery and sensor location, then
//! subscribe to heart-rate notifications — each step with its own time limit.

use std::pin::Pin;

use btleplug::api::bleuuid::uuid_from_u16;
use btleplug::api::{Characteristic, Peripheral as _, ValueNotification};
use btleplug::platform::Peripheral;
use futures::Stream;
use tokio::time::timeout;

use super::error::timed;
use super::{
    BATTERY_LEVEL, BODY_SENSOR_LOCATION, BUS_TIMEOUT, BleError, CONNECT_TIMEOUT, DISCOVER_TIMEOUT,
    HR_MEASUREMENT, READ_TIMEOUT, SUBSCRIBE_TIMEOUT, Strap,
};

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
pub(super) async fn open(peripheral: &Peripheral, strap: &Strap) -> Result<Link, BleError> {
    let link = set_up(peripheral, strap).await;
    if link.is_err() {
        hang_up(peripheral).await;
    }
    link
}

/// Disconnects, best effort and bounded: the strap may already be gone.
pub(super) async fn hang_up(peripheral: &Peripheral) {
    let _ = timeout(BUS_TIMEOUT, peripheral.disconnect()).await;
}

async fn set_up(peripheral: &Peripheral, strap: &Strap) -> Result<Link, BleError> {
    let connected = timed(
        BUS_TIMEOUT,
        "checking the connection",
        peripheral.is_connected(),
    )
    .await?;
    if !connected {
        timed(
            CONNECT_TIMEOUT,
            "connecting (the strap's services never resolved)",
            peripheral.connect(),
        )
        .await?;
    }
    timed(
        DISCOVER_TIMEOUT,
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
        Some(level) => read_byte(peripheral, &level, "reading the battery level")
            .await
            .filter(|&percent| percent <= 100),
        None => None,
    };
    let location = match find(BODY_SENSOR_LOCATION) {
        Some(location) => read_byte(peripheral, &location, "reading the sensor location")
            .await
            .map(location_name),
        None => None,
    };
    if let Some(location) = location {
        tracing::info!(strap = %strap.name, location, "body sensor location");
    }
    // The stream must exist before subscribing, or the first notifications are lost.
    let notifications = timed(
        SUBSCRIBE_TIMEOUT,
        "listening for notifications",
        peripheral.notifications(),
    )
    .await?;
    timed(
        SUBSCRIBE_TIMEOUT,
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
    doing: &'static str,
) -> Option<u8> {
    match timed(READ_TIMEOUT, doing, peripheral.read(characteristic)).await {
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
