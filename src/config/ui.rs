//! `[ui]`: appearance.

use std::ffi::OsStr;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

/// `[ui]` section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct UiConfig {
    /// Whether to draw in colour.
    pub color: ColorMode,
}

/// `color = "auto" | "always" | "never"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorMode {
    /// Colour unless the `NO_COLOR` environment variable is set (and not empty).
    #[default]
    Auto,
    /// Always colour, even with `NO_COLOR`.
    Always,
    /// Never colour.
    Never,
}

const MODES: &[&str] = &["auto", "always", "never"];

impl ColorMode {
    /// Whether to use colour, given the value of `NO_COLOR` (see <https://no-color.org>).
    pub fn enabled(self, no_color: Option<&OsStr>) -> bool {
        match self {
            Self::Always => true,
            Self::Never => false,
            Self::Auto => no_color.is_none_or(OsStr::is_empty),
        }
    }
}

impl<'de> Deserialize<'de> for ColorMode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(ModeVisitor)
    }
}

struct ModeVisitor;

impl Visitor<'_> for ModeVisitor {
    type Value = ColorMode;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("auto, always or never")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<ColorMode, E> {
        match value {
            "auto" => Ok(ColorMode::Auto),
            "always" => Ok(ColorMode::Always),
            "never" => Ok(ColorMode::Never),
            other => Err(E::unknown_variant(other, MODES)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_honours_no_color_when_set_and_not_empty() {
        assert!(ColorMode::Auto.enabled(None));
        assert!(ColorMode::Auto.enabled(Some(OsStr::new(""))));
        assert!(!ColorMode::Auto.enabled(Some(OsStr::new("1"))));
    }

    #[test]
    fn always_and_never_ignore_no_color() {
        assert!(ColorMode::Always.enabled(Some(OsStr::new("1"))));
        assert!(!ColorMode::Never.enabled(None));
    }
}
