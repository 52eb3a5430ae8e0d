//! A form shown over a screen, with what it is for: each kind holds its own typed form.

use crate::core::workout::exercise::ExerciseId;
use crate::core::workout::session::SlotId;

use super::exercise_form::ExerciseField;
use super::form::{Field, FieldId, Form};
use super::rule_form::RuleField;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dialog {
    /// An exercise's progression rule.
    Rule {
        exercise: ExerciseId,
        form: Form<RuleField>,
    },
    /// The notes on an exercise of the running session.
    SlotNotes { slot: SlotId, form: Form<NoteField> },
    /// A custom exercise for the catalogue.
    NewExercise(Form<ExerciseField>),
}

impl Dialog {
    /// Say something about the form as a whole (a save that failed).
    pub fn set_error(&mut self, message: String) {
        let error = match self {
            Dialog::Rule { form, .. } => &mut form.error,
            Dialog::SlotNotes { form, .. } => &mut form.error,
            Dialog::NewExercise(form) => &mut form.error,
        };
        *error = Some(message);
    }
}

/// The notes form's one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteField {
    Notes,
}

impl FieldId for NoteField {
    const ALL: &'static [Self] = &[NoteField::Notes];

    fn label(self) -> &'static str {
        "Notes"
    }
}

/// The notes on an exercise in the session, filled with what is there.
pub fn notes_form(notes: &str) -> Form<NoteField> {
    Form::new(
        "Exercise notes",
        vec![Field::text(
            NoteField::Notes,
            notes,
            "Enter saves, Esc cancels",
        )],
    )
}
