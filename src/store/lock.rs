//! One ironpulse per database: an exclusive lock on `<db>.lock`, held while the `Store` lives.
//!
//! The lock is an OS file lock (`File::try_lock`), so it vanishes with the process, even after
//! `kill -9`; the PID written into the file only serves the error message.

use std::fs::{self, File, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::StoreError;

/// Holds the single-instance lock until dropped.
#[derive(Debug)]
pub(crate) struct InstanceLock {
    _file: File,
    path: PathBuf,
    /// This open created the lock file (so giving up may remove it).
    created: bool,
}

impl InstanceLock {
    /// Takes the lock for the database at `db`, or says which process holds it.
    pub(crate) fn acquire(db: &Path) -> Result<Self, StoreError> {
        let path = lock_path(db);
        let io = |context: &'static str| {
            let path = path.clone();
            move |source| StoreError::Io {
                path,
                context,
                source,
            }
        };
        let created = !path.exists();
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io("open the lock file"))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                let pid = fs::read_to_string(&path)
                    .ok()
                    .and_then(|text| text.trim().parse().ok());
                return Err(StoreError::Locked {
                    path: db.to_path_buf(),
                    pid,
                });
            }
            Err(std::fs::TryLockError::Error(source)) => {
                return Err(io("lock the lock file")(source));
            }
        }
        file.set_len(0).map_err(io("write the lock file"))?;
        writeln!(file, "{}", std::process::id()).map_err(io("write the lock file"))?;
        Ok(InstanceLock {
            _file: file,
            path,
            created,
        })
    }

    /// Gives the lock up after the database was refused, removing the lock file if this open
    /// created it.
    pub(crate) fn abandon(self) {
        if self.created {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// `<db path>.lock`, next to the database.
pub fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_names_the_holder_and_the_first_release_frees_it() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("ironpulse.db");
        let first = InstanceLock::acquire(&db).unwrap();
        assert_eq!(
            fs::read_to_string(lock_path(&db)).unwrap().trim(),
            std::process::id().to_string()
        );
        match InstanceLock::acquire(&db) {
            Err(StoreError::Locked { path, pid }) => {
                assert_eq!(path, db);
                assert_eq!(pid, Some(std::process::id()));
            }
            other => panic!("expected Locked, got {other:?}"),
        }
        drop(first);
        assert!(InstanceLock::acquire(&db).is_ok());
    }

    #[test]
    fn abandoning_removes_only_a_lock_file_it_created() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("other.txt");
        InstanceLock::acquire(&db).unwrap().abandon();
        assert!(!lock_path(&db).exists());
        fs::write(lock_path(&db), "").unwrap();
        InstanceLock::acquire(&db).unwrap().abandon();
        assert!(lock_path(&db).exists(), "a lock file that was there stays");
    }

    #[test]
    fn the_lock_file_sits_next_to_the_database() {
        assert_eq!(
            lock_path(Path::new("/data/ironpulse.db")),
            PathBuf::from("/data/ironpulse.db.lock")
        );
    }
}
