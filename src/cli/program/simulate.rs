//! `program simulate`: the program run forward, every set done or a lift failed in a week; what
//! changed after each session and where every lift ends. Nothing is saved.

use std::fmt::Write as _;

use clap::Args;
use ironpulse::core::program::Program;
use ironpulse::core::program::Rule;
use ironpulse::core::program::simulate::{Scenario, Simulation, simulate};
use ironpulse::core::program::slot::Change;
use ironpulse::core::units::{Unit, Weight};
use ironpulse::read::program_lifter::find as find_exercise;
use serde_json::{Value, json};

use super::show::line_json;
use super::{Lifting, MaxWeight, find, parse_max};
use crate::cli::{Context, Failure, output};

/// Options for `program simulate`.
#[derive(Debug, Args)]
pub struct SimulateArgs {
    /// The program: a built-in's name (a few letters will do) or a file
    #[arg(value_name = "NAME")]
    name: String,

    /// How many weeks to run
    #[arg(long, value_name = "N", default_value_t = 12,
          value_parser = clap::value_parser!(u16).range(1..=104))]
    weeks: u16,

    /// Fail a lift in a week: every set of it one rep short (repeatable), e.g. squat@3
    #[arg(long = "fail", value_name = "LIFT@WEEK", value_parser = parse_fail)]
    fails: Vec<(String, u16)>,

    /// Your 1RM of a lift, e.g. squat=140 or bench=225lb (repeatable)
    #[arg(long = "max", value_name = "LIFT=WEIGHT", value_parser = parse_max)]
    maxes: Vec<(String, MaxWeight)>,

    /// Print one JSON object instead of text
    #[arg(long)]
    json: bool,
}

/// `squat@3`.
fn parse_fail(text: &str) -> Result<(String, u16), String> {
    let (lift, week) = text
        .rsplit_once('@')
        .ok_or_else(|| format!("expected LIFT@WEEK like squat@3, got {text:?}"))?;
    let week: u16 = week
        .trim()
        .parse()
        .ok()
        .filter(|w| *w >= 1)
        .ok_or_else(|| format!("expected a week number from 1 after @, got {week:?}"))?;
    Ok((lift.trim().to_string(), week))
}

