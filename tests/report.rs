//! `ironpulse report` and `ironpulse context` through the real binary: a hand-built database with
//! numbers worked out by hand, a one-session database for the PMC's published values, a fixed
//! demo database checked against the library's own review functions, bad input, a missing and an
//! empty database.

#[path = "support/cli.rs"]
mod cli;
#[path = "support/demo_db.rs"]
mod demo_db;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};

use chrono::{Duration, NaiveDate, Utc};
use ironpulse::core::load::acwr::Method;
use ironpulse::core::profile::Profile;
use ironpulse::core::review::load::{training_load, training_load_from};
use ironpulse::core::review::range::Range;
use ironpulse::core::review::strength::strength;
use ironpulse::core::units::{Reps, Unit, Weight};
use ironpulse::core::workout::exercise::ExerciseId;
use ironpulse::core::workout::set::{Load, SetKind, SetSpec};
use ironpulse::read::{Recommendations, ReviewRows};
use ironpulse::store::{HistorySession, HistorySet, HistorySlot, Store};
use serde_json::Value;
use tempfile::TempDir;

use cli::{json, run};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn kg(v: f64) -> Weight {
    Weight::from_kg(v).unwrap()
}

fn f(v: &Value) -> f64 {
    v.as_f64()
        .unwrap_or_else(|| panic!("expected a number, got {v}"))
}

#[track_caller]
fn close(got: &Value, want: f64, tolerance: f64) {
    let got = f(got);
    assert!((got - want).abs() <= tolerance, "got {got}, want {want}");
}

fn set(kind: SetKind, weight: f64, reps: u32) -> SetSpec {
    SetSpec {
        kind,
        load: Load::External(kg(weight)),
        reps: Some(Reps::try_from(reps).unwrap()),
        effort: None,
        duration: None,
    }
}

fn profile() -> Profile {
    Profile::example()
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

/// A session starting at noon UTC on `date`, with one exercise's sets.
fn session(
    date: NaiveDate,
    minutes: i64,
    rpe: u8,
    title: &str,
    exercise: ExerciseId,
    sets: &[SetSpec],
) -> HistorySession {
    let start = date.and_hms_opt(12, 0, 0).unwrap().and_utc();
    HistorySession {
        started_at: start,
        ended_at: start + Duration::minutes(minutes),
        title: title.to_owned(),
        rpe: Some(rpe),
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
                    completed_at: start + Duration::minutes(5),
                })
                .collect(),
        }],
    }
}

fn new_store(dir: &Path, name: &str) -> (PathBuf, Store) {
    let db = dir.join(name);
    let store = Store::open(&db).unwrap();
    store.save_profile(&profile()).unwrap();
    (db, store)
}

/// Bench 3 × 5 at 95, 100 and 105 kg (02-20, 03-02, 03-09), squat 3 × 5 at 140 (03-04) and a
/// bench session after the period (03-12). Every session has only a session RPE, so every load
/// is estimated: RPE × minutes × 100 / 420.
fn hand_made(dir: &Path) -> PathBuf {
    let (db, store) = new_store(dir, "hand.db");
    let bench = id(&store, "Bench Press");
    let squat = id(&store, "Back Squat");
    let w = SetKind::Working;
    let warm = set(SetKind::Warmup, 60.0, 5);
    store
        .insert_history(&[
            session(
                day(2026, 2, 20),
                60,
                7,
                "Old push",
                bench,
                &[set(w, 95.0, 5); 3],
            ),
            session(
                day(2026, 3, 2),
                60,
                7,
                "Push",
                bench,
                &[warm, set(w, 100.0, 5), set(w, 100.0, 5), set(w, 100.0, 5)],
            ),
            session(
                day(2026, 3, 4),
                45,
                8,
                "Legs",
                squat,
                &[set(w, 140.0, 5); 3],
            ),
            session(
                day(2026, 3, 9),
                60,
                7,
                "Push",
                bench,
                &[set(w, 105.0, 5); 3],
            ),
            session(
                day(2026, 3, 12),
                60,
                7,
                "Later",
                bench,
                &[set(w, 110.0, 5); 3],
            ),
        ])
        .unwrap();
    db
}

