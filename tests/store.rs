//! The store against real files: refusals that leave foreign files untouched, the single-instance
//! lock, a full disk, and check/backup next to a running app.

#[path = "support/store_rows.rs"]
mod store_rows;

use std::fs;
use std::path::Path;
use std::sync::mpsc;
use std::thread;

use ironpulse::store::{self, SCHEMA_VERSION, Store, StoreError};
use rusqlite::Connection;
use store_rows::{at, entries, lift, session_with_slot, side};

fn assert_no_side_files(path: &Path) {
    for suffix in ["-wal", "-shm", "-journal"] {
        assert!(
            !side(path, suffix).exists(),
            "{suffix} file was created next to {}",
            path.display()
        );
    }
}

/// Opens `path` and checks that it was refused, the bytes are unchanged and no side file appeared.
fn refused_untouched(path: &Path) -> StoreError {
    let before = fs::read(path).unwrap();
    let err = Store::open(path).unwrap_err();
    assert_eq!(
        fs::read(path).unwrap(),
        before,
        "a refused file must not change"
    );
    assert_no_side_files(path);
    err
}

#[test]
fn a_newer_schema_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ironpulse.db");
    drop(Store::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", 999).unwrap();
    drop(conn);
    assert_no_side_files(&path);

    let err = refused_untouched(&path);
    assert!(
        matches!(err, StoreError::NewerSchema { found: 999, supported, .. } if supported == SCHEMA_VERSION),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(
        message.contains(&format!(
            "was written by a newer ironpulse (schema 999, this build knows {SCHEMA_VERSION})"
        )),
        "{message}"
    );
    assert!(
        message.contains("Nothing was changed. Upgrade ironpulse."),
        "{message}"
    );
}

#[test]
fn random_bytes_are_not_a_database_and_are_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let bytes: Vec<u8> = (0..4096)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state.to_le_bytes()[0]
        })
        .collect();
    fs::write(&path, &bytes).unwrap();

    let err = refused_untouched(&path);
    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err:?}");
    assert!(
        !side(&path, ".lock").exists(),
        "no lock file left beside a refused file"
    );
    assert!(
        err.to_string()
            .contains("is not an ironpulse database (not SQLite). Nothing was changed.")
    );
}

#[test]
fn another_programs_sqlite_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    for (name, app_id) in [("plain.db", 0), ("tagged.db", 0x1234_5678)] {
        let path = dir.path().join(name);
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "application_id", app_id).unwrap();
        conn.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('milk');")
            .unwrap();
        drop(conn);

        let err = refused_untouched(&path);
        assert!(
            !side(&path, ".lock").exists(),
            "no lock file left beside a refused file"
        );
        assert!(
            matches!(err, StoreError::NotIronpulse { application_id, .. } if application_id == app_id),
            "{err:?}"
        );
        assert!(
            err.to_string()
                .contains("Nothing was changed. Point --db at another file.")
        );
    }
}

#[test]
fn a_second_open_is_locked_with_our_pid_until_the_first_is_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested").join("ironpulse.db");
    let first = Store::open(&path).unwrap();
    let err = Store::open(&path).unwrap_err();
    let pid = std::process::id();
    assert!(
        matches!(err, StoreError::Locked { pid: Some(p), .. } if p == pid),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        format!(
            "{} is open in another ironpulse (pid {pid}). Close it, or use --db to open another database.",
            path.display()
        )
    );
    drop(first);
    let again = Store::open(&path).unwrap();
    assert_eq!(again.schema_version().unwrap(), SCHEMA_VERSION);
}

#[test]
fn a_reader_beside_the_app_sees_each_logged_set_and_cannot_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ironpulse.db");
    let app = Store::open(&path).unwrap();
    let (session, slot) = session_with_slot(&app);
    app.log_sets(slot, &[lift(100.0, 5)], at(1)).unwrap();

    let reader = Store::open_to_read(&path).unwrap();
    assert_eq!(reader.session(session).unwrap().unwrap().set_count(), 1);
    app.log_sets(slot, &[lift(102.5, 5)], at(3)).unwrap();
    assert_eq!(
        reader.session(session).unwrap().unwrap().set_count(),
        2,
        "a set the app commits is seen by the open reader"
    );
    let refused = reader.log_sets(slot, &[lift(1.0, 1)], at(4));
    assert!(refused.is_err(), "a reader beside the app writes nothing");
    drop(reader);
    assert_eq!(app.session(session).unwrap().unwrap().set_count(), 2);
    drop(app);

    // With the app closed a reader still takes no lock: the app can start while it reads.
    let alone = Store::open_to_read(&path).unwrap();
    let app = Store::open(&path).unwrap();
    drop((alone, app));
}

