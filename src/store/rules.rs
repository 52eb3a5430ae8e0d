//! Settings of the progression engine: each exercise's rule, and the pinned e1RM formula (the
//! meta key `e1rm_formula`; without it the science.md defaults apply).

use rusqlite::{OptionalExtension as _, params};

use super::{Store, StoreError};
use crate::core::strength::e1rm::Formula;
use crate::core::strength::progression::{RepRange, Rule, RuleConfig};
use crate::core::units::{Reps, Rpe, Unit, Weight};
use crate::core::workout::exercise::{Exercise, ExerciseId};

/// The meta key holding the pinned formula's name.
const PINNED_KEY: &str = "e1rm_formula";

impl Store {
    /// The rule stored for `exercise`, if the lifter chose one.
    pub fn exercise_rule(&self, exercise: ExerciseId) -> Result<Option<RuleConfig>, StoreError> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT rule, rep_min, rep_max, increment_kg, target_rpe, sets
                 FROM exercise_rule WHERE exercise_id = ?1",
            )
            .and_then(|mut stmt| {
                stmt.query_row([exercise.0], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, f64>(3)?,
                        r.get::<_, f64>(4)?,
                        r.get::<_, i64>(5)?,
                    ))
                })
                .optional()
            })
            .map_err(self.fail("read the exercise's progression rule"))?;
        let Some((rule, min, max, increment, rpe, sets)) = row else {
            return Ok(None);
        };
        let bad = |problem: String| StoreError::corrupt("exercise_rule", exercise.0, problem);
        let small = |v: i64, what: &str| {
            u16::try_from(v).map_err(|_| bad(format!("{what} {v} is out of range")))
        };
        Ok(Some(RuleConfig {
            rule: Rule::from_code(&rule).ok_or_else(|| bad(format!("unknown rule {rule:?}")))?,
            rep_range: RepRange::new(small(min, "rep_min")?, small(max, "rep_max")?)
                .map_err(|e| bad(e.to_string()))?,
            increment: Weight::from_kg(increment).map_err(|e| bad(e.0))?,
            target_rpe: Rpe::try_from(rpe).map_err(|e| bad(e.0))?,
            sets: small(sets, "sets")?,
        }))
    }

    /// The rule `exercise` follows: the stored one, else the defaults for its type in `unit`.
    pub fn rule_for(&self, exercise: &Exercise, unit: Unit) -> Result<RuleConfig, StoreError> {
        Ok(RuleConfig::resolve(
            self.exercise_rule(exercise.id)?,
            exercise,
            unit,
        ))
    }

    /// Stores `exercise`'s rule, or with `None` forgets it so the defaults apply again.
    pub fn set_exercise_rule(
        &self,
        exercise: ExerciseId,
        config: Option<&RuleConfig>,
    ) -> Result<(), StoreError> {
        if let Some(config) = config {
            if config.sets == 0 {
                return Err(StoreError::Invalid(
                    "a rule needs at least 1 working set".into(),
                ));
            }
            if config.rep_range.max() > Reps::MAX {
                return Err(StoreError::Invalid(format!(
                    "a rep range can go up to {} reps, got {}",
                    Reps::MAX,
                    config.rep_range
                )));
            }
        }
        let tx = self.write()?;
        self.require_exercise(exercise)?;
        match config {
            Some(c) => tx.execute(
                "INSERT INTO exercise_rule (exercise_id, rule, rep_min, rep_max, increment_kg, target_rpe, sets)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (exercise_id) DO UPDATE SET rule = excluded.rule, rep_min = excluded.rep_min,
                     rep_max = excluded.rep_max, increment_kg = excluded.increment_kg,
                     target_rpe = excluded.target_rpe, sets = excluded.sets",
                params![
                    exercise.0,
                    c.rule.code(),
                    c.rep_range.min(),
                    c.rep_range.max(),
                    c.increment.kg(),
                    c.target_rpe.value(),
                    c.sets
                ],
            ),
            None => tx.execute(
                "DELETE FROM exercise_rule WHERE exercise_id = ?1",
                [exercise.0],
            ),
        }
        .map_err(self.fail("save the progression rule"))?;
        self.commit(tx, "save the progression rule")
    }

    /// The e1RM formula the lifter pinned in Settings, if any.
    pub fn pinned_formula(&self) -> Result<Option<Formula>, StoreError> {
        let name: Option<String> = self
            .conn
            .prepare_cached("SELECT value FROM meta WHERE key = ?1")
            .and_then(|mut stmt| stmt.query_row([PINNED_KEY], |r| r.get(0)).optional())
            .map_err(self.fail("read the pinned e1RM formula"))?;
        name.map(|name| {
            Formula::from_name(&name).ok_or_else(|| {
                StoreError::corrupt("meta", 0, format!("{PINNED_KEY} {name:?} is not a formula"))
            })
        })
        .transpose()
    }

    /// Pins an e1RM formula (or with `None` returns to the defaults). Every stored e1RM and every
    /// personal record is recomputed in the same transaction.
    pub fn set_pinned_formula(&self, formula: Option<Formula>) -> Result<(), StoreError> {
        let tx = self.write()?;
        match formula {
            Some(f) => tx.execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![PINNED_KEY, f.name()],
            ),
            None => tx.execute("DELETE FROM meta WHERE key = ?1", [PINNED_KEY]),
        }
        .map_err(self.fail("pin the e1RM formula"))?;
        // Re-reads every stored e1RM under the new formula, then the records.
        self.recompute_all_records()?;
        self.commit(tx, "pin the e1RM formula")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::units::Unit;
    use crate::store::fixtures::{at, kg, lift, store};

    fn squat(store: &Store) -> Exercise {
        store
            .exercises()
            .unwrap()
            .into_iter()
            .find(|e| e.name == "Back Squat")
            .unwrap()
    }

    #[test]
    fn a_rule_round_trips_and_clearing_it_brings_back_the_defaults() {
        let store = store();
        let squat = squat(&store);
        assert_eq!(store.exercise_rule(squat.id).unwrap(), None);
        let default = store.rule_for(&squat, Unit::Kg).unwrap();
        assert_eq!(default, RuleConfig::default_for(&squat, Unit::Kg));
        assert_eq!(default.rep_range, RepRange::new(5, 8).unwrap());

        let linear = RuleConfig {
            rule: Rule::Linear,
            rep_range: RepRange::new(5, 5).unwrap(),
            increment: kg(5.0),
            target_rpe: Rpe::try_from(8.5).unwrap(),
            sets: 3,
        };
        store.set_exercise_rule(squat.id, Some(&linear)).unwrap();
        assert_eq!(store.exercise_rule(squat.id).unwrap(), Some(linear));
        let heavier = RuleConfig { sets: 5, ..linear };
        store.set_exercise_rule(squat.id, Some(&heavier)).unwrap();
        assert_eq!(store.rule_for(&squat, Unit::Kg).unwrap(), heavier);
        store.set_exercise_rule(squat.id, None).unwrap();
        assert_eq!(store.rule_for(&squat, Unit::Kg).unwrap(), default);
    }

    #[test]
    fn rules_for_missing_exercises_or_without_sets_are_refused() {
        let store = store();
        let squat = squat(&store);
        let config = RuleConfig::default_for(&squat, Unit::Kg);
        assert!(matches!(
            store.set_exercise_rule(ExerciseId(99_999), Some(&config)),
            Err(StoreError::NotFound {
                what: "exercise",
                ..
            })
        ));
        let none = RuleConfig { sets: 0, ..config };
        assert!(matches!(
            store.set_exercise_rule(squat.id, Some(&none)),
            Err(StoreError::Invalid(_))
        ));
    }

    #[test]
    fn a_hand_edited_rule_is_reported() {
        let store = store();
        let squat = squat(&store);
        store
            .conn
            .execute(
                "INSERT INTO exercise_rule VALUES (?1, 'linear', 5, 5, 2.5, 12, 3)",
                [squat.id.0],
            )
            .unwrap();
        let err = store.exercise_rule(squat.id).unwrap_err();
        assert!(err.to_string().contains("RPE must be"), "{err}");
    }

    #[test]
    fn pinning_a_formula_recomputes_stored_e1rms_and_records() {
        let store = store();
        let squat = squat(&store).id;
        let session = store.start_session(at(0), "Legs").unwrap();
        let slot = store.add_slot(session, squat).unwrap().id;
        let sets = store.log_sets(slot, &[lift(100.0, 5)], at(5)).unwrap();
        let stored = || -> f64 {
            store
                .conn
                .query_row(
                    "SELECT e1rm_kg FROM set_entry WHERE id = ?1",
                    [sets[0].id.0],
                    |r| r.get(0),
                )
                .unwrap()
        };
        // 100 × 5: Brzycki 112.5 by default, Epley 116.667 pinned (science.md).
        assert!((stored() - 112.5).abs() < 1e-9);
        assert_eq!(store.pinned_formula().unwrap(), None);

        store.set_pinned_formula(Some(Formula::Epley)).unwrap();
        assert_eq!(store.pinned_formula().unwrap(), Some(Formula::Epley));
        assert!((stored() - 116.666_667).abs() < 1e-5);
        let best = store.records(squat).unwrap().best_e1rm.unwrap().kg();
        assert!((best - 116.666_667).abs() < 1e-5);

        // New sets follow the pin too.
        let more = store.log_sets(slot, &[lift(100.0, 4)], at(8)).unwrap();
        let e1rm: f64 = store
            .conn
            .query_row(
                "SELECT e1rm_kg FROM set_entry WHERE id = ?1",
                [more[0].id.0],
                |r| r.get(0),
            )
            .unwrap();
        assert!((e1rm - 113.333_333).abs() < 1e-5);

        store.set_pinned_formula(None).unwrap();
        assert!((stored() - 112.5).abs() < 1e-9);
        assert!((store.records(squat).unwrap().best_e1rm.unwrap().kg() - 112.5).abs() < 1e-9);
    }
}
