//! Every key binding in one table. Screens never match raw key codes: the event loop asks the
//! keymap for the command a key means in the current context. The help overlay is generated from
//! this table, and the `[keys]` section of the config remaps it.

mod validate;

use std::collections::HashMap;
use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where the user is, for the purpose of reading keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    Dashboard,
    Session,
    Picker,
    History,
    Detail,
    Form,
    Confirm,
    Summary,
    Help,
    Devices,
    /// The progression screen.
    Progress,
    /// The training-load screen.
    Load,
}

impl Context {
    /// Contexts with a focused text line: printable keys without a binding are typed.
    pub fn takes_text(self) -> bool {
        matches!(self, Context::Session | Context::Picker | Context::Form)
    }

    /// Where a context is, for messages.
    pub fn place(self) -> &'static str {
        match self {
            X::Dashboard => "the dashboard",
            X::Session => "the session screen",
            X::Picker => "the exercise picker",
            X::History => "the history",
            X::Detail => "the session detail",
            X::Form => "forms",
            X::Confirm => "confirmations",
            X::Summary => "the session summary",
            X::Help => "the help overlay",
            X::Devices => "the heart-rate straps screen",
            X::Progress => "the progression screen",
            X::Load => "the training-load screen",
        }
    }
}

/// Something a key asks for. `update()` decides what it means in the current state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    Quit,
    Help,
    Back,
    Submit,
    Up,
    Down,
    NextField,
    PrevField,
    StartSession,
    History,
    Settings,
    AddExercise,
    MoveUp,
    MoveDown,
    Superset,
    Notes,
    RestMinus,
    RestPlus,
    RestSkip,
    Finish,
    DeleteLastSet,
    Warmups,
    Rule,
    Devices,
    Rescan,
    Forget,
    EditSet,
    Delete,
    Yes,
    No,
    CreateExercise,
    Deload,
    /// Session detail: switch between the sets and the heart rate (small terminals).
    SwitchView,
    /// Dashboard: a lift's progression chart.
    Progress,
    /// Dashboard: the training-load screen.
    TrainingLoad,
    /// Review screens: the next longer range (4 w → 12 w → 6 m → 1 y → all).
    RangeNext,
    /// Review screens: the next shorter range.
    RangePrev,
    /// Progression: pick another exercise.
    PickExercise,
    /// Progression: the next lift in the list of lifts trained.
    NextLift,
    /// Progression: the previous lift in that list.
    PrevLift,
    /// Training load (small terminals): the next panel.
    NextPanel,
    /// Training load (small terminals): the previous panel.
    PrevPanel,
    /// History: a screenful up the list.
    PageUp,
    /// History: a screenful down the list (older sessions are read as it goes).
    PageDown,
    /// History: the newest session.
    First,
    /// History: the oldest session.
    Last,
    /// Dashboard: start today's day of the running program.
    Today,
    /// Summary: keep the selected program change off for this time.
    Suppress,
}

use Command as C;
use Context as X;

/// One row of the table: the command, its config name, what it does, where, and its default keys.
struct Binding {
    command: Command,
    name: &'static str,
    help: &'static str,
    contexts: &'static [Context],
    keys: &'static [&'static str],
}

const ALL: &[Context] = &[
    X::Devices,
    X::Dashboard,
    X::Session,
    X::Picker,
    X::History,
    X::Detail,
    X::Form,
    X::Confirm,
    X::Summary,
    X::Help,
    X::Progress,
    X::Load,
];
const LISTS: &[Context] = &[
    X::Devices,
    X::Dashboard,
    X::Session,
    X::Picker,
    X::History,
    X::Detail,
    X::Form,
    X::Help,
    X::Summary,
];

