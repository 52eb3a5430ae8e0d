//! The demo generator against a real database file: volume of history, realistic loads and
//! efforts, deloads, progression, and the same rows for the same seed.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};

use chrono::{DateTime, Datelike as _, Duration, Timelike as _, Utc};
use ironpulse::core::program::schedule::Status;
use ironpulse::core::units::Bpm;
use ironpulse::core::workout::exercise::{Equipment, ExerciseId};
use ironpulse::core::workout::session::Session;
use ironpulse::core::workout::set::{Effort, Load, SetKind};
use ironpulse::demo::{DemoError, DemoOptions, DemoReport, generate};
use ironpulse::read::ProgramRun;
use ironpulse::store::{RunStatus, Store};
use tempfile::TempDir;

fn today() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-21T15:00:00Z")
        .unwrap()
        .to_utc()
}

fn options(years: u32, seed: u64) -> DemoOptions {
    DemoOptions {
        years,
        seed,
        today: today(),
    }
}

/// A generated demo database in its own directory.
struct Demo {
    _dir: TempDir,
    store: Store,
    report: DemoReport,
    sessions: Vec<Session>,
    equipment: HashMap<ExerciseId, (String, Equipment)>,
}

impl Demo {
    fn new(years: u32, seed: u64) -> Demo {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("demo.db")).unwrap();
        let report = generate(&store, &options(years, seed)).unwrap();
        let mut sessions: Vec<Session> = store
            .recent_sessions(100_000, 0)
            .unwrap()
            .into_iter()
            .map(|s| store.session(s.id).unwrap().unwrap())
            .collect();
        sessions.reverse();
        let equipment = store
            .exercises()
            .unwrap()
            .into_iter()
            .map(|e| (e.id, (e.name, e.equipment)))
            .collect();
        Demo {
            _dir: dir,
            store,
            report,
            sessions,
            equipment,
        }
    }

    fn name(&self, id: ExerciseId) -> &str {
        &self.equipment[&id].0
    }

    /// Every working set with an external load: (session index, exercise, kg, reps).
    fn working_loads(&self) -> impl Iterator<Item = (usize, ExerciseId, f64, u16)> + '_ {
        self.sessions.iter().enumerate().flat_map(|(i, s)| {
            s.slots.iter().flat_map(move |slot| {
                slot.sets
                    .iter()
                    .filter(|set| set.spec.kind == SetKind::Working)
                    .filter_map(move |set| match set.spec.load {
                        Load::External(w) => {
                            Some((i, slot.exercise, w.kg(), set.spec.reps.unwrap().get()))
                        }
                        _ => None,
                    })
            })
        })
    }
}

/// One shared one-year demo (seed 1) for the read-only checks.
fn one_year() -> MutexGuard<'static, Demo> {
    static DEMO: OnceLock<Mutex<Demo>> = OnceLock::new();
    DEMO.get_or_init(|| Mutex::new(Demo::new(1, 1)))
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
}

/// Every row of every table a demo writes, in id order, as text.
fn dump(path: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut out = Vec::new();
    for table in [
        "profile",
        "session",
        "session_exercise",
        "set_entry",
        "program",
        "program_version",
        "assignment",
        "assignment_pause",
        "schedule_mark",
        "program_slot",
        "program_lift",
        "program_change",
    ] {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY 1"))
            .unwrap();
        let columns = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                Ok((0..columns)
                    .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                    .collect::<Vec<_>>()
                    .join("|"))
            })
            .unwrap();
        out.extend(rows.map(|r| format!("{table}: {}", r.unwrap())));
    }
    out
}

fn dump_of(years: u32, seed: u64) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    {
        let store = Store::open(&path).unwrap();
        generate(&store, &options(years, seed)).unwrap();
    }
    dump(&path)
}

