//! Performances, the e1RM trend and recent exercises against hand-computed numbers.

use chrono::NaiveDate;

use super::*;
use crate::core::units::Rpe;
use crate::core::workout::set::{Effort, SetKind, SetSpec};
use crate::store::fixtures::{at, custom, lift, store};

const DAY: i64 = 24 * 60;

fn rpe(spec: SetSpec, value: f64) -> SetSpec {
    SetSpec {
        effort: Some(Effort::Rpe(Rpe::try_from(value).unwrap())),
        ..spec
    }
}

/// Bench on Monday 2026-01-05 (day 0), Wednesday (day 2) and the next Tuesday (day 8).
fn bench_history(store: &Store) -> ExerciseId {
    let bench = custom(store, "Bench");
    let days: [(i64, Vec<SetSpec>); 3] = [
        (
            0,
            vec![
                SetSpec {
                    kind: SetKind::Warmup,
                    ..lift(60.0, 5)
                },
                rpe(lift(100.0, 5), 8.0),
                lift(100.0, 5),
            ],
        ),
        (2, vec![lift(102.5, 5), rpe(lift(102.5, 4), 9.0)]),
        (8, vec![lift(105.0, 3)]),
    ];
    for (day, sets) in days {
        let id = store.start_session(at(day * DAY), "").unwrap();
        let slot = store.add_slot(id, bench).unwrap().id;
        store.log_sets(slot, &sets, at(day * DAY + 10)).unwrap();
        store
            .finish_session(id, at(day * DAY + 60), None, "")
            .unwrap();
    }
    bench
}

fn date(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, d).unwrap()
}

#[test]
fn the_last_performances_newest_first_with_their_numbers() {
    let store = store();
    let bench = bench_history(&store);
    let last = store.performances(bench, 2).unwrap();
    assert_eq!(last.len(), 2);
    assert_eq!((last[0].date, last[1].date), (date(13), date(7)));
    let wed = &last[1];
    assert_eq!(wed.sets, 2);
    let top = wed.top_set.unwrap();
    assert_eq!((top.weight.kg(), top.reps.get()), (102.5, 5));
    // The lift is rated (Monday's 100 × 5 @ 8), so the unrated 102.5 × 5 reads at the typical
    // RPE 8: 81.1 % → 126.39, above 102.5 × 4 @ 9 (86.3 % → 118.77) and Brzycki's 115.31.
    assert!((wed.e1rm.unwrap().kg() - 102.5 / 0.811).abs() < 1e-6);
    assert!((wed.volume_kg - 922.5).abs() < 1e-9);
    assert_eq!(wed.mean_rpe, Some(9.0));
    // Monday: the warm-up is not a set, the RPE-less set does not dilute the mean.
    let all = store.performances(bench, 10).unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!((all[2].sets, all[2].mean_rpe), (2, Some(8.0)));
    assert!((all[2].volume_kg - 1000.0).abs() < 1e-9);
    assert!(
        store
            .performances(custom(&store, "Nothing"), 5)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn the_e1rm_trend_by_session_and_by_week_from_the_stored_column() {
    let store = store();
    let bench = bench_history(&store);
    let sessions = store.e1rm_trend(bench, TrendBy::Session).unwrap();
    let values: Vec<(NaiveDate, f64)> = sessions.iter().map(|p| (p.date, p.e1rm.kg())).collect();
    // Every set read on the chart (2 of the 5 sets before day 8 rated): 100 × 5 @ 8 and the
    // unrated one at the typical 8 = 100 / 0.811; 102.5 × 5 at 8 = 102.5 / 0.811; day 8's
    // 105 × 3 at the typical RPE of 8, 9 — the higher middle, 9 — is 89.2 %.
    let expected = [
        (date(5), 100.0 / 0.811),
        (date(7), 102.5 / 0.811),
        (date(13), 105.0 / 0.892),
    ];
    assert_eq!(values.len(), 3);
    for ((d, v), (ed, ev)) in values.iter().zip(expected) {
        assert_eq!(*d, ed);
        assert!((v - ev).abs() < 1e-6, "{v} vs {ev}");
    }
    // The same numbers the performance summaries compute.
    let summaries = store.performances(bench, 3).unwrap();
    for (p, s) in sessions.iter().rev().zip(&summaries) {
        assert!((p.e1rm.kg() - s.e1rm.unwrap().kg()).abs() < 1e-9);
    }
    let weeks = store.e1rm_trend(bench, TrendBy::Week).unwrap();
    let weekly: Vec<(NaiveDate, f64)> = weeks.iter().map(|p| (p.date, p.e1rm.kg())).collect();
    assert_eq!(weekly.len(), 2);
    assert_eq!((weekly[0].0, weekly[1].0), (date(5), date(12)));
    assert!((weekly[0].1 - 102.5 / 0.811).abs() < 1e-6);
    assert!((weekly[1].1 - 105.0 / 0.892).abs() < 1e-6);
}

#[test]
fn exercises_trained_since_most_recent_first() {
    let store = store();
    let bench = bench_history(&store);
    let squat = custom(&store, "Squat");
    let curl = custom(&store, "Curl");
    let id = store.start_session(at(4 * DAY), "").unwrap();
    let slot = store.add_slot(id, squat).unwrap().id;
    store
        .log_sets(slot, &[lift(140.0, 5)], at(4 * DAY + 5))
        .unwrap();
    store.add_slot(id, curl).unwrap(); // no sets: not trained
    assert_eq!(
        store.exercises_trained_since(at(0)).unwrap(),
        [bench, squat]
    );
    assert_eq!(
        store.exercises_trained_since(at(3 * DAY)).unwrap(),
        [bench, squat]
    );
    assert_eq!(store.exercises_trained_since(at(5 * DAY)).unwrap(), [bench]);
    assert!(
        store
            .exercises_trained_since(at(9 * DAY))
            .unwrap()
            .is_empty()
    );
}

/// The walk newest first stops once every exercise with a slot is seen; a lift trained once
/// long ago is still found, an abandoned session counts for nothing, and lifts last trained in
/// sessions started at the same moment come by id.
#[test]
fn exercises_trained_since_finds_a_lift_trained_once_long_ago() {
    let store = store();
    let old = custom(&store, "Good Morning");
    let squat = custom(&store, "Squat");
    let press = custom(&store, "Press");
    let row = custom(&store, "Row");
    let log = |start: i64, lifts: &[crate::core::workout::exercise::ExerciseId], abandon: bool| {
        let id = store.start_session(at(start), "").unwrap();
        for &exercise in lifts {
            let slot = store.add_slot(id, exercise).unwrap().id;
            store
                .log_sets(slot, &[lift(60.0, 5)], at(start + 5))
                .unwrap();
        }
        if abandon {
            store.abandon_session(id, at(start + 60)).unwrap();
        } else {
            store.finish_session(id, at(start + 60), None, "").unwrap();
        }
    };
    log(0, &[old, squat], false);
    for week in 1..30 {
        log(week * 7 * DAY, &[squat], false);
    }
    log(300 * DAY, &[row], true);
    // Two sessions started at the same moment: squat and press come by exercise id.
    log(400 * DAY, &[press], false);
    log(400 * DAY, &[squat], false);
    assert_eq!(
        store.exercises_trained_since(at(0)).unwrap(),
        [squat, press, old]
    );
    assert_eq!(
        store.exercises_trained_since(at(DAY)).unwrap(),
        [squat, press]
    );
}
