//! `ironpulse recommend` and `ironpulse deload` through the real binary: a demo database and a
//! hand-made one with known answers, unknown names, missing databases, recording a deload.

#[path = "support/cli.rs"]
mod cli;
#[path = "support/demo_db.rs"]
mod demo_db;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::{DateTime, Duration, Utc};
use ironpulse::core::profile::Profile;
use ironpulse::core::strength::e1rm::Formula;
use ironpulse::core::strength::progression::{RepRange, Rule, RuleConfig};
use ironpulse::core::units::{Reps, Rpe, Weight};
use ironpulse::core::workout::exercise::ExerciseId;
use ironpulse::core::workout::set::{Load, SetKind, SetSpec};
use ironpulse::store::{HistorySession, HistorySet, HistorySlot, Store};
use serde_json::Value;
use tempfile::TempDir;

use cli::{json, run};

/// A copy of the shared demo database (1 year, seed 1, ending today) for every test here.
fn demo() -> &'static (TempDir, PathBuf) {
    static DEMO: OnceLock<(TempDir, PathBuf)> = OnceLock::new();
    DEMO.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let db = demo_db::demo_copy(dir.path(), demo_db::Ending::Today);
        (dir, db)
    })
}

fn kg(v: f64) -> Weight {
    Weight::from_kg(v).unwrap()
}

fn set(weight: f64, reps: u32) -> SetSpec {
    SetSpec {
        kind: SetKind::Working,
        load: Load::External(kg(weight)),
        reps: Some(Reps::try_from(reps).unwrap()),
        effort: None,
        duration: None,
    }
}

fn id(store: &Store, name: &str) -> ExerciseId {
    store
        .exercises()
        .unwrap()
        .into_iter()
        .find(|e| e.name == name)
        .unwrap()
        .id
}

/// A session `days_ago` days before today at noon UTC, 60 minutes at session RPE 7.
fn session(exercise: ExerciseId, days_ago: i64, sets: &[SetSpec]) -> HistorySession {
    let day = Utc::now().date_naive() - Duration::days(days_ago);
    let start: DateTime<Utc> = day.and_hms_opt(12, 0, 0).unwrap().and_utc();
    HistorySession {
        started_at: start,
        ended_at: start + Duration::minutes(60),
        title: String::new(),
        rpe: Some(7),
        notes: String::new(),
        body_weight: None,
        slots: vec![HistorySlot {
            exercise,
            superset: None,
            notes: String::new(),
            sets: sets
                .iter()
                .map(|spec| HistorySet {
                    spec: *spec,
                    completed_at: start + Duration::minutes(10),
                })
                .collect(),
        }],
    }
}

/// A small database: bench 3 × 8 at 100 kg (default double progression → 102.5 × 5), squat
/// 3 × 5 at 140 kg under a stored linear rule (+5 kg → 145 × 5), a curl last trained 20 weeks
/// ago (not listed), Epley pinned.
fn hand_made(dir: &Path) -> PathBuf {
    let db = dir.join("hand.db");
    let store = Store::open(&db).unwrap();
    store
        .save_profile(&Profile::example().female().born(1992))
        .unwrap();
    let bench = id(&store, "Bench Press");
    let squat = id(&store, "Back Squat");
    let curl = id(&store, "Barbell Curl");
    store
        .set_exercise_rule(
            squat,
            Some(&RuleConfig {
                rule: Rule::Linear,
                rep_range: RepRange::new(5, 5).unwrap(),
                increment: kg(5.0),
                target_rpe: Rpe::try_from(8.0).unwrap(),
                sets: 3,
            }),
        )
        .unwrap();
    store.set_pinned_formula(Some(Formula::Epley)).unwrap();
    store
        .insert_history(&[
            session(curl, 140, &[set(30.0, 10)]),
            session(bench, 6, &[set(100.0, 7), set(100.0, 7), set(100.0, 6)]),
            session(squat, 4, &[set(135.0, 5); 3]),
            session(bench, 3, &[set(100.0, 8); 3]),
            session(squat, 1, &[set(140.0, 5); 3]),
        ])
        .unwrap();
    db
}

