//! Records stored and kept true: logging, editing, deleting, abandoning, bulk inserts, upgrades.

use super::*;
use crate::core::history::past_sets;
use crate::core::records::records as recompute;
use crate::core::session::SlotId;
use crate::core::set::SetSpec;
use crate::store::fixtures::{at, custom, kg, lift, store};

const DAY: i64 = 24 * 60;

/// A session on `day` with one slot of `exercise`, and its sets logged at once.
fn session(
    store: &Store,
    exercise: ExerciseId,
    day: i64,
    sets: &[SetSpec],
) -> (SessionId, SlotId, Vec<LoggedSet>) {
    let id = store.start_session(at(day * DAY), "").unwrap();
    let slot = store.add_slot(id, exercise).unwrap().id;
    let logged = store.log_sets(slot, sets, at(day * DAY + 10)).unwrap();
    (id, slot, logged)
}

fn row(store: &Store, exercise: ExerciseId, kind: PrKind) -> Option<PersonalRecord> {
    store
        .record_rows(exercise)
        .unwrap()
        .into_iter()
        .find(|r| r.kind == kind)
}

fn load(record: Option<PersonalRecord>) -> Option<f64> {
    match record?.value {
        PrValue::Load(w) => Some(w.kg()),
        PrValue::VolumeKg(_) => None,
    }
}

/// The stored records equal the fold over the history, value for value.
#[track_caller]
fn assert_true_to_history(store: &Store, exercise: ExerciseId) {
    let history = store.exercise_history(exercise).unwrap();
    let expected = recompute(&past_sets(&history));
    let stored = store.records(exercise).unwrap();
    let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() < 1e-6,
        (a, b) => a == b,
    };
    assert!(
        close(
            stored.best_e1rm.map(Weight::kg),
            expected.best_e1rm.map(Weight::kg)
        ),
        "{stored:?} vs {expected:?}"
    );
    assert!(
        close(stored.best_volume_kg, expected.best_volume_kg),
        "{stored:?} vs {expected:?}"
    );
    for (s, e) in stored.rep_bests.iter().zip(&expected.rep_bests) {
        assert!(
            close(s.map(Weight::kg), e.map(Weight::kg)),
            "{stored:?} vs {expected:?}"
        );
    }
}

#[test]
fn a_logged_set_becomes_every_record_it_sets() {
    let store = store();
    let bench = custom(&store, "Bench");
    let (id, _, logged) = session(&store, bench, 0, &[lift(100.0, 5)]);
    let rows = store.record_rows(bench).unwrap();
    let kinds: Vec<PrKind> = rows.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        [
            PrKind::E1rm,
            PrKind::Heaviest,
            PrKind::Reps(2),
            PrKind::Reps(3),
            PrKind::Reps(4),
            PrKind::Reps(5),
            PrKind::SessionVolume
        ]
    );
    // Brzycki 100 × 5 = 112.5 (science.md).
    assert!((load(row(&store, bench, PrKind::E1rm)).unwrap() - 112.5).abs() < 1e-9);
    let e1rm = row(&store, bench, PrKind::E1rm).unwrap();
    assert_eq!(
        (e1rm.set, e1rm.session, e1rm.achieved_at),
        (Some(logged[0].id), id, at(10))
    );
    let volume = row(&store, bench, PrKind::SessionVolume).unwrap();
    assert_eq!((volume.value, volume.set), (PrValue::VolumeKg(500.0), None));

    // A second session: heavier triple, lighter total.
    let (_, _, triple) = session(&store, bench, 2, &[lift(110.0, 3)]);
    assert_eq!(load(row(&store, bench, PrKind::Heaviest)), Some(110.0));
    assert_eq!(load(row(&store, bench, PrKind::Reps(3))), Some(110.0));
    assert_eq!(load(row(&store, bench, PrKind::Reps(5))), Some(100.0));
    assert_eq!(
        row(&store, bench, PrKind::Reps(3)).unwrap().set,
        Some(triple[0].id)
    );
    assert_eq!(
        row(&store, bench, PrKind::Reps(5)).unwrap().set,
        Some(logged[0].id)
    );
    // 110 × 36 / 34 = 116.47 beats 112.5; 330 kg does not beat 500 kg.
    assert!((load(row(&store, bench, PrKind::E1rm)).unwrap() - 116.470_588).abs() < 1e-5);
    assert_eq!(
        row(&store, bench, PrKind::SessionVolume).unwrap().value,
        PrValue::VolumeKg(500.0)
    );
    assert_true_to_history(&store, bench);
}

