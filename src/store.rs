//! The `SQLite` store: persistence for profile, exercises, sessions and sets. All SQL lives here.
//!
//! Synchronous on purpose: the app moves one [`Store`] onto its own thread. Storage is in
//! canonical units (kilograms, metres, seconds); timestamps are UTC unix milliseconds. Every
//! write is one transaction, committed (and, with `synchronous=FULL`, on disk) when it returns.

mod assignments;
mod bulk;
mod deloads;
mod error;
mod exercises;
#[cfg(test)]
mod fixtures;
mod header;
mod heart_rate;
mod history;
mod lock;
mod maintenance;
mod migrations;
mod performance;
mod profile;
mod programs;
mod proposals;
mod read_only;
mod records;
mod review;
mod rules;
mod sessions;
mod sets;
mod side_file;
mod strap;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::OptionalExtension as _;
use rusqlite::{Connection, ErrorCode, OpenFlags, Transaction, TransactionBehavior};

pub use assignments::{Assignment, AssignmentId, ChangeRow, NewChange, RunStatus, TrainedDay};
pub use bulk::{HistorySession, HistorySet, HistorySlot};
pub use error::StoreError;
pub use heart_rate::{HistoryHr, SessionHr, SessionHrSummary};
pub use lock::lock_path;
pub use maintenance::{BackupReport, CheckReport, backup, check};
pub use migrations::{APPLICATION_ID, SCHEMA_VERSION};
pub use programs::{ProgramId, ProgramVersion, StoredProgram};
pub use read_only::ReadOnly;
pub use records::PersonalRecord;

use lock::InstanceLock;

/// How long a write waits for another connection (a backup, `db check`) before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(2);
/// How often [`Store::open_when_free`] tries the lock again.
const LOCK_RETRY: Duration = Duration::from_millis(25);

/// An open ironpulse database. Holds the single-instance lock for file databases until dropped.
#[derive(Debug)]
pub struct Store {
    // Field order matters: the connection closes (checkpointing the WAL) before the lock goes.
    conn: Connection,
    path: PathBuf,
    _lock: Option<InstanceLock>,
    /// Set when the database can only be read ([`Store::open_read_only`]): every write is
    /// refused with this reason.
    read_only: Option<ReadOnly>,
}

