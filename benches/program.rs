//! Programs against their budgets (docs/BENCHMARKS.md): parsing and previewing a 16-week program
//! (≤ 5 ms), and on the 10-year demo with a program running: reading it (what `program today`,
//! `status` and the dashboard read), the first frame's start-up read, and `t` on the dashboard —
//! the store worker starting today's day, `update()` and one frame at 120×40 (≤ 16 ms).
//!
//! The demo database is generated once per run (~15 s); `REVIEW_DB=<path>` reuses one.

#[path = "support/demo.rs"]
mod demo;

use std::time::Duration;

use chrono::FixedOffset;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ironpulse::app::action::Action;
use ironpulse::app::effect::Effect;
use ironpulse::app::keymap::{Command, Keymap};
use ironpulse::app::state::{Settings, State};
use ironpulse::app::store_worker::answer;
use ironpulse::app::update::update;
use ironpulse::core::profile::Profile;
use ironpulse::core::program::library::BUILTINS;
use ironpulse::core::program::parse;
use ironpulse::core::program::schedule::MissedPolicy;
use ironpulse::core::program::simulate::{Scenario, simulate};
use ironpulse::core::program::slot::LiftState;
use ironpulse::read::{ProgramRun, Startup};
use ironpulse::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use demo::{demo_db, today as now};

fn parse_and_preview(c: &mut Criterion) {
    let text = BUILTINS
        .iter()
        .find(|b| b.slug == "calgary-barbell-16")
        .expect("the 16-week built-in")
        .text;
    let lifter = ironpulse::core::program::reference::reference();
    c.bench_function("program_parse_and_preview_16_weeks", |b| {
        b.iter(|| {
            let program = parse(std::hint::black_box(text)).expect("the built-in parses");
            simulate(
                &program,
                &lifter,
                &Scenario {
                    weeks: 16,
                    fails: vec![],
                },
            )
        });
    });
}

/// Puts GZCLP on the calendar of the demo database (every day a training day) if none runs.
fn with_program(store: &Store, profile: &Profile) {
    if store.running_program().expect("read").is_some() {
        return;
    }
    let text = BUILTINS
        .iter()
        .find(|b| b.slug == "gzclp")
        .expect("gzclp")
        .text;
    let id = store
        .create_program("GZCLP", Some("gzclp"), text, "bench", now())
        .expect("saved");
    let program = parse(text).expect("parses");
    let maxes =
        ironpulse::read::ProgramLifter::read(store, profile, &program, &[], now().date_naive())
            .expect("maxes");
    let lifts: Vec<(String, LiftState)> = maxes
        .maxes
        .iter()
        .map(|m| (m.exercise.clone(), LiftState::new(m.max, 0.9)))
        .collect();
    let start = now().date_naive() - chrono::Days::new(21);
    store
        .start_program(id, start, &[], MissedPolicy::Shift, &lifts, now())
        .expect("started");
}

fn on_the_demo(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = demo_db(&dir);
    let store = Store::open(&path).expect("the demo database opens");
    let profile = store
        .profile()
        .expect("read")
        .expect("the demo has a profile");
    with_program(&store, &profile);
    let today = now().date_naive();
    c.bench_function("program_run_read_10y", |b| {
        b.iter(|| ProgramRun::read(&store, &profile, today).expect("read"));
    });
    c.bench_function("startup_read_with_a_program_10y", |b| {
        b.iter(|| Startup::read(&store, today).expect("read"));
    });
    let dashboard = State::new(
        Startup::read(&store, today).expect("start-up data loads"),
        Settings::default(),
        Keymap::default(),
        now(),
        FixedOffset::east_opt(0).expect("UTC"),
    );
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    c.bench_function("program_today_key_to_frame_10y", |b| {
        b.iter_batched(
            || {
                // Each round starts from the dashboard with no session: the last one's session
                // (no set logged) is abandoned, which also takes its day's mark back.
                if let Some(s) = store.active_session().expect("read") {
                    store.abandon_session(s.id, now()).expect("abandoned");
                }
                dashboard.clone()
            },
            |mut state| {
                let mut queue: Vec<Effect> =
                    update(&mut state, Action::Command(Command::Today), now());
                while !queue.is_empty() {
                    let mut next = Vec::new();
                    for effect in queue {
                        if let Effect::Store(request) = effect {
                            next.extend(update(
                                &mut state,
                                Action::Stored(answer(&store, request)),
                                now(),
                            ));
                        }
                    }
                    queue = next;
                }
                terminal
                    .draw(|frame| ironpulse::ui::render(frame, &state))
                    .expect("drawn");
                state
            },
            BatchSize::SmallInput,
        );
    });
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
    targets = parse_and_preview, on_the_demo
}
criterion_main!(benches);
