//! `program show`: the preview — every day of the chosen weeks with the lifter's loads, their
//! maxes (and which are missing), and intensity and volume week by week.

use std::fmt::Write as _;

use ironpulse::core::program::choose::levels_text;
use ironpulse::core::program::measures::{WeekLoad, day_seconds, muscle_sets, weekly};
use ironpulse::core::program::plan::{DayPlan, PlannedLine, cycle_len, days_per_week};
use ironpulse::core::program::simulate::{Scenario, simulate};
use ironpulse::core::program::{Program, Schedule};
use ironpulse::core::units::{Unit, Weight, format_number};
use ironpulse::read::program_lifter::{MaxSource, ProgramLifter};
use ironpulse::read::program_run::{line_targets, runs_text};
use serde_json::{Value, json};

use super::{Lifting, ShowArgs, find};
use crate::cli::{Context, Failure, output};

/// Weeks the intensity and volume chart covers when the program does not say how long it runs.
const CHART_WEEKS: u16 = 12;

pub fn run(ctx: &Context, args: &ShowArgs) -> Result<(), Failure> {
    let lifting = Lifting::open(ctx)?;
    let found = find::find(Some(&lifting.store), &args.name)?;
    let program = &found.program;
    let pl = lifting.lifter(program, &args.maxes)?;
    let horizon = program
        .meta
        .length_weeks
        .unwrap_or(CHART_WEEKS)
        .max(args.week.unwrap_or(1));
    let sim = simulate(
        program,
        &pl.lifter,
        &Scenario {
            weeks: horizon,
            fails: vec![],
        },
    );
    let weeks: Vec<u16> = match args.week {
        Some(w) => vec![w],
        None => (1..=first_cycle_weeks(program)).collect(),
    };
    let days: Vec<&DayPlan> = sim.days.iter().map(|d| &d.plan).collect();
    let loads = weekly(&days, &pl.lifter);
    let unit = lifting.profile.unit;
    if args.json {
        let mut json = to_json(program, &pl, &days, &weeks, &loads, unit);
        json["slug"] = json!(found.slug());
        return output::line(json);
    }
    output::text(&to_text(program, &pl, &days, &weeks, &loads, unit))
}

/// The weeks one pass through the program takes.
pub fn first_cycle_weeks(program: &Program) -> u16 {
    let weeks = match program.meta.schedule {
        Schedule::Weekly => program.weeks.len(),
        Schedule::Rotate => cycle_len(program).div_ceil(days_per_week(program)),
    };
    u16::try_from(weeks.max(1)).unwrap_or(u16::MAX)
}

/// "102.5 kg".
fn show(w: Weight, unit: Unit) -> String {
    format!("{} {unit}", w.display(unit))
}

/// `4×3 105 kg, 1×3+ 105 kg`: runs of equal sets.
pub fn sets_text(line: &PlannedLine, unit: Unit) -> String {
    runs_text(&line_targets(line), unit)
}

fn to_text(
    program: &Program,
    pl: &ProgramLifter,
    days: &[&DayPlan],
    weeks: &[u16],
    loads: &[WeekLoad],
    unit: Unit,
) -> String {
    let mut out = header(program);
    maxes_text(&mut out, pl, unit);
    let first: Vec<&DayPlan> = days.iter().copied().filter(|d| d.at.week == 1).collect();
    let muscles = muscle_sets(&first, &pl.lifter);
    if !muscles.is_empty() {
        let list: Vec<String> = muscles
            .iter()
            .map(|(m, n)| format!("{m} {}", ironpulse::core::units::format_number(*n)))
            .collect();
        let _ = writeln!(
            out,
            "Working sets per muscle in week 1 (a lift's other muscles count half): {}",
            list.join(", ")
        );
    }
    for &w in weeks {
        let week_days: Vec<&&DayPlan> = days.iter().filter(|d| d.at.week == w).collect();
        let deload = week_days.iter().any(|d| d.deload);
        let _ = writeln!(out, "\nWeek {w}{}", if deload { " · deload" } else { "" });
        for d in week_days {
            day_text(&mut out, d, unit);
        }
    }
    chart_text(&mut out, loads, unit);
    out
}

