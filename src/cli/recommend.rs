//! `ironpulse recommend [EXERCISE] [--json]`: the next session's target for each lift trained in
//! the last 8 weeks (or one named lift), from its rule and history, with the reasoning.

mod resolve;

use std::path::Path;

use chrono::{NaiveDate, Utc};
use clap::Args;
use ironpulse::core::profile::{Profile, Sex, default_bar, default_plates};
use ironpulse::core::strength::progression::{Recommendation, RecommendationKind, RuleConfig};
use ironpulse::core::units::{Bpm, Figure, Unit, Weight, format_number};
use ironpulse::read::{Advice, DeloadCheck, Recommendations};
use ironpulse::store::{Store, StoreError};
use serde_json::{Value, json};

use super::{Context, Failure, output};

/// Options for `ironpulse recommend`.
#[derive(Debug, Args)]
pub struct RecommendArgs {
    /// The exercise (name, alias or a few letters of it); without it, every lift trained in the
    /// last 8 weeks
    #[arg(value_name = "EXERCISE", num_args = 0..)]
    exercise: Vec<String>,

    /// Print one JSON object instead of text
    #[arg(long)]
    json: bool,
}

/// Opens the database at `db` to write, which must exist (nothing is created).
pub(super) fn open_existing(db: &Path) -> Result<Store, Failure> {
    existing(db, Store::open)
}

/// Opens the database at `db` to read, which must exist (nothing is created); also while the
/// app has it open ([`Store::open_to_read`]).
pub(super) fn read_existing(db: &Path) -> Result<Store, Failure> {
    existing(db, Store::open_to_read)
}

/// Whether there is a database at `db` to open: a file with something in it. Something that is
/// not a file (a directory, /dev/null) counts, to be refused by name when opened.
pub(super) fn present(db: &Path) -> bool {
    std::fs::metadata(db).is_ok_and(|m| !m.is_file() || m.len() > 0)
}

fn existing(db: &Path, open: fn(&Path) -> Result<Store, StoreError>) -> Result<Store, Failure> {
    if !present(db) {
        return Err(Failure::from_store(
            StoreError::NoDatabase {
                path: db.to_path_buf(),
            },
            "open the database",
        ));
    }
    open(db).map_err(|err| Failure::from_store(err, "open the database"))
}

/// The lifter's profile, or kilograms with standard plates when none is saved yet.
pub(super) fn profile_or_default(store: &Store) -> Result<Profile, Failure> {
    let stored = store
        .profile()
        .map_err(|err| Failure::from_store(err, "read the profile"))?;
    Ok(stored.unwrap_or_else(|| Profile {
        unit: Unit::Kg,
        body_weight: Weight::ZERO,
        sex: Sex::Male,
        birth_year: 1990,
        hr_max: Bpm::saturating(185.0),
        hr_rest: Bpm::saturating(60.0),
        lthr: None,
        bar: default_bar(Unit::Kg),
        plates: default_plates(Unit::Kg),
        zones: ironpulse::core::profile::ZoneKind::Karvonen,
    }))
}

/// Prints the recommendations.
pub fn run(ctx: &Context, args: &RecommendArgs) -> Result<(), Failure> {
    let store = read_existing(&ctx.db_path()?)?;
    let read = |err| Failure::from_store(err, "read the training history");
    let profile = profile_or_default(&store)?;
    let now = Utc::now();
    let today = now.date_naive();
    let exercises = store.exercises().map_err(read)?;

    let query = args.exercise.join(" ");
    let listing = query.trim().is_empty();
    let Recommendations(advice) = if listing {
        Recommendations::recent(&store, &profile, &exercises, today).map_err(read)?
    } else {
        let recent = store.recent_exercises(20).map_err(read)?;
        let exercise = resolve::resolve(&query, &exercises, &recent).map_err(|closest| {
            Failure::Usage(if closest.is_empty() {
                format!(
                    "no exercise matches {:?}, even allowing for a typo; `ironpulse recommend` \
                     lists the lifts you trained",
                    query.trim()
                )
            } else {
                format!(
                    "no exercise matches {:?}; did you mean {}?",
                    query.trim(),
                    or_list(&closest)
                )
            })
        })?;
        Recommendations::read(&store, &profile, &[exercise], None, today).map_err(read)?
    };

    let deload = if listing {
        let check = DeloadCheck::read(&store, profile.unit, today).map_err(read)?;
        Some(check.advice.summary)
    } else {
        None
    };
    if args.json {
        output::line(to_json(&advice, profile.unit, today, deload.as_deref()))
    } else {
        output::text(&to_text(&advice, profile.unit, today, deload.as_deref()))
    }
}

