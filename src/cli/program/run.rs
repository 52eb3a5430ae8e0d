//! Running a program: `start`, `today`, `status`, and `pause`, `resume`, `finish`, `abandon`,
//! `skip`, `move` — the calendar and the day's work, read by the same read model the app shows.

use std::fmt::Write as _;

use chrono::{NaiveDate, Utc};
use clap::{Args, ValueEnum};
use ironpulse::core::program::schedule::{
    Mark, MissedPolicy, Status, default_weekdays, weekdays, weekdays_text,
};
use ironpulse::core::program::slot::LiftState;
use ironpulse::core::program::{Num, Rule};
use ironpulse::core::units::Unit;
use ironpulse::read::ProgramRun;
use ironpulse::store::{RunStatus, Store};
use serde_json::{Value, json};

use super::find;
use super::running::{
    adherence, change, change_json, day_json, facts_json, heading, pct, run_error, started,
    today_text, week, weeks_json,
};
use super::{Lifting, MaxWeight, parse_max};
use crate::cli::recommend::profile_or_default;
use crate::cli::{Context, Failure, output};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MissedArg {
    /// The plan waits: a missed day moves to the next training day
    Shift,
    /// The day is marked missed and the plan keeps its dates
    Mark,
}

/// Options for `program start`.
#[derive(Debug, Args)]
pub struct StartArgs {
    /// The program: yours or a built-in (a few letters will do), or a file
    #[arg(value_name = "NAME")]
    name: String,

    /// The first day (default today)
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<NaiveDate>,

    /// Training weekdays, e.g. mon,wed,fri (default: spread over the week for its days)
    #[arg(long, value_name = "DAYS")]
    days: Option<String>,

    /// What a missed day does
    #[arg(long, value_enum, default_value_t = MissedArg::Shift)]
    missed: MissedArg,

    /// Your 1RM of a lift, e.g. squat=140 or bench=225lb (repeatable)
    #[arg(long = "max", value_name = "LIFT=WEIGHT", value_parser = parse_max)]
    maxes: Vec<(String, MaxWeight)>,
}

/// Options for `program skip` and `program move`.
#[derive(Debug, Args)]
pub struct DayArgs {
    /// The day's new date (move only)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: Option<NaiveDate>,
}

fn store_error(doing: &'static str) -> impl Fn(ironpulse::store::StoreError) -> Failure {
    move |e| Failure::from_store(e, doing)
}

/// Opens the database to write, creating it when there is none yet.
fn open_to_write(ctx: &Context) -> Result<Store, Failure> {
    Store::open(&ctx.db_path()?).map_err(store_error("open the database"))
}