#[test]
fn a_year_is_five_sessions_a_week_of_15_to_35_sets_ending_today() {
    let demo = one_year();
    let weeks = 365.25 / 7.0;
    let per_week = demo.sessions.len() as f64 / weeks;
    assert!(
        (4.5..=5.5).contains(&per_week),
        "{per_week:.2} sessions a week"
    );
    assert_eq!(demo.report.sessions, demo.sessions.len());
    assert_eq!(
        demo.report.sets,
        demo.sessions.iter().map(Session::set_count).sum::<usize>()
    );

    for s in &demo.sessions {
        assert!(
            (15..=35).contains(&s.set_count()),
            "{} sets on {}",
            s.set_count(),
            s.started_at
        );
        assert!((4..=5).contains(&s.slots.len()));
        assert_eq!(
            s.status,
            ironpulse::core::workout::session::SessionStatus::Finished
        );
        assert!(s.ended_at.unwrap() <= today());
    }
    let first = demo.sessions[0].started_at;
    assert!(
        first >= today() - Duration::days(372) && first <= today() - Duration::days(355),
        "{first}"
    );
    assert!(demo.sessions.last().unwrap().started_at >= today() - Duration::days(8));
    let mean_sets = demo.report.sets as f64 / demo.sessions.len() as f64;
    assert!(
        (22.0..=28.0).contains(&mean_sets),
        "{mean_sets:.1} sets a session"
    );
}

#[test]
fn sessions_last_about_an_hour_at_plausible_times() {
    let demo = one_year();
    let minutes: Vec<i64> = demo
        .sessions
        .iter()
        .map(|s| s.duration(today()).num_minutes())
        .collect();
    assert!(
        minutes.iter().all(|m| (40..=100).contains(m)),
        "{:?}",
        (minutes.iter().min(), minutes.iter().max())
    );
    let mean = minutes.iter().sum::<i64>() as f64 / minutes.len() as f64;
    assert!((60.0..=75.0).contains(&mean), "mean {mean:.1} min");
    for s in &demo.sessions {
        assert!((5..=21).contains(&s.started_at.hour()), "{}", s.started_at);
        assert!(
            s.started_at.weekday() != chrono::Weekday::Sun
                && s.started_at.weekday() != chrono::Weekday::Wed
        );
        let times: Vec<_> = s.sets().map(|(_, set)| set.completed_at).collect();
        assert!(
            times.windows(2).all(|w| w[0] < w[1]),
            "sets out of order on {}",
            s.started_at
        );
        assert!(s.started_at < times[0] && *times.last().unwrap() < s.ended_at.unwrap());
    }
}

/// Whether `kg` is a 20 kg bar plus a pair of each of some standard plates (greedy is exact for
/// these sizes).
fn on_a_barbell(kg: f64) -> bool {
    let mut side = (kg - 20.0) / 2.0;
    if side < -1e-9 {
        return false;
    }
    for plate in [25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25] {
        while side >= plate - 1e-9 {
            side -= plate;
        }
    }
    side.abs() < 1e-9
}

fn multiple_of(kg: f64, step: f64) -> bool {
    ((kg / step) - (kg / step).round()).abs() < 1e-9
}

#[test]
fn every_load_can_be_made_with_the_equipment() {
    assert!(
        on_a_barbell(102.5) && on_a_barbell(20.0) && !on_a_barbell(101.0) && !on_a_barbell(15.0)
    );
    let demo = one_year();
    for s in &demo.sessions {
        for slot in &s.slots {
            let equipment = demo.equipment[&slot.exercise].1;
            for set in &slot.sets {
                let ok = match (equipment, set.spec.load) {
                    (Equipment::Barbell, Load::External(w)) => on_a_barbell(w.kg()),
                    (Equipment::Dumbbell, Load::External(w)) => {
                        w.kg() >= 2.0 && multiple_of(w.kg(), 2.0)
                    }
                    (Equipment::Machine | Equipment::Cable, Load::External(w)) => {
                        w.kg() >= 5.0 && multiple_of(w.kg(), 2.5)
                    }
                    (
                        Equipment::Bodyweight,
                        Load::Bodyweight {
                            added,
                            assisted: false,
                        },
                    ) => multiple_of(added.kg(), 2.5),
                    _ => false,
                };
                assert!(
                    ok,
                    "{} {:?} on {}",
                    demo.name(slot.exercise),
                    set.spec.load,
                    s.started_at
                );
            }
        }
    }
}

