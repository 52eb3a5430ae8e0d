//! `ironpulse deload [--json] [--record …]`: the four deload signals with their numbers, the
//! urgency and the plan; or record a deload you are taking.

use chrono::{Days, NaiveDate, Utc};
use clap::Args;
use ironpulse::core::deload::{DeloadAdvice, DeloadConfig, PLAN, SignalKind, Urgency, assess};
use serde_json::{Value, json};

use super::recommend::{open_existing, profile_or_default};
use super::{Context, Failure};

/// Options for `ironpulse deload`.
#[derive(Debug, Args)]
pub struct DeloadArgs {
    /// Print one JSON object instead of text
    #[arg(long)]
    json: bool,

    /// Record a deload of 7 days starting today (or --start) instead of checking the signals
    #[arg(long)]
    record: bool,

    /// The deload's first day (with --record)
    #[arg(long, value_name = "YYYY-MM-DD", requires = "record")]
    start: Option<NaiveDate>,

    /// A note kept with the deload (with --record)
    #[arg(long, value_name = "TEXT", requires = "record", default_value = "")]
    note: String,
}

/// Prints the deload check, or records a deload.
pub fn run(ctx: &Context, args: &DeloadArgs) -> Result<(), Failure> {
    let store = open_existing(&ctx.db_path()?)?;
    let today = Utc::now().date_naive();
    if args.record {
        let start = args.start.unwrap_or(today);
        let end = start
            .checked_add_days(Days::new(u64::from(PLAN.days) - 1))
            .unwrap_or(start);
        let id = store
            .record_deload(start, Some(end), &args.note)
            .map_err(|err| Failure::from_store(err, "record the deload"))?;
        if args.json {
            println!(
                "{}",
                json!({"recorded": {"id": id.0, "start": start.to_string(), "end": end.to_string(), "note": args.note.trim()}})
            );
        } else {
            println!("Recorded a deload from {start} to {end}.");
        }
        return Ok(());
    }
    let read = |err| Failure::from_store(err, "read the training history");
    let profile = profile_or_default(&store)?;
    let history = store.deload_input(today).map_err(read)?;
    let config = DeloadConfig {
        unit: profile.unit,
        ..DeloadConfig::default()
    };
    let advice = assess(&history.input(), &config, today);
    let acwr = history.acwr.last().copied().flatten();
    let last = history.last_deload;
    if args.json {
        println!("{}", to_json(&advice, today, acwr, last));
    } else {
        print!("{}", to_text(&advice, today, acwr, last));
    }
    Ok(())
}

fn urgency_code(urgency: Urgency) -> &'static str {
    match urgency {
        Urgency::None => "none",
        Urgency::Medium => "medium",
        Urgency::High => "high",
    }
}

fn signal_code(kind: SignalKind) -> &'static str {
    match kind {
        SignalKind::E1rmDrop => "e1rm_drop",
        SignalKind::HighRpe => "high_rpe",
        SignalKind::AcwrSpike => "acwr_spike",
        SignalKind::WeeksSinceDeload => "weeks_since_deload",
    }
}

fn to_json(
    advice: &DeloadAdvice,
    today: NaiveDate,
    acwr: Option<f64>,
    last: Option<NaiveDate>,
) -> Value {
    json!({
        "date": today.to_string(),
        "urgency": urgency_code(advice.urgency),
        "summary": advice.summary,
        "signals": advice.signals.iter().map(|s| json!({
            "kind": signal_code(s.kind),
            "message": s.message,
        })).collect::<Vec<_>>(),
        "plan": advice.plan.map(|p| json!({
            "volume_cut_percent": p.volume_cut_percent,
            "days": p.days,
        })),
        "acwr": acwr.map(|r| (r * 100.0).round() / 100.0),
        "last_deload": last.map(|d| d.to_string()),
    })
}

fn to_text(
    advice: &DeloadAdvice,
    today: NaiveDate,
    acwr: Option<f64>,
    last: Option<NaiveDate>,
) -> String {
    let mut lines = vec![format!(
        "Deload check ({today}), urgency {}: {}",
        urgency_code(advice.urgency),
        advice.summary
    )];
    lines.extend(advice.signals.iter().map(|s| format!("  - {}", s.message)));
    lines.push(match acwr {
        Some(r) => format!("ACWR today: {r:.2}."),
        None => "ACWR today: not enough data (28 days of session RPEs needed).".to_owned(),
    });
    lines.push(match last {
        Some(d) => format!("Last deload: {d}."),
        None => "No deload recorded yet; `ironpulse deload --record` records one.".to_owned(),
    });
    lines.join("\n") + "\n"
}
