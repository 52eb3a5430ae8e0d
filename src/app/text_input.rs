//! A single-line text field: the set-entry line, the picker query, form fields.
//!
//! Every field strips what must never reach the screen (control characters, bidi overrides) and
//! holds at most its limit of characters; what a burst typed past the limit is counted, never
//! silently dropped, so the screen can say so.

use crate::core::words::count;

/// An edit to a text field, produced from a key press.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEdit {
    Insert(char),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    /// Delete the word before the cursor (Ctrl-W).
    DeleteWord,
    /// Clear the whole line (Ctrl-U).
    Clear,
}

/// How many characters a field holds unless it is given its own limit: room for a long note,
/// not for a runaway paste.
pub const DEFAULT_LIMIT: usize = 1_000;

/// Whether `c` is kept out of every text field: C0 and C1 control characters (a pasted escape
/// sequence, a tab, a bell) and the bidirectional controls (U+202A–U+202E embeddings and
/// overrides, U+2066–U+2069 isolates, and the marks U+200E, U+200F, U+061C). A terminal acts on
/// them instead of drawing them — a right-to-left override would flip the rest of the screen —
/// so they are dropped as they are typed or pasted.
pub fn is_hidden_control(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
        )
}

/// Text plus a cursor, counted in chars.
///
/// A *suggested* text (the prefilled last set) behaves like a selection: typing replaces it,
/// Backspace clears it, moving the cursor accepts it for editing, Enter submits it as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    cursor: usize,
    suggested: bool,
    /// The most characters the field holds.
    limit: usize,
    /// Characters typed past `limit` since the last edit that was not typing.
    refused: usize,
}

impl Default for TextInput {
    fn default() -> Self {
        Self {
            text: String::new(),
            cursor: 0,
            suggested: false,
            limit: DEFAULT_LIMIT,
            refused: 0,
        }
    }
}

