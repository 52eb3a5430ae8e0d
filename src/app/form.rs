//! A small form: labelled fields, one focused, each a free-text line or a choice cycled with ←/→.
//! Used for the profile (first run and Settings), finishing a session and custom exercises.

use super::text_input::{TextEdit, TextInput};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub label: &'static str,
    pub input: TextInput,
    /// For a choice field, the allowed values; the input holds the current one.
    pub choices: Vec<&'static str>,
    /// How each choice reads on screen, when not as its value ("RPE autoregulation").
    pub names: Vec<&'static str>,
    /// Help shown beside the field (units, ranges, what empty means).
    pub hint: String,
    pub error: Option<String>,
}

impl Field {
    pub fn text(label: &'static str, value: impl Into<String>, hint: impl Into<String>) -> Self {
        Self {
            label,
            input: TextInput::new(value),
            choices: Vec::new(),
            names: Vec::new(),
            hint: hint.into(),
            error: None,
        }
    }

    pub fn choice(label: &'static str, choices: &[&'static str], value: &str) -> Self {
        let value = choices
            .iter()
            .find(|c| c.eq_ignore_ascii_case(value))
            .or(choices.first())
            .copied()
            .unwrap_or_default();
        Self {
            label,
            input: TextInput::new(value),
            choices: choices.to_vec(),
            names: Vec::new(),
            hint: format!("←/→: {}", choices.join(" / ")),
            error: None,
        }
    }

    /// A choice whose values read differently on screen: `(value, name)` pairs, e.g.
    /// `("rpe_autoregulation", "RPE autoregulation")`. `value()` stays the value.
    pub fn named_choice(
        label: &'static str,
        choices: &[(&'static str, &'static str)],
        value: &str,
    ) -> Self {
        let values: Vec<&'static str> = choices.iter().map(|(v, _)| *v).collect();
        let names: Vec<&'static str> = choices.iter().map(|(_, n)| *n).collect();
        Self {
            names,
            hint: format!(
                "←/→: {}",
                choices
                    .iter()
                    .map(|(_, n)| *n)
                    .collect::<Vec<_>>()
                    .join(" / ")
            ),
            ..Self::choice(label, &values, value)
        }
    }

    /// The value as it reads on screen: a choice's name, else the text.
    pub fn shown(&self) -> &str {
        self.choices
            .iter()
            .position(|c| *c == self.value())
            .and_then(|i| self.names.get(i))
            .copied()
            .unwrap_or_else(|| self.input.text())
    }
    pub fn value(&self) -> &str {
        self.input.text().trim()
    }

    fn cycle(&mut self, forward: bool) {
        let n = self.choices.len();
        if n == 0 {
            return;
        }
        let at = self
            .choices
            .iter()
            .position(|c| *c == self.value())
            .unwrap_or(0);
        let next = if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        };
        self.input.set(self.choices[next]);
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub title: &'static str,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// A message about the form as a whole (e.g. a save that failed).
    pub error: Option<String>,
}

impl Form {
    pub fn new(title: &'static str, fields: Vec<Field>) -> Self {
        Self {
            title,
            fields,
            focus: 0,
            error: None,
        }
    }

    pub fn value(&self, label: &str) -> &str {
        self.fields
            .iter()
            .find(|f| f.label == label)
            .map_or("", Field::value)
    }

    pub fn field_mut(&mut self, label: &str) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.label == label)
    }

    pub fn focus_next(&mut self, forward: bool) {
        let n = self.fields.len().max(1);
        self.focus = if forward {
            (self.focus + 1) % n
        } else {
            (self.focus + n - 1) % n
        };
    }

    /// Apply a text edit to the focused field. On a choice field ←/→ cycle and typing is ignored.
    pub fn edit(&mut self, edit: TextEdit) {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        field.error = None;
        if field.choices.is_empty() {
            field.input.apply(edit);
        } else {
            match edit {
                TextEdit::Left => field.cycle(false),
                TextEdit::Right | TextEdit::Insert(' ') => field.cycle(true),
                TextEdit::Insert(c) => {
                    let c = c.to_ascii_lowercase();
                    let names = if field.names.is_empty() {
                        &field.choices
                    } else {
                        &field.names
                    };
                    if let Some(at) = names
                        .iter()
                        .position(|name| name.to_ascii_lowercase().starts_with(c))
                    {
                        let choice = field.choices[at];
                        field.input.set(choice);
                    }
                }
                _ => {}
            }
        }
    }

    /// Refuses to go on while a field holds less than was typed into it (characters past its
    /// limit): each such field says so, and the focus moves to the first. `true` when one did.
    pub fn refuse_overflow(&mut self) -> bool {
        let errors: Vec<(&'static str, String)> = self
            .fields
            .iter()
            .filter_map(|f| f.input.refused_message().map(|m| (f.label, m)))
            .collect();
        if errors.is_empty() {
            return false;
        }
        self.set_errors(&errors);
        true
    }

    /// Record per-field errors; focus moves to the first field in error.
    pub fn set_errors(&mut self, errors: &[(&'static str, String)]) {
        for field in &mut self.fields {
            field.error = errors
                .iter()
                .find(|(label, _)| *label == field.label)
                .map(|(_, e)| e.clone());
        }
        if let Some(first) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus = first;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choice_fields_cycle_and_text_fields_edit() {
        let mut form = Form::new(
            "t",
            vec![
                Field::choice("Units", &["kg", "lb"], "lb"),
                Field::text("Weight", "8", ""),
            ],
        );
        assert_eq!(form.value("Units"), "lb");
        form.edit(TextEdit::Right);
        assert_eq!(form.value("Units"), "kg");
        form.edit(TextEdit::Insert('l'));
        assert_eq!(form.value("Units"), "lb");
        form.focus_next(true);
        form.edit(TextEdit::Insert('0'));
        assert_eq!(form.value("Weight"), "80");
        form.set_errors(&[("Units", "bad".into())]);
        assert_eq!(form.focus, 0);
    }

    #[test]
    fn a_named_choice_shows_words_and_keeps_its_value() {
        let mut field = Field::named_choice(
            "Rule",
            &[
                ("double_progression", "double progression"),
                ("rpe_target", "RPE target"),
            ],
            "rpe_target",
        );
        assert_eq!((field.value(), field.shown()), ("rpe_target", "RPE target"));
        assert_eq!(field.hint, "←/→: double progression / RPE target");
        let mut form = Form::new("t", vec![field.clone()]);
        form.edit(TextEdit::Insert('d'));
        assert_eq!(form.fields[0].shown(), "double progression");
        field.cycle(true);
        assert_eq!(field.value(), "double_progression");
    }

    #[test]
    fn a_field_holding_less_than_was_typed_stops_the_form() {
        let mut form = Form::new(
            "t",
            vec![
                Field::text("Session RPE", "", ""),
                Field {
                    input: TextInput::new("").with_limit(3),
                    ..Field::text("Notes", "", "")
                },
            ],
        );
        assert!(!form.refuse_overflow());
        form.focus_next(true);
        for c in "heavy".chars() {
            form.edit(TextEdit::Insert(c));
        }
        form.focus = 0;
        assert!(form.refuse_overflow());
        assert_eq!(form.focus, 1);
        assert_eq!(
            form.fields[1].error.as_deref(),
            Some("2 characters past the limit were not added: this field holds 3 characters")
        );
    }
}
