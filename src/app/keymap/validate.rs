//! The config's `[keys]` section turned into the keymap in force, refused when it would leave
//! the app unusable: every command (`db path` and `calc` too) builds it before doing anything,
//! so a broken section is found the same way everywhere, naming the key and its line.
//!
//! Refused, besides unknown actions and key names:
//! - an essential action with no key (`submit = []`): see [`ESSENTIAL`];
//! - two actions on one key where both apply (`quit = "s"` is also `start_session` on the
//!   dashboard): the later line in the file is the one named;
//! - an essential action whose keys are all typed as text somewhere it applies (`quit = "q"` on
//!   the session screen, whose entry line takes plain characters), so it would have no key there;
//! - any action whose keys are typed as text everywhere it applies (`notes = "n"`): it would
//!   never work.
//!
//! A non-essential action may be switched off with an empty list (`deload = []`), and may lack a
//! key on some screens (`help = "?"` types a `?` in the picker).

use std::collections::HashMap;

use super::{Binding, Command, Context, Key, Keymap, TABLE, bindable};
use crate::config::{ConfigError, Loaded};

/// The actions without which the app cannot be used or left, and what each one does.
const ESSENTIAL: &[(Command, &str)] = &[
    (Command::Quit, "it is how you leave the app"),
    (Command::Submit, "it logs a set, chooses and saves"),
    (Command::Back, "it leaves a screen, a dialog or a form"),
    (
        Command::Up,
        "it moves through lists such as the exercise picker",
    ),
    (
        Command::Down,
        "it moves through lists such as the exercise picker",
    ),
    (Command::StartSession, "it starts a session"),
    (Command::AddExercise, "it adds an exercise to a session"),
    (Command::Finish, "it finishes a session"),
];

/// What is wrong, and which action's line to point at.
struct Problem {
    action: &'static str,
    message: String,
}

impl Keymap {
    /// The default keys with the config's `[keys]` applied, checked as a whole. Errors name the
    /// action and the line it is on: `config error in …/config.toml line 3: keys.quit: "s" is
    /// also start_session on the dashboard — …`.
    pub fn from_config(loaded: &Loaded) -> Result<Keymap, ConfigError> {
        let keys = &loaded.config.keys;
        let mut keymap = Keymap::default();
        for (action, spec) in keys {
            keymap = keymap
                .with_overrides([(action.as_str(), spec.keys().collect())])
                .map_err(|message| {
                    loaded.error_at(spec.span.clone(), &format!("keys.{action}"), &message)
                })?;
        }
        // Where each remapped action is written; a conflict names the later of two lines.
        let written: HashMap<&str, usize> = keys
            .iter()
            .map(|(action, spec)| (action.as_str(), spec.span.start))
            .collect();
        keymap.check(&written).map_err(|problem| {
            let key = format!("keys.{}", problem.action);
            match keys.get(problem.action) {
                Some(spec) => loaded.error_at(spec.span.clone(), &key, &problem.message),
                None => ConfigError::Invalid {
                    path: loaded.path.clone(),
                    line: None,
                    message: format!("{key}: {}", problem.message),
                },
            }
        })?;
        Ok(keymap)
    }

    /// The rules in the module's doc, over every binding; `written` holds the remapped actions
    /// (with where they are written), the only ones that can break a rule.
    fn check(&self, written: &HashMap<&str, usize>) -> Result<(), Problem> {
        let rows: Vec<(&Binding, &Vec<Key>)> = TABLE.iter().zip(&self.keys).collect();
        for (binding, keys) in &rows {
            if let Some((_, what)) = ESSENTIAL.iter().find(|(c, _)| *c == binding.command)
                && keys.is_empty()
            {
                return Err(Problem {
                    action: binding.name,
                    message: format!(
                        "{} needs a key: {what}; remove the line to keep {}",
                        binding.name,
                        defaults(binding)
                    ),
                });
            }
        }
        conflicts(&rows, written)?;
        for (binding, keys) in rows.iter().filter(|(b, _)| written.contains_key(b.name)) {
            let silent: Vec<Context> = binding
                .contexts
                .iter()
                .copied()
                .filter(|c| !keys.is_empty() && !keys.iter().any(|k| bindable(*c, *k)))
                .collect();
            let essential = ESSENTIAL.iter().any(|(c, _)| *c == binding.command);
            let nowhere = silent.len() == binding.contexts.len();
            let Some(context) = silent.first().filter(|_| essential || nowhere) else {
                continue;
            };
            return Err(Problem {
                action: binding.name,
                message: format!(
                    "{} typed as text on {} (it takes typing), so {} would have no key \
                     there; add one that is not typed: a ctrl-…, alt-… or F-key such as {}",
                    quoted(keys),
                    context.place(),
                    binding.name,
                    suggestion(binding)
                ),
            });
        }
        Ok(())
    }
}

