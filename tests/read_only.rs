//! Databases the user may not write: a read-only file, folder or mount, opened for reviewing
//! only — in the store, and through the real binary run as someone who may not write them
//! (`nobody` under root, see support/reader.rs). Kept apart from tests/store.rs: the child
//! processes started here would hold that file's lock files for a moment.

#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "support/reader.rs"]
mod reader;
#[path = "support/store_rows.rs"]
mod store_rows;

use std::fs;
use std::path::{Path, PathBuf};

use ironpulse::core::workout::exercise::{Equipment, ExerciseKind, Mechanics};
use ironpulse::core::workout::session::SlotId;
use ironpulse::store::{self, SCHEMA_VERSION, Store, StoreError};
use rusqlite::Connection;
use store_rows::{at, entries, lift, session_with_slot, side};

/// A database with one finished session of `sets` sets, closed cleanly (no `-wal`, no lock file
/// left): what a lifter's folder holds between sessions. Returns the session's slot.
fn closed_database(path: &Path, sets: usize) -> SlotId {
    let store = Store::open(path).unwrap();
    let (session, slot) = session_with_slot(&store);
    store
        .log_sets(slot, &vec![lift(100.0, 5); sets], at(10))
        .unwrap();
    store.finish_session(session, at(60), Some(8), "").unwrap();
    drop(store);
    assert_eq!(entries(path.parent().unwrap()), [path.to_path_buf()]);
    slot
}

fn set_count(path: &Path) -> i64 {
    let conn =
        Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    conn.query_row("SELECT count(*) FROM set_entry", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_read_only_store_reviews_everything_and_refuses_every_change_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.db");
    let slot = closed_database(&path, 3);
    let before = entries(dir.path());
    let why = store::ReadOnly::Folder(dir.path().to_path_buf());

    let store = Store::open_read_only(&path, why.clone()).unwrap();
    assert_eq!(store.read_only(), Some(&why));
    let sessions = store.recent_sessions(8, 0).unwrap();
    assert_eq!(sessions.len(), 1);
    assert_eq!(sessions[0].sets, 3);
    let session = store.session(sessions[0].id).unwrap().unwrap();
    assert_eq!(session.set_count(), 3);
    let set = session.slots[0].sets[0].id;

    let writes = [
        (
            "start a session",
            store.start_session(at(90), "Again").map(drop),
        ),
        (
            "log a set",
            store.log_sets(slot, &[lift(50.0, 5)], at(91)).map(drop),
        ),
        ("delete a set", store.delete_set(set).map(drop)),
        (
            "save a set's heart rate",
            store.set_hr(set, &ironpulse::core::heart::set_hr::SetHr::default()),
        ),
        (
            "record a deload",
            store.record_deload(at(0).date_naive(), None, "").map(drop),
        ),
    ];
    for (what, result) in writes {
        match result {
            Err(StoreError::ReadOnly { path: p, why: w }) => {
                assert_eq!((p, w), (path.clone(), why.clone()), "{what}");
            }
            other => panic!("{what}: expected ReadOnly, got {other:?}"),
        }
    }
    let message = store.start_session(at(90), "x").unwrap_err().to_string();
    assert_eq!(
        message,
        format!(
            "{} cannot be written: its folder {} is read-only. Nothing was saved. Fix: chmod u+w {} \
             (as its owner), or copy the database to a writable place and use --db.",
            path.display(),
            dir.path().display(),
            dir.path().display()
        )
    );
    drop(store);
    assert_eq!(
        entries(dir.path()),
        before,
        "no lock, journal, -wal or -shm file"
    );
    assert_eq!(set_count(&path), 3, "nothing changed");
}

#[test]
fn reading_only_sees_what_a_crashed_app_left_in_the_write_ahead_log() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crashed.db");
    let store = Store::open(&path).unwrap();
    let (_, slot) = session_with_slot(&store);
    store.log_sets(slot, &[lift(100.0, 5); 4], at(10)).unwrap();
    // A kill -9: the connection never closes, so the sets are in the -wal file only.
    std::mem::forget(store);
    assert!(fs::metadata(side(&path, "-wal")).unwrap().len() > 0);

    let why = store::ReadOnly::File(path.clone());
    let store = Store::open_read_only(&path, why).unwrap();
    let session = store.active_session().unwrap().unwrap();
    assert_eq!(session.set_count(), 4, "the sets in the -wal are read");
}

