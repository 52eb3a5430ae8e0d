//! The form for a custom exercise, opened from the picker with what was typed as its name.

use crate::core::workout::exercise::{Equipment, Exercise, ExerciseKind, Mechanics};

use super::form::{Field, FieldErrors, FieldId, Form};
use super::text_input::TextInput;

/// The longest exercise name, so also the longest picker query worth typing.
pub const NAME_MAX: usize = 60;

/// The new-exercise form's fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExerciseField {
    Name,
    Kind,
    Equipment,
    Mechanics,
}

impl FieldId for ExerciseField {
    const ALL: &'static [Self] = &[
        ExerciseField::Name,
        ExerciseField::Kind,
        ExerciseField::Equipment,
        ExerciseField::Mechanics,
    ];

    fn label(self) -> &'static str {
        match self {
            ExerciseField::Name => "Name",
            ExerciseField::Kind => "Kind",
            ExerciseField::Equipment => "Equipment",
            ExerciseField::Mechanics => "Mechanics",
        }
    }
}

/// A custom exercise as typed, ready to be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewExercise {
    pub name: String,
    pub kind: ExerciseKind,
    pub equipment: Equipment,
    pub mechanics: Mechanics,
}

/// The form, named `name` (what was typed in the picker).
pub fn exercise_form(name: &str) -> Form<ExerciseField> {
    Form::new(
        "New exercise",
        vec![
            Field {
                input: TextInput::new(name).with_limit(NAME_MAX),
                ..Field::text(ExerciseField::Name, "", "as you want to see it")
            },
            Field::choice(
                ExerciseField::Kind,
                &["strength", "bodyweight", "cardio"],
                "strength",
            ),
            Field::choice(
                ExerciseField::Equipment,
                &[
                    "barbell",
                    "dumbbell",
                    "machine",
                    "cable",
                    "kettlebell",
                    "bodyweight",
                    "band",
                    "cardio",
                    "other",
                ],
                "barbell",
            ),
            Field::choice(
                ExerciseField::Mechanics,
                &["compound", "isolation"],
                "compound",
            ),
        ],
    )
}

/// Validates the form against the catalogue: a name is needed, fits, and is not already taken
/// (by a name or an alias, in any case).
pub fn read_exercise(
    form: &Form<ExerciseField>,
    catalogue: &[Exercise],
) -> Result<NewExercise, FieldErrors<ExerciseField>> {
    let name = form.value(ExerciseField::Name).to_string();
    let error = if name.is_empty() {
        Some("type a name".to_string())
    } else if name.chars().count() > NAME_MAX {
        Some(format!("keep the name under {NAME_MAX} characters"))
    } else {
        catalogue
            .iter()
            .find(|e| {
                e.name.eq_ignore_ascii_case(&name)
                    || e.aliases.iter().any(|a| a.eq_ignore_ascii_case(&name))
            })
            .map(|e| format!("\"{}\" already exists — pick it from the list", e.name))
    };
    if let Some(error) = error {
        return Err(vec![(ExerciseField::Name, error)]);
    }
    Ok(NewExercise {
        name,
        kind: ExerciseKind::from_code(form.value(ExerciseField::Kind))
            .unwrap_or(ExerciseKind::Strength),
        equipment: Equipment::from_code(form.value(ExerciseField::Equipment))
            .unwrap_or(Equipment::Other),
        mechanics: Mechanics::from_code(form.value(ExerciseField::Mechanics))
            .unwrap_or(Mechanics::Compound),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::text_input::TextEdit;
    use crate::core::workout::exercise::ExerciseId;

    fn squat() -> Exercise {
        Exercise {
            id: ExerciseId(1),
            name: "Back Squat".into(),
            kind: ExerciseKind::Strength,
            equipment: Equipment::Barbell,
            mechanics: Mechanics::Compound,
            muscles: vec![],
            aliases: vec!["squat".into()],
            custom: false,
        }
    }

    #[test]
    fn a_new_name_with_its_choices_is_read() {
        let mut form = exercise_form("Zercher squat");
        assert_eq!(form.missing(), vec![]);
        form.focus = 2;
        form.edit(TextEdit::Insert('k'));
        form.focus = 3;
        form.edit(TextEdit::Right);
        assert_eq!(
            read_exercise(&form, &[squat()]),
            Ok(NewExercise {
                name: "Zercher squat".into(),
                kind: ExerciseKind::Strength,
                equipment: Equipment::Kettlebell,
                mechanics: Mechanics::Isolation,
            })
        );
    }

    #[test]
    fn an_empty_or_taken_name_is_refused_on_the_name_field() {
        assert_eq!(
            read_exercise(&exercise_form(" "), &[squat()]),
            Err(vec![(ExerciseField::Name, "type a name".into())])
        );
        assert_eq!(
            read_exercise(&exercise_form("SQUAT"), &[squat()]),
            Err(vec![(
                ExerciseField::Name,
                "\"Back Squat\" already exists — pick it from the list".into()
            )])
        );
    }
}