#[test]
fn working_sets_carry_valid_rpe_mostly_7_to_9_5_and_warm_ups_come_first() {
    let demo = one_year();
    let (mut rated, mut typical, mut missing) = (0_u32, 0_u32, 0_u32);
    for s in &demo.sessions {
        assert!(
            s.rpe.is_some_and(|r| (1..=10).contains(&r)),
            "session RPE {:?}",
            s.rpe
        );
        for slot in &s.slots {
            let first_working = slot
                .sets
                .iter()
                .position(|set| set.spec.kind == SetKind::Working)
                .unwrap();
            assert!(
                slot.sets[first_working..]
                    .iter()
                    .all(|set| set.spec.kind == SetKind::Working)
            );
            let working_kg = slot.sets[first_working].spec.load.moved_kg(None);
            for set in &slot.sets {
                match (set.spec.kind, set.spec.effort) {
                    (SetKind::Warmup, effort) => {
                        assert_eq!(effort, None);
                        assert!(set.spec.load.moved_kg(None) < working_kg);
                    }
                    (_, Some(Effort::Rpe(rpe))) => {
                        let v = rpe.value();
                        assert!(
                            (6.0..=10.0).contains(&v) && (v * 2.0).fract() == 0.0,
                            "RPE {v}"
                        );
                        rated += 1;
                        typical += u32::from((7.0..=9.5).contains(&v));
                    }
                    (_, None) => missing += 1,
                    (_, Some(Effort::Rir(_))) => panic!("the demo logs RPE"),
                }
            }
        }
    }
    assert!(rated > 5 * missing, "{rated} rated, {missing} not");
    let share = f64::from(typical) / f64::from(rated);
    assert!(share >= 0.6, "only {:.0} % of RPEs in 7–9.5", share * 100.0);
}

/// Monday of the ISO week of `at`, as days since the epoch.
fn week_of(at: DateTime<Utc>) -> i64 {
    (at.date_naive() - chrono::NaiveDate::from_ymd_opt(1970, 1, 5).unwrap())
        .num_days()
        .div_euclid(7)
}

#[test]
fn deload_weeks_show_as_a_drop_in_load() {
    let demo = one_year();
    // Mean working load of each lift per week, then the mean ratio to that lift's neighbours.
    let mut by_week: BTreeMap<i64, HashMap<ExerciseId, (f64, f64)>> = BTreeMap::new();
    for (i, exercise, kg, _) in demo.working_loads() {
        let entry = by_week
            .entry(week_of(demo.sessions[i].started_at))
            .or_default()
            .entry(exercise)
            .or_default();
        entry.0 += kg;
        entry.1 += 1.0;
    }
    let mean = |week: i64, exercise: ExerciseId| {
        by_week.get(&week)?.get(&exercise).map(|(sum, n)| sum / n)
    };
    let mut light_weeks = Vec::new();
    for (&week, lifts) in &by_week {
        let ratios: Vec<f64> = lifts
            .keys()
            .filter_map(|&e| {
                let around = f64::midpoint(mean(week - 1, e)?, mean(week + 1, e)?);
                Some(mean(week, e)? / around)
            })
            .collect();
        if ratios.len() >= 10 && ratios.iter().sum::<f64>() / (ratios.len() as f64) <= 0.9 {
            light_weeks.push(week);
        }
    }
    assert!(
        light_weeks.len() >= 4,
        "deload weeks found: {light_weeks:?}"
    );
    // And they are the weeks the lifter noted as deloads.
    for week in &light_weeks {
        let noted = demo
            .sessions
            .iter()
            .filter(|s| week_of(s.started_at) == *week)
            .all(|s| s.notes.contains("Deload week"));
        assert!(noted, "week {week} is light but not noted as a deload");
    }
}