impl Store {
    /// Opens (creating if needed) the database at `path`, after taking the single-instance lock
    /// and refusing, without changing a byte, files that are not ironpulse's or are newer, and
    /// databases that cannot be written (`ReadOnly`, before anything is created beside them).
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        header::refuse_special(path)?;
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent).map_err(|source| StoreError::Io {
                path: parent.to_path_buf(),
                context: "create the folder for the database",
                source,
            })?;
        }
        if let Some(why) = read_only::detect(path) {
            // Say what the file is before saying that it cannot be written.
            if let Some(header) = header::inspect(path)? {
                header.refuse_foreign(path)?;
                header.refuse_newer(path)?;
            }
            return Err(StoreError::ReadOnly {
                path: path.to_path_buf(),
                why,
            });
        }
        let lock = InstanceLock::acquire(path)?;
        let refusal = header::inspect(path).and_then(|header| match header {
            Some(header) => header
                .refuse_foreign(path)
                .and_then(|()| header.refuse_newer(path)),
            None => Ok(()),
        });
        if let Err(refused) = refusal {
            // A refused file gets no lock file left beside it.
            lock.abandon();
            return Err(refused);
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| StoreError::sqlite(path.to_path_buf(), "open the database", e))?;
        Store::init(conn, path.to_path_buf(), Some(lock))
    }

    /// [`Store::open`], waiting up to `wait` for another ironpulse to let go of the database: a
    /// short command that writes (`deload --record`), or a reader upgrading an older database,
    /// holds it for a moment.
    pub fn open_when_free(path: &Path, wait: Duration) -> Result<Store, StoreError> {
        let until = std::time::Instant::now() + wait;
        loop {
            match Store::open(path) {
                Err(StoreError::Locked { .. }) if std::time::Instant::now() < until => {
                    std::thread::sleep(LOCK_RETRY);
                }
                opened => return opened,
            }
        }
    }

    /// Opens the database at `path` to read it, also while another ironpulse has it open (a
    /// report in a second terminal beside the session). A reader takes no lock and writes
    /// nothing ([`Store::open_reader`]) unless the database needs a write before it can be read
    /// (a new file, an older schema or catalogue): then it opens as [`Store::open`] does, or,
    /// when another process holds the lock, read-only beside it. Writes through it fail. A
    /// database that cannot be written is opened read-only ([`Store::open_read_only`]).
    pub fn open_to_read(path: &Path) -> Result<Store, StoreError> {
        if let Some(store) = Store::open_reader(path)?
            && (store.read_only.is_some() || store.catalogue_current()?)
        {
            return Ok(store);
        }
        match Store::open(path) {
            Err(locked @ StoreError::Locked { .. }) => Store::open_beside_writer(path, locked),
            Err(StoreError::ReadOnly { why, .. }) => Store::open_read_only(path, why),
            opened => opened,
        }
    }

    /// Opens an existing database to read it without the instance lock and without writing a
    /// byte of it: an ironpulse database of this build's schema (through `SQLite`'s own locks, so
    /// each commit of an app that has it open is seen), or one that cannot be written
    /// ([`Store::open_read_only`]). `Ok(None)` when reading it needs a write first: the file is
    /// missing or empty (a new database) or of an older schema (an upgrade). Every write through
    /// it fails (`query_only`). Nothing is left beside the file: the `-wal`/`-shm` files `SQLite`
    /// keeps while it is open go with the last connection to close.
    pub fn open_reader(path: &Path) -> Result<Option<Store>, StoreError> {
        let Some(header) = header::inspect(path)? else {
            return Ok(None);
        };
        header.refuse_foreign(path)?;
        header.refuse_newer(path)?;
        if header.user_version < SCHEMA_VERSION {
            return Ok(None);
        }
        if let Some(why) = read_only::detect(path) {
            return Store::open_read_only(path, why).map(Some);
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| StoreError::sqlite(path.to_path_buf(), "open the database", e))?;
        let store = Store {
            conn,
            path: path.to_path_buf(),
            _lock: None,
            read_only: None,
        };
        store
            .conn
            .busy_timeout(BUSY_TIMEOUT)
            .and_then(|()| store.conn.pragma_update(None, "query_only", "ON"))
            .map_err(store.fail("configure the database"))?;
        Ok(Some(store))
    }

    /// Opens a database that cannot be written (`why`) to review it: no lock file, no journal,
    /// nothing created beside it, every write refused with `why`. Without a `-wal` file the
    /// file is read as `immutable` (`SQLite` then needs nothing beside it); with one (a crash, or
    /// a writer with permission to write it) through the usual locks, which `SQLite` can do as
    /// long as the `-wal` and `-shm` files exist (sqlite.org/wal.html, "Read-Only Databases").
    /// A database of an older schema is refused: only a write could upgrade it.
    pub fn open_read_only(path: &Path, why: ReadOnly) -> Result<Store, StoreError> {
        header::refuse_special(path)?;
        let no_database = || StoreError::NoDatabase {
            path: path.to_path_buf(),
        };
        let header = header::inspect(path)?.ok_or_else(no_database)?;
        header.refuse_foreign(path)?;
        header.refuse_newer(path)?;
        match header.user_version {
            0 => return Err(no_database()),
            found if found < SCHEMA_VERSION => {
                return Err(StoreError::ReadOnlyOutdated {
                    path: path.to_path_buf(),
                    found,
                    supported: SCHEMA_VERSION,
                    why,
                });
            }
            _ => {}
        }
        Store::unlocked(path, header::open_read_only(path), Some(why))
    }

    /// A store on a connection opened for reading only, without a lock file: refused with
    /// `why` on every write when given.
    fn unlocked(
        path: &Path,
        conn: rusqlite::Result<Connection>,
        read_only: Option<ReadOnly>,
    ) -> Result<Store, StoreError> {
        let conn = conn.map_err(|e| {
            StoreError::sqlite(path.to_path_buf(), "open the database read-only", e)
        })?;
        let store = Store {
            conn,
            path: path.to_path_buf(),
            _lock: None,
            read_only,
        };
        store
            .conn
            .busy_timeout(BUSY_TIMEOUT)
            .map_err(store.fail("configure the database"))?;
        Ok(store)
    }

    /// The read-only side of [`Store::open_to_read`]. The writer has migrated the file already;
    /// one of another schema is refused (newer) or left to the writer (`locked`, older).
    fn open_beside_writer(path: &Path, locked: StoreError) -> Result<Store, StoreError> {
        let store = Store::unlocked(path, header::open_beside_writer(path), None)?;
        let application_id: i32 = store
            .conn
            .pragma_query_value(None, "application_id", |row| row.get(0))
            .map_err(store.fail("read the application id"))?;
        let found = store.schema_version()?;
        if application_id != APPLICATION_ID {
            return Err(StoreError::NotIronpulse {
                path: store.path,
                application_id,
            });
        }
        if found > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                path: store.path,
                found,
                supported: SCHEMA_VERSION,
            });
        }
        if found < SCHEMA_VERSION {
            return Err(locked);
        }
        Ok(store)
    }

    /// A fresh database in memory, migrated and seeded like a file one (for tests and demos).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory()
            .map_err(|e| StoreError::sqlite(path.clone(), "open a database in memory", e))?;
        Store::init(conn, path, None)
    }

    fn init(
        conn: Connection,
        path: PathBuf,
        lock: Option<InstanceLock>,
    ) -> Result<Store, StoreError> {
        let store = Store {
            conn,
            path,
            _lock: lock,
            read_only: None,
        };
        let found =
            migrations::user_version(&store.conn).map_err(store.fail("read the schema version"))?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                path: store.path.clone(),
                found,
                supported: SCHEMA_VERSION,
            });
        }
        let mode: String = store
            .conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))
            .map_err(store.fail("switch on write-ahead logging"))?;
        if !mode.eq_ignore_ascii_case("wal") && !mode.eq_ignore_ascii_case("memory") {
            tracing::warn!(path = %store.path.display(), %mode, "the file system does not allow WAL");
        }
        store
            .conn
            .pragma_update(None, "synchronous", "FULL")
            .and_then(|()| store.conn.pragma_update(None, "foreign_keys", "ON"))
            .and_then(|()| store.conn.busy_timeout(BUSY_TIMEOUT))
            .map_err(store.fail("configure the database"))?;
        migrations::apply(&store.conn, migrations::MIGRATIONS)
            .map_err(store.fail("update the database schema"))?;
        if (1..migrations::SLOT_VOLUME).contains(&found) {
            store.backfill_derived()?;
        }
        store.seed_catalogue()?;
        Ok(store)
    }

    /// The file this store writes to (`:memory:` for an in-memory store).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Why this store can only read, when it was opened with [`Store::open_read_only`].
    pub fn read_only(&self) -> Option<&ReadOnly> {
        self.read_only.as_ref()
    }

    /// The schema version of the open database (equals [`SCHEMA_VERSION`] once open).
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        migrations::user_version(&self.conn).map_err(self.fail("read the schema version"))
    }

    /// Caps the database at its current size, so the next write that needs a new page fails as
    /// if the disk were full.
    #[doc(hidden)]
    pub fn limit_pages_for_tests(&self) -> Result<(), StoreError> {
        let pages: i64 = self
            .conn
            .pragma_query_value(None, "page_count", |row| row.get(0))
            .map_err(self.fail("read the page count"))?;
        self.conn
            .pragma_update(None, "max_page_count", pages)
            .map_err(self.fail("limit the page count"))
    }

    /// Lifts the cap of [`Store::limit_pages_for_tests`]: the disk has room again.
    #[doc(hidden)]
    pub fn free_pages_for_tests(&self) -> Result<(), StoreError> {
        self.conn
            .pragma_update(None, "max_page_count", i64::from(u32::MAX >> 2))
            .map_err(self.fail("lift the page limit"))
    }

    /// The one value `sql` (taking `?1 = id`) selects, or `NotFound` naming `what`.
    pub(crate) fn lookup<T: rusqlite::types::FromSql>(
        &self,
        what: &'static str,
        sql: &str,
        id: i64,
    ) -> Result<T, StoreError> {
        self.conn
            .prepare_cached(sql)
            .and_then(|mut stmt| stmt.query_row([id], |r| r.get(0)).optional())
            .map_err(self.fail("find the row"))?
            .ok_or(StoreError::NotFound { what, id })
    }

    /// Maps a `SQLite` error to a [`StoreError`] that says what we were doing; a write refused
    /// by a read-only store says why it is read-only.
    fn fail(&self, context: &'static str) -> impl FnOnce(rusqlite::Error) -> StoreError + '_ {
        move |source| match &self.read_only {
            Some(why) if source.sqlite_error_code() == Some(ErrorCode::ReadOnly) => {
                self.refuse_write(why)
            }
            _ => StoreError::sqlite(self.path.clone(), context, source),
        }
    }

    fn refuse_write(&self, why: &ReadOnly) -> StoreError {
        StoreError::ReadOnly {
            path: self.path.clone(),
            why: why.clone(),
        }
    }

    /// Starts a write transaction (`BEGIN IMMEDIATE`); it rolls back unless committed. A
    /// read-only store refuses at once.
    fn write(&self) -> Result<Transaction<'_>, StoreError> {
        if let Some(why) = &self.read_only {
            return Err(self.refuse_write(why));
        }
        Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)
            .map_err(self.fail("start a write"))
    }

    /// Commits `tx`; on failure nothing of it is stored.
    fn commit(&self, tx: Transaction<'_>, context: &'static str) -> Result<(), StoreError> {
        tx.commit().map_err(self.fail(context))
    }
}

