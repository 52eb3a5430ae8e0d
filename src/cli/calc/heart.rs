//! `calc hrmax | zones | hrv`: heart-rate anchors, zones and variability.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use ironpulse::core::heart::hrv;
use ironpulse::core::heart::zones::{HrMaxFormula, Sport, ZoneModel};
use ironpulse::core::units::format_number;
use serde_json::{Value, json};

use super::super::Failure;
use super::input::{self, usage};
use super::report::{Report, r2};

/// Ages the max-HR formulas are asked about.
const AGES: std::ops::RangeInclusive<u32> = 10..=100;

/// Which max-HR estimate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HrMaxArg {
    /// Tanaka 2001: 208 − 0.7 · age
    Tanaka,
    /// Fox 1971: 220 − age
    Fox,
}

/// Options for `calc hrmax`.
#[derive(Debug, Args)]
pub struct HrmaxArgs {
    /// Age in years (10–100)
    #[arg(long, value_name = "A")]
    age: u32,
    /// Which estimate
    #[arg(long, value_enum, default_value = "tanaka")]
    formula: HrMaxArg,
}

/// Which zone model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModelArg {
    /// Heart-rate reserve, 50/60/70/80/90 % (needs --max and --rest)
    Karvonen,
    /// Friel's running table on LTHR (needs --lthr)
    FrielRun,
    /// Friel's cycling table on LTHR (needs --lthr)
    FrielBike,
}

/// Options for `calc zones`.
#[derive(Debug, Args)]
pub struct ZonesArgs {
    /// Max heart rate, bpm (Karvonen)
    #[arg(long, value_name = "M")]
    max: Option<u32>,
    /// Resting heart rate, bpm (Karvonen)
    #[arg(long, value_name = "R")]
    rest: Option<u32>,
    /// Lactate-threshold heart rate, bpm (Friel)
    #[arg(long, value_name = "L")]
    lthr: Option<u32>,
    /// Zone model
    #[arg(long, value_enum, default_value = "karvonen")]
    model: ModelArg,
}

/// Options for `calc hrv`.
#[derive(Debug, Args)]
pub struct HrvArgs {
    /// RR intervals in milliseconds
    #[arg(
        value_name = "RR_MS",
        required_unless_present = "file",
        conflicts_with = "file"
    )]
    rr: Vec<f64>,
    /// A file with one RR interval in milliseconds per line
    #[arg(long, value_name = "FILE")]
    file: Option<PathBuf>,
    /// Keep every interval: skip the artefact filter
    #[arg(long)]
    raw: bool,
}

/// Estimated max heart rate from age.
pub fn hrmax(args: &HrmaxArgs) -> Result<Report, Failure> {
    if !AGES.contains(&args.age) {
        return Err(usage(format!(
            "--age: must be {}–{} years, got {}",
            AGES.start(),
            AGES.end(),
            args.age
        )));
    }
    let (formula, name) = match args.formula {
        HrMaxArg::Tanaka => (HrMaxFormula::Tanaka, "Tanaka"),
        HrMaxArg::Fox => (HrMaxFormula::Fox, "Fox"),
    };
    let age = i32::try_from(args.age).unwrap_or(i32::MAX);
    let hrmax = formula.estimate(age);
    Ok(Report::new(
        json!({ "hrmax": r2(hrmax) }),
        format!(
            "max heart rate {} bpm ({name}, age {})",
            format_number(hrmax),
            args.age
        ),
    ))
}

fn needed(value: Option<u32>, flag: &str, model: &str) -> Result<u32, Failure> {
    value.ok_or_else(|| usage(format!("{model} zones need {flag}")))
}

/// Heart-rate zones for a model.
pub fn zones(args: &ZonesArgs) -> Result<Report, Failure> {
    let (model, name) = match args.model {
        ModelArg::Karvonen => {
            let max = input::bpm(needed(args.max, "--max", "Karvonen")?, "--max")?;
            let rest = input::bpm(needed(args.rest, "--rest", "Karvonen")?, "--rest")?;
            (ZoneModel::karvonen(rest, max).map_err(usage)?, "karvonen")
        }
        ModelArg::FrielRun | ModelArg::FrielBike => {
            let lthr = input::bpm(needed(args.lthr, "--lthr", "Friel")?, "--lthr")?;
            if args.model == ModelArg::FrielRun {
                (ZoneModel::lthr(lthr, Sport::Run), "friel-run")
            } else {
                (ZoneModel::lthr(lthr, Sport::Bike), "friel-bike")
            }
        }
    };
    let bands = model.bands();
    let zones: Vec<Value> = bands
        .iter()
        .map(|b| {
            json!({
                "zone": b.zone.label.trim_start_matches('Z'),
                "name": b.zone.name,
                "low": r2(b.low),
                "high": b.high.map(r2),
            })
        })
        .collect();
    let text: Vec<String> = bands
        .iter()
        .map(|b| {
            let range = match b.last_bpm() {
                Some(last) => format!("{}–{last}", b.first_bpm()),
                None => format!("{}+", b.first_bpm()),
            };
            format!("{:<4} {range:>8} bpm  {}", b.zone.label, b.zone.name)
        })
        .collect();
    Ok(Report::new(
        json!({ "model": name, "zones": zones }),
        text.join("\n"),
    ))
}

/// RMSSD and SDNN of RR intervals, artefacts dropped unless `--raw`.
pub fn hrv(args: &HrvArgs) -> Result<Report, Failure> {
    let rr = match &args.file {
        Some(path) => input::read_numbers(path, "RR interval")?,
        None => args.rr.clone(),
    };
    if let Some(bad) = rr.iter().find(|v| !(v.is_finite() && **v > 0.0)) {
        return Err(usage(format!(
            "RR intervals must be more than 0 ms, got {}",
            format_number(*bad)
        )));
    }
    let cleaned = if args.raw {
        hrv::Cleaned {
            intervals: rr,
            dropped: 0,
        }
    } else {
        hrv::clean(&rr)
    };
    let used = &cleaned.intervals;
    let (Some(rmssd), Some(sdnn)) = (hrv::rmssd(used), hrv::sdnn(used)) else {
        return Err(usage(format!(
            "HRV needs at least 2 clean RR intervals, got {} ({} dropped as artefacts)",
            used.len(),
            cleaned.dropped
        )));
    };
    Ok(Report::new(
        json!({
            "rmssd": r2(rmssd),
            "sdnn": r2(sdnn),
            "dropped": cleaned.dropped,
            "used": used.len(),
        }),
        format!(
            "RMSSD {} ms, SDNN {} ms ({} intervals, {} dropped as artefacts)",
            format_number(rmssd),
            format_number(sdnn),
            used.len(),
            cleaned.dropped
        ),
    ))
}
