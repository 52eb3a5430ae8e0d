//! `ironpulse hr rest`: a resting HRV reading — lie still while the strap streams RR intervals,
//! then RMSSD and SDNN over the clean ones, stored and compared with the 30-day baseline.

mod collector;
mod output;
mod progress;

use std::path::Path;
use std::time::Duration;

use chrono::{Days, Utc};
use clap::Args;
use color_eyre::eyre::eyre;
use ironpulse::core::review::HrvReading;
use ironpulse::core::review::hrv::{BASELINE_DAYS, HrvTrend, hrv_trend};
use ironpulse::core::review::range::Range;
use ironpulse::hr::sim::{Script, SimConfig, SimParams};
use ironpulse::hr::{self, HeartRateSource, SimSource, SourceSpec, Speed};
use ironpulse::store::Store;

use super::stream::stream;
use super::{Context, Failure, Stdout};
use collector::{Collector, Measured, Problem};
use progress::Progress;

/// How long a strap may take to connect (source time) before the reading counts as failed.
const CONNECT_GRACE: Duration = Duration::from_secs(60);

/// Options for `ironpulse hr rest`.
#[derive(Debug, Args)]
pub struct RestArgs {
    /// Heart-rate source: auto (the remembered strap, else the first found), ble,
    /// ble:<name or address>, sim, sim:<seed>, replay:<file>
    #[arg(long = "hr", value_name = "SOURCE", default_value = "auto", value_parser = parse_source)]
    source: RestSource,

    /// How long to measure, 60–600 seconds, from the first heart rate
    #[arg(long, value_name = "SECONDS", default_value_t = 180,
          value_parser = clap::value_parser!(u64).range(60..=600))]
    duration: u64,

    /// Run the simulator or a replay this many times faster than real time (also --hr-speed)
    #[arg(long, alias = "hr-speed", value_name = "N", default_value = "1")]
    speed: Speed,

    /// Print one JSON object instead of text (and no progress)
    #[arg(long)]
    json: bool,

    /// Measure and compare, but don't store the reading
    #[arg(long)]
    no_save: bool,
}

/// Where the reading comes from: `auto` is decided once the database is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RestSource {
    /// The remembered strap, else the first strap found.
    Auto,
    /// A source named on the command line.
    Spec(SourceSpec),
}

fn parse_source(text: &str) -> Result<RestSource, String> {
    if text.trim().eq_ignore_ascii_case("auto") {
        return Ok(RestSource::Auto);
    }
    text.parse()
        .map(RestSource::Spec)
        .map_err(|err: hr::SpecError| format!("{err}, or auto"))
}

/// Takes the reading, then prints, stores and compares it. Ctrl-C exits 130 with nothing stored.
pub fn run(ctx: &Context, args: &RestArgs) -> Result<(), Failure> {
    match take(ctx, args) {
        Ok(()) => Ok(()),
        Err(Ending::Failed(failure)) => Err(failure),
        Err(Ending::Interrupted) => Err(Failure::Interrupted(
            "interrupted: the reading was not saved".into(),
        )),
    }
}

/// How `take` ends early: Ctrl-C (exit 130, once everything is dropped), or a failure.
enum Ending {
    Interrupted,
    Failed(Failure),
}

impl From<Failure> for Ending {
    fn from(failure: Failure) -> Self {
        Ending::Failed(failure)
    }
}

impl Ending {
    /// A reading that produced nothing: Ctrl-C, or a failure (exit 1) with the reason; no heart
    /// rate at all from `source` says so as every command that reads a source does.
    fn from_problem(problem: Problem, source: &str) -> Self {
        match problem {
            Problem::Interrupted => Ending::Interrupted,
            Problem::NoHeartRate(reason) => {
                Ending::Failed(Failure::no_heart_rate(source, reason.as_deref()))
            }
            Problem::Failed(message) => Ending::Failed(Failure::Runtime(eyre!(message))),
        }
    }
}

/// Opens the database, streams the reading with progress, then saves and prints it.
fn take(ctx: &Context, args: &RestArgs) -> Result<(), Ending> {
    let db = ctx.db_path()?;
    // Opened (and locked) before measuring, so a reading is never taken that cannot be saved.
    let store = open_store(&db, args.no_save)?;
    let source = open_source(&args.source, store.as_ref(), args.speed)?;
    let described = source.describe();
    let duration = Duration::from_secs(args.duration);
    let mut collector = Collector::new(duration);
    let mut progress = (!args.json).then(Progress::stderr);
    if let Some(p) = &mut progress {
        p.start(&described, duration);
    }
    let streamed = stream(
        source,
        Some(duration + CONNECT_GRACE),
        args.speed,
        |event, _| {
            let going = collector.event(event);
            if let Some(p) = &mut progress {
                p.event(event, &collector);
            }
            Ok(going)
        },
    );
    if let Some(p) = &mut progress {
        p.finish();
    }
    let (stop, _) = streamed?;
    let measured = collector
        .verdict(stop, &described)
        .map_err(|problem| Ending::from_problem(problem, &described))?;
    save_and_print(store.as_ref(), &measured, args)?;
    Ok(())
}

