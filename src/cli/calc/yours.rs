//! "Your plates", "your unit": the profile of the database `--db` names (else `IRONPULSE_DB`,
//! the config's `database.path`, the default one), for the calculators that speak of the lifter's
//! own kit. It is read only when a flag leaves something open, through the store's reader: no
//! database is created, no lock taken, nothing upgraded or changed. No database (or no profile
//! yet) means the standard kit: kilograms, a 20 kg bar, 25–1.25 kg plates.

use std::cell::OnceCell;
use std::path::Path;

use ironpulse::core::profile::Profile;
use ironpulse::core::units::Unit;
use ironpulse::store::{Store, StoreError};

use super::super::{Context, Failure, recommend};

/// The lifter's profile, read at most once, and only when asked for.
pub struct Yours<'a> {
    ctx: &'a Context,
    profile: OnceCell<Option<Profile>>,
}

impl<'a> Yours<'a> {
    /// The profile of the database `ctx` names.
    pub fn of(ctx: &'a Context) -> Self {
        Self {
            ctx,
            profile: OnceCell::new(),
        }
    }

    /// The saved profile, or `None` without a database or a profile in it.
    pub fn profile(&self) -> Result<Option<&Profile>, Failure> {
        if let Some(read) = self.profile.get() {
            return Ok(read.as_ref());
        }
        let read = match self.ctx.db_path_if_any()? {
            Some(db) => read_profile(&db)?,
            None => None,
        };
        Ok(self.profile.get_or_init(|| read).as_ref())
    }

    /// The profile's unit, else kilograms.
    pub fn unit(&self) -> Result<Unit, Failure> {
        Ok(self.profile()?.map_or(Unit::Kg, |p| p.unit))
    }
}

/// The profile saved in the database at `db`; `None` when there is no database there (a missing
/// or empty file) or no profile in it yet.
fn read_profile(db: &Path) -> Result<Option<Profile>, Failure> {
    if !recommend::present(db) {
        return Ok(None);
    }
    let doing = "read your profile for the calculator";
    let store = Store::open_reader(db)
        .map_err(|err| Failure::from_store(err, doing))?
        .ok_or_else(|| needs_upgrade(db))?;
    store
        .profile()
        .map_err(|err: StoreError| Failure::from_store(err, doing))
}

/// A database of an older schema: reading it would mean upgrading it, which a calculator does
/// not do.
fn needs_upgrade(db: &Path) -> Failure {
    Failure::Usage(format!(
        "{} must be upgraded by this ironpulse before its profile (your unit, bar and plates) can \
         be read: start ironpulse once, or give --unit, --bar and --plates",
        db.display()
    ))
}
