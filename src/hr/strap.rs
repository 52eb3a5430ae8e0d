//! A heart-rate strap as a scan finds it: what the straps screen lists and `devices` prints.

use serde::Serialize;

/// A strap that advertises the Heart Rate service (0x180D).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Strap {
    /// The name it advertises, e.g. "Polar H10 A1B2C3D4" ("unnamed strap" when it sends none).
    pub name: String,
    /// Its Bluetooth address, `AA:BB:CC:DD:EE:FF`.
    pub address: String,
    /// Signal strength in dBm when it was seen in this scan (closer to 0 is nearer);
    /// `None` for a strap `BlueZ` remembers but did not hear this time.
    pub rssi: Option<i16>,
}
