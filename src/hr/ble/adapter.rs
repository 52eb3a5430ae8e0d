//! Reaching `BlueZ`: the system D-Bus, the daemon on it, and its first adapter.

use btleplug::api::bleuuid::uuid_from_u16;
use btleplug::api::{Manager as _, Peripheral as _};
use btleplug::platform::{Adapter, Manager, Peripheral};
use tokio::time::timeout;

use super::strap::UNNAMED;
use super::{BUS_TIMEOUT, BleError, HR_SERVICE, Strap};

/// The first Bluetooth adapter `BlueZ` offers. Must run inside the tokio runtime.
pub(super) async fn first() -> Result<Adapter, BleError> {
    let unavailable = |reason: String| BleError::Unavailable(reason);
    let secs = BUS_TIMEOUT.as_secs();
    let manager = match timeout(BUS_TIMEOUT, Manager::new()).await {
        Ok(Ok(manager)) => manager,
        Ok(Err(err)) => {
            return Err(unavailable(format!(
                "cannot reach the system D-Bus ({err}); is dbus running?"
            )));
        }
        Err(_) => {
            return Err(unavailable(format!(
                "the system D-Bus did not answer within {secs} s"
            )));
        }
    };
    let adapters = match timeout(BUS_TIMEOUT, manager.adapters()).await {
        Ok(Ok(adapters)) => adapters,
        Ok(Err(err)) => {
            return Err(unavailable(format!(
                "BlueZ is not answering on the system D-Bus ({err}); is the bluetooth service \
                 running? (`sudo systemctl start bluetooth`)"
            )));
        }
        Err(_) => {
            return Err(unavailable(format!("BlueZ did not answer within {secs} s")));
        }
    };
    adapters.into_iter().next().ok_or_else(|| {
        unavailable(
            "no Bluetooth adapter found (is one plugged in, and not blocked? see `rfkill list`)"
                .to_owned(),
        )
    })
}

/// What `peripheral` is, if it is a heart-rate strap (it lists the Heart Rate service).
pub(super) async fn strap_of(peripheral: &Peripheral) -> Option<Strap> {
    let properties = timeout(BUS_TIMEOUT, peripheral.properties())
        .await
        .ok()?
        .ok()??;
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
