//! Config errors, and turning the toml crate's messages into ones that name the key and line.

use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};

/// Why the config file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// `--config` named a file that is not there.
    #[error("config file {} does not exist", path.display())]
    NotFound { path: PathBuf },
    /// The file exists but could not be read.
    #[error("cannot read config file {}: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The file was read but something in it is wrong.
    #[error("config error{}: {message}", location(path.as_deref(), *line))]
    Invalid {
        /// The file, when there is one.
        path: Option<PathBuf>,
        /// 1-based line of the offending key or value.
        line: Option<usize>,
        /// What is wrong, starting with the key when known.
        message: String,
    },
}

fn location(path: Option<&Path>, line: Option<usize>) -> String {
    let mut out = String::new();
    if let Some(path) = path {
        let _ = write!(out, " in {}", path.display());
    }
    if let Some(line) = line {
        let _ = write!(out, " line {line}");
    }
    out
}

/// 1-based line number of byte `offset` in `text`.
pub(super) fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end].split(|&b| b == b'\n').count()
}

/// Rewrites a toml/serde error into a [`ConfigError::Invalid`] naming the key.
pub(super) fn from_toml(err: &toml::de::Error, text: &str, path: Option<PathBuf>) -> ConfigError {
    let span = err.span();
    let line = span.as_ref().map(|span| line_of(text, span.start));
    let found = match (&span, DeTable::parse(text)) {
        (Some(span), Ok(doc)) => locate(doc.get_ref(), span, &mut Vec::new()),
        _ => None,
    };
    let raw = err.message();
    let message = match found {
        Some(Found::Key(path)) => explain_key(raw, &path),
        Some(Found::Value(path)) => format!("{}: {}", path.join("."), explain(raw)),
        None => match (raw, &span) {
            ("duplicate key", Some(span)) => match text.get(span.clone()) {
                Some(key) => format!("duplicate key \"{}\"", key.trim()),
                None => raw.to_owned(),
            },
            _ => raw.to_owned(),
        },
    };
    ConfigError::Invalid {
        path,
        line,
        message,
    }
}

/// Where in the document an error span fell.
enum Found {
    /// On a key (e.g. an unknown field): the full path of that key.
    Key(Vec<String>),
    /// On a value (a bad type or value): the path of the key it belongs to.
    Value(Vec<String>),
}

fn locate(table: &DeTable<'_>, span: &Range<usize>, path: &mut Vec<String>) -> Option<Found> {
    for (key, value) in table {
        path.push(key.get_ref().to_string());
        if key.span() == *span {
            return Some(Found::Key(path.clone()));
        }
        let inner = match value.get_ref() {
            DeValue::Table(inner) => locate(inner, span, path),
            DeValue::Array(array) => array.iter().find_map(|item| match item.get_ref() {
                DeValue::Table(inner) => locate(inner, span, path),
                _ => None,
            }),
            _ => None,
        };
        if inner.is_some() {
            return inner;
        }
        let value_span = value.span();
        let inside = value_span.start <= span.start && span.end <= value_span.end;
        let is_table = matches!(value.get_ref(), DeValue::Table(_));
        if inside && !is_table {
            return Some(Found::Value(path.clone()));
        }
        path.pop();
    }
    None
}

/// Serde's "unknown field" message → `unknown key "x" in [s] — expected one of: a, b`.
fn explain_key(raw: &str, path: &[String]) -> String {
    let Some((name, section)) = path.split_last() else {
        return raw.to_owned();
    };
    let Some(rest) = raw.strip_prefix("unknown field ") else {
        return format!("{}: {}", path.join("."), explain(raw));
    };
    let expected = rest
        .split_once(", expected ")
        .map(|(_, list)| list.trim_start_matches("one of "))
        .map(plain);
    let what = if section.is_empty() {
        format!("unknown section \"{name}\"")
    } else {
        format!("unknown key \"{name}\" in [{}]", section.join("."))
    };
    match expected {
        Some(list) => format!("{what} — expected one of: {list}"),
        None => format!("{what} — this section takes no keys"),
    }
}

/// Serde's wording, reordered and de-jargoned for a lifter editing a text file.
fn explain(raw: &str) -> String {
    if let Some(rest) = raw.strip_prefix("invalid type: ")
        && let Some((got, expected)) = rest.split_once(", expected ")
    {
        return format!("expected {}, got {}", plain(expected), plain(got));
    }
    if let Some(rest) = raw.strip_prefix("unknown variant ")
        && let Some((got, expected)) = rest.split_once(", expected ")
    {
        let got = got.trim_matches('`');
        let expected = plain(expected.trim_start_matches("one of "));
        return format!("unknown value \"{got}\" — expected one of: {expected}");
    }
    raw.to_owned()
}

fn plain(text: &str) -> String {
    let text = text.replace('`', "");
    if text.starts_with("struct ") || text == "a map" {
        "a table".to_owned()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_of_counts_newlines_before_the_offset() {
        let text = "a\nbb\n\nccc";
        assert_eq!(line_of(text, 0), 1);
        assert_eq!(line_of(text, 2), 2);
        assert_eq!(line_of(text, 5), 3);
        assert_eq!(line_of(text, 6), 4);
        assert_eq!(line_of(text, 999), 4);
    }

    #[test]
    fn display_without_path_or_line() {
        let err = ConfigError::Invalid {
            path: None,
            line: None,
            message: "broken".to_owned(),
        };
        assert_eq!(err.to_string(), "config error: broken");
    }

    #[test]
    fn explain_rewrites_serde_wording() {
        assert_eq!(
            explain("invalid type: integer `3`, expected struct RestConfig"),
            "expected a table, got integer 3"
        );
        assert_eq!(
            explain("unknown variant `blue`, expected one of `auto`, `always`"),
            "unknown value \"blue\" — expected one of: auto, always"
        );
        assert_eq!(explain("something else"), "something else");
    }
}