const TABLE: &[Binding] = &[
    Binding {
        command: C::Quit,
        name: "quit",
        help: "quit (everything logged is already saved)",
        contexts: ALL,
        keys: &["q", "ctrl-c"],
    },
    Binding {
        command: C::Help,
        name: "help",
        help: "show or hide this help",
        contexts: &[
            X::Devices,
            X::Dashboard,
            X::Session,
            X::Picker,
            X::History,
            X::Detail,
            X::Form,
            X::Summary,
            X::Help,
            X::Progress,
            X::Load,
        ],
        keys: &["?", "f1"],
    },
    Binding {
        command: C::Back,
        name: "back",
        help: "back / cancel / clear the error",
        contexts: &[
            X::Devices,
            X::Session,
            X::Picker,
            X::History,
            X::Detail,
            X::Form,
            X::Confirm,
            X::Summary,
            X::Help,
            X::Progress,
            X::Load,
        ],
        keys: &["esc"],
    },
    Binding {
        command: C::Submit,
        name: "submit",
        help: "log the set / choose / save / next field",
        contexts: ALL,
        keys: &["enter"],
    },
    Binding {
        command: C::Up,
        name: "up",
        help: "move the selection up",
        contexts: LISTS,
        keys: &["up", "k"],
    },
    Binding {
        command: C::Down,
        name: "down",
        help: "move the selection down",
        contexts: LISTS,
        keys: &["down", "j"],
    },
    Binding {
        command: C::PageUp,
        name: "page_up",
        help: "a screenful up the list",
        contexts: &[X::History],
        keys: &["pageup"],
    },
    Binding {
        command: C::PageDown,
        name: "page_down",
        help: "a screenful down the list",
        contexts: &[X::History],
        keys: &["pagedown"],
    },
    Binding {
        command: C::First,
        name: "first",
        help: "the newest session",
        contexts: &[X::History],
        keys: &["home"],
    },
    Binding {
        command: C::Last,
        name: "last",
        help: "the oldest session",
        contexts: &[X::History],
        keys: &["end"],
    },
    Binding {
        command: C::NextField,
        name: "next_field",
        help: "next field",
        contexts: &[X::Form],
        keys: &["tab"],
    },
    Binding {
        command: C::PrevField,
        name: "prev_field",
        help: "previous field",
        contexts: &[X::Form],
        keys: &["backtab"],
    },
    Binding {
        command: C::StartSession,
        name: "start_session",
        help: "start or resume a session",
        contexts: &[X::Dashboard],
        keys: &["s"],
    },
    Binding {
        command: C::History,
        name: "history",
        help: "session history",
        contexts: &[X::Dashboard],
        keys: &["h"],
    },
    Binding {
        command: C::Settings,
        name: "settings",
        help: "settings and profile",
        contexts: &[X::Dashboard],
        keys: &["p"],
    },
    Binding {
        command: C::AddExercise,
        name: "add_exercise",
        help: "add an exercise",
        contexts: &[X::Session],
        keys: &["ctrl-n"],
    },
    Binding {
        command: C::MoveUp,
        name: "move_up",
        help: "move the exercise up",
        contexts: &[X::Session],
        keys: &["shift-up"],
    },
    Binding {
        command: C::MoveDown,
        name: "move_down",
        help: "move the exercise down",
        contexts: &[X::Session],
        keys: &["shift-down"],
    },
    Binding {
        command: C::Superset,
        name: "superset",
        help: "superset with the exercise above (toggle)",
        contexts: &[X::Session],
        keys: &["ctrl-g"],
    },
    Binding {
        command: C::Notes,
        name: "notes",
        help: "notes for the exercise",
        contexts: &[X::Session],
        keys: &["ctrl-o"],
    },
    Binding {
        command: C::RestMinus,
        name: "rest_minus",
        help: "rest timer − step",
        contexts: &[X::Session],
        keys: &["["],
    },
    Binding {
        command: C::RestPlus,
        name: "rest_plus",
        help: "rest timer + step",
        contexts: &[X::Session],
        keys: &["]"],
    },
    Binding {
        command: C::RestSkip,
        name: "rest_skip",
        help: "skip the rest",
        contexts: &[X::Session],
        keys: &["ctrl-r"],
    },
    Binding {
        command: C::Finish,
        name: "finish",
        help: "finish the session",
        contexts: &[X::Session],
        keys: &["ctrl-f"],
    },
    Binding {
        command: C::DeleteLastSet,
        name: "delete_last_set",
        help: "delete the exercise's last set",
        contexts: &[X::Session],
        keys: &["ctrl-d"],
    },
    Binding {
        command: C::Warmups,
        name: "warmups",
        help: "plan warm-up sets up to the working set",
        contexts: &[X::Session],
        keys: &["ctrl-t"],
    },
    Binding {
        command: C::Rule,
        name: "rule",
        help: "the exercise's progression rule",
        contexts: &[X::Session],
        keys: &["ctrl-p"],
    },
    Binding {
        command: C::Devices,
        name: "devices",
        help: "heart-rate straps: scan, connect, forget",
        contexts: &[X::Dashboard],
        keys: &["d"],
    },
    Binding {
        command: C::Deload,
        name: "deload",
        help: "start a deload week today, or end the one running",
        contexts: &[X::Dashboard],
        keys: &["w"],
    },
    Binding {
        command: C::Rescan,
        name: "rescan",
        help: "scan for straps again",
        contexts: &[X::Devices],
        keys: &["r"],
    },
    Binding {
        command: C::Forget,
        name: "forget",
        help: "forget the remembered strap",
        contexts: &[X::Devices],
        keys: &["f"],
    },
    Binding {
        command: C::SwitchView,
        name: "switch_view",
        help: "switch between the sets and the heart rate",
        contexts: &[X::Detail],
        keys: &["tab"],
    },
    Binding {
        command: C::EditSet,
        name: "edit_set",
        help: "edit the selected set",
        contexts: &[X::Detail],
        keys: &["e"],
    },
    Binding {
        command: C::Delete,
        name: "delete",
        help: "delete the selected set / session",
        contexts: &[X::History, X::Detail],
        keys: &["d", "delete"],
    },
    Binding {
        command: C::Yes,
        name: "yes",
        help: "yes",
        contexts: &[X::Confirm],
        keys: &["y"],
    },
    Binding {
        command: C::No,
        name: "no",
        help: "no",
        contexts: &[X::Confirm],
        keys: &["n"],
    },
    Binding {
        command: C::CreateExercise,
        name: "create_exercise",
        help: "create a custom exercise",
        contexts: &[X::Picker],
        keys: &["ctrl-n"],
    },
    Binding {
        command: C::Progress,
        name: "progress",
        help: "a lift's progression: e1RM, top sets, volume",
        contexts: &[X::Dashboard],
        keys: &["g"],
    },
    Binding {
        command: C::Today,
        name: "today",
        help: "start today's day of the running program",
        contexts: &[X::Dashboard],
        keys: &["t"],
    },
    Binding {
        command: C::Suppress,
        name: "suppress",
        help: "keep the selected program change off for this time",
        contexts: &[X::Summary],
        keys: &["u"],
    },
    Binding {
        command: C::TrainingLoad,
        name: "training_load",
        help: "training load: fitness, fatigue, ACWR, zones",
        contexts: &[X::Dashboard],
        keys: &["l"],
    },
    Binding {
        command: C::RangeNext,
        name: "range_next",
        help: "longer range: 4 w → 12 w → 6 m → 1 y → all",
        contexts: &[X::Progress, X::Load],
        keys: &["r", "right"],
    },
    Binding {
        command: C::RangePrev,
        name: "range_prev",
        help: "shorter range",
        contexts: &[X::Progress, X::Load],
        keys: &["R", "left"],
    },
    Binding {
        command: C::PickExercise,
        name: "pick_exercise",
        help: "pick an exercise (type to search)",
        contexts: &[X::Progress],
        keys: &["e", "/"],
    },
    Binding {
        command: C::NextLift,
        name: "next_lift",
        help: "next lift (lifts trained, most recent first)",
        contexts: &[X::Progress],
        keys: &["down", "j"],
    },
    Binding {
        command: C::PrevLift,
        name: "prev_lift",
        help: "previous lift",
        contexts: &[X::Progress],
        keys: &["up", "k"],
    },
    Binding {
        command: C::NextPanel,
        name: "next_panel",
        help: "next panel (when they do not all fit)",
        contexts: &[X::Load],
        keys: &["tab"],
    },
    Binding {
        command: C::PrevPanel,
        name: "prev_panel",
        help: "previous panel",
        contexts: &[X::Load],
        keys: &["backtab"],
    },
];

