//! Logged sets: `SetSpec` ⇄ `set_entry` columns, logging, editing, and the last set of a lift.
//!
//! Load columns: `External(w)` → `weight_kg = w, bodyweight = 0`; `Bodyweight { added, assisted }`
//! → `weight_kg = ±added, bodyweight = 1` (negative = assisted); `None` → `NULL, 0`.
//! Effort: both RPE and RIR are stored, `effort_entered` says which one the lifter typed.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension as _, params};

use super::{Store, StoreError, from_millis, to_millis};
use crate::core::strength::e1rm::{self, Formula};
use crate::core::units::{Reps, Rir, Rpe, Seconds, Weight};
use crate::core::workout::exercise::ExerciseId;
use crate::core::workout::session::{LoggedSet, SetId, SlotId};
use crate::core::workout::set::{Effort, Load, SetKind, SetSpec};

/// The `set_entry` columns [`SetRow::read`] expects, for a query aliasing the table as `s`.
pub(super) const SET_COLUMNS: &str = "s.id, s.kind, s.weight_kg, s.bodyweight, s.reps, s.rpe, s.rir, s.effort_entered, s.duration_s, s.completed_at";

/// Inserts one set; bind `SetColumns` in order after the slot and position, then the time.
pub(super) const INSERT_SET: &str =
    "INSERT INTO set_entry (session_exercise_id, position, kind, weight_kg, bodyweight, reps,
                        rpe, rir, effort_entered, duration_s, e1rm_kg, completed_at)
 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

/// The columns that describe a set, ready to bind (shared by `log_sets`, `update_set` and the
/// bulk history insert, so a set is encoded one way only).
pub(super) struct SetColumns {
    pub(super) kind: &'static str,
    pub(super) weight_kg: Option<f64>,
    pub(super) bodyweight: bool,
    pub(super) reps: Option<u16>,
    pub(super) rpe: Option<f64>,
    pub(super) rir: Option<f64>,
    pub(super) effort_entered: Option<&'static str>,
    pub(super) duration_s: Option<u32>,
    /// The estimated 1RM of a working set with an external load (science.md rules).
    pub(super) e1rm_kg: Option<f64>,
}

impl SetColumns {
    /// The columns for `spec`, its e1RM by the `pinned` formula when the lifter chose one.
    pub(super) fn new(spec: &SetSpec, pinned: Option<Formula>) -> Self {
        let (rpe, rir, effort_entered) = match spec.effort {
            None => (None, None, None),
            Some(effort) => (
                Some(effort.rpe().value()),
                Some(effort.rir().value()),
                Some(match effort {
                    Effort::Rpe(_) => "rpe",
                    Effort::Rir(_) => "rir",
                }),
            ),
        };
        SetColumns {
            kind: spec.kind.code(),
            weight_kg: spec.load.signed_kg(),
            bodyweight: matches!(spec.load, Load::Bodyweight { .. }),
            reps: spec.reps.map(Reps::get),
            rpe,
            rir,
            effort_entered,
            duration_s: spec.duration.map(Seconds::get),
            e1rm_kg: match (spec.kind.is_working(), spec.load, spec.reps) {
                (true, Load::External(weight), Some(reps)) => {
                    e1rm::estimate(weight, reps.get(), spec.effort.map(Effort::rpe), pinned)
                        .map(Weight::kg)
                }
                _ => None,
            },
        }
    }
}

/// A `set_entry` row as read, before validation.
pub(super) struct SetRow {
    id: i64,
    kind: String,
    weight_kg: Option<f64>,
    bodyweight: bool,
    reps: Option<i64>,
    rpe: Option<f64>,
    rir: Option<f64>,
    effort_entered: Option<String>,
    duration_s: Option<i64>,
    completed_at: i64,
}

