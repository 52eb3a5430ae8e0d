//! `ironpulse hr monitor | record | decode | rest`: heart rate without the terminal UI — stream a
//! source, record it raw, decode packets by hand, or take a resting HRV reading.

mod anchors;
mod decode;
mod format;
mod monitor;
mod record;
mod rest;
mod stream;

use std::path::PathBuf;

use clap::{Args, Subcommand};
use ironpulse::hr::{self, HeartRateSource, SourceSpec, Speed};

use super::output::Stdout;
use super::{Context, Failure};

/// `ironpulse hr …`.
#[derive(Debug, Subcommand)]
pub enum HrCommand {
    /// Stream heart rate headless: samples with zone and hrTSS, and link events
    #[command(after_help = "\
Zones (the profile's model: Karvonen, or Friel's LTHR zones) and hrTSS (HR-based, TRIMP-normalised)
use the profile in the database when there is one; any of --max/--rest/--lthr/--sex/--zones
replaces it. The first line says which was used. A value sent without skin contact is shown as sent
but has no zone and adds nothing to hrTSS or RMSSD, as in the app's heart-rate panel.

With --json: one object per line. Samples carry at_ms, bpm, rr_ms, contact, energy_kj, zone, hrtss
and rmssd; link changes carry event (config, connected, battery, sensor_location, contact_lost, stale,
invalid_packet, reconnecting, disconnected) and at_ms too: when they arrived, on the samples' clock.

Exits 1 with the reason when no heart rate arrives at all (no Bluetooth, no strap, never connected)
or a strap's source gives up; Ctrl-C and --duration end it normally.

Examples:
  ironpulse hr monitor
  ironpulse hr monitor --hr replay:assets/sample.hr --speed 10
  ironpulse hr monitor --hr sim:7 --json --duration 300 --speed 60 --max 185 --rest 55")]
    Monitor(MonitorArgs),

    /// Write a raw recording (`<ms> <hex>` lines) of a heart-rate source
    #[command(after_help = "\
FILE must not exist yet. Stop with Ctrl-C, --duration, or the end of a replay. The recording can be
played back with --hr replay:FILE. When no heart rate arrived at all, FILE is removed again and the
command exits 1 with the reason (no Bluetooth, never connected), or 130 after Ctrl-C.

Examples:
  ironpulse hr record session.hr --duration 600
  ironpulse hr record assets/sample.hr --hr sim --duration 300 --speed 60")]
    Record(RecordArgs),

    /// Decode Heart Rate Measurement (0x2A37) packets given in hex
    #[command(after_help = "\
Exits 2, with the reason, if a packet is invalid. Each argument is a packet, except that separate
one-byte arguments in a row are read as one packet (`16 3C 11 04` is the same as `163c1104`).

Examples:
  ironpulse hr decode 163c1104
  ironpulse hr decode 16 3C 11 04 --json
  ironpulse hr decode 063C \"16 3c 11 04\" --json")]
    Decode(DecodeArgs),

    /// Take a resting HRV reading: lie still while the strap streams RR intervals
    #[command(after_help = "\
Lie down (or sit) still and breathe normally, ideally in the morning before getting up. The strap
streams RR intervals for --duration seconds from the first heart rate; artefacts (RR outside
300–2000 ms or more than 20 % from the previous clean one) are dropped and counted. RMSSD and SDNN
are computed over the clean intervals, the reading is stored, and it is compared with the mean and
SD of your readings on the 30 days before today (from 5 readings on).

Exits 1, saving nothing, when the reading is unusable: fewer than 30 clean beats or under half of
them clean, a strap that sends no RR intervals, a strap that disconnects and does not come back,
or no heart rate at all (no Bluetooth, never connected). Ctrl-C stops without saving (exit 130).

With --json: one object with rmssd_ms, sdnn_ms, mean_bpm, beats, dropped, duration_s, saved,
baseline ({mean_ms, sd_ms, readings} or null) and below_baseline (null without a baseline).

Examples:
  ironpulse hr rest
  ironpulse hr rest --hr ble:H10 --duration 300
  ironpulse hr rest --hr sim --speed 60 --duration 60 --json --no-save
  ironpulse hr rest --hr replay:morning.hr --speed 20")]
    Rest(rest::RestArgs),
}

/// Where heart rate comes from, and how fast.
#[derive(Debug, Args)]
pub struct SourceArgs {
    /// Heart-rate source: sim, sim:<seed>, replay:<file>, ble, ble:<name or address>
    #[arg(long = "hr", value_name = "SOURCE", default_value = "sim")]
    spec: SourceSpec,

    /// Stop after this many seconds of heart rate (source time)
    #[arg(long, value_name = "SECONDS",
          value_parser = clap::value_parser!(u64).range(1..=7 * 24 * 3600))]
    duration: Option<u64>,

    /// Run the simulator or a replay this many times faster than real time (also --hr-speed)
    #[arg(long, alias = "hr-speed", value_name = "N", default_value = "1")]
    speed: Speed,
}

impl SourceArgs {
    /// Opens the source; every refusal (no Bluetooth, a bad recording) is a usage error.
    fn open(&self) -> Result<Box<dyn HeartRateSource>, Failure> {
        hr::open(&self.spec, self.speed).map_err(|err| Failure::Usage(err.to_string()))
    }
}

/// Options for `ironpulse hr monitor`.
#[derive(Debug, Args)]
pub struct MonitorArgs {
    #[command(flatten)]
    source: SourceArgs,

    #[command(flatten)]
    anchors: anchors::AnchorArgs,

    /// One JSON object per line instead of text
    #[arg(long)]
    json: bool,
}

/// Options for `ironpulse hr record`.
#[derive(Debug, Args)]
pub struct RecordArgs {
    /// The recording to write (must not exist yet)
    #[arg(value_name = "FILE")]
    file: PathBuf,

    #[command(flatten)]
    source: SourceArgs,
}

/// Options for `ironpulse hr decode`.
#[derive(Debug, Args)]
pub struct DecodeArgs {
    /// Packets as hex, e.g. 163c1104 or 16 3C 11 04 (spaces, colons and a 0x prefix are allowed)
    #[arg(value_name = "HEX", required = true)]
    packets: Vec<String>,

    /// One JSON object per packet instead of text
    #[arg(long)]
    json: bool,
}

/// Runs an `hr` subcommand.
pub fn run(ctx: &Context, command: HrCommand) -> Result<(), Failure> {
    match command {
        HrCommand::Monitor(args) => monitor::run(ctx, &args),
        HrCommand::Record(args) => record::run(&args),
        HrCommand::Decode(args) => decode::run(&args),
        HrCommand::Rest(args) => rest::run(ctx, &args),
    }
}