/// Plain characters that can be commands on the session screen because the set shorthand never
/// contains them. Everywhere else a line takes text, plain characters are typed, not commands.
const SESSION_COMMAND_CHARS: &[char] = &['?', '[', ']'];

/// Whether `key` may act as a command in `context` rather than be typed.
fn bindable(context: Context, key: Key) -> bool {
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match key.code {
        KeyCode::Char(c) if plain && context.takes_text() => {
            context == X::Session && SESSION_COMMAND_CHARS.contains(&c)
        }
        _ => true,
    }
}

/// A key with its modifiers, normalised so `?` and `shift-?` are the same key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    pub fn from_event(event: KeyEvent) -> Key {
        let mut modifiers =
            event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match event.code {
            KeyCode::Char(c) => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::Char(if modifiers.contains(KeyModifiers::CONTROL) {
                    c.to_ascii_lowercase()
                } else {
                    c
                })
            }
            KeyCode::BackTab => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        Key { code, modifiers }
    }

    /// Parses `ctrl-n`, `shift-up`, `enter`, `esc`, `f1`, `?`, `space`, `tab`, `backtab`.
    pub fn parse(text: &str) -> Result<Key, String> {
        let lower = text.trim().to_ascii_lowercase();
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = lower.as_str();
        // Modifiers joined with `-` or `+`: `ctrl-n`, `ctrl+n`, `shift-up`.
        'modifiers: while rest.len() > 1 {
            for (name, modifier) in [
                ("ctrl", KeyModifiers::CONTROL),
                ("alt", KeyModifiers::ALT),
                ("shift", KeyModifiers::SHIFT),
            ] {
                if let Some(r) = rest
                    .strip_prefix(name)
                    .and_then(|r| r.strip_prefix(['-', '+']))
                    .filter(|r| !r.is_empty())
                {
                    modifiers |= modifier;
                    rest = r;
                    continue 'modifiers;
                }
            }
            break;
        }
        let code = match rest {
            "enter" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" => KeyCode::PageUp,
            "pagedown" => KeyCode::PageDown,
            "space" => KeyCode::Char(' '),
            f if f.len() > 1
                && f.starts_with('f')
                && f[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) =>
            {
                KeyCode::F(f[1..].parse().unwrap_or(1))
            }
            _ => {
                // A single character keeps its case from the original text (`?`, `[`, `G`).
                let original = &text.trim()[text.trim().len() - rest.len()..];
                let mut chars = original.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => KeyCode::Char(c),
                    _ => {
                        return Err(format!(
                            "unknown key \"{text}\"; use e.g. \"ctrl-n\", \"f2\", \"shift-up\", \"?\""
                        ));
                    }
                }
            }
        };
        Ok(Key::from_event(KeyEvent::new(code, modifiers)))
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            f.write_str("Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) if self.modifiers.contains(KeyModifiers::CONTROL) => {
                write!(f, "{}", c.to_ascii_uppercase())
            }
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// One line of the generated help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    pub command: Command,
    pub keys: String,
    pub help: &'static str,
}

