//! `ironpulse program …` run as the binary: the library, a preview with given maxes, a
//! simulation, validation, starting a program and reading today's day and the status, editing in
//! $EDITOR — and bad input refused with exit 2 and a message saying what was wrong.

#[path = "support/cli.rs"]
mod cli;
#[path = "support/demo_db.rs"]
mod demo_db;

use std::fs;

use cli::{json, run};
use tempfile::TempDir;

const MAXES: [&str; 8] = [
    "--max",
    "squat=140",
    "--max",
    "bench=100",
    "--max",
    "deadlift=180",
    "--max",
    "ohp=60",
];

/// Runs `args` with $EDITOR a script that applies the sed expression `edit` to the file.
fn with_editor(home: &std::path::Path, edit: &str, args: &[&str]) -> std::process::Output {
    let editor = home.join("editor.sh");
    fs::write(&editor, format!("#!/bin/sh\nsed -i '{edit}' \"$1\"\n")).unwrap();
    let mut perms = fs::metadata(&editor).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
    fs::set_permissions(&editor, perms).unwrap();
    cli::command(home)
        .env("EDITOR", &editor)
        .env_remove("VISUAL")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_library_lists_filters_and_ranks() {
    let home = TempDir::new().unwrap();
    let db = home.path().join("none.db");
    let all = json(home.path(), &db, &["program", "list"]);
    assert!(all.as_array().unwrap().len() >= 20, "{all}");
    let three = json(
        home.path(),
        &db,
        &["program", "list", "--days", "3", "--level", "novice"],
    );
    for p in three.as_array().unwrap() {
        assert_eq!(p["days"], 3, "{p}");
        assert!(
            p["level"].as_array().unwrap().contains(&"novice".into()),
            "{p}"
        );
        assert!(p["minutes"].as_u64().unwrap() > 10, "{p}");
        assert!(
            p["weekly_sets_per_muscle"].as_object().unwrap().len() > 2,
            "{p}"
        );
    }
    assert!(
        three
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"] == "GZCLP")
    );
    let ranked = json(
        home.path(),
        &db,
        &["program", "recommend", "--days", "3", "--goal", "strength"],
    );
    let first = &ranked["programs"][0];
    assert_eq!(first["days"], 3, "{ranked}");
    assert!(
        first["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "3 days a week, as asked"),
        "{first}"
    );
    assert!(!db.exists(), "reading the library creates no database");
}

#[test]
fn show_prints_week_1_with_the_lifters_loads() {
    let home = TempDir::new().unwrap();
    let db = home.path().join("none.db");
    let mut args = vec!["program", "show", "531", "--week", "1"];
    args.extend(MAXES);
    let v = json(home.path(), &db, &args);
    assert_eq!(v["name"], "5/3/1");
    let days = v["weeks"][0]["days"].as_array().unwrap();
    let squat = days
        .iter()
        .flat_map(|d| d["exercises"].as_array().unwrap())
        .find(|e| e["name"] == "Back Squat")
        .unwrap();
    let working: Vec<(f64, bool)> = squat["sets"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["warmup"] == false)
        .map(|s| {
            (
                s["weight_kg"].as_f64().unwrap(),
                s["amrap"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        working,
        [(82.5, false), (95.0, false), (107.5, true)],
        "programs.md fact 4"
    );
    let text = run(home.path(), &db, &["program", "show", "gzclp"]);
    assert_eq!(text.code, Some(0), "{}", text.stderr);
    assert!(text.stdout.contains("Set your maxes:"), "{}", text.stdout);
}

#[test]
fn simulate_shows_a_failed_lift_changing_stage() {
    let home = TempDir::new().unwrap();
    let db = home.path().join("none.db");
    let mut args = vec![
        "program", "simulate", "gzclp", "--weeks", "3", "--fail", "squat@2",
    ];
    args.extend(MAXES);
    let out = run(home.path(), &db, &args);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout.contains("Squat [T1]: 5x3+ missed"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("next stage, 6x2+"), "{}", out.stdout);
    assert!(!db.exists(), "a simulation saves nothing");
}

#[test]
fn bad_input_exits_2_with_what_was_wrong() {
    let home = TempDir::new().unwrap();
    let db = home.path().join("x.db");
    let bad = home.path().join("bad.txt");
    fs::write(&bad, "program: X\nday A\n  Squat: 5xfive\n").unwrap();
    let cases: [(Vec<&str>, &str); 7] = [
        (
            vec!["program", "start", "gzclp", "--date", "1900-01-01"],
            "--date 1900-01-01: give a first day from 2000-01-01",
        ),
        (
            vec!["program", "validate", bad.to_str().unwrap()],
            "line 3, column 10: expected sets x reps",
        ),
        (
            vec!["program", "show", "no such program at all"],
            "no program matches",
        ),
        (
            vec!["program", "show", "gzclp", "--max", "curl=40"],
            "--max curl: GZCLP has no such lift",
        ),
        (
            vec!["program", "simulate", "gzclp", "--fail", "squat@x"],
            "expected a week number",
        ),
        (
            vec!["program", "start", "531", "--days", "mon,funday"],
            "\"funday\" is not a weekday",
        ),
        (vec!["program", "start", "531"], "give them with --max"),
    ];
    for (args, message) in cases {
        let out = run(home.path(), &db, &args);
        assert_eq!(out.code, Some(2), "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains(message), "{args:?}: {}", out.stderr);
    }
    let good = home.path().join("good.txt");
    fs::write(
        &good,
        "program: Mine\nday A\n  Squat: 3x5; start 60kg; progress linear +2.5kg\n",
    )
    .unwrap();
    let out = run(
        home.path(),
        &db,
        &["program", "validate", good.to_str().unwrap()],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout.ends_with("Mine — 1 week, 1 day: valid\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn start_then_today_status_and_an_edit_in_the_editor() {
    let home = TempDir::new().unwrap();
    let db = home.path().join("p.db");
    let mut args = vec![
        "program",
        "start",
        "gzclp",
        "--days",
        "mon,wed,fri",
        "--date",
        "2026-01-05",
    ];
    args.extend(MAXES);
    let out = run(home.path(), &db, &args);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout
            .starts_with("Started GZCLP on 2026-01-05, training mon,wed,fri"),
        "{}",
        out.stdout
    );
    let again = run(home.path(), &db, &["program", "start", "531"]);
    assert_eq!(again.code, Some(2));
    assert!(
        again.stderr.contains("GZCLP is running (active)"),
        "{}",
        again.stderr
    );
    let status = json(home.path(), &db, &["program", "status"]);
    assert_eq!(status["program"], "GZCLP");
    assert_eq!(status["weekdays"], "mon,wed,fri");
    // Nothing was trained since 2026-01-05: every day passed waits (the plan shifted).
    let calendar = status["calendar"].as_array().unwrap();
    assert_eq!(calendar[0]["date"], "2026-01-05");
    assert_eq!(calendar[0]["status"], "shifted");
    let today = json(home.path(), &db, &["program", "today"]);
    let day = if today["today"].is_null() {
        &today["next"]
    } else {
        &today["today"]
    };
    assert_eq!(day["day"], "A1", "the first day still waits: {today}");
    // An edit: the editor is a script that changes the rest; the new version is kept.
    let out = with_editor(
        home.path(),
        "s/rest 3m/rest 4m/",
        &["--db", db.to_str().unwrap(), "program", "edit", "gzclp"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("saved as version 2"));
    let history = run(home.path(), &db, &["program", "history", "gzclp"]);
    assert!(
        history.stdout.contains("edited: version 2"),
        "{}",
        history.stdout
    );
    let today = json(home.path(), &db, &["program", "today"]);
    let day = if today["today"].is_null() {
        &today["next"]
    } else {
        &today["today"]
    };
    assert_eq!(day["exercises"][0]["rest_s"], 240, "{today}");
}

#[test]
fn a_finished_session_is_kept_as_a_program_that_shows_its_lifts() {
    let home = TempDir::new().unwrap();
    let db = demo_db::demo_copy(home.path(), demo_db::Ending::Fixed);
    let out = run(home.path(), &db, &["program", "save-session", "My day"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout.starts_with("Saved as your program \"My day\" ("),
        "{}",
        out.stdout
    );
    let shown = json(home.path(), &db, &["program", "show", "my day"]);
    assert_eq!(shown["name"], "My day");
    let exercises = shown["weeks"][0]["days"][0]["exercises"]
        .as_array()
        .unwrap();
    assert!(!exercises.is_empty(), "{shown}");
    // Every line keeps its working sets as done, at their loads.
    for e in exercises {
        let working: Vec<&serde_json::Value> = e["sets"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["warmup"] == false)
            .collect();
        assert!(!working.is_empty(), "{e}");
    }
    let history = run(home.path(), &db, &["program", "history", "my day"]);
    assert!(
        history.stdout.contains("saved from the session of"),
        "{}",
        history.stdout
    );
}

#[test]
fn a_new_program_from_the_skeleton_then_deleted() {
    let home = TempDir::new().unwrap();
    let db = home.path().join("p.db");
    let out = with_editor(
        home.path(),
        "s/start 60kg/start 70kg/",
        &["--db", db.to_str().unwrap(), "program", "new", "My LP"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let shown = json(home.path(), &db, &["program", "show", "my lp"]);
    let squat = &shown["weeks"][0]["days"][0]["exercises"][0];
    assert_eq!(squat["sets"][0]["weight_kg"], 70.0, "{shown}");
    let builtin = run(home.path(), &db, &["program", "delete", "gzclp"]);
    assert_eq!(builtin.code, Some(2));
    assert!(
        builtin
            .stderr
            .contains("only your own programs can be deleted"),
        "{}",
        builtin.stderr
    );
    let gone = run(home.path(), &db, &["program", "delete", "my lp"]);
    assert_eq!(gone.stdout, "Deleted My LP.\n");
    let again = run(home.path(), &db, &["program", "show", "My LP"]);
    assert_eq!(again.code, Some(2), "the built-ins have no \"My LP\"");
}

#[test]
fn training_days_that_do_not_fit_a_weekly_program_are_said() {
    let home = TempDir::new().unwrap();
    let db = home.path().join("p.db");
    let mut args = vec!["program", "start", "531", "--days", "mon"];
    args.extend(MAXES);
    let out = run(home.path(), &db, &args);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout.contains(
            "Note: 5/3/1 has 4 days a week and you train 1 day: its weeks will not match calendar weeks"
        ),
        "{}",
        out.stdout
    );
}

#[test]
fn finishing_a_program_sums_it_up_with_its_training_maxes() {
    let home = TempDir::new().unwrap();
    let db = home.path().join("p.db");
    let mut args = vec!["program", "start", "531", "--date", "2026-01-05"];
    args.extend(MAXES);
    assert_eq!(run(home.path(), &db, &args).code, Some(0));
    let out = run(home.path(), &db, &["program", "finish"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout.starts_with("Finished 5/3/1.\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("  Back Squat: training max 126 kg\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("  Bench Press: training max 90 kg\n"),
        "{}",
        out.stdout
    );
}
