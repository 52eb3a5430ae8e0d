//! Sessions and their exercise slots; the stored per-session summary is kept current here.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension as _, params};

use super::sets::{SET_COLUMNS, SetRow};
use super::{Store, StoreError, from_millis, sql_count, to_millis};
use crate::core::units::Weight;
use crate::core::workout::exercise::ExerciseId;
use crate::core::workout::session::{
    LoggedSet, Session, SessionId, SessionStatus, SessionSummary, Slot, SlotId, trained_time,
};
use crate::core::workout::set::Totals;

/// A stored session RPE (0–10), or why the row is corrupt.
pub(crate) fn session_rpe(stored: Option<i64>) -> Result<Option<u8>, String> {
    stored
        .map(|v| {
            u8::try_from(v)
                .ok()
                .filter(|v| *v <= 10)
                .ok_or_else(|| format!("session RPE must be 0–10, got {v}"))
        })
        .transpose()
}

const SESSION_COLUMNS: &str =
    "id, started_at, ended_at, status, title, rpe, notes, exercises, sets, volume_kg, trained_s";

/// A `session` row as read, before validation.
struct SessionRow {
    id: i64,
    started_at: i64,
    ended_at: Option<i64>,
    status: String,
    title: String,
    rpe: Option<i64>,
    notes: String,
    exercises: i64,
    sets: i64,
    volume_kg: f64,
    trained_s: Option<i64>,
}

impl SessionRow {
    fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        Ok(SessionRow {
            id: r.get(0)?,
            started_at: r.get(1)?,
            ended_at: r.get(2)?,
            status: r.get(3)?,
            title: r.get(4)?,
            rpe: r.get(5)?,
            notes: r.get(6)?,
            exercises: r.get(7)?,
            sets: r.get(8)?,
            volume_kg: r.get(9)?,
            trained_s: r.get(10)?,
        })
    }

    fn into_summary(self) -> Result<(SessionSummary, String), StoreError> {
        let id = self.id;
        let bad = |problem: String| StoreError::corrupt("session", id, problem);
        let count = |value: i64, what: &str| {
            u32::try_from(value).map_err(|_| bad(format!("{what} count {value} is out of range")))
        };
        let rpe = session_rpe(self.rpe).map_err(bad)?;
        let summary = SessionSummary {
            id: SessionId(id),
            started_at: from_millis(self.started_at, "session", id)?,
            ended_at: self
                .ended_at
                .map(|ms| from_millis(ms, "session", id))
                .transpose()?,
            status: SessionStatus::from_code(&self.status)
                .ok_or_else(|| bad(format!("unknown status {:?}", self.status)))?,
            title: self.title,
            exercises: count(self.exercises, "exercise")?,
            sets: count(self.sets, "set")?,
            volume_kg: self.volume_kg,
            rpe,
            duration: self
                .trained_s
                .filter(|_| self.ended_at.is_some())
                .map(chrono::Duration::seconds),
        };
        Ok((summary, self.notes))
    }
}

impl Store {
    /// Starts a new active session.
    pub fn start_session(
        &self,
        started_at: DateTime<Utc>,
        title: &str,
    ) -> Result<SessionId, StoreError> {
        self.conn
            .execute(
                "INSERT INTO session (started_at, status, title) VALUES (?1, 'active', ?2)",
                params![to_millis(started_at), title.trim()],
            )
            .map_err(self.fail("start the session"))?;
        Ok(SessionId(self.conn.last_insert_rowid()))
    }

    /// The newest active session, fully loaded, if one is running (for resuming after a crash).
    pub fn active_session(&self) -> Result<Option<Session>, StoreError> {
        let id: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM session WHERE status = 'active' ORDER BY started_at DESC, id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(self.fail("look for a running session"))?;
        match id {
            Some(id) => self.session(SessionId(id)),
            None => Ok(None),
        }
    }