#[test]
fn the_hand_made_period_has_the_hand_worked_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let db = hand_made(dir.path());
    let r = json(
        dir.path(),
        &db,
        &["report", "--since", "2026-03-01", "--until", "2026-03-10"],
    );
    assert_eq!(r["period"]["since"], "2026-03-01");
    assert_eq!(r["period"]["until"], "2026-03-10");
    assert_eq!(r["period"]["days"], 10);
    assert_eq!(r["unit"], "kg");
    assert_eq!(r["nothing_yet"], false);

    let s = &r["sessions"];
    assert_eq!(s["count"], 3, "02-20 is before, 03-12 after the period");
    close(&s["minutes"], 60.0 + 45.0 + 60.0, 1e-9);
    let list = s["list"].as_array().unwrap();
    let dates: Vec<&str> = list.iter().map(|x| x["date"].as_str().unwrap()).collect();
    assert_eq!(dates, ["2026-03-02", "2026-03-04", "2026-03-09"]);
    let titles: Vec<&str> = list.iter().map(|x| x["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["Push", "Legs", "Push"]);
    assert_eq!(list[0]["sets"], 4, "the warm-up is a set");
    close(&list[0]["volume_kg"], 1500.0, 1e-9);
    assert_eq!(list[1]["rpe"], 8);
    // Estimated loads: 7 × 60 × 100 / 420 = 100; 8 × 45 × 100 / 420 = 85.714.
    close(&list[0]["load"], 100.0, 0.05);
    close(&list[1]["load"], 85.7, 0.05);
    assert!(list.iter().all(|x| x["estimated"] == true));
    assert!(list.iter().all(|x| x["load_source"] == "estimated"));
    assert_eq!(list[0]["hr_tss"], Value::Null);

    // Volume: warm-ups left out. 1500 + 2100 + 1575.
    let v = &r["volume"];
    close(&v["total_kg"], 5175.0, 1e-9);
    let weeks: Vec<(&str, f64)> = v["weeks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| (w["start"].as_str().unwrap(), f(&w["volume_kg"])))
        .collect();
    assert_eq!(
        weeks,
        [
            ("2026-02-23", 0.0),
            ("2026-03-02", 3600.0),
            ("2026-03-09", 1575.0)
        ],
        "Monday weeks; the first holds only Sunday 03-01"
    );
    let lifts = v["lifts"].as_array().unwrap();
    assert_eq!(lifts[0]["exercise"], "Bench Press");
    assert_eq!(
        (lifts[0]["sessions"].clone(), lifts[0]["sets"].clone()),
        (2.into(), 6.into())
    );
    close(&lifts[0]["volume_kg"], 3075.0, 1e-9);
    assert_eq!(lifts[1]["exercise"], "Back Squat");
    close(&lifts[1]["volume_kg"], 2100.0, 1e-9);

    // PRs: each bench session beats the one before on e1RM, heaviest and volume; the squat's
    // first session sets its bests without a PR; 03-12 is after the period.
    let prs = r["prs"].as_array().unwrap();
    let got: Vec<(&str, &str, &str)> = prs
        .iter()
        .map(|p| {
            (
                p["date"].as_str().unwrap(),
                p["exercise"].as_str().unwrap(),
                p["kind"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("2026-03-02", "Bench Press", "e1rm"),
            ("2026-03-02", "Bench Press", "heaviest"),
            ("2026-03-02", "Bench Press", "session_volume"),
            ("2026-03-09", "Bench Press", "e1rm"),
            ("2026-03-09", "Bench Press", "heaviest"),
            ("2026-03-09", "Bench Press", "session_volume"),
        ]
    );
    close(&prs[1]["value"], 100.0, 1e-9);
    close(&prs[1]["previous"], 95.0, 1e-9);
    assert_eq!(prs[2]["measure"], "kg_x_reps");
    close(&prs[2]["value"], 1500.0, 1e-9);
    close(&prs[2]["previous"], 1425.0, 1e-9);

    // Weekly hrTSS: the week of 03-02 has 100 + 85.714 estimated and nothing measured.
    let load_weeks = r["load"]["weeks"].as_array().unwrap();
    assert_eq!(load_weeks.len(), 3);
    close(&load_weeks[1]["estimated"], 185.7, 0.05);
    close(&load_weeks[1]["measured"], 0.0, 1e-9);
    assert_eq!(load_weeks[1]["sessions"], 2);
    assert_eq!(r["load"]["counts"]["estimated"], 3);
    assert_eq!(r["zones"]["model"], Value::Null, "no heart rate");
    assert_eq!(r["zones"]["polarisation"], Value::Null);
    assert_eq!(r["hrv"]["latest"], Value::Null);
    assert!(r["insights"].is_array());
    assert!(r["deload"]["urgency"].is_string());
}

#[test]
fn report_load_figures_are_the_cores_for_the_same_rows() {
    let dir = tempfile::tempdir().unwrap();
    let db = hand_made(dir.path());
    let until = day(2026, 3, 10);
    let want = {
        let store = Store::open(&db).unwrap();
        let rows = ReviewRows::read(&store, until, None).unwrap();
        training_load_from(&rows.sessions, day(2026, 3, 1), until, Method::Rolling)
    };
    let r = json(
        dir.path(),
        &db,
        &["report", "--since", "2026-03-01", "--until", "2026-03-10"],
    );
    let end = want.end.unwrap();
    let got = &r["load"]["end"];
    assert_eq!(got["date"], "2026-03-10");
    close(&got["ctl"], end.ctl, 1e-4);
    close(&got["atl"], end.atl, 1e-4);
    close(&got["tsb"], end.tsb, 1e-4);
    assert_eq!(got["acwr"], Value::Null, "fewer than 28 days of history");
    assert_eq!(got["band"], Value::Null);
}

#[test]
fn a_single_hundred_on_day_one_gives_science_md_ctl_and_atl() {
    let dir = tempfile::tempdir().unwrap();
    let (db, store) = new_store(dir.path(), "one.db");
    let bench = id(&store, "Bench Press");
    // Session RPE 7 for 60 minutes: 420 × 100 / 420 = 100 estimated.
    store
        .insert_history(&[session(
            day(2026, 3, 2),
            60,
            7,
            "One",
            bench,
            &[set(SetKind::Working, 100.0, 5)],
        )])
        .unwrap();
    drop(store);
    let r = json(
        dir.path(),
        &db,
        &["report", "--since", "2026-03-02", "--until", "2026-03-02"],
    );
    let end = &r["load"]["end"];
    close(&end["ctl"], 2.3528, 1e-4);
    close(&end["atl"], 13.3122, 1e-4);
    close(&end["tsb"], 0.0, 1e-9);
    assert_eq!(end["acwr"], Value::Null);
    // Monotony needs variation: one loaded day in the last 7 has it.
    close(&r["monotony"]["total"], 100.0, 0.05);
}

/// A copy of the shared demo (1 year, seed 1) ending Saturday 2026-11-21, and the review rows as
/// of that day. The store is closed before any test runs the binary on it
/// (a database is open in one ironpulse at a time).
struct Demo {
    dir: TempDir,
    db: PathBuf,
    rows: ReviewRows,
    /// Held by a test while it runs the binary on the database.
    turn: Mutex<()>,
}

impl Demo {
    /// Waits for this test's turn with the database (a failed test does not block the rest).
    fn turn(&self) -> MutexGuard<'_, ()> {
        self.turn.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

fn demo() -> &'static Demo {
    static DEMO: OnceLock<Demo> = OnceLock::new();
    DEMO.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let db = demo_db::demo_copy(dir.path(), demo_db::Ending::Fixed);
        let store = Store::open(&db).unwrap();
        let rows = ReviewRows::read(&store, demo_db::demo_day(), None).unwrap();
        drop(store);
        Demo {
            dir,
            db,
            rows,
            turn: Mutex::new(()),
        }
    })
}

const INSIGHT_CODES: [&str; 9] = [
    "e1rm_plateau",
    "e1rm_falling",
    "volume_spike",
    "acwr_high",
    "monotony",
    "polarisation",
    "untrained_muscles",
    "hrv_low",
    "pr_streak",
];

#[test]
fn the_demo_report_is_the_review_screens_numbers() {
    let demo = demo();
    let _turn = demo.turn();
    let Demo { dir, db, rows, .. } = demo;
    let until = day(2026, 11, 21);
    // Since the Monday of Range::Weeks4: the report's period is exactly the 4-week view.
    let since = Range::Weeks4.start(until).unwrap();
    let want = training_load(&rows.sessions, Range::Weeks4, until, Method::Rolling);
    let r = json(
        dir.path(),
        db,
        &[
            "report",
            "--since",
            &since.to_string(),
            "--until",
            "2026-11-21",
        ],
    );
    for key in [
        "period", "unit", "sessions", "volume", "prs", "load", "zones", "monotony", "hrv",
        "insights", "deload",
    ] {
        assert!(r.get(key).is_some(), "{key} missing");
    }
    let in_period = rows
        .sessions
        .iter()
        .filter(|s| s.date >= since && s.date <= until)
        .count();
    assert_eq!(r["sessions"]["count"], in_period);
    assert!(in_period > 10, "five sessions a week");
    let volume: f64 = rows
        .sessions
        .iter()
        .filter(|s| s.date >= since && s.date <= until)
        .map(|s| s.volume_kg)
        .sum();
    close(&r["volume"]["total_kg"], volume, 0.1);

    // The same figures and weeks as the training-load screen's 4-week view.
    let end = want.end.unwrap();
    let got = &r["load"]["end"];
    close(&got["ctl"], end.ctl, 1e-4);
    close(&got["atl"], end.atl, 1e-4);
    close(&got["tsb"], end.tsb, 1e-4);
    close(&got["acwr"], end.acwr.unwrap(), 1e-4);
    let weeks = r["load"]["weeks"].as_array().unwrap();
    assert_eq!(weeks.len(), want.weeks.len());
    for (got, want) in weeks.iter().zip(&want.weeks) {
        assert_eq!(got["start"], want.start.to_string());
        assert_eq!(got["sessions"], want.sessions);
        close(&got["measured"], want.measured, 0.051);
        close(&got["estimated"], want.estimated, 0.051);
    }
    assert!(
        want.weeks.iter().any(|w| w.measured > 0.0),
        "the demo records heart rate"
    );
    assert_eq!(
        r["zones"]["total_seconds"],
        want.zones.seconds.iter().sum::<u64>()
    );
    close(
        &r["zones"]["polarisation"]["low_percent"],
        want.zones.polarisation.unwrap().low_percent,
        0.051,
    );
    let m = want.monotony.unwrap();
    close(&r["monotony"]["monotony"], m.monotony, 0.0051);

    // Insights: the dashboard's, kind codes from the known list.
    let insights = r["insights"].as_array().unwrap();
    let want_insights = rows.insights(Unit::Kg);
    assert!(!want_insights.is_empty(), "the demo fires some insight");
    assert_eq!(insights.len(), want_insights.len());
    for (got, want) in insights.iter().zip(&want_insights) {
        assert_eq!(got["kind"], want.kind.code());
        assert_eq!(got["title"], want.title);
        assert!(INSIGHT_CODES.contains(&got["kind"].as_str().unwrap()));
        for key in ["tone", "rule", "numbers", "suggestion", "data"] {
            assert!(got.get(key).is_some(), "{key}");
        }
    }
    assert!(
        r["hrv"]["latest"]["rmssd_ms"].is_number(),
        "the demo measures HRV"
    );
}

#[test]
fn the_demo_report_has_prs_and_reads_as_text() {
    let demo = demo();
    let _turn = demo.turn();
    let Demo { dir, db, .. } = demo;
    let r = json(
        dir.path(),
        db,
        &["report", "--since", "2026-05-21", "--until", "2026-11-21"],
    );
    let prs = r["prs"].as_array().unwrap();
    assert!(!prs.is_empty(), "half a year of progression sets records");
    assert!(prs.iter().all(|p| {
        let d = p["date"].as_str().unwrap();
        ("2026-05-21"..="2026-11-21").contains(&d)
    }));

    let out = run(
        dir.path(),
        db,
        &["report", "--since", "2026-10-23", "--until", "2026-11-21"],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    for heading in [
        "ironpulse report: 2026-10-23 to 2026-11-21 (30 days)",
        "Sessions: ",
        "Volume: ",
        "PRs in the period: ",
        "Training load on 2026-11-21",
        "fitness (CTL)",
        "Weekly hrTSS",
        "Time in zones",
        "Monotony and strain",
        "Resting HRV",
        "Insights (",
        "Deload",
    ] {
        assert!(out.stdout.contains(heading), "{heading}:\n{}", out.stdout);
    }
}

#[test]
fn the_demo_context_has_every_part_with_the_cores_numbers() {
    let demo = demo();
    let _turn = demo.turn();
    let Demo { dir, db, rows, .. } = demo;
    let today = day(2026, 11, 21);
    let c = json(dir.path(), db, &["context", "--as-of", "2026-11-21"]);
    assert_eq!(c["as_of"], "2026-11-21");

    let want = strength(
        &rows.exercise_sessions,
        &rows.exercises,
        &rows.deloads,
        today,
    );
    let lifts = c["strength"]["lifts"].as_array().unwrap();
    assert!(!lifts.is_empty());
    assert_eq!(lifts.len(), want.lifts.len());
    for (got, want) in lifts.iter().zip(&want.lifts) {
        assert_eq!(got["exercise"], want.name);
        close(
            &got["e1rm"]["change_percent"],
            want.trend.change_percent,
            0.0051,
        );
        let se = want
            .trend
            .percent_per_month_se
            .expect("3+ weeks give a standard error");
        close(&got["e1rm"]["percent_per_month_se"], se, 0.0051);
        assert_eq!(got["e1rm"]["direction"], want.trend.direction.label());
        assert!(got["volume"]["weeks"].as_array().unwrap().len() == 8);
    }
    for key in ["strongest_by_e1rm_change", "weakest_by_e1rm_change"] {
        assert!(c["strength"][key]["exercise"].is_string(), "{key}");
    }

    let e = &c["endurance"];
    let weeks = e["weekly_hrtss"].as_array().unwrap();
    assert_eq!(weeks.len(), 8);
    assert_eq!(weeks[7]["start"], "2026-11-16", "this week's Monday");
    assert!(e["ctl_now"].is_number() && e["ctl_8_weeks_ago"]["ctl"].is_number());
    assert_eq!(e["ctl_8_weeks_ago"]["date"], "2026-09-26");
    assert!(e["hrtss_trend"]["direction"].is_string());
    assert_eq!(e["race_results"], Value::Null);

    let all = training_load(&rows.sessions, Range::All, today, Method::Rolling);
    let end = all.end.unwrap();
    let rec = &c["recovery"];
    close(&rec["load"]["ctl"], end.ctl, 1e-4);
    close(&e["ctl_now"], end.ctl, 1e-4);
    close(&rec["load"]["acwr"], end.acwr.unwrap(), 1e-4);
    assert!(rec["load"]["band"].is_string());
    assert!(rec["hrv"]["baseline"]["mean_ms"].is_number());
    assert!(rec["deload"]["signals"].is_array());

    let recs = c["recommendations"].as_array().unwrap();
    assert!(!recs.is_empty());
    for r in recs {
        for key in ["exercise", "kind", "suggestion", "reasoning", "rule"] {
            assert!(r.get(key).is_some(), "{key}");
        }
    }
    let codes: Vec<&str> = c["insights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["kind"].as_str().unwrap())
        .collect();
    let want: Vec<&str> = rows
        .insights(Unit::Kg)
        .iter()
        .map(|i| i.kind.code())
        .collect();
    assert_eq!(codes, want);

    let out = run(dir.path(), db, &["context", "--as-of", "2026-11-21"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    for heading in [
        "Strength",
        "Endurance",
        "Recovery",
        "Recommendations",
        "Insights",
    ] {
        assert!(out.stdout.contains(heading), "{heading}:\n{}", out.stdout);
    }
}

/// Every recent lift's recommendation read at once (one walk through the history, as `context`
/// and `recommend` read them) is the one that lift gets read alone (through its index).
#[test]
fn every_lifts_recommendation_at_once_is_its_own() {
    let demo = demo();
    let _turn = demo.turn();
    let store = Store::open_to_read(&demo.db).unwrap();
    let profile = store.profile().unwrap().unwrap();
    let today = day(2026, 6, 30);
    let all = Recommendations::recent(&store, &profile, &demo.rows.exercises, today)
        .unwrap()
        .0;
    assert!(all.len() > 3, "the demo trains many lifts: {}", all.len());
    for advice in &all {
        let alone = Recommendations::read(&store, &profile, &[advice.exercise], None, today)
            .unwrap()
            .0;
        assert_eq!(alone, vec![advice.clone()], "{}", advice.exercise.name);
    }
}

#[test]
fn context_recommendations_are_what_recommend_prints() {
    let dir = tempfile::tempdir().unwrap();
    let (db, store) = new_store(dir.path(), "recent.db");
    let bench = id(&store, "Bench Press");
    let squat = id(&store, "Back Squat");
    let today = Utc::now().date_naive();
    let w = SetKind::Working;
    store
        .insert_history(&[
            session(
                today - Duration::days(6),
                60,
                7,
                "A",
                bench,
                &[set(w, 100.0, 7); 3],
            ),
            session(
                today - Duration::days(4),
                60,
                8,
                "B",
                squat,
                &[set(w, 135.0, 5); 3],
            ),
            session(
                today - Duration::days(1),
                60,
                7,
                "A",
                bench,
                &[set(w, 100.0, 8); 3],
            ),
        ])
        .unwrap();
    drop(store);
    let recommend = json(dir.path(), &db, &["recommend"]);
    let context = json(dir.path(), &db, &["context"]);
    assert_eq!(context["recommendations"], recommend["exercises"]);
    assert_eq!(context["recommendations"].as_array().unwrap().len(), 2);
}

#[test]
fn the_text_report_names_its_period() {
    let dir = tempfile::tempdir().unwrap();
    let db = hand_made(dir.path());
    let one = run(
        dir.path(),
        &db,
        &["report", "--since", "2026-03-04", "--until", "2026-03-04"],
    );
    assert_eq!(one.code, Some(0), "{}", one.stderr);
    assert_eq!(
        one.stdout.lines().next(),
        Some("ironpulse report: 2026-03-04 to 2026-03-04 (1 day), as of 2026-03-04")
    );
    assert!(one.stdout.contains("Sessions: 1,"), "{}", one.stdout);
    let ten = run(
        dir.path(),
        &db,
        &["report", "--since", "2026-03-01", "--until", "2026-03-10"],
    );
    assert_eq!(
        ten.stdout.lines().next(),
        Some("ironpulse report: 2026-03-01 to 2026-03-10 (10 days), as of 2026-03-10")
    );
}

#[test]
fn bad_dates_exit_2_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = hand_made(dir.path());
    for args in [
        &["report", "--since", "2026-13-01"][..],
        &["report", "--until", "yesterday"][..],
        &["report", "--since", "2026-03-10", "--until", "2026-03-01"][..],
        &["context", "--as-of", "2026-02-30"][..],
    ] {
        let out = run(dir.path(), &db, args);
        assert_eq!(out.code, Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert_eq!(out.stderr.lines().count(), 1, "{args:?}: {}", out.stderr);
        assert!(out.stderr.starts_with("ironpulse: --"), "{}", out.stderr);
    }
    let out = run(dir.path(), &db, &["report", "--since", "2026-13-01"]);
    assert!(out.stderr.contains("YYYY-MM-DD"), "{}", out.stderr);
    let out = run(
        dir.path(),
        &db,
        &["report", "--since", "2026-03-10", "--until", "2026-03-01"],
    );
    assert!(out.stderr.contains("is after --until"), "{}", out.stderr);
}

#[test]
fn a_missing_database_is_the_usual_message_and_is_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.db");
    for args in [&["report"][..], &["context", "--json"][..]] {
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
fn an_empty_database_says_there_is_nothing_yet() {
    let dir = tempfile::tempdir().unwrap();
    let (db, store) = new_store(dir.path(), "empty.db");
    drop(store);
    let r = json(dir.path(), &db, &["report", "--until", "2026-03-10"]);
    assert_eq!(r["nothing_yet"], true);
    assert_eq!(r["sessions"]["count"], 0);
    close(&r["volume"]["total_kg"], 0.0, 0.0);
    assert_eq!(r["load"]["end"]["ctl"], Value::Null);
    assert_eq!(r["load"]["end"]["acwr"], Value::Null);
    assert_eq!(r["load"]["weeks"], Value::Array(vec![]));
    assert_eq!(r["monotony"], Value::Null);
    assert_eq!(r["prs"], Value::Array(vec![]));
    let out = run(dir.path(), &db, &["report"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stdout.contains("Nothing logged yet"), "{}", out.stdout);

    let c = json(dir.path(), &db, &["context"]);
    assert_eq!(c["nothing_yet"], true);
    assert_eq!(c["strength"]["lifts"], Value::Array(vec![]));
    assert_eq!(c["endurance"]["ctl_now"], Value::Null);
    assert_eq!(c["endurance"]["hrtss_trend"], Value::Null);
    assert_eq!(c["recovery"]["load"]["tsb"], Value::Null);
    assert_eq!(c["recommendations"], Value::Array(vec![]));
    let out = run(dir.path(), &db, &["context"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stdout.contains("Nothing logged yet"), "{}", out.stdout);
}

#[test]
fn the_reading_commands_work_beside_the_running_app_and_say_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let db = hand_made(dir.path());
    let reads: [&[&str]; 4] = [
        &["report", "--since", "2026-03-01", "--until", "2026-03-10"],
        &["context", "--as-of", "2026-03-10"],
        &["recommend"],
        &["deload"],
    ];
    let alone: Vec<Value> = reads.iter().map(|a| json(dir.path(), &db, a)).collect();
    // The app holds the database (and its lock) while the commands run.
    let app = Store::open(&db).unwrap();
    for (args, want) in reads.iter().zip(&alone) {
        assert_eq!(&json(dir.path(), &db, args), want, "{args:?}");
    }
    let record = run(dir.path(), &db, &["deload", "--record"]);
    assert_eq!(record.code, Some(2), "{}", record.stderr);
    assert!(
        record.stderr.contains("is open in another ironpulse"),
        "{}",
        record.stderr
    );
    assert!(app.deloads().unwrap().is_empty(), "nothing was recorded");
}

#[test]
fn an_empty_period_prints_zero_never_negative_zero() {
    // A period without sessions sums nothing, and an empty sum of f64 is −0.0: once printed as
    // "-0", "0 min" as "-0 min" and `"total_kg": -0.0`.
    let dir = tempfile::tempdir().unwrap();
    let db = hand_made(dir.path());
    let period = ["report", "--since", "2026-06-01", "--until", "2026-06-28"];
    let r = json(dir.path(), &db, &period);
    assert_eq!(r["sessions"]["count"], 0);
    let text = serde_json::to_string(&r).unwrap();
    assert!(!text.contains("-0.0"), "{text}");
    assert_eq!(r["volume"]["total_kg"].to_string(), "0.0");
    assert_eq!(r["sessions"]["minutes"].to_string(), "0.0");
    let negative_zero = |text: &str| {
        text.split([' ', ',', '(', ':'])
            .any(|w| w == "-0" || w.starts_with("-0.0") || w.starts_with("+-0"))
    };
    let out = run(dir.path(), &db, &period);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout.contains("Sessions: 0, 0 min\n"),
        "{}",
        out.stdout
    );
    assert!(!negative_zero(&out.stdout), "{}", out.stdout);
    let context = run(dir.path(), &db, &["context", "--as-of", "2026-06-28"]);
    assert_eq!(context.code, Some(0), "{}", context.stderr);
    assert!(!negative_zero(&context.stdout), "{}", context.stdout);
    let json_context = run(
        dir.path(),
        &db,
        &["context", "--as-of", "2026-06-28", "--json"],
    );
    assert!(
        !json_context.stdout.contains("-0.0"),
        "{}",
        json_context.stdout
    );
}

#[test]
fn the_reading_commands_take_no_lock_and_leave_only_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("data");
    std::fs::create_dir(&folder).unwrap();
    let db = hand_made(&folder);
    let files = || {
        let mut names: Vec<PathBuf> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        names.sort();
        names
    };
    assert_eq!(
        files(),
        std::slice::from_ref(&db),
        "a clean close leaves no lock file"
    );
    let before = std::fs::read(&db).unwrap();
    for args in [
        &["report", "--since", "2026-03-01", "--until", "2026-03-10"][..],
        &["report", "--json"],
        &["context", "--as-of", "2026-03-10"],
        &["recommend"],
        &["deload", "--json"],
    ] {
        let out = run(dir.path(), &db, args);
        assert_eq!(out.code, Some(0), "{args:?}: {}", out.stderr);
        assert_eq!(
            files(),
            std::slice::from_ref(&db),
            "{args:?} left a file beside the database"
        );
    }
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "a reader changes no byte"
    );
}

#[test]
fn a_half_kilo_volume_rounds_as_the_screens_round_it() {
    // 3 × 5 at 77.5 kg is 1162.5 kg: the summary and History show 1163 (half away from zero);
    // `report` once printed 1,162 (`{:.0}` rounds half to even).
    let dir = tempfile::tempdir().unwrap();
    let (db, store) = new_store(dir.path(), "half.db");
    let bench = id(&store, "Bench Press");
    store
        .insert_history(&[session(
            day(2026, 3, 2),
            40,
            7,
            "Push",
            bench,
            &[set(SetKind::Working, 77.5, 5); 3],
        )])
        .unwrap();
    drop(store);
    let period = ["report", "--since", "2026-03-01", "--until", "2026-03-08"];
    let r = json(dir.path(), &db, &period);
    close(&r["volume"]["total_kg"], 1162.5, 0.0);
    let out = run(dir.path(), &db, &period);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let lines_with = |text: &str, what: &str| text.lines().filter(|l| l.contains(what)).count();
    assert!(!out.stdout.contains("1,162"), "{}", out.stdout);
    assert!(
        out.stdout.contains("Volume: 1,163 kg × reps"),
        "{}",
        out.stdout
    );
    // The session line, the total, its week and its lift.
    assert_eq!(lines_with(&out.stdout, "1,163"), 4, "{}", out.stdout);
    let context = run(dir.path(), &db, &["context", "--as-of", "2026-03-04"]);
    assert_eq!(context.code, Some(0), "{}", context.stderr);
    assert!(
        context
            .stdout
            .contains("all lifts: 1,163 kg × reps in the last 7 days"),
        "{}",
        context.stdout
    );
}

/// `program start` for GZCLP on Mon 2026-01-05, training Mon, Wed and Fri, a missed day marked
/// missed, with the maxes it loads from.
const GZCLP_START: [&str; 17] = [
    "program",
    "start",
    "gzclp",
    "--days",
    "mon,wed,fri",
    "--date",
    "2026-01-05",
    "--missed",
    "mark",
    "--max",
    "squat=140",
    "--max",
    "bench=100",
    "--max",
    "deadlift=180",
    "--max",
    "ohp=60",
];

/// A database with `sessions` logged (none of them a program day) and GZCLP started as
/// [`GZCLP_START`] says.
fn with_gzclp(dir: &Path, sessions: &[HistorySession]) -> PathBuf {
    let (db, store) = new_store(dir, "program.db");
    store.insert_history(sessions).unwrap();
    drop(store);
    let out = run(dir, &db, &GZCLP_START);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    db
}

#[test]
fn the_report_shows_the_program_running_on_its_last_day() {
    let dir = tempfile::tempdir().unwrap();
    let db = with_gzclp(dir.path(), &[]);
    // A week on: Mon, Wed and Fri of week 1 missed, week 2's first day today.
    let r = json(dir.path(), &db, &["report", "--until", "2026-01-12"]);
    let p = &r["program"];
    assert_eq!(p["name"], "GZCLP", "{p}");
    assert_eq!(p["version"], 1);
    assert_eq!(p["status"], "active");
    assert_eq!(p["start"], "2026-01-05");
    assert_eq!(p["weekdays"], "mon,wed,fri");
    assert_eq!(p["missed"], "mark");
    assert_eq!(p["week"], 2);
    assert_eq!(p["weeks"], Value::Null, "GZCLP runs until you stop it");
    assert_eq!(p["progress_pct"], Value::Null);
    let a = &p["adherence"];
    assert_eq!(
        (&a["sessions_done"], &a["sessions_planned"]),
        (&0.into(), &3.into())
    );
    // Each GZCLP day prescribes 5 + 3 + 3 working sets.
    assert_eq!(
        (&a["sets_done"], &a["sets_planned"]),
        (&0.into(), &33.into())
    );
    close(&a["sessions_pct"], 0.0, 0.0);
    assert_eq!(a["loads_pct"], Value::Null);
    let weeks = p["weeks_adherence"].as_array().unwrap();
    assert_eq!(weeks.len(), 1, "{p}");
    assert_eq!(weeks[0]["week"], 1);
    assert_eq!(weeks[0]["sessions_planned"], 3);

    let out = run(dir.path(), &db, &["report", "--until", "2026-01-12"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout.starts_with(
            "ironpulse report: 2025-12-16 to 2026-01-12 (28 days), as of 2026-01-12\n\
             \n\
             Program\n  \
             GZCLP (version 1) · active · week 2\n  \
             Started 2026-01-05 · training mon,wed,fri · a missed day is marked missed\n  \
             Adherence: sessions 0 % (0 of 3), sets 0 % (0 of 33), loads within ±2.5 % — (0 of 0)\n  \
             by program week (the weeks with a day in this period)\n    \
             week  1: sessions  0 of 3  · sets   0 % · loads     —\n\
             \n\
             Nothing logged yet:"
        ),
        "{}",
        out.stdout
    );

    // Weeks 3 and 4 are the period's; the adherence overall counts weeks 1 to 4.
    let r = json(
        dir.path(),
        &db,
        &["report", "--since", "2026-01-19", "--until", "2026-02-01"],
    );
    let p = &r["program"];
    assert_eq!(p["week"], 5, "Mon 2026-02-02 is week 5's first day");
    assert_eq!(p["adherence"]["sessions_planned"], 12);
    let weeks: Vec<&Value> = p["weeks_adherence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| &w["week"])
        .collect();
    assert_eq!(weeks, [3, 4]);

    // The day before it starts, no program runs.
    let r = json(dir.path(), &db, &["report", "--until", "2026-01-04"]);
    assert_eq!(r["program"], Value::Null);
    let out = run(dir.path(), &db, &["report", "--until", "2026-01-04"]);
    assert!(!out.stdout.contains("Program"), "{}", out.stdout);
}

#[test]
fn a_program_with_a_length_says_which_week_of_how_many_and_how_far_through() {
    let dir = tempfile::tempdir().unwrap();
    let (db, store) = new_store(dir.path(), "twelve.db");
    let squat = id(&store, "Back Squat");
    // A session outside the program: the rest of the report is there as before.
    store
        .insert_history(&[session(
            day(2026, 1, 6),
            45,
            7,
            "Legs",
            squat,
            &[set(SetKind::Working, 100.0, 5); 3],
        )])
        .unwrap();
    drop(store);
    let file = dir.path().join("twelve.txt");
    std::fs::write(
        &file,
        "program: Twelve Weeks\ndays: 3\nweeks: 12\n\
         day A\n  Squat: 3x5; start 100kg; progress linear +2.5kg\n\
         day B\n  Bench Press: 3x5; start 60kg; progress linear +2.5kg\n\
         day C\n  Deadlift: 1x5; start 120kg; progress linear +5kg\n",
    )
    .unwrap();
    let start = [
        "program",
        "start",
        file.to_str().unwrap(),
        "--days",
        "mon,wed,fri",
        "--date",
        "2026-01-05",
        "--missed",
        "mark",
    ];
    let out = run(dir.path(), &db, &start);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let r = json(dir.path(), &db, &["report", "--until", "2026-01-12"]);
    let p = &r["program"];
    assert_eq!((&p["week"], &p["weeks"]), (&2.into(), &12.into()), "{p}");
    // 3 of the 36 days passed (missed).
    close(&p["progress_pct"], 100.0 / 12.0, 1e-9);
    assert_eq!(p["adherence"]["sets_planned"], 7);
    assert_eq!(r["sessions"]["count"], 1);
    let out = run(dir.path(), &db, &["report", "--until", "2026-01-12"]);
    assert!(
        out.stdout
            .contains("\nProgram\n  Twelve Weeks (version 1) · active · week 2 of 12 · 8 % done\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("week  1: sessions  0 of 3  · sets   0 % · loads     —\n\nSessions: 1,"),
        "{}",
        out.stdout
    );
}

#[test]
fn the_context_has_the_program_with_todays_and_the_next_days_work_and_its_latest_changes() {
    use chrono::TimeZone;
    use ironpulse::store::NewChange;
    let dir = tempfile::tempdir().unwrap();
    let db = with_gzclp(dir.path(), &[]);
    let store = Store::open(&db).unwrap();
    let run_id = store.running_program().unwrap().unwrap().id;
    for (at, reason) in [
        ((2026, 1, 9), "5x3+ done: 105 → 110 kg"),
        ((2026, 1, 20), "5x3+ done: 110 → 115 kg"),
    ] {
        let change = NewChange {
            kind: "progression",
            slot: Some("Squat [T1]".into()),
            status: "applied",
            reason: reason.into(),
            detail: "{}".into(),
        };
        let at = Utc.with_ymd_and_hms(at.0, at.1, at.2, 18, 0, 0).unwrap();
        store
            .save_program_progress(run_id, &[], &[], &[change], at)
            .unwrap();
    }
    drop(store);

    let c = json(dir.path(), &db, &["context", "--as-of", "2026-01-12"]);
    let p = &c["program"];
    assert_eq!(
        (&p["name"], &p["week"]),
        (&"GZCLP".into(), &2.into()),
        "{p}"
    );
    assert_eq!(p["adherence"]["sessions_planned"], 3);
    assert_eq!(p["weeks_adherence"][0]["week"], 1);
    let today = &p["today"];
    assert_eq!(today["date"], "2026-01-12");
    assert_eq!((&today["day"], &today["week"]), (&"B2".into(), &2.into()));
    let t1 = &today["exercises"][0];
    assert_eq!(
        (&t1["name"], &t1["label"]),
        (&"Deadlift".into(), &"T1".into())
    );
    let sets = t1["sets"].as_array().unwrap();
    let last = sets.last().unwrap();
    assert_eq!((&last["reps"], &last["amrap"]), (&3.into(), &true.into()));
    close(&last["weight_kg"], 135.0, 0.0);
    let next = &p["next"];
    assert_eq!(
        (&next["date"], &next["day"]),
        (&"2026-01-14".into(), &"A1".into())
    );
    // The change made after the day asked about is left out.
    assert_eq!(p["changes_total"], 1);
    let changes = p["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0]["kind"], "progression");
    assert_eq!(changes[0]["slot"], "Squat [T1]");
    assert_eq!(changes[0]["reason"], "5x3+ done: 105 → 110 kg");

    let out = run(dir.path(), &db, &["context", "--as-of", "2026-01-12"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let text = &out.stdout;
    for part in [
        "ironpulse context as of 2026-01-12\n\nProgram\n  GZCLP (version 1) · active · week 2\n",
        "  Adherence: sessions 0 % (0 of 3), sets 0 % (0 of 33), loads within ±2.5 % — (0 of 0)\n",
        "    week  1: sessions  0 of 3  · sets   0 % · loads     —\n",
        "  Today: GZCLP · week 2\n    Day B2 · Deadlift, press, row · ~47 min\n      Deadlift [T1]",
        "4×3 135 kg, 1×3+ 135 kg · stage 5x3+ · rest 3m\n",
        "  Next, Wed 2026-01-14: GZCLP · week 2\n    Day A1 · Squat, bench, pulldown",
        "  Recent changes (1 of 1)\n    2026-01-09 progression · Squat [T1]: 5x3+ done: 105 → 110 kg\n",
        "\nNothing logged yet up to 2026-01-12",
    ] {
        assert!(text.contains(part), "{part}\n---\n{text}");
    }

    let c = json(dir.path(), &db, &["context", "--as-of", "2026-01-20"]);
    assert_eq!(c["program"]["changes_total"], 2);
    let out = run(dir.path(), &db, &["context", "--as-of", "2026-01-11"]);
    assert!(
        out.stdout
            .contains("  Today: a rest day\n  Next, Mon 2026-01-12: GZCLP · week 2\n"),
        "{}",
        out.stdout
    );
    let c = json(dir.path(), &db, &["context", "--as-of", "2026-01-04"]);
    assert_eq!(c["program"], Value::Null);
}

#[test]
fn without_a_program_the_report_and_the_context_have_none() {
    // The demo's last program runs to its last day: abandoned here, none runs.
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db::demo_copy(dir.path(), demo_db::Ending::Fixed);
    {
        let store = Store::open(&db).unwrap();
        let running = store
            .running_program()
            .unwrap()
            .expect("the demo runs a program");
        store
            .set_program_status(
                running.id,
                ironpulse::store::RunStatus::Abandoned,
                demo_db::demo_day(),
                demo_db::demo_today(),
            )
            .unwrap();
    }
    let db = &db;
    let r = json(dir.path(), db, &["report", "--until", "2026-11-21"]);
    assert_eq!(r["program"], Value::Null);
    let c = json(dir.path(), db, &["context", "--as-of", "2026-11-21"]);
    assert_eq!(c["program"], Value::Null);
    for args in [
        ["report", "--until", "2026-11-21"],
        ["context", "--as-of", "2026-11-21"],
    ] {
        let out = run(dir.path(), db, &args);
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        assert!(!out.stdout.contains("\nProgram\n"), "{}", out.stdout);
    }
}
