//! The next session's target for each lift, from its rule and history, with the reasoning: what
//! `ironpulse recommend` prints and `ironpulse context` hands a coach.

use chrono::{Days, NaiveDate, NaiveTime};

use crate::core::profile::Profile;
use crate::core::strength::history::past_sessions;
use crate::core::strength::progression::{Recommendation, RuleConfig, deload_week, recommend};
use crate::core::workout::exercise::{Exercise, ExerciseId};
use crate::core::workout::plates::Loader;
use crate::store::{Store, StoreError};

/// Lifts trained within this many days are listed when no exercise is named.
const RECENT_DAYS: u64 = 56;

/// One exercise's advice, with the rule that gave it.
#[derive(Debug, Clone, PartialEq)]
pub struct Advice<'a> {
    pub exercise: &'a Exercise,
    /// The rule the advice follows: the one chosen for the lift, else the defaults for its type.
    pub config: RuleConfig,
    /// Whether the lifter chose the rule (else it is the defaults).
    pub custom_rule: bool,
    pub recommendation: Recommendation,
}

/// Each lift's advice as of a day.
#[derive(Debug, Clone, PartialEq)]
pub struct Recommendations<'a>(pub Vec<Advice<'a>>);

impl<'a> Recommendations<'a> {
    /// Each lift trained in the 8 weeks up to `today` (those in `exercises` with a weight to
    /// progress and a session in that time), the most recently trained first.
    pub fn recent(
        store: &Store,
        profile: &Profile,
        exercises: &'a [Exercise],
        today: NaiveDate,
    ) -> Result<Recommendations<'a>, StoreError> {
        let chosen = recent_lifts(store, exercises, today)?;
        Self::read(store, profile, &chosen, Some(recent_since(today)), today)
    }

    /// Each chosen lift's advice as of `today` from its history up to then; inside a recorded
    /// deload week every lift gets the deload week's plan. Listing (`since` given), lifts without
    /// a session from `since` to `today` or without a weight to progress (cardio, bodyweight) are
    /// left out, and the rest come the most recently trained first.
    pub fn read(
        store: &Store,
        profile: &Profile,
        chosen: &[&'a Exercise],
        since: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<Recommendations<'a>, StoreError> {
        let deload_day = store.current_deload(today)?.and_then(|d| d.day_of(today));
        let ids: Vec<ExerciseId> = chosen.iter().map(|e| e.id).collect();
        let mut histories = store.exercise_histories(&ids)?;
        let mut advice = Vec::new();
        let mut last_trained = Vec::new();
        for &exercise in chosen {
            // `chosen` names each lift once.
            let mut history = histories.remove(&exercise.id).unwrap_or_default();
            history.retain(|p| p.started_at.date_naive() <= today);
            let last = history.iter().map(|p| p.started_at.date_naive()).max();
            let sessions = past_sessions(&history);
            if let Some(since) = since
                && (sessions.is_empty() || last.is_none_or(|last| last < since))
            {
                continue;
            }
            let stored = store.exercise_rule(exercise.id)?;
            let config = RuleConfig::resolve(stored, exercise, profile.unit);
            let loader = Loader::for_equipment(exercise.equipment, profile);
            let mut recommendation = recommend(&sessions, &config, &loader, today);
            if let Some(day) = &deload_day {
                recommendation = deload_week(&recommendation, &sessions, &loader, day);
            }
            last_trained.push(last);
            advice.push(Advice {
                exercise,
                config,
                custom_rule: stored.is_some(),
                recommendation,
            });
        }
        if since.is_some() {
            // A stable sort keeps the store's order (most recent first) within a day.
            let mut paired: Vec<_> = last_trained.into_iter().zip(advice).collect();
            paired.sort_by_key(|p| std::cmp::Reverse(p.0));
            advice = paired.into_iter().map(|(_, a)| a).collect();
        }
        Ok(Recommendations(advice))
    }
}

/// The first day of the 8 weeks whose lifts are listed when no exercise is named.
pub fn recent_since(today: NaiveDate) -> NaiveDate {
    today
        .checked_sub_days(Days::new(RECENT_DAYS))
        .unwrap_or(today)
}

/// The exercises trained since [`recent_since`], the most recent first.
fn recent_lifts<'a>(
    store: &Store,
    exercises: &'a [Exercise],
    today: NaiveDate,
) -> Result<Vec<&'a Exercise>, StoreError> {
    let since = recent_since(today).and_time(NaiveTime::MIN).and_utc();
    Ok(store
        .exercises_trained_since(since)?
        .iter()
        .filter_map(|id| exercises.iter().find(|e| e.id == *id))
        .collect())
}
