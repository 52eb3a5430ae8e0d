//! What the session screen knows about an exercise before the first set: its records, the
//! recommendation for today, and the set to prefill.

use chrono::NaiveDate;

use crate::core::profile::Profile;
use crate::core::strength::deload::DeloadDay;
use crate::core::strength::e1rm::{Formula, Reader};
use crate::core::strength::history::{Performance, past_sessions, past_sets};
use crate::core::strength::progression::{Recommendation, RuleConfig, deload_week, recommend};
use crate::core::strength::records::{PastSet, Pr, Records, new_records, records};
use crate::core::units::{Reps, Weight};
use crate::core::workout::exercise::Exercise;
use crate::core::workout::plates::Loader;
use crate::core::workout::session::SessionId;
use crate::core::workout::set::{Load, SetKind, SetSpec};

/// The day being coached: its date, and where it falls in a recorded deload, if one covers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrainingDay {
    pub date: NaiveDate,
    pub deload: Option<DeloadDay>,
}

impl TrainingDay {
    /// An ordinary training day.
    pub fn plain(date: NaiveDate) -> TrainingDay {
        TrainingDay { date, deload: None }
    }
}

/// One exercise's coaching for the session in progress.
#[derive(Debug, Clone, PartialEq)]
pub struct Coaching {
    pub records: Records,
    /// `None` for exercises the rules do not cover (timed, bodyweight without a load).
    pub recommendation: Option<Recommendation>,
    /// The latest set of this exercise before the current session.
    pub last: Option<SetSpec>,
    /// Reads each set logged now for its e1RM, as the store will: the lift's RPE habit so far
    /// and the pinned formula.
    pub reader: Reader,
    /// The heaviest load moved in a working set of this lift so far, body weight counted for
    /// bodyweight sets (at the profile's): what a new set is held against to catch a typo.
    pub heaviest_moved: Option<Weight>,
    /// The body weight bodyweight sets are counted at.
    pub body_weight: Option<Weight>,
}

impl Coaching {
    /// Coaching from the exercise's whole history. Sets of `current` (a resumed session) count
    /// for records but not as a past session for the recommendation.
    pub fn new(
        history: &[Performance],
        current: SessionId,
        exercise: &Exercise,
        profile: &Profile,
        today: NaiveDate,
    ) -> Coaching {
        Self::with_rule(
            history,
            current,
            exercise,
            profile,
            today,
            &RuleConfig::default_for(exercise, profile.unit),
            None,
        )
    }

    /// Coaching under the exercise's own progression rule.
    pub fn with_rule(
        history: &[Performance],
        current: SessionId,
        exercise: &Exercise,
        profile: &Profile,
        today: NaiveDate,
        rule: &RuleConfig,
        pinned: Option<Formula>,
    ) -> Coaching {
        Self::for_day(
            history,
            current,
            exercise,
            profile,
            TrainingDay::plain(today),
            rule,
            pinned,
        )
    }

    /// Coaching under the exercise's own rule on `day`: inside a recorded deload the
    /// recommendation becomes the deload week's (fewer sets, no added weight).
    pub fn for_day(
        history: &[Performance],
        current: SessionId,
        exercise: &Exercise,
        profile: &Profile,
        day: TrainingDay,
        rule: &RuleConfig,
        pinned: Option<Formula>,
    ) -> Coaching {
        let past: Vec<Performance> = history
            .iter()
            .filter(|p| p.session != current)
            .cloned()
            .collect();
        let sessions = past_sessions(&past);
        let loader = Loader::for_equipment(exercise.equipment, profile);
        let recommendation = (!sessions.is_empty()
            || exercise.kind == crate::core::workout::exercise::ExerciseKind::Strength)
            .then(|| {
                let rule_says = recommend(&sessions, rule, &loader, day.date);
                match &day.deload {
                    Some(deload) => deload_week(&rule_says, &sessions, &loader, deload),
                    None => rule_says,
                }
            });
        let mut reader = Reader::new(pinned);
        let body_weight = Some(profile.body_weight);
        let heaviest_moved = history
            .iter()
            .flat_map(|p| &p.sets)
            .filter_map(|s| moved(s, body_weight))
            .reduce(|a, b| if b.kg() > a.kg() { b } else { a });
        Coaching {
            records: records(&past_sets(history, &mut reader)),
            recommendation,
            last: past.last().and_then(|p| p.sets.last().copied()),
            reader,
            heaviest_moved,
            body_weight,
        }
    }

    /// The set the entry line starts from: today's recommendation, else the last set.
    pub fn suggested_set(&self) -> Option<SetSpec> {
        let suggestion = self.recommendation.as_ref().map(|r| r.suggestion);
        match suggestion {
            Some(s) if s.weight.is_some() && s.reps.is_some() => Some(SetSpec {
                kind: SetKind::Working,
                load: s.weight.map_or(Load::None, Load::External),
                reps: s.reps.and_then(|r| Reps::try_from(u32::from(r)).ok()),
                effort: None,
                duration: None,
            }),
            _ => self.last,
        }
    }

