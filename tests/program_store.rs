//! Programs in the store: versions kept, one running program, days marked and trained (a
//! session's day follows the session when it is abandoned or deleted), progress and the
//! modification history.

#[path = "support/store_rows.rs"]
mod store_rows;

use chrono::{NaiveDate, Weekday};
use ironpulse::core::program::schedule::{Mark, MissedPolicy};
use ironpulse::core::program::slot::{LiftState, SlotState};
use ironpulse::core::units::Weight;
use ironpulse::store::{NewChange, RunStatus, Store, StoreError};
use store_rows::{at, lift};

const TEXT: &str = "program: Test\nday A\n  Squat: 3x5; start 60kg; progress linear +2.5kg\n";

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn kg(v: f64) -> Option<Weight> {
    Weight::from_kg(v).ok()
}

#[test]
fn every_version_is_kept_and_an_unchanged_text_adds_none() {
    let store = Store::open_in_memory().unwrap();
    let id = store
        .create_program("Test", Some("gzclp"), TEXT, "cloned from GZCLP", at(0))
        .unwrap();
    let edited = TEXT.replace("3x5", "5x5");
    assert_eq!(
        store
            .add_program_version(id, "Test 5x5", &edited, "edited", at(1))
            .unwrap(),
        2
    );
    assert_eq!(
        store
            .add_program_version(id, "Test 5x5", &edited, "edited", at(2))
            .unwrap(),
        2
    );
    let p = store.program(id).unwrap().unwrap();
    assert_eq!(
        (p.name.as_str(), p.version, p.builtin.as_deref()),
        ("Test 5x5", 2, Some("gzclp"))
    );
    assert_eq!(p.text, edited);
    let versions = store.program_versions(id).unwrap();
    assert_eq!(
        versions.iter().map(|v| v.note.as_str()).collect::<Vec<_>>(),
        ["cloned from GZCLP", "edited"]
    );
    assert_eq!(versions[0].text, TEXT);
}

#[test]
fn one_program_runs_at_a_time_and_its_status_moves_as_allowed() {
    let store = Store::open_in_memory().unwrap();
    let a = store
        .create_program("A", None, TEXT, "created", at(0))
        .unwrap();
    let b = store
        .create_program("B", None, TEXT, "created", at(0))
        .unwrap();
    let lifts = [(
        "Back Squat".to_string(),
        LiftState {
            max: kg(140.0),
            tm: kg(126.0),
            short_in_cycle: false,
        },
    )];
    let run = store
        .start_program(
            a,
            day("2026-03-02"),
            &[Weekday::Mon, Weekday::Wed, Weekday::Fri],
            MissedPolicy::Shift,
            &lifts,
            at(0),
        )
        .unwrap();
    let err = store
        .start_program(
            b,
            day("2026-03-02"),
            &[Weekday::Mon],
            MissedPolicy::Mark,
            &[],
            at(1),
        )
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::Invalid(m) if m.starts_with("A is running")),
        "{err}"
    );
    let running = store.running_program().unwrap().unwrap();
    assert_eq!(running.id, run);
    assert_eq!(running.weekdays, [Weekday::Mon, Weekday::Wed, Weekday::Fri]);
    assert_eq!(running.lifts, lifts);
    store
        .set_program_status(run, RunStatus::Paused, day("2026-03-04"), at(2))
        .unwrap();
    store
        .set_program_status(run, RunStatus::Active, day("2026-03-16"), at(3))
        .unwrap();
    let running = store.running_program().unwrap().unwrap();
    assert_eq!(
        running.pauses,
        [(day("2026-03-04"), Some(day("2026-03-16")))]
    );
    store
        .set_program_status(run, RunStatus::Finished, day("2026-04-01"), at(4))
        .unwrap();
    assert!(store.running_program().unwrap().is_none());
    let err = store
        .set_program_status(run, RunStatus::Active, day("2026-04-02"), at(5))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "the program is finished and cannot be resumed"
    );
    // Now B may run.
    store
        .start_program(
            b,
            day("2026-04-06"),
            &[Weekday::Mon],
            MissedPolicy::Mark,
            &[],
            at(6),
        )
        .unwrap();
    let history: Vec<String> = store
        .program_changes(a)
        .unwrap()
        .into_iter()
        .map(|c| c.reason)
        .collect();
    assert_eq!(
        history,
        [
            "paused on 2026-03-04",
            "resumed on 2026-03-16",
            "finished on 2026-04-01"
        ]
    );
}

