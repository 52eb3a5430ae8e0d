//! `calc hrtss`: HR-based (TRIMP-normalised) hrTSS and Banister TRIMP of one session, from an
//! average heart rate or from a raw strap recording.

use std::path::{Path, PathBuf};

use clap::Args;
use ironpulse::core::heart::hrm::{self, Contact};
use ironpulse::core::heart::load::{LiveLoad, LoadParams};
use ironpulse::core::units::format_number;
use serde_json::{Map, json};

use super::super::Failure;
use super::input::{self, SexArg, usage};
use super::report::{Report, r2};

/// The longest session `--minutes` accepts.
const MAX_MINUTES: f64 = 24.0 * 60.0;

/// Options for `calc hrtss`.
#[derive(Debug, Args)]
pub struct HrtssArgs {
    /// Session length in minutes
    #[arg(
        long,
        value_name = "M",
        required_unless_present = "file",
        requires = "avg_hr"
    )]
    minutes: Option<f64>,
    /// Average heart rate over the session, bpm
    #[arg(
        long,
        value_name = "H",
        required_unless_present = "file",
        requires = "minutes"
    )]
    avg_hr: Option<u32>,
    /// A raw heart-rate recording (`<ms> <hex>` lines) instead of --minutes and --avg-hr
    #[arg(long, value_name = "FILE", conflicts_with_all = ["minutes", "avg_hr"])]
    file: Option<PathBuf>,
    /// Resting heart rate, bpm
    #[arg(long, value_name = "R")]
    rest: u32,
    /// Max heart rate, bpm
    #[arg(long, value_name = "X")]
    max: u32,
    /// Lactate-threshold heart rate, bpm
    #[arg(long, value_name = "L")]
    lthr: u32,
    /// Sex, for Banister's coefficients
    #[arg(long, value_enum, default_value = "m")]
    sex: SexArg,
}

/// What a recording held besides its load.
#[derive(Debug, Default, PartialEq)]
struct Replay {
    samples: usize,
    skipped: usize,
}

/// hrTSS and TRIMP of one session.
pub fn hrtss(args: &HrtssArgs) -> Result<Report, Failure> {
    let params = LoadParams::new(
        input::bpm(args.rest, "--rest")?,
        input::bpm(args.max, "--max")?,
        Some(input::bpm(args.lthr, "--lthr")?),
        args.sex.into(),
    )
    .map_err(usage)?;
    let mut live = LiveLoad::new(params);
    let mut json = Map::new();
    let mut detail = String::new();
    if let Some(path) = &args.file {
        let replay = replay(path, &mut live)?;
        json.insert("samples".into(), json!(replay.samples));
        json.insert("skipped".into(), json!(replay.skipped));
        detail = format!(", {} samples, {} skipped", replay.samples, replay.skipped);
    } else if let (Some(minutes), Some(avg)) = (args.minutes, args.avg_hr) {
        if !(minutes.is_finite() && minutes > 0.0 && minutes <= MAX_MINUTES) {
            return Err(usage(format!(
                "--minutes: a session must last more than 0 and at most {MAX_MINUTES} minutes, got {}",
                format_number(minutes)
            )));
        }
        live.add_steady(input::bpm(avg, "--avg-hr")?, minutes * 60.0);
    }
    let hrtss = live.hr_tss().unwrap_or(0.0);
    json.insert("hrtss".into(), json!(r2(hrtss)));
    json.insert("trimp".into(), json!(r2(live.trimp())));
    json.insert("minutes".into(), json!(r2(live.minutes())));
    let text = format!(
        "hrTSS {} (HR-based, TRIMP-normalised), TRIMP {}, over {} min{detail}",
        format_number(hrtss),
        format_number(live.trimp()),
        format_number(live.minutes())
    );
    Ok(Report::new(serde_json::Value::Object(json), text))
}

/// Feeds a raw recording into `live`: each sample counts for the time since the one before
/// (the first for the time since the recording started). Packets that do not decode, or carry
/// no usable heart rate (no skin contact, out of range), are skipped and counted; a line that is
/// not `<ms> <hex>` stops with its line number.
fn replay(path: &Path, live: &mut LiveLoad) -> Result<Replay, Failure> {
    let text = input::read_file(path)?;
    let mut out = Replay::default();
    let mut previous_ms = 0;
    for (i, line) in text.lines().enumerate() {
        let Some((ms, bytes)) = hrm::parse_recording_line(line)
            .map_err(|err| usage(format!("{} line {}: {err}", path.display(), i + 1)))?
        else {
            continue;
        };
        let sample = hrm::parse(&bytes)
            .ok()
            .filter(|m| m.contact != Contact::NotDetected)
            .and_then(|m| m.bpm());
        match sample {
            Some(bpm) => {
                let dt = ms.saturating_sub(previous_ms) as f64 / 1000.0;
                live.add(bpm, dt);
                out.samples += 1;
            }
            None => out.skipped += 1,
        }
        previous_ms = ms;
    }
    if out.samples == 0 {
        return Err(usage(format!(
            "{}: no usable heart-rate samples ({} skipped)",
            path.display(),
            out.skipped
        )));
    }
    Ok(out)
}