/// `A`, `A or B`, `A, B or C`.
fn or_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// The stable name of a recommendation kind: `increase_weight`.
fn kind_code(kind: RecommendationKind) -> &'static str {
    match kind {
        RecommendationKind::IncreaseWeight => "increase_weight",
        RecommendationKind::IncreaseReps => "increase_reps",
        RecommendationKind::Maintain => "maintain",
        RecommendationKind::Deload => "deload",
        RecommendationKind::Reduce => "reduce",
    }
}

/// A load in `unit` as a JSON number, to 2 decimals.
fn in_unit(w: Weight, unit: Unit) -> f64 {
    (w.in_unit(unit) * 100.0).round() / 100.0
}

/// One lift's advice as JSON, weights in `unit`.
pub(super) fn advice_json(a: &Advice<'_>, unit: Unit) -> Value {
    let r = &a.recommendation;
    let c = &a.config;
    json!({
        "id": a.exercise.id.0,
        "exercise": a.exercise.name,
        "rule": {
            "rule": c.rule.code(),
            "rep_min": c.rep_range.min(),
            "rep_max": c.rep_range.max(),
            "increment": in_unit(c.increment, unit),
            "target_rpe": c.target_rpe.value(),
            "sets": c.sets,
            "chosen": a.custom_rule,
        },
        "kind": kind_code(r.kind),
        "confidence": (r.confidence * 100.0).round() / 100.0,
        "suggestion": {
            "weight": r.suggestion.weight.map(|w| in_unit(w, unit)),
            "reps": r.suggestion.reps,
            "sets": r.suggestion.sets,
        },
        "reasoning": r.reasoning,
    })
}

fn to_json(advice: &[Advice<'_>], unit: Unit, today: NaiveDate, deload: Option<&str>) -> Value {
    let exercises: Vec<Value> = advice.iter().map(|a| advice_json(a, unit)).collect();
    let mut out = json!({
        "date": today.to_string(),
        "unit": unit.label(),
        "exercises": exercises,
    });
    if let Some(summary) = deload {
        out["deload"] = json!(summary);
    }
    out
}

/// "142.5 kg × 5, 3 sets".
fn target(r: &Recommendation, unit: Unit) -> String {
    let s = r.suggestion;
    let mut parts = Vec::new();
    match (s.weight, s.reps) {
        (Some(w), Some(reps)) => parts.push(format!("{} {unit} × {reps}", w.display(unit))),
        (Some(w), None) => parts.push(format!("{} {unit}", w.display(unit))),
        (None, Some(reps)) => parts.push(format!("{reps} reps")),
        (None, None) => {}
    }
    if let Some(sets) = s.sets {
        parts.push(format!("{sets} set{}", if sets == 1 { "" } else { "s" }));
    }
    parts.join(", ")
}

fn rule_line(c: &RuleConfig, unit: Unit, custom: bool) -> String {
    format!(
        "{}, {} reps, +{} {unit}, target RPE {}, {}{}",
        c.rule.label(),
        c.rep_range,
        c.increment.display(unit),
        format_number(c.target_rpe.value()),
        ironpulse::core::words::count(usize::from(c.sets), "set", "sets"),
        if custom { "" } else { " (defaults)" }
    )
}

/// One lift's advice as a text block: the target, the rule and the reasoning.
pub(super) fn advice_text(a: &Advice<'_>, unit: Unit) -> String {
    let r = &a.recommendation;
    format!(
        "{}: {} — {} (confidence {:.0} %)\n  rule: {}\n  why: {}\n",
        a.exercise.name,
        kind_code(r.kind).replace('_', " "),
        target(r, unit),
        Figure(r.confidence * 100.0),
        rule_line(&a.config, unit, a.custom_rule),
        r.reasoning
    )
}

fn to_text(advice: &[Advice<'_>], unit: Unit, today: NaiveDate, deload: Option<&str>) -> String {
    let mut blocks: Vec<String> = advice.iter().map(|a| advice_text(a, unit)).collect();
    if advice.is_empty() {
        blocks.push(
            "Nothing with a weight was trained in the last 8 weeks. Name a lift to see where to \
             start, e.g. `ironpulse recommend squat`.\n"
                .to_owned(),
        );
    }
    if let Some(summary) = deload {
        blocks.push(format!(
            "Deload check ({today}): {summary} See `ironpulse deload` for the numbers.\n"
        ));
    }
    blocks.join("\n")
}