#[test]
fn the_hand_made_database_gets_the_known_answers() {
    let dir = tempfile::tempdir().unwrap();
    let db = hand_made(dir.path());
    let out = json(dir.path(), &db, &["recommend"]);
    assert_eq!(out["unit"], "kg");
    let list = out["exercises"].as_array().unwrap();
    let names: Vec<&str> = list
        .iter()
        .map(|e| e["exercise"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["Back Squat", "Bench Press"],
        "most recent first; the curl is older than 8 weeks"
    );

    let squat = &list[0];
    assert_eq!(squat["rule"]["rule"], "linear");
    assert_eq!(squat["rule"]["chosen"], true);
    assert_eq!(squat["kind"], "increase_weight");
    assert_eq!(squat["suggestion"]["weight"], 145.0);
    assert_eq!(squat["suggestion"]["reps"], 5);
    assert_eq!(squat["suggestion"]["sets"], 3);
    assert!((squat["confidence"].as_f64().unwrap() - 0.9).abs() < 1e-9);
    assert!(squat["reasoning"].as_str().unwrap().contains("145 kg"));

    let bench = &list[1];
    assert_eq!(bench["rule"]["rule"], "double_progression");
    assert_eq!(bench["rule"]["chosen"], false);
    assert_eq!(
        (
            bench["rule"]["rep_min"].as_u64(),
            bench["rule"]["rep_max"].as_u64()
        ),
        (Some(5), Some(8))
    );
    assert_eq!(bench["kind"], "increase_weight");
    assert_eq!(bench["suggestion"]["weight"], 102.5);
    assert_eq!(bench["suggestion"]["reps"], 5);

    // The deload check rides along: back after 20 weeks, the load spikes (ACWR) and there has
    // been no deload since the curl.
    assert_eq!(
        out["deload"],
        "2 deload signals: a lighter week would help — cut volume by 40 % for 7 days."
    );

    let text = run(dir.path(), &db, &["recommend", "bench"]);
    assert_eq!(text.code, Some(0), "{}", text.stderr);
    assert!(
        text.stdout
            .starts_with("Bench Press: increase weight — 102.5 kg × 5, 3 sets (confidence 90 %)"),
        "{}",
        text.stdout
    );
    assert!(text.stdout.contains("(defaults)"));
    assert!(
        !text.stdout.contains("Deload check"),
        "only the list has it"
    );
}

#[test]
fn a_named_lift_without_history_gets_a_starting_point() {
    let dir = tempfile::tempdir().unwrap();
    let db = hand_made(dir.path());
    let out = json(dir.path(), &db, &["recommend", "front", "squat"]);
    let one = &out["exercises"][0];
    assert_eq!(one["exercise"], "Front Squat");
    assert_eq!(one["kind"], "maintain");
    assert_eq!(one["suggestion"]["weight"], Value::Null);
    assert_eq!(one["suggestion"]["reps"], 5);
    assert!(out.get("deload").is_none());
}

#[test]
fn unknown_names_exit_2_with_the_closest_and_no_database_is_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let db = hand_made(dir.path());
    let out = run(dir.path(), &db, &["recommend", "sqaut"]);
    assert_eq!(out.code, Some(2));
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr.contains("no exercise matches \"sqaut\"") && out.stderr.contains("Back Squat"),
        "{}",
        out.stderr
    );

    // A typo is never acted on; the lift it meant comes first (once it came third).
    let out = run(dir.path(), &db, &["recommend", "benhc"]);
    assert_eq!(out.code, Some(2));
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr
            .starts_with("ironpulse: no exercise matches \"benhc\"; did you mean Bench Press, "),
        "{}",
        out.stderr
    );
    let out = run(dir.path(), &db, &["recommend", "qqqqq"]);
    assert_eq!(out.code, Some(2));
    assert!(
        out.stderr
            .contains("no exercise matches \"qqqqq\", even allowing for a typo"),
        "{}",
        out.stderr
    );

    let missing = dir.path().join("missing.db");
    for args in [&["recommend"][..], &["deload"][..]] {
        let out = run(dir.path(), &missing, args);
        assert_eq!(out.code, Some(2), "{args:?}");
        assert!(
            out.stderr.contains("no ironpulse database"),
            "{}",
            out.stderr
        );
    }
    assert!(!missing.exists());
}

