//! `db check` and `db backup`: they open the file themselves, read-only for the source, and do
//! not take the instance lock, so they work while the app is running.

use std::fmt;

use std::fs;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

use rusqlite::Connection;
use rusqlite::backup::{Backup, StepResult};

use super::StoreError;
use super::header::{self, Header, open_read_only};
use super::migrations::SCHEMA_VERSION;
use super::side_file::side_file;

/// A stored count with its noun (`1 session`, `2 sets`).
fn count(n: u64, one: &str, many: &str) -> String {
    crate::core::words::count(usize::try_from(n).unwrap_or(usize::MAX), one, many)
}

/// How often a backup retries while the source is briefly locked, and how long it waits between.
const BACKUP_RETRIES: u32 = 200;
const BACKUP_PAUSE: Duration = Duration::from_millis(10);

/// What `check` found.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckReport {
    pub path: PathBuf,
    /// Schema version in the file, and the newest this build knows.
    pub schema_version: u32,
    pub supported_schema: u32,
    /// Problems reported by `PRAGMA integrity_check`; empty when the file is sound.
    pub integrity: Vec<String>,
    /// Rows pointing at rows that do not exist (`PRAGMA foreign_key_check`).
    pub foreign_keys: Vec<String>,
    pub sessions: u64,
    pub sets: u64,
    pub exercises: u64,
}

impl CheckReport {
    /// Whether the database is sound and readable by this build.
    pub fn is_ok(&self) -> bool {
        self.integrity.is_empty()
            && self.foreign_keys.is_empty()
            && self.schema_version <= self.supported_schema
    }
}

impl fmt::Display for CheckReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "database:  {}", self.path.display())?;
        writeln!(
            f,
            "schema:    {} (this build knows {})",
            self.schema_version, self.supported_schema
        )?;
        writeln!(
            f,
            "contents:  {}, {}, {}",
            count(self.sessions, "session", "sessions"),
            count(self.sets, "set", "sets"),
            count(self.exercises, "exercise", "exercises")
        )?;
        if self.integrity.is_empty() {
            writeln!(f, "integrity: ok")?;
        } else {
            for problem in &self.integrity {
                writeln!(f, "integrity: {problem}")?;
            }
        }
        if self.foreign_keys.is_empty() {
            writeln!(f, "links:     ok")
        } else {
            for problem in &self.foreign_keys {
                writeln!(f, "links:     {problem}")?;
            }
            Ok(())
        }
    }
}

/// What `backup` wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct BackupReport {
    pub dest: PathBuf,
    pub bytes: u64,
    pub sessions: u64,
    pub sets: u64,
}

impl fmt::Display for BackupReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "backed up {} and {} to {} ({} KB); the copy passed its integrity check",
            count(self.sessions, "session", "sessions"),
            count(self.sets, "set", "sets"),
            self.dest.display(),
            self.bytes.div_ceil(1024)
        )
    }
}

/// Checks the database at `path` without changing it: integrity, links between rows, schema
/// version and what it holds.
pub fn check(path: &Path) -> Result<CheckReport, StoreError> {
    let header = existing_ironpulse(path)?;
    let fail = |context| move |e| StoreError::sqlite(path.to_path_buf(), context, e);
    let conn = open_read_only(path).map_err(fail("open the database read-only"))?;
    let integrity = strings(&conn, "PRAGMA integrity_check", |r| r.get(0))
        .map_err(fail("check the database"))?;
    let integrity = integrity.into_iter().filter(|line| line != "ok").collect();
    let foreign_keys = strings(&conn, "PRAGMA foreign_key_check", |r| {
        Ok(format!(
            "{} row {} points at a missing {}",
            r.get::<_, String>(0)?,
            r.get::<_, Option<i64>>(1)?
                .map_or_else(|| "?".into(), |id| id.to_string()),
            r.get::<_, String>(2)?
        ))
    })
    .map_err(fail("check the links between rows"))?;
    let (sessions, sets, exercises) =
        counts(&conn, header.user_version).map_err(fail("count the rows"))?;
    Ok(CheckReport {
        path: path.to_path_buf(),
        schema_version: header.user_version,
        supported_schema: SCHEMA_VERSION,
        integrity,
        foreign_keys,
        sessions,
        sets,
        exercises,
    })
}

/// Copies the database at `path` to `dest` with `SQLite`'s online backup, consistent even while
/// the app writes. Refuses to overwrite a non-empty `dest`; the copy must pass `integrity_check`
/// or it is removed.
pub fn backup(path: &Path, dest: &Path) -> Result<BackupReport, StoreError> {
    existing_ironpulse(path)?;
    header::refuse_special(dest)?;
    if fs::metadata(dest).is_ok_and(|m| m.len() > 0) {
        return Err(StoreError::BackupExists {
            path: dest.to_path_buf(),
        });
    }
    if let Some(parent) = dest.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(|source| StoreError::Io {
            path: parent.to_path_buf(),
            context: "create the folder for the backup",
            source,
        })?;
    }
    let result = write_copy(path, dest);
    if result.is_err() {
        for file in [
            dest.to_path_buf(),
            side_file(dest, "-wal"),
            side_file(dest, "-shm"),
            side_file(dest, "-journal"),
        ] {
            let _ = fs::remove_file(file);
        }
    }
    result
}