impl TextInput {
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        let cursor = text.chars().count();
        Self {
            text,
            cursor,
            ..Self::default()
        }
    }

    /// A prefilled text that the first keystroke replaces.
    pub fn suggest(text: impl Into<String>) -> Self {
        Self {
            suggested: true,
            ..Self::new(text)
        }
    }

    /// The same field holding at most `limit` characters.
    #[must_use]
    pub fn with_limit(mut self, limit: usize) -> Self {
        self.limit = limit;
        self
    }

    /// Hold at most `limit` characters from now on (the text already there stays).
    pub fn set_limit(&mut self, limit: usize) {
        self.limit = limit;
    }

    /// The most characters the field holds.
    pub fn limit(&self) -> usize {
        self.limit
    }

    /// Characters typed past the limit and not added (0 once the lifter edits otherwise).
    pub fn refused(&self) -> usize {
        self.refused
    }

    /// What a field says when characters were typed past its limit.
    pub fn refused_message(&self) -> Option<String> {
        (self.refused > 0).then(|| {
            format!(
                "{} past the limit were not added: this field holds {}",
                count(self.refused, "character", "characters"),
                count(self.limit, "character", "characters"),
            )
        })
    }

    /// How many characters were typed: those held plus those refused.
    pub fn typed(&self) -> usize {
        self.text.chars().count() + self.refused
    }

    /// Whether the text is an untouched suggestion.
    pub fn is_suggested(&self) -> bool {
        self.suggested && !self.text.is_empty()
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Replace the text and put the cursor at the end; the limit stays.
    pub fn set(&mut self, text: impl Into<String>) {
        *self = Self::new(text).with_limit(self.limit);
    }

    fn byte_at(&self, char_index: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_index)
            .map_or(self.text.len(), |(i, _)| i)
    }

    pub fn apply(&mut self, edit: TextEdit) {
        if matches!(edit, TextEdit::Insert(c) if is_hidden_control(c)) {
            return;
        }
        if std::mem::take(&mut self.suggested) {
            match edit {
                TextEdit::Insert(_)
                | TextEdit::Backspace
                | TextEdit::Delete
                | TextEdit::DeleteWord => {
                    self.set("");
                    if matches!(edit, TextEdit::Insert(_)) {
                        self.apply(edit);
                    }
                    return;
                }
                _ => {}
            }
        }
        if !matches!(edit, TextEdit::Insert(_)) {
            self.refused = 0;
        }
        let len = self.text.chars().count();
        match edit {
            TextEdit::Insert(_) if len >= self.limit => self.refused += 1,
            TextEdit::Insert(c) => {
                let at = self.byte_at(self.cursor);
                self.text.insert(at, c);
                self.cursor += 1;
            }
            TextEdit::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                let at = self.byte_at(self.cursor);
                self.text.remove(at);
            }
            TextEdit::Delete if self.cursor < len => {
                let at = self.byte_at(self.cursor);
                self.text.remove(at);
            }
            TextEdit::Left => self.cursor = self.cursor.saturating_sub(1),
            TextEdit::Right => self.cursor = (self.cursor + 1).min(len),
            TextEdit::Home => self.cursor = 0,
            TextEdit::End => self.cursor = len,
            TextEdit::DeleteWord => {
                let chars: Vec<char> = self.text.chars().collect();
                let mut start = self.cursor;
                while start > 0 && chars[start - 1] == ' ' {
                    start -= 1;
                }
                while start > 0 && chars[start - 1] != ' ' {
                    start -= 1;
                }
                let (from, to) = (self.byte_at(start), self.byte_at(self.cursor));
                self.text.replace_range(from..to, "");
                self.cursor = start;
            }
            TextEdit::Clear => self.set(""),
            TextEdit::Backspace | TextEdit::Delete => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_respect_the_cursor_and_multibyte_chars() {
        let mut input = TextInput::new("100x8");
        input.apply(TextEdit::Left);
        input.apply(TextEdit::Backspace);
        input.apply(TextEdit::Insert('×'));
        assert_eq!(input.text(), "100×8");
        input.apply(TextEdit::Home);
        input.apply(TextEdit::Delete);
        assert_eq!(input.text(), "00×8");
        input.apply(TextEdit::End);
        input.apply(TextEdit::Insert('@'));
        assert_eq!((input.text(), input.cursor()), ("00×8@", 5));
    }

    #[test]
    fn a_suggestion_is_replaced_by_typing_and_kept_by_moving() {
        let mut input = TextInput::suggest("100x5@8");
        assert!(input.is_suggested());
        input.apply(TextEdit::Insert('x'));
        assert_eq!(input.text(), "x");
        let mut input = TextInput::suggest("100x5@8");
        input.apply(TextEdit::Backspace);
        assert!(input.is_empty());
        let mut input = TextInput::suggest("100x5@8");
        input.apply(TextEdit::Left);
        input.apply(TextEdit::Backspace);
        assert_eq!(input.text(), "100x58");
        assert!(!input.is_suggested());
    }

    #[test]
    fn delete_word_and_clear() {
        let mut input = TextInput::new("bw x12  ");
        input.apply(TextEdit::DeleteWord);
        assert_eq!(input.text(), "bw ");
        input.apply(TextEdit::Clear);
        assert!(input.is_empty());
    }

    #[test]
    fn control_and_bidi_characters_never_enter_a_field() {
        let mut input = TextInput::suggest("100x5");
        // A right-to-left override, an isolate, an escape, a C1 control and a tab.
        for c in ['\u{202E}', '\u{2067}', '\u{1b}', '\u{9b}', '\t'] {
            input.apply(TextEdit::Insert(c));
        }
        assert!(input.is_suggested(), "nothing visible was typed");
        for c in "a\u{202E}b\u{200F}c".chars() {
            input.apply(TextEdit::Insert(c));
        }
        assert_eq!(input.text(), "abc");
        assert!(!is_hidden_control('é') && !is_hidden_control('×') && !is_hidden_control(' '));
    }

    #[test]
    fn characters_past_the_limit_are_counted_not_lost_silently() {
        let mut input = TextInput::new("").with_limit(5);
        for c in "100x5@8.5".chars() {
            input.apply(TextEdit::Insert(c));
        }
        assert_eq!(
            (input.text(), input.refused(), input.typed()),
            ("100x5", 4, 9)
        );
        // The limit survives a clear and a replaced suggestion; any other edit resets the count.
        input.apply(TextEdit::Clear);
        assert_eq!((input.refused(), input.limit()), (0, 5));
        input.set("12345");
        input.apply(TextEdit::Insert('6'));
        assert_eq!(input.refused(), 1);
        input.apply(TextEdit::Backspace);
        assert_eq!((input.text(), input.refused()), ("1234", 0));
        let mut input = TextInput::suggest("100x5").with_limit(5);
        input.apply(TextEdit::Insert('9'));
        assert_eq!((input.text(), input.limit()), ("9", 5));
        assert_eq!(TextInput::default().limit(), DEFAULT_LIMIT);
    }
}
