//! `calc vdot | race | paces`: Daniels/Gilbert VDOT, race predictions and training paces.

use clap::Args;
use ironpulse::core::endurance::running::{
    self, Distance, RIEGEL_EXPONENT, RaceTime, VDOT_RANGE, equivalent_time, riegel, training_paces,
};
use ironpulse::core::units::format_number;
use serde_json::json;

use super::super::Failure;
use super::input::usage;
use super::report::{Report, r2};

/// Options for `calc vdot`.
#[derive(Debug, Args)]
pub struct VdotArgs {
    /// Race distance: 5k, 10k, half, marathon, 5000m, 3mi …
    distance: String,
    /// Finishing time: 19:57, 1:31:35, 45s …
    time: String,
}

/// Options for `calc race`.
#[derive(Debug, Args)]
pub struct RaceArgs {
    /// Distance of the race you ran
    distance: String,
    /// Your time for it
    time: String,
    /// The distance to predict
    #[arg(long, value_name = "DISTANCE")]
    to: String,
    /// Riegel's fatigue exponent (0.8–1.5)
    #[arg(long, value_name = "E", default_value_t = RIEGEL_EXPONENT)]
    exponent: f64,
}

/// Options for `calc paces`.
#[derive(Debug, Args)]
pub struct PacesArgs {
    /// Your VDOT
    #[arg(long, value_name = "V")]
    vdot: f64,
}

fn distance(text: &str) -> Result<Distance, Failure> {
    text.parse().map_err(usage)
}

fn time(text: &str) -> Result<RaceTime, Failure> {
    text.parse().map_err(usage)
}

/// The VDOT of a performance, refused outside the range predictions are made for.
fn vdot_of(d: Distance, t: RaceTime) -> Result<f64, Failure> {
    let v = running::vdot(d, t);
    if v.is_finite() && VDOT_RANGE.contains(&v) {
        Ok(v)
    } else {
        Err(usage(format!(
            "{t} for {} m gives VDOT {v:.1}, outside {}–{}: check the distance and time",
            format_number(d.metres()),
            VDOT_RANGE.start(),
            VDOT_RANGE.end()
        )))
    }
}

/// VDOT from a race.
pub fn vdot(args: &VdotArgs) -> Result<Report, Failure> {
    let v = vdot_of(distance(&args.distance)?, time(&args.time)?)?;
    Ok(Report::new(
        json!({ "vdot": r2(v) }),
        format!("VDOT {v:.1}"),
    ))
}

/// Predicted time at another distance, by Riegel and by VDOT.
pub fn race(args: &RaceArgs) -> Result<Report, Failure> {
    let (from, t) = (distance(&args.distance)?, time(&args.time)?);
    let to = distance(&args.to)?;
    let by_riegel = riegel(t, from, to, args.exponent).map_err(usage)?;
    let by_vdot = equivalent_time(vdot_of(from, t)?, to).map_err(usage)?;
    Ok(Report::new(
        json!({
            "riegel_s": r2(by_riegel.seconds()),
            "vdot_s": r2(by_vdot.seconds()),
        }),
        format!(
            "{}: {by_riegel} by Riegel (exponent {}), {by_vdot} by VDOT",
            args.to.trim(),
            format_number(args.exponent)
        ),
    ))
}

/// Daniels' training paces in seconds per km.
pub fn paces(args: &PacesArgs) -> Result<Report, Failure> {
    let p = training_paces(args.vdot).map_err(usage)?;
    let s = |pace: running::Pace| r2(pace.seconds_per_km());
    let json = json!({
        "easy": [s(p.easy.1), s(p.easy.0)],
        "marathon": s(p.marathon),
        "threshold": s(p.threshold),
        "interval": s(p.interval),
        "repetition": s(p.repetition),
    });
    let easy_fast = p.easy.1.to_string();
    let text = [
        format!(
            "easy        {}–{}",
            easy_fast.trim_end_matches("/km"),
            p.easy.0
        ),
        format!("marathon    {}", p.marathon),
        format!("threshold   {}", p.threshold),
        format!("interval    {}", p.interval),
        format!("repetition  {}", p.repetition),
    ]
    .join("\n");
    Ok(Report::new(json, text))
}
