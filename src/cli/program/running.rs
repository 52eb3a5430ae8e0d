//! The running program in words and JSON, one wording for every command that shows it:
//! `program status` and `program today`, `report` and `context`.

use std::fmt::Write as _;

use chrono::NaiveDate;
use ironpulse::core::profile::Profile;
use ironpulse::core::program::adherence::Counts;
use ironpulse::core::program::plan::DayPlan;
use ironpulse::core::program::schedule::{CalDay, MissedPolicy, weekdays_text};
use ironpulse::core::units::Unit;
use ironpulse::read::ProgramRun;
use ironpulse::read::program_run::RunError;
use ironpulse::store::{ChangeRow, Store};
use serde_json::{Map, Value, json};

use super::show::{day_text, line_json};
use crate::cli::Failure;

/// Changes `context` lists, the latest last.
pub(crate) const CONTEXT_CHANGES: usize = 5;

pub(crate) fn run_error(e: RunError) -> Failure {
    match e {
        RunError::Store(e) => Failure::from_store(e, "read the running program"),
        RunError::Program(e) => Failure::Usage(format!(
            "the running program's text does not read ({e}); `ironpulse program edit` it"
        )),
    }
}

/// The program running on `day`: the running one, unless it starts after `day`.
pub(crate) fn running_on(
    store: &Store,
    profile: &Profile,
    day: NaiveDate,
) -> Result<Option<ProgramRun>, Failure> {
    Ok(ProgramRun::read(store, profile, day)
        .map_err(run_error)?
        .filter(|run| run.assignment.start <= day))
}

/// "92 %", or "—" before anything was due.
pub(crate) fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "—".into(), |p| format!("{p:.0} %"))
}

/// "GZCLP (version 2) · active · week 3 of 12 · 25 % done".
pub(crate) fn heading(run: &ProgramRun) -> String {
    let weeks = run
        .total_weeks()
        .map_or(String::new(), |w| format!(" of {w}"));
    format!(
        "{} (version {}) · {} · week {}{weeks}{}",
        run.program.meta.name,
        run.assignment.program.version,
        run.assignment.status.code(),
        run.current_week(),
        run.progress
            .map_or(String::new(), |p| format!(" · {p:.0} % done"))
    )
}

/// "Started 2026-01-05 · training mon,wed,fri · a missed day is marked missed".
pub(crate) fn started(run: &ProgramRun) -> String {
    let a = &run.assignment;
    format!(
        "Started {} · training {} · a missed day {}",
        a.start,
        weekdays_text(&a.weekdays),
        match a.policy {
            MissedPolicy::Shift => "shifts the plan",
            MissedPolicy::Mark => "is marked missed",
        }
    )
}

/// "Adherence: sessions 92 % (11 of 12), sets …, loads within ±2.5 % …".
pub(crate) fn adherence(o: &Counts) -> String {
    format!(
        "Adherence: sessions {} ({} of {}), sets {} ({} of {}), loads within ±2.5 % {} ({} of {})",
        pct(o.sessions_pct()),
        o.sessions_done,
        o.sessions_planned,
        pct(o.sets_pct()),
        o.sets_done,
        o.sets_planned,
        pct(o.loads_pct()),
        o.loads_hit,
        o.loads_planned
    )
}

/// "week  3: sessions  2 of 3  · sets  67 % · loads  90 %".
pub(crate) fn week(week: u16, c: &Counts) -> String {
    format!(
        "week {week:>2}: sessions {:>2} of {:<2} · sets {:>5} · loads {:>5}",
        c.sessions_done,
        c.sessions_planned,
        pct(c.sets_pct()),
        pct(c.loads_pct())
    )
}

/// "2026-01-12 progression · Squat [T1]: 5x3+ done, +5 kg".
pub(crate) fn change(c: &ChangeRow) -> String {
    format!(
        "{} {}{}: {}",
        c.at.date_naive(),
        c.kind,
        c.slot.as_ref().map_or(String::new(), |s| format!(" · {s}")),
        c.reason
    )
}

/// The changes made up to `until`; of them, the last `n`, oldest first.
pub(crate) fn changes_until(
    run: &ProgramRun,
    until: NaiveDate,
    n: usize,
) -> (usize, Vec<&ChangeRow>) {
    let made: Vec<&ChangeRow> = run
        .changes
        .iter()
        .filter(|c| c.at.date_naive() <= until)
        .collect();
    let total = made.len();
    (total, made[total.saturating_sub(n)..].to_vec())
}

/// The program weeks with a day dated from `since` to `until`, with their adherence (a week
/// with nothing due yet is left out).
pub(crate) fn weeks_between(
    run: &ProgramRun,
    since: NaiveDate,
    until: NaiveDate,
) -> Vec<(u16, Counts)> {
    run.adherence
        .weeks
        .iter()
        .filter(|(w, _)| {
            run.calendar
                .iter()
                .any(|c| c.date >= since && c.date <= until && run.week_of(c.seq) == *w)
        })
        .copied()
        .collect()
}

/// "Today: GZCLP · week 3 · deload", the heading of a day's work.
fn day_heading(out: &mut String, label: &str, run: &ProgramRun, plan: &DayPlan) {
    let _ = writeln!(
        out,
        "{label}: {} · week {}{}",
        run.program.meta.name,
        plan.at.week,
        if plan.deload { " · deload" } else { "" }
    );
}

