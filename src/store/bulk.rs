//! Writing a whole history at once (demo data, imports): one transaction, prepared statements.
//!
//! Sets use the same columns as [`Store::log_sets`] and each session's summary is filled by the
//! same [`Store::refresh_summary`] that finishing a session uses, so the history reads back exactly
//! as if every session had been logged by hand.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use rusqlite::params;

use super::sets::{INSERT_SET, SetColumns};
use super::{Store, StoreError, to_millis};
use crate::core::units::Weight;
use crate::core::workout::exercise::ExerciseId;
use crate::core::workout::session::SessionId;
use crate::core::workout::set::SetSpec;

/// A finished session from the past, as [`Store::insert_history`] writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct HistorySession {
    pub started_at: DateTime<Utc>,
    pub ended_at: DateTime<Utc>,
    pub title: String,
    /// Session RPE (Foster), 0–10.
    pub rpe: Option<u8>,
    pub notes: String,
    /// The lifter's body weight that day; `None` takes the profile's, as finishing a session does.
    pub body_weight: Option<Weight>,
    /// The exercises in the order they were done.
    pub slots: Vec<HistorySlot>,
}

/// One exercise of a [`HistorySession`] with its sets in order.
#[derive(Debug, Clone, PartialEq)]
pub struct HistorySlot {
    pub exercise: ExerciseId,
    /// Exercises sharing a group number were done as a superset.
    pub superset: Option<u32>,
    pub notes: String,
    pub sets: Vec<HistorySet>,
}

/// One set of a [`HistorySlot`] and when it was finished.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HistorySet {
    pub spec: SetSpec,
    pub completed_at: DateTime<Utc>,
}

impl HistorySession {
    /// Refuses what `finish_session` would refuse: an RPE above 10, or an end before the start.
    fn check(&self) -> Result<(), StoreError> {
        if let Some(rpe) = self.rpe.filter(|r| *r > 10) {
            return Err(StoreError::Invalid(format!(
                "session RPE must be 0–10, got {rpe}"
            )));
        }
        if self.ended_at < self.started_at {
            return Err(StoreError::Invalid(format!(
                "the session of {} cannot end before it started",
                self.started_at.format("%Y-%m-%d %H:%M")
            )));
        }
        Ok(())
    }
}

const INSERT_SESSION: &str = "INSERT INTO session (started_at, ended_at, status, title, rpe, notes, body_weight_kg)
     VALUES (?1, ?2, 'finished', ?3, ?4, ?5, COALESCE(?6, (SELECT body_weight_kg FROM profile WHERE id = 1)))";

const INSERT_SLOT: &str =
    "INSERT INTO session_exercise (session_id, exercise_id, position, superset, notes)
     VALUES (?1, ?2, ?3, ?4, ?5)";

const FINISH_SESSION: &str =
    "UPDATE session SET ended_at = ?2, status = 'finished', title = ?3, rpe = ?4, notes = ?5,
       body_weight_kg = COALESCE(?6, (SELECT body_weight_kg FROM profile WHERE id = 1))
     WHERE id = ?1 AND status = 'active'";

impl Store {
    /// Writes finished sessions with their exercises and sets in one transaction: either all of
    /// them are stored or none is. Returns the new session ids, in the order given.
    pub fn insert_history<'a, I>(&self, sessions: I) -> Result<Vec<SessionId>, StoreError>
    where
        I: IntoIterator<Item = &'a HistorySession>,
    {
        self.write_history(sessions.into_iter().map(|s| (None, s)))
    }