pub fn start(ctx: &Context, args: &StartArgs) -> Result<(), Failure> {
    let store = open_to_write(ctx)?;
    if let Some(running) = store
        .running_program()
        .map_err(store_error("read the running program"))?
    {
        return Err(Failure::Usage(format!(
            "{} is running ({}): `ironpulse program finish` or `abandon` it first",
            running.program.name,
            running.status.code()
        )));
    }
    let found = find::find(Some(&store), &args.name)?;
    let program = &found.program;
    let lifting = Lifting {
        profile: profile_or_default(&store)?,
        store,
        today: Utc::now().date_naive(),
    };
    let start = args.date.unwrap_or(lifting.today);
    let earliest = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(lifting.today);
    let latest = lifting.today + chrono::Days::new(366);
    if start < earliest || start > latest {
        return Err(Failure::Usage(format!(
            "--date {start}: give a first day from 2000-01-01 to a year from today ({latest})"
        )));
    }
    let days = match &args.days {
        Some(text) => weekdays(text).map_err(|e| Failure::Usage(format!("--days: {e}")))?,
        None => default_weekdays(usize::from(program.meta.days.unwrap_or(3))),
    };
    if days.is_empty() {
        return Err(Failure::Usage(
            "--days: name at least one weekday, e.g. mon,wed,fri".into(),
        ));
    }
    // A weekly program's weeks follow the calendar only with as many training days as its
    // weeks have days: say so (the lifter may mean it).
    let most = program
        .weeks
        .iter()
        .map(|w| w.days.len())
        .max()
        .unwrap_or(0);
    let mismatch = (program.meta.schedule == ironpulse::core::program::Schedule::Weekly
        && days.len() != most)
        .then(|| {
            format!(
                "Note: {} has {} a week and you train {}: its weeks will not match calendar weeks \
                 (each day still comes in order).\n",
                program.meta.name,
                ironpulse::core::words::count(most, "day", "days"),
                ironpulse::core::words::count(days.len(), "day", "days")
            )
        });
    let pl = lifting.lifter(program, &args.maxes)?;
    let missing: Vec<&str> = pl.missing().map(|m| m.exercise.as_str()).collect();
    if let Some(first) = missing.first() {
        return Err(Failure::Usage(format!(
            "{} loads {} from your max, and there is none in your history: give {} with --max, e.g. --max \"{}=100\"",
            program.meta.name,
            missing.join(", "),
            if missing.len() == 1 { "it" } else { "them" },
            first.to_lowercase()
        )));
    }
    let store = &lifting.store;
    let now = Utc::now();
    let id = find::keep(store, &found, "from the built-in library", now)?;
    let tm = program.meta.tm.map_or(0.9, Num::fraction);
    let lifts: Vec<(String, LiftState)> = pl
        .maxes
        .iter()
        .filter(|m| m.max.is_some())
        .map(|m| (m.exercise.clone(), LiftState::new(m.max, tm)))
        .collect();
    let policy = match args.missed {
        MissedArg::Shift => MissedPolicy::Shift,
        MissedArg::Mark => MissedPolicy::Mark,
    };
    store
        .start_program(id, start, &days, policy, &lifts, now)
        .map_err(store_error("start the program"))?;
    let mut out = format!(
        "Started {} on {start}, training {}; a missed day {}.\n",
        program.meta.name,
        weekdays_text(&days),
        match policy {
            MissedPolicy::Shift => "waits for you (the plan shifts)",
            MissedPolicy::Mark => "is marked missed (the plan keeps its dates)",
        }
    );
    if let Some(note) = mismatch {
        out.push_str(&note);
    }
    let run = ProgramRun::read(store, &lifting.profile, lifting.today).map_err(run_error)?;
    if let Some(run) = run {
        out.push_str(&today_text(&run, lifting.profile.unit, lifting.today));
    }
    output::text(&out)
}

/// Reads the running program, or says there is none.
fn running(ctx: &Context) -> Result<Option<(ProgramRun, Unit, NaiveDate)>, Failure> {
    let lifting = Lifting::open(ctx)?;
    let run =
        ProgramRun::read(&lifting.store, &lifting.profile, lifting.today).map_err(run_error)?;
    Ok(run.map(|r| (r, lifting.profile.unit, lifting.today)))
}

const NONE_RUNNING: &str = "No program is running. `ironpulse program list` shows the library; `ironpulse program start NAME` starts one.";

pub fn today(ctx: &Context, json_out: bool) -> Result<(), Failure> {
    let Some((run, unit, today)) = running(ctx)? else {
        return if json_out {
            output::line(json!({ "program": null }))
        } else {
            output::line(NONE_RUNNING)
        };
    };
    if json_out {
        return output::line(json!({
            "program": run.program.meta.name,
            "date": today.to_string(),
            "today": day_json(run.today.as_ref()),
            "next": day_json(run.next.as_ref()),
        }));
    }
    output::text(&today_text(&run, unit, today))
}

pub fn status(ctx: &Context, json_out: bool) -> Result<(), Failure> {
    let Some((run, _unit, today)) = running(ctx)? else {
        return if json_out {
            output::line(json!({ "program": null }))
        } else {
            output::line(NONE_RUNNING)
        };
    };
    if json_out {
        return output::line(status_json(&run, today));
    }
    output::text(&status_text(&run, today))
}