impl SetRow {
    /// Reads [`SET_COLUMNS`] starting at column `at`.
    pub(super) fn read(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Self> {
        Ok(SetRow {
            id: r.get(at)?,
            kind: r.get(at + 1)?,
            weight_kg: r.get(at + 2)?,
            bodyweight: r.get(at + 3)?,
            reps: r.get(at + 4)?,
            rpe: r.get(at + 5)?,
            rir: r.get(at + 6)?,
            effort_entered: r.get(at + 7)?,
            duration_s: r.get(at + 8)?,
            completed_at: r.get(at + 9)?,
        })
    }

    /// Validates the row into a set, or names what is wrong with it.
    pub(super) fn into_logged(self) -> Result<LoggedSet, StoreError> {
        let id = self.id;
        let bad = |problem: String| StoreError::corrupt("set_entry", id, problem);
        let kind = SetKind::from_code(&self.kind)
            .ok_or_else(|| bad(format!("unknown set kind {:?}", self.kind)))?;
        let weight = |kg: f64| Weight::from_kg(kg).map_err(|e| bad(e.0));
        let load = match (self.bodyweight, self.weight_kg) {
            (false, None) => Load::None,
            (false, Some(kg)) => Load::External(weight(kg)?),
            (true, kg) => {
                let kg = kg.unwrap_or(0.0);
                Load::Bodyweight {
                    added: weight(kg.abs())?,
                    assisted: kg < 0.0,
                }
            }
        };
        let count = |value: i64, what: &str| {
            u32::try_from(value).map_err(|_| bad(format!("{what} {value} is out of range")))
        };
        let reps = self
            .reps
            .map(|n| count(n, "reps").and_then(|n| Reps::try_from(n).map_err(|e| bad(e.0))))
            .transpose()?;
        let duration = self
            .duration_s
            .map(|s| count(s, "duration").and_then(|s| Seconds::try_from(s).map_err(|e| bad(e.0))))
            .transpose()?;
        let rpe = |v: Option<f64>| {
            let v =
                v.ok_or_else(|| bad("effort was entered as RPE but no RPE is stored".into()))?;
            Rpe::try_from(v).map(Effort::Rpe).map_err(|e| bad(e.0))
        };
        let rir = |v: Option<f64>| {
            let v =
                v.ok_or_else(|| bad("effort was entered as RIR but no RIR is stored".into()))?;
            Rir::try_from(v).map(Effort::Rir).map_err(|e| bad(e.0))
        };
        let effort = match self.effort_entered.as_deref() {
            Some("rpe") => Some(rpe(self.rpe)?),
            Some("rir") => Some(rir(self.rir)?),
            Some(other) => {
                return Err(bad(format!(
                    "effort_entered must be rpe or rir, got {other:?}"
                )));
            }
            // Written by hand or by an import without the marker: take whichever is there.
            None if self.rpe.is_some() => Some(rpe(self.rpe)?),
            None if self.rir.is_some() => Some(rir(self.rir)?),
            None => None,
        };
        Ok(LoggedSet {
            id: SetId(id),
            spec: SetSpec {
                kind,
                load,
                reps,
                effort,
                duration,
            },
            completed_at: from_millis(self.completed_at, "set_entry", id)?,
        })
    }
}

impl Store {
    /// Logs `sets` at the end of `slot`, all in one transaction that is committed (and on disk)
    /// when this returns. Either every set is stored or none is.
    pub fn log_sets(
        &self,
        slot: SlotId,
        sets: &[SetSpec],
        completed_at: DateTime<Utc>,
    ) -> Result<Vec<LoggedSet>, StoreError> {
        let tx = self.write()?;
        let (session, next, exercise, abandoned): (i64, i64, i64, bool) = tx
            .prepare_cached(
                "SELECT se.session_id,
                        COALESCE((SELECT MAX(position) FROM set_entry WHERE session_exercise_id = se.id), 0) + 1,
                        se.exercise_id, ses.status = 'abandoned'
                 FROM session_exercise se JOIN session ses ON ses.id = se.session_id WHERE se.id = ?1",
            )
            .and_then(|mut stmt| stmt.query_row([slot.0], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))).optional())
            .map_err(self.fail("find the exercise to log to"))?
            .ok_or(StoreError::NotFound { what: "exercise slot", id: slot.0 })?;
        let pinned = self.pinned_formula()?;
        let at = to_millis(completed_at);
        let mut logged = Vec::with_capacity(sets.len());
        {
            let mut insert = tx
                .prepare_cached(INSERT_SET)
                .map_err(self.fail("save the set"))?;
            for (position, spec) in (next..).zip(sets) {
                let c = SetColumns::new(spec, pinned);
                insert
                    .execute(params![
                        slot.0,
                        position,
                        c.kind,
                        c.weight_kg,
                        c.bodyweight,
                        c.reps,
                        c.rpe,
                        c.rir,
                        c.effort_entered,
                        c.duration_s,
                        c.e1rm_kg,
                        at,
                    ])
                    .map_err(self.fail("save the set"))?;
                logged.push(LoggedSet {
                    id: SetId(tx.last_insert_rowid()),
                    spec: *spec,
                    completed_at,
                });
            }
        }
        self.refresh_summary(session)?;
        if !abandoned {
            self.records_after_log(exercise, session, &logged, pinned)?;
        }
        self.commit(tx, "save the set")?;
        Ok(logged)
    }

    /// Replaces what set `id` says (its time and place stay); the session summary follows.
    pub fn update_set(&self, id: SetId, spec: &SetSpec) -> Result<(), StoreError> {
        let tx = self.write()?;
        let (session, exercise) = self.session_of_set(id)?;
        let pinned = self.pinned_formula()?;
        let c = SetColumns::new(spec, pinned);
        tx.execute(
            "UPDATE set_entry SET kind = ?2, weight_kg = ?3, bodyweight = ?4, reps = ?5, rpe = ?6, rir = ?7,
                                  effort_entered = ?8, duration_s = ?9, e1rm_kg = ?10
             WHERE id = ?1",
            params![id.0, c.kind, c.weight_kg, c.bodyweight, c.reps, c.rpe, c.rir, c.effort_entered, c.duration_s, c.e1rm_kg],
        )
        .map_err(self.fail("change the set"))?;
        self.refresh_summary(session)?;
        self.recompute_records(exercise, pinned)?;
        self.commit(tx, "change the set")
    }

    /// Deletes set `id`; the session summary follows.
    pub fn delete_set(&self, id: SetId) -> Result<(), StoreError> {
        let tx = self.write()?;
        let (session, exercise) = self.session_of_set(id)?;
        tx.execute("DELETE FROM set_entry WHERE id = ?1", [id.0])
            .map_err(self.fail("delete the set"))?;
        self.refresh_summary(session)?;
        self.recompute_records_of(&[exercise])?;
        self.commit(tx, "delete the set")
    }

    /// The session and the exercise set `id` belongs to.
    fn session_of_set(&self, id: SetId) -> Result<(i64, i64), StoreError> {
        self.conn
            .query_row(
                "SELECT se.session_id, se.exercise_id FROM set_entry s
                 JOIN session_exercise se ON se.id = s.session_exercise_id WHERE s.id = ?1",
                [id.0],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(self.fail("find the set"))?
            .ok_or(StoreError::NotFound {
                what: "set",
                id: id.0,
            })
    }

    /// The latest set logged for `exercise` in any session, warm-ups included.
    pub fn last_set(&self, exercise: ExerciseId) -> Result<Option<SetSpec>, StoreError> {
        let row = self
            .conn
            .prepare_cached(&format!(
                "SELECT {SET_COLUMNS} FROM set_entry s
                 JOIN session_exercise se ON se.id = s.session_exercise_id
                 WHERE se.exercise_id = ?1
                 ORDER BY s.completed_at DESC, s.position DESC, s.id DESC LIMIT 1"
            ))
            .and_then(|mut stmt| {
                stmt.query_row([exercise.0], |r| SetRow::read(r, 0))
                    .optional()
            })
            .map_err(self.fail("read the last set"))?;
        Ok(row
            .map(SetRow::into_logged)
            .transpose()?
            .map(|set| set.spec))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::workout::session::Session;
    use crate::store::fixtures::{at, custom, every_shape, kg, lift, store};

    fn session_with_slot(store: &Store) -> (Session, SlotId) {
        let id = store.start_session(at(0), "Push").unwrap();
        let exercise = custom(store, "Test lift");
        let slot = store.add_slot(id, exercise).unwrap().id;
        (store.session(id).unwrap().unwrap(), slot)
    }

    #[test]
    fn every_kind_load_and_effort_round_trips() {
        let store = store();
        let (session, slot) = session_with_slot(&store);
        let specs = every_shape();
        let logged = store.log_sets(slot, &specs, at(5)).unwrap();
        assert_eq!(logged.iter().map(|s| s.spec).collect::<Vec<_>>(), specs);
        let read = store.session(session.id).unwrap().unwrap();
        assert_eq!(read.slots[0].sets, logged);
        assert!(read.slots[0].sets.iter().all(|s| s.completed_at == at(5)));
    }

    #[test]
    fn sets_are_stored_with_canonical_columns() {
        let store = store();
        let (_, slot) = session_with_slot(&store);
        let specs = every_shape();
        let logged = store.log_sets(slot, &specs, at(5)).unwrap();
        let row = |i: usize| -> (Option<f64>, bool, Option<f64>, Option<f64>, Option<String>) {
            store
                .conn
                .query_row(
                    "SELECT weight_kg, bodyweight, rpe, rir, effort_entered FROM set_entry WHERE id = ?1",
                    [logged[i].id.0],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
                )
                .unwrap()
        };
        assert_eq!(
            row(1),
            (Some(100.0), false, Some(8.5), Some(1.5), Some("rpe".into()))
        );
        assert_eq!(
            row(2),
            (Some(80.0), false, Some(8.0), Some(2.0), Some("rir".into()))
        );
        assert_eq!(row(5), (Some(20.0), true, None, None, None));
        assert_eq!(row(6), (Some(-25.0), true, None, None, None));
        assert_eq!(
            row(8),
            (None, false, Some(6.0), Some(4.0), Some("rpe".into()))
        );
        let positions: Vec<i64> = store
            .conn
            .prepare("SELECT position FROM set_entry ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(positions, (1..=10).collect::<Vec<_>>());
    }

    #[test]
    fn logging_to_a_missing_slot_stores_nothing() {
        let store = store();
        let err = store
            .log_sets(SlotId(42), &[lift(100.0, 5)], at(1))
            .unwrap_err();
        assert!(matches!(
            err,
            StoreError::NotFound {
                what: "exercise slot",
                id: 42
            }
        ));
        let sets: i64 = store
            .conn
            .query_row("SELECT count(*) FROM set_entry", [], |r| r.get(0))
            .unwrap();
        assert_eq!(sets, 0);
    }

    #[test]
    fn a_failing_set_rolls_back_the_whole_batch() {
        let store = store();
        let (session, slot) = session_with_slot(&store);
        // A trigger that refuses the third set stands in for any failure mid-batch.
        store
            .conn
            .execute_batch(
                "CREATE TEMP TRIGGER refuse_third BEFORE INSERT ON set_entry WHEN NEW.position = 3
                 BEGIN SELECT RAISE(ABORT, 'refused'); END;",
            )
            .unwrap();
        let batch = [lift(100.0, 5), lift(100.0, 5), lift(100.0, 5)];
        assert!(store.log_sets(slot, &batch, at(1)).is_err());
        let read = store.session(session.id).unwrap().unwrap();
        assert!(read.slots[0].sets.is_empty());
        assert_eq!(store.recent_sessions(1, 0).unwrap()[0].sets, 0);
    }

    #[test]
    fn update_and_delete_change_the_set_and_the_summary() {
        let store = store();
        let (session, slot) = session_with_slot(&store);
        let logged = store
            .log_sets(slot, &[lift(100.0, 5), lift(100.0, 5)], at(1))
            .unwrap();
        assert!((store.recent_sessions(1, 0).unwrap()[0].volume_kg - 1000.0).abs() < 1e-9);

        let heavier = SetSpec {
            effort: Some(Effort::Rpe(Rpe::try_from(9.0).unwrap())),
            ..lift(110.0, 3)
        };
        store.update_set(logged[0].id, &heavier).unwrap();
        let read = store.session(session.id).unwrap().unwrap();
        assert_eq!(read.slots[0].sets[0].spec, heavier);
        assert_eq!(read.slots[0].sets[0].completed_at, at(1));
        let summary = &store.recent_sessions(1, 0).unwrap()[0];
        assert!((summary.volume_kg - 830.0).abs() < 1e-9, "{summary:?}");
        assert_eq!(summary.sets, 2);

        store.delete_set(logged[1].id).unwrap();
        let summary = &store.recent_sessions(1, 0).unwrap()[0];
        assert!((summary.volume_kg - 330.0).abs() < 1e-9, "{summary:?}");
        assert_eq!((summary.sets, summary.exercises), (1, 1));

        store.delete_set(logged[0].id).unwrap();
        let summary = &store.recent_sessions(1, 0).unwrap()[0];
        assert_eq!((summary.sets, summary.exercises), (0, 0));
        assert!(summary.volume_kg.abs() < 1e-9);

        assert!(matches!(
            store.delete_set(logged[0].id),
            Err(StoreError::NotFound { what: "set", .. })
        ));
        assert!(matches!(
            store.update_set(SetId(999), &heavier),
            Err(StoreError::NotFound { what: "set", .. })
        ));
    }

    #[test]
    fn last_set_is_simply_the_latest_in_any_session() {
        let store = store();
        let bench = custom(&store, "Bench");
        let squat = custom(&store, "Squat");
        assert_eq!(store.last_set(bench).unwrap(), None);

        let monday = store.start_session(at(0), "").unwrap();
        let slot = store.add_slot(monday, bench).unwrap().id;
        store
            .log_sets(slot, &[lift(100.0, 5), lift(102.5, 5)], at(10))
            .unwrap();
        store.finish_session(monday, at(60), None, "").unwrap();

        let thursday = store.start_session(at(3 * 24 * 60), "").unwrap();
        let squat_slot = store.add_slot(thursday, squat).unwrap().id;
        store
            .log_sets(squat_slot, &[lift(140.0, 5)], at(3 * 24 * 60 + 10))
            .unwrap();
        assert_eq!(store.last_set(bench).unwrap(), Some(lift(102.5, 5)));

        let bench_again = store.add_slot(thursday, bench).unwrap().id;
        let warmup = SetSpec {
            kind: SetKind::Warmup,
            ..lift(60.0, 5)
        };
        store
            .log_sets(bench_again, &[warmup], at(3 * 24 * 60 + 20))
            .unwrap();
        assert_eq!(store.last_set(bench).unwrap(), Some(warmup));
        assert_eq!(store.last_set(squat).unwrap(), Some(lift(140.0, 5)));
    }

    #[test]
    fn a_hand_written_rpe_of_11_is_reported_not_panicked() {
        let store = store();
        let (session, slot) = session_with_slot(&store);
        let logged = store.log_sets(slot, &[lift(100.0, 5)], at(1)).unwrap();
        store
            .conn
            .execute(
                "UPDATE set_entry SET rpe = 11, effort_entered = 'rpe' WHERE id = ?1",
                [logged[0].id.0],
            )
            .unwrap();
        let err = store.session(session.id).unwrap_err();
        assert!(
            matches!(err, StoreError::Corrupt { table: "set_entry", id, .. } if id == logged[0].id.0)
        );
        assert!(
            err.to_string()
                .contains("RPE must be 1–10 in half steps, got 11"),
            "{err}"
        );
        assert!(matches!(
            store.last_set(session.slots[0].exercise),
            Err(StoreError::Corrupt { .. })
        ));
    }

    #[test]
    fn an_assisted_load_reads_back_as_assisted() {
        let store = store();
        let (session, slot) = session_with_slot(&store);
        let assisted = SetSpec {
            load: Load::Bodyweight {
                added: kg(30.0),
                assisted: true,
            },
            ..lift(0.0, 8)
        };
        store.log_sets(slot, &[assisted], at(1)).unwrap();
        let read = store.session(session.id).unwrap().unwrap();
        assert_eq!(
            read.slots[0].sets[0].spec.load,
            Load::Bodyweight {
                added: kg(30.0),
                assisted: true
            }
        );
    }
}

#[cfg(test)]
mod e1rm_tests {
    use crate::store::fixtures::{at, lift, store};

    #[test]
    fn working_sets_store_their_e1rm_and_warm_ups_do_not() {
        let store = store();
        let session = store.start_session(at(0), "Legs").unwrap();
        let squat = store
            .exercises()
            .unwrap()
            .into_iter()
            .find(|e| e.name == "Back Squat")
            .unwrap()
            .id;
        let slot = store.add_slot(session, squat).unwrap().id;
        let mut warmup = lift(60.0, 5);
        warmup.kind = crate::core::workout::set::SetKind::Warmup;
        let sets = store
            .log_sets(slot, &[lift(100.0, 10), warmup, lift(100.0, 15)], at(1))
            .unwrap();
        let e1rm = |id: crate::core::workout::session::SetId| -> Option<f64> {
            store
                .conn
                .query_row("SELECT e1rm_kg FROM set_entry WHERE id = ?1", [id.0], |r| {
                    r.get(0)
                })
                .unwrap()
        };
        // Brzycki at 10 reps (science.md check value 133.33); none for a warm-up or above 12 reps.
        assert!((e1rm(sets[0].id).unwrap() - 133.333).abs() < 0.001);
        assert_eq!(e1rm(sets[1].id), None);
        assert_eq!(e1rm(sets[2].id), None);
        // An edit recomputes it.
        store.update_set(sets[0].id, &lift(100.0, 5)).unwrap();
        assert!((e1rm(sets[0].id).unwrap() - 112.5).abs() < 0.001);
    }
}