    /// Fills sessions already started (by [`Store::start_session`] or
    /// [`Store::start_program_session`], still active and empty) with their exercises and sets
    /// and finishes them, in one transaction, exactly as [`Store::insert_history`] writes a new
    /// one: either all of them are stored or none is.
    pub fn fill_history<'a, I>(&self, sessions: I) -> Result<(), StoreError>
    where
        I: IntoIterator<Item = (SessionId, &'a HistorySession)>,
    {
        self.write_history(sessions.into_iter().map(|(id, s)| (Some(id), s)))
            .map(drop)
    }

    /// Each session new (`None`) or started (`Some`), written finished in one transaction.
    fn write_history<'a, I>(&self, sessions: I) -> Result<Vec<SessionId>, StoreError>
    where
        I: IntoIterator<Item = (Option<SessionId>, &'a HistorySession)>,
    {
        let tx = self.write()?;
        let pinned = self.pinned_formula()?;
        let mut known = HashSet::new();
        let mut ids = Vec::new();
        {
            let fail = || self.fail("save the history");
            let mut session_stmt = tx.prepare_cached(INSERT_SESSION).map_err(fail())?;
            let mut finish_stmt = tx.prepare_cached(FINISH_SESSION).map_err(fail())?;
            let mut slot_stmt = tx.prepare_cached(INSERT_SLOT).map_err(fail())?;
            let mut set_stmt = tx.prepare_cached(INSERT_SET).map_err(fail())?;
            for (started, session) in sessions {
                session.check()?;
                let session_id = match started {
                    None => {
                        session_stmt
                            .execute(params![
                                to_millis(session.started_at),
                                to_millis(session.ended_at),
                                session.title.trim(),
                                session.rpe,
                                session.notes,
                                session.body_weight.map(Weight::kg),
                            ])
                            .map_err(fail())?;
                        tx.last_insert_rowid()
                    }
                    Some(id) => {
                        let changed = finish_stmt
                            .execute(params![
                                id.0,
                                to_millis(session.ended_at),
                                session.title.trim(),
                                session.rpe,
                                session.notes,
                                session.body_weight.map(Weight::kg),
                            ])
                            .map_err(fail())?;
                        if changed == 0 {
                            return Err(StoreError::NotFound {
                                what: "active session",
                                id: id.0,
                            });
                        }
                        id.0
                    }
                };
                for (position, slot) in (1_i64..).zip(&session.slots) {
                    if known.insert(slot.exercise) {
                        self.require_exercise(slot.exercise)?;
                    }
                    slot_stmt
                        .execute(params![
                            session_id,
                            slot.exercise.0,
                            position,
                            slot.superset,
                            slot.notes
                        ])
                        .map_err(fail())?;
                    let slot_id = tx.last_insert_rowid();
                    for (position, set) in (1_i64..).zip(&slot.sets) {
                        let c = SetColumns::new(&set.spec, pinned);
                        set_stmt
                            .execute(params![
                                slot_id,
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
                                to_millis(set.completed_at),
                            ])
                            .map_err(fail())?;
                    }
                }
                self.refresh_summary(session_id)?;
                ids.push(SessionId(session_id));
            }
        }
        let touched: Vec<i64> = known.iter().map(|e: &ExerciseId| e.0).collect();
        self.recompute_records_of(&touched)?;
        self.commit(tx, "save the history")?;
        Ok(ids)
    }

    /// `NotFound` unless exercise `id` exists (a clearer message than a foreign-key failure).
    pub(super) fn require_exercise(&self, id: ExerciseId) -> Result<(), StoreError> {
        self.lookup::<i64>("exercise", "SELECT 1 FROM exercise WHERE id = ?1", id.0)
            .map(drop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::profile::Profile;
    use crate::core::workout::session::SessionStatus;
    use crate::core::workout::set::SetKind;

    use crate::store::fixtures::{at, custom, every_shape, kg, lift, store};

    fn profile(body: f64) -> Profile {
        Profile::example().weighing(body)
    }

    fn history(
        exercise: ExerciseId,
        other: ExerciseId,
        day: i64,
        body: Option<f64>,
    ) -> HistorySession {
        let start = day * 24 * 60;
        let sets = |specs: Vec<SetSpec>, minute: i64| {
            specs
                .into_iter()
                .map(|spec| HistorySet {
                    spec,
                    completed_at: at(start + minute),
                })
                .collect()
        };
        HistorySession {
            started_at: at(start),
            ended_at: at(start + 70),
            title: format!("  Day {day} "),
            rpe: Some(7),
            notes: "solid".into(),
            body_weight: body.map(kg),
            slots: vec![
                HistorySlot {
                    exercise,
                    superset: None,
                    notes: "belt".into(),
                    sets: sets(every_shape(), 10),
                },
                HistorySlot {
                    exercise: other,
                    superset: Some(1),
                    notes: String::new(),
                    sets: vec![],
                },
                HistorySlot {
                    exercise: other,
                    superset: Some(1),
                    notes: String::new(),
                    sets: sets(
                        vec![
                            SetSpec {
                                kind: SetKind::Warmup,
                                ..lift(60.0, 5)
                            },
                            lift(100.0, 5),
                        ],
                        40,
                    ),
                },
            ],
        }
    }

    /// Every column of every set and slot, in order, without the row ids.
    fn rows(store: &Store, session: SessionId) -> Vec<String> {
        let mut stmt = store
            .conn
            .prepare(
                "SELECT se.exercise_id, se.position, se.superset, se.notes, s.position, s.kind, s.weight_kg,
                        s.bodyweight, s.reps, s.rpe, s.rir, s.effort_entered, s.duration_s, s.completed_at, s.e1rm_kg
                 FROM set_entry s JOIN session_exercise se ON se.id = s.session_exercise_id
                 WHERE se.session_id = ?1 ORDER BY se.position, s.position",
            )
            .unwrap();
        stmt.query_map([session.0], |r| {
            Ok((0..15)
                .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                .collect::<Vec<_>>()
                .join("|"))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
    }

    #[test]
    fn a_history_reads_back_exactly_as_the_same_sessions_logged_by_hand() {
        let bulk = store();
        let by_hand = store();
        for s in [&bulk, &by_hand] {
            s.save_profile(&profile(80.0)).unwrap();
        }
        let (a, b) = (custom(&bulk, "Press"), custom(&bulk, "Row"));
        assert_eq!((custom(&by_hand, "Press"), custom(&by_hand, "Row")), (a, b));

        let planned = [history(a, b, 0, Some(82.5)), history(b, a, 2, None)];
        let ids = bulk.insert_history(&planned).unwrap();

        for (plan, bulk_id) in planned.iter().zip(&ids) {
            if let Some(body) = plan.body_weight {
                by_hand.save_profile(&profile(body.kg())).unwrap();
            }
            let id = by_hand.start_session(plan.started_at, &plan.title).unwrap();
            for slot in &plan.slots {
                let slot_id = by_hand.add_slot(id, slot.exercise).unwrap().id;
                by_hand.set_superset(slot_id, slot.superset).unwrap();
                by_hand.set_slot_notes(slot_id, &slot.notes).unwrap();
                for set in &slot.sets {
                    by_hand
                        .log_sets(slot_id, &[set.spec], set.completed_at)
                        .unwrap();
                }
            }
            by_hand
                .finish_session(id, plan.ended_at, plan.rpe, &plan.notes)
                .unwrap();
            by_hand.save_profile(&profile(80.0)).unwrap();

            let mut expected = by_hand.session(id).unwrap().unwrap();
            let got = bulk.session(*bulk_id).unwrap().unwrap();
            // Row ids differ between the two databases; everything else must not.
            expected.id = got.id;
            for (e, g) in expected.slots.iter_mut().zip(&got.slots) {
                e.id = g.id;
                for (es, gs) in e.sets.iter_mut().zip(&g.sets) {
                    es.id = gs.id;
                }
            }
            assert_eq!(got, expected);
            assert_eq!(got.status, SessionStatus::Finished);
            assert_eq!(got.title, plan.title.trim());
            assert_eq!(rows(&bulk, *bulk_id), rows(&by_hand, id));
        }

        let summaries = |s: &Store| {
            let mut list = s.recent_sessions(10, 0).unwrap();
            for (i, summary) in list.iter_mut().enumerate() {
                summary.id = SessionId(i as i64);
            }
            list
        };
        let summary = summaries(&bulk);
        assert_eq!(summary, summaries(&by_hand));
        // Newest first: day 2 at the profile's 80 kg, day 0 at the 82.5 kg of that day. Both have
        // 12 sets in 2 exercises (the empty slot does not count); the bodyweight sets use the
        // day's weight: 100×5 + 80×8 + 70×10 + 90×12 + (bw+20)×6 + (bw−25)×8 + bw×12 + 101.25×3 + 100×5.
        assert_eq!((summary[0].sets, summary[0].exercises), (12, 2));
        let volume = |bw: f64| {
            500.0
                + 640.0
                + 700.0
                + 1080.0
                + (bw + 20.0) * 6.0
                + (bw - 25.0) * 8.0
                + bw * 12.0
                + 303.75
                + 500.0
        };
        assert!(
            (summary[0].volume_kg - volume(80.0)).abs() < 1e-9,
            "{summary:?}"
        );
        assert!(
            (summary[1].volume_kg - volume(82.5)).abs() < 1e-9,
            "{summary:?}"
        );
    }

    #[test]
    fn a_started_session_filled_reads_back_as_the_same_session_inserted() {
        let inserted = store();
        let filled = store();
        for s in [&inserted, &filled] {
            s.save_profile(&profile(80.0)).unwrap();
        }
        let (a, b) = (custom(&inserted, "Press"), custom(&inserted, "Row"));
        assert_eq!((custom(&filled, "Press"), custom(&filled, "Row")), (a, b));
        let planned = [history(a, b, 0, Some(82.5)), history(b, a, 2, None)];
        let ids = inserted.insert_history(&planned).unwrap();
        let started: Vec<SessionId> = planned
            .iter()
            .map(|p| filled.start_session(p.started_at, "").unwrap())
            .collect();
        assert_eq!(started, ids);
        filled
            .fill_history(started.iter().copied().zip(&planned))
            .unwrap();
        for id in &ids {
            assert_eq!(filled.session(*id).unwrap(), inserted.session(*id).unwrap());
            assert_eq!(rows(&filled, *id), rows(&inserted, *id));
        }
        assert_eq!(
            filled.recent_sessions(10, 0).unwrap(),
            inserted.recent_sessions(10, 0).unwrap()
        );

        // Only a session still active can be filled, and then nothing of the batch is stored.
        let more = filled.start_session(at(5 * 24 * 60), "").unwrap();
        let err = filled
            .fill_history([(more, &planned[0]), (ids[0], &planned[1])])
            .unwrap_err();
        assert!(
            matches!(
                err,
                StoreError::NotFound {
                    what: "active session",
                    ..
                }
            ),
            "{err}"
        );
        assert!(filled.session(more).unwrap().unwrap().slots.is_empty());
    }

    #[test]
    fn a_bad_session_anywhere_stores_nothing() {
        let store = store();
        let (a, b) = (custom(&store, "Press"), custom(&store, "Row"));
        let good = history(a, b, 0, None);
        let late_rpe = HistorySession {
            rpe: Some(11),
            ..history(a, b, 1, None)
        };
        let backwards = HistorySession {
            ended_at: at(-5),
            ..history(a, b, 0, None)
        };
        let unknown = history(a, ExerciseId(999), 3, None);

        let err = store.insert_history([&good, &late_rpe]).unwrap_err();
        assert_eq!(err.to_string(), "session RPE must be 0–10, got 11");
        let err = store.insert_history([&good, &backwards]).unwrap_err();
        assert!(
            err.to_string().contains("cannot end before it started"),
            "{err}"
        );
        let err = store.insert_history([&good, &unknown]).unwrap_err();
        assert!(
            matches!(
                err,
                StoreError::NotFound {
                    what: "exercise",
                    id: 999
                }
            ),
            "{err}"
        );

        let count: i64 = store
            .conn
            .query_row(
                "SELECT (SELECT count(*) FROM session) + (SELECT count(*) FROM session_exercise)
                      + (SELECT count(*) FROM set_entry)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(count, 0);
        assert_eq!(store.insert_history(&[good]).unwrap().len(), 1);
    }
}