fn status_text(run: &ProgramRun, today: NaiveDate) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", heading(run));
    let _ = writeln!(out, "{}", started(run));
    let _ = writeln!(out, "\n{}", adherence(&run.adherence.overall));
    for (w, c) in &run.adherence.weeks {
        let _ = writeln!(out, "  {}", week(*w, c));
    }
    let _ = writeln!(out, "\nCalendar");
    let from = today - chrono::Days::new(7);
    let to = today + chrono::Days::new(14);
    for c in run
        .calendar
        .iter()
        .filter(|c| c.date >= from && c.date <= to)
    {
        let plan_day = ironpulse::core::program::plan::day_at(&run.program, c.seq);
        let day = &run.program.weeks[plan_day.text_week].days[plan_day.day];
        let status = match c.status {
            Status::Done => "done",
            Status::Missed => "missed",
            Status::Skipped => "skipped",
            Status::Shifted => "not trained, the plan waited",
            Status::Planned if c.date == today => "today",
            Status::Planned if c.date < today => "due",
            Status::Planned => "planned",
        };
        let moved = c
            .moved_from
            .map_or(String::new(), |m| format!(" (moved from {m})"));
        let _ = writeln!(
            out,
            "  {} {}  week {:>2} · day {:<4} {status}{moved}",
            c.date.format("%a"),
            c.date,
            plan_day.week,
            day.name
        );
    }
    let open: Vec<_> = run.open_proposals().collect();
    if !open.is_empty() {
        let _ = writeln!(out, "\nProposed (ironpulse program accept ID / decline ID)");
        for c in &open {
            let _ = writeln!(out, "  #{} {}", c.id, c.reason);
        }
    }
    let recent: Vec<_> = run.changes.iter().rev().take(8).collect();
    if !recent.is_empty() {
        let _ = writeln!(out, "\nRecent changes");
        for c in recent.into_iter().rev() {
            let _ = writeln!(out, "  {}", change(c));
        }
    }
    out
}

fn status_json(run: &ProgramRun, today: NaiveDate) -> Value {
    let mut map = facts_json(run);
    let more = json!({
        "program": run.program.meta.name,
        "date": today.to_string(),
        "proposals": run.open_proposals().map(|c| json!({
            "id": c.id,
            "slot": c.slot,
            "reason": c.reason,
        })).collect::<Vec<_>>(),
        "weeks_adherence": weeks_json(&run.adherence.weeks),
        "calendar": run.calendar.iter().map(|c| json!({
            "seq": c.seq,
            "date": c.date.to_string(),
            "week": run.week_of(c.seq),
            "status": match c.status {
                Status::Done => "done",
                Status::Missed => "missed",
                Status::Skipped => "skipped",
                Status::Shifted => "shifted",
                Status::Planned => "planned",
            },
            "moved_from": c.moved_from.map(|m| m.to_string()),
        })).collect::<Vec<_>>(),
        "changes": run.changes.iter().map(change_json).collect::<Vec<_>>(),
    });
    if let Value::Object(more) = more {
        map.extend(more);
    }
    Value::Object(map)
}

/// `pause`, `resume`, `finish`, `abandon`.
pub fn set_status(ctx: &Context, to: RunStatus) -> Result<(), Failure> {
    let store = open_to_write(ctx)?;
    let profile = profile_or_default(&store)?;
    let today = Utc::now().date_naive();
    let run = ProgramRun::read(&store, &profile, today).map_err(run_error)?;
    let Some(run) = run else {
        return Err(Failure::Usage(NONE_RUNNING.into()));
    };
    store
        .set_program_status(run.assignment.id, to, today, Utc::now())
        .map_err(store_error("change the program's status"))?;
    let name = &run.program.meta.name;
    let mut out = match to {
        RunStatus::Paused => {
            format!("Paused {name}: no days are planned until `ironpulse program resume`.\n")
        }
        RunStatus::Active => {
            format!("Resumed {name}: the plan picks up from the next training day.\n")
        }
        RunStatus::Finished => format!("Finished {name}.\n"),
        RunStatus::Abandoned => format!("Abandoned {name}.\n"),
    };
    if matches!(to, RunStatus::Finished | RunStatus::Abandoned) {
        out.push_str(&summary(&run, profile.unit));
    }
    output::text(&out)
}

