//! `calc pmc | acwr`: fitness, fatigue and form, and the acute:chronic workload ratio, from a
//! file of daily loads.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use ironpulse::core::load::acwr::{self, Band, Method};
use ironpulse::core::load::pmc;
use ironpulse::core::units::format_number;
use serde_json::json;

use super::super::Failure;
use super::input;
use super::report::{Report, round};

/// Decimals kept in the PMC and ACWR series.
const PLACES: i32 = 4;

/// Options for `calc pmc`.
#[derive(Debug, Args)]
pub struct PmcArgs {
    /// A file with one daily load per line, oldest first (rest days as 0)
    #[arg(long, value_name = "FILE")]
    loads: PathBuf,
}

/// How the ACWR averages are taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AcwrModel {
    /// 7-day mean / 28-day mean (Hulin 2016)
    Rolling,
    /// Exponentially weighted averages (Williams 2017)
    Ewma,
}

/// Options for `calc acwr`.
#[derive(Debug, Args)]
pub struct AcwrArgs {
    /// A file with one daily load per line, oldest first (rest days as 0)
    #[arg(long, value_name = "FILE")]
    loads: PathBuf,
    /// How the averages are taken
    #[arg(long, value_enum, default_value = "rolling")]
    model: AcwrModel,
}

fn series(values: impl Iterator<Item = f64>) -> Vec<f64> {
    values.map(|v| round(v, PLACES)).collect()
}

/// CTL, ATL and TSB for every day.
pub fn pmc(args: &PmcArgs) -> Result<Report, Failure> {
    let loads = input::read_numbers(&args.loads, "daily load")?;
    let days = pmc::series(&loads);
    let json = json!({
        "ctl": series(days.iter().map(|d| d.ctl)),
        "atl": series(days.iter().map(|d| d.atl)),
        "tsb": series(days.iter().map(|d| d.tsb)),
    });
    let text = days.last().map_or_else(String::new, |last| {
        format!(
            "day {}: fitness (CTL) {}, fatigue (ATL) {}, form (TSB) {}",
            days.len(),
            format_number(last.ctl),
            format_number(last.atl),
            format_number(last.tsb)
        )
    });
    Ok(Report::new(json, text))
}

/// The ratio for every day, `null` until 28 days of history.
pub fn acwr(args: &AcwrArgs) -> Result<Report, Failure> {
    let loads = input::read_numbers(&args.loads, "daily load")?;
    let (method, name) = match args.model {
        AcwrModel::Rolling => (Method::Rolling, "rolling"),
        AcwrModel::Ewma => (Method::Ewma, "EWMA"),
    };
    let ratios = acwr::series(method, &loads);
    let json = json!({
        "acwr": ratios.iter().map(|r| r.map(|v| round(v, PLACES))).collect::<Vec<_>>(),
    });
    let text = match ratios.last().copied().flatten() {
        Some(r) => format!(
            "ACWR ({name}) on day {}: {} — {}",
            ratios.len(),
            format_number(r),
            Band::of(r).label()
        ),
        None => format!(
            "ACWR ({name}): not enough data ({} days; it needs {} with some load)",
            ratios.len(),
            acwr::CHRONIC_DAYS
        ),
    };
    Ok(Report::new(json, text))
}
