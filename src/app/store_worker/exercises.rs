//! Exercises: a new one in the catalogue, a lift's progression rule, and the history its
//! coaching is worked out from.

use super::{Failed, Request};
use crate::core::strength::history::Performance;
use crate::core::strength::progression::RuleConfig;
use crate::core::workout::exercise::{Equipment, Exercise, ExerciseId, ExerciseKind, Mechanics};
use crate::store::{Store, StoreError};

#[derive(Debug, Clone, PartialEq)]
pub enum ExerciseRequest {
    Create {
        name: String,
        kind: ExerciseKind,
        equipment: Equipment,
        mechanics: Mechanics,
    },
    SetRule {
        exercise: ExerciseId,
        rule: RuleConfig,
    },
    /// The history of each of `exercises` (the running session's), so their coaching follows a
    /// deload started or ended mid-session, or a changed profile; answered by `Recoached`.
    Recoach { exercises: Vec<ExerciseId> },
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExerciseReply {
    Created(Exercise),
    /// A progression rule was saved; the history comes back so coaching can follow it.
    RuleSaved {
        exercise: ExerciseId,
        rule: RuleConfig,
        history: Vec<Performance>,
    },
    /// Each exercise's whole history, for its coaching again.
    Recoached(Vec<(ExerciseId, Vec<Performance>)>),
}

impl Request for ExerciseRequest {
    type Reply = ExerciseReply;

    fn answer(self, store: &Store) -> Result<ExerciseReply, StoreError> {
        Ok(match self {
            ExerciseRequest::Create {
                name,
                kind,
                equipment,
                mechanics,
            } => ExerciseReply::Created(store.create_exercise(
                &name,
                kind,
                equipment,
                mechanics,
                &[],
            )?),
            ExerciseRequest::SetRule { exercise, rule } => {
                store.set_exercise_rule(exercise, Some(&rule))?;
                ExerciseReply::RuleSaved {
                    exercise,
                    rule,
                    history: store.exercise_history(exercise)?,
                }
            }
            ExerciseRequest::Recoach { exercises } => ExerciseReply::Recoached(
                exercises
                    .into_iter()
                    .map(|exercise| Ok((exercise, store.exercise_history(exercise)?)))
                    .collect::<Result<_, StoreError>>()?,
            ),
        })
    }

    fn failure(&self) -> Failed {
        match self {
            ExerciseRequest::Create { .. } => Failed::Exercise,
            _ => Failed::Other,
        }
    }
}
