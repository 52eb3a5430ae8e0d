//! The review's store queries on the 10-year demo database: what the progression chart, the
//! training-load screen, session detail and `report` read before they compute and draw
//! (budgets: chart ≤ 30 ms, training load ≤ 50 ms, a year's report ≤ 300 ms, all included;
//! docs/BENCHMARKS.md).
//!
//! The demo database is generated once per run into a temporary folder (~15 s); set
//! `REVIEW_DB=<path>` to reuse one made by `ironpulse demo --years 10 --seed 1` instead.

#[path = "support/demo.rs"]
mod demo;

use std::collections::HashMap;
use std::time::Duration;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use ironpulse::core::workout::exercise::ExerciseId;
use ironpulse::store::Store;

use demo::{demo_db, today};

fn review(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store = Store::open(&demo_db(&dir)).expect("the database opens");
    let until = store
        .recent_sessions(1, 0)
        .expect("sessions load")
        .first()
        .map_or(today().date_naive(), |s| s.started_at.date_naive());
    let back = |days: u64| until.checked_sub_days(Days::new(days)).unwrap_or(until);
    let year: NaiveDate = back(364);
    let weeks_12 = back(83);

    let everything = store
        .exercise_sessions(None, until)
        .expect("exercise sessions load");
    let mut sessions_per_lift: HashMap<ExerciseId, usize> = HashMap::new();
    for row in &everything {
        *sessions_per_lift.entry(row.exercise).or_default() += 1;
    }
    let (lift, lift_sessions) = sessions_per_lift
        .into_iter()
        .max_by_key(|&(id, n)| (n, std::cmp::Reverse(id.0)))
        .expect("the demo has lifts");
    let latest = store.recent_sessions(1, 0).expect("sessions load")[0].id;
    eprintln!(
        "rows: {} session loads, {} exercise sessions ({} in a year), {} muscle rows in 12 weeks, \
         {} previous performances, {} performances of exercise {} , {} HRV readings",
        store.session_loads(None, until).expect("loads").len(),
        everything.len(),
        store
            .exercise_sessions(Some(year), until)
            .expect("a year")
            .len(),
        store.muscle_sets(weeks_12, until).expect("muscles").len(),
        store.previous_performances(latest).expect("previous").len(),
        lift_sessions,
        lift.0,
        store.hrv_readings(None, until).expect("HRV").len(),
    );

    let mut group = c.benchmark_group("review_demo_10y");
    group.bench_function("session_loads_all", |b| {
        b.iter(|| store.session_loads(None, until).expect("loads"));
    });
    group.bench_function("exercise_sessions_all", |b| {
        b.iter(|| store.exercise_sessions(None, until).expect("all history"));
    });
    group.bench_function("exercise_sessions_1y", |b| {
        b.iter(|| store.exercise_sessions(Some(year), until).expect("a year"));
    });
    group.bench_function("muscle_sets_12w", |b| {
        b.iter(|| store.muscle_sets(weeks_12, until).expect("12 weeks"));
    });
    group.bench_function("previous_performances_latest", |b| {
        b.iter(|| store.previous_performances(latest).expect("previous"));
    });
    // The session-detail screen's one request: the session, its samples, its sets' heart rate,
    // its summary and settings, and the previous performances.
    group.bench_function("session_detail_latest", |b| {
        b.iter(|| ironpulse::read::SessionDetail::read(&store, latest).expect("detail"));
    });
    group.bench_function("performances_most_trained_all", |b| {
        b.iter(|| store.performances(lift, usize::MAX).expect("performances"));
    });
    group.bench_function("hrv_readings_all", |b| {
        b.iter(|| store.hrv_readings(None, until).expect("HRV"));
    });
    // The progression screen's list of lifts: every lift trained, the most recent first.
    group.bench_function("lifts_trained_all", |b| {
        b.iter(|| {
            store
                .exercises_trained_since(chrono::DateTime::UNIX_EPOCH)
                .expect("lifts")
        });
    });
    // Everything `ironpulse context` reads — its SQL and the rows decoded, nothing computed
    // beyond what the read models do: the profile, the review rows of all history, each recent
    // lift's history and rule, and the deload check.
    group.bench_function("context_reads", |b| {
        b.iter(|| {
            let profile = store.profile().expect("profile").expect("the demo has one");
            let rows = ironpulse::read::ReviewRows::read(&store, until, None).expect("rows");
            let advice =
                ironpulse::read::Recommendations::recent(&store, &profile, &rows.exercises, until)
                    .expect("recommendations")
                    .0
                    .len();
            let check = ironpulse::read::DeloadCheck::read(&store, profile.unit, until)
                .expect("deload check");
            (rows.sessions.len(), advice, check.acwr)
        });
    });
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = benches;
    config = config();
    targets = review
}
criterion_main!(benches);