fn write_copy(path: &Path, dest: &Path) -> Result<BackupReport, StoreError> {
    let src_fail = |context| move |e| StoreError::sqlite(path.to_path_buf(), context, e);
    let dest_fail = |context| move |e| StoreError::sqlite(dest.to_path_buf(), context, e);
    let source = open_read_only(path).map_err(src_fail("open the database read-only"))?;
    let mut copy = Connection::open(dest).map_err(dest_fail("create the backup file"))?;
    {
        let backup = Backup::new(&source, &mut copy).map_err(dest_fail("start the backup"))?;
        let mut retries = 0;
        loop {
            // All pages in one step: one read transaction, so the copy is one consistent moment.
            match backup.step(-1).map_err(dest_fail("copy the database"))? {
                StepResult::Done => break,
                StepResult::More => {}
                StepResult::Busy | StepResult::Locked if retries < BACKUP_RETRIES => {
                    retries += 1;
                    thread::sleep(BACKUP_PAUSE);
                }
                _ => {
                    return Err(StoreError::Invalid(format!(
                        "{} stayed locked for {} s, so no backup was made. Try again.",
                        path.display(),
                        BACKUP_PAUSE.as_secs_f64() * f64::from(BACKUP_RETRIES)
                    )));
                }
            }
        }
    }
    // A self-contained file: no -wal next to it is needed to read the copy.
    let _mode: String = copy
        .pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))
        .map_err(dest_fail("finish the backup file"))?;
    let problems: Vec<String> = strings(&copy, "PRAGMA integrity_check", |r| r.get(0))
        .map_err(dest_fail("check the backup"))?
        .into_iter()
        .filter(|line| line != "ok")
        .collect();
    if !problems.is_empty() {
        return Err(StoreError::BackupCorrupt {
            path: dest.to_path_buf(),
            problems,
        });
    }
    let version = super::migrations::user_version(&copy).map_err(dest_fail("check the backup"))?;
    let (sessions, sets, _) =
        counts(&copy, version).map_err(dest_fail("count the rows in the backup"))?;
    drop(copy);
    let bytes = fs::metadata(dest)
        .map_err(|source| StoreError::Io {
            path: dest.to_path_buf(),
            context: "read the backup",
            source,
        })?
        .len();
    Ok(BackupReport {
        dest: dest.to_path_buf(),
        bytes,
        sessions,
        sets,
    })
}

/// The header of an existing ironpulse database at `path`, refusing anything else.
fn existing_ironpulse(path: &Path) -> Result<Header, StoreError> {
    let header = header::inspect(path)?.ok_or_else(|| StoreError::NoDatabase {
        path: path.to_path_buf(),
    })?;
    header.refuse_foreign(path)?;
    Ok(header)
}

/// Counts sessions, sets and exercises (all zero before the first migration).
fn counts(conn: &Connection, schema: u32) -> rusqlite::Result<(u64, u64, u64)> {
    if schema == 0 {
        return Ok((0, 0, 0));
    }
    let (sessions, sets, exercises): (i64, i64, i64) = conn.query_row(
        "SELECT (SELECT count(*) FROM session), (SELECT count(*) FROM set_entry), \
                (SELECT count(*) FROM exercise)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let count = |n: i64| u64::try_from(n).unwrap_or(0);
    Ok((count(sessions), count(sets), count(exercises)))
}

fn strings(
    conn: &Connection,
    sql: &str,
    line: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<String>,
) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(sql)?;
    stmt.query_map([], line)?.collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;
    use crate::store::fixtures::{at, custom, lift};

    fn filled(dir: &Path) -> PathBuf {
        let path = dir.join("ironpulse.db");
        let store = Store::open(&path).unwrap();
        let session = store.start_session(at(0), "").unwrap();
        let slot = store.add_slot(session, custom(&store, "Press")).unwrap().id;
        store
            .log_sets(slot, &[lift(50.0, 5), lift(50.0, 5)], at(1))
            .unwrap();
        path
    }

    #[test]
    fn a_sound_database_checks_ok_with_its_counts() {
        let dir = tempfile::tempdir().unwrap();
        let path = filled(dir.path());
        let report = check(&path).unwrap();
        assert!(report.is_ok(), "{report}");
        assert_eq!((report.sessions, report.sets), (1, 2));
        assert_eq!(report.schema_version, SCHEMA_VERSION);
        assert!(report.to_string().contains("integrity: ok"));
    }

    #[test]
    fn broken_links_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = filled(dir.path());
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("PRAGMA foreign_keys = OFF; DELETE FROM session;")
            .unwrap();
        drop(conn);
        let report = check(&path).unwrap();
        assert!(!report.is_ok());
        // The slot, and the personal records set in that session.
        assert!(
            report
                .foreign_keys
                .contains(&"session_exercise row 1 points at a missing session".to_owned()),
            "{:?}",
            report.foreign_keys
        );
        assert!(
            report
                .foreign_keys
                .iter()
                .all(|line| line.ends_with("points at a missing session"))
        );
    }

    #[test]
    fn check_and_backup_need_a_database() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.db");
        assert!(matches!(
            check(&missing),
            Err(StoreError::NoDatabase { .. })
        ));
        assert!(matches!(
            backup(&missing, &dir.path().join("b.db")),
            Err(StoreError::NoDatabase { .. })
        ));
        assert!(!dir.path().join("b.db").exists());
    }

    #[test]
    fn backup_refuses_a_non_empty_destination_but_fills_an_empty_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = filled(dir.path());
        let taken = dir.path().join("taken.db");
        fs::write(&taken, b"keep me").unwrap();
        assert!(matches!(
            backup(&path, &taken),
            Err(StoreError::BackupExists { .. })
        ));
        assert_eq!(fs::read(&taken).unwrap(), b"keep me");

        let empty = dir.path().join("empty.db");
        fs::write(&empty, b"").unwrap();
        let report = backup(&path, &empty).unwrap();
        assert_eq!((report.sessions, report.sets), (1, 2));
        assert!(report.bytes > 0);
        assert!(
            report
                .to_string()
                .starts_with("backed up 1 session and 2 sets to "),
            "{report}"
        );
        assert!(!side_file(&empty, "-wal").exists());
    }
}
