//! `ironpulse db check | backup | path`.

use std::path::Path;

use color_eyre::eyre::eyre;
use ironpulse::store;

use super::{Failure, output};

/// Prints the integrity / schema report; fails (exit 1) when the database has problems.
pub fn check(db: &Path) -> Result<(), Failure> {
    let report = store::check(db).map_err(|err| Failure::from_store(err, "check the database"))?;
    output::line(&report)?;
    if report.is_ok() {
        Ok(())
    } else {
        Err(Failure::Runtime(eyre!(
            "{} has problems (see above)",
            db.display()
        )))
    }
}

/// Copies the database to `dest` with `SQLite`'s online backup, and prints what was copied.
pub fn backup(db: &Path, dest: &Path) -> Result<(), Failure> {
    let report =
        store::backup(db, dest).map_err(|err| Failure::from_store(err, "back up the database"))?;
    output::line(report)
}
