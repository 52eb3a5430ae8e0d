//! Opening the review screens on the 10-year demo database, all in: the store worker's answer to
//! the screen's request, `update()` computing from it, and one frame drawn at 120×40 — what the
//! app does between the key press and the picture (budgets: a progression chart ≤ 30 ms, the
//! training-load screen ≤ 50 ms; docs/BENCHMARKS.md).
//!
//! The demo database is generated once per run into a temporary folder (~15 s); set
//! `REVIEW_DB=<path>` to reuse one made by `ironpulse demo --years 10 --seed 1` instead.

#[path = "support/demo.rs"]
mod demo;

use std::collections::HashMap;
use std::time::Duration;

use chrono::FixedOffset;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ironpulse::app::action::Action;
use ironpulse::app::effect::Effect;
use ironpulse::app::keymap::{Command, Keymap};
use ironpulse::app::state::{Settings, State};
use ironpulse::app::store_worker::{ReviewRequest, StoreRequest, answer};
use ironpulse::app::update::update;
use ironpulse::core::workout::exercise::ExerciseId;
use ironpulse::read::Startup;
use ironpulse::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use demo::{demo_db, today as now};

/// Runs every store request among `effects` the way the store thread does and feeds the
/// replies back through `update()`.
fn settle(store: &Store, state: &mut State, effects: Vec<Effect>) {
    let mut queue = effects;
    while !queue.is_empty() {
        let mut next = Vec::new();
        for effect in queue {
            if let Effect::Store(request) = effect {
                next.extend(update(state, Action::Stored(answer(store, request)), now()));
            }
        }
        queue = next;
    }
}

fn draw(terminal: &mut Terminal<TestBackend>, state: &State) {
    terminal
        .draw(|frame| ironpulse::ui::render(frame, state))
        .expect("drawing into a test buffer");
}

/// The lift with the most sessions: the longest history to chart.
fn most_trained(store: &Store) -> ExerciseId {
    let mut counts: HashMap<ExerciseId, usize> = HashMap::new();
    for row in store
        .exercise_sessions(None, now().date_naive())
        .expect("exercise sessions load")
    {
        *counts.entry(row.exercise).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(id, n)| (n, std::cmp::Reverse(id.0)))
        .map(|(id, _)| id)
        .expect("the demo has lifts")
}

fn review_screens(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store = Store::open(&demo_db(&dir)).expect("the database opens");
    let dashboard = State::new(
        Startup::read(&store, now().date_naive()).expect("start-up data loads"),
        Settings::default(),
        Keymap::default(),
        now(),
        FixedOffset::east_opt(0).expect("a valid offset"),
    );
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    let today = now().date_naive();

    let mut on_progress = dashboard.clone();
    let effects = update(&mut on_progress, Action::Command(Command::Progress), now());
    settle(&store, &mut on_progress, effects);
    let most_trained = most_trained(&store);

    let mut group = c.benchmark_group("review_screens_demo_10y");
    // `g` on the dashboard: the lifts trained, the muscle table's rows, the latest lift's
    // sessions, the chart computed and drawn.
    group.bench_function("open_progression", |b| {
        b.iter_batched(
            || dashboard.clone(),
            |mut state| {
                let effects = update(&mut state, Action::Command(Command::Progress), now());
                settle(&store, &mut state, effects);
                draw(&mut terminal, &state);
            },
            BatchSize::SmallInput,
        );
    });
    // Another lift on the open screen: its sessions (all of them), computed and drawn.
    group.bench_function("progression_most_trained_lift", |b| {
        b.iter_batched(
            || on_progress.clone(),
            |mut state| {
                let effects = vec![Effect::Store(StoreRequest::Review(
                    ReviewRequest::Progress {
                        exercise: Some(most_trained),
                        today,
                        lists: false,
                    },
                ))];
                settle(&store, &mut state, effects);
                draw(&mut terminal, &state);
            },
            BatchSize::SmallInput,
        );
    });
    // The most-trained lift from 1 y to all ten years: computed from the rows held, drawn.
    let mut on_lift = on_progress.clone();
    let effects = vec![Effect::Store(StoreRequest::Review(
        ReviewRequest::Progress {
            exercise: Some(most_trained),
            today,
            lists: false,
        },
    ))];
    settle(&store, &mut on_lift, effects);
    for _ in 0..2 {
        update(&mut on_lift, Action::Command(Command::RangeNext), now());
    }
    group.bench_function("progression_range_switch_to_all", |b| {
        b.iter_batched(
            || on_lift.clone(),
            |mut state| {
                update(&mut state, Action::Command(Command::RangeNext), now());
                draw(&mut terminal, &state);
            },
            BatchSize::SmallInput,
        );
    });
    // `l` on the dashboard: the loads and HRV readings, the load computed over all history, drawn.
    group.bench_function("open_training_load", |b| {
        b.iter_batched(
            || dashboard.clone(),
            |mut state| {
                let effects = update(&mut state, Action::Command(Command::TrainingLoad), now());
                settle(&store, &mut state, effects);
                draw(&mut terminal, &state);
            },
            BatchSize::SmallInput,
        );
    });
    // From 1 y to all ten years: computed from the rows held, drawn.
    let mut on_load = dashboard.clone();
    let effects = update(&mut on_load, Action::Command(Command::TrainingLoad), now());
    settle(&store, &mut on_load, effects);
    for _ in 0..2 {
        update(&mut on_load, Action::Command(Command::RangeNext), now());
    }
    group.bench_function("training_load_range_switch_to_all", |b| {
        b.iter_batched(
            || on_load.clone(),
            |mut state| {
                update(&mut state, Action::Command(Command::RangeNext), now());
                draw(&mut terminal, &state);
            },
            BatchSize::SmallInput,
        );
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
    targets = review_screens
}
criterion_main!(benches);
