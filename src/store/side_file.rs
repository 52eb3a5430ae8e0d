//! The files `SQLite` and the lock keep beside a database, named from its path.

use std::path::{Path, PathBuf};

/// `<path><suffix>`, e.g. the `-wal` file next to a database.
pub(crate) fn side_file(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}