/// A timestamp as stored: UTC unix milliseconds.
fn to_millis(at: DateTime<Utc>) -> i64 {
    at.timestamp_millis()
}

/// A stored timestamp back, or `Corrupt` naming the row when it is out of range.
fn from_millis(ms: i64, table: &'static str, id: i64) -> Result<DateTime<Utc>, StoreError> {
    DateTime::from_timestamp_millis(ms)
        .ok_or_else(|| StoreError::corrupt(table, id, format!("timestamp {ms} is out of range")))
}

/// A count or limit as `SQLite` wants it.
fn sql_count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_store_can_move_to_its_own_thread() {
        fn assert_send<T: Send>() {}
        assert_send::<Store>();
    }

    #[test]
    fn a_fresh_store_is_at_the_newest_schema_with_foreign_keys_on() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        let fk: i64 = store
            .conn
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
        let sync: i64 = store
            .conn
            .pragma_query_value(None, "synchronous", |r| r.get(0))
            .unwrap();
        assert_eq!(sync, 2, "synchronous must be FULL");
    }

    #[test]
    fn timestamps_round_trip_through_milliseconds() {
        let at = DateTime::from_timestamp_millis(1_767_225_600_123).unwrap();
        assert_eq!(from_millis(to_millis(at), "session", 1).unwrap(), at);
        assert!(matches!(
            from_millis(i64::MAX, "session", 7),
            Err(StoreError::Corrupt {
                table: "session",
                id: 7,
                ..
            })
        ));
    }
}
