use std::time::Duration;

use super::*;
use crate::core::heart::set_hr::SetHr;
use crate::core::heart::settings::HrSettings;
use crate::core::heart::summary::HrSummary;
use crate::core::profile::Profile;
use crate::core::profile::ZoneKind;
use crate::core::workout::session::SetId;
use crate::hr::sim::{Script, SimModel, SimParams};
use crate::store::HistoryHr;
use crate::store::fixtures::{at, custom, lift, store};

/// The storage budget for an hour of HR + RR (performance.md).
const BUDGET_BYTES_PER_HOUR: i64 = 100_000;

fn bpm(v: u32) -> Bpm {
    Bpm::try_from(v).unwrap()
}

fn profile() -> Profile {
    Profile::example().hr(190, 50).lthr(165)
}

fn sample(second: u32, b: u32, rr: &[u16]) -> HrSample {
    HrSample {
        offset_ms: second * 1000,
        bpm: bpm(b),
        rr: rr.iter().map(|&r| Rr::from_raw(r)).collect(),
    }
}

fn gap(from_s: u32, to_s: u32, reason: GapReason) -> HrGap {
    HrGap {
        from_ms: from_s * 1000,
        to_ms: to_s * 1000,
        reason,
    }
}

/// A session with one exercise of `sets` working sets, finished.
fn session_with_sets(store: &Store, name: &str, sets: usize) -> (SessionId, Vec<SetId>) {
    let session = store.start_session(at(0), "Push").unwrap();
    let exercise = custom(store, name);
    let slot = store.add_slot(session, exercise).unwrap().id;
    let ids = (0..sets)
        .map(|i| {
            store
                .log_sets(slot, &[lift(60.0, 5)], at(i as i64 + 1))
                .unwrap()[0]
                .id
        })
        .collect();
    (session, ids)
}

fn count(store: &Store, sql: &str) -> i64 {
    store.conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn pages(store: &Store) -> i64 {
    let count: i64 = store
        .conn
        .pragma_query_value(None, "page_count", |r| r.get(0))
        .unwrap();
    let size: i64 = store
        .conn
        .pragma_query_value(None, "page_size", |r| r.get(0))
        .unwrap();
    count * size
}

#[test]
fn batches_append_and_read_back_in_order_with_their_rr_and_gaps() {
    let store = store();
    let session = store.start_session(at(0), "Legs").unwrap();
    let first = [
        sample(0, 70, &[880]),
        sample(1, 71, &[]),
        sample(2, 72, &[860, 850]),
    ];
    let second = [sample(30, 95, &[650]), sample(31, 96, &[640, 2, 65_535])];
    let dropout = gap(2, 30, GapReason::NoContact);
    store.append_hr(session, &first, &[]).unwrap();
    store.append_hr(session, &second, &[dropout]).unwrap();

    let hr = store.session_hr(session).unwrap();
    let expected: Vec<_> = first.iter().chain(&second).cloned().collect();
    assert_eq!(
        hr.samples, expected,
        "RR come back exactly, raw units and all"
    );
    assert_eq!(hr.gaps, [dropout]);
    let other = store.start_session(at(100), "Pull").unwrap();
    assert_eq!(store.session_hr(other).unwrap(), SessionHr::default());
}

#[test]
fn hr_tables_are_without_rowid() {
    let store = store();
    for table in ["hr_sample", "hr_gap"] {
        let err = store
            .conn
            .prepare(&format!("SELECT rowid FROM {table}"))
            .unwrap_err();
        assert!(err.to_string().contains("rowid"), "{table}: {err}");
    }
    // An ordinary table still has one.
    store.conn.prepare("SELECT rowid FROM session").unwrap();
}

#[test]
fn a_bad_batch_stores_nothing_and_says_why() {
    let store = store();
    let session = store.start_session(at(0), "Legs").unwrap();
    store
        .append_hr(session, &[sample(5, 80, &[])], &[])
        .unwrap();

    // Sample 6 s is fine, but 5 s is stored already: the whole batch is refused.
    let err = store
        .append_hr(session, &[sample(4, 80, &[]), sample(5, 81, &[])], &[])
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)), "{err}");
    assert!(
        err.to_string()
            .contains("already has a heart-rate sample at 5000 ms"),
        "{err}"
    );

    let err = store
        .append_hr(session, &[sample(9, 80, &[]), sample(8, 80, &[])], &[])
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "heart-rate samples must be in time order: 8000 ms came after 9000 ms"
    );
    let err = store
        .append_hr(
            session,
            &[sample(12, 80, &[])],
            &[gap(10, 20, GapReason::Silent)],
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "a heart-rate sample at 12000 ms lies inside the gap 10000–20000 ms"
    );
    let err = store
        .append_hr(session, &[], &[gap(20, 20, GapReason::Silent)])
        .unwrap_err();
    assert!(
        err.to_string().contains("must end after it starts"),
        "{err}"
    );
    let err = store
        .append_hr(SessionId(999), &[sample(0, 80, &[])], &[])
        .unwrap_err();
    assert!(matches!(
        err,
        StoreError::NotFound {
            what: "session",
            id: 999
        }
    ));

    assert_eq!(
        store.session_hr(session).unwrap().samples,
        [sample(5, 80, &[])]
    );
    assert_eq!(count(&store, "SELECT count(*) FROM hr_gap"), 0);
}

