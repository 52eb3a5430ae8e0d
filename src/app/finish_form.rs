//! The form that finishes a session: how hard it was (session RPE) and notes.

use super::form::{Field, FieldErrors, FieldId, Form};

/// The finish form's fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FinishField {
    Rpe,
    Notes,
}

impl FieldId for FinishField {
    const ALL: &'static [Self] = &[FinishField::Rpe, FinishField::Notes];

    fn label(self) -> &'static str {
        match self {
            FinishField::Rpe => "Session RPE",
            FinishField::Notes => "Notes",
        }
    }
}

/// What the lifter said about the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finished {
    /// Foster's session RPE, 0–10 in whole steps; `None` when left empty.
    pub rpe: Option<u8>,
    pub notes: String,
}

/// The form, its notes filled from the session's.
pub fn finish_form(notes: &str) -> Form<FinishField> {
    Form::new(
        "Finish the session",
        vec![
            Field::text(
                FinishField::Rpe,
                "",
                "0–10: how hard was the whole session? (optional)",
            ),
            Field::text(
                FinishField::Notes,
                notes,
                "how it went, anything to remember",
            ),
        ],
    )
}

/// Validates the form. Session RPE is Foster's CR-10 scale in whole steps (a set's RPE is the
/// RTS scale, in halves): 7.5 is refused with the two whole steps beside it.
pub fn read_finish(form: &Form<FinishField>) -> Result<Finished, FieldErrors<FinishField>> {
    let rpe = match form.value(FinishField::Rpe) {
        "" => None,
        text => match text.parse::<u8>() {
            Ok(r) if r <= 10 => Some(r),
            _ => {
                let hint = match text.replace(',', ".").parse::<f64>() {
                    Ok(v) if (0.0..=10.0).contains(&v) => format!(
                        " — it is Foster's 0–10 scale in whole steps: pick {} or {}",
                        v.floor(),
                        v.ceil()
                    ),
                    _ => String::new(),
                };
                return Err(vec![(
                    FinishField::Rpe,
                    format!("session RPE must be a whole number 0–10, got {text}{hint}"),
                )]);
            }
        },
    };
    Ok(Finished {
        rpe,
        notes: form.value(FinishField::Notes).to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(rpe: &str) -> Form<FinishField> {
        let mut form = finish_form("felt strong");
        if let Some(field) = form.field_mut(FinishField::Rpe) {
            field.input.set(rpe);
        }
        form
    }

    #[test]
    fn a_whole_session_rpe_and_the_notes_are_read() {
        assert_eq!(finish_form("").missing(), vec![]);
        assert_eq!(
            read_finish(&typed("7")),
            Ok(Finished {
                rpe: Some(7),
                notes: "felt strong".into()
            })
        );
        assert_eq!(read_finish(&typed("")).map(|f| f.rpe), Ok(None));
    }

    #[test]
    fn a_half_step_or_out_of_range_rpe_is_refused_on_its_field() {
        assert_eq!(
            read_finish(&typed("7,5")),
            Err(vec![(
                FinishField::Rpe,
                "session RPE must be a whole number 0–10, got 7,5 — it is Foster's 0–10 scale \
                 in whole steps: pick 7 or 8"
                    .into()
            )])
        );
        assert_eq!(
            read_finish(&typed("11")),
            Err(vec![(
                FinishField::Rpe,
                "session RPE must be a whole number 0–10, got 11".into()
            )])
        );
    }
}
