//! Everything that can go wrong with the database, each with what was wrong and what to do.

use std::fmt::Write as _;
use std::path::PathBuf;

use rusqlite::ErrorCode;

use super::ReadOnly;

/// An error from the store. Every message names the file and tells the lifter what to do next.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another ironpulse holds the single-instance lock on this database.
    #[error(
        "{} is open in another ironpulse{}. Close it, or use --db to open another database.",
        path.display(),
        pid.map(|p| format!(" (pid {p})")).unwrap_or_default()
    )]
    Locked { path: PathBuf, pid: Option<u32> },

    /// The path is not a regular file: a directory, a device such as `/dev/null`, a pipe.
    #[error(
        "{} is {kind}, not a file a database can be kept in. Nothing was created or changed. \
         Give the path of a regular file (a new one is created if it is missing).",
        path.display()
    )]
    NotAFile { path: PathBuf, kind: &'static str },

    /// The database can be read but not written (permissions, a read-only mount).
    #[error(
        "{} cannot be written: {why}. Nothing was saved. Fix: {}.",
        path.display(),
        why.fix()
    )]
    ReadOnly { path: PathBuf, why: ReadOnly },

    /// A database that cannot be written is of an older schema, which only a write can upgrade.
    #[error(
        "{} was written by an older ironpulse (schema {found}, this build reads {supported}) and \
         cannot be upgraded: {why}. Fix: {}, then start ironpulse once to upgrade it.",
        path.display(),
        why.fix()
    )]
    ReadOnlyOutdated {
        path: PathBuf,
        found: u32,
        supported: u32,
        why: ReadOnly,
    },

    /// Changes wait in the `-wal` file, and `SQLite` cannot create the `-shm` index it needs to
    /// read them.
    #[error(
        "{} has changes in its -wal file that SQLite can only read after creating its -shm file \
         beside it, but {why}. Nothing was read. Fix: {}, then try again.",
        path.display(),
        why.fix()
    )]
    WalUnreadable { path: PathBuf, why: ReadOnly },

    /// The file exists but is not a `SQLite` database at all.
    #[error(
        "{} is not an ironpulse database (not SQLite). Nothing was changed. Point --db at another file.",
        path.display()
    )]
    NotADatabase { path: PathBuf },

    /// The file is a `SQLite` database that belongs to another program.
    #[error(
        "{} is not an ironpulse database (it belongs to another program, application id {application_id:#010x}). \
         Nothing was changed. Point --db at another file.",
        path.display()
    )]
    NotIronpulse { path: PathBuf, application_id: i32 },

    /// The database was written by a newer ironpulse with a schema this build does not know.
    #[error(
        "{} was written by a newer ironpulse (schema {found}, this build knows {supported}). \
         Nothing was changed. Upgrade ironpulse.",
        path.display()
    )]
    NewerSchema {
        path: PathBuf,
        found: u32,
        supported: u32,
    },

    /// There is no database at the path (missing or empty file), for commands that need one.
    #[error(
        "there is no ironpulse database at {} (the file is missing or empty). Check the path given to --db.",
        path.display()
    )]
    NoDatabase { path: PathBuf },

    /// A backup would overwrite a file that already holds data.
    #[error(
        "{} already exists and is not empty. Nothing was changed. Choose a new file for the backup.",
        path.display()
    )]
    BackupExists { path: PathBuf },

    /// The copy made by a backup failed its integrity check; the copy was removed.
    #[error(
        "the backup at {} failed its integrity check ({}), so it was removed. The original is untouched; try again.",
        path.display(),
        problems.join("; ")
    )]
    BackupCorrupt {
        path: PathBuf,
        problems: Vec<String>,
    },

    /// The disk (or the database's size limit) is full. The transaction was rolled back.
    #[error(
        "could not save: the disk is full ({context}, {}). Nothing partial was stored. Free some space and try again.",
        path.display()
    )]
    DiskFull {
        path: PathBuf,
        context: &'static str,
    },

    /// The operating system reported an I/O error. The transaction was rolled back.
    #[error(
        "could not save: the disk reported an I/O error ({context}, {}: {source}). Nothing partial was stored. \
         Check the disk, then try again.",
        path.display()
    )]
    DiskIo {
        path: PathBuf,
        context: &'static str,
        source: rusqlite::Error,
    },

    /// Any other `SQLite` failure, with what we were doing.
    #[error("database error while trying to {context} ({}): {source}", path.display())]
    Sqlite {
        path: PathBuf,
        context: &'static str,
        source: rusqlite::Error,
    },

    /// A file-system operation around the database failed.
    #[error("could not {context} ({}): {source}", path.display())]
    Io {
        path: PathBuf,
        context: &'static str,
        source: std::io::Error,
    },

    /// A stored row holds a value that is out of range (for example edited by hand).
    #[error(
        "the database holds an invalid value in {table} row {id}: {problem}. \
         Run `ironpulse db check`, or fix that row by hand."
    )]
    Corrupt {
        table: &'static str,
        id: i64,
        problem: String,
    },

    /// The row the caller referred to is not there (any more).
    #[error("{what} {id} does not exist (it may have been deleted)")]
    NotFound { what: &'static str, id: i64 },

    /// An exercise name (or one of its aliases) is already taken.
    #[error(
        "an exercise called {name:?} already exists{}. Pick another name.",
        existing_note(name, existing)
    )]
    DuplicateExercise { name: String, existing: String },

    /// The request makes no sense as given (message says why).
    #[error("{0}")]
    Invalid(String),

    /// The built-in exercise catalogue could not be read: a broken build.
    #[error(
        "the built-in exercise catalogue is broken ({0}). This is a bug in this ironpulse build."
    )]
    Catalogue(String),
}

fn existing_note(name: &str, existing: &str) -> String {
    let mut note = String::new();
    if !existing.eq_ignore_ascii_case(name) {
        let _ = write!(note, " (as a name of {existing:?})");
    }
    note
}

impl StoreError {
    /// Wraps a `SQLite` error with context, turning a full disk or an I/O failure into their own messages.
    pub(crate) fn sqlite(path: PathBuf, context: &'static str, source: rusqlite::Error) -> Self {
        match source.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => StoreError::DiskFull { path, context },
            Some(ErrorCode::SystemIoFailure) => StoreError::DiskIo {
                path,
                context,
                source,
            },
            Some(ErrorCode::NotADatabase) => StoreError::NotADatabase { path },
            _ => StoreError::Sqlite {
                path,
                context,
                source,
            },
        }
    }

    /// Whether the same write may succeed later: a full disk, an I/O error, the database busy
    /// with another connection. Anything else (a refused or invalid request) fails again.
    pub fn is_transient(&self) -> bool {
        match self {
            StoreError::DiskFull { .. } | StoreError::DiskIo { .. } | StoreError::Io { .. } => true,
            StoreError::Sqlite { source, .. } => matches!(
                source.sqlite_error_code(),
                Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
            ),
            _ => false,
        }
    }

    /// A row that failed validation on read.
    pub(crate) fn corrupt(table: &'static str, id: i64, problem: impl Into<String>) -> Self {
        StoreError::Corrupt {
            table,
            id,
            problem: problem.into(),
        }
    }
}