#[test]
fn a_retried_batch_that_had_landed_already_is_stored_once() {
    let store = store();
    let session = store.start_session(at(0), "Legs").unwrap();
    let batch = [sample(1, 80, &[1000]), sample(2, 81, &[])];
    let gaps = [gap(2, 9, GapReason::DiskFull)];
    store.append_hr(session, &batch, &gaps).unwrap();
    // The app was told the commit failed, so it sends the same batch (and more) again.
    let again = [
        sample(1, 80, &[1000]),
        sample(2, 81, &[]),
        sample(9, 82, &[]),
    ];
    store.append_hr(session, &again, &gaps).unwrap();
    let hr = store.session_hr(session).unwrap();
    assert_eq!(hr.samples, again, "each sample once");
    assert_eq!(hr.gaps, gaps);
    // Something else at a stored offset is still refused.
    let err = store
        .append_hr(session, &[sample(2, 90, &[])], &[])
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("already has a heart-rate sample at 2000 ms"),
        "{err}"
    );
    let err = store
        .append_hr(session, &[], &[gap(2, 5, GapReason::DiskFull)])
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("already has a heart-rate gap at 2000 ms"),
        "{err}"
    );
}

#[test]
fn heart_rate_given_up_unsaved_is_a_gap_with_its_reason() {
    let store = store();
    let session = store.start_session(at(0), "Legs").unwrap();
    let gaps = [
        gap(10, 20, GapReason::DiskFull),
        gap(30, 40, GapReason::WriteFailed),
    ];
    store.append_hr(session, &[], &gaps).unwrap();
    assert_eq!(store.session_hr(session).unwrap().gaps, gaps);
}

#[test]
fn gaps_are_recorded_not_filled_in() {
    let store = store();
    store.save_profile(&profile()).unwrap();
    let session = store.start_session(at(0), "Legs").unwrap();
    // A minute at 150, the strap off for nine minutes, a minute at 150.
    let before: Vec<_> = (0..=60).map(|s| sample(s, 150, &[])).collect();
    let after: Vec<_> = (600..=660).map(|s| sample(s, 150, &[])).collect();
    store.append_hr(session, &before, &[]).unwrap();
    store
        .append_hr(session, &after, &[gap(60, 600, GapReason::Disconnected)])
        .unwrap();

    let hr = store.session_hr(session).unwrap();
    assert_eq!(hr.samples.len(), 122, "nothing was made up for the gap");
    assert!(
        !hr.samples
            .iter()
            .any(|s| (60_001..600_000).contains(&s.offset_ms))
    );
    let summary = store.finish_hr(session).unwrap().unwrap();
    assert_eq!(summary.seconds, 120, "the gap counts no time");
    // 150 bpm = 71 % of reserve (rest 50, max 190): Karvonen Z3.
    assert_eq!(summary.zone_seconds, [0, 0, 0, 120, 0, 0, 0]);
}