#[test]
fn the_main_lifts_get_stronger() {
    let demo = one_year();
    let quarter = demo.sessions.len() / 4;
    for lift in [
        "Bench Press",
        "Back Squat",
        "Deadlift",
        "Incline Bench Press",
        "Front Squat",
    ] {
        // Best Epley estimate of the working sets of the first and the last quarter.
        let best = |range: std::ops::Range<usize>| {
            demo.working_loads()
                .filter(|(i, e, _, _)| range.contains(i) && demo.name(*e) == lift)
                .map(|(_, _, kg, reps)| kg * (1.0 + f64::from(reps) / 30.0))
                .fold(0.0, f64::max)
        };
        let (first, last) = (
            best(0..quarter),
            best(demo.sessions.len() - quarter..demo.sessions.len()),
        );
        assert!(
            first > 0.0 && last > first * 1.1,
            "{lift}: {first:.1} → {last:.1}"
        );
    }
}

#[test]
fn history_shows_plateaus_missed_reps_prs_and_notes() {
    let demo = one_year();
    let notes: Vec<&str> = demo
        .sessions
        .iter()
        .map(|s| s.notes.as_str())
        .filter(|n| !n.is_empty())
        .collect();
    assert!(notes.iter().any(|n| n.contains("PR: ")), "{notes:?}");
    assert!(
        notes.len() < demo.sessions.len() / 2,
        "notes on {} of {} sessions",
        notes.len(),
        demo.sessions.len()
    );
    // Missed reps: a working set below the reps of the set before it at the same load.
    let missed = demo
        .sessions
        .iter()
        .flat_map(|s| &s.slots)
        .filter(|slot| {
            slot.sets.windows(2).any(|w| {
                w[0].spec.kind == SetKind::Working
                    && w[0].spec.load == w[1].spec.load
                    && w[1].spec.reps < w[0].spec.reps
            })
        })
        .count();
    assert!(missed >= 20, "{missed} slots with missed reps");
    // A plateau: some main lift stays at one working weight for three weeks running.
    let mut tops: HashMap<&str, Vec<f64>> = HashMap::new();
    for (i, e, kg, _) in demo.working_loads() {
        let list = tops.entry(demo.name(e)).or_default();
        if list.len() <= i {
            list.push(kg);
        }
    }
    let plateau = tops.values().any(|loads| {
        loads
            .windows(3)
            .any(|w| (w[0] - w[1]).abs() < 1e-9 && (w[1] - w[2]).abs() < 1e-9)
    });
    assert!(plateau);
}

#[test]
fn stored_summaries_match_the_sets_like_a_finished_session() {
    let demo = one_year();
    let summaries = demo.store.recent_sessions(100_000, 0).unwrap();
    let by_id: HashMap<_, _> = demo.sessions.iter().map(|s| (s.id, s)).collect();
    for summary in &summaries {
        let session = by_id[&summary.id];
        assert_eq!(summary.sets as usize, session.set_count());
        assert_eq!(
            summary.exercises as usize,
            session.slots.iter().filter(|s| !s.sets.is_empty()).count()
        );
        // Without the day's body weight the bodyweight lifts count nothing, so the stored volume
        // must be larger by exactly body weight × bodyweight reps of that day (which is 60–90 kg).
        let without_body = Session {
            body_weight: None,
            ..(*session).clone()
        }
        .volume_kg();
        assert!((session.volume_kg() - summary.volume_kg).abs() < 1e-6);
        let bodyweight_reps: u32 = session
            .sets()
            .filter(|(_, s)| {
                s.spec.kind.is_working() && matches!(s.spec.load, Load::Bodyweight { .. })
            })
            .map(|(_, s)| u32::from(s.spec.reps.unwrap().get()))
            .sum();
        let body = (summary.volume_kg - without_body) / f64::from(bodyweight_reps.max(1));
        assert!(
            bodyweight_reps == 0 || (60.0..=90.0).contains(&body),
            "{body}"
        );
        assert!(summary.volume_kg > 1000.0);
    }
}