#[test]
fn the_app_waits_a_moment_for_a_short_command_holding_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ironpulse.db");
    // A `report` holds the database for 200 ms.
    let report = Store::open(&path).unwrap();
    let (opened, released) = mpsc::channel();
    let holder = thread::spawn(move || {
        opened.send(()).unwrap();
        thread::sleep(std::time::Duration::from_millis(200));
        drop(report);
    });
    released.recv().unwrap();
    assert!(matches!(
        Store::open_when_free(&path, std::time::Duration::ZERO).unwrap_err(),
        StoreError::Locked { .. }
    ));
    let app = Store::open_when_free(&path, std::time::Duration::from_secs(5)).unwrap();
    assert_eq!(app.schema_version().unwrap(), SCHEMA_VERSION);
    holder.join().unwrap();
}

#[test]
fn data_survives_closing_and_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ironpulse.db");
    let store = Store::open(&path).unwrap();
    let (session, slot) = session_with_slot(&store);
    store
        .log_sets(slot, &[lift(100.0, 5), lift(105.0, 3)], at(5))
        .unwrap();
    let before = store.session(session).unwrap();
    let exercises = store.exercises().unwrap();
    drop(store);
    assert_no_side_files(&path);

    let store = Store::open(&path).unwrap();
    assert_eq!(store.session(session).unwrap(), before);
    assert_eq!(store.active_session().unwrap(), before);
    assert_eq!(
        store.exercises().unwrap(),
        exercises,
        "the catalogue is not seeded twice"
    );
}

#[test]
fn a_full_disk_fails_the_whole_batch_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ironpulse.db");
    let store = Store::open(&path).unwrap();
    let (session, slot) = session_with_slot(&store);
    store.log_sets(slot, &[lift(100.0, 5)], at(1)).unwrap();
    store.limit_pages_for_tests().unwrap();

    // Far more than fits in the pages left, so the batch must run out of room part-way.
    let batch = vec![lift(100.0, 5); 2000];
    let err = store.log_sets(slot, &batch, at(2)).unwrap_err();
    assert!(matches!(err, StoreError::DiskFull { .. }), "{err:?}");
    let message = err.to_string();
    assert!(
        message.contains("could not save: the disk is full"),
        "{message}"
    );
    assert!(message.contains("Nothing partial was stored"), "{message}");

    let stored = store.session(session).unwrap().unwrap();
    assert_eq!(
        stored.set_count(),
        1,
        "no set of the failed batch may be stored"
    );
    assert_eq!(store.recent_sessions(1, 0).unwrap()[0].sets, 1);
    drop(store);
    assert_eq!(
        Store::open(&path)
            .unwrap()
            .session(session)
            .unwrap()
            .unwrap()
            .set_count(),
        1
    );
}

#[test]
fn check_and_backup_work_while_the_app_is_writing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ironpulse.db");
    let store = Store::open(&path).unwrap();
    let (session, slot) = session_with_slot(&store);
    store.log_sets(slot, &[lift(60.0, 10)], at(1)).unwrap();

    // The app keeps logging on its own thread while we check and back up.
    let (started, ready) = mpsc::channel();
    let writer = thread::spawn(move || {
        started.send(()).unwrap();
        for i in 0..200 {
            store
                .log_sets(
                    slot,
                    &[lift(60.0 + f64::from(i % 10), 10)],
                    at(2 + i64::from(i)),
                )
                .unwrap();
        }
        store
    });
    ready.recv().unwrap();

    let report = store::check(&path).unwrap();
    assert!(report.is_ok(), "{report}");
    assert_eq!(report.schema_version, SCHEMA_VERSION);
    assert_eq!(report.sessions, 1);
    assert!(report.sets >= 1);

    let dest = dir.path().join("backups").join("copy.db");
    let backup = store::backup(&path, &dest).unwrap();
    assert!(backup.sets >= 1 && backup.sets <= 201, "{backup:?}");

    let store = writer.join().unwrap();
    assert_eq!(store.session(session).unwrap().unwrap().set_count(), 201);
    let copy = store::check(&dest).unwrap();
    assert!(copy.is_ok(), "{copy}");
    assert_eq!(copy.sets, backup.sets);
    drop(store);
}