/// Two actions on one key in one context.
fn conflicts(
    rows: &[(&Binding, &Vec<Key>)],
    written: &HashMap<&str, usize>,
) -> Result<(), Problem> {
    let mut taken: HashMap<(Context, Key), &Binding> = HashMap::new();
    for (binding, keys) in rows {
        for key in *keys {
            for context in binding.contexts.iter().filter(|c| bindable(**c, *key)) {
                let Some(other) = taken.insert((*context, *key), binding) else {
                    continue;
                };
                if other.command == binding.command {
                    continue;
                }
                // Name the line written last (a default that was not remapped is never it).
                let line = |b: &Binding| written.get(b.name).copied();
                let (blamed, kept) = if line(other) > line(binding) {
                    (other, *binding)
                } else {
                    (*binding, other)
                };
                return Err(Problem {
                    action: blamed.name,
                    message: format!(
                        "\"{key}\" is also {} on {}: one key does one thing on a screen; \
                             choose another key for {} (or remap {} too)",
                        kept.name,
                        context.place(),
                        blamed.name,
                        kept.name
                    ),
                });
            }
        }
    }
    Ok(())
}

/// `"q"` or `"q", "x" are`, for "… typed as text".
fn quoted(keys: &[Key]) -> String {
    let list: Vec<String> = keys.iter().map(|k| format!("\"{k}\"")).collect();
    match list.len() {
        1 => format!("{} is", list[0]),
        _ => format!("{} are", list.join(", ")),
    }
}

/// The default keys of a binding as the config spells them: `"q", "ctrl-c"`.
fn defaults(binding: &Binding) -> String {
    let keys: Vec<String> = binding.keys.iter().map(|k| format!("\"{k}\"")).collect();
    keys.join(", ")
}

