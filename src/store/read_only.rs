//! Whether a database can be written, found out without writing a byte: the file, its folder
//! (where `SQLite` keeps its `-wal`/`-shm` files and ironpulse its lock file) and those side files.
//!
//! `access(2)` asks the kernel with the permissions of the running user, so the answer is the
//! one a write would get (root may write a `chmod 444` file; nobody writes on a read-only mount).

use std::fmt;
use std::path::{Path, PathBuf};

use rustix::fs::{Access, access};
use rustix::io::Errno;

use super::lock::lock_path;
use super::side_file::side_file;

/// Why a database can be read but not written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnly {
    /// The file system holding it is mounted read-only.
    FileSystem,
    /// The database file itself is not writable.
    File(PathBuf),
    /// Its folder is not writable: `SQLite` creates its `-wal` and `-shm` files there, and
    /// ironpulse its lock file.
    Folder(PathBuf),
    /// A file that must be written beside it (the lock file, `-wal`, `-shm`) is not writable.
    SideFile(PathBuf),
}

impl ReadOnly {
    /// The command that makes the database writable, where there is one (run by the owner).
    pub fn command(&self) -> Option<String> {
        match self {
            ReadOnly::FileSystem => None,
            ReadOnly::File(path) | ReadOnly::Folder(path) | ReadOnly::SideFile(path) => {
                Some(format!("chmod u+w {}", path.display()))
            }
        }
    }

    /// What would make the database writable.
    pub fn fix(&self) -> String {
        let first = self.command().map_or_else(
            || "remount it read-write".to_string(),
            |command| format!("{command} (as its owner)"),
        );
        format!("{first}, or copy the database to a writable place and use --db")
    }
}

impl fmt::Display for ReadOnly {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadOnly::FileSystem => f.write_str("it is on a read-only file system"),
            ReadOnly::File(_) => f.write_str("the file is read-only"),
            ReadOnly::Folder(path) => write!(f, "its folder {} is read-only", path.display()),
            ReadOnly::SideFile(path) => write!(f, "{} is not writable", path.display()),
        }
    }
}

/// Why the database at `db` cannot be written, or `None` when it can (or can be created).
pub(crate) fn detect(db: &Path) -> Option<ReadOnly> {
    let file = [(db.to_path_buf(), ReadOnly::File(db.to_path_buf()))];
    let sides = [lock_path(db), side_file(db, "-wal"), side_file(db, "-shm")]
        .map(|side| (side.clone(), ReadOnly::SideFile(side)));
    file.into_iter()
        .chain([folder_check(db)])
        .chain(sides)
        .find_map(|(path, why)| refused(&path, why))
}

/// Why nothing can be created beside the database at `db`, or `None` when something can.
pub(crate) fn folder(db: &Path) -> Option<ReadOnly> {
    let (path, why) = folder_check(db);
    refused(&path, why)
}

fn folder_check(db: &Path) -> (PathBuf, ReadOnly) {
    let folder = match db.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    (folder.clone(), ReadOnly::Folder(folder))
}

/// `why` (or the read-only file system) when `path` exists and may not be written.
fn refused(path: &Path, why: ReadOnly) -> Option<ReadOnly> {
    match access(path, Access::WRITE_OK) {
        Err(Errno::ROFS) => Some(ReadOnly::FileSystem),
        Err(Errno::ACCESS | Errno::PERM) => Some(why),
        // Writable, or missing (a new database, no side file yet), or something a write would
        // report in its own words.
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_database_in_a_writable_folder_is_writable() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(detect(&dir.path().join("new.db")), None);
        std::fs::write(dir.path().join("there.db"), b"").unwrap();
        assert_eq!(detect(&dir.path().join("there.db")), None);
    }

    #[test]
    fn each_reason_says_what_is_read_only_and_how_to_fix_it() {
        let why = ReadOnly::Folder(PathBuf::from("/data"));
        assert_eq!(why.to_string(), "its folder /data is read-only");
        assert_eq!(why.command().as_deref(), Some("chmod u+w /data"));
        assert!(
            why.fix()
                .starts_with("chmod u+w /data (as its owner), or copy")
        );
        assert_eq!(
            ReadOnly::File(PathBuf::from("/data/x.db")).to_string(),
            "the file is read-only"
        );
        assert!(
            ReadOnly::FileSystem
                .fix()
                .starts_with("remount it read-write")
        );
    }
}
