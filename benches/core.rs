//! Hot paths on every keystroke and every frame: the set shorthand, the exercise picker's fuzzy
//! ranking and one frame of the session screen at 200×60 (budget ≤ 2 ms, docs/BENCHMARKS.md);
//! and the review's pure core over ten synthetic years (the training-load view well under 10 ms).

use std::hint::black_box;
use std::time::Duration;

use chrono::{DateTime, Days, FixedOffset, NaiveDate, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use ironpulse::app::action::Action;
use ironpulse::app::effect::Effect;
use ironpulse::app::keymap::{Command, Keymap};
use ironpulse::app::state::{Settings, State};
use ironpulse::app::store_worker::{SessionRequest, StoreReply, StoreRequest, answer};
use ironpulse::app::update::update;
use ironpulse::core::load::acwr::Method;
use ironpulse::core::profile::ZoneKind;
use ironpulse::core::review::insights::{InsightInput, insights};
use ironpulse::core::review::load::training_load;
use ironpulse::core::review::range::Range;
use ironpulse::core::review::{ExerciseSession, HrTotals, HrvReading, MuscleSets, SessionLoad};
use ironpulse::core::units::{Unit, Weight};
use ironpulse::core::workout::catalogue;
use ironpulse::core::workout::exercise::{Exercise, ExerciseId};
use ironpulse::core::workout::session::{Session, SessionId};
use ironpulse::core::workout::set::SetSpec;
use ironpulse::core::workout::shorthand::{self, Context};
use ironpulse::read::Startup;
use ironpulse::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Lines a lifter typically types, from the plain to the busy.
const LINES: &[&str] = &[
    "100x8",
    "100x8@9",
    "w 60x5",
    "bw+20x8 r2",
    "x8",
    "+2.5x5@8.5",
    "225lb x5x3 rpe 8",
    "45s",
];

/// Exercises in the benchmark session, all from the built-in catalogue.
const WORKOUT: &[&str] = &[
    "Back Squat",
    "Bench Press",
    "Barbell Row",
    "Overhead Press",
    "Romanian Deadlift",
    "Barbell Curl",
];

fn shorthand_parse(c: &mut Criterion) {
    let last = shorthand::parse("100x5@8", &Context::default())
        .ok()
        .and_then(|sets| sets.first().copied());
    let ctx = Context {
        unit: Unit::Kg,
        last,
        last_working: last,
    };
    c.bench_function("shorthand/parse_8_lines", |b| {
        b.iter(|| {
            for line in LINES {
                let _ = black_box(shorthand::parse(black_box(line), &ctx));
            }
        });
    });
}

fn fuzzy_rank(c: &mut Criterion) {
    let entries = catalogue::builtin().expect("the built-in catalogue parses");
    let items: Vec<(&str, &[String])> = entries
        .iter()
        .map(|e| (e.name.as_str(), e.aliases.as_slice()))
        .collect();
    let recent = [3, 10, 25];
    c.bench_function("fuzzy/rank_inc_db_catalogue", |b| {
        b.iter(|| {
            black_box(ironpulse::core::workout::fuzzy::rank(
                black_box("inc db"),
                &items,
                &recent,
            ));
        });
    });
}

fn at(secs: i64) -> DateTime<Utc> {
    // 2026-11-21 18:00 UTC, plus `secs`.
    DateTime::from_timestamp(1_795_284_000 + secs, 0).expect("a valid timestamp")
}

/// Runs the store effects `update` asked for against `store` and feeds the replies back, the way
/// the store worker does.
fn settle(state: &mut State, store: &Store, effects: Vec<Effect>, now: DateTime<Utc>) {
    for effect in effects {
        if let Effect::Store(request) = effect {
            let reply = answer(store, request);
            assert!(
                !matches!(reply, StoreReply::Failed { .. }),
                "the in-memory store answers: {reply:?}"
            );
            let more = update(state, Action::Stored(reply), now);
            settle(state, store, more, now);
        }
    }
}

/// The session screen mid-workout: six exercises × five sets (two warm-ups, three working sets),
/// the last set just logged and its rest 40 s in. Built through `update` and real store replies.
fn busy_session() -> State {
    let store = Store::open_in_memory().expect("an in-memory store");
    let mut startup =
        Startup::read(&store, chrono::Utc::now().date_naive()).expect("start-up data");
    startup.profile =
        Some(ironpulse::demo::demo_profile(at(0)).expect("the demo profile is valid"));
    let find = |name: &str| -> Exercise {
        startup
            .exercises
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("{name} is in the catalogue"))
            .clone()
    };
    let workout: Vec<Exercise> = WORKOUT.iter().map(|name| find(name)).collect();
    let mut state = State::new(
        startup,
        Settings::default(),
        Keymap::default(),
        at(0),
        FixedOffset::east_opt(3600).expect("a valid offset"),
    );
    let effects = update(&mut state, Action::Command(Command::StartSession), at(0));
    settle(&mut state, &store, effects, at(0));
    let session = state.session.as_ref().map_or(SessionId(0), |s| s.id);
    let parse = |line: &str| -> Vec<SetSpec> {
        shorthand::parse(line, &Context::default()).expect("a valid line")
    };
    let mut clock = 60;
    for (i, exercise) in workout.iter().enumerate() {
        let request = StoreRequest::Session(SessionRequest::AddSlot {
            session,
            exercise: exercise.id,
        });
        settle(&mut state, &store, vec![Effect::Store(request)], at(clock));
        let slot = state
            .session
            .as_ref()
            .and_then(|s| s.slots.last())
            .map(|s| s.id)
            .expect("the slot was added");
        let top = 40 + 10 * i;
        for line in [
            format!("w {}x8", top / 2),
            format!("w {}x5", top * 3 / 4),
            format!("{top}x5@7"),
            format!("{top}x5@8"),
            format!("{top}x5@9"),
        ] {
            clock += 150;
            let request = StoreRequest::Session(SessionRequest::LogSets {
                slot,
                sets: parse(&line),
                at: at(clock),
            });
            settle(&mut state, &store, vec![Effect::Store(request)], at(clock));
        }
    }
    update(&mut state, Action::Tick, at(clock + 40));
    assert!(state.rest.is_some(), "a rest is running");
    assert_eq!(
        state.session.as_ref().map(Session::set_count),
        Some(30),
        "six exercises × five sets"
    );
    state
}

