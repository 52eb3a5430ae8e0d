//! Start-up work on the 10-year demo database: `Store::open` + `Startup::read` + the first
//! dashboard frame at 120×40, the in-process part of "start to first frame" (budget ≤ 150 ms for
//! the whole process, docs/BENCHMARKS.md). Also the empty database, for comparison.
//!
//! The demo database is generated once per run into a temporary folder; set `REVIEW_DB=<path>` to
//! reuse one made by `ironpulse demo --years 10 --seed 1` instead.

#[path = "support/demo.rs"]
mod demo;

use std::path::Path;
use std::time::Duration;

use chrono::FixedOffset;
use criterion::{Criterion, criterion_group, criterion_main};
use ironpulse::app::keymap::Keymap;
use ironpulse::app::state::{Settings, State};
use ironpulse::read::Startup;
use ironpulse::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use demo::{demo_db, today};

/// Opens `db`, reads what the first frame needs and draws the dashboard, like `ironpulse` does
/// before it waits for the first key. Returns the number of recent sessions shown.
fn first_frame(db: &Path) -> usize {
    let store = Store::open(db).expect("the database opens");
    let startup =
        Startup::read(&store, chrono::Utc::now().date_naive()).expect("start-up data loads");
    let recent = startup.recent_sessions.len();
    let state = State::new(
        startup,
        Settings::default(),
        Keymap::default(),
        today(),
        FixedOffset::east_opt(0).expect("a valid offset"),
    );
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    terminal
        .draw(|frame| ironpulse::ui::render(frame, &state))
        .expect("drawing into a test buffer");
    recent
}

fn startup(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");

    let empty = dir.path().join("empty.db");
    drop(Store::open(&empty).expect("an empty database is created"));

    let demo = demo_db(&dir);
    assert_eq!(
        first_frame(&demo),
        ironpulse::read::startup::RECENT_SESSIONS
    );

    let mut group = c.benchmark_group("startup_first_frame_120x40");
    group.bench_function("empty_db", |b| b.iter(|| first_frame(&empty)));
    group.bench_function("demo_10y", |b| b.iter(|| first_frame(&demo)));
    group.finish();

    // Where the 10-year start-up time goes: each step on its own.
    let mut group = c.benchmark_group("startup_steps_demo_10y");
    group.bench_function("store_open", |b| {
        b.iter(|| drop(Store::open(&demo).expect("the database opens")));
    });
    let store = Store::open(&demo).expect("the database opens");
    group.bench_function("load_startup", |b| {
        b.iter(|| {
            Startup::read(&store, chrono::Utc::now().date_naive()).expect("start-up data loads")
        });
    });
    group.bench_function("exercises", |b| {
        b.iter(|| store.exercises().expect("exercises load"));
    });
    group.bench_function("recent_exercises_30", |b| {
        b.iter(|| store.recent_exercises(30).expect("recent exercises load"));
    });
    group.bench_function("recent_sessions_8", |b| {
        b.iter(|| store.recent_sessions(8, 0).expect("recent sessions load"));
    });
    group.bench_function("active_session", |b| {
        b.iter(|| store.active_session().expect("the active session loads"));
    });
    // The dashboard's insights: every review row of the history, then the rules.
    group.bench_function("insights", |b| {
        b.iter(|| {
            ironpulse::read::Insights::read(&store, chrono::Utc::now().date_naive())
                .expect("the insights load")
        });
    });
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = benches;
    config = config();
    targets = startup
}
criterion_main!(benches);