#[test]
fn warm_ups_and_bodyweight_sets_set_no_records() {
    let store = store();
    let bench = custom(&store, "Bench");
    let warmup = SetSpec {
        kind: SetKind::Warmup,
        ..lift(60.0, 5)
    };
    let bodyweight = SetSpec {
        load: Load::Bodyweight {
            added: kg(20.0),
            assisted: false,
        },
        ..lift(0.0, 8)
    };
    session(&store, bench, 0, &[warmup, bodyweight]);
    assert!(store.record_rows(bench).unwrap().is_empty());
}

#[test]
fn editing_the_record_set_down_falls_back_to_the_previous_best() {
    let store = store();
    let bench = custom(&store, "Bench");
    let (first, _, _) = session(&store, bench, 0, &[lift(100.0, 5), lift(100.0, 5)]);
    let (_, _, pr) = session(&store, bench, 2, &[lift(105.0, 5)]);
    assert_eq!(load(row(&store, bench, PrKind::Reps(5))), Some(105.0));
    store.update_set(pr[0].id, &lift(95.0, 5)).unwrap();
    let five = row(&store, bench, PrKind::Reps(5)).unwrap();
    assert_eq!(load(Some(five)), Some(100.0));
    assert_eq!(five.session, first, "the first 100 × 5 holds it again");
    assert!((load(row(&store, bench, PrKind::E1rm)).unwrap() - 112.5).abs() < 1e-9);
    assert_true_to_history(&store, bench);
}

#[test]
fn deleting_the_record_set_falls_back_and_its_volume_with_it() {
    let store = store();
    let bench = custom(&store, "Bench");
    session(&store, bench, 0, &[lift(100.0, 5)]);
    let (second, _, sets) = session(&store, bench, 2, &[lift(102.5, 5), lift(102.5, 5)]);
    let volume = row(&store, bench, PrKind::SessionVolume).unwrap();
    assert_eq!(
        (volume.value, volume.session),
        (PrValue::VolumeKg(1025.0), second)
    );

    store.delete_set(sets[0].id).unwrap();
    // 102.5 × 5 still stands (the other set); volume falls to 512.5.
    assert_eq!(load(row(&store, bench, PrKind::Heaviest)), Some(102.5));
    assert_eq!(
        row(&store, bench, PrKind::Heaviest).unwrap().set,
        Some(sets[1].id)
    );
    assert_eq!(
        row(&store, bench, PrKind::SessionVolume).unwrap().value,
        PrValue::VolumeKg(512.5)
    );
    store.delete_set(sets[1].id).unwrap();
    assert_eq!(load(row(&store, bench, PrKind::Heaviest)), Some(100.0));
    assert_eq!(
        row(&store, bench, PrKind::SessionVolume).unwrap().value,
        PrValue::VolumeKg(500.0)
    );
    assert_true_to_history(&store, bench);
}

#[test]
fn volume_is_per_session_across_both_slots_of_a_lift() {
    let store = store();
    let bench = custom(&store, "Bench");
    session(&store, bench, 0, &[lift(100.0, 5), lift(100.0, 5)]);
    let id = store.start_session(at(2 * DAY), "").unwrap();
    for _ in 0..2 {
        let slot = store.add_slot(id, bench).unwrap().id;
        store
            .log_sets(slot, &[lift(80.0, 8)], at(2 * DAY + 5))
            .unwrap();
    }
    // Each slot alone is 640 kg; the session's 1280 beats 1000.
    let volume = row(&store, bench, PrKind::SessionVolume).unwrap();
    assert_eq!(
        (volume.value, volume.session),
        (PrValue::VolumeKg(1280.0), id)
    );
    assert_true_to_history(&store, bench);
}

