//! What every command needs: the user's directories, the loaded and validated config (the
//! keymap too, so a bad `[keys]` is refused by `db path` as by the app) and the `--db` choice.

use std::path::{Path, PathBuf};

use ironpulse::app::keymap::Keymap;
use ironpulse::config::{self, Dirs, Loaded, PathError, paths};

use super::Failure;

/// The resolved environment a command runs in.
#[derive(Debug)]
pub struct Context {
    dirs: Result<Dirs, PathError>,
    config: Loaded,
    keymap: Keymap,
    db: Option<PathBuf>,
    db_from_env: bool,
}

impl Context {
    /// Finds the directories and loads the config: `--config` must exist; the default file may not.
    /// The whole config is checked here, before any command runs, `[keys]` included.
    pub fn load(
        db: Option<PathBuf>,
        db_from_env: bool,
        config: Option<&Path>,
    ) -> Result<Self, Failure> {
        let dirs = Dirs::discover();
        let home = dirs.as_ref().ok().map(Dirs::home);
        let config = match (config, &dirs) {
            (Some(path), _) => config::load(&paths::expand_home(path, home)?, true)?,
            (None, Ok(dirs)) => config::load(&dirs.default_config(), false)?,
            (None, Err(_)) => Loaded::default(),
        };
        let keymap = Keymap::from_config(&config)?;
        Ok(Self {
            dirs,
            config,
            keymap,
            db,
            db_from_env,
        })
    }

    /// The key table in force: the defaults with the config's `[keys]`, checked.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// The user's directories, if a home directory was found.
    pub fn dirs(&self) -> Option<&Dirs> {
        self.dirs.as_ref().ok()
    }

    /// The loaded config and the text it came from.
    pub fn config(&self) -> &Loaded {
        &self.config
    }

    /// The database to use: `--db` > `IRONPULSE_DB` > config `database.path` > default.
    pub fn db_path(&self) -> Result<PathBuf, Failure> {
        Ok(paths::resolve_db(
            self.db.as_deref(),
            &self.config,
            self.dirs(),
        )?)
    }

    /// [`Context::db_path`], or `None` when nothing names a database and there is no home
    /// directory for the default one (a calculator then uses the standard kit).
    pub fn db_path_if_any(&self) -> Result<Option<PathBuf>, Failure> {
        match paths::resolve_db(self.db.as_deref(), &self.config, self.dirs()) {
            Ok(path) => Ok(Some(path)),
            Err(PathError::NoHome)
                if self.db.is_none() && self.config.config.database.path.is_none() =>
            {
                Ok(None)
            }
            Err(err) => Err(err.into()),
        }
    }

    /// The user's own database, ignoring `--db` and `IRONPULSE_DB`.
    pub fn own_db_path(&self) -> Option<PathBuf> {
        paths::resolve_db(None, &self.config, self.dirs()).ok()
    }

    /// `--db` as typed on the command line (not from `IRONPULSE_DB`), `~/` expanded.
    pub fn db_flag(&self) -> Result<Option<PathBuf>, Failure> {
        match &self.db {
            Some(path) if !self.db_from_env => {
                let home = self.dirs().map(Dirs::home);
                Ok(Some(paths::expand_home(path, home)?))
            }
            _ => Ok(None),
        }
    }
}