/// What a finished or abandoned program came to.
fn summary(run: &ProgramRun, unit: Unit) -> String {
    let o = run.adherence.overall;
    let mut out = format!(
        "  {} of {} planned ({}), {} of {} sets ({}), loads within ±2.5 %: {}\n",
        ironpulse::core::words::count(o.sessions_done as usize, "session", "sessions"),
        o.sessions_planned,
        pct(o.sessions_pct()),
        o.sets_done,
        o.sets_planned,
        pct(o.sets_pct()),
        pct(o.loads_pct())
    );
    if let Some(p) = run.progress {
        let _ = writeln!(out, "  {p:.0} % of the program's days done");
    }
    // Each training max then and now: the first change to it kept where it started.
    let exercise_of = |key: &str| {
        run.program
            .weeks
            .iter()
            .flat_map(|w| &w.days)
            .flat_map(|d| &d.lines)
            .find(|l| l.key() == key)
            .map(|l| run.lifter.lifter.name(&l.exercise).to_string())
    };
    for (exercise, lift) in run.slots.lifts() {
        let Some(now) = lift.tm else { continue };
        let loads_from_tm = run.slots.rules().any(|(key, rule)| {
            exercise_of(key).as_deref() == Some(exercise.as_str())
                && matches!(
                    rule,
                    Rule::Tm { .. } | Rule::TmTable { .. } | Rule::TmReps { .. }
                )
        });
        if !loads_from_tm {
            continue;
        }
        let first = run
            .changes
            .iter()
            .filter(|c| {
                c.slot
                    .as_deref()
                    .is_some_and(|k| exercise_of(k).as_deref() == Some(exercise.as_str()))
            })
            .find_map(|c| {
                let detail: serde_json::Value = serde_json::from_str(&c.detail).ok()?;
                detail.get("tm_kg")?.as_array()?.first()?.as_f64()
            });
        let now_text = format!("{} {unit}", now.display(unit));
        match first.and_then(|kg| ironpulse::core::units::Weight::from_kg(kg).ok()) {
            Some(then) => {
                let _ = writeln!(
                    out,
                    "  {exercise}: training max {} → {now_text}",
                    then.display(unit)
                );
            }
            None => {
                let _ = writeln!(out, "  {exercise}: training max {now_text}");
            }
        }
    }
    out
}

/// `skip` (today's or the next day) and `move --to DATE`.
pub fn mark(ctx: &Context, skip: bool, args: &DayArgs) -> Result<(), Failure> {
    let store = open_to_write(ctx)?;
    let profile = profile_or_default(&store)?;
    let today = Utc::now().date_naive();
    let run = ProgramRun::read(&store, &profile, today)
        .map_err(run_error)?
        .ok_or_else(|| Failure::Usage(NONE_RUNNING.into()))?;
    let Some((c, plan)) = run.today.as_ref().or(run.next.as_ref()) else {
        return Err(Failure::Usage(format!(
            "{} has no day planned to {}",
            run.program.meta.name,
            if skip { "skip" } else { "move" }
        )));
    };
    let (mark, reason) = if skip {
        (
            Mark::Skipped,
            format!(
                "skipped week {} day {} ({})",
                plan.at.week, plan.name, c.date
            ),
        )
    } else {
        let to = args
            .to
            .ok_or_else(|| Failure::Usage("move needs --to YYYY-MM-DD".into()))?;
        if to > today + chrono::Days::new(366) {
            return Err(Failure::Usage(format!(
                "--to {to} is more than a year away; move a day to a date within the year"
            )));
        }
        if to < today {
            return Err(Failure::Usage(format!(
                "--to {to} is in the past; move a day to today or later"
            )));
        }
        (
            Mark::Moved(to),
            format!(
                "moved week {} day {} from {} to {to}",
                plan.at.week, plan.name, c.date
            ),
        )
    };
    store
        .mark_program_day(run.assignment.id, c.seq, mark, &reason, Utc::now())
        .map_err(store_error("record the day"))?;
    output::line(format!("{}: {reason}.", run.program.meta.name))
}

/// `accept ID` / `decline ID`.
pub fn decide(ctx: &Context, id: i64, accept: bool) -> Result<(), Failure> {
    let store = open_to_write(ctx)?;
    let done = store
        .decide_proposal(id, accept, Utc::now().date_naive(), Utc::now())
        .map_err(store_error("answer the proposal"))?;
    output::line(done)
}