#[test]
fn the_profile_is_the_demo_lifter_and_a_second_run_is_refused() {
    let demo = one_year();
    let profile = demo.store.profile().unwrap().unwrap();
    assert_eq!(profile.birth_year, 1990);
    assert!((profile.body_weight.kg() - 80.0).abs() < 1e-9);
    assert_eq!(profile.hr_max.get(), 183); // Tanaka at 36: 208 − 0.7 × 36 = 182.8
    assert_eq!(
        (profile.hr_rest.get(), profile.lthr.map(Bpm::get)),
        (55, Some(165))
    );
    assert!((profile.bar.kg() - 20.0).abs() < 1e-9);

    let err = generate(&demo.store, &options(1, 2)).unwrap_err();
    assert!(matches!(err, DemoError::NotEmpty));
    assert_eq!(
        err.to_string(),
        "demo data goes into an empty database; use --db with a new file"
    );
    assert_eq!(
        demo.store.recent_sessions(100_000, 0).unwrap().len(),
        demo.sessions.len()
    );
}

#[test]
fn an_existing_profile_is_kept() {
    let store = Store::open_in_memory().unwrap();
    let mine = ironpulse::core::profile::Profile {
        birth_year: 1975,
        ..ironpulse::demo::demo_profile(today()).unwrap()
    };
    store.save_profile(&mine).unwrap();
    generate(&store, &options(1, 3)).unwrap();
    assert_eq!(store.profile().unwrap(), Some(mine));
}

#[test]
fn years_out_of_range_are_refused_before_writing() {
    let store = Store::open_in_memory().unwrap();
    let err = generate(&store, &options(0, 1)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the demo makes 1–30 years of history, got 0"
    );
    assert!(store.profile().unwrap().is_none());
}

#[test]
fn the_same_seed_gives_the_same_rows_and_another_seed_does_not() {
    let a = dump_of(1, 7);
    assert!(a.len() > 5_000, "{} rows", a.len());
    assert_eq!(a, dump_of(1, 7));
    assert_ne!(a, dump_of(1, 8));
}

#[test]
fn the_lifter_runs_programs_one_after_another_and_the_last_is_running_today() {
    let demo = one_year();
    let runs = demo.store.program_runs().unwrap();
    assert!(runs.len() >= 2, "{runs:?}");
    assert_eq!(demo.report.programs, runs.len());
    // Newest first: the last one runs, every one before it was finished or abandoned, one after
    // another.
    assert_eq!(runs[0].2, RunStatus::Active, "{runs:?}");
    assert!(
        runs[1..]
            .iter()
            .all(|r| matches!(r.2, RunStatus::Finished | RunStatus::Abandoned)),
        "{runs:?}"
    );
    assert_eq!(runs.last().unwrap().1, "GZCLP");
    assert!(runs.windows(2).all(|w| w[1].3 < w[0].3), "{runs:?}");
    let first = demo.sessions[0].started_at.date_naive();
    assert!(runs.last().unwrap().3 <= first);
    for (id, _, _, _) in &runs[1..] {
        let run = demo.store.assignment(*id).unwrap().unwrap();
        let ended = run.ended_on.unwrap();
        assert!(
            ended > run.start && ended <= today().date_naive(),
            "{run:?}"
        );
    }

    // The one running has a day due today or coming, as `program today` and the dashboard show.
    let profile = demo.store.profile().unwrap().unwrap();
    let run = ProgramRun::read(&demo.store, &profile, today().date_naive())
        .unwrap()
        .expect("a program runs");
    assert_eq!(run.assignment.id, runs[0].0);
    let (day, plan) = run
        .today
        .as_ref()
        .or(run.next.as_ref())
        .expect("a day to train");
    assert_eq!(day.status, Status::Planned);
    assert!(day.date >= today().date_naive());
    assert!(!plan.lines.is_empty());
    assert!(
        plan.lines
            .iter()
            .all(|l| l.working().all(|s| s.weight.is_some()))
    );
}