/// Name, origin, the facts line and the notes.
fn header(program: &Program) -> String {
    let m = &program.meta;
    let mut out = m.name.clone();
    if let Some(o) = &m.origin {
        let _ = write!(out, " · {o}");
    }
    out.push('\n');
    let mut facts = Vec::new();
    if !m.level.is_empty() {
        facts.push(levels_text(&m.level));
    }
    if let Some(g) = m.goal {
        facts.push(g.code().to_string());
    }
    if let Some(d) = m.days {
        let days = ironpulse::core::words::count(usize::from(d), "day", "days");
        facts.push(format!("{days} a week ({})", m.schedule.code()));
    }
    if let Some(p) = m.periodization {
        facts.push(p.code().to_string());
    }
    if let Some(w) = m.length_weeks {
        facts.push(format!("{w} weeks"));
    }
    out.push_str(&facts.join(" · "));
    out.push('\n');
    for n in &m.notes {
        let _ = writeln!(out, "  {n}");
    }
    out
}

/// "Your maxes", and which are still needed.
fn maxes_text(out: &mut String, pl: &ProgramLifter, unit: Unit) {
    out.push_str("\nYour maxes\n");
    let width = pl
        .maxes
        .iter()
        .map(|m| m.exercise.chars().count())
        .max()
        .unwrap_or(0);
    for line in &pl.maxes {
        let (max, source) = match (line.max, line.source) {
            (Some(w), MaxSource::Given) => (show(w, unit), "given".to_string()),
            (Some(w), MaxSource::History(d)) => (show(w, unit), format!("best e1RM, {d}")),
            _ if line.needed => ("—".into(), "needed: set it with --max".into()),
            _ => ("—".into(), "loads from your history, or your choice".into()),
        };
        let _ = writeln!(out, "  {:<width$}  {max:>9}  {source}", line.exercise);
    }
    let missing: Vec<&str> = pl.missing().map(|m| m.exercise.as_str()).collect();
    if let Some(first) = missing.first() {
        let _ = writeln!(
            out,
            "Set your maxes: {} (loads from {} are left out until then), e.g. --max \"{}=100\"",
            missing.join(", "),
            if missing.len() == 1 { "it" } else { "them" },
            first.to_lowercase()
        );
    }
}

/// One day: its title and minutes, notes, and each exercise's sets.
pub fn day_text(out: &mut String, d: &DayPlan, unit: Unit) {
    let _ = writeln!(
        out,
        "  Day {}{} · ~{} min",
        d.name,
        d.title
            .as_ref()
            .map_or(String::new(), |t| format!(" · {t}")),
        (day_seconds(d) + 30) / 60
    );
    for n in &d.notes {
        let _ = writeln!(out, "    {n}");
    }
    let name = |line: &PlannedLine| match &line.label {
        Some(l) => format!("{} [{l}]", line.exercise),
        None => line.exercise.clone(),
    };
    let width = d
        .lines
        .iter()
        .map(|l| name(l).chars().count())
        .max()
        .unwrap_or(0);
    for line in &d.lines {
        let mut extra = Vec::new();
        if let Some((_, scheme)) = &line.stage {
            extra.push(format!("stage {scheme}"));
        }
        if let Some(r) = line.rest {
            extra.push(format!("rest {}", rest(r)));
        }
        if let Some(s) = &line.superset {
            extra.push(format!("superset {s}"));
        }
        if let Some(n) = &line.note {
            extra.push(n.clone());
        }
        let extra = if extra.is_empty() {
            String::new()
        } else {
            format!(" · {}", extra.join(" · "))
        };
        let _ = writeln!(
            out,
            "    {:<width$}  {}{extra}",
            name(line),
            sets_text(line, unit)
        );
    }
}

/// Intensity and volume, a bar for each week.
fn chart_text(out: &mut String, loads: &[WeekLoad], unit: Unit) {
    let _ = writeln!(
        out,
        "\nIntensity and volume by week ({} weeks, every set done)",
        loads.len()
    );
    let top = loads.iter().map(|l| l.tonnage_kg).fold(0.0, f64::max);
    for l in loads {
        let bar = bar(l.intensity.unwrap_or(0.0) / 100.0, 20);
        let _ = writeln!(
            out,
            "  wk {:>2}  {bar} {:>5}  {:>3} sets  {}{}",
            l.week,
            l.intensity
                .map_or_else(|| "—".into(), |i| format!("{i:.0} %")),
            l.sets,
            tonnage(l.tonnage_kg, unit, top),
            if l.deload { "  deload" } else { "" }
        );
    }
}

