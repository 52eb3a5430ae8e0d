//! Records stored and kept true: logging, editing, deleting, abandoning, bulk inserts, upgrades.

use super::*;
use crate::core::strength::history::past_sets;
use crate::core::strength::records::records as recompute;
use crate::core::units::Rpe;
use crate::core::workout::session::SlotId;
use crate::core::workout::set::{Effort, SetKind, SetSpec, Totals};
use crate::store::fixtures::{at, custom, kg, lift, store, with_body_weight};

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

/// The stored e1RM of each set the reader reads, in reading order.
fn stored_e1rms(store: &Store, exercise: ExerciseId) -> Vec<Option<f64>> {
    store
        .conn
        .prepare(&format!(
            "SELECT s.e1rm_kg FROM set_entry s
             JOIN session_exercise se ON se.id = s.session_exercise_id
             JOIN session ses ON ses.id = se.session_id
             WHERE {READ_SETS} ORDER BY {READ_ORDER}"
        ))
        .unwrap()
        .query_map([exercise.0], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// The stored e1RMs are the reader's walk over the history, and the stored records the fold
/// over it (session volume by [`Totals`] at each session's body weight), value for value.
#[track_caller]
fn assert_true_to_history(store: &Store, exercise: ExerciseId) {
    let history = store.exercise_history(exercise).unwrap();
    let mut reader = Reader::new(store.pinned_formula().unwrap());
    let past = past_sets(&history, &mut reader);
    let walked: Vec<Option<f64>> = past
        .iter()
        .filter(|p| p.counts())
        .map(|p| p.e1rm.map(Weight::kg))
        .collect();
    let stored_walk = stored_e1rms(store, exercise);
    assert_eq!(walked.len(), stored_walk.len());
    for (w, s) in walked.iter().zip(&stored_walk) {
        assert!(same_e1rm(*w, *s), "{walked:?} vs stored {stored_walk:?}");
    }
    let mut expected = recompute(&past);
    for performance in &history {
        let body = store
            .session(performance.session)
            .unwrap()
            .unwrap()
            .body_weight;
        let volume = Totals::of(&performance.sets, body).volume_kg;
        if volume > 0.0 {
            expected.add_session_volume(volume);
        }
    }
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
fn warm_ups_set_no_records_and_bodyweight_sets_only_the_volume_one() {
    let store = store();
    with_body_weight(&store, 80.0);
    let dips = custom(&store, "Dips");
    let warmup = SetSpec {
        kind: SetKind::Warmup,
        ..lift(60.0, 5)
    };
    session(&store, dips, 0, &[warmup]);
    assert!(store.record_rows(dips).unwrap().is_empty());
    // bw+20 × 8 at 80 kg is (80 + 20) × 8 = 800 kg of volume, as the session's summary counts
    // it; it has no external load, so no load record.
    let weighted = SetSpec {
        load: Load::Bodyweight {
            added: kg(20.0),
            assisted: false,
        },
        ..lift(0.0, 8)
    };
    let (id, _, _) = session(&store, dips, 2, &[warmup, weighted]);
    let rows = store.record_rows(dips).unwrap();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(
        (rows[0].kind, rows[0].value, rows[0].session),
        (PrKind::SessionVolume, PrValue::VolumeKg(800.0), id)
    );
    let session_volume = store.recent_sessions(1, 0).unwrap()[0].volume_kg;
    assert!((session_volume - 800.0).abs() < 1e-9);
    assert_true_to_history(&store, dips);
}

#[test]
fn a_bodyweight_set_counts_in_the_volume_record_as_in_the_session_total() {
    // The issue: the bw+20 set counted in the session's volume but not the volume record.
    let store = store();
    with_body_weight(&store, 80.0);
    let pull = custom(&store, "Pull");
    let bw = |added: f64| SetSpec {
        load: Load::Bodyweight {
            added: kg(added),
            assisted: false,
        },
        ..lift(0.0, 8)
    };
    // Day 0: 60 × 10 (600). Day 2: 60 × 5 (300) and bw+20 × 8 (800) = 1100: a volume PR.
    session(&store, pull, 0, &[lift(60.0, 10)]);
    let (second, _, _) = session(&store, pull, 2, &[lift(60.0, 5), bw(20.0)]);
    let volume = row(&store, pull, PrKind::SessionVolume).unwrap();
    assert_eq!(
        (volume.value, volume.session),
        (PrValue::VolumeKg(1100.0), second)
    );
    assert_true_to_history(&store, pull);
}

#[test]
fn an_unrated_set_on_a_rated_lift_is_stored_at_the_typical_rpe() {
    // Bench rated @ 8 for two sessions, then 85 × 5 with no RPE: stored (and a record) at
    // 5 @ 8 = 81.1 % → 104.81 kg, not Brzycki's 95.6 kg.
    let store = store();
    let bench = custom(&store, "Bench");
    let at8 = |w: f64| SetSpec {
        effort: Some(Effort::Rpe(Rpe::try_from(8.0).unwrap())),
        ..lift(w, 5)
    };
    session(&store, bench, 0, &[at8(80.0), at8(80.0), at8(80.0)]);
    session(&store, bench, 2, &[at8(82.5), at8(82.5), at8(82.5)]);
    let (_, _, plain) = session(&store, bench, 4, &[lift(85.0, 5)]);
    let stored: Option<f64> = store
        .conn
        .query_row(
            "SELECT e1rm_kg FROM set_entry WHERE id = ?1",
            [plain[0].id.0],
            |r| r.get(0),
        )
        .unwrap();
    assert!((stored.unwrap() - 85.0 / 0.811).abs() < 1e-9, "{stored:?}");
    let e1rm = row(&store, bench, PrKind::E1rm).unwrap();
    assert_eq!(e1rm.set, Some(plain[0].id));
    assert_true_to_history(&store, bench);
    // The trend reads the same stored value: no dip on the day without an RPE.
    let trend = store
        .e1rm_trend(bench, crate::core::strength::history::TrendBy::Session)
        .unwrap();
    let kgs: Vec<f64> = trend.iter().map(|p| p.e1rm.kg()).collect();
    assert!(kgs.windows(2).all(|w| w[1] > w[0]), "{kgs:?}");
}

#[test]
fn logging_never_changes_an_earlier_sets_estimate_but_an_edit_rereads_the_later_ones() {
    let store = store();
    let bench = custom(&store, "Bench");
    let at = |w: f64, rpe: Option<f64>| SetSpec {
        effort: rpe.map(|r| Effort::Rpe(Rpe::try_from(r).unwrap())),
        ..lift(w, 5)
    };
    // Unrated: Brzycki.
    let (_, _, first) = session(&store, bench, 0, &[at(100.0, None), at(100.0, None)]);
    let before = stored_e1rms(&store, bench);
    assert!((before[0].unwrap() - 112.5).abs() < 1e-9);
    // Rated sessions after it leave it as it was.
    session(&store, bench, 2, &[at(100.0, Some(9.0)); 3]);
    session(&store, bench, 4, &[at(100.0, None)]);
    let after = stored_e1rms(&store, bench);
    assert_eq!(after[..2], before[..]);
    // Day 4's unrated set reads at the typical 9 (5 @ 9 = 83.7 %): 3 rated of the window's 6.
    assert!(
        (after[5].unwrap() - 100.0 / 0.837).abs() < 1e-9,
        "{after:?}"
    );
    // Rating day 0's first set 7 re-reads the sets after it: the second, unrated, now reads at
    // the typical 7 (5 @ 7 = 78.6 %) instead of Brzycki; day 4 at the higher middle of 7, 9, 9, 9.
    store
        .update_set(first[0].id, &at(100.0, Some(7.0)))
        .unwrap();
    let edited = stored_e1rms(&store, bench);
    assert!(
        (edited[0].unwrap() - 100.0 / 0.786).abs() < 1e-9,
        "{edited:?}"
    );
    assert!(
        (edited[1].unwrap() - 100.0 / 0.786).abs() < 1e-9,
        "{edited:?}"
    );
    assert!(
        (edited[5].unwrap() - 100.0 / 0.837).abs() < 1e-9,
        "{edited:?}"
    );
    assert_true_to_history(&store, bench);
}

#[test]
fn a_set_logged_before_later_sets_of_its_lift_rereads_them() {
    // Two bench slots in one session: the second's rated sets are read after the first's, so a
    // set added to the first slot later changes their windows — the lift is re-read.
    let store = store();
    let bench = custom(&store, "Bench");
    let at8 = SetSpec {
        effort: Some(Effort::Rpe(Rpe::try_from(8.0).unwrap())),
        ..lift(100.0, 5)
    };
    let id = store.start_session(at(0), "").unwrap();
    let first = store.add_slot(id, bench).unwrap().id;
    let second = store.add_slot(id, bench).unwrap().id;
    store.log_sets(first, &[lift(100.0, 5)], at(1)).unwrap();
    store.log_sets(second, &[at8, at8], at(2)).unwrap();
    store.log_sets(first, &[lift(100.0, 5)], at(3)).unwrap();
    assert_true_to_history(&store, bench);
    // The first slot's two unrated sets come first (none rated: Brzycki), then the rated pair
    // at 5 @ 8 — the late set went in before them, not after.
    let e1rms = stored_e1rms(&store, bench);
    assert!((e1rms[0].unwrap() - 112.5).abs() < 1e-9, "{e1rms:?}");
    assert!((e1rms[1].unwrap() - 112.5).abs() < 1e-9, "{e1rms:?}");
    assert!(
        (e1rms[3].unwrap() - 100.0 / 0.811).abs() < 1e-9,
        "{e1rms:?}"
    );
}

#[test]
fn slots_without_a_readable_set_do_not_shorten_the_window() {
    // Thirty sessions of warm-ups only come after twelve rated sessions: the latest slots hold
    // nothing the reader reads, so the window reaches back past them to the rated sets.
    let store = store();
    let bench = custom(&store, "Bench");
    let at8 = SetSpec {
        effort: Some(Effort::Rpe(Rpe::try_from(8.0).unwrap())),
        ..lift(100.0, 5)
    };
    let warmup = SetSpec {
        kind: SetKind::Warmup,
        ..lift(60.0, 5)
    };
    for day in 0..12 {
        session(&store, bench, day, &[at8]);
    }
    for day in 12..42 {
        session(&store, bench, day, &[warmup]);
    }
    let (_, _, plain) = session(&store, bench, 42, &[lift(100.0, 5)]);
    let stored: Option<f64> = store
        .conn
        .query_row(
            "SELECT e1rm_kg FROM set_entry WHERE id = ?1",
            [plain[0].id.0],
            |r| r.get(0),
        )
        .unwrap();
    assert!((stored.unwrap() - 100.0 / 0.811).abs() < 1e-9, "{stored:?}");
    assert_true_to_history(&store, bench);
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
fn a_database_from_schema_4_gets_its_e1rms_volumes_and_records_reread_on_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v4.db");
    {
        // Schema 4, as it stored things: a rated bench session, then 85 × 5 unrated stored at
        // Brzycki's 95.625; a bw+20 pull-up session with no volume record.
        let conn = rusqlite::Connection::open(&path).unwrap();
        crate::store::migrations::apply(&conn, &crate::store::migrations::MIGRATIONS[..4]).unwrap();
        conn.execute_batch(
            "INSERT INTO profile (id, unit, body_weight_kg, sex, birth_year, hr_max, hr_rest, bar_kg)
                 VALUES (1, 'kg', 80.0, 'm', 1985, 185, 55, 20.0);
             INSERT INTO exercise (id, name, kind, equipment, mechanics, created_at)
                 VALUES (500, 'Test Bench', 'strength', 'barbell', 'compound', 0),
                        (501, 'Test Pull', 'strength', 'bodyweight', 'compound', 0);
             INSERT INTO session (id, started_at, ended_at, status, body_weight_kg, sets, volume_kg, exercises)
                 VALUES (1, 0, 3600000, 'finished', 80.0, 2, 800.0, 1),
                        (2, 86400000, 90000000, 'finished', 80.0, 2, 1225.0, 2);
             INSERT INTO session_exercise (id, session_id, exercise_id, position)
                 VALUES (1, 1, 500, 1), (2, 2, 500, 1), (3, 2, 501, 2);
             INSERT INTO set_entry (id, session_exercise_id, position, kind, weight_kg, reps, rpe, rir,
                                    effort_entered, completed_at, e1rm_kg, bodyweight)
                 VALUES (1, 1, 1, 'working', 80.0, 5, 8.0, 2.0, 'rpe', 60000, 98.6436, 0),
                        (2, 1, 2, 'working', 80.0, 5, 8.0, 2.0, 'rpe', 120000, 98.6436, 0),
                        (3, 2, 1, 'working', 85.0, 5, NULL, NULL, NULL, 86460000, 95.625, 0),
                        (4, 3, 1, 'working', 20.0, 8, NULL, NULL, NULL, 86520000, NULL, 1);",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let bench = ExerciseId(500);
    let pull = ExerciseId(501);
    // The unrated 85 × 5 is re-read at the lift's typical RPE 8.
    let e1rms = stored_e1rms(&store, bench);
    assert!((e1rms[2].unwrap() - 85.0 / 0.811).abs() < 1e-9, "{e1rms:?}");
    assert_eq!(
        row(&store, bench, PrKind::E1rm).unwrap().set,
        Some(SetId(3))
    );
    // The pull-up's slot volume and volume record: (80 + 20) × 8.
    let volume = row(&store, pull, PrKind::SessionVolume).unwrap();
    assert_eq!(volume.value, PrValue::VolumeKg(800.0));
    assert_true_to_history(&store, bench);
    assert_true_to_history(&store, pull);
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