fn session_frame(c: &mut Criterion) {
    let state = busy_session();
    // A redraw: the previous frame is on screen, so only changed cells reach the backend.
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("a test terminal");
    c.bench_function("ui/session_frame_200x60", |b| {
        b.iter(|| {
            terminal
                .draw(|frame| ironpulse::ui::render(frame, black_box(&state)))
                .expect("drawing into a test buffer");
        });
    });
    // The worst case (first frame, resize): a new terminal, every cell written.
    c.bench_function("ui/session_frame_200x60_full", |b| {
        b.iter(|| {
            let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("a test terminal");
            terminal
                .draw(|frame| ironpulse::ui::render(frame, black_box(&state)))
                .expect("drawing into a test buffer");
        });
    });
}

/// Ten synthetic years as the store hands them to the review: 5 sessions a week (every third
/// one cardio, most with heart rate), 5 exercises per strength session, a resting HRV reading
/// most mornings.
struct TenYears {
    today: NaiveDate,
    sessions: Vec<SessionLoad>,
    lifts: Vec<ExerciseSession>,
    muscles: Vec<MuscleSets>,
    hrv: Vec<HrvReading>,
    exercises: Vec<Exercise>,
}

fn ten_years() -> TenYears {
    let first = NaiveDate::from_ymd_opt(2016, 1, 4).expect("a valid date");
    let exercises: Vec<Exercise> = catalogue::builtin()
        .expect("the built-in catalogue parses")
        .iter()
        .take(12)
        .enumerate()
        .map(|(i, entry)| Exercise {
            id: ExerciseId(i as i64 + 1),
            name: entry.name.clone(),
            kind: entry.kind,
            equipment: entry.equipment,
            mechanics: entry.mechanics,
            muscles: entry.muscles.clone(),
            aliases: Vec::new(),
            custom: false,
        })
        .collect();
    let mut years = TenYears {
        today: first,
        sessions: Vec::new(),
        lifts: Vec::new(),
        muscles: Vec::new(),
        hrv: Vec::new(),
        exercises,
    };
    for day in 0..3652_u64 {
        let date = first + Days::new(day);
        years.today = date;
        let n = day as f64;
        if day % 7 != 2 {
            years.hrv.push(HrvReading {
                date,
                rmssd_ms: 55.0 + 8.0 * (n * 0.37).sin(),
                sdnn_ms: None,
                beats: 300,
                dropped: 2,
                duration_s: 300,
            });
        }
        if day % 7 >= 5 {
            continue;
        }
        let cardio = day % 3 == 0;
        let session = SessionId(day as i64);
        years.sessions.push(SessionLoad {
            session,
            date,
            minutes: 70.0,
            rpe: (day % 4 != 0).then_some(7),
            hr: (day % 5 != 0).then_some(HrTotals {
                hr_tss: (day % 11 != 0).then_some(60.0 + 30.0 * (n * 0.11).sin().abs()),
                trimp: 80.0,
                avg_bpm: 128.0,
                max_bpm: 171,
                zones: ZoneKind::Karvonen,
                zone_seconds: [600, 1500, 1200, 600, 240, 60, 0],
            }),
            sets: 25,
            volume_kg: if cardio { 0.0 } else { 9000.0 + 10.0 * n },
            cardio,
            title: String::new(),
        });
        if cardio {
            continue;
        }
        for k in 0..5_u64 {
            let id = (day + k) % 12 + 1;
            let e1rm = 60.0 + 8.0 * k as f64 + n * 0.02 + 3.0 * (n * 0.05).sin();
            let weight = Weight::from_kg(e1rm).expect("a valid load");
            let exercise = ExerciseId(id as i64);
            years.lifts.push(ExerciseSession {
                date,
                session,
                exercise,
                working_sets: 4,
                best_e1rm: Some(weight),
                heaviest: Some(weight),
                volume_kg: 1800.0,
            });
            let muscles = years
                .exercises
                .get(id as usize - 1)
                .map(|e| e.muscles.clone())
                .unwrap_or_default();
            years.muscles.push(MuscleSets {
                date,
                exercise,
                muscles,
                sets: 4,
            });
        }
    }
    years
}

fn review_core(c: &mut Criterion) {
    let data = ten_years();
    let mut group = c.benchmark_group("review");
    group.bench_function("training_load_12w_10y", |b| {
        b.iter(|| {
            black_box(training_load(
                black_box(&data.sessions),
                Range::Weeks12,
                data.today,
                Method::Rolling,
            ))
        });
    });
    group.bench_function("training_load_all_10y", |b| {
        b.iter(|| {
            black_box(training_load(
                black_box(&data.sessions),
                Range::All,
                data.today,
                Method::Rolling,
            ))
        });
    });
    group.bench_function("insights_10y", |b| {
        b.iter(|| {
            black_box(insights(&InsightInput {
                today: data.today,
                unit: Unit::Kg,
                sessions: black_box(&data.sessions),
                exercise_sessions: &data.lifts,
                exercises: &data.exercises,
                muscles: &data.muscles,
                hrv: &data.hrv,
                deloads: &[],
            }))
        });
    });
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! {
    name = benches;
    config = config();
    targets = shorthand_parse, fuzzy_rank, session_frame, review_core
}
criterion_main!(benches);
