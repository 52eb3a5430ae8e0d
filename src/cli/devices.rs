//! `ironpulse devices`: list the heart-rate straps in range, to pick one for `--hr ble:<name>`.

use std::fmt::Write as _;
use std::io::Write as _;
use std::time::Duration;

use clap::Args;
use color_eyre::eyre::{WrapErr, eyre};
use ironpulse::hr::{Strap, ble};

use super::{Failure, output};

/// Options for `ironpulse devices`.
#[derive(Debug, Args)]
pub struct DevicesArgs {
    /// Print one JSON array of straps instead of a table
    #[arg(long)]
    json: bool,

    /// How long to scan
    #[arg(long, value_name = "N", default_value_t = 5,
          value_parser = clap::value_parser!(u64).range(1..=60))]
    scan_seconds: u64,
}

/// Scans and prints the straps found; without Bluetooth, fails (exit 1) with the reason.
pub fn run(args: &DevicesArgs) -> Result<(), Failure> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .wrap_err("could not start the Bluetooth runtime")?;
    let duration = Duration::from_secs(args.scan_seconds);
    if !args.json {
        let _ = writeln!(
            std::io::stderr(),
            "scanning for heart-rate straps for {} s…",
            args.scan_seconds
        );
    }
    let straps = runtime
        .block_on(ble::scan(duration))
        .map_err(|err| Failure::Runtime(eyre!(err)))?;
    if args.json {
        let json = serde_json::to_string(&straps).wrap_err("could not write the list as JSON")?;
        output::line(json)
    } else {
        output::text(&table(&straps))
    }
}

/// The straps as aligned columns, or what to do when there are none.
fn table(straps: &[Strap]) -> String {
    if straps.is_empty() {
        return "No heart-rate strap found. Wear it (wet the electrodes: a dry strap sleeps), \
                keep it near, and make sure no phone or watch is connected to it.\n"
            .to_owned();
    }
    let width = straps
        .iter()
        .map(|s| s.name.chars().count())
        .max()
        .unwrap_or(0)
        .max("NAME".len());
    let mut out = format!("{:<width$}  {:<17}  RSSI\n", "NAME", "ADDRESS");
    for strap in straps {
        let rssi = strap
            .rssi
            .map_or_else(|| "– (remembered)".to_owned(), |r| format!("{r} dBm"));
        let _ = writeln!(out, "{:<width$}  {:<17}  {rssi}", strap.name, strap.address);
    }
    out.push_str("\nUse one with: ironpulse hr monitor --hr ble:<name or address>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn straps_line_up_under_their_headings() {
        let straps = [
            Strap {
                name: "Polar H10 A1B2C3D4".into(),
                address: "A0:9E:1A:00:00:01".into(),
                rssi: Some(-58),
            },
            Strap {
                name: "TICKR".into(),
                address: "C4:7C:8D:00:00:02".into(),
                rssi: None,
            },
        ];
        assert_eq!(
            table(&straps),
            "NAME                ADDRESS            RSSI\n\
             Polar H10 A1B2C3D4  A0:9E:1A:00:00:01  -58 dBm\n\
             TICKR               C4:7C:8D:00:00:02  – (remembered)\n\
             \n\
             Use one with: ironpulse hr monitor --hr ble:<name or address>\n"
        );
    }

    #[test]
    fn no_strap_says_what_to_try() {
        assert!(table(&[]).starts_with("No heart-rate strap found. Wear it"));
    }
}