#[test]
fn a_backup_round_trips_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ironpulse.db");
    let dest = dir.path().join("backup.db");
    let store = Store::open(&path).unwrap();
    let (session, slot) = session_with_slot(&store);
    store
        .log_sets(
            slot,
            &[lift(100.0, 5), lift(100.0, 5), lift(100.0, 4)],
            at(10),
        )
        .unwrap();
    store
        .finish_session(session, at(60), Some(8), "solid")
        .unwrap();
    let second = store.start_session(at(24 * 60), "Next day").unwrap();
    let original = (
        store.session(session).unwrap(),
        store.session(second).unwrap(),
        store.recent_sessions(10, 0).unwrap(),
    );

    let report = store::backup(&path, &dest).unwrap();
    assert_eq!((report.sessions, report.sets), (2, 3));
    assert!(matches!(
        store::backup(&path, &dest),
        Err(StoreError::BackupExists { .. })
    ));
    drop(store);
    assert_no_side_files(&dest);

    let restored = Store::open(&dest).unwrap();
    let copy = (
        restored.session(session).unwrap(),
        restored.session(second).unwrap(),
        restored.recent_sessions(10, 0).unwrap(),
    );
    assert_eq!(copy, original);
    assert!((copy.2[1].volume_kg - 1400.0).abs() < 1e-9);
}

#[test]
fn check_refuses_files_that_are_not_ironpulse() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE notes (body TEXT);")
        .unwrap();
    drop(conn);
    let before = fs::read(&path).unwrap();
    assert!(matches!(
        store::check(&path),
        Err(StoreError::NotIronpulse { .. })
    ));
    assert!(matches!(
        store::backup(&path, &dir.path().join("b.db")),
        Err(StoreError::NotIronpulse { .. })
    ));
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_no_side_files(&path);
}

/// The deload key's requests through the store worker: start, the dashboard's reload and the
/// next start-up see it, then it ends early.
#[test]
fn a_deload_started_in_the_app_is_stored_reloaded_and_ended() {
    use chrono::NaiveDate;
    use ironpulse::app::store_worker::{
        DeloadReply, DeloadRequest, StoreReply, StoreRequest, answer,
    };
    use ironpulse::read::Startup;
    let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    let store = Store::open_in_memory().unwrap();
    let StoreReply::Deload(DeloadReply::Started(week)) = answer(
        &store,
        StoreRequest::Deload(DeloadRequest::Start {
            start: day(21),
            end: day(27),
        }),
    ) else {
        panic!("not started")
    };
    assert_eq!((week.start, week.end), (day(21), Some(day(27))));
    assert_eq!(store.deloads().unwrap(), std::slice::from_ref(&week));
    let StoreReply::Deload(DeloadReply::Checked { current, advice }) = answer(
        &store,
        StoreRequest::Deload(DeloadRequest::Check { today: day(23) }),
    ) else {
        panic!("no deload check")
    };
    assert_eq!(current.as_ref(), Some(&week));
    assert!(advice.signals.is_empty());
    assert_eq!(
        Startup::read(&store, day(23)).unwrap().deload_week,
        Some(week.clone())
    );
    assert_eq!(Startup::read(&store, day(28)).unwrap().deload_week, None);
    let StoreReply::Deload(DeloadReply::Ended(Some(ended))) = answer(
        &store,
        StoreRequest::Deload(DeloadRequest::End {
            id: week.id,
            today: day(23),
        }),
    ) else {
        panic!("not ended")
    };
    assert_eq!(ended.end, Some(day(22)));
    assert_eq!(Startup::read(&store, day(23)).unwrap().deload_week, None);
}

/// Every way in (the app, a reader, `db check`, `db backup`) refuses `path` as not a file, by
/// name and kind, and leaves nothing new in `dir`.
fn refused_as(dir: &Path, path: &Path, kind: &str) {
    let before = entries(dir);
    let sides = ["-wal", "-shm", "-journal", ".lock"].map(|suffix| side(path, suffix));
    let scratch = tempfile::tempdir().unwrap();
    let good = scratch.path().join("good.db");
    drop(Store::open(&good).unwrap());
    let attempts = [
        ("open", Store::open(path).map(drop)),
        ("open_to_read", Store::open_to_read(path).map(drop)),
        ("check", store::check(path).map(drop)),
        (
            "backup from",
            store::backup(path, &scratch.path().join("copy.db")).map(drop),
        ),
        ("backup to", store::backup(&good, path).map(drop)),
    ];
    for (how, result) in attempts {
        match result {
            Err(err @ StoreError::NotAFile { .. }) => {
                let message = err.to_string();
                assert!(
                    message.starts_with(&format!("{} is {kind},", path.display())),
                    "{how}: {message}"
                );
            }
            other => panic!("{how} {}: expected NotAFile, got {other:?}", path.display()),
        }
        assert_eq!(
            entries(dir),
            before,
            "{how} left something beside {}",
            path.display()
        );
        for side in &sides {
            assert!(!side.exists(), "{how} created {}", side.display());
        }
    }
}