/// Today's day with its loads, or the next one on a rest day.
pub(crate) fn today_text(run: &ProgramRun, unit: Unit, today: NaiveDate) -> String {
    let mut out = String::new();
    let name = &run.program.meta.name;
    match (&run.today, &run.next) {
        (Some((c, plan)), _) => {
            let late = if c.date < today {
                format!(" (from {})", c.date)
            } else {
                String::new()
            };
            day_heading(&mut out, &format!("Today{late}"), run, plan);
            day_text(&mut out, plan, unit);
        }
        (None, Some((c, plan))) => {
            let _ = writeln!(
                out,
                "{}. Next: {name} · week {} · day {} on {} {}",
                if run.trained_on(today) {
                    "Done today"
                } else {
                    "Rest day"
                },
                plan.at.week,
                plan.name,
                c.date.format("%a"),
                c.date
            );
            day_text(&mut out, plan, unit);
        }
        (None, None) if run.assignment.status == ironpulse::store::RunStatus::Paused => {
            let _ = writeln!(
                out,
                "{name} is paused: `ironpulse program resume` plans its days again."
            );
        }
        (None, None) => {
            let _ = writeln!(
                out,
                "{name} has no more days planned: `ironpulse program finish` ends it with a summary."
            );
        }
    }
    out
}

/// Today's day and the next, each with its loads (for `context`: what to plan around).
pub(crate) fn days_text(run: &ProgramRun, unit: Unit, today: NaiveDate) -> String {
    let mut out = String::new();
    if let Some((c, plan)) = &run.today {
        let late = if c.date < today {
            format!(" (from {})", c.date)
        } else {
            String::new()
        };
        day_heading(&mut out, &format!("Today{late}"), run, plan);
        day_text(&mut out, plan, unit);
    } else {
        out.push_str("Today: a rest day\n");
    }
    match &run.next {
        Some((c, plan)) => {
            day_heading(
                &mut out,
                &format!("Next, {} {}", c.date.format("%a"), c.date),
                run,
                plan,
            );
            day_text(&mut out, plan, unit);
        }
        None => out.push_str("Next: no more days planned\n"),
    }
    out
}

/// Counts with their percents.
pub(crate) fn counts_json(c: &Counts) -> Value {
    json!({
        "sessions_planned": c.sessions_planned,
        "sessions_done": c.sessions_done,
        "sets_planned": c.sets_planned,
        "sets_done": c.sets_done,
        "loads_planned": c.loads_planned,
        "loads_hit": c.loads_hit,
        "sessions_pct": c.sessions_pct(),
        "sets_pct": c.sets_pct(),
        "loads_pct": c.loads_pct(),
    })
}

/// Each week's counts with its number.
pub(crate) fn weeks_json(weeks: &[(u16, Counts)]) -> Value {
    weeks
        .iter()
        .map(|(w, c)| {
            let mut v = counts_json(c);
            v["week"] = json!(w);
            v
        })
        .collect()
}

/// A day with its prescription, or null.
pub(crate) fn day_json(day: Option<&(CalDay, DayPlan)>) -> Value {
    day.map_or(Value::Null, |(c, plan)| {
        json!({
            "date": c.date.to_string(),
            "week": plan.at.week,
            "day": plan.name,
            "title": plan.title,
            "deload": plan.deload,
            "exercises": plan.lines.iter().map(line_json).collect::<Vec<_>>(),
        })
    })
}

pub(crate) fn change_json(c: &ChangeRow) -> Value {
    json!({
        "at": c.at.to_rfc3339(),
        "kind": c.kind,
        "slot": c.slot,
        "status": c.status,
        "reason": c.reason,
    })
}

/// What every view of the run states: version, status, start, weekdays, missed-day policy,
/// week, weeks, progress and overall adherence (the name is added by each view).
pub(crate) fn facts_json(run: &ProgramRun) -> Map<String, Value> {
    let a = &run.assignment;
    let facts = json!({
        "version": a.program.version,
        "status": a.status.code(),
        "start": a.start.to_string(),
        "weekdays": weekdays_text(&a.weekdays),
        "missed": a.policy.code(),
        "week": run.current_week(),
        "weeks": run.total_weeks(),
        "progress_pct": run.progress,
        "adherence": counts_json(&run.adherence.overall),
    });
    match facts {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// The "program" object of `report` and `context`: the facts, the name, and the weeks given.
pub(crate) fn summary_json(run: &ProgramRun, weeks: &[(u16, Counts)]) -> Value {
    let mut map = facts_json(run);
    map.insert("name".into(), json!(run.program.meta.name));
    map.insert("weeks_adherence".into(), weeks_json(weeks));
    Value::Object(map)
}

/// The "Program" section of `report` and `context`, indented: the heading, the start, overall
/// adherence and the weeks given.
pub(crate) fn summary_text(run: &ProgramRun, weeks: &[(u16, Counts)], weeks_label: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "  {}", heading(run));
    let _ = writeln!(out, "  {}", started(run));
    let _ = writeln!(out, "  {}", adherence(&run.adherence.overall));
    if !weeks.is_empty() {
        let _ = writeln!(out, "  {weeks_label}");
        for (w, c) in weeks {
            let _ = writeln!(out, "    {}", week(*w, c));
        }
    }
    out
}