#[test]
fn recording_a_deload_shows_in_the_check() {
    let dir = tempfile::tempdir().unwrap();
    let db = hand_made(dir.path());
    let before = json(dir.path(), &db, &["deload"]);
    assert_eq!(before["urgency"], "medium");
    assert_eq!(before["last_deload"], Value::Null);
    let kinds: Vec<&str> = before["signals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["acwr_spike", "weeks_since_deload"]);
    // Every load of the last 28 days falls in the last 7: acute / chronic = (L / 7) / (L / 28).
    assert_eq!(before["acwr"], 4.0);
    assert_eq!(before["plan"]["volume_cut_percent"], 40);

    let today = Utc::now().date_naive();
    let start = (today - Duration::days(10)).to_string();
    let end = (today - Duration::days(4)).to_string();
    let recorded = json(
        dir.path(),
        &db,
        &["deload", "--record", "--start", &start, "--note", "tired"],
    );
    assert_eq!(recorded["recorded"]["start"], start.as_str());
    assert_eq!(recorded["recorded"]["end"], end.as_str());
    let after = json(dir.path(), &db, &["deload"]);
    assert_eq!(after["last_deload"], end.as_str());
    assert_eq!(after["urgency"], "none", "{after}");

    let refused = run(dir.path(), &db, &["deload", "--start", "2026-01-05"]);
    assert_eq!(refused.code, Some(2), "--start needs --record");
}

#[test]
fn the_demo_history_lists_its_lifts_with_reasons_and_a_deload_check() {
    let (dir, db) = demo();
    let out = json(dir.path(), db, &["recommend"]);
    let list = out["exercises"].as_array().unwrap();
    assert!(list.len() >= 15, "{} lifts", list.len());
    let kinds = [
        "increase_weight",
        "increase_reps",
        "maintain",
        "deload",
        "reduce",
    ];
    for lift in list {
        assert!(kinds.contains(&lift["kind"].as_str().unwrap()), "{lift}");
        let confidence = lift["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&confidence), "{lift}");
        assert!(
            lift["suggestion"]["weight"].as_f64().unwrap() > 0.0,
            "{lift}"
        );
        let reasoning = lift["reasoning"].as_str().unwrap();
        assert!(
            reasoning.contains("kg"),
            "reasons quote their numbers: {reasoning}"
        );
    }
    for main in ["Back Squat", "Bench Press", "Deadlift"] {
        assert!(
            list.iter().any(|l| l["exercise"] == main),
            "{main} is listed"
        );
    }
    assert!(out["deload"].as_str().unwrap().contains("signal"));

    let check = json(dir.path(), db, &["deload"]);
    assert!(
        check["acwr"].as_f64().is_some(),
        "a year of session RPEs gives a ratio"
    );
    assert!(
        check["last_deload"].as_str().is_some(),
        "the demo records its deloads"
    );
    let signals = check["signals"].as_array().unwrap();
    let urgency = check["urgency"].as_str().unwrap();
    let expected = match signals.len() {
        0 | 1 => "none",
        2 => "medium",
        _ => "high",
    };
    assert_eq!(urgency, expected);
    assert_eq!(check["plan"].is_null(), urgency == "none");

    let text = run(dir.path(), db, &["recommend", "deadlift"]);
    assert_eq!(text.code, Some(0));
    assert!(text.stdout.starts_with("Deadlift: "), "{}", text.stdout);
    assert!(text.stdout.contains("\n  why: "), "{}", text.stdout);
}

#[test]
fn a_deload_week_running_today_shows_in_the_check_and_the_plans() {
    let dir = tempfile::tempdir().unwrap();
    let db = hand_made(dir.path());
    let recorded = json(dir.path(), &db, &["deload", "--record"]);
    let today = Utc::now().date_naive();
    assert_eq!(recorded["recorded"]["start"], today.to_string().as_str());
    let check = json(dir.path(), &db, &["deload"]);
    assert_eq!(check["deload_week"]["day"], 1);
    assert_eq!(check["deload_week"]["days"], 7);
    assert_eq!(
        check["deload_week"]["end"],
        (today + Duration::days(6)).to_string().as_str()
    );
    let text = run(dir.path(), &db, &["deload"]);
    assert!(
        text.stdout.starts_with("Deload week: day 1 of 7, until "),
        "{}",
        text.stdout
    );
    // Every lift's plan is the deload week's.
    let plans = json(dir.path(), &db, &["recommend"]);
    assert!(
        !plans["exercises"].as_array().unwrap().is_empty(),
        "{plans}"
    );
    for lift in plans["exercises"].as_array().unwrap() {
        assert_eq!(lift["kind"], "deload", "{lift}");
        assert!(
            lift["reasoning"]
                .as_str()
                .unwrap()
                .starts_with("Deload week, day 1 of 7"),
            "{lift}"
        );
    }
    // A second deload over the same days is refused, in one line.
    let again = run(
        dir.path(),
        &db,
        &[
            "deload",
            "--record",
            "--start",
            &(today + Duration::days(3)).to_string(),
        ],
    );
    assert_eq!(again.code, Some(2));
    assert_eq!(again.stderr.lines().count(), 1, "{}", again.stderr);
    assert!(
        again.stderr.contains("is already recorded"),
        "{}",
        again.stderr
    );
}
