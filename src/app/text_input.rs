//! A single-line text field: the set-entry line, the picker query, form fields.

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

/// Text plus a cursor, counted in chars.
///
/// A *suggested* text (the prefilled last set) behaves like a selection: typing replaces it,
/// Backspace clears it, moving the cursor accepts it for editing, Enter submits it as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    cursor: usize,
    suggested: bool,
}

impl TextInput {
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        let cursor = text.chars().count();
        Self {
            text,
            cursor,
            suggested: false,
        }
    }

    /// A prefilled text that the first keystroke replaces.
    pub fn suggest(text: impl Into<String>) -> Self {
        Self {
            suggested: true,
            ..Self::new(text)
        }
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

    /// Replace the text and put the cursor at the end.
    pub fn set(&mut self, text: impl Into<String>) {
        *self = Self::new(text);
    }

    fn byte_at(&self, char_index: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_index)
            .map_or(self.text.len(), |(i, _)| i)
    }

    pub fn apply(&mut self, edit: TextEdit) {
        if std::mem::take(&mut self.suggested) {
            match edit {
                TextEdit::Insert(_)
                | TextEdit::Backspace
                | TextEdit::Delete
                | TextEdit::DeleteWord => {
                    *self = Self::default();
                    if matches!(edit, TextEdit::Insert(_)) {
                        self.apply(edit);
                    }
                    return;
                }
                _ => {}
            }
        }
        let len = self.text.chars().count();
        match edit {
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
            TextEdit::Clear => *self = Self::default(),
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
}