pub fn run(ctx: &Context, args: &SimulateArgs) -> Result<(), Failure> {
    let lifting = Lifting::open(ctx)?;
    let found = find::find(Some(&lifting.store), &args.name)?;
    let program = &found.program;
    let pl = lifting.lifter(program, &args.maxes)?;
    let exercises = lifting
        .store
        .exercises()
        .map_err(|e| Failure::from_store(e, "read your exercises"))?;
    let mut fails = Vec::new();
    for (lift, week) in &args.fails {
        let exercise = find_exercise(&exercises, lift)
            .filter(|e| pl.maxes.iter().any(|m| m.exercise == e.name))
            .ok_or_else(|| {
                Failure::Usage(format!(
                    "--fail {lift}@{week}: {} has no such lift (its lifts: {})",
                    program.meta.name,
                    pl.maxes
                        .iter()
                        .map(|m| m.exercise.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })?;
        if *week > args.weeks {
            return Err(Failure::Usage(format!(
                "--fail {lift}@{week}: the simulation runs {} weeks",
                args.weeks
            )));
        }
        fails.push((exercise.name.clone(), *week));
    }
    let sim = simulate(
        program,
        &pl.lifter,
        &Scenario {
            weeks: args.weeks,
            fails,
        },
    );
    let unit = lifting.profile.unit;
    if args.json {
        return output::line(to_json(program, args, &sim, unit));
    }
    output::text(&to_text(program, args, &sim, unit))
}

/// The simulation as JSON: every day's sets and changes, and where each slot ends.
fn to_json(program: &Program, args: &SimulateArgs, sim: &Simulation, unit: Unit) -> Value {
    let days: Vec<Value> = sim
        .days
        .iter()
        .map(|d| {
            json!({
                "week": d.plan.at.week,
                "day": d.plan.name,
                "deload": d.plan.deload,
                "exercises": d.plan.lines.iter().zip(&d.done).map(|(l, done)| {
                    let mut v = line_json(l);
                    v["done_reps"] = json!(done.iter().map(|s| s.reps).collect::<Vec<_>>());
                    v
                }).collect::<Vec<_>>(),
                "changes": d.changes.iter().map(change_json).collect::<Vec<_>>(),
            })
        })
        .collect();
    let end: Vec<Value> = sim
        .slots
        .states()
        .iter()
        .map(|(key, s)| {
            let lift = sim.slots.exercise(key).and_then(|e| sim.slots.lift(e));
            json!({
                "slot": key,
                "working_kg": s.working.map(kg2),
                "tm_kg": lift.and_then(|l| l.tm).map(kg2),
                "max_kg": lift.and_then(|l| l.max).map(kg2),
                "stage": s.stage,
            })
        })
        .collect();
    json!({
        "name": program.meta.name,
        "weeks": args.weeks,
        "unit": unit.label(),
        "days": days,
        "end": end,
    })
}

/// The simulation as text: each day's changes with their reasons, and where each slot ends.
fn to_text(program: &Program, args: &SimulateArgs, sim: &Simulation, unit: Unit) -> String {
    let mut out = format!(
        "{} — {} weeks simulated{}; nothing is saved\n",
        program.meta.name,
        args.weeks,
        if args.fails.is_empty() {
            ", every set done".to_string()
        } else {
            format!(
                ", failing {}",
                args.fails
                    .iter()
                    .map(|(l, w)| format!("{l} in week {w}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
    );
    let mut week = 0;
    for d in &sim.days {
        if d.plan.at.week != week {
            week = d.plan.at.week;
            let _ = writeln!(
                out,
                "\nWeek {week}{}",
                if d.plan.deload { " · deload" } else { "" }
            );
        }
        let _ = writeln!(out, "  Day {}", d.plan.name);
        for c in &d.changes {
            let _ = writeln!(out, "    {}: {}", c.key, c.reason);
        }
        if d.changes.is_empty() {
            out.push_str("    no change\n");
        }
    }
    out.push_str("\nWhere each lift ends (for the next session)\n");
    for (key, s) in sim.slots.states() {
        let rule = sim.slots.rule(key);
        let lift = sim.slots.exercise(key).and_then(|e| sim.slots.lift(e));
        let mut parts = Vec::new();
        match rule {
            Some(Rule::Tm { .. } | Rule::TmTable { .. } | Rule::TmReps { .. }) => {
                parts.extend(
                    lift.and_then(|l| l.tm)
                        .map(|t| format!("training max {}", show(t, unit))),
                );
            }
            Some(Rule::Max { .. }) => {
                parts.extend(
                    lift.and_then(|l| l.max)
                        .map(|m| format!("1RM {}", show(m, unit))),
                );
            }
            Some(_) => parts.extend(s.working.map(|w| format!("load {}", show(w, unit)))),
            None => continue,
        }
        if let Some(Rule::Stages { stages, .. }) = rule
            && let Some(&(sets, reps, amrap)) = stages.get(s.stage)
        {
            let r = if reps.min == reps.max {
                reps.min.to_string()
            } else {
                format!("{}-{}", reps.min, reps.max)
            };
            parts.push(format!("stage {sets}x{r}{}", if amrap { "+" } else { "" }));
        }
        if parts.is_empty() {
            parts.push("no load yet (your choice)".into());
        }
        let _ = writeln!(out, "  {key}: {}", parts.join(", "));
    }
    out
}

fn show(w: Weight, unit: Unit) -> String {
    format!("{} {unit}", w.display(unit))
}

fn kg2(w: Weight) -> f64 {
    (w.kg() * 100.0).round() / 100.0
}

fn change_json(c: &Change) -> Value {
    let pair = |p: Option<(Weight, Weight)>| p.map(|(a, b)| json!([kg2(a), kg2(b)]));
    json!({
        "slot": c.key,
        "exercise": c.exercise,
        "load_kg": pair(c.load),
        "tm_kg": pair(c.tm),
        "max_kg": pair(c.max),
        "stage": c.stage.as_ref().map(|(a, b)| json!([a, b])),
        "reason": c.reason,
    })
}
