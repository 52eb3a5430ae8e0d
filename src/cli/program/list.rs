//! `program list` and `program recommend`: the library, filtered or ranked.

use std::fmt::Write as _;

use clap::{Args, ValueEnum};
use ironpulse::core::program::choose::{Ask, levels_text, rank};
use ironpulse::core::program::{Goal, Level};
use ironpulse::read::Library;
use ironpulse::read::program_library::Entry;
use serde_json::{Value, json};

use super::Lifting;
use crate::cli::{Context, Failure, output};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LevelArg {
    Novice,
    Intermediate,
    Advanced,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GoalArg {
    Strength,
    Hypertrophy,
    Both,
}

impl From<LevelArg> for Level {
    fn from(l: LevelArg) -> Level {
        match l {
            LevelArg::Novice => Level::Novice,
            LevelArg::Intermediate => Level::Intermediate,
            LevelArg::Advanced => Level::Advanced,
        }
    }
}

impl From<GoalArg> for Goal {
    fn from(g: GoalArg) -> Goal {
        match g {
            GoalArg::Strength => Goal::Strength,
            GoalArg::Hypertrophy => Goal::Hypertrophy,
            GoalArg::Both => Goal::Both,
        }
    }
}

/// Options for `program list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only programs written for this many days a week
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=7))]
    days: Option<u8>,

    /// Only programs for this experience
    #[arg(long, value_enum)]
    level: Option<LevelArg>,

    /// Only programs with this goal ("both" programs also show for strength or hypertrophy)
    #[arg(long, value_enum)]
    goal: Option<GoalArg>,

    /// Only programs whose sessions take about this long or less
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(10..=300))]
    minutes: Option<u32>,

    /// Print JSON instead of text
    #[arg(long)]
    json: bool,
}

/// Options for `program recommend`.
#[derive(Debug, Args)]
pub struct RecommendArgs {
    /// Training days a week you have
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=7))]
    days: Option<u8>,

    /// Minutes a session you have
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(10..=300))]
    minutes: Option<u32>,

    /// What you train for
    #[arg(long, value_enum)]
    goal: Option<GoalArg>,

    /// How many to show
    #[arg(long, value_name = "N", default_value_t = 5)]
    top: usize,

    /// Print JSON instead of text
    #[arg(long)]
    json: bool,
}

fn library(l: &Lifting) -> Result<Library, Failure> {
    let exercises = l
        .store
        .exercises()
        .map_err(|e| Failure::from_store(e, "read your exercises"))?;
    Library::read(&exercises, &l.profile).map_err(|e| Failure::Usage(format!("a built-in: {e}")))
}

pub fn list(ctx: &Context, args: &ListArgs) -> Result<(), Failure> {
    let lifting = Lifting::open(ctx)?;
    let Library(entries) = library(&lifting)?;
    let shown: Vec<&Entry> = entries
        .iter()
        .filter(|e| {
            let m = &e.program.meta;
            args.days.is_none_or(|d| m.days == Some(d))
                && args.level.is_none_or(|l| m.level.contains(&l.into()))
                && args.goal.is_none_or(|g| {
                    let g: Goal = g.into();
                    // A program for both also shows for strength or hypertrophy; "both" asks
                    // for the programs that train both.
                    m.goal == Some(g) || (m.goal == Some(Goal::Both) && g != Goal::Both)
                })
                && args.minutes.is_none_or(|n| e.minutes <= n)
        })
        .collect();
    if args.json {
        return output::line(Value::Array(shown.iter().map(|e| entry_json(e)).collect()));
    }
    if shown.is_empty() {
        return output::line("No built-in program matches those filters; try fewer.");
    }
    let mut out = format!(
        "{} program{} — `ironpulse program show NAME` shows the weeks with your loads\n\n",
        shown.len(),
        if shown.len() == 1 { "" } else { "s" }
    );
    let width = shown
        .iter()
        .map(|e| e.program.meta.name.chars().count())
        .max()
        .unwrap_or(0);
    for e in shown {
        out.push_str(&line(e, width));
        out.push('\n');
    }
    output::text(&out)
}

/// One program as a line of the list.
fn line(e: &Entry, width: usize) -> String {
    let m = &e.program.meta;
    format!(
        "  {:<width$}  {:<21} {:<11} {} d/wk  ~{:>3} min  {:<17} {}",
        m.name,
        levels_text(&m.level),
        m.goal.map_or("", |g| g.code()),
        m.days.map_or_else(|| "?".into(), |d| d.to_string()),
        e.minutes,
        m.periodization.map_or("", |p| p.code()),
        m.origin.as_deref().unwrap_or("")
    )
}

fn entry_json(e: &Entry) -> Value {
    let m = &e.program.meta;
    let muscles: serde_json::Map<String, Value> = e
        .muscle_sets
        .iter()
        .map(|(name, sets)| (name.clone(), json!(sets)))
        .collect();
    json!({
        "slug": e.slug,
        "name": m.name,
        "origin": m.origin,
        "level": m.level.iter().map(|l: &ironpulse::core::program::Level| l.code()).collect::<Vec<_>>(),
        "goal": m.goal.map(Goal::code),
        "days": m.days,
        "minutes": e.minutes,
        "schedule": m.schedule.code(),
        "periodization": m.periodization.map(ironpulse::core::program::Periodization::code),
        "weeks": m.length_weeks,
        "weekly_sets_per_muscle": muscles,
        "source": m.source,
    })
}

pub fn recommend(ctx: &Context, args: &RecommendArgs) -> Result<(), Failure> {
    let lifting = Lifting::open(ctx)?;
    let Library(entries) = library(&lifting)?;
    let first = lifting
        .store
        .first_training_day()
        .map_err(|e| Failure::from_store(e, "read your history"))?;
    let months = first.map_or(0.0, |d| {
        (lifting.today - d).num_days().max(0) as f64 / 30.44
    });
    let ask = Ask {
        months: Some(months),
        days: args.days,
        minutes: args.minutes,
        goal: args.goal.map(Into::into),
    };
    let candidates: Vec<_> = entries
        .iter()
        .map(|e| (&e.program.meta, e.minutes))
        .collect();
    let ranked = rank(&candidates, &ask);
    let top: Vec<_> = ranked.iter().take(args.top.max(1)).collect();
    if args.json {
        let items: Vec<Value> = top
            .iter()
            .map(|r| {
                let mut v = entry_json(&entries[r.index]);
                v["score"] = json!(r.score);
                v["reasons"] = json!(r.reasons);
                v
            })
            .collect();
        return output::line(
            json!({ "training_months": (months * 10.0).round() / 10.0, "programs": items }),
        );
    }
    let mut out = format!(
        "For {} of training{}{}{}:\n\n",
        if first.is_none() {
            "no logged history (a novice)".to_string()
        } else {
            format!("{months:.0} months")
        },
        args.days
            .map_or(String::new(), |d| format!(", {d} days a week")),
        args.minutes
            .map_or(String::new(), |m| format!(", {m} min a session")),
        args.goal
            .map_or(String::new(), |g| format!(", {}", Goal::from(g).code())),
    );
    for (i, r) in top.iter().enumerate() {
        let e = &entries[r.index];
        let _ = writeln!(
            out,
            "{}. {} — {}",
            i + 1,
            e.program.meta.name,
            r.reasons.join("; ")
        );
    }
    out.push_str("\n`ironpulse program show NAME` previews one with your loads.\n");
    output::text(&out)
}
