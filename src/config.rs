//! The TOML config file: rest timer defaults, colour, key remaps and the database path.
//!
//! Every key has a default, so a missing file is the same as an empty one. Unknown keys and
//! out-of-range values are refused with the file, the line and the key named.

mod error;
mod keys;
pub mod paths;
mod rest;
mod ui;

use std::collections::BTreeMap;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;

pub use error::ConfigError;
pub use keys::KeySpec;
pub use paths::{Dirs, PathError};
pub use rest::RestConfig;
pub use ui::{ColorMode, UiConfig};

/// Everything the config file can set.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// `[database]`: where the data lives.
    pub database: DatabaseConfig,
    /// `[rest]`: rest timer defaults.
    pub rest: RestConfig,
    /// `[ui]`: appearance.
    pub ui: UiConfig,
    /// `[keys]`: action name → key(s), as written. The app checks the names against its keymap.
    pub keys: BTreeMap<String, KeySpec>,
}

/// `[database]` section.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DatabaseConfig {
    /// The database file; `None` means the XDG data dir. A leading `~/` is expanded later.
    #[serde(deserialize_with = "non_empty_path")]
    pub path: Option<PathBuf>,
}

fn non_empty_path<'de, D>(deserializer: D) -> Result<Option<PathBuf>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let path = PathBuf::deserialize(deserializer)?;
    if path.as_os_str().is_empty() {
        return Err(serde::de::Error::custom(
            "the path is empty; remove the line to use the default location",
        ));
    }
    Ok(Some(path))
}

/// A config as loaded, with the text it came from so later checks can point at a line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Loaded {
    /// The parsed and validated config.
    pub config: Config,
    /// The file it was read from; `None` when no file existed and the defaults are in use.
    pub path: Option<PathBuf>,
    /// The file's text (empty for defaults); spans in [`KeySpec`] index into it.
    pub text: String,
}

impl Loaded {
    /// Parses `text` as a config file that was read from `path`.
    pub fn parse(text: String, path: Option<PathBuf>) -> Result<Self, ConfigError> {
        match toml::from_str::<Config>(&text) {
            Ok(config) => Ok(Self { config, path, text }),
            Err(err) => Err(error::from_toml(&err, &text, path)),
        }
    }

    /// An error about `key` at byte `span` of this file, e.g. an unknown action in `[keys]`.
    ///
    /// `loaded.error_at(spec.span.clone(), "keys.foo", "unknown action")` displays as
    /// `config error in …/config.toml line 12: keys.foo: unknown action`.
    pub fn error_at(&self, span: Range<usize>, key: &str, message: &str) -> ConfigError {
        ConfigError::Invalid {
            path: self.path.clone(),
            line: Some(error::line_of(&self.text, span.start)),
            message: format!("{key}: {message}"),
        }
    }
}