#[test]
fn a_read_only_database_of_an_older_schema_is_refused_saying_how_to_upgrade_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    closed_database(&path, 1);
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION - 1)
        .unwrap();
    drop(conn);
    let why = store::ReadOnly::File(path.clone());
    let err = Store::open_read_only(&path, why).unwrap_err();
    assert!(
        matches!(err, StoreError::ReadOnlyOutdated { found, .. } if found == SCHEMA_VERSION - 1),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .ends_with("then start ironpulse once to upgrade it."),
        "{err}"
    );
}

/// A throwaway home the reader may use (config, logs).
fn reader_home() -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    for sub in ["home", "config", "data", "state", "cache"] {
        fs::create_dir(home.path().join(sub)).unwrap();
        reader::writable_dir(&home.path().join(sub));
    }
    reader::writable_dir(home.path());
    home
}

/// `ironpulse --db db args…` run by the reader.
fn read_as_reader(home: &Path, db: &Path, args: &[&str]) -> std::process::Output {
    let mut command = reader::command(Path::new(env!("CARGO_BIN_EXE_ironpulse")));
    for (key, sub) in [
        ("HOME", "home"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ] {
        command.env(key, home.join(sub));
    }
    command
        .env_remove("IRONPULSE_DB")
        .env_remove("IRONPULSE_LOG")
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

/// Every command that only reads works for a reader who may not write `db` (or its folder), and
/// leaves nothing new beside it; a command that writes is refused with `why`.
fn only_reading_works(dir: &Path, db: &Path, why: &str) {
    let home = reader_home();
    let before = entries(dir);
    for args in [
        &["report"][..],
        &["context", "--json"],
        &["recommend"],
        &["deload"],
        &["db", "check"],
        &["db", "path"],
    ] {
        let out = read_as_reader(home.path(), db, args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!out.stdout.is_empty(), "{args:?} printed nothing");
        assert_eq!(
            entries(dir),
            before,
            "{args:?} created something beside the database"
        );
    }
    let out = read_as_reader(home.path(), db, &["deload", "--record"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!("{} cannot be written: {why}.", db.display())),
        "{stderr}"
    );
    assert_eq!(entries(dir), before);
}

#[test]
fn commands_that_only_read_work_on_a_read_only_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ironpulse.db");
    closed_database(&db, 2);
    reader::read_only_file(&db);
    reader::writable_dir(dir.path());
    only_reading_works(dir.path(), &db, "the file is read-only");
    reader::restore_dir(dir.path());
}

#[test]
fn commands_that_only_read_work_in_a_read_only_folder() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ironpulse.db");
    closed_database(&db, 2);
    reader::writable_file(&db);
    reader::read_only_dir(dir.path());
    let why = format!("its folder {} is read-only", dir.path().display());
    only_reading_works(dir.path(), &db, &why);
    reader::restore_dir(dir.path());
}

#[test]
fn a_read_only_folder_with_a_crashed_apps_write_ahead_log_is_read_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ironpulse.db");
    let store = Store::open(&db).unwrap();
    let (_, slot) = session_with_slot(&store);
    store.log_sets(slot, &[lift(100.0, 5); 5], at(10)).unwrap();
    std::mem::forget(store); // a kill -9: the sets are in the -wal only
    fs::remove_file(store::lock_path(&db)).unwrap();
    for file in [db.clone(), side(&db, "-wal"), side(&db, "-shm")] {
        reader::read_only_file(&file);
    }
    reader::read_only_dir(dir.path());
    let home = reader_home();
    let before = entries(dir.path());
    let out = read_as_reader(home.path(), &db, &["db", "check"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("1 session, 5 sets"), "{stdout}");
    assert_eq!(entries(dir.path()), before);

    // The same files copied without the -shm: SQLite would have to create it to read the -wal.
    reader::restore_dir(dir.path());
    fs::remove_file(side(&db, "-shm")).unwrap();
    reader::read_only_dir(dir.path());
    let before = entries(dir.path());
    let out = read_as_reader(home.path(), &db, &["report"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{} has changes in its -wal file that SQLite can only read after creating its -shm \
             file beside it, but its folder {} is read-only. Nothing was read.",
            db.display(),
            dir.path().display()
        )),
        "{stderr}"
    );
    assert_eq!(entries(dir.path()), before);
    reader::restore_dir(dir.path());
}

/// A closed database of one session (two sets) opened read-only: its folder (removed when
/// dropped), its path, the store, the session, its slot and its first set.
fn read_only_session() -> (
    tempfile::TempDir,
    PathBuf,
    Store,
    ironpulse::core::workout::session::SessionId,
    SlotId,
    ironpulse::core::workout::session::SetId,
) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("review.db");
    let slot = closed_database(&path, 2);
    let store = Store::open_read_only(&path, store::ReadOnly::File(path.clone())).unwrap();
    let session = store.recent_sessions(1, 0).unwrap()[0].id;
    let set = store.session(session).unwrap().unwrap().slots[0].sets[0].id;
    (dir, path, store, session, slot, set)
}