/// The database to store in (created if need be), or with `--no-save` the existing one to
/// compare with, if there is one.
fn open_store(db: &Path, no_save: bool) -> Result<Option<Store>, Failure> {
    let exists = std::fs::metadata(db).is_ok_and(|m| m.len() > 0);
    if no_save && !exists {
        return Ok(None);
    }
    Store::open(db)
        .map(Some)
        .map_err(|err| Failure::from_store(err, "open the database"))
}

/// The source to read: `auto` is the remembered strap or the first found; the simulator is a
/// lifter lying still (at their resting heart rate, never working).
fn open_source(
    source: &RestSource,
    store: Option<&Store>,
    speed: Speed,
) -> Result<Box<dyn HeartRateSource>, Failure> {
    let spec = match source {
        RestSource::Auto => {
            let remembered = match store {
                Some(store) => store
                    .remembered_strap()
                    .map_err(|err| Failure::from_store(err, "read the remembered strap"))?,
                None => None,
            };
            SourceSpec::Ble { device: remembered }
        }
        RestSource::Spec(spec) => spec.clone(),
    };
    match spec {
        SourceSpec::Sim { seed } => Ok(Box::new(SimSource::new(lying_still(seed, speed)))),
        spec => hr::open(&spec, speed).map_err(|err| Failure::Usage(err.to_string())),
    }
}

/// The simulated strap on a lifter lying down: heart rate settling to rest, no work bouts.
fn lying_still(seed: u64, factor: Speed) -> SimConfig {
    let base = SimConfig::seeded(seed).at_speed(factor);
    SimConfig {
        params: SimParams {
            recovery_floor: 0.0,
            ..base.params
        },
        script: Script {
            work: Duration::ZERO,
            rest: Duration::from_secs(1),
        },
        ..base
    }
}

/// Stores the reading (unless `--no-save`), compares it with the stored ones and prints it.
fn save_and_print(store: Option<&Store>, m: &Measured, args: &RestArgs) -> Result<(), Failure> {
    let now = Utc::now();
    let today = now.date_naive();
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let reading = HrvReading {
        date: today,
        rmssd_ms: m.rmssd_ms,
        sdnn_ms: Some(m.sdnn_ms),
        beats: count(m.beats),
        dropped: count(m.dropped),
        duration_s: u32::try_from(m.duration.as_secs()).unwrap_or(u32::MAX),
    };
    let mut readings = match store {
        Some(store) => store
            .hrv_readings(today.checked_sub_days(Days::new(BASELINE_DAYS)), today)
            .map_err(|err| Failure::from_store(err, "read the earlier HRV readings"))?,
        None => Vec::new(),
    };
    let saved = match store {
        Some(store) if !args.no_save => {
            store
                .record_hrv_reading(now, &reading)
                .map_err(|err| Failure::from_store(err, "save the HRV reading"))?;
            true
        }
        _ => false,
    };
    // Today's reading is the latest (same day, taken last); its baseline is the days before.
    readings.push(reading);
    let trend: HrvTrend = hrv_trend(&readings, Range::All, today);
    // The reading is saved before it is printed, so a closed stdout loses nothing.
    if args.json {
        Stdout::lock().line(output::json(m, &trend, saved))
    } else {
        Stdout::lock().text(&output::text(m, &trend, saved))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ironpulse::hr::sim::SimModel;

    #[test]
    fn auto_and_every_source_spec_parse() {
        assert_eq!(parse_source("auto"), Ok(RestSource::Auto));
        assert_eq!(parse_source(" AUTO "), Ok(RestSource::Auto));
        assert_eq!(
            parse_source("sim:7"),
            Ok(RestSource::Spec(SourceSpec::Sim { seed: 7 }))
        );
        assert_eq!(
            parse_source("ble:H10"),
            Ok(RestSource::Spec(SourceSpec::Ble {
                device: Some("H10".into())
            }))
        );
        let err = parse_source("wahoo").unwrap_err();
        assert!(
            err.starts_with("unknown heart-rate source \"wahoo\""),
            "{err}"
        );
        assert!(err.ends_with(", or auto"), "{err}");
    }

    #[test]
    fn the_lying_still_sim_never_works_and_settles_to_its_resting_heart_rate() {
        let config = lying_still(3, Speed::REAL_TIME);
        assert!((0..600).all(|s| !config.script.working(Duration::from_secs(s))));
        // Rest 60 bpm; from 72.5 it falls with τ = 50 s: after 5 τ it is within 1 % of the gap
        // (plus the slow wander and 4 min of drift, 0.5 bpm).
        let mut model = SimModel::new(config.params, config.seed);
        for _ in 0..250 {
            model.step(
                Duration::from_secs(1),
                config.script.working(Duration::ZERO),
            );
        }
        assert!(
            (model.heart_rate() - 60.5).abs() < 3.0,
            "{}",
            model.heart_rate()
        );
    }
}
