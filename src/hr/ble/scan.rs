//! Listing the heart-rate straps in range.

use std::cmp::Reverse;
use std::time::Duration;

use btleplug::api::bleuuid::uuid_from_u16;
use btleplug::api::{Central as _, ScanFilter};
use tokio::time::timeout;

use super::error::timed;
use super::{BleError, HR_SERVICE, Strap, Timing, adapter};

/// Scans for `duration` and returns the heart-rate straps seen, plus those `BlueZ` remembers
/// (with no RSSI), nearest first.
pub async fn scan(duration: Duration) -> Result<Vec<Strap>, BleError> {
    let limit = Timing::from_env().bus;
    let adapter = adapter::first(limit).await?;
    timed(
        limit,
        "starting a Bluetooth scan",
        adapter.start_scan(filter()),
    )
    .await?;
    tokio::time::sleep(duration).await;
    let listed = timed(limit, "listing Bluetooth devices", adapter.peripherals()).await;
    let mut straps = Vec::new();
    for peripheral in listed.as_deref().unwrap_or_default() {
        if let Some(strap) = adapter::strap_of(peripheral, limit).await {
            straps.push(strap);
        }
    }
    let _ = timeout(limit, adapter.stop_scan()).await;
    listed?;
    sort(&mut straps);
    Ok(straps)
}

/// Only devices advertising the Heart Rate service.
pub(super) fn filter() -> ScanFilter {
    ScanFilter {
        services: vec![uuid_from_u16(HR_SERVICE)],
    }
}

/// Strongest signal first, remembered-but-unheard straps last, then by name.
fn sort(straps: &mut [Strap]) {
    straps.sort_by(|a, b| {
        (Reverse(a.rssi), &a.name, &a.address).cmp(&(Reverse(b.rssi), &b.name, &b.address))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strap(name: &str, rssi: Option<i16>) -> Strap {
        Strap {
            name: name.into(),
            address: "A0:9E:1A:00:00:01".into(),
            rssi,
        }
    }

    #[test]
    fn nearest_first_and_unheard_last() {
        let mut straps = vec![
            strap("far", Some(-90)),
            strap("remembered", None),
            strap("near", Some(-40)),
            strap("also far", Some(-90)),
        ];
        sort(&mut straps);
        let names: Vec<&str> = straps.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, vec!["near", "also far", "far", "remembered"]);
    }
}