/// How a command reads in the help of one context.
enum HelpText {
    /// The table's words.
    Table,
    /// Words of its own there (Enter logs a set on the session screen, opens a session in
    /// History).
    Own(&'static str),
    /// Left out: the key does nothing there.
    Nothing,
}

/// How `command` reads in `context`'s help, where the table's words cover several screens.
fn help_in(command: Command, context: Context) -> HelpText {
    if command != C::Submit {
        return HelpText::Table;
    }
    HelpText::Own(match context {
        X::Dashboard => "start or resume a session",
        X::Session => "log the set",
        X::Picker => "choose the exercise",
        X::History => "open the session",
        X::Detail => "edit the selected set",
        X::Form => "next field; saves on the last",
        X::Confirm => "yes",
        X::Summary => "back to the dashboard",
        X::Help => "close the help",
        X::Devices => "connect to the selected strap and remember it",
        X::Progress => "pick an exercise (type to search)",
        X::Load => return HelpText::Nothing,
    })
}

/// The live key table: defaults with the user's overrides applied.
#[derive(Debug, Clone)]
pub struct Keymap {
    map: HashMap<(Context, Key), Command>,
    /// Per binding row: the keys in force.
    keys: Vec<Vec<Key>>,
}

impl Default for Keymap {
    fn default() -> Self {
        let keys = TABLE
            .iter()
            .map(|b| b.keys.iter().filter_map(|k| Key::parse(k).ok()).collect())
            .collect();
        Self::build(keys)
    }
}

impl Keymap {
    fn build(keys: Vec<Vec<Key>>) -> Keymap {
        let mut map = HashMap::new();
        for (binding, keys) in TABLE.iter().zip(&keys) {
            for key in keys {
                for context in binding.contexts.iter().filter(|c| bindable(**c, *key)) {
                    map.insert((*context, *key), binding.command);
                }
            }
        }
        Keymap { map, keys }
    }