    /// Records a logged set; returns the records it broke (warm-ups and loads without a weight
    /// break none). A lift's first sets break nothing — there was no earlier best — so a PR here is
    /// what `report` and the progression chart call one: better than an earlier best.
    pub fn log(&mut self, set: &SetSpec) -> Vec<Pr> {
        if let Some(moved) = moved(set, self.body_weight)
            && self.heaviest_moved.is_none_or(|h| moved.kg() > h.kg())
        {
            self.heaviest_moved = Some(moved);
        }
        let (Load::External(weight), Some(reps)) = (set.load, set.reps) else {
            return Vec::new();
        };
        let past = PastSet {
            kind: set.kind,
            weight,
            reps,
            e1rm: self.reader.read(set),
        };
        let mut prs = new_records(&self.records, &past);
        prs.retain(|pr| pr.previous.is_some());
        self.records.add_set(&past);
        prs
    }
}

/// The load a working set moved (body weight counted for bodyweight sets); `None` for warm-ups
/// and sets with no load.
fn moved(set: &SetSpec, body_weight: Option<Weight>) -> Option<Weight> {
    let kg = set.load.moved_kg(body_weight);
    (set.kind.is_working() && kg > 0.0)
        .then(|| Weight::from_kg(kg).ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::workout::exercise::{Equipment, ExerciseId, ExerciseKind, Mechanics};

    use crate::core::units::{Unit, Weight};
    use chrono::{DateTime, Utc};

    fn squat() -> Exercise {
        Exercise {
            id: ExerciseId(1),
            name: "Back Squat".into(),
            kind: ExerciseKind::Strength,
            equipment: Equipment::Barbell,
            mechanics: Mechanics::Compound,
            muscles: vec![],
            aliases: vec![],
            custom: false,
        }
    }

    fn profile() -> Profile {
        Profile::example()
    }

    fn lift(kg: f64, reps: u32) -> SetSpec {
        SetSpec {
            load: Load::External(Weight::from_kg(kg).unwrap()),
            reps: Some(Reps::try_from(reps).unwrap()),
            ..SetSpec::default()
        }
    }

    fn day(n: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_790_000_000 + n * 86_400, 0).unwrap()
    }

    #[test]
    fn top_of_the_range_suggests_more_weight_and_a_heavier_set_is_a_record() {
        // Double progression, compound 5–8: three sets of 8 at 100 kg → add 2.5 kg.
        let history = vec![Performance {
            session: SessionId(1),
            started_at: day(0),
            sets: vec![lift(100.0, 8); 3],
        }];
        let mut coaching = Coaching::new(
            &history,
            SessionId(2),
            &squat(),
            &profile(),
            day(2).date_naive(),
        );
        assert_eq!(
            coaching.suggested_set(),
            Some(SetSpec {
                kind: SetKind::Working,
                ..lift(102.5, 5)
            })
        );
        assert!(
            coaching
                .recommendation
                .as_ref()
                .unwrap()
                .reasoning
                .contains("102.5")
        );
        assert_eq!(coaching.last, Some(lift(100.0, 8)));
        let prs = coaching.log(&lift(102.5, 8));
        assert!(!prs.is_empty(), "heavier for the same reps is a record");
        assert!(coaching.log(&lift(60.0, 5)).is_empty());
    }

    #[test]
    fn a_deload_week_keeps_the_load_and_cuts_the_sets() {
        // The rule says 102.5 kg × 5 (three sets of 8 at 100 kg); in a deload week it is 2 of the
        // 3 sets (60 %, science.md's 40 % volume cut) at last session's 100 kg.
        let history = vec![Performance {
            session: SessionId(1),
            started_at: day(0),
            sets: vec![lift(100.0, 8); 3],
        }];
        let today = day(2).date_naive();
        let deload = crate::core::strength::deload::DeloadWeek {
            id: crate::core::strength::deload::DeloadId(1),
            start: today.pred_opt().unwrap(),
            end: None,
            note: String::new(),
        };
        let coaching = Coaching::for_day(
            &history,
            SessionId(2),
            &squat(),
            &profile(),
            TrainingDay {
                date: today,
                deload: deload.day_of(today),
            },
            &RuleConfig::default_for(&squat(), Unit::Kg),
            None,
        );
        let r = coaching.recommendation.as_ref().unwrap();
        assert_eq!(
            r.kind,
            crate::core::strength::progression::RecommendationKind::Deload
        );
        assert_eq!(r.suggestion.sets, Some(2));
        assert_eq!(
            r.reasoning,
            format!(
                "Deload week, day 2 of 7, until {}: cut volume by 40 % — 2 of your 3 working \
                 sets at 100 kg × 5; the step to 102.5 kg waits until after the deload.",
                deload.last_day().format("%a %-d %b")
            )
        );
        assert_eq!(
            coaching.suggested_set(),
            Some(SetSpec {
                kind: SetKind::Working,
                ..lift(100.0, 5)
            })
        );
    }

    #[test]
    fn a_resumed_session_is_not_its_own_past() {
        let history = vec![Performance {
            session: SessionId(7),
            started_at: day(0),
            sets: vec![lift(100.0, 5)],
        }];
        let coaching = Coaching::new(
            &history,
            SessionId(7),
            &squat(),
            &profile(),
            day(0).date_naive(),
        );
        assert_eq!(coaching.last, None);
        assert!(
            coaching.records.best_e1rm.is_some(),
            "today's sets still count for records"
        );
    }
}