#[test]
fn a_trained_day_follows_its_session_abandoned_or_deleted() {
    let store = Store::open_in_memory().unwrap();
    let p = store
        .create_program("P", None, TEXT, "created", at(0))
        .unwrap();
    let run = store
        .start_program(p, day("2026-01-05"), &[], MissedPolicy::Shift, &[], at(0))
        .unwrap();
    let session = store
        .start_program_session(run, 0, at(10), day("2026-01-05"), "P · day A", "[]")
        .unwrap();
    assert_eq!(store.program_day_of(session).unwrap(), Some((run, 0)));
    let marks = store.assignment(run).unwrap().unwrap().marks;
    assert!(
        matches!(marks.as_slice(), [(0, Mark::Done(_))]),
        "{marks:?}"
    );
    // Abandoned without a set: the session goes, and so does the day's mark.
    store.abandon_session(session, at(20)).unwrap();
    assert!(store.assignment(run).unwrap().unwrap().marks.is_empty());
    // Trained for real, then deleted from History: the day is due again.
    let session = store
        .start_program_session(run, 0, at(30), day("2026-01-05"), "P · day A", "[]")
        .unwrap();
    let exercise = store
        .exercises()
        .unwrap()
        .into_iter()
        .find(|e| e.name == "Back Squat")
        .unwrap();
    let slot = store.add_slot(session, exercise.id).unwrap().id;
    store.log_sets(slot, &[lift(60.0, 5)], at(31)).unwrap();
    store.finish_session(session, at(40), None, "").unwrap();
    assert_eq!(store.assignment(run).unwrap().unwrap().trained.len(), 1);
    store.delete_session(session).unwrap();
    let a = store.assignment(run).unwrap().unwrap();
    assert!(a.marks.is_empty() && a.trained.is_empty());
}

#[test]
fn progress_and_changes_are_saved_together() {
    let store = Store::open_in_memory().unwrap();
    let p = store
        .create_program("P", None, TEXT, "created", at(0))
        .unwrap();
    let run = store
        .start_program(p, day("2026-01-05"), &[], MissedPolicy::Shift, &[], at(0))
        .unwrap();
    let slot = SlotState {
        working: kg(62.5),
        stage: 1,
        fails: 2,
        first_stage: kg(60.0),
    };
    let lifts = [(
        "Back Squat".to_string(),
        LiftState {
            max: kg(140.0),
            tm: kg(131.0),
            short_in_cycle: true,
        },
    )];
    let change = NewChange {
        kind: "progression",
        slot: Some("Squat".into()),
        status: "applied",
        reason: "every set done (5, 5, 5): add 2.5 kg → 62.5 kg".into(),
        detail: "{\"load_kg\":[60,62.5]}".into(),
    };
    store
        .save_program_progress(
            run,
            &[("Squat".into(), slot.clone())],
            &lifts,
            &[change],
            at(5),
        )
        .unwrap();
    let a = store.assignment(run).unwrap().unwrap();
    assert_eq!(a.slots, [("Squat".to_string(), slot)]);
    assert_eq!(a.lifts, lifts);
    let changes = store.program_changes(p).unwrap();
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].slot.as_deref(), Some("Squat"));
    store
        .mark_program_day(
            run,
            1,
            Mark::Moved(day("2026-01-10")),
            "moved day 2 to Saturday",
            at(6),
        )
        .unwrap();
    store
        .mark_program_day(run, 2, Mark::Skipped, "skipped day 3", at(7))
        .unwrap();
    let a = store.assignment(run).unwrap().unwrap();
    assert_eq!(
        a.marks,
        [(1, Mark::Moved(day("2026-01-10"))), (2, Mark::Skipped)]
    );
    assert!(
        store
            .mark_program_day(run, 3, Mark::Done(day("2026-01-12")), "", at(8))
            .is_err()
    );
}

#[test]
fn a_program_that_ran_is_archived_not_deleted() {
    let store = Store::open_in_memory().unwrap();
    let ran = store
        .create_program("Ran", None, TEXT, "created", at(0))
        .unwrap();
    let never = store
        .create_program("Never", None, TEXT, "created", at(0))
        .unwrap();
    store
        .start_program(ran, day("2026-01-05"), &[], MissedPolicy::Shift, &[], at(0))
        .unwrap();
    assert!(!store.delete_program(ran).unwrap());
    assert!(store.program(ran).unwrap().unwrap().archived);
    assert!(store.delete_program(never).unwrap());
    assert!(store.program(never).unwrap().is_none());
}