#[test]
fn paths_that_are_not_regular_files_are_refused_by_name_with_nothing_created() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("a-folder.db");
    fs::create_dir(&folder).unwrap();
    refused_as(dir.path(), &folder, "a directory");

    let fifo = dir.path().join("pipe.db");
    // Made here rather than with mkfifo(1): a child process started beside these tests would
    // hold their lock files for a moment.
    rustix::fs::mknodat(
        rustix::fs::CWD,
        &fifo,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o644),
        0,
    )
    .unwrap();
    refused_as(dir.path(), &fifo, "a named pipe (FIFO)");

    // A link to /dev/null is /dev/null: its side files would land here, next to the link. (The
    // test never touches /dev/null itself: before the fix a failed backup removed its target.)
    let null = dir.path().join("null.db");
    std::os::unix::fs::symlink("/dev/null", &null).unwrap();
    refused_as(dir.path(), &null, "a character device");
}

#[test]
fn a_clean_close_leaves_nothing_but_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ironpulse.db");
    let store = Store::open(&path).unwrap();
    assert!(side(&path, ".lock").exists(), "the app holds its lock file");
    let (session, slot) = session_with_slot(&store);
    store.log_sets(slot, &[lift(100.0, 5)], at(1)).unwrap();
    store.finish_session(session, at(30), Some(8), "").unwrap();
    drop(store);
    assert_eq!(entries(dir.path()), std::slice::from_ref(&path));

    // A crash (kill -9) leaves the lock file with a dead PID, locked by nobody: harmless, taken
    // over by the next start and removed by its clean close.
    fs::write(side(&path, ".lock"), "4194304\n").unwrap();
    let next = Store::open(&path).unwrap();
    assert_eq!(
        fs::read_to_string(side(&path, ".lock")).unwrap().trim(),
        std::process::id().to_string()
    );
    drop(next);
    assert_eq!(entries(dir.path()), [path]);
}

#[test]
fn a_reader_takes_no_lock_writes_nothing_and_leaves_nothing_beside_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ironpulse.db");
    let app = Store::open(&path).unwrap();
    let (session, slot) = session_with_slot(&app);
    app.log_sets(slot, &[lift(100.0, 5)], at(1)).unwrap();
    drop(app);
    let before = fs::read(&path).unwrap();

    let reader = Store::open_to_read(&path).unwrap();
    assert!(!side(&path, ".lock").exists(), "a reader takes no lock");
    assert!(
        reader.log_sets(slot, &[lift(1.0, 1)], at(2)).is_err(),
        "a reader refuses every write"
    );
    // The app starts while the reader reads, and the reader sees what it logs.
    let app = Store::open(&path).unwrap();
    app.log_sets(slot, &[lift(102.5, 5)], at(3)).unwrap();
    assert_eq!(reader.session(session).unwrap().unwrap().set_count(), 2);
    drop(app);
    drop(reader);
    assert_eq!(entries(dir.path()), std::slice::from_ref(&path));

    // Alone, it leaves the file as it found it.
    let before_read = fs::read(&path).unwrap();
    assert_ne!(before, before_read, "the app's set was written");
    drop(Store::open_to_read(&path).unwrap());
    assert_eq!(fs::read(&path).unwrap(), before_read);
    assert_eq!(entries(dir.path()), [path]);
}

#[test]
fn a_reader_that_must_update_the_catalogue_first_locks_then_leaves_no_lock_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ironpulse.db");
    drop(Store::open(&path).unwrap());
    let catalogue = |path: &Path| -> String {
        Connection::open(path)
            .unwrap()
            .query_row(
                "SELECT value FROM meta WHERE key = 'catalogue_version'",
                [],
                |r| r.get(0),
            )
            .unwrap()
    };
    let current = catalogue(&path);
    Connection::open(&path)
        .unwrap()
        .execute(
            "UPDATE meta SET value = '0' WHERE key = 'catalogue_version'",
            [],
        )
        .unwrap();

    let reader = Store::open_to_read(&path).unwrap();
    assert!(
        side(&path, ".lock").exists(),
        "updating the catalogue is a write, under the lock"
    );
    drop(reader);
    assert_eq!(catalogue(&path), current);
    assert_eq!(entries(dir.path()), [path]);
}
