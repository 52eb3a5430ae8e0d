//! Reaching `BlueZ`: the system D-Bus, the daemon on it, and its first adapter.

use std::time::Duration;

use btleplug::api::bleuuid::uuid_from_u16;
use btleplug::api::{Manager as _, Peripheral as _};
use btleplug::platform::{Adapter, Manager, Peripheral};
use tokio::time::timeout;

use super::error::Unavailable;
use super::strap::UNNAMED;
use super::{BleError, HR_SERVICE, Strap};

/// The first Bluetooth adapter `BlueZ` offers, each call to the bus bounded by `limit`. Must run
/// inside the tokio runtime. What the bus said is logged; the error says it in words.
pub(super) async fn first(limit: Duration) -> Result<Adapter, BleError> {
    let unavailable = |why| BleError::Unavailable(why);
    let manager = match timeout(limit, Manager::new()).await {
        Ok(Ok(manager)) => manager,
        Ok(Err(err)) => {
            tracing::warn!("cannot reach the system D-Bus: {err}");
            return Err(unavailable(Unavailable::NoBus));
        }
        Err(_) => return Err(unavailable(Unavailable::BusSilent(limit))),
    };
    let adapters = match timeout(limit, manager.adapters()).await {
        Ok(Ok(adapters)) => adapters,
        Ok(Err(err)) => {
            let said = err.to_string();
            tracing::warn!("BlueZ is not answering on the system D-Bus: {said}");
            return Err(unavailable(bluez_refusal(&said)));
        }
        Err(_) => return Err(unavailable(Unavailable::BluezSilent(limit))),
    };
    adapters
        .into_iter()
        .next()
        .ok_or(unavailable(Unavailable::NoAdapter))
}

/// What a failed call to `BlueZ` means, from the D-Bus error it carries: a policy refusal, or
/// (the usual case: `ServiceUnknown`, `NameHasNoOwner`) no `BlueZ` on the bus.
fn bluez_refusal(said: &str) -> Unavailable {
    if said.contains("org.freedesktop.DBus.Error.AccessDenied") {
        Unavailable::Denied
    } else {
        Unavailable::NoBluez
    }
}

/// What `peripheral` is, if it is a heart-rate strap (it lists the Heart Rate service).
pub(super) async fn strap_of(peripheral: &Peripheral, limit: Duration) -> Option<Strap> {
    let properties = timeout(limit, peripheral.properties()).await.ok()?.ok()??;
    if !properties.services.contains(&uuid_from_u16(HR_SERVICE)) {
        return None;
    }
    Some(Strap {
        name: properties
            .local_name
            .filter(|name| !name.trim().is_empty())
            .unwrap_or_else(|| UNNAMED.to_owned()),
        address: properties.address.to_string(),
        rssi: properties.rssi,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_policy_refusal_is_told_apart_from_a_missing_bluez() {
        assert_eq!(
            bluez_refusal(
                "D-Bus error: Rejected send message (org.freedesktop.DBus.Error.AccessDenied)"
            ),
            Unavailable::Denied
        );
        assert_eq!(
            bluez_refusal(
                "D-Bus error: The name org.bluez was not provided by any .service files \
                 (org.freedesktop.DBus.Error.ServiceUnknown)"
            ),
            Unavailable::NoBluez
        );
    }
}
