//! Looks at an existing database file without changing a byte, so that a foreign or newer file
//! is refused before anything (journal mode, migrations) could touch it.

use std::fmt::Write as _;
use std::fs::{self, File};
use std::io::Read as _;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::StoreError;
use super::migrations::{APPLICATION_ID, SCHEMA_VERSION, user_version};
use super::side_file::side_file;

/// The first 16 bytes of every `SQLite` database file.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// What an existing, non-empty `SQLite` file says about itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Header {
    pub application_id: i32,
    pub user_version: u32,
    pub has_tables: bool,
}

impl Header {
    /// Refuses a database that belongs to another program.
    pub(crate) fn refuse_foreign(self, path: &Path) -> Result<(), StoreError> {
        let fresh = self.application_id == 0 && !self.has_tables;
        if self.application_id == APPLICATION_ID || fresh {
            Ok(())
        } else {
            Err(StoreError::NotIronpulse {
                path: path.to_path_buf(),
                application_id: self.application_id,
            })
        }
    }

    /// Refuses a database written by a newer ironpulse.
    pub(crate) fn refuse_newer(self, path: &Path) -> Result<(), StoreError> {
        if self.user_version > SCHEMA_VERSION {
            Err(StoreError::NewerSchema {
                path: path.to_path_buf(),
                found: self.user_version,
                supported: SCHEMA_VERSION,
            })
        } else {
            Ok(())
        }
    }
}

/// Refuses a path that exists but is not a regular file (a directory, `/dev/null`, a pipe), so
/// nothing is created beside it. A missing path is fine: it becomes a new database.
pub(crate) fn refuse_special(path: &Path) -> Result<(), StoreError> {
    match fs::metadata(path) {
        Ok(meta) if !meta.is_file() => Err(StoreError::NotAFile {
            path: path.to_path_buf(),
            kind: file_kind(meta.file_type()),
        }),
        _ => Ok(()),
    }
}

/// What a file that is not a regular file is, in words.
fn file_kind(kind: fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt as _;
    if kind.is_dir() {
        "a directory"
    } else if kind.is_char_device() {
        "a character device"
    } else if kind.is_block_device() {
        "a block device"
    } else if kind.is_fifo() {
        "a named pipe (FIFO)"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "not a regular file"
    }
}

/// Reads the header of the file at `path`: `None` when it is missing or empty (a new database).
/// A path that is not a regular file is refused.
pub(crate) fn inspect(path: &Path) -> Result<Option<Header>, StoreError> {
    let io = |context: &'static str| {
        move |source| StoreError::Io {
            path: path.to_path_buf(),
            context,
            source,
        }
    };
    refuse_special(path)?;
    let len = match fs::metadata(path) {
        Ok(meta) => meta.len(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io("read the database file")(e)),
    };
    if len == 0 {
        return Ok(None);
    }
    let mut magic = [0u8; 16];
    let mut file = File::open(path).map_err(io("read the database file"))?;
    let read = file
        .read(&mut magic)
        .map_err(io("read the database file"))?;
    if read < magic.len() || &magic != SQLITE_MAGIC {
        return Err(StoreError::NotADatabase {
            path: path.to_path_buf(),
        });
    }
    drop(file);
    refuse_unreadable_wal(path)?;

    let fail = |context| move |e| StoreError::sqlite(path.to_path_buf(), context, e);
    let conn = open_read_only(path).map_err(fail("open the database read-only"))?;
    let application_id = conn
        .pragma_query_value(None, "application_id", |row| row.get(0))
        .map_err(fail("read the application id"))?;
    let user_version = user_version(&conn).map_err(fail("read the schema version"))?;
    let has_tables = conn
        .query_row("SELECT EXISTS (SELECT 1 FROM sqlite_schema)", [], |row| {
            row.get(0)
        })
        .map_err(fail("read the schema"))?;
    Ok(Some(Header {
        application_id,
        user_version,
        has_tables,
    }))
}

/// Refuses a database whose `-wal` holds changes when `SQLite` would have to create the `-shm`
/// index to read them and nothing can be created beside it (a crash's files copied without
/// their `-shm` into a read-only folder): reading only the main file would show old data.
fn refuse_unreadable_wal(path: &Path) -> Result<(), StoreError> {
    let has_wal = fs::metadata(side_file(path, "-wal")).is_ok_and(|m| m.len() > 0);
    if !has_wal || side_file(path, "-shm").exists() {
        return Ok(());
    }
    match super::read_only::folder(path) {
        Some(why) => Err(StoreError::WalUnreadable {
            path: path.to_path_buf(),
            why,
        }),
        None => Ok(()),
    }
}

/// Opens `path` strictly for reading, creating no side files.
///
/// With a write-ahead log present (a running or crashed writer) `SQLite` must read it, so the file
/// is opened read-only through the usual locks; the `-wal`/`-shm` files exist already. Without
/// one, the main file holds everything and is opened `immutable`, which touches nothing else.
pub(crate) fn open_read_only(path: &Path) -> rusqlite::Result<Connection> {
    let wal = side_file(path, "-wal");
    let has_wal = fs::metadata(&wal).is_ok_and(|m| m.len() > 0);
    read_only(path, if has_wal { "mode=ro" } else { "immutable=1" })
}

/// Opens `path` for reading beside a process that has it open for writing: read-only through
/// the usual locks, so every commit of the writer is seen (its `-wal`/`-shm` files exist).
pub(crate) fn open_beside_writer(path: &Path) -> rusqlite::Result<Connection> {
    read_only(path, "mode=ro")
}

fn read_only(path: &Path, query: &str) -> rusqlite::Result<Connection> {
    let uri = format!("file:{}?{query}", uri_path(path));
    Connection::open_with_flags(
        uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
}

/// Percent-encodes a path for a `file:` URI (everything but unreserved characters and `/`).
fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for &byte in path.as_os_str().as_encoded_bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_characters_in_paths_are_escaped_for_the_uri() {
        assert_eq!(
            uri_path(Path::new("/tmp/a b?#%.db")),
            "/tmp/a%20b%3F%23%25.db"
        );
        assert_eq!(uri_path(Path::new("rel/ironpulse.db")), "rel/ironpulse.db");
    }

    #[test]
    fn a_short_file_is_not_a_database() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("short.db");
        fs::write(&path, b"SQLite").unwrap();
        assert!(matches!(
            inspect(&path),
            Err(StoreError::NotADatabase { .. })
        ));
    }

    #[test]
    fn missing_and_empty_files_are_new_databases() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.db");
        assert_eq!(inspect(&path).unwrap(), None);
        fs::write(&path, b"").unwrap();
        assert_eq!(inspect(&path).unwrap(), None);
    }

    #[test]
    fn an_empty_sqlite_file_without_tables_is_not_foreign() {
        let header = Header {
            application_id: 0,
            user_version: 0,
            has_tables: false,
        };
        assert!(header.refuse_foreign(Path::new("x.db")).is_ok());
        let other = Header {
            has_tables: true,
            ..header
        };
        assert!(matches!(
            other.refuse_foreign(Path::new("x.db")),
            Err(StoreError::NotIronpulse {
                application_id: 0,
                ..
            })
        ));
    }
}
