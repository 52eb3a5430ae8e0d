//! `ironpulse deload [--json] [--record …]`: the four deload signals with their numbers, the
//! urgency and the plan; or record a deload you are taking.

use chrono::{Days, NaiveDate, Utc};
use clap::Args;
use ironpulse::core::strength::deload::{DeloadAdvice, PLAN, SignalKind, Urgency};
use ironpulse::core::units::{Figure, Unit};
use ironpulse::read::DeloadCheck;
use ironpulse::store::Store;
use serde_json::{Value, json};

use super::recommend::{open_existing, profile_or_default, read_existing};
use super::{Context, Failure, output};

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
    let db = ctx.db_path()?;
    let store = if args.record {
        open_existing(&db)?
    } else {
        read_existing(&db)?
    };
    let today = Utc::now().date_naive();
    if args.record {
        let start = args.start.unwrap_or(today);
        let end = start
            .checked_add_days(Days::new(u64::from(PLAN.days) - 1))
            .unwrap_or(start);
        let recorded = store
            .deloads()
            .map_err(|err| Failure::from_store(err, "read the deloads"))?;
        if let Some(taken) = recorded
            .iter()
            .find(|d| d.start <= end && start <= d.last_day())
        {
            return Err(Failure::Usage(format!(
                "a deload from {} to {} is already recorded; this one ({start} to {end}) would overlap it",
                taken.start,
                taken.last_day()
            )));
        }
        let id = store
            .record_deload(start, Some(end), &args.note)
            .map_err(|err| Failure::from_store(err, "record the deload"))?;
        return if args.json {
            output::line(
                json!({"recorded": {"id": id.0, "start": start.to_string(), "end": end.to_string(), "note": args.note.trim()}}),
            )
        } else {
            output::line(format_args!("Recorded a deload from {start} to {end}."))
        };
    }
    let profile = profile_or_default(&store)?;
    let check = check(&store, profile.unit, today)?;
    if args.json {
        return output::line(check_json(&check));
    }
    let mut out = output::Stdout::lock();
    if let Some((_, day)) = &check.running {
        out.line(format_args!(
            "Deload week: {}. Cut volume by {} %; `ironpulse recommend` plans each lift.",
            day.describe(),
            PLAN.volume_cut_percent
        ))?;
    }
    out.text(&to_text(&check.advice, today, check.acwr, check.last))
}

/// The deload check as of `today`, weights quoted in `unit`.
pub(super) fn check(store: &Store, unit: Unit, today: NaiveDate) -> Result<DeloadCheck, Failure> {
    DeloadCheck::read(store, unit, today)
        .map_err(|err| Failure::from_store(err, "read the training history"))
}

/// What `ironpulse deload --json` prints.
pub(super) fn check_json(check: &DeloadCheck) -> Value {
    let mut out = to_json(&check.advice, check.today, check.acwr, check.last);
    out["deload_week"] = check.running.as_ref().map_or(Value::Null, |(d, day)| {
        json!({
            "start": d.start.to_string(),
            "end": d.last_day().to_string(),
            "day": day.day,
            "days": day.days,
        })
    });
    out
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

pub(super) fn to_text(
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
        Some(r) => format!("ACWR today: {:.2}.", Figure(r)),
        None => "ACWR today: not enough data (28 days of session RPEs needed).".to_owned(),
    });
    lines.push(match last {
        Some(d) => format!("Last deload: {d}."),
        None => "No deload recorded yet; `ironpulse deload --record` records one.".to_owned(),
    });
    lines.join("\n") + "\n"
}
