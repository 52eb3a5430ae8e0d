//! `[keys]`: key remaps, kept as written (with their byte spans) for the app's keymap to check.

use std::fmt;
use std::ops::Range;

use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use toml::Spanned;

/// The key(s) bound to one action: `quit = "q"` or `quit = ["q", "ctrl+c"]`.
///
/// Nothing is checked here beyond "a string or a list of strings": the keymap knows which actions
/// and key names exist, and reports mistakes with [`crate::config::Loaded::error_at`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeySpec {
    /// Byte span of the whole value in the config text.
    pub span: Range<usize>,
    /// Each key as written, with its own span.
    pub keys: Vec<Spanned<String>>,
}

impl KeySpec {
    /// The keys as written, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.keys.iter().map(|key| key.get_ref().as_str())
    }
}

impl<'de> Deserialize<'de> for KeySpec {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Spanned::<Written>::deserialize(deserializer)?;
        let span = value.span();
        let keys = match value.into_inner() {
            Written::One(key) => vec![Spanned::new(span.clone(), key)],
            Written::Many(keys) => keys,
        };
        Ok(Self { span, keys })
    }
}

enum Written {
    One(String),
    Many(Vec<Spanned<String>>),
}

impl<'de> Deserialize<'de> for Written {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(WrittenVisitor)
    }
}

struct WrittenVisitor;

impl<'de> Visitor<'de> for WrittenVisitor {
    type Value = Written;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(r#"a key like "q" or a list like ["q", "esc"]"#)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Written, E> {
        Ok(Written::One(value.to_owned()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Written, A::Error> {
        let mut keys = Vec::new();
        while let Some(key) = seq.next_element::<Spanned<String>>()? {
            keys.push(key);
        }
        Ok(Written::Many(keys))
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Loaded;

    fn parse_err(text: &str) -> String {
        Loaded::parse(text.to_owned(), None)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn single_key_spans_the_string() {
        let text = "[keys]\nquit = \"q\"\n";
        let loaded = Loaded::parse(text.to_owned(), None).unwrap();
        let spec = &loaded.config.keys["quit"];
        assert_eq!(&text[spec.span.clone()], "\"q\"");
        assert_eq!(spec.keys.len(), 1);
        assert_eq!(spec.keys[0].span(), spec.span);
    }

    #[test]
    fn each_key_in_a_list_has_its_own_span() {
        let text = "[keys]\nlog = [\"enter\", \"l\"]\n";
        let loaded = Loaded::parse(text.to_owned(), None).unwrap();
        let spec = &loaded.config.keys["log"];
        let written: Vec<&str> = spec.keys.iter().map(|k| &text[k.span()]).collect();
        assert_eq!(written, ["\"enter\"", "\"l\""]);
    }

    #[test]
    fn a_number_is_refused_with_the_action_named() {
        assert_eq!(
            parse_err("[keys]\nquit = 3"),
            "config error line 2: keys.quit: expected a key like \"q\" or a list like [\"q\", \"esc\"], got integer 3"
        );
        assert_eq!(
            parse_err("[keys]\n\nquit = [\"q\", 3]"),
            "config error line 3: keys.quit: expected a string, got integer 3"
        );
    }
}
