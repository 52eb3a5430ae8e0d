//! The review's queries against a small hand-built history with hand-computed numbers.
//!
//! The history (March 2026, a profile weighing 75 kg):
//! - Mon 2 Mar, finished, 60 min, RPE 7, body weight 80 kg: squat w60×5, 100×5 @ 8, 100×5;
//!   pull-up +10 kg × 6. No heart rate.
//! - Wed 4 Mar, finished, 45 min, RPE 5: squat 110×3, rowing 20 min, bike 15 min, squat 90×8.
//!   Heart rate with Friel running zones.
//! - Fri 6 Mar, abandoned: squat 200×1.
//! - Mon 9 Mar, finished, 50 min, no RPE, body weight 80 kg: pull-up +5 × 8, squat 105×5.
//! - Tue 10 Mar, running: squat 120×1, pull-up bodyweight × 5.

use chrono::{DateTime, NaiveDate, Utc};

use crate::core::heart::settings::HrSettings;
use crate::core::heart::summary::HrSummary;
use crate::core::profile::ZoneKind;
use crate::core::review::{HrTotals, HrvReading};
use crate::core::units::{Bpm, Rpe, Seconds, Weight};
use crate::core::workout::exercise::{Equipment, ExerciseId, ExerciseKind, Mechanics};
use crate::core::workout::session::SessionId;
use crate::core::workout::set::{Effort, Load, SetKind, SetSpec};
use crate::store::fixtures::{kg, lift, reps, store};
use crate::store::{HistorySession, HistorySet, HistorySlot, Store, StoreError};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