    /// Applies `[keys]` overrides: each action name gets a new list of keys in every context it
    /// lives in. Errors name the action or key that is wrong.
    pub fn with_overrides<'a>(
        &self,
        overrides: impl IntoIterator<Item = (&'a str, Vec<&'a str>)>,
    ) -> Result<Keymap, String> {
        let mut keys = self.keys.clone();
        for (name, texts) in overrides {
            let rows: Vec<usize> = TABLE
                .iter()
                .enumerate()
                .filter(|(_, b)| b.name == name)
                .map(|(i, _)| i)
                .collect();
            if rows.is_empty() {
                let mut names: Vec<_> = TABLE.iter().map(|b| b.name).collect();
                names.dedup();
                return Err(format!(
                    "unknown action \"{name}\"; actions are: {}",
                    names.join(", ")
                ));
            }
            let parsed = texts
                .iter()
                .map(|t| Key::parse(t))
                .collect::<Result<Vec<_>, _>>()?;
            for row in rows {
                keys[row].clone_from(&parsed);
            }
        }
        Ok(Keymap::build(keys))
    }

    pub fn command(&self, context: Context, key: Key) -> Option<Command> {
        self.map.get(&(context, key)).copied()
    }

    /// The first key bound to `command` in `context`, for hints such as "Ctrl-N add exercise".
    pub fn key_for(&self, context: Context, command: Command) -> Option<Key> {
        TABLE
            .iter()
            .zip(&self.keys)
            .filter(|(b, _)| b.command == command && b.contexts.contains(&context))
            .find_map(|(_, keys)| keys.iter().copied().find(|k| bindable(context, *k)))
    }

    /// Help for a context, generated from the table, in that context's words.
    pub fn help(&self, context: Context) -> Vec<HelpLine> {
        TABLE
            .iter()
            .zip(&self.keys)
            .filter(|(binding, _)| binding.contexts.contains(&context))
            .filter_map(|(binding, keys)| {
                let keys: Vec<String> = keys
                    .iter()
                    .filter(|k| bindable(context, **k))
                    .map(ToString::to_string)
                    .collect();
                let help = match help_in(binding.command, context) {
                    HelpText::Table => binding.help,
                    HelpText::Own(help) => help,
                    HelpText::Nothing => return None,
                };
                (!keys.is_empty()).then(|| HelpLine {
                    command: binding.command,
                    keys: keys.join(" "),
                    help,
                })
            })
            .collect()
    }

