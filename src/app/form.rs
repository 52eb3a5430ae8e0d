//! A small form: labelled fields, one focused, each a free-text line or a choice cycled with ←/→.
//! Used for the profile (first run and Settings), finishing a session, an exercise's rule, its
//! notes and custom exercises.
//!
//! Each form names its fields with an enum of its own (`ProfileField`, `RuleField` …): a field is
//! read by its id, never by the words on screen, so a relabelled field cannot be read as empty and
//! a field of another form cannot be asked for at all — it does not compile.

use std::fmt::Debug;

use super::text_input::{TextEdit, TextInput};

/// The fields of one form. The label is what the lifter reads beside the field.
pub trait FieldId: Copy + Eq + Debug + 'static {
    /// Every field of the form, in the order shown.
    const ALL: &'static [Self];

    fn label(self) -> &'static str;

    /// A hint that follows what else is typed in `form` (Max HR's estimate once a birth year is
    /// in), else `None` for the field's own.
    fn live_hint(_form: &Form<Self>, _field: Self, _year: i32) -> Option<String> {
        None
    }
}

/// Fields with what is wrong with each, every one at once.
pub type FieldErrors<F> = Vec<(F, String)>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field<F> {
    pub id: F,
    pub input: TextInput,
    /// For a choice field, the allowed values; the input holds the current one.
    pub choices: Vec<&'static str>,
    /// How each choice reads on screen, when not as its value ("RPE autoregulation").
    pub names: Vec<&'static str>,
    /// Help shown beside the field (units, ranges, what empty means).
    pub hint: String,
    pub error: Option<String>,
}

impl<F: FieldId> Field<F> {
    pub fn text(id: F, value: impl Into<String>, hint: impl Into<String>) -> Self {
        Self {
            id,
            input: TextInput::new(value),
            choices: Vec::new(),
            names: Vec::new(),
            hint: hint.into(),
            error: None,
        }
    }

    pub fn choice(id: F, choices: &[&'static str], value: &str) -> Self {
        let value = choices
            .iter()
            .find(|c| c.eq_ignore_ascii_case(value))
            .or(choices.first())
            .copied()
            .unwrap_or_default();
        Self {
            id,
            input: TextInput::new(value),
            choices: choices.to_vec(),
            names: Vec::new(),
            hint: format!("←/→: {}", choices.join(" / ")),
            error: None,
        }
    }

    /// A choice whose values read differently on screen: `(value, name)` pairs, e.g.
    /// `("rpe_autoregulation", "RPE autoregulation")`. `value()` stays the value.
    pub fn named_choice(id: F, choices: &[(&'static str, &'static str)], value: &str) -> Self {
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
            ..Self::choice(id, &values, value)
        }
    }

    /// The words beside the field.
    pub fn label(&self) -> &'static str {
        self.id.label()
    }
}

impl<F> Field<F> {
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
pub struct Form<F> {
    pub title: &'static str,
    pub fields: Vec<Field<F>>,
    pub focus: usize,
    /// A message about the form as a whole (e.g. a save that failed).
    pub error: Option<String>,
}

impl<F: FieldId> Form<F> {
    pub fn new(title: &'static str, fields: Vec<Field<F>>) -> Self {
        Self {
            title,
            fields,
            focus: 0,
            error: None,
        }
    }

    /// The field `id`; `None` only for a field this form leaves out on purpose (the e1RM formula
    /// is in Settings, not on the first run).
    pub fn get(&self, id: F) -> Option<&Field<F>> {
        self.fields.iter().find(|f| f.id == id)
    }

    /// What `id` holds, trimmed. Every form is built with each of its ids (each form's tests check
    /// it), so this reads a field that is there.
    pub fn value(&self, id: F) -> &str {
        self.get(id).map_or("", Field::value)
    }

    pub fn field_mut(&mut self, id: F) -> Option<&mut Field<F>> {
        self.fields.iter_mut().find(|f| f.id == id)
    }

    /// The ids of `F` this form has no field for (for the forms' tests).
    pub fn missing(&self) -> Vec<F> {
        F::ALL
            .iter()
            .copied()
            .filter(|id| self.get(*id).is_none())
            .collect()
    }

    /// The hint shown beside `field` in the year `year`.
    pub fn hint(&self, field: &Field<F>, year: i32) -> String {
        F::live_hint(self, field.id, year).unwrap_or_else(|| field.hint.clone())
    }

    pub fn focus_next(&mut self, forward: bool) {
        let n = self.fields.len().max(1);
        self.focus = if forward {
            (self.focus + 1) % n
        } else {
            (self.focus + n - 1) % n
        };
    }

    /// Enter on this field moves to the next one rather than saving.
    pub fn before_last(&self) -> bool {
        self.focus + 1 < self.fields.len()
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
        let errors: FieldErrors<F> = self
            .fields
            .iter()
            .filter_map(|f| f.input.refused_message().map(|m| (f.id, m)))
            .collect();
        if errors.is_empty() {
            return false;
        }
        self.set_errors(&errors);
        true
    }

    /// Record per-field errors; focus moves to the first field in error.
    pub fn set_errors(&mut self, errors: &[(F, String)]) {
        for field in &mut self.fields {
            field.error = errors
                .iter()
                .find(|(id, _)| *id == field.id)
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

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum T {
        Units,
        Weight,
        Rule,
        Rpe,
        Notes,
    }

    impl FieldId for T {
        const ALL: &'static [T] = &[T::Units, T::Weight, T::Rule, T::Rpe, T::Notes];
        fn label(self) -> &'static str {
            match self {
                T::Units => "Units",
                T::Weight => "Weight",
                T::Rule => "Rule",
                T::Rpe => "Session RPE",
                T::Notes => "Notes",
            }
        }
    }

    #[test]
    fn choice_fields_cycle_and_text_fields_edit() {
        let mut form = Form::new(
            "t",
            vec![
                Field::choice(T::Units, &["kg", "lb"], "lb"),
                Field::text(T::Weight, "8", ""),
            ],
        );
        assert_eq!(form.value(T::Units), "lb");
        form.edit(TextEdit::Right);
        assert_eq!(form.value(T::Units), "kg");
        form.edit(TextEdit::Insert('l'));
        assert_eq!(form.value(T::Units), "lb");
        form.focus_next(true);
        form.edit(TextEdit::Insert('0'));
        assert_eq!(form.value(T::Weight), "80");
        assert_eq!(form.fields[1].label(), "Weight");
        form.set_errors(&[(T::Units, "bad".into())]);
        assert_eq!(form.focus, 0);
        assert_eq!(form.missing(), vec![T::Rule, T::Rpe, T::Notes]);
    }

    #[test]
    fn a_named_choice_shows_words_and_keeps_its_value() {
        let mut field = Field::named_choice(
            T::Rule,
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
                Field::text(T::Rpe, "", ""),
                Field {
                    input: TextInput::new("").with_limit(3),
                    ..Field::text(T::Notes, "", "")
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
