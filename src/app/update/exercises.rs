//! Exercises coming back from the store: a new one in the catalogue (added to the session), a
//! rule saved, and the coaching worked out again from each lift's history.

use super::{Effect, State, say, session};
use crate::app::store_worker::{ExerciseReply, SessionRequest};
use crate::core::strength::coaching::Coaching;
use crate::core::strength::history::Performance;
use crate::core::strength::progression::RuleConfig;
use crate::core::workout::exercise::ExerciseId;

pub fn stored(state: &mut State, reply: ExerciseReply) -> Vec<Effect> {
    match reply {
        ExerciseReply::Created(exercise) => {
            let id = exercise.id;
            let at = state
                .exercises
                .partition_point(|e| e.name.to_lowercase() < exercise.name.to_lowercase());
            say(state, format!("Created {}.", exercise.name), false);
            state.exercises.insert(at, exercise);
            state.modal = None;
            if let Some(session) = &state.session {
                return vec![Effect::Store(
                    SessionRequest::AddSlot {
                        session: session.id,
                        exercise: id,
                    }
                    .into(),
                )];
            }
        }
        ExerciseReply::RuleSaved {
            exercise,
            rule,
            history,
        } => rule_saved(state, exercise, rule, &history),
        ExerciseReply::Recoached(histories) => {
            for (exercise, history) in &histories {
                coach(state, *exercise, history);
            }
            session::prefill(state);
        }
    }
    Vec::new()
}

/// A rule was saved: today's plan follows it at once.
fn rule_saved(state: &mut State, exercise: ExerciseId, rule: RuleConfig, history: &[Performance]) {
    state.rules.insert(exercise, rule);
    coach(state, exercise, history);
    state.modal = None;
    session::prefill(state);
    say(
        state,
        format!("Progression rule saved: {}.", rule.rule.label()),
        false,
    );
}

/// Coaching for `exercise` under its rule (the defaults by exercise type when none was chosen).
pub fn coach(state: &mut State, exercise: ExerciseId, history: &[Performance]) {
    let (Some(found), Some(profile), Some(session)) =
        (state.exercise(exercise), &state.profile, &state.session)
    else {
        return;
    };
    let rule = RuleConfig::resolve(state.rules.get(&exercise).copied(), found, profile.unit);
    let coaching = Coaching::for_day(
        history,
        session.id,
        found,
        profile,
        crate::app::state::training_day(state.deload_week.as_ref(), state.now),
        &rule,
        state.pinned,
    );
    state.coaching.insert(exercise, coaching);
}