fn at(d: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    day(d).and_hms_opt(hour, minute, 0).unwrap().and_utc()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn weight(value: Option<Weight>) -> Option<f64> {
    value.map(Weight::kg)
}

fn at_rpe(spec: SetSpec, value: f64) -> SetSpec {
    SetSpec {
        effort: Some(Effort::Rpe(Rpe::try_from(value).unwrap())),
        ..spec
    }
}

fn bodyweight(added: f64, n: u32) -> SetSpec {
    SetSpec {
        load: Load::Bodyweight {
            added: kg(added),
            assisted: false,
        },
        ..lift(0.0, n)
    }
}

fn timed(seconds: u32) -> SetSpec {
    SetSpec {
        kind: SetKind::Working,
        load: Load::None,
        reps: None,
        effort: None,
        duration: Some(Seconds::try_from(seconds).unwrap()),
    }
}

struct History {
    squat: ExerciseId,
    pull_up: ExerciseId,
    row: ExerciseId,
    bike: ExerciseId,
    /// Mon 2, Wed 4, Fri 6 (abandoned), Mon 9, Tue 10 (running).
    sessions: [SessionId; 5],
}

fn exercise(store: &Store, name: &str, kind: ExerciseKind, muscles: &[&str]) -> ExerciseId {
    let equipment = match kind {
        ExerciseKind::Cardio => Equipment::Cardio,
        ExerciseKind::Bodyweight => Equipment::Bodyweight,
        ExerciseKind::Strength => Equipment::Barbell,
    };
    let muscles: Vec<String> = muscles.iter().map(|m| (*m).to_string()).collect();
    store
        .create_exercise(name, kind, equipment, Mechanics::Compound, &muscles)
        .unwrap()
        .id
}

fn finished(
    started_at: DateTime<Utc>,
    minutes: i64,
    rpe: Option<u8>,
    body: Option<f64>,
    slots: Vec<(ExerciseId, Vec<SetSpec>)>,
) -> HistorySession {
    HistorySession {
        started_at,
        ended_at: started_at + chrono::Duration::minutes(minutes),
        title: String::new(),
        rpe,
        notes: String::new(),
        body_weight: body.map(kg),
        slots: slots
            .into_iter()
            .map(|(exercise, sets)| HistorySlot {
                exercise,
                superset: None,
                notes: String::new(),
                sets: sets
                    .into_iter()
                    .map(|spec| HistorySet {
                        spec,
                        completed_at: started_at,
                    })
                    .collect(),
            })
            .collect(),
    }
}

fn hr_summary() -> HrSummary {
    HrSummary {
        avg_bpm: 132.5,
        max_bpm: Bpm::try_from(171).unwrap(),
        seconds: 2_800,
        trimp: 85.25,
        hr_tss: Some(61.5),
        rmssd_ms: Some(21.0),
        rr_dropped: 3,
        zone_seconds: [100, 200, 300, 400, 500, 600, 700],
    }
}

fn history(store: &Store) -> History {
    let profile = crate::core::profile::Profile {
        body_weight: kg(75.0),
        ..crate::demo::demo_profile(at(1, 12, 0)).unwrap()
    };
    store.save_profile(&profile).unwrap();
    let squat = exercise(
        store,
        "Test Squat",
        ExerciseKind::Strength,
        &["quads", "glutes"],
    );
    let pull_up = exercise(store, "Test Pull-up", ExerciseKind::Bodyweight, &["lats"]);
    let row = exercise(store, "Test Row Erg", ExerciseKind::Cardio, &[]);
    let bike = exercise(store, "Test Bike", ExerciseKind::Cardio, &["quads"]);
    let warmup = SetSpec {
        kind: SetKind::Warmup,
        ..lift(60.0, 5)
    };
    let ids = store
        .insert_history(&[
            finished(
                at(2, 18, 0),
                60,
                Some(7),
                Some(80.0),
                vec![
                    (
                        squat,
                        vec![warmup, at_rpe(lift(100.0, 5), 8.0), lift(100.0, 5)],
                    ),
                    (pull_up, vec![bodyweight(10.0, 6)]),
                ],
            ),
            HistorySession {
                title: "Conditioning".into(),
                ..finished(
                    at(4, 7, 30),
                    45,
                    Some(5),
                    Some(80.0),
                    vec![
                        (squat, vec![lift(110.0, 3)]),
                        (row, vec![timed(1_200)]),
                        (bike, vec![timed(900)]),
                        (squat, vec![lift(90.0, 8)]),
                    ],
                )
            },
            finished(
                at(9, 18, 0),
                50,
                None,
                Some(80.0),
                vec![
                    (pull_up, vec![bodyweight(5.0, 8)]),
                    (squat, vec![lift(105.0, 5)]),
                ],
            ),
        ])
        .unwrap();
    let wednesday = ids[1];
    store
        .set_hr_settings(
            wednesday,
            &HrSettings {
                max: Bpm::try_from(183).unwrap(),
                rest: Bpm::try_from(55).unwrap(),
                lthr: Some(Bpm::try_from(165).unwrap()),
                zones: ZoneKind::FrielRun,
            },
        )
        .unwrap();
    store
        .save_hr_summary(wednesday, Some(&hr_summary()))
        .unwrap();

    let abandoned = store.start_session(at(6, 18, 0), "").unwrap();
    let slot = store.add_slot(abandoned, squat).unwrap().id;
    store
        .log_sets(slot, &[lift(200.0, 1)], at(6, 18, 10))
        .unwrap();
    store.abandon_session(abandoned, at(6, 18, 30)).unwrap();

    let running = store.start_session(at(10, 18, 0), "").unwrap();
    let slot = store.add_slot(running, squat).unwrap().id;
    store
        .log_sets(slot, &[lift(120.0, 1)], at(10, 18, 10))
        .unwrap();
    let slot = store.add_slot(running, pull_up).unwrap().id;
    store
        .log_sets(slot, &[bodyweight(0.0, 5)], at(10, 18, 20))
        .unwrap();

    History {
        squat,
        pull_up,
        row,
        bike,
        sessions: [ids[0], wednesday, abandoned, ids[2], running],
    }
}

#[test]
fn session_loads_are_the_finished_sessions_with_their_stored_summaries() {
    let store = store();
    let h = history(&store);
    let loads = store.session_loads(None, day(31)).unwrap();
    let ids: Vec<SessionId> = loads.iter().map(|l| l.session).collect();
    assert_eq!(ids, [h.sessions[0], h.sessions[1], h.sessions[3]]);

    let monday = &loads[0];
    assert_eq!(monday.date, day(2));
    assert!(close(monday.minutes, 60.0));
    assert_eq!(monday.rpe, Some(7));
    // The stored count includes the warm-up; the volume does not (500 + 500 + 90 × 6).
    assert_eq!(monday.sets, 4);
    assert!(close(monday.volume_kg, 1_540.0), "{}", monday.volume_kg);
    assert_eq!(monday.hr, None);
    assert!(!monday.cardio);
    assert_eq!(monday.title, "");

    let wednesday = &loads[1];
    assert!(close(wednesday.minutes, 45.0));
    assert_eq!((wednesday.rpe, wednesday.sets), (Some(5), 4));
    // 110 × 3 + 90 × 8; the timed sets move nothing.
    assert!(close(wednesday.volume_kg, 1_050.0));
    // Two of its three distinct exercises are cardio.
    assert!(wednesday.cardio);
    assert_eq!(wednesday.title, "Conditioning");
    assert_eq!(
        wednesday.hr,
        Some(HrTotals {
            hr_tss: Some(61.5),
            trimp: 85.25,
            avg_bpm: 132.5,
            max_bpm: 171,
            zones: ZoneKind::FrielRun,
            zone_seconds: [100, 200, 300, 400, 500, 600, 700],
        })
    );

    let next_monday = &loads[2];
    assert_eq!((next_monday.rpe, next_monday.sets), (None, 2));
    // (80 + 5) × 8 + 105 × 5.
    assert!(close(next_monday.volume_kg, 1_205.0));
}

#[test]
fn session_load_ranges_include_both_days() {
    let store = store();
    let h = history(&store);
    let ids = |from, until| {
        store
            .session_loads(from, until)
            .unwrap()
            .iter()
            .map(|l| l.session)
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(Some(day(4)), day(9)), [h.sessions[1], h.sessions[3]]);
    assert_eq!(ids(Some(day(2)), day(2)), [h.sessions[0]]);
    assert_eq!(ids(Some(day(5)), day(8)), []);
    assert_eq!(ids(None, day(3)), [h.sessions[0]]);
    // The running session on the 10th has no load yet.
    assert_eq!(ids(Some(day(10)), day(10)), []);
}

#[test]
fn exercise_sessions_have_working_sets_best_e1rm_heaviest_and_volume() {
    let store = store();
    let h = history(&store);
    let rows = store.exercise_sessions(None, day(31)).unwrap();
    let summary: Vec<(NaiveDate, ExerciseId, u32)> = rows
        .iter()
        .map(|r| (r.date, r.exercise, r.working_sets))
        .collect();
    // Oldest first, in each session's order; the abandoned Friday is left out, the running
    // Tuesday is in; the cardio exercises have timed working sets.
    assert_eq!(
        summary,
        [
            (day(2), h.squat, 2),
            (day(2), h.pull_up, 1),
            (day(4), h.squat, 2),
            (day(4), h.row, 1),
            (day(4), h.bike, 1),
            (day(9), h.pull_up, 1),
            (day(9), h.squat, 1),
            (day(10), h.squat, 1),
            (day(10), h.pull_up, 1),
        ]
    );
    assert_eq!(rows[0].session, h.sessions[0]);
    assert_eq!(rows[8].session, h.sessions[4]);

    // Monday: the warm-up is left out; 100 × 5 @ 8 is 81.1 % on the RTS chart, and so is the
    // set without RPE (read at the lift's typical RPE 8, not Brzycki's 100 × 36 / 32).
    assert!(close(rows[0].best_e1rm.unwrap().kg(), 100.0 / 0.811));
    assert_eq!(weight(rows[0].heaviest), Some(100.0));
    assert!(close(rows[0].volume_kg, 1_000.0));
    // The pull-up has no external load and no e1RM; its volume counts the day's 80 kg.
    assert_eq!((rows[1].best_e1rm, rows[1].heaviest), (None, None));
    assert!(close(rows[1].volume_kg, 540.0));

    // Wednesday's two squat slots are one row. 110 × 3 is read at the typical RPE 8 (1 of the
    // window's 3 sets rated: a third): 86.3 % → 127.46; then 1 of 4 is under a third, so 90 × 8
    // is Brzycki's 90 × 36 / 29 = 111.72. The best is the first.
    assert!(close(rows[2].best_e1rm.unwrap().kg(), 110.0 / 0.863));
    assert_eq!(weight(rows[2].heaviest), Some(110.0));
    assert!(close(rows[2].volume_kg, 330.0 + 720.0));
    assert_eq!((rows[3].best_e1rm, rows[3].heaviest), (None, None));
    assert!(close(rows[3].volume_kg, 0.0));

    // The running session takes the profile's 75 kg for its bodyweight set, as its stored
    // summary does.
    assert!(close(rows[7].best_e1rm.unwrap().kg(), 120.0));
    assert!(close(rows[8].volume_kg, 75.0 * 5.0));

    // Each finished session's exercises add up to its stored volume.
    for load in store.session_loads(None, day(31)).unwrap() {
        let sum: f64 = rows
            .iter()
            .filter(|r| r.session == load.session)
            .map(|r| r.volume_kg)
            .sum();
        assert!(close(sum, load.volume_kg), "{sum} vs {}", load.volume_kg);
    }

    let week: Vec<NaiveDate> = store
        .exercise_sessions(Some(day(4)), day(9))
        .unwrap()
        .iter()
        .map(|r| r.date)
        .collect();
    assert_eq!(week, [day(4), day(4), day(4), day(9), day(9)]);
    assert!(
        store
            .exercise_sessions(Some(day(6)), day(6))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn muscle_sets_carry_each_exercises_muscles_and_working_sets() {
    let store = store();
    let h = history(&store);
    let rows = store.muscle_sets(day(2), day(4)).unwrap();
    let got: Vec<(NaiveDate, ExerciseId, Vec<&str>, u32)> = rows
        .iter()
        .map(|r| {
            (
                r.date,
                r.exercise,
                r.muscles.iter().map(String::as_str).collect(),
                r.sets,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (day(2), h.squat, vec!["quads", "glutes"], 2),
            (day(2), h.pull_up, vec!["lats"], 1),
            (day(4), h.squat, vec!["quads", "glutes"], 2),
            (day(4), h.row, vec![], 1),
            (day(4), h.bike, vec!["quads"], 1),
        ]
    );
    assert_eq!(store.muscle_sets(day(10), day(10)).unwrap().len(), 2);
}

#[test]
fn previous_performances_skip_abandoned_and_later_sessions() {
    let store = store();
    let h = history(&store);
    // The Monday after: the pull-up was last done on the 2nd, the squat on Wednesday (the
    // abandoned 200 kg single on Friday does not count).
    let previous = store.previous_performances(h.sessions[3]).unwrap();
    assert_eq!(previous.len(), 2);
    let (exercise, pull_up) = &previous[0];
    assert_eq!((*exercise, pull_up.session), (h.pull_up, h.sessions[0]));
    assert_eq!((pull_up.sets, pull_up.top_set), (1, None));
    let (exercise, squat) = &previous[1];
    assert_eq!((*exercise, squat.session), (h.squat, h.sessions[1]));
    assert_eq!(squat.date, day(4));
    assert_eq!(squat.sets, 2);
    let top = squat.top_set.unwrap();
    assert_eq!((top.weight.kg(), top.reps), (110.0, reps(3)));
    assert!(close(squat.e1rm.unwrap().kg(), 110.0 / 0.863));
    assert!(close(squat.volume_kg, 1_050.0));
    // The same numbers `performances` gives for that session.
    let all = store.performances(h.squat, usize::MAX).unwrap();
    assert_eq!(all.iter().find(|p| p.session == h.sessions[1]), Some(squat));

    // Wednesday: the squat's last time is Monday; rowing and the bike are new.
    let previous = store.previous_performances(h.sessions[1]).unwrap();
    assert_eq!(previous.len(), 1);
    assert_eq!((previous[0].0, previous[0].1.sets), (h.squat, 2));
    assert_eq!(previous[0].1.mean_rpe, Some(8.0));
    // The first session has nothing to compare with; the running one compares with the 9th.
    assert!(
        store
            .previous_performances(h.sessions[0])
            .unwrap()
            .is_empty()
    );
    let previous = store.previous_performances(h.sessions[4]).unwrap();
    let sessions: Vec<_> = previous.iter().map(|(e, p)| (*e, p.session)).collect();
    assert_eq!(
        sessions,
        [(h.squat, h.sessions[3]), (h.pull_up, h.sessions[3])]
    );
    assert!(matches!(
        store.previous_performances(SessionId(999)),
        Err(StoreError::NotFound {
            what: "session",
            id: 999
        })
    ));
}

#[test]
fn a_hand_edited_zone_model_is_named_in_the_error() {
    let store = store();
    let h = history(&store);
    store
        .conn
        .execute_batch("PRAGMA ignore_check_constraints = ON")
        .unwrap();
    store
        .conn
        .execute(
            "UPDATE session SET zone_model = 'coggan' WHERE id = ?1",
            [h.sessions[1].0],
        )
        .unwrap();
    let err = store.session_loads(None, day(31)).unwrap_err();
    assert!(
        matches!(err, StoreError::Corrupt { table: "session", id, .. } if id == h.sessions[1].0),
        "{err}"
    );
    assert!(err.to_string().contains("\"coggan\""), "{err}");
    // A range without that session still reads.
    assert_eq!(store.session_loads(Some(day(9)), day(9)).unwrap().len(), 1);
}

#[test]
fn a_hand_edited_session_rpe_is_named_in_the_error_of_both_readers() {
    let store = store();
    let h = history(&store);
    store
        .conn
        .execute_batch("PRAGMA ignore_check_constraints = ON")
        .unwrap();
    store
        .conn
        .execute(
            "UPDATE session SET rpe = 12 WHERE id = ?1",
            [h.sessions[0].0],
        )
        .unwrap();
    for err in [
        store.session_loads(None, day(31)).unwrap_err(),
        store.recent_sessions(10, 0).unwrap_err(),
    ] {
        assert!(
            matches!(err, StoreError::Corrupt { table: "session", id, .. } if id == h.sessions[0].0),
            "{err}"
        );
        assert!(
            err.to_string().contains("session RPE must be 0–10, got 12"),
            "{err}"
        );
    }
}

#[test]
fn a_hand_edited_muscle_list_is_named_in_the_error() {
    let store = store();
    let h = history(&store);
    store
        .conn
        .execute(
            "UPDATE exercise SET muscles = 'quads' WHERE id = ?1",
            [h.squat.0],
        )
        .unwrap();
    let err = store.muscle_sets(day(2), day(9)).unwrap_err();
    assert!(
        matches!(err, StoreError::Corrupt { table: "exercise", id, .. } if id == h.squat.0),
        "{err}"
    );
    assert!(err.to_string().contains("Test Squat"), "{err}");
}

fn reading(rmssd_ms: f64, sdnn_ms: Option<f64>) -> HrvReading {
    HrvReading {
        date: day(1),
        rmssd_ms,
        sdnn_ms,
        beats: 180,
        dropped: 2,
        duration_s: 180,
    }
}

#[test]
fn hrv_readings_round_trip_in_time_order_by_day() {
    let store = store();
    let later = store
        .record_hrv_reading(at(3, 6, 45), &reading(48.5, Some(61.25)))
        .unwrap();
    let earlier = store
        .record_hrv_reading(at(2, 23, 59), &reading(55.0, None))
        .unwrap();
    assert_ne!(later, earlier);
    store
        .record_hrv_readings([
            (at(3, 7, 0), &reading(50.0, Some(60.0))),
            (at(5, 0, 0), &reading(60.0, Some(70.0))),
        ])
        .unwrap();
    let all = store.hrv_readings(None, day(31)).unwrap();
    let got: Vec<(NaiveDate, f64, Option<f64>)> = all
        .iter()
        .map(|r| (r.date, r.rmssd_ms, r.sdnn_ms))
        .collect();
    // The day is the day it was taken, whatever the reading said.
    assert_eq!(
        got,
        [
            (day(2), 55.0, None),
            (day(3), 48.5, Some(61.25)),
            (day(3), 50.0, Some(60.0)),
            (day(5), 60.0, Some(70.0)),
        ]
    );
    assert_eq!(
        (all[0].beats, all[0].dropped, all[0].duration_s),
        (180, 2, 180)
    );
    assert_eq!(store.hrv_readings(Some(day(3)), day(3)).unwrap().len(), 2);
    assert_eq!(store.hrv_readings(Some(day(4)), day(5)).unwrap().len(), 1);
    assert!(store.hrv_readings(None, day(1)).unwrap().is_empty());
}

#[test]
fn impossible_hrv_readings_are_refused_and_nothing_of_a_batch_is_kept() {
    let store = store();
    let cases = [
        (reading(0.0, None), "RMSSD must be a positive number"),
        (reading(f64::NAN, None), "RMSSD must be a positive number"),
        (reading(40.0, Some(-1.0)), "SDNN must be zero or more"),
        (
            HrvReading {
                beats: 1,
                ..reading(40.0, None)
            },
            "at least 2 clean beats, got 1",
        ),
        (
            HrvReading {
                duration_s: 0,
                ..reading(40.0, None)
            },
            "must last at least a second",
        ),
    ];
    for (bad, message) in cases {
        match store.record_hrv_reading(at(2, 7, 0), &bad) {
            Err(StoreError::Invalid(text)) => assert!(text.contains(message), "{text}"),
            other => panic!("{bad:?} gave {other:?}"),
        }
    }
    let good = reading(45.0, Some(50.0));
    let zero = reading(0.0, None);
    assert!(
        store
            .record_hrv_readings([(at(2, 7, 0), &good), (at(3, 7, 0), &zero)])
            .is_err()
    );
    assert!(store.hrv_readings(None, day(31)).unwrap().is_empty());
}
