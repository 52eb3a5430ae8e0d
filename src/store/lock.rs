//! One ironpulse per database: an exclusive lock on `<db>.lock`, held while the `Store` lives.
//!
//! The lock is an OS file lock (`File::try_lock`), so it vanishes with the process, even after
//! `kill -9`; the PID written into the file only serves the error message. A clean release
//! removes the file (while still holding it), so a clean exit leaves nothing beside the database
//! but `SQLite`'s own files. A file left by a crash is harmless: it is locked by nobody, so the
//! next start takes it, writes its own PID and removes it at its own clean exit.
//!
//! Removing a lock file races with a process that opened it just before: it would lock a file no
//! longer at the path, while a third creates a new one. So a lock only counts once the path still
//! names the file that was locked; otherwise the open starts over on the new file.

use std::fs::{self, File, OpenOptions};
use std::io::Write as _;
use std::os::unix::fs::MetadataExt as _;
use std::path::{Path, PathBuf};

use super::StoreError;

/// How often a lock taken on a file that was removed from its path at that moment is taken
/// again on the new file; each retry means another process released the lock meanwhile, so a
/// few are plenty.
const REMOVED_RETRIES: u32 = 8;

/// Holds the single-instance lock until dropped; dropping it removes the lock file.
#[derive(Debug)]
pub(crate) struct InstanceLock {
    file: File,
    path: PathBuf,
    /// This open created the lock file (so giving up may remove it).
    created: bool,
    /// Leave the file at the path when released (a refused database's lock file that was
    /// there before: not ours to remove).
    keep: bool,
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
        let mut tries = 0;
        let (mut file, created) = loop {
            let created = !path.exists();
            let file = OpenOptions::new()
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
            if at_path(&file, &path) {
                break (file, created);
            }
            // Locked a file another ironpulse removed as it let go: the lock is on the new one.
            tries += 1;
            if tries >= REMOVED_RETRIES {
                return Err(StoreError::Locked {
                    path: db.to_path_buf(),
                    pid: None,
                });
            }
        };
        file.set_len(0).map_err(io("write the lock file"))?;
        writeln!(file, "{}", std::process::id()).map_err(io("write the lock file"))?;
        Ok(InstanceLock {
            file,
            path,
            created,
            keep: false,
        })
    }

    /// Gives the lock up after the database was refused, removing the lock file only if this
    /// open created it.
    pub(crate) fn abandon(mut self) {
        self.keep = !self.created;
    }
}

impl Drop for InstanceLock {
    /// Removes the lock file while the lock is still held (the file closes after this), and only
    /// while the path still names it.
    fn drop(&mut self) {
        if !self.keep && at_path(&self.file, &self.path) {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Whether `path` names the open `file` (the same inode on the same device).
fn at_path(file: &File, path: &Path) -> bool {
    match (file.metadata(), fs::metadata(path)) {
        (Ok(open), Ok(named)) => open.dev() == named.dev() && open.ino() == named.ino(),
        _ => false,
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
    fn a_clean_release_removes_the_lock_file() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("ironpulse.db");
        drop(InstanceLock::acquire(&db).unwrap());
        assert!(!lock_path(&db).exists());
    }

    #[test]
    fn a_lock_file_left_by_a_crash_is_taken_over_and_removed_at_release() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("ironpulse.db");
        // What `kill -9` leaves: the file with the dead process's PID, locked by nobody.
        fs::write(lock_path(&db), "4194304\n").unwrap();
        let lock = InstanceLock::acquire(&db).unwrap();
        assert_eq!(
            fs::read_to_string(lock_path(&db)).unwrap().trim(),
            std::process::id().to_string()
        );
        drop(lock);
        assert!(!lock_path(&db).exists());
    }

    #[test]
    fn a_lock_counts_only_on_the_file_its_path_still_names() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("ironpulse.db");
        let holder = InstanceLock::acquire(&db).unwrap();
        // A second ironpulse opened the file just before the holder let go (and removed it).
        let late = File::open(lock_path(&db)).unwrap();
        drop(holder);
        assert!(late.try_lock().is_ok(), "the old file is free once removed");
        assert!(
            !at_path(&late, &lock_path(&db)),
            "but no longer the lock file"
        );
        // A third ironpulse creates the new file and holds the real lock.
        let third = InstanceLock::acquire(&db).unwrap();
        assert!(!at_path(&late, &lock_path(&db)));
        assert!(at_path(&third.file, &lock_path(&db)));
        // Dropping the stale handle does not touch the third's file.
        drop(late);
        assert!(matches!(
            InstanceLock::acquire(&db),
            Err(StoreError::Locked { .. })
        ));
        drop(third);
        assert!(!lock_path(&db).exists());
    }

    #[test]
    fn a_lock_file_replaced_by_hand_is_not_removed_by_the_old_holder() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("ironpulse.db");
        let holder = InstanceLock::acquire(&db).unwrap();
        fs::remove_file(lock_path(&db)).unwrap();
        fs::write(lock_path(&db), "someone else's\n").unwrap();
        drop(holder);
        assert_eq!(
            fs::read_to_string(lock_path(&db)).unwrap(),
            "someone else's\n"
        );
    }

    #[test]
    fn the_lock_file_sits_next_to_the_database() {
        assert_eq!(
            lock_path(Path::new("/data/ironpulse.db")),
            PathBuf::from("/data/ironpulse.db.lock")
        );
    }
}