/// Every feature's writes through the store worker's one `answer`, on a database that cannot be
/// written: each comes back `Failed`, classed for where the lifter is looking (the entry line,
/// the form, the set being edited, the exercise form) and in the store's words.
#[test]
fn a_refused_write_of_each_feature_comes_back_failed_where_the_lifter_is_looking() {
    use ironpulse::app::store_worker::{
        DeloadRequest, DevicesRequest, ExerciseRequest, Failed, SessionRequest, SettingsRequest,
        StoreReply, StoreRequest, answer,
    };
    let (_dir, path, store, session, slot, set) = read_only_session();
    let today = at(0).date_naive();
    let writes: [(StoreRequest, Failed); 9] = [
        (
            SessionRequest::Start {
                at: at(90),
                title: "Again".into(),
            }
            .into(),
            Failed::Other,
        ),
        (
            SessionRequest::LogSets {
                slot,
                sets: vec![lift(50.0, 5)],
                at: at(91),
            }
            .into(),
            Failed::LogSets,
        ),
        (
            SessionRequest::UpdateSet {
                session,
                set,
                spec: lift(60.0, 5),
            }
            .into(),
            Failed::EditSet,
        ),
        (
            SessionRequest::DeleteSet { session, set }.into(),
            Failed::EditSet,
        ),
        (
            SessionRequest::Finish {
                session,
                at: at(92),
                rpe: None,
                notes: String::new(),
            }
            .into(),
            Failed::Finish,
        ),
        (
            ExerciseRequest::Create {
                name: "Zercher Squat".into(),
                kind: ExerciseKind::Strength,
                equipment: Equipment::Barbell,
                mechanics: Mechanics::Compound,
            }
            .into(),
            Failed::Exercise,
        ),
        (
            SettingsRequest::SaveProfile(fixtures::profile()).into(),
            Failed::Profile,
        ),
        (
            DeloadRequest::Start {
                start: today,
                end: today,
            }
            .into(),
            Failed::Other,
        ),
        (
            DevicesRequest::RememberStrap(Some("AA:BB".into())).into(),
            Failed::Other,
        ),
    ];
    for (request, expected) in writes {
        let described = format!("{request:?}");
        match answer(&store, request) {
            StoreReply::Failed { what, message } => {
                assert_eq!(what, expected, "{described}");
                assert!(
                    message.contains("cannot be written"),
                    "{described}: {message}"
                );
            }
            other => panic!("{described}: expected Failed, got {other:?}"),
        }
    }

    assert_eq!(set_count(&path), 2, "nothing changed");
}

/// On a database that cannot be written, heart rate comes back whole, to be given up as a gap
/// (a retry cannot help); the reads of each feature still answer.
#[test]
fn on_a_read_only_database_heart_rate_comes_back_whole_and_the_reads_answer() {
    use ironpulse::app::store_worker::{
        DeloadReply, DeloadRequest, HistoryReply, HistoryRequest, HrReply, HrRequest, ReviewReply,
        ReviewRequest, StoreReply, answer,
    };
    use ironpulse::core::heart::sample::GapReason;
    let (_dir, path, store, session, _, _) = read_only_session();
    let today = at(0).date_naive();
    let samples = vec![ironpulse::core::heart::sample::HrSample {
        offset_ms: 1_000,
        bpm: ironpulse::core::units::Bpm::try_from(120).unwrap(),
        rr: Vec::new(),
    }];
    let StoreReply::Hr(HrReply::NotSaved(batch)) = answer(
        &store,
        HrRequest::Append {
            session,
            samples: samples.clone(),
            gaps: Vec::new(),
        }
        .into(),
    ) else {
        panic!("heart rate on a read-only database is handed back")
    };
    assert_eq!(
        (batch.samples, batch.reason, batch.retry),
        (samples, GapReason::WriteFailed, false)
    );

    assert!(matches!(
        answer(&store, HistoryRequest::Page { offset: 0, limit: 10 }.into()),
        StoreReply::History(HistoryReply::Page { total: 1, ref sessions, .. }) if sessions.len() == 1
    ));
    assert!(matches!(
        answer(&store, DeloadRequest::Check { today }.into()),
        StoreReply::Deload(DeloadReply::Checked { current: None, .. })
    ));
    assert!(matches!(
        answer(&store, ReviewRequest::Insights { today }.into()),
        StoreReply::Review(ReviewReply::Insights(_))
    ));
    assert_eq!(set_count(&path), 2, "nothing changed");
}