/// A default key of the binding that works everywhere it applies, else a function key.
fn suggestion(binding: &Binding) -> String {
    binding
        .keys
        .iter()
        .find(|text| {
            Key::parse(text).is_ok_and(|k| binding.contexts.iter().all(|c| bindable(*c, k)))
        })
        .map_or_else(|| "\"f2\"".to_owned(), |k| format!("\"{k}\""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::keymap::X;
    use std::path::PathBuf;

    fn load(text: &str) -> Result<Keymap, String> {
        let loaded = Loaded::parse(text.to_owned(), Some(PathBuf::from("/c/config.toml")))
            .map_err(|e| e.to_string())?;
        Keymap::from_config(&loaded).map_err(|e| e.to_string())
    }

    #[test]
    fn the_defaults_pass_every_rule() {
        let keymap = load("").unwrap();
        for (context, _) in Keymap::help_sections() {
            assert_eq!(keymap.help(*context), Keymap::default().help(*context));
        }
        assert!(Keymap::default().check(&HashMap::new()).is_ok());
    }

    #[test]
    fn a_key_taken_by_another_action_is_refused_naming_both_and_the_line() {
        // The issue's case: quit on "s" starts a session on the dashboard, so nothing quits.
        assert_eq!(
            load("[keys]\n\nquit = \"s\"\n").unwrap_err(),
            "config error in /c/config.toml line 3: keys.quit: \"s\" is also start_session on \
             the dashboard: one key does one thing on a screen; choose another key for quit \
             (or remap start_session too)"
        );
        // Moving the other action as well is fine.
        let keymap = load("[keys]\nquit = [\"s\", \"ctrl-c\"]\nstart_session = \"n\"\n").unwrap();
        assert_eq!(
            keymap.command(X::Dashboard, Key::parse("s").unwrap()),
            Some(Command::Quit)
        );
    }

    #[test]
    fn of_two_remapped_actions_on_one_key_the_later_line_is_named() {
        let err = load("[keys]\nhistory = \"x\"\nsettings = \"x\"\n").unwrap_err();
        assert!(
            err.starts_with(
                "config error in /c/config.toml line 3: keys.settings: \"x\" is also history"
            ),
            "{err}"
        );
        let err = load("[keys]\nsettings = \"x\"\nhistory = \"x\"\n").unwrap_err();
        assert!(
            err.starts_with(
                "config error in /c/config.toml line 3: keys.history: \"x\" is also settings"
            ),
            "{err}"
        );
    }

    #[test]
    fn the_same_key_in_different_screens_is_fine() {
        // "r" rescans on the straps screen and lengthens the range on the review screens.
        assert!(load("[keys]\nrescan = \"x\"\nrange_next = \"x\"\n").is_ok());
    }

    #[test]
    fn an_essential_action_without_a_key_is_refused() {
        assert_eq!(
            load("[keys]\nsubmit = []\n").unwrap_err(),
            "config error in /c/config.toml line 2: keys.submit: submit needs a key: it logs a \
             set, chooses and saves; remove the line to keep \"enter\""
        );
        for action in [
            "quit",
            "back",
            "up",
            "down",
            "start_session",
            "add_exercise",
            "finish",
        ] {
            let err = load(&format!("[keys]\n{action} = []\n")).unwrap_err();
            assert!(
                err.contains(&format!("keys.{action}: {action} needs a key")),
                "{err}"
            );
        }
        // Anything else may be switched off.
        let keymap = load("[keys]\ndeload = []\n").unwrap();
        assert_eq!(keymap.command(X::Dashboard, Key::parse("w").unwrap()), None);
    }

    #[test]
    fn keys_that_are_typed_where_an_action_applies_are_refused() {
        // The session's entry line takes "q" as text: quit would have no key there.
        assert_eq!(
            load("[keys]\nquit = \"q\"\n").unwrap_err(),
            "config error in /c/config.toml line 2: keys.quit: \"q\" is typed as text on the \
             session screen (it takes typing), so quit would have no key there; add one that is \
             not typed: a ctrl-…, alt-… or F-key such as \"ctrl-c\""
        );
        let err = load("[keys]\nnotes = \"n\"\n").unwrap_err();
        assert!(
            err.contains("keys.notes: \"n\" is typed as text on the session screen"),
            "{err}"
        );
        assert!(err.ends_with("such as \"ctrl-o\""), "{err}");
        // A non-essential action may lack a key where its key is typed, if it works elsewhere.
        let keymap = load("[keys]\nhelp = \"?\"\n").unwrap();
        assert_eq!(
            keymap.command(X::Dashboard, Key::parse("?").unwrap()),
            Some(Command::Help)
        );
        assert_eq!(keymap.command(X::Picker, Key::parse("?").unwrap()), None);
        // One usable key is enough; the typed one still works on screens without a line.
        let keymap = load("[keys]\nquit = [\"x\", \"ctrl-q\"]\n").unwrap();
        assert_eq!(
            keymap.command(X::Dashboard, Key::parse("x").unwrap()),
            Some(Command::Quit)
        );
        assert_eq!(
            keymap.command(X::Session, Key::parse("ctrl-q").unwrap()),
            Some(Command::Quit)
        );
    }

    #[test]
    fn unknown_actions_and_keys_still_name_their_line() {
        assert_eq!(
            load("[keys]\nquit = [\"ctrl-q\"]\nfly = \"x\"\n").unwrap_err(),
            format!(
                "config error in /c/config.toml line 3: keys.fly: {}",
                Keymap::default()
                    .with_overrides([("fly", vec!["x"])])
                    .unwrap_err()
            )
        );
        let err = load("[keys]\n\nhelp = \"ctrl-\"\n").unwrap_err();
        assert!(
            err.starts_with("config error in /c/config.toml line 3: keys.help: unknown key"),
            "{err}"
        );
    }
}