/// Reads the config file at `path`.
///
/// A missing file gives the defaults, unless `must_exist` (the user named the file with
/// `--config`), in which case it is an error.
pub fn load(path: &Path, must_exist: bool) -> Result<Loaded, ConfigError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Loaded::parse(text, Some(path.to_path_buf())),
        Err(err) if err.kind() == io::ErrorKind::NotFound && !must_exist => Ok(Loaded::default()),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Err(ConfigError::NotFound {
            path: path.to_path_buf(),
        }),
        Err(source) => Err(ConfigError::Read {
            path: path.to_path_buf(),
            source,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn parse(text: &str) -> Result<Config, String> {
        Loaded::parse(
            text.to_owned(),
            Some(PathBuf::from("/home/u/.config/ironpulse/config.toml")),
        )
        .map(|loaded| loaded.config)
        .map_err(|err| err.to_string())
    }

    #[test]
    fn empty_file_is_the_defaults() {
        assert_eq!(parse(""), Ok(Config::default()));
        let config = Config::default();
        assert_eq!(config.rest.compound, Duration::from_secs(180));
        assert_eq!(config.rest.isolation, Duration::from_secs(90));
        assert_eq!(config.rest.bodyweight, Duration::from_secs(90));
        assert_eq!(config.rest.cardio, Duration::ZERO);
        assert_eq!(config.rest.step, Duration::from_secs(30));
        assert!(config.rest.bell);
        assert_eq!(config.ui.color, ColorMode::Auto);
        assert_eq!(config.database.path, None);
        assert!(config.keys.is_empty());
    }

    #[test]
    fn example_file_parses_to_the_defaults() {
        let example = include_str!("../config.example.toml");
        assert_eq!(parse(example), Ok(Config::default()));
    }

    #[test]
    fn every_key_can_be_set() {
        let config = parse(
            "[database]\npath = \"~/lifts.db\"\n\
             [rest]\ncompound = 240\nisolation = 60\nbodyweight = 75\ncardio = 30\nstep = 15\nbell = false\n\
             [ui]\ncolor = \"never\"\n\
             [keys]\nquit = \"q\"\nlog = [\"enter\", \"l\"]\n",
        )
        .unwrap();
        assert_eq!(config.database.path, Some(PathBuf::from("~/lifts.db")));
        assert_eq!(config.rest.compound, Duration::from_secs(240));
        assert_eq!(config.rest.isolation, Duration::from_secs(60));
        assert_eq!(config.rest.bodyweight, Duration::from_secs(75));
        assert_eq!(config.rest.cardio, Duration::from_secs(30));
        assert_eq!(config.rest.step, Duration::from_secs(15));
        assert!(!config.rest.bell);
        assert_eq!(config.ui.color, ColorMode::Never);
        let quit: Vec<&str> = config.keys["quit"].keys().collect();
        let log: Vec<&str> = config.keys["log"].keys().collect();
        assert_eq!(quit, ["q"]);
        assert_eq!(log, ["enter", "l"]);
    }

    #[test]
    fn unknown_key_names_file_line_section_and_choices() {
        assert_eq!(
            parse("[rest]\nbell = true\n\n[ui]\ncolour = 1\n").unwrap_err(),
            "config error in /home/u/.config/ironpulse/config.toml line 5: \
             unknown key \"colour\" in [ui] — expected one of: color"
        );
    }

    #[test]
    fn unknown_key_in_dotted_and_inline_form_names_the_section() {
        let dotted = parse("ui.colour = 1").unwrap_err();
        assert!(
            dotted.ends_with("line 1: unknown key \"colour\" in [ui] — expected one of: color"),
            "{dotted}"
        );
        let inline = parse("\nrest = { compund = 1 }").unwrap_err();
        assert!(
            inline.contains("line 2: unknown key \"compund\" in [rest]"),
            "{inline}"
        );
        assert!(
            inline.contains("compound, isolation, bodyweight, cardio, step, bell"),
            "{inline}"
        );
    }

    #[test]
    fn unknown_section_lists_the_sections() {
        assert_eq!(
            parse("[database]\n[colours]\n").unwrap_err(),
            "config error in /home/u/.config/ironpulse/config.toml line 2: \
             unknown section \"colours\" — expected one of: database, rest, ui, keys"
        );
    }

    #[test]
    fn out_of_range_rest_names_the_key_and_range() {
        let text = "# rest\n\n\n\n\n[rest]\ncompound = -5\n";
        assert_eq!(
            parse(text).unwrap_err(),
            "config error in /home/u/.config/ironpulse/config.toml line 7: \
             rest.compound: invalid value -5, expected 0–3600"
        );
        assert!(
            parse("[rest]\nisolation = 3601")
                .unwrap_err()
                .ends_with("line 2: rest.isolation: invalid value 3601, expected 0–3600")
        );
        assert!(parse("[rest]\ncompound = 3600\ncardio = 0").is_ok());
    }

    #[test]
    fn step_must_be_5_to_300() {
        assert!(
            parse("[rest]\nstep = 4")
                .unwrap_err()
                .ends_with("line 2: rest.step: invalid value 4, expected 5–300")
        );
        assert!(
            parse("[rest]\nstep = 301")
                .unwrap_err()
                .ends_with("line 2: rest.step: invalid value 301, expected 5–300")
        );
        assert!(parse("[rest]\nstep = 5").is_ok());
        assert!(parse("[rest]\nstep = 300").is_ok());
    }

    #[test]
    fn wrong_types_name_the_key_and_what_was_expected() {
        assert_eq!(
            parse("[ui]\ncolor = 1").unwrap_err(),
            "config error in /home/u/.config/ironpulse/config.toml line 2: \
             ui.color: expected auto, always or never, got integer 1"
        );
        assert!(
            parse("[rest]\ncompound = 1.5")
                .unwrap_err()
                .ends_with("line 2: rest.compound: expected whole seconds, got floating point 1.5")
        );
        assert!(
            parse("[rest]\nbell = \"yes\"")
                .unwrap_err()
                .ends_with("line 2: rest.bell: expected a boolean, got string \"yes\"")
        );
        assert!(
            parse("rest = 3")
                .unwrap_err()
                .ends_with("line 1: rest: expected a table, got integer 3")
        );
    }

    #[test]
    fn unknown_colour_mode_lists_the_modes() {
        assert!(parse("[ui]\ncolor = \"blue\"").unwrap_err().ends_with(
            "line 2: ui.color: unknown value \"blue\" — expected one of: auto, always, never"
        ));
    }

    #[test]
    fn empty_database_path_is_refused() {
        let err = parse("[database]\npath = \"\"").unwrap_err();
        assert!(err.ends_with("line 2: database.path: the path is empty; remove the line to use the default location"), "{err}");
    }

    #[test]
    fn syntax_errors_give_the_line() {
        let err = parse("[rest]\nbell = true\n[ui\n").unwrap_err();
        assert!(
            err.starts_with("config error in /home/u/.config/ironpulse/config.toml line 3: "),
            "{err}"
        );
        let dup = parse("[rest]\ncompound = 1\ncompound = 2\n").unwrap_err();
        assert!(dup.ends_with("line 3: duplicate key \"compound\""), "{dup}");
    }

    #[test]
    fn error_at_points_at_the_line_of_the_span() {
        let loaded = Loaded::parse(
            "[keys]\nquit = \"q\"\nfoo = [\"x\", \"y\"]\n".to_owned(),
            Some(PathBuf::from("/c/config.toml")),
        )
        .unwrap();
        let spec = &loaded.config.keys["foo"];
        assert_eq!(&loaded.text[spec.span.clone()], "[\"x\", \"y\"]");
        assert_eq!(
            loaded
                .error_at(spec.span.clone(), "keys.foo", "unknown action 'foo'")
                .to_string(),
            "config error in /c/config.toml line 3: keys.foo: unknown action 'foo'"
        );
    }

    #[test]
    fn load_missing_file_gives_defaults_unless_required() {
        let missing = Path::new("/nonexistent/ironpulse/config.toml");
        let loaded = load(missing, false).unwrap();
        assert_eq!(loaded, Loaded::default());
        assert_eq!(loaded.path, None);
        assert_eq!(
            load(missing, true).unwrap_err().to_string(),
            "config file /nonexistent/ironpulse/config.toml does not exist"
        );
    }
}