    /// Contexts listed in the help overlay, with a title each.
    pub fn help_sections() -> &'static [(Context, &'static str)] {
        &[
            (X::Dashboard, "Dashboard"),
            (X::Session, "Session"),
            (X::Picker, "Exercise picker"),
            (X::History, "History"),
            (X::Detail, "Session detail"),
            (X::Form, "Forms"),
            (X::Devices, "Heart-rate straps"),
            (X::Progress, "Progression"),
            (X::Load, "Training load"),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(text: &str) -> Key {
        Key::parse(text).unwrap()
    }

    #[test]
    fn defaults_resolve_per_context() {
        let keymap = Keymap::default();
        assert_eq!(
            keymap.command(X::Session, key("ctrl-n")),
            Some(C::AddExercise)
        );
        assert_eq!(
            keymap.command(X::Picker, key("ctrl-n")),
            Some(C::CreateExercise)
        );
        assert_eq!(keymap.command(X::Dashboard, key("q")), Some(C::Quit));
        // Where a line takes text, plain letters are typed, not commands…
        assert_eq!(keymap.command(X::Session, key("q")), None);
        assert_eq!(keymap.command(X::Picker, key("?")), None);
        assert_eq!(keymap.command(X::Session, key("ctrl-c")), Some(C::Quit));
        // …except characters the set shorthand never uses.
        assert_eq!(keymap.command(X::Session, key("[")), Some(C::RestMinus));
        assert_eq!(keymap.command(X::Session, key("?")), Some(C::Help));
    }

    #[test]
    fn shifted_characters_match_their_plain_binding() {
        let event = KeyEvent::new(KeyCode::Char('?'), KeyModifiers::SHIFT);
        assert_eq!(
            Keymap::default().command(X::Dashboard, Key::from_event(event)),
            Some(C::Help)
        );
    }

    #[test]
    fn overrides_replace_keys_and_reject_unknown_names() {
        let keymap = Keymap::default()
            .with_overrides([("add_exercise", vec!["f2"])])
            .unwrap();
        assert_eq!(keymap.command(X::Session, key("f2")), Some(C::AddExercise));
        assert_eq!(keymap.command(X::Session, key("ctrl-n")), None);
        let err = Keymap::default()
            .with_overrides([("fly", vec!["x"])])
            .unwrap_err();
        assert!(err.starts_with("unknown action \"fly\""), "{err}");
        let err = Keymap::default()
            .with_overrides([("quit", vec!["ctrl-"])])
            .unwrap_err();
        assert!(err.contains("unknown key"), "{err}");
    }

    #[test]
    fn the_example_config_documents_every_action_with_its_default_keys() {
        let example = include_str!("../../config.example.toml");
        let mut listed = Vec::new();
        for line in example.lines().filter_map(|l| l.strip_prefix("#   ")) {
            for entry in line
                .split("  ")
                .map(str::trim)
                .filter(|e| e.contains(" = "))
            {
                let (name, keys) = entry.split_once(" = ").unwrap();
                let keys: Vec<String> = keys
                    .trim_matches(['[', ']'])
                    .split(", ")
                    .map(|k| k.trim_matches('"').to_string())
                    .collect();
                listed.push((name.to_string(), keys));
            }
        }
        let mut names: Vec<&str> = TABLE.iter().map(|b| b.name).collect();
        names.sort_unstable();
        names.dedup();
        let mut documented: Vec<&str> = listed.iter().map(|(n, _)| n.as_str()).collect();
        documented.sort_unstable();
        assert_eq!(documented, names);
        // Applying the documented defaults changes nothing.
        let applied = Keymap::default()
            .with_overrides(
                listed
                    .iter()
                    .map(|(n, k)| (n.as_str(), k.iter().map(String::as_str).collect())),
            )
            .unwrap();
        for (context, _) in Keymap::help_sections() {
            assert_eq!(
                Keymap::default().help(*context),
                applied.help(*context),
                "{context:?}"
            );
        }
    }

    #[test]
    fn enter_is_described_in_the_words_of_each_screen() {
        let enter = |context| {
            Keymap::default()
                .help(context)
                .into_iter()
                .find(|l| l.command == C::Submit)
                .map(|l| l.help)
        };
        assert_eq!(enter(X::Session), Some("log the set"));
        assert_eq!(enter(X::History), Some("open the session"));
        assert_eq!(enter(X::Dashboard), Some("start or resume a session"));
        assert_eq!(enter(X::Form), Some("next field; saves on the last"));
        // Enter does nothing on the training-load screen: no line for it.
        assert_eq!(enter(X::Load), None);
        let sections: Vec<_> = Keymap::help_sections()
            .iter()
            .filter_map(|(c, _)| enter(*c))
            .collect();
        assert!(
            !sections.contains(&"log the set / choose / save / next field"),
            "{sections:?}"
        );
    }

    #[test]
    fn help_is_generated_from_the_table() {
        let help = Keymap::default().help(X::Session);
        assert!(
            help.iter()
                .any(|l| l.keys == "Ctrl-N" && l.help == "add an exercise")
        );
        assert!(
            help.iter()
                .any(|l| l.keys == "[" && l.help == "rest timer − step")
        );
    }
}