#[test]
fn set_hr_round_trips_in_session_order() {
    let store = store();
    let (session, sets) = session_with_sets(&store, "Press", 3);
    let hr = SetHr {
        start: Some(bpm(95)),
        end: Some(bpm(150)),
        peak: Some(bpm(156)),
        recovery_30: Some(22),
        recovery_60: Some(-3),
    };
    store.set_hr(sets[1], &hr).unwrap();
    assert_eq!(
        store.session_set_hr(session).unwrap(),
        [
            (sets[0], SetHr::default()),
            (sets[1], hr),
            (sets[2], SetHr::default())
        ]
    );
    assert!(matches!(
        store.set_hr(SetId(777), &hr),
        Err(StoreError::NotFound { what: "set", .. })
    ));
}

#[test]
fn finish_hr_summarises_with_the_snapshot_and_stores_it() {
    let store = store();
    store.save_profile(&profile()).unwrap();
    let session = store.start_session(at(0), "Legs").unwrap();
    assert_eq!(store.hr_settings(session).unwrap(), None);
    // An hour at 140 bpm (science.md: hrTSS 55.5 with rest 50, max 190, LTHR 165).
    let hour: Vec<_> = (0..=3600).map(|s| sample(s, 140, &[])).collect();
    for batch in hour.chunks(2) {
        store.append_hr(session, batch, &[]).unwrap();
    }
    let summary = store.finish_hr(session).unwrap().unwrap();
    assert!(
        (summary.hr_tss.unwrap() - 55.54).abs() < 0.01,
        "{summary:?}"
    );
    assert_eq!(store.hr_summary(session).unwrap(), Some(summary));
    assert_eq!(
        store.hr_settings(session).unwrap(),
        Some(HrSettings::from_profile(&profile())),
        "the profile's settings were snapshotted"
    );

    // A later profile change leaves the session's zones alone; its own snapshot decides.
    store
        .save_profile(&Profile {
            hr_rest: bpm(70),
            ..profile()
        })
        .unwrap();
    assert_eq!(store.finish_hr(session).unwrap(), Some(summary));

    // Friel zones without an LTHR cannot be computed: said so, nothing changed.
    let friel = store.start_session(at(200), "Run").unwrap();
    store
        .set_hr_settings(
            friel,
            &HrSettings {
                lthr: None,
                zones: ZoneKind::FrielRun,
                ..HrSettings::from_profile(&profile())
            },
        )
        .unwrap();
    let err = store.finish_hr(friel).unwrap_err();
    assert!(err.to_string().contains("LTHR"), "{err}");

    let empty = store.start_session(at(400), "No strap").unwrap();
    assert_eq!(store.finish_hr(empty).unwrap(), None);
    assert_eq!(store.hr_summary(empty).unwrap(), None);
}

#[test]
fn finish_hr_needs_a_profile() {
    let store = store();
    let session = store.start_session(at(0), "Legs").unwrap();
    let err = store.finish_hr(session).unwrap_err();
    assert!(err.to_string().contains("profile"), "{err}");
}