    /// One session with its slots and sets, in order.
    pub fn session(&self, id: SessionId) -> Result<Option<Session>, StoreError> {
        let row = self
            .conn
            .query_row(
                &format!("SELECT {SESSION_COLUMNS} FROM session WHERE id = ?1"),
                [id.0],
                SessionRow::read,
            )
            .optional()
            .map_err(self.fail("read the session"))?;
        let Some(row) = row else { return Ok(None) };
        let (summary, notes) = row.into_summary()?;

        let mut sets: HashMap<i64, Vec<LoggedSet>> = HashMap::new();
        for (slot, set) in self.session_sets(id.0)? {
            sets.entry(slot).or_default().push(set);
        }
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT se.id, se.exercise_id, e.name, se.superset, se.notes
                 FROM session_exercise se JOIN exercise e ON e.id = se.exercise_id
                 WHERE se.session_id = ?1 ORDER BY se.position, se.id",
            )
            .map_err(self.fail("read the session's exercises"))?;
        let rows = stmt
            .query_map([id.0], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get::<_, Option<i64>>(3)?,
                    r.get(4)?,
                ))
            })
            .and_then(Iterator::collect::<Result<Vec<_>, _>>)
            .map_err(self.fail("read the session's exercises"))?;
        let slots = rows
            .into_iter()
            .map(|(slot, exercise, name, superset, notes)| {
                let superset = superset
                    .map(|g| {
                        u32::try_from(g).map_err(|_| {
                            StoreError::corrupt(
                                "session_exercise",
                                slot,
                                format!("superset group {g} is out of range"),
                            )
                        })
                    })
                    .transpose()?;
                Ok(Slot {
                    id: SlotId(slot),
                    exercise: ExerciseId(exercise),
                    name,
                    superset,
                    notes,
                    sets: sets.remove(&slot).unwrap_or_default(),
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(Some(Session {
            id,
            started_at: summary.started_at,
            ended_at: summary.ended_at,
            status: summary.status,
            title: summary.title,
            rpe: summary.rpe,
            notes,
            body_weight: self.session_body_weight(id.0)?,
            slots,
        }))
    }

    /// The body weight a session's bodyweight sets count: the one taken when it was finished,
    /// the profile's while it runs.
    fn session_body_weight(&self, session: i64) -> Result<Option<Weight>, StoreError> {
        let body_kg: Option<f64> = self
            .conn
            .prepare_cached(
                "SELECT COALESCE(body_weight_kg, (SELECT body_weight_kg FROM profile WHERE id = 1))
                 FROM session WHERE id = ?1",
            )
            .and_then(|mut stmt| stmt.query_row([session], |r| r.get(0)))
            .map_err(self.fail("read the session's body weight"))?;
        Ok(body_kg.and_then(|kg| Weight::from_kg(kg).ok()))
    }

    /// Every set of a session with the slot it belongs to, in session order.
    fn session_sets(&self, session: i64) -> Result<Vec<(i64, LoggedSet)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT s.session_exercise_id, {SET_COLUMNS} FROM set_entry s
                 JOIN session_exercise se ON se.id = s.session_exercise_id
                 WHERE se.session_id = ?1 ORDER BY se.position, s.position, s.id"
            ))
            .map_err(self.fail("read the session's sets"))?;
        let rows = stmt
            .query_map([session], |r| {
                Ok((r.get::<_, i64>(0)?, SetRow::read(r, 1)?))
            })
            .and_then(Iterator::collect::<Result<Vec<_>, _>>)
            .map_err(self.fail("read the session's sets"))?;
        rows.into_iter()
            .map(|(slot, row)| Ok((slot, row.into_logged()?)))
            .collect()
    }

    /// Recomputes the stored summary of a session from its sets, by the one definition
    /// ([`Totals`]): each exercise slot's working volume, and the session's sets (warm-ups
    /// included), volume and exercises. Volume uses the body weight snapshotted at finish, or the
    /// profile's while it runs. Call inside the write transaction that changed the sets.
    pub(super) fn refresh_summary(&self, session: i64) -> Result<(), StoreError> {
        let body = self.session_body_weight(session)?;
        let sets = self.session_sets(session)?;
        let mut slots: HashMap<i64, Totals> = self
            .conn
            .prepare_cached("SELECT id FROM session_exercise WHERE session_id = ?1")
            .and_then(|mut stmt| {
                stmt.query_map([session], |r| Ok((r.get(0)?, Totals::default())))?
                    .collect::<Result<HashMap<_, _>, _>>()
            })
            .map_err(self.fail("update the session summary"))?;
        for (slot, set) in &sets {
            slots.entry(*slot).or_default().add(&set.spec, body);
        }
        let total = Totals::of(sets.iter().map(|(_, s)| &s.spec), body);
        let exercises = sets
            .iter()
            .map(|(slot, _)| slot)
            .collect::<HashSet<_>>()
            .len();
        let fail = || self.fail("update the session summary");
        let mut slot_update = self
            .conn
            .prepare_cached("UPDATE session_exercise SET volume_kg = ?2 WHERE id = ?1")
            .map_err(fail())?;
        for (slot, totals) in &slots {
            slot_update
                .execute(params![slot, totals.volume_kg])
                .map_err(fail())?;
        }
        self.conn
            .prepare_cached(
                "UPDATE session SET sets = ?2, volume_kg = ?3, exercises = ?4 WHERE id = ?1",
            )
            .and_then(|mut stmt| {
                stmt.execute(params![
                    session,
                    sql_count(total.sets),
                    total.volume_kg,
                    sql_count(exercises)
                ])
            })
            .map_err(fail())?;
        self.refresh_trained_time(session, sets.iter().map(|(_, s)| s.completed_at))
    }

    /// Stores the session's training time (`core::workout::session::trained_time`): its start, `sets`'
    /// times and its end, idle gaps left out.
    fn refresh_trained_time(
        &self,
        session: i64,
        sets: impl Iterator<Item = DateTime<Utc>>,
    ) -> Result<(), StoreError> {
        let fail = || self.fail("update the session's length");
        let (started, ended): (i64, Option<i64>) = self
            .conn
            .prepare_cached("SELECT started_at, ended_at FROM session WHERE id = ?1")
            .and_then(|mut stmt| stmt.query_row([session], |r| Ok((r.get(0)?, r.get(1)?))))
            .map_err(fail())?;
        let started = from_millis(started, "session", session)?;
        let ended = ended
            .map(|ms| from_millis(ms, "session", session))
            .transpose()?;
        let sets: Vec<DateTime<Utc>> = sets.collect();
        // A running session: up to its last set.
        let end = ended.unwrap_or_else(|| sets.iter().copied().fold(started, DateTime::max));
        let trained = trained_time(started, end, sets);
        self.conn
            .prepare_cached("UPDATE session SET trained_s = ?2 WHERE id = ?1")
            .and_then(|mut stmt| stmt.execute(params![session, trained.num_seconds()]))
            .map_err(fail())?;
        Ok(())
    }

    /// Appends `exercise` to the end of the session.
    pub fn add_slot(&self, session: SessionId, exercise: ExerciseId) -> Result<Slot, StoreError> {
        let tx = self.write()?;
        self.require("session", "SELECT 1 FROM session WHERE id = ?1", session.0)?;
        let name: String = self.lookup(
            "exercise",
            "SELECT name FROM exercise WHERE id = ?1",
            exercise.0,
        )?;
        tx.execute(
            "INSERT INTO session_exercise (session_id, exercise_id, position)
             VALUES (?1, ?2, (SELECT COALESCE(MAX(position), 0) + 1 FROM session_exercise WHERE session_id = ?1))",
            [session.0, exercise.0],
        )
        .map_err(self.fail("add the exercise to the session"))?;
        let id = SlotId(tx.last_insert_rowid());
        self.commit(tx, "add the exercise to the session")?;
        Ok(Slot {
            id,
            exercise,
            name,
            superset: None,
            notes: String::new(),
            sets: vec![],
        })
    }

    /// Swaps a slot with its neighbour above (`up`) or below; at either end nothing changes.
    pub fn move_slot(&self, slot: SlotId, up: bool) -> Result<(), StoreError> {
        let tx = self.write()?;
        let (session, position): (i64, i64) = tx
            .query_row(
                "SELECT session_id, position FROM session_exercise WHERE id = ?1",
                [slot.0],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(self.fail("find the exercise slot"))?
            .ok_or(StoreError::NotFound {
                what: "exercise slot",
                id: slot.0,
            })?;
        let neighbour_sql = if up {
            "SELECT id, position FROM session_exercise WHERE session_id = ?1 AND position < ?2
             ORDER BY position DESC LIMIT 1"
        } else {
            "SELECT id, position FROM session_exercise WHERE session_id = ?1 AND position > ?2
             ORDER BY position ASC LIMIT 1"
        };
        let neighbour: Option<(i64, i64)> = tx
            .query_row(neighbour_sql, [session, position], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()
            .map_err(self.fail("reorder the exercises"))?;
        let Some((other, other_position)) = neighbour else {
            return Ok(());
        };
        tx.execute(
            "UPDATE session_exercise SET position = CASE id WHEN ?1 THEN ?4 ELSE ?3 END WHERE id IN (?1, ?2)",
            [slot.0, other, position, other_position],
        )
        .map_err(self.fail("reorder the exercises"))?;
        self.commit(tx, "reorder the exercises")
    }

    /// Removes a slot and its sets; the session summary follows.
    pub fn remove_slot(&self, slot: SlotId) -> Result<(), StoreError> {
        let tx = self.write()?;
        let session: i64 = self.lookup(
            "exercise slot",
            "SELECT session_id FROM session_exercise WHERE id = ?1",
            slot.0,
        )?;
        let exercise: i64 = tx
            .query_row(
                "SELECT exercise_id FROM session_exercise WHERE id = ?1",
                [slot.0],
                |r| r.get(0),
            )
            .map_err(self.fail("find the exercise slot"))?;
        tx.execute("DELETE FROM session_exercise WHERE id = ?1", [slot.0])
            .map_err(self.fail("remove the exercise"))?;
        self.refresh_summary(session)?;
        self.recompute_records_of(&[exercise])?;
        self.commit(tx, "remove the exercise")
    }

    /// Puts a slot in superset `group` (slots sharing a number are done together), or takes it out.
    pub fn set_superset(&self, slot: SlotId, group: Option<u32>) -> Result<(), StoreError> {
        self.update_one(
            "exercise slot",
            slot.0,
            "UPDATE session_exercise SET superset = ?2 WHERE id = ?1",
            params![slot.0, group],
            "group the superset",
        )
    }

    /// Replaces the notes of a slot.
    pub fn set_slot_notes(&self, slot: SlotId, notes: &str) -> Result<(), StoreError> {
        self.update_one(
            "exercise slot",
            slot.0,
            "UPDATE session_exercise SET notes = ?2 WHERE id = ?1",
            params![slot.0, notes],
            "save the notes",
        )
    }

    /// Replaces the notes of a session.
    pub fn set_session_notes(&self, id: SessionId, notes: &str) -> Result<(), StoreError> {
        self.update_one(
            "session",
            id.0,
            "UPDATE session SET notes = ?2 WHERE id = ?1",
            params![id.0, notes],
            "save the notes",
        )
    }

    /// Finishes an active session: stores the end time, session RPE (0–10), notes, the body
    /// weight used for volume, and the summary. Returns the finished session.
    pub fn finish_session(
        &self,
        id: SessionId,
        ended_at: DateTime<Utc>,
        rpe: Option<u8>,
        notes: &str,
    ) -> Result<Session, StoreError> {
        if let Some(rpe) = rpe.filter(|r| *r > 10) {
            return Err(StoreError::Invalid(format!(
                "session RPE must be 0–10, got {rpe}"
            )));
        }
        let tx = self.write()?;
        self.require_active(id, ended_at)?;
        tx.execute(
            "UPDATE session SET status = 'finished', ended_at = ?2, rpe = ?3, notes = ?4,
                    body_weight_kg = COALESCE(body_weight_kg, (SELECT body_weight_kg FROM profile WHERE id = 1))
             WHERE id = ?1",
            params![id.0, to_millis(ended_at), rpe, notes],
        )
        .map_err(self.fail("finish the session"))?;
        self.refresh_summary(id.0)?;
        self.commit(tx, "finish the session")?;
        self.session(id)?.ok_or(StoreError::NotFound {
            what: "session",
            id: id.0,
        })
    }

    /// Abandons an active session; one without any set is deleted instead.
    pub fn abandon_session(
        &self,
        id: SessionId,
        ended_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tx = self.write()?;
        self.require_active(id, ended_at)?;
        let sets: i64 = tx
            .query_row(
                "SELECT count(*) FROM set_entry s JOIN session_exercise se ON se.id = s.session_exercise_id
                 WHERE se.session_id = ?1",
                [id.0],
                |r| r.get(0),
            )
            .map_err(self.fail("abandon the session"))?;
        // The program day it trained is due again.
        tx.execute("DELETE FROM schedule_mark WHERE session_id = ?1", [id.0])
            .map_err(self.fail("abandon the session"))?;
        if sets == 0 {
            tx.execute("DELETE FROM session WHERE id = ?1", [id.0])
        } else {
            tx.execute(
                "UPDATE session SET status = 'abandoned', ended_at = ?2 WHERE id = ?1",
                params![id.0, to_millis(ended_at)],
            )
        }
        .map_err(self.fail("abandon the session"))?;
        if sets > 0 {
            self.refresh_summary(id.0)?;
            let exercises = self.exercises_of_session(id.0)?;
            self.recompute_records_of(&exercises)?;
        }
        self.commit(tx, "abandon the session")
    }

    /// Deletes a session with all its exercises and sets; the records of its exercises follow.
    pub fn delete_session(&self, id: SessionId) -> Result<(), StoreError> {
        let tx = self.write()?;
        let exercises = self.exercises_of_session(id.0)?;
        // A program day it trained is due again (its mark goes with it), and what it changed in
        // the program is taken back.
        self.take_back_program_day(id.0)?;
        self.update_one(
            "session",
            id.0,
            "DELETE FROM session WHERE id = ?1",
            params![id.0],
            "delete the session",
        )?;
        self.recompute_records_of(&exercises)?;
        self.commit(tx, "delete the session")
    }

    /// Sessions newest first, `limit` at a time from `offset`, from the stored summaries
    /// (kept current on every write, so running sessions are up to date too).
    /// How many sessions there are in all (the length of the history list).
    pub fn session_count(&self) -> Result<usize, StoreError> {
        self.conn
            .prepare_cached("SELECT count(*) FROM session")
            .and_then(|mut stmt| stmt.query_row([], |r| r.get::<_, i64>(0)))
            .map(|n| usize::try_from(n).unwrap_or(0))
            .map_err(self.fail("count the sessions"))
    }

    pub fn recent_sessions(
        &self,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<SessionSummary>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {SESSION_COLUMNS} FROM session ORDER BY started_at DESC, id DESC LIMIT ?1 OFFSET ?2"
            ))
            .map_err(self.fail("read the session history"))?;
        let rows = stmt
            .query_map([sql_count(limit), sql_count(offset)], SessionRow::read)
            .and_then(Iterator::collect::<Result<Vec<_>, _>>)
            .map_err(self.fail("read the session history"))?;
        rows.into_iter()
            .map(|row| Ok(row.into_summary()?.0))
            .collect()
    }

    /// Runs a one-row write; `NotFound` when no row has `id`.
    pub(super) fn update_one(
        &self,
        what: &'static str,
        id: i64,
        sql: &str,
        params: &[&dyn rusqlite::ToSql],
        context: &'static str,
    ) -> Result<(), StoreError> {
        let changed = self.conn.execute(sql, params).map_err(self.fail(context))?;
        if changed == 0 {
            return Err(StoreError::NotFound { what, id });
        }
        Ok(())
    }

    /// `NotFound` unless `sql` (taking `?1 = id`) returns a row.
    fn require(&self, what: &'static str, sql: &str, id: i64) -> Result<(), StoreError> {
        self.lookup::<i64>(what, sql, id).map(drop)
    }

    /// Refuses to end a session that is not running, or to end it before it started.
    fn require_active(&self, id: SessionId, ended_at: DateTime<Utc>) -> Result<(), StoreError> {
        let (status, started): (String, i64) = self
            .conn
            .query_row(
                "SELECT status, started_at FROM session WHERE id = ?1",
                [id.0],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(self.fail("find the session"))?
            .ok_or(StoreError::NotFound {
                what: "session",
                id: id.0,
            })?;
        if status != SessionStatus::Active.code() {
            return Err(StoreError::Invalid(format!(
                "session {} is already {status}",
                id.0
            )));
        }
        if to_millis(ended_at) < started {
            return Err(StoreError::Invalid(
                "a session cannot end before it started".into(),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::workout::set::{Load, SetKind, SetSpec};
    use crate::store::fixtures::{at, custom, every_shape, kg, lift, store, with_body_weight};

    #[test]
    fn a_started_session_is_the_active_one_until_finished() {
        let store = store();
        assert_eq!(store.active_session().unwrap(), None);
        let id = store.start_session(at(0), "  Legs ").unwrap();
        let active = store.active_session().unwrap().unwrap();
        assert_eq!(active.id, id);
        assert_eq!(active.title, "Legs");
        assert_eq!(active.status, SessionStatus::Active);
        assert_eq!(active.started_at, at(0));
        assert_eq!(active.ended_at, None);
        assert!(active.slots.is_empty());
        store.finish_session(id, at(50), Some(7), "").unwrap();
        assert_eq!(store.active_session().unwrap(), None);
        assert_eq!(store.session(SessionId(999)).unwrap(), None);
    }

    #[test]
    fn the_newest_active_session_wins() {
        let store = store();
        let older = store.start_session(at(0), "old").unwrap();
        let newer = store.start_session(at(10), "new").unwrap();
        assert_eq!(store.active_session().unwrap().unwrap().id, newer);
        store.finish_session(newer, at(20), None, "").unwrap();
        assert_eq!(store.active_session().unwrap().unwrap().id, older);
    }

    #[test]
    fn slots_append_reorder_and_stop_at_the_ends() {
        let store = store();
        let session = store.start_session(at(0), "").unwrap();
        let ids: Vec<_> = ["A", "B", "C"].iter().map(|n| custom(&store, n)).collect();
        let slots: Vec<_> = ids
            .iter()
            .map(|e| store.add_slot(session, *e).unwrap())
            .collect();
        assert_eq!(slots[1].name, "Test B");
        let order = || -> Vec<String> {
            store
                .session(session)
                .unwrap()
                .unwrap()
                .slots
                .into_iter()
                .map(|s| s.name.trim_start_matches("Test ").to_string())
                .collect()
        };
        assert_eq!(order(), ["A", "B", "C"]);
        store.move_slot(slots[2].id, true).unwrap();
        assert_eq!(order(), ["A", "C", "B"]);
        store.move_slot(slots[0].id, false).unwrap();
        assert_eq!(order(), ["C", "A", "B"]);
        store.move_slot(slots[2].id, true).unwrap(); // C is first: no-op
        assert_eq!(order(), ["C", "A", "B"]);
        store.move_slot(slots[1].id, false).unwrap(); // B is last: no-op
        assert_eq!(order(), ["C", "A", "B"]);
        store.remove_slot(slots[0].id).unwrap();
        assert_eq!(order(), ["C", "B"]);
        let again = store.add_slot(session, ids[0]).unwrap();
        assert_eq!(order(), ["C", "B", "A"]);
        store.move_slot(again.id, true).unwrap();
        assert_eq!(order(), ["C", "A", "B"]);
        assert!(matches!(
            store.move_slot(SlotId(999), true),
            Err(StoreError::NotFound { .. })
        ));
        assert!(matches!(
            store.remove_slot(slots[0].id),
            Err(StoreError::NotFound { .. })
        ));
    }

    #[test]
    fn add_slot_checks_the_session_and_the_exercise() {
        let store = store();
        let session = store.start_session(at(0), "").unwrap();
        let exercise = custom(&store, "Row");
        assert!(matches!(
            store.add_slot(SessionId(77), exercise),
            Err(StoreError::NotFound {
                what: "session",
                id: 77
            })
        ));
        assert!(matches!(
            store.add_slot(session, ExerciseId(999_999)),
            Err(StoreError::NotFound {
                what: "exercise",
                id: 999_999
            })
        ));
    }

    #[test]
    fn supersets_and_notes_round_trip() {
        let store = store();
        let session = store.start_session(at(0), "").unwrap();
        let a = store.add_slot(session, custom(&store, "Curl")).unwrap().id;
        let b = store
            .add_slot(session, custom(&store, "Pushdown"))
            .unwrap()
            .id;
        store.set_superset(a, Some(1)).unwrap();
        store.set_superset(b, Some(1)).unwrap();
        store.set_slot_notes(b, "rope attachment").unwrap();
        store.set_session_notes(session, "felt strong").unwrap();
        let read = store.session(session).unwrap().unwrap();
        assert_eq!(
            read.slots.iter().map(|s| s.superset).collect::<Vec<_>>(),
            [Some(1), Some(1)]
        );
        assert_eq!(read.slots[1].notes, "rope attachment");
        assert_eq!(read.notes, "felt strong");
        store.set_superset(a, None).unwrap();
        assert_eq!(
            store.session(session).unwrap().unwrap().slots[0].superset,
            None
        );
        assert!(matches!(
            store.set_slot_notes(SlotId(99), "x"),
            Err(StoreError::NotFound { .. })
        ));
        assert!(matches!(
            store.set_session_notes(SessionId(99), "x"),
            Err(StoreError::NotFound { .. })
        ));
    }

    #[test]
    fn a_session_finished_days_later_lasts_and_loads_only_its_training_time() {
        let store = store();
        let session = store.start_session(at(0), "Monday").unwrap();
        let squat = store.add_slot(session, custom(&store, "Squat")).unwrap().id;
        store.log_sets(squat, &[lift(100.0, 5)], at(10)).unwrap();
        store.log_sets(squat, &[lift(100.0, 5)], at(60)).unwrap();
        // Left open, finished on Thursday: 72 h of wall time.
        let thursday = at(3 * 24 * 60);
        store
            .finish_session(session, thursday, Some(7), "")
            .unwrap();
        let summary = &store.recent_sessions(10, 0).unwrap()[0];
        assert_eq!(summary.duration, Some(chrono::Duration::minutes(60)));
        let loads = store.session_loads(None, thursday.date_naive()).unwrap();
        assert_eq!(loads.len(), 1);
        assert!((loads[0].minutes - 60.0).abs() < 1e-9, "{:?}", loads[0]);
        // Deleting the last set moves the length with it.
        let last = store.session(session).unwrap().unwrap().slots[0].sets[1].id;
        store.delete_set(last).unwrap();
        let summary = &store.recent_sessions(10, 0).unwrap()[0];
        assert_eq!(summary.duration, Some(chrono::Duration::minutes(10)));
    }

    #[test]
    fn finishing_stores_the_summary_with_body_weight_volume() {
        let store = store();
        with_body_weight(&store, 80.0);
        let session = store.start_session(at(0), "Upper").unwrap();
        let bench = store.add_slot(session, custom(&store, "Bench")).unwrap().id;
        let dips = store.add_slot(session, custom(&store, "Dips")).unwrap().id;
        store.add_slot(session, custom(&store, "Skipped")).unwrap();
        let warmup = SetSpec {
            kind: SetKind::Warmup,
            ..lift(60.0, 5)
        };
        store
            .log_sets(bench, &[warmup, lift(100.0, 5), lift(100.0, 5)], at(10))
            .unwrap();
        let weighted = SetSpec {
            load: Load::Bodyweight {
                added: kg(20.0),
                assisted: false,
            },
            ..lift(0.0, 8)
        };
        let assisted = SetSpec {
            load: Load::Bodyweight {
                added: kg(20.0),
                assisted: true,
            },
            ..lift(0.0, 10)
        };
        store.log_sets(dips, &[weighted, assisted], at(30)).unwrap();

        let finished = store
            .finish_session(session, at(75), Some(8), "good day")
            .unwrap();
        assert_eq!(finished.status, SessionStatus::Finished);
        assert_eq!(finished.ended_at, Some(at(75)));
        assert_eq!(finished.rpe, Some(8));
        assert_eq!(finished.notes, "good day");
        assert_eq!(finished.set_count(), 5);

        // 2 × 100 × 5 + (80 + 20) × 8 + (80 − 20) × 10 = 1000 + 800 + 600; warm-up counts nothing.
        let summary = &store.recent_sessions(10, 0).unwrap()[0];
        assert_eq!(summary.id, session);
        assert_eq!((summary.sets, summary.exercises), (5, 2));
        assert!((summary.volume_kg - 2400.0).abs() < 1e-9, "{summary:?}");
        // The finished session carries the body weight of the day; its totals are the stored ones.
        assert_eq!(finished.body_weight, Some(kg(80.0)));
        assert!((finished.volume_kg() - summary.volume_kg).abs() < 1e-9);
        let totals = finished.totals();
        assert_eq!((totals.sets, totals.warmups, totals.reps), (5, 1, 28));

        // Later edits recompute with the body weight of the day, not today's.
        with_body_weight(&store, 90.0);
        let assisted_id = finished.slots[1].sets[1].id;
        store
            .update_set(
                assisted_id,
                &SetSpec {
                    reps: Some(crate::store::fixtures::reps(5)),
                    ..assisted
                },
            )
            .unwrap();
        let summary = &store.recent_sessions(10, 0).unwrap()[0];
        assert!((summary.volume_kg - 2100.0).abs() < 1e-9, "{summary:?}");
        // Each slot keeps its own volume, by the same definition: 1000 and 800 + 300.
        let slots: Vec<f64> = store
            .conn
            .prepare(
                "SELECT volume_kg FROM session_exercise WHERE session_id = ?1 ORDER BY position",
            )
            .unwrap()
            .query_map([session.0], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(slots, [1000.0, 1100.0, 0.0]);
    }

    #[test]
    fn finish_refuses_bad_rpe_and_sessions_that_are_not_running() {
        let store = store();
        let session = store.start_session(at(10), "").unwrap();
        assert!(matches!(
            store.finish_session(session, at(20), Some(11), ""),
            Err(StoreError::Invalid(_))
        ));
        assert!(matches!(
            store.finish_session(session, at(5), None, ""),
            Err(StoreError::Invalid(_))
        ));
        store.finish_session(session, at(20), Some(0), "").unwrap();
        let again = store.finish_session(session, at(30), None, "").unwrap_err();
        assert_eq!(
            again.to_string(),
            format!("session {} is already finished", session.0)
        );
        assert!(matches!(
            store.finish_session(SessionId(99), at(30), None, ""),
            Err(StoreError::NotFound { .. })
        ));
    }

    #[test]
    fn abandoning_keeps_sessions_with_sets_and_deletes_empty_ones() {
        let store = store();
        let empty = store.start_session(at(0), "empty").unwrap();
        store.add_slot(empty, custom(&store, "Press")).unwrap();
        store.abandon_session(empty, at(5)).unwrap();
        assert_eq!(store.session(empty).unwrap(), None);

        let real = store.start_session(at(10), "real").unwrap();
        let slot = store.add_slot(real, custom(&store, "Pull")).unwrap().id;
        store.log_sets(slot, &[lift(50.0, 10)], at(12)).unwrap();
        store.abandon_session(real, at(20)).unwrap();
        let abandoned = store.session(real).unwrap().unwrap();
        assert_eq!(abandoned.status, SessionStatus::Abandoned);
        assert_eq!(abandoned.ended_at, Some(at(20)));
        assert_eq!(abandoned.set_count(), 1);
        assert_eq!(store.active_session().unwrap(), None);
    }

    #[test]
    fn recent_sessions_are_newest_first_and_page() {
        let store = store();
        let ids: Vec<_> = (0..5)
            .map(|i| {
                store
                    .start_session(at(i * 1440), &format!("day {i}"))
                    .unwrap()
            })
            .collect();
        for id in &ids[..4] {
            store
                .finish_session(*id, at(id.0 * 1440), None, "")
                .unwrap();
        }
        let page = |limit, offset| -> Vec<SessionId> {
            store
                .recent_sessions(limit, offset)
                .unwrap()
                .into_iter()
                .map(|s| s.id)
                .collect()
        };
        assert_eq!(page(2, 0), [ids[4], ids[3]]);
        assert_eq!(page(2, 2), [ids[2], ids[1]]);
        assert_eq!(page(2, 4), [ids[0]]);
        assert!(page(2, 6).is_empty());
        assert_eq!(
            store.session_count().unwrap(),
            5,
            "every session, the list's length"
        );
        let newest = &store.recent_sessions(1, 0).unwrap()[0];
        assert_eq!(
            (newest.status, newest.title.as_str()),
            (SessionStatus::Active, "day 4")
        );
    }

    #[test]
    fn a_running_session_summary_is_current() {
        let store = store();
        let session = store.start_session(at(0), "").unwrap();
        let slot = store.add_slot(session, custom(&store, "Squat")).unwrap().id;
        store.log_sets(slot, &every_shape(), at(3)).unwrap();
        let loaded = store.session(session).unwrap().unwrap();
        let summary = &store.recent_sessions(1, 0).unwrap()[0];
        assert_eq!(summary.status, SessionStatus::Active);
        assert_eq!(summary.sets as usize, loaded.set_count());
        assert!((summary.volume_kg - loaded.volume_kg()).abs() < 1e-9);
    }

    #[test]
    fn deleting_a_session_removes_its_slots_and_sets() {
        let store = store();
        let session = store.start_session(at(0), "").unwrap();
        let exercise = custom(&store, "Deadlift");
        let slot = store.add_slot(session, exercise).unwrap().id;
        store.log_sets(slot, &[lift(180.0, 3)], at(5)).unwrap();
        store.delete_session(session).unwrap();
        assert_eq!(store.session(session).unwrap(), None);
        let left: i64 = store
            .conn
            .query_row(
                "SELECT (SELECT count(*) FROM session_exercise) + (SELECT count(*) FROM set_entry)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(left, 0);
        assert_eq!(store.last_set(exercise).unwrap(), None);
        assert!(matches!(
            store.delete_session(session),
            Err(StoreError::NotFound {
                what: "session",
                ..
            })
        ));
    }

    #[test]
    fn a_hand_written_session_rpe_is_reported() {
        let store = store();
        let session = store.start_session(at(0), "").unwrap();
        store
            .conn
            .execute(
                "UPDATE session SET status = 'paused' WHERE id = ?1",
                [session.0],
            )
            .unwrap_err();
        store
            .conn
            .execute_batch("PRAGMA ignore_check_constraints = ON")
            .unwrap();
        store
            .conn
            .execute("UPDATE session SET rpe = 12 WHERE id = ?1", [session.0])
            .unwrap();
        let err = store.recent_sessions(5, 0).unwrap_err();
        assert!(matches!(err, StoreError::Corrupt { table: "session", id, .. } if id == session.0));
    }
}
