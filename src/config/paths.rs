//! Where files live: XDG directories, `~/` expansion and which database path wins.

use std::path::{Component, Path, PathBuf};

use super::Loaded;

/// The database file name inside the data directory.
const DB_FILE: &str = "ironpulse.db";
/// The config file name inside the config directory.
const CONFIG_FILE: &str = "config.toml";

/// A path could not be worked out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PathError {
    /// No home directory, so no default locations and no `~/`.
    #[error(
        "cannot find your home directory (is HOME set?), so there is no default place for the \
         database and config; pass full paths with --db and --config"
    )]
    NoHome,
}

/// The per-user directories ironpulse uses (XDG on Linux; respects `XDG_DATA_HOME` and friends).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dirs {
    home: PathBuf,
    data: PathBuf,
    config: PathBuf,
    state: PathBuf,
}

impl Dirs {
    /// Looks the directories up for the current user.
    pub fn discover() -> Result<Self, PathError> {
        let base = directories::BaseDirs::new().ok_or(PathError::NoHome)?;
        let project =
            directories::ProjectDirs::from("", "", "ironpulse").ok_or(PathError::NoHome)?;
        let state = project
            .state_dir()
            .unwrap_or_else(|| project.data_local_dir())
            .to_path_buf();
        Ok(Self {
            home: base.home_dir().to_path_buf(),
            data: project.data_dir().to_path_buf(),
            config: project.config_dir().to_path_buf(),
            state,
        })
    }

    /// Directories rooted at explicit paths (tests, or a portable install).
    pub fn from_parts(home: PathBuf, data: PathBuf, config: PathBuf, state: PathBuf) -> Self {
        Self {
            home,
            data,
            config,
            state,
        }
    }

    /// The user's home directory.
    pub fn home(&self) -> &Path {
        &self.home
    }

    /// `$XDG_DATA_HOME/ironpulse/ironpulse.db`.
    pub fn default_db(&self) -> PathBuf {
        self.data.join(DB_FILE)
    }

    /// `$XDG_CONFIG_HOME/ironpulse/config.toml`.
    pub fn default_config(&self) -> PathBuf {
        self.config.join(CONFIG_FILE)
    }

    /// `$XDG_STATE_HOME/ironpulse/`, where the log files go.
    pub fn log_dir(&self) -> &Path {
        &self.state
    }
}

/// Expands a leading `~` or `~/` to `home`; other paths are returned unchanged.
pub fn expand_home(path: &Path, home: Option<&Path>) -> Result<PathBuf, PathError> {
    let mut components = path.components();
    match components.next() {
        Some(Component::Normal(first)) if first == "~" => {
            let home = home.ok_or(PathError::NoHome)?;
            Ok(home.join(components.as_path()))
        }
        _ => Ok(path.to_path_buf()),
    }
}

/// The database to open: `explicit` (`--db`, which clap fills from `IRONPULSE_DB` when the flag
/// is absent) > the config's `database.path` > the XDG default.
///
/// A relative `database.path` is taken relative to the config file's directory.
pub fn resolve_db(
    explicit: Option<&Path>,
    config: &Loaded,
    dirs: Option<&Dirs>,
) -> Result<PathBuf, PathError> {
    let home = dirs.map(Dirs::home);
    if let Some(path) = explicit {
        return expand_home(path, home);
    }
    if let Some(path) = &config.config.database.path {
        let path = expand_home(path, home)?;
        let base = config.path.as_deref().and_then(Path::parent);
        return Ok(match base {
            Some(base) if path.is_relative() => base.join(path),
            _ => path,
        });
    }
    dirs.map(Dirs::default_db).ok_or(PathError::NoHome)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dirs() -> Dirs {
        Dirs::from_parts(
            PathBuf::from("/home/u"),
            PathBuf::from("/home/u/.local/share/ironpulse"),
            PathBuf::from("/home/u/.config/ironpulse"),
            PathBuf::from("/home/u/.local/state/ironpulse"),
        )
    }

    fn with_db(path: &str) -> Loaded {
        let text = format!("[database]\npath = \"{path}\"\n");
        Loaded::parse(
            text,
            Some(PathBuf::from("/home/u/.config/ironpulse/config.toml")),
        )
        .unwrap()
    }

    #[test]
    fn default_locations_follow_the_dirs() {
        let dirs = dirs();
        assert_eq!(
            dirs.default_db(),
            Path::new("/home/u/.local/share/ironpulse/ironpulse.db")
        );
        assert_eq!(
            dirs.default_config(),
            Path::new("/home/u/.config/ironpulse/config.toml")
        );
        assert_eq!(dirs.log_dir(), Path::new("/home/u/.local/state/ironpulse"));
    }

    #[test]
    fn tilde_expands_only_at_the_start() {
        let home = Some(Path::new("/home/u"));
        assert_eq!(
            expand_home(Path::new("~/a.db"), home),
            Ok(PathBuf::from("/home/u/a.db"))
        );
        assert_eq!(
            expand_home(Path::new("~"), home),
            Ok(PathBuf::from("/home/u"))
        );
        assert_eq!(
            expand_home(Path::new("/x/~/a.db"), home),
            Ok(PathBuf::from("/x/~/a.db"))
        );
        assert_eq!(
            expand_home(Path::new("~bob/a.db"), home),
            Ok(PathBuf::from("~bob/a.db"))
        );
        assert_eq!(
            expand_home(Path::new("~/a.db"), None),
            Err(PathError::NoHome)
        );
    }

    #[test]
    fn explicit_beats_config_beats_default() {
        let dirs = dirs();
        let configured = with_db("/data/lifts.db");
        assert_eq!(
            resolve_db(Some(Path::new("/tmp/x.db")), &configured, Some(&dirs)),
            Ok(PathBuf::from("/tmp/x.db"))
        );
        assert_eq!(
            resolve_db(None, &configured, Some(&dirs)),
            Ok(PathBuf::from("/data/lifts.db"))
        );
        assert_eq!(
            resolve_db(None, &Loaded::default(), Some(&dirs)),
            Ok(dirs.default_db())
        );
    }

    #[test]
    fn config_paths_expand_home_and_are_relative_to_the_config_file() {
        let dirs = dirs();
        assert_eq!(
            resolve_db(None, &with_db("~/gym/lifts.db"), Some(&dirs)),
            Ok(PathBuf::from("/home/u/gym/lifts.db"))
        );
        assert_eq!(
            resolve_db(None, &with_db("lifts.db"), Some(&dirs)),
            Ok(PathBuf::from("/home/u/.config/ironpulse/lifts.db"))
        );
    }

    #[test]
    fn without_a_home_only_full_paths_work() {
        assert_eq!(
            resolve_db(Some(Path::new("/tmp/x.db")), &Loaded::default(), None),
            Ok(PathBuf::from("/tmp/x.db"))
        );
        assert_eq!(
            resolve_db(None, &Loaded::default(), None),
            Err(PathError::NoHome)
        );
        assert_eq!(
            resolve_db(Some(Path::new("~/x.db")), &Loaded::default(), None),
            Err(PathError::NoHome)
        );
    }
}