#[test]
fn summaries_over_a_range_come_from_the_session_rows() {
    let store = store();
    let summary = |avg: f64| HrSummary {
        avg_bpm: avg,
        max_bpm: bpm(170),
        seconds: 3_000,
        trimp: 61.5,
        hr_tss: Some(40.25),
        rmssd_ms: None,
        rr_dropped: 4,
        zone_seconds: [100, 200, 300, 400, 500, 600, 900],
    };
    let settings = HrSettings {
        max: bpm(185),
        rest: bpm(55),
        lthr: Some(bpm(160)),
        zones: ZoneKind::FrielBike,
    };
    let days: Vec<_> = (0..4)
        .map(|d| store.start_session(at(d * 24 * 60), "Day").unwrap())
        .collect();
    store
        .save_hr_summary(days[0], Some(&summary(101.0)))
        .unwrap();
    store
        .save_hr_summary(days[2], Some(&summary(103.0)))
        .unwrap();
    store.set_hr_settings(days[2], &settings).unwrap();
    store
        .save_hr_summary(days[3], Some(&summary(104.0)))
        .unwrap();

    // Days 0–2 (day 1 has no heart rate): no sample is read, none exists.
    let found = store.hr_summaries(at(0), at(3 * 24 * 60)).unwrap();
    assert_eq!(
        found,
        [
            SessionHrSummary {
                session: days[0],
                started_at: at(0),
                settings: None,
                summary: summary(101.0),
            },
            SessionHrSummary {
                session: days[2],
                started_at: at(2 * 24 * 60),
                settings: Some(settings),
                summary: summary(103.0),
            },
        ]
    );
    store.save_hr_summary(days[0], None).unwrap();
    assert_eq!(store.hr_summaries(at(0), at(1)).unwrap(), []);
    assert!(matches!(
        store.save_hr_summary(SessionId(99), None),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn deleting_a_session_deletes_its_heart_rate() {
    let store = store();
    let session = store.start_session(at(0), "Legs").unwrap();
    store
        .append_hr(
            session,
            &[sample(0, 80, &[900]), sample(9, 80, &[])],
            &[gap(0, 9, GapReason::Silent)],
        )
        .unwrap();
    store.delete_session(session).unwrap();
    assert_eq!(
        count(
            &store,
            "SELECT (SELECT count(*) FROM hr_sample) + (SELECT count(*) FROM hr_gap)"
        ),
        0
    );
}

#[test]
fn history_hr_is_all_or_nothing_and_fills_every_part() {
    let store = store();
    let (a, a_sets) = session_with_sets(&store, "Press", 2);
    let (b, _) = session_with_sets(&store, "Row", 1);
    let set = SetHr {
        start: Some(bpm(90)),
        ..SetHr::default()
    };
    let good = HistoryHr {
        session: a,
        settings: HrSettings::from_profile(&profile()),
        samples: vec![sample(0, 90, &[700]), sample(1, 91, &[])],
        gaps: vec![],
        sets: vec![set, SetHr::default()],
        summary: None,
    };
    let wrong_sets = HistoryHr {
        session: b,
        sets: vec![set, set],
        ..good.clone()
    };
    let err = store.insert_history_hr([&good, &wrong_sets]).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("session {} has 1 sets but heart rate for 2 was given", b.0)
    );
    assert_eq!(count(&store, "SELECT count(*) FROM hr_sample"), 0);
    assert_eq!(store.hr_settings(a).unwrap(), None);

    assert_eq!(store.insert_history_hr([&good]).unwrap(), 2);
    assert_eq!(store.session_hr(a).unwrap().samples, good.samples);
    assert_eq!(
        store.session_set_hr(a).unwrap(),
        [(a_sets[0], set), (a_sets[1], SetHr::default())]
    );
    assert_eq!(store.hr_settings(a).unwrap(), Some(good.settings));
}

/// Bytes the database grows by per hour of `hour` heart rate, over ten sessions of it.
fn bytes_per_hour(hour: &[HrSample]) -> i64 {
    let store = store();
    let sessions: Vec<_> = (0..10)
        .map(|i| store.start_session(at(i * 100), "Hour").unwrap())
        .collect();
    let before = pages(&store);
    for &session in &sessions {
        // As the app writes: a batch every 2 s.
        for batch in hour.chunks(2) {
            store.append_hr(session, batch, &[]).unwrap();
        }
    }
    (pages(&store) - before) / 10
}

#[test]
fn an_hour_at_1_hz_with_an_rr_per_beat_fits_the_100_kb_budget() {
    // 60 bpm: one notification a second, each carrying the one RR interval of its beat.
    let hour: Vec<_> = (0..3600).map(|s| sample(s, 60, &[1024])).collect();
    let bytes = bytes_per_hour(&hour);
    // Measured: 61,030 bytes (59.6 KiB); a little room for SQLite's page splits.
    assert!((55_000..=70_000).contains(&bytes), "{bytes} bytes per hour");
    assert!(bytes <= BUDGET_BYTES_PER_HOUR);
}

/// An hour of the simulator's lifter: 40 s sets, 2 min rests, ~100–150 bpm, so about two RR
/// intervals per notification.
fn simulated_hour() -> Vec<HrSample> {
    let mut model = SimModel::new(SimParams::default(), 1);
    let script = Script::default();
    (0..3600)
        .map(|s| {
            let working = script.working(Duration::from_secs(s.into()));
            let (b, rr) = model.step(Duration::from_secs(1), working);
            HrSample {
                offset_ms: s * 1000,
                bpm: b,
                rr: rr.into_iter().filter_map(Rr::from_ms).collect(),
            }
        })
        .collect()
}

#[test]
fn a_simulated_lifting_hour_fits_the_budget_too() {
    let hour = simulated_hour();
    let beats: usize = hour.iter().map(|s| s.rr.len()).sum();
    assert!(
        (6_000..=8_000).contains(&beats),
        "{beats} beats in the hour"
    );
    let bytes = bytes_per_hour(&hour);
    // Measured: 70,041 bytes (68.4 KiB) for 7,082 beats.
    assert!(bytes <= BUDGET_BYTES_PER_HOUR, "{bytes} bytes per hour");
}

#[test]
fn a_row_per_rr_interval_would_break_the_budget() {
    // Why RR ride on the sample row: the same simulated hour with RR in a table of their own
    // (session_id, offset_ms, rr in 1/1024 s; WITHOUT ROWID) and a row per interval.
    let conn = rusqlite::Connection::open_in_memory().unwrap();
    conn.execute_batch(
        "CREATE TABLE hr (session_id INTEGER NOT NULL, offset_ms INTEGER NOT NULL,
             bpm INTEGER NOT NULL, PRIMARY KEY (session_id, offset_ms)) STRICT, WITHOUT ROWID;
         CREATE TABLE rr (session_id INTEGER NOT NULL, offset_ms INTEGER NOT NULL,
             rr INTEGER NOT NULL, PRIMARY KEY (session_id, offset_ms)) STRICT, WITHOUT ROWID;",
    )
    .unwrap();
    let size = |conn: &rusqlite::Connection| -> i64 {
        conn.query_row(
            "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size",
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    let hour = simulated_hour();
    let before = size(&conn);
    for session in 1..=10 {
        let tx = conn.unchecked_transaction().unwrap();
        for s in &hour {
            tx.execute(
                "INSERT INTO hr VALUES (?1, ?2, ?3)",
                params![session, s.offset_ms, s.bpm.get()],
            )
            .unwrap();
            // Each interval needs its own key: the beat's time, spread over the second.
            for (i, rr) in (0_u32..).zip(&s.rr) {
                tx.execute(
                    "INSERT INTO rr VALUES (?1, ?2, ?3)",
                    params![session, s.offset_ms + i, rr.raw()],
                )
                .unwrap();
            }
        }
        tx.commit().unwrap();
    }
    let bytes = (size(&conn) - before) / 10;
    // Measured: 155,238 bytes, over one and a half times the budget (and 2.2 × ours).
    assert!(
        bytes > BUDGET_BYTES_PER_HOUR * 5 / 4,
        "{bytes} bytes per hour"
    );
}