#[test]
fn a_plateau_is_proposed_once_accepted_and_applied_then_counted_afresh() {
    use ironpulse::core::profile::Profile;
    use ironpulse::core::strength::deload::{DeloadAdvice, Urgency};
    use ironpulse::read::ProgramRun;

    let store = Store::open_in_memory().unwrap();
    store.save_profile(&Profile::example()).unwrap();
    let text = "program: Curls\nday A\n  Curl: 3x8-12; start 20kg; progress double +1kg\n";
    let p = store
        .create_program("Curls", None, text, "created", at(0))
        .unwrap();
    let run = store
        .start_program(p, day("2026-01-05"), &[], MissedPolicy::Shift, &[], at(0))
        .unwrap();
    let slot = SlotState {
        working: kg(20.0),
        ..SlotState::default()
    };
    let same = |n: i64| NewChange {
        kind: "progression",
        slot: Some("Curl".into()),
        status: "applied",
        reason: format!("not every set at the top of its range: stay at 20 kg ({n})"),
        detail: "{\"load_kg\":null}".into(),
    };
    for n in 1..=3 {
        store
            .save_program_progress(
                run,
                &[("Curl".into(), slot.clone())],
                &[],
                &[same(n)],
                at(n),
            )
            .unwrap();
    }
    let calm = DeloadAdvice {
        signals: vec![],
        urgency: Urgency::None,
        plan: None,
        summary: String::new(),
    };
    let today = day("2026-01-08");
    let read = || {
        ProgramRun::read(&store, &Profile::example(), today)
            .unwrap()
            .unwrap()
    };
    let proposed = read().proposals(&calm, false, today);
    assert_eq!(proposed.len(), 1, "{proposed:?}");
    let (p0, detail) = &proposed[0];
    assert_eq!(
        p0.reason,
        "Curl has not moved in 3 sessions at 20 kg: take 10 % off (18 kg) and build back up"
    );
    let new = NewChange {
        kind: "adaptive",
        slot: Some("Curl".into()),
        status: "proposed",
        reason: p0.reason.clone(),
        detail: detail.clone(),
    };
    store.propose_program_changes(run, &[new], at(10)).unwrap();
    assert!(
        read().proposals(&calm, false, today).is_empty(),
        "an open proposal is not repeated"
    );
    let id = read().open_proposals().next().unwrap().id;
    let done = store.decide_proposal(id, true, today, at(11)).unwrap();
    assert_eq!(done, "Accepted: Curl starts again at 18 kg.");
    let a = store.assignment(run).unwrap().unwrap();
    assert_eq!(a.slots[0].1.working, kg(18.0));
    assert!(
        read().proposals(&calm, false, today).is_empty(),
        "the plateau counts afresh"
    );
    let err = store.decide_proposal(id, false, today, at(12)).unwrap_err();
    assert!(err.to_string().starts_with("no open proposal"), "{err}");
}

/// The app's request for today's day, answered by the store worker: a session with the day's
/// lifts and targets, the day marked trained — and a program deload week recorded as a deload.
#[test]
fn todays_day_starts_as_a_session_and_a_deload_week_is_recorded() {
    use ironpulse::app::store_worker::{ProgramReply, ProgramRequest, StoreReply, answer};
    use ironpulse::core::profile::Profile;

    let store = Store::open_in_memory().unwrap();
    store.save_profile(&Profile::example()).unwrap();
    let text = "program: Waves\nweek 1 deload\nday A\n  Squat: 2x5 60kg\n  Bench Press: 2x5 40kg; superset X\n  Barbell Row: 2x5 40kg; superset X\n";
    let p = store
        .create_program("Waves", None, text, "created", at(0))
        .unwrap();
    let today = day("2026-01-05");
    store
        .start_program(p, today, &[], MissedPolicy::Shift, &[], at(0))
        .unwrap();
    let reply = answer(
        &store,
        ProgramRequest::StartToday { at: at(5), today }.into(),
    );
    let StoreReply::Program(ProgramReply::TodayStarted(started)) = reply else {
        panic!("{reply:?}");
    };
    let names: Vec<&str> = started
        .session
        .slots
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(names, ["Back Squat", "Bench Press", "Barbell Row"]);
    let groups: Vec<Option<u32>> = started.session.slots.iter().map(|s| s.superset).collect();
    assert_eq!(groups, [None, Some(0), Some(0)], "the superset is grouped");
    assert_eq!(started.day.title, "Waves · week 1 · day A");
    assert_eq!(started.day.lines[0].sets.len(), 2);
    let deload = store.current_deload(today).unwrap().expect("a deload week");
    assert_eq!((deload.start, deload.end), (today, Some(day("2026-01-11"))));
    assert_eq!(
        store
            .program_day_of(started.session.id)
            .unwrap()
            .map(|(_, seq)| seq),
        Some(0)
    );
}

