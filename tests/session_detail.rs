//! The session-detail request through the store worker, on the small demo database and on a
//! session without heart rate: one request brings the chart's points, gaps, rests, zones and
//! figures, each set's heart rate and the previous performance of each exercise.

#[path = "support/demo_db.rs"]
mod demo_db;

use chrono::{DateTime, Utc};
use demo_db::with_demo;
use ironpulse::app::store_worker::{
    HistoryReply, HistoryRequest, StoreReply, StoreRequest, answer,
};
use ironpulse::core::units::{Reps, Weight};
use ironpulse::core::workout::exercise::{Equipment, ExerciseKind, Mechanics};
use ironpulse::core::workout::set::{Load, SetSpec};
use ironpulse::read::SessionDetail;
use ironpulse::store::Store;

fn load(store: &Store, id: ironpulse::core::workout::session::SessionId) -> SessionDetail {
    match answer(store, StoreRequest::History(HistoryRequest::Detail(id))) {
        StoreReply::History(HistoryReply::Detail(detail)) => *detail,
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_detail_of_a_demo_session_brings_its_heart_rate_and_previous_performances() {
    with_demo(|store| {
        let latest = store.recent_sessions(1, 0).unwrap()[0].id;
        let detail = load(store, latest);
        let session = &detail.session;
        assert_eq!(session.id, latest);

        // Every stored sample, in time order, nothing inside a gap.
        let stored = store.session_hr(latest).unwrap();
        let hr = detail.hr.as_ref().expect("demo sessions have heart rate");
        assert_eq!(hr.points.len(), stored.samples.len());
        assert!(hr.points.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(hr.gaps, stored.gaps);
        // The stored summary and the session's zone model (the demo lifter uses Karvonen).
        let summary = hr.summary.expect("a finished session has its summary");
        assert_eq!(Some(summary), store.hr_summary(latest).unwrap());
        assert_eq!(hr.zones.len(), 6);
        assert_eq!(hr.zones[2].zone.name, "Endurance");
        let seconds: u32 = hr.zones.iter().map(|z| z.seconds).sum();
        assert_eq!(seconds, summary.zone_seconds.iter().sum::<u32>());
        let percent: f64 = hr.zones.iter().map(|z| z.percent).sum();
        assert!((percent - 100.0).abs() < 1e-9, "{percent}");
        // A rest between most sets, each after a set ended and before the next one did.
        let sets = session.set_count();
        assert!(
            hr.rests.len() + 2 >= sets && hr.rests.len() < sets,
            "{}",
            hr.rests.len()
        );
        assert!(hr.rests.iter().all(|(from, to)| from < to));

        // Each set's heart rate, as stored.
        let set_hr = store.session_set_hr(latest).unwrap();
        assert!(
            detail.set_hr.len() + 2 >= sets,
            "{} of {sets}",
            detail.set_hr.len()
        );
        for (id, hr) in &detail.set_hr {
            assert!(set_hr.contains(&(*id, *hr)));
        }

        // Every exercise was done before in a year of training: each has its last time.
        let previous = store.previous_performances(latest).unwrap();
        assert_eq!(detail.previous, previous);
        let mut exercises: Vec<_> = session.slots.iter().map(|s| s.exercise).collect();
        exercises.dedup();
        assert_eq!(
            detail.previous.iter().map(|(e, _)| *e).collect::<Vec<_>>(),
            exercises
        );
        assert!(
            detail
                .previous
                .iter()
                .all(|(_, p)| p.date < session.started_at.date_naive())
        );
    });
}

#[test]
fn a_session_without_heart_rate_says_so_and_a_first_exercise_has_no_comparison() {
    let store = Store::open_in_memory().unwrap();
    let at =
        |minutes: i64| DateTime::<Utc>::from_timestamp(1_767_600_000 + minutes * 60, 0).unwrap();
    let press = store
        .create_exercise(
            "Test Press",
            ExerciseKind::Strength,
            Equipment::Barbell,
            Mechanics::Compound,
            &[],
        )
        .unwrap();
    let set = SetSpec {
        load: Load::External(Weight::from_kg(60.0).unwrap()),
        reps: Some(Reps::try_from(8).unwrap()),
        ..SetSpec::default()
    };
    let first = store.start_session(at(0), "First").unwrap();
    let slot = store.add_slot(first, press.id).unwrap().id;
    store.log_sets(slot, &[set, set], at(5)).unwrap();
    store.finish_session(first, at(30), None, "").unwrap();

    let detail = load(&store, first);
    assert_eq!(detail.hr, None);
    assert!(detail.set_hr.is_empty());
    assert!(detail.previous.is_empty(), "nothing to compare with yet");

    let second = store.start_session(at(24 * 60), "Second").unwrap();
    let slot = store.add_slot(second, press.id).unwrap().id;
    store.log_sets(slot, &[set], at(24 * 60 + 5)).unwrap();
    let detail = load(&store, second);
    let [(exercise, before)] = detail.previous.as_slice() else {
        panic!("{:?}", detail.previous)
    };
    assert_eq!(*exercise, press.id);
    assert_eq!((before.session, before.sets), (first, 2));
    assert!((before.volume_kg - 960.0).abs() < 1e-9);
}

#[test]
fn a_missing_session_is_a_failure_not_a_crash() {
    let store = Store::open_in_memory().unwrap();
    let reply = answer(
        &store,
        StoreRequest::History(HistoryRequest::Detail(
            ironpulse::core::workout::session::SessionId(99),
        )),
    );
    assert!(matches!(reply, StoreReply::Failed { .. }), "{reply:?}");
}