#[test]
fn program_days_are_trained_in_sessions_linked_to_them_and_adherence_is_high() {
    let demo = one_year();
    let by_id: HashMap<_, _> = demo.sessions.iter().map(|s| (s.id, s)).collect();
    let mut linked = 0;
    for (id, name, _, _) in demo.store.program_runs().unwrap() {
        let run = demo.store.assignment(id).unwrap().unwrap();
        assert!(
            run.trained.len() >= 20,
            "{name}: {} days",
            run.trained.len()
        );
        let program = ironpulse::core::program::parse(&run.program.text).unwrap();
        for day in &run.trained {
            let session = by_id[&day.session];
            assert_eq!(session.started_at.date_naive(), day.day);
            assert_eq!(
                demo.store.program_day_of(day.session).unwrap(),
                Some((id, day.seq))
            );
            let week = ironpulse::core::program::plan::day_at(&program, day.seq).week;
            assert!(
                session
                    .title
                    .starts_with(&format!("{} · week {week} · day ", program.meta.name)),
                "{}",
                session.title
            );
            // What the day prescribed is stored with it, and the session did those lifts first.
            let targets: Vec<serde_json::Value> = serde_json::from_str(&day.targets).unwrap();
            let first = targets[0]["exercise"].as_str().unwrap();
            assert_eq!(demo.name(session.slots[0].exercise), first);
            linked += 1;
        }
        assert!(
            run.trained
                .windows(2)
                .all(|w| w[0].seq < w[1].seq && w[0].day < w[1].day)
        );
    }
    // Most sessions are program days; the rest are the lifter's own.
    assert!(
        linked * 2 > demo.sessions.len() && linked < demo.sessions.len(),
        "{linked} of {}",
        demo.sessions.len()
    );

    let profile = demo.store.profile().unwrap().unwrap();
    let run = ProgramRun::read(&demo.store, &profile, today().date_naive())
        .unwrap()
        .unwrap();
    let sessions = run.adherence.overall.sessions_pct().unwrap();
    let sets = run.adherence.overall.sets_pct().unwrap();
    let loads = run.adherence.overall.loads_pct().unwrap();
    eprintln!("adherence: sessions {sessions:.1} %, sets {sets:.1} %, loads {loads:.1} %");
    assert!((50.0..100.0).contains(&sessions), "{sessions}");
    assert!((50.0..=100.0).contains(&sets), "{sets}");
    assert!((80.0..=100.0).contains(&loads), "{loads}");
    // The days it missed or skipped are on its calendar.
    assert!(
        run.calendar
            .iter()
            .any(|c| matches!(c.status, Status::Missed | Status::Skipped))
    );
}

#[test]
fn the_rules_moved_loads_up_and_took_them_back_after_misses() {
    let demo = one_year();
    let mut changes = Vec::new();
    for program in demo.store.programs().unwrap() {
        changes.extend(demo.store.program_changes(program.id).unwrap());
    }
    let progression: Vec<_> = changes.iter().filter(|c| c.kind == "progression").collect();
    assert!(progression.len() >= 50, "{} changes", progression.len());
    let pair = |c: &ironpulse::store::ChangeRow, key: &str| {
        let detail: serde_json::Value = serde_json::from_str(&c.detail).unwrap();
        detail[key]
            .as_array()
            .map(|p| (p[0].as_f64().unwrap(), p[1].as_f64().unwrap()))
    };
    let up = progression
        .iter()
        .filter(|c| {
            pair(c, "load_kg").is_some_and(|(a, b)| b > a)
                || pair(c, "tm_kg").is_some_and(|(a, b)| b > a)
        })
        .count();
    let stage = progression
        .iter()
        .filter(|c| c.reason.contains("missed") && c.detail.contains("\"stage\":["))
        .count();
    let reset = progression
        .iter()
        .filter(|c| {
            pair(c, "load_kg").is_some_and(|(a, b)| b < a)
                || pair(c, "tm_kg").is_some_and(|(a, b)| b < a)
        })
        .count();
    assert!(up >= 20, "{up} increases");
    assert!(stage >= 3, "{stage} stage changes after a miss");
    assert!(reset >= 1, "{reset} resets");
    // Days passed over, weeks off and the end of each run are in the history too.
    let schedule: Vec<&str> = changes
        .iter()
        .filter(|c| c.kind == "schedule")
        .map(|c| c.reason.as_str())
        .collect();
    assert!(
        schedule.iter().any(|r| r.starts_with("finished on ")),
        "{schedule:?}"
    );
}