/// A bar of `width` cells filled to `fraction`.
fn bar(fraction: f64, width: usize) -> String {
    let filled = ((fraction.clamp(0.0, 1.0)) * width as f64).round() as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

/// "9.2 t" / "20,300 lb", and a small bar of it against the heaviest week.
fn tonnage(kg: f64, unit: Unit, top: f64) -> String {
    let amount = match unit {
        Unit::Kg => format!("{:>6} t", format_number((kg / 100.0).round() / 10.0)),
        Unit::Lb => format!(
            "{:>8} lb",
            ironpulse::core::units::thousands(kg / unit.kg_factor())
        ),
    };
    let share = if top > 0.0 { kg / top } else { 0.0 };
    format!("{amount} {}", bar(share, 10))
}

/// `3m`, `1m30s`, `90s` → as written in the format.
fn rest(seconds: u32) -> String {
    match (seconds / 60, seconds % 60) {
        (0, s) => format!("{s}s"),
        (m, 0) => format!("{m}m"),
        (m, s) => format!("{m}m{s}s"),
    }
}

/// A load in kilograms for JSON, to 2 decimals.
fn kg2(w: Weight) -> f64 {
    (w.kg() * 100.0).round() / 100.0
}

fn to_json(
    program: &Program,
    pl: &ProgramLifter,
    days: &[&DayPlan],
    weeks: &[u16],
    loads: &[WeekLoad],
    unit: Unit,
) -> Value {
    let m = &program.meta;
    let weeks_json: Vec<Value> = weeks
        .iter()
        .map(|&w| {
            let days_json: Vec<Value> = days
                .iter()
                .filter(|d| d.at.week == w)
                .map(|d| {
                    json!({
                        "day": d.name,
                        "title": d.title,
                        "deload": d.deload,
                        "minutes": (day_seconds(d) + 30) / 60,
                        "exercises": d.lines.iter().map(line_json).collect::<Vec<_>>(),
                    })
                })
                .collect();
            json!({ "week": w, "days": days_json })
        })
        .collect();
    json!({
        "name": m.name,
        "origin": m.origin,
        "level": m.level.iter().map(|l: &ironpulse::core::program::Level| l.code()).collect::<Vec<_>>(),
        "goal": m.goal.map(ironpulse::core::program::Goal::code),
        "days": m.days,
        "schedule": m.schedule.code(),
        "periodization": m.periodization.map(ironpulse::core::program::Periodization::code),
        "unit": unit.label(),
        "maxes": pl.maxes.iter().map(|x| json!({
            "exercise": x.exercise,
            "max_kg": x.max.map(kg2),
            "source": match x.source {
                MaxSource::Given => "given".to_string(),
                MaxSource::History(d) => format!("e1rm {d}"),
                MaxSource::Unknown => "unknown".to_string(),
            },
            "needed": x.needed,
        })).collect::<Vec<_>>(),
        "weeks": weeks_json,
        "weekly": loads.iter().map(|l| json!({
            "week": l.week,
            "sets": l.sets,
            "tonnage_kg": (l.tonnage_kg * 10.0).round() / 10.0,
            "intensity_pct": l.intensity.map(|i| (i * 10.0).round() / 10.0),
            "deload": l.deload,
        })).collect::<Vec<_>>(),
    })
}

pub fn line_json(l: &PlannedLine) -> Value {
    json!({
        "name": l.exercise,
        "label": l.label,
        "rest_s": l.rest,
        "superset": l.superset,
        "stage": l.stage.as_ref().map(|(_, s)| s),
        "note": l.note,
        "sets": l.sets.iter().map(|s| json!({
            "reps": s.reps.min,
            "reps_max": (s.reps.max != s.reps.min).then_some(s.reps.max),
            "weight_kg": s.weight.map(kg2),
            "amrap": s.amrap,
            "rpe": s.rpe.map(ironpulse::core::program::Num::value),
            "label": s.label,
            "warmup": s.warmup,
        })).collect::<Vec<_>>(),
    })
}