/// Deleting a trained program day's session takes back what it changed: the slot's load is
/// restored and the change recorded as taken back — unless a later session built on it.
#[test]
fn deleting_a_program_sessions_takes_back_its_progression() {
    use ironpulse::app::store_worker::{
        ProgramReply, ProgramRequest, SessionRequest, StoreReply, answer,
    };
    use ironpulse::core::profile::Profile;

    let store = Store::open_in_memory().unwrap();
    store.save_profile(&Profile::example()).unwrap();
    let text = "program: LP\nday A\n  Squat: 3x5; start 100kg; progress linear +2.5kg\n";
    let p = store
        .create_program("LP", None, text, "created", at(0))
        .unwrap();
    let today = day("2026-01-05");
    let run = store
        .start_program(p, today, &[], MissedPolicy::Shift, &[], at(0))
        .unwrap();
    let train = |minutes: i64, kg: f64| {
        let reply = answer(
            &store,
            ProgramRequest::StartToday {
                at: at(minutes),
                today,
            }
            .into(),
        );
        let StoreReply::Program(ProgramReply::TodayStarted(started)) = reply else {
            panic!("{reply:?}");
        };
        let slot = started.session.slots[0].id;
        store
            .log_sets(
                slot,
                &[lift(kg, 5), lift(kg, 5), lift(kg, 5)],
                at(minutes + 1),
            )
            .unwrap();
        let finish = SessionRequest::Finish {
            session: started.session.id,
            at: at(minutes + 2),
            rpe: None,
            notes: String::new(),
        };
        assert!(matches!(
            answer(&store, finish.into()),
            StoreReply::Session(_)
        ));
        started.session.id
    };
    let working = || {
        store.assignment(run).unwrap().unwrap().slots[0]
            .1
            .working
            .unwrap()
            .kg()
    };
    let first = train(10, 100.0);
    assert!((working() - 102.5).abs() < 1e-9);
    store.delete_session(first).unwrap();
    assert!((working() - 100.0).abs() < 1e-9, "taken back");
    let changes = store.program_changes(p).unwrap();
    assert_eq!(changes[0].status, "suppressed");
    assert!(
        changes[0]
            .reason
            .ends_with("— taken back: its session was deleted")
    );
    // Two sessions: deleting the first leaves the load the second built on.
    let first = train(20, 100.0);
    let _second = train(30, 102.5);
    assert!((working() - 105.0).abs() < 1e-9, "{}", working());
    store.delete_session(first).unwrap();
    assert!(
        (working() - 105.0).abs() < 1e-9,
        "a later session built on it"
    );
}

#[test]
fn a_new_run_reads_its_own_changes_not_an_earlier_runs() {
    use ironpulse::core::profile::Profile;
    use ironpulse::read::ProgramRun;

    let store = Store::open_in_memory().unwrap();
    store.save_profile(&Profile::example()).unwrap();
    let p = store
        .create_program("P", None, TEXT, "created", at(0))
        .unwrap();
    let first = store
        .start_program(p, day("2026-01-05"), &[], MissedPolicy::Shift, &[], at(0))
        .unwrap();
    store
        .set_program_status(first, RunStatus::Abandoned, day("2026-01-06"), at(1))
        .unwrap();
    store
        .start_program(p, day("2026-01-07"), &[], MissedPolicy::Shift, &[], at(2))
        .unwrap();
    store
        .record_program_edit(p, "edited: version 2", at(3))
        .unwrap();
    let run = ProgramRun::read(&store, &Profile::example(), day("2026-01-07"))
        .unwrap()
        .unwrap();
    let reasons: Vec<&str> = run.changes.iter().map(|c| c.reason.as_str()).collect();
    assert_eq!(
        reasons,
        ["edited: version 2"],
        "the first run's abandonment is its own"
    );
}