#[test]
#[ignore = "timing: run with `cargo test --release --test demo -- --ignored --nocapture`"]
fn ten_years_are_written_well_within_a_minute() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    let store = Store::open(&path).unwrap();
    let started = std::time::Instant::now();
    let report = generate(&store, &options(10, 1)).unwrap();
    let elapsed = started.elapsed();
    drop(store);
    let size = std::fs::metadata(&path).unwrap().len();
    eprintln!(
        "10 years: {} sessions, {} sets in {elapsed:.2?} ({} KB)",
        report.sessions,
        report.sets,
        size / 1024
    );
    assert!((2_400..=2_700).contains(&report.sessions), "{report:?}");
    assert!(ironpulse::store::check(&path).unwrap().is_ok());
    assert!(elapsed.as_secs() < 60);
}

#[test]
fn most_mornings_have_a_resting_hrv_reading_around_a_baseline_higher_in_deload_weeks() {
    let demo = one_year();
    let first = demo.sessions[0].started_at.date_naive();
    let last = today().date_naive();
    let readings = demo.store.hrv_readings(None, last).unwrap();
    assert_eq!(readings.len(), demo.report.hrv_readings);
    let days = (last - first).num_days() + 1;
    let share = readings.len() as f64 / days as f64;
    assert!(
        (0.8..=0.95).contains(&share),
        "readings on {share:.2} of days"
    );
    assert!(readings.windows(2).all(|w| w[0].date < w[1].date));
    assert!(readings[0].date >= first && readings.last().unwrap().date <= last);

    let rmssd: Vec<f64> = readings.iter().map(|r| r.rmssd_ms).collect();
    let mean = rmssd.iter().sum::<f64>() / rmssd.len() as f64;
    let sd = (rmssd.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / rmssd.len() as f64).sqrt();
    eprintln!(
        "RMSSD mean {mean:.1} ms, sd {sd:.1} ms over {} readings",
        rmssd.len()
    );
    assert!((48.0..=62.0).contains(&mean), "mean RMSSD {mean:.1} ms");
    assert!((4.0..=14.0).contains(&sd), "RMSSD sd {sd:.1} ms");
    for r in &readings {
        assert!((20.0..=120.0).contains(&r.rmssd_ms), "{r:?}");
        let sdnn = r.sdnn_ms.unwrap();
        assert!(sdnn > 0.7 * r.rmssd_ms && sdnn < 3.0 * r.rmssd_ms, "{r:?}");
        // 2–5 minutes at a resting 50–65 bpm.
        assert!((120..=300).contains(&r.duration_s), "{r:?}");
        let per_minute = f64::from(r.beats + r.dropped) * 60.0 / f64::from(r.duration_s);
        assert!((48.0..=66.0).contains(&per_minute), "{r:?}");
        assert!(r.dropped * 10 <= r.beats, "{r:?}");
    }

    // Recovery shows: the second half of each deload week reads higher than the week before it.
    let mean_between = |from: chrono::NaiveDate, to: chrono::NaiveDate| {
        let values: Vec<f64> = readings
            .iter()
            .filter(|r| r.date >= from && r.date <= to)
            .map(|r| r.rmssd_ms)
            .collect();
        (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
    };
    let mut rises = Vec::new();
    for deload in demo.store.deloads().unwrap() {
        let before = mean_between(
            deload.start - Duration::days(7),
            deload.start - Duration::days(1),
        );
        let during = mean_between(
            deload.start + Duration::days(3),
            deload.start + Duration::days(6),
        );
        if let (Some(before), Some(during)) = (before, during) {
            eprintln!("deload {}: {before:.1} → {during:.1}", deload.start);
            rises.push(during - before);
        }
    }
    assert!(rises.len() >= 5, "{} deloads compared", rises.len());
    let higher = rises.iter().filter(|r| **r > 0.0).count();
    assert!(higher * 2 > rises.len(), "{rises:?}");
    let mean_rise = rises.iter().sum::<f64>() / rises.len() as f64;
    assert!(mean_rise > 2.0, "{rises:?}");
}