#[test]
fn deleting_abandoning_and_removing_recompute_the_records() {
    let store = store();
    let bench = custom(&store, "Bench");
    session(&store, bench, 0, &[lift(100.0, 5)]);
    let (second, _, _) = session(&store, bench, 2, &[lift(110.0, 5)]);
    store.delete_session(second).unwrap();
    assert_eq!(load(row(&store, bench, PrKind::Heaviest)), Some(100.0));

    let (third, slot, _) = session(&store, bench, 4, &[lift(120.0, 5)]);
    store.abandon_session(third, at(4 * DAY + 30)).unwrap();
    assert_eq!(
        load(row(&store, bench, PrKind::Heaviest)),
        Some(100.0),
        "abandoned sessions count for nothing"
    );
    assert!(
        store
            .log_sets(slot, &[lift(130.0, 1)], at(4 * DAY + 31))
            .is_ok()
    );
    assert_eq!(load(row(&store, bench, PrKind::Heaviest)), Some(100.0));

    let (_, slot, _) = session(&store, bench, 6, &[lift(115.0, 5)]);
    assert_eq!(load(row(&store, bench, PrKind::Heaviest)), Some(115.0));
    store.remove_slot(slot).unwrap();
    assert_eq!(load(row(&store, bench, PrKind::Heaviest)), Some(100.0));
    assert_true_to_history(&store, bench);
    assert!(matches!(
        store.delete_session(SessionId(9_999)),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn many_logs_keep_the_table_equal_to_a_full_recompute() {
    let store = store();
    let bench = custom(&store, "Bench");
    let row_ = custom(&store, "Row");
    // A deterministic zig-zag: weights and reps up and down over 30 sessions, with RPEs.
    for day in 0..30_i64 {
        let id = store.start_session(at(day * DAY), "").unwrap();
        for (exercise, base) in [(bench, 80.0), (row_, 60.0)] {
            let slot = store.add_slot(id, exercise).unwrap().id;
            for set in 0..3_i64 {
                let weight = base + ((day * 7 + set * 3) % 11) as f64 * 2.5;
                let reps = 1 + ((day * 5 + set) % 12) as u32;
                let mut spec = lift(weight, reps);
                if set == 2 {
                    spec.effort = Some(Effort::Rpe(
                        Rpe::try_from(7.0 + (day % 4) as f64 * 0.5).unwrap(),
                    ));
                }
                store.log_sets(slot, &[spec], at(day * DAY + set)).unwrap();
            }
        }
        store
            .finish_session(id, at(day * DAY + 60), None, "")
            .unwrap();
    }
    assert_true_to_history(&store, bench);
    assert_true_to_history(&store, row_);
    // The incremental rows are the ones a recompute writes, holders included.
    let before = store.all_records().unwrap();
    let tx = store.write().unwrap();
    store.recompute_all_records().unwrap();
    store.commit(tx, "test").unwrap();
    let after = store.all_records().unwrap();
    assert_eq!(before.len(), after.len());
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(
            (b.exercise, b.kind, b.set, b.session, b.achieved_at),
            (a.exercise, a.kind, a.set, a.session, a.achieved_at)
        );
        assert!((value_kg(b.value) - value_kg(a.value)).abs() < 1e-6);
    }
    // all_records lists exercises by name: Test Bench, then Test Row.
    assert_eq!(after.first().unwrap().exercise, bench);
    assert_eq!(after.last().unwrap().exercise, row_);
}

#[test]
fn a_database_from_before_records_gets_them_on_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        // A schema-1 database with one set of 100 × 5, written as that version wrote it.
        let conn = rusqlite::Connection::open(&path).unwrap();
        crate::store::migrations::apply(&conn, &crate::store::migrations::MIGRATIONS[..1]).unwrap();
        conn.execute_batch(
            "INSERT INTO exercise (id, name, kind, equipment, mechanics, created_at)
                 VALUES (500, 'Test Bench', 'strength', 'barbell', 'compound', 0);
             INSERT INTO session (id, started_at, ended_at, status) VALUES (1, 0, 3600000, 'finished');
             INSERT INTO session_exercise (id, session_id, exercise_id, position) VALUES (1, 1, 500, 1);
             INSERT INTO set_entry (id, session_exercise_id, position, kind, weight_kg, reps, completed_at, e1rm_kg)
                 VALUES (1, 1, 1, 'working', 100.0, 5, 60000, 112.5);",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        crate::store::SCHEMA_VERSION
    );
    let bench = ExerciseId(500);
    assert_eq!(load(row(&store, bench, PrKind::Heaviest)), Some(100.0));
    assert_eq!(
        row(&store, bench, PrKind::Heaviest).unwrap().set,
        Some(SetId(1))
    );
    assert_true_to_history(&store, bench);
}

#[test]
fn a_hand_edited_record_kind_is_reported() {
    let store = store();
    let bench = custom(&store, "Bench");
    session(&store, bench, 0, &[lift(100.0, 5)]);
    store
        .conn
        .execute(
            "UPDATE personal_record SET value_kg = -5 WHERE kind = 'heaviest'",
            [],
        )
        .unwrap();
    let err = store.records(bench).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Corrupt {
                table: "personal_record",
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn a_broken_record_row_is_rebuilt_by_the_next_set_not_a_refusal() {
    let store = store();
    let bench = custom(&store, "Bench");
    let (_, slot, _) = session(&store, bench, 0, &[lift(100.0, 5)]);
    store
        .conn
        .execute(
            "UPDATE personal_record SET value_kg = -5 WHERE kind = 'heaviest'",
            [],
        )
        .unwrap();
    store.log_sets(slot, &[lift(90.0, 5)], at(20)).unwrap();
    assert_eq!(load(row(&store, bench, PrKind::Heaviest)), Some(100.0));
    assert_true_to_history(&store, bench);
}
