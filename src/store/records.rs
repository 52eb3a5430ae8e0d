//! Personal records and stored e1RMs as stored: kept true inside the same transaction as every
//! write that changes a lift's sets. A logged set is read for its e1RM and updates the records
//! incrementally (cheap, on the hot path); an edit, a delete, a bulk insert or a new pinned
//! formula re-reads the exercise's stored e1RMs and recomputes its records from its history.
//!
//! Every set's `e1rm_kg` is the one [`core::strength::e1rm::Reader`] gives it walking the lift's history in
//! order (sessions by start, then slot and set position; abandoned sessions left out) — the same
//! walk the app's coaching does over the history it reads — so every chart, record and signal
//! reading the column reads one rule. Load records are [`core::strength::records`]'s fold; session volume
//! is the sum of the lift's stored slot volumes ([`crate::core::workout::set::Totals`]). The table adds
//! which set (or, for volume, which session) first reached each one.
//!
//! [`core::strength::records`]: crate::core::strength::records
//! [`core::strength::e1rm::Reader`]: crate::core::strength::e1rm::Reader

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::params;

use super::sets::{SET_COLUMNS, SetRow};
use super::{Store, StoreError, from_millis};
use crate::core::strength::e1rm::{Formula, HABIT_SETS, Reader};
use crate::core::strength::records::{PastSet, PrKind, PrValue, Records};
use crate::core::units::Weight;
use crate::core::workout::exercise::ExerciseId;
use crate::core::workout::session::{LoggedSet, SessionId, SetId};
use crate::core::workout::set::{Load, SetSpec};

/// A lift's sets that [`Reader`] reads, in its reading order, for a query aliasing `set_entry`
/// as `s`, `session_exercise` as `se` and `session` as `ses` (`?1` the exercise). The filter is
/// the reader's own (working sets with an external load and reps) so the walk skips nothing it
/// would read.
const READ_SETS: &str = "se.exercise_id = ?1 AND ses.status != 'abandoned' AND s.kind != 'warmup'
   AND s.bodyweight = 0 AND s.weight_kg IS NOT NULL AND s.reps IS NOT NULL";

/// The reading order, oldest first.
const READ_ORDER: &str = "ses.started_at, se.session_id, se.position, s.position, s.id";

/// A set as records take it, with the e1RM it was read at.
fn past_set(spec: &SetSpec, e1rm: Option<Weight>) -> Option<PastSet> {
    match (spec.load, spec.reps) {
        (Load::External(weight), Some(reps)) => Some(PastSet {
            kind: spec.kind,
            weight,
            reps,
            e1rm,
        }),
        _ => None,
    }
}

/// Whether two stored e1RMs are the same (no write needed).
fn same_e1rm(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() < 1e-9,
        (a, b) => a.is_none() && b.is_none(),
    }
}

/// A stored personal record: what, how much, and where it was set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PersonalRecord {
    pub exercise: ExerciseId,
    pub kind: PrKind,
    pub value: PrValue,
    /// The set that set it; `None` for session volume (or once the set was deleted).
    pub set: Option<SetId>,
    pub session: SessionId,
    pub achieved_at: DateTime<Utc>,
}

/// The `kind` and `reps` columns for a record kind.
fn columns(kind: PrKind) -> (&'static str, Option<u16>) {
    match kind {
        PrKind::E1rm => ("e1rm", None),
        PrKind::Heaviest => ("heaviest", None),
        PrKind::Reps(n) => ("reps", Some(n)),
        PrKind::SessionVolume => ("volume", None),
    }
}

fn kind_of(kind: &str, reps: Option<i64>) -> Option<PrKind> {
    match (kind, reps) {
        ("e1rm", None) => Some(PrKind::E1rm),
        ("heaviest", None) => Some(PrKind::Heaviest),
        ("reps", Some(n)) => u16::try_from(n)
            .ok()
            .filter(|n| (2..=crate::core::strength::records::REP_BRACKETS).contains(n))
            .map(PrKind::Reps),
        ("volume", None) => Some(PrKind::SessionVolume),
        _ => None,
    }
}

fn value_kg(value: PrValue) -> f64 {
    match value {
        PrValue::Load(w) => w.kg(),
        PrValue::VolumeKg(v) => v,
    }
}

/// The records `after` holds that `before` did not (new kinds or better values).
fn changed(before: &Records, after: &Records) -> Vec<(PrKind, PrValue)> {
    if before == after {
        return Vec::new();
    }
    let old = before.entries();
    after
        .entries()
        .into_iter()
        .filter(|entry| !old.contains(entry))
        .collect()
}

/// Where a record was set: the set (if any), the session, and when (unix ms).
#[derive(Debug, Clone, Copy)]
struct Holder {
    set: Option<i64>,
    session: i64,
    at: i64,
}

/// Columns of a personal-record row, for a query aliasing the table as `p`.
const RECORD_COLUMNS: &str =
    "p.id, p.exercise_id, p.kind, p.reps, p.value_kg, p.set_id, p.session_id, p.achieved_at";

type RecordRow = (i64, i64, String, Option<i64>, f64, Option<i64>, i64, i64);

fn read_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<RecordRow> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
    ))
}

fn into_record(row: RecordRow) -> Result<PersonalRecord, StoreError> {
    let (id, exercise, kind, reps, value, set, session, at) = row;
    let bad = |problem: String| StoreError::corrupt("personal_record", id, problem);
    let kind = kind_of(&kind, reps)
        .ok_or_else(|| bad(format!("unknown record kind {kind:?}/{reps:?}")))?;
    let value = match kind {
        PrKind::SessionVolume if value.is_finite() && value >= 0.0 => PrValue::VolumeKg(value),
        PrKind::SessionVolume => return Err(bad(format!("volume {value} is out of range"))),
        _ => PrValue::Load(Weight::from_kg(value).map_err(|e| bad(e.0))?),
    };
    Ok(PersonalRecord {
        exercise: ExerciseId(exercise),
        kind,
        value,
        set: set.map(SetId),
        session: SessionId(session),
        achieved_at: from_millis(at, "personal_record", id)?,
    })
}

impl Store {
    /// The records of `exercise`, as stored.
    pub fn records(&self, exercise: ExerciseId) -> Result<Records, StoreError> {
        let mut records = Records::default();
        for record in self.record_rows(exercise)? {
            match (record.kind, record.value) {
                (PrKind::E1rm, PrValue::Load(w)) => records.best_e1rm = Some(w),
                (PrKind::Heaviest, PrValue::Load(w)) => records.rep_bests[0] = Some(w),
                (PrKind::Reps(n), PrValue::Load(w)) => {
                    records.rep_bests[usize::from(n) - 1] = Some(w);
                }
                (PrKind::SessionVolume, PrValue::VolumeKg(v)) => records.best_volume_kg = Some(v),
                _ => {}
            }
        }
        Ok(records)
    }

    /// Every stored record of `exercise`, with where it was set: e1RM, heaviest, 2–12 reps,
    /// volume.
    pub fn record_rows(&self, exercise: ExerciseId) -> Result<Vec<PersonalRecord>, StoreError> {
        self.query_records(
            &format!(
                "SELECT {RECORD_COLUMNS} FROM personal_record p WHERE p.exercise_id = ?1
                 ORDER BY CASE p.kind WHEN 'e1rm' THEN 0 WHEN 'heaviest' THEN 1 WHEN 'reps' THEN 2 ELSE 3 END, p.reps"
            ),
            Some(exercise.0),
        )
    }

    /// Every stored record of every exercise, by exercise name, then as [`Store::record_rows`].
    pub fn all_records(&self) -> Result<Vec<PersonalRecord>, StoreError> {
        self.query_records(
            &format!(
                "SELECT {RECORD_COLUMNS} FROM personal_record p JOIN exercise e ON e.id = p.exercise_id
                 ORDER BY e.name COLLATE NOCASE, p.exercise_id,
                          CASE p.kind WHEN 'e1rm' THEN 0 WHEN 'heaviest' THEN 1 WHEN 'reps' THEN 2 ELSE 3 END, p.reps"
            ),
            None,
        )
    }

    fn query_records(
        &self,
        sql: &str,
        exercise: Option<i64>,
    ) -> Result<Vec<PersonalRecord>, StoreError> {
        let fail = || self.fail("read the personal records");
        let mut stmt = self.conn.prepare_cached(sql).map_err(fail())?;
        let rows = match exercise {
            Some(id) => stmt.query_map([id], read_row),
            None => stmt.query_map([], read_row),
        }
        .and_then(Iterator::collect::<Result<Vec<_>, _>>)
        .map_err(fail())?;
        rows.into_iter().map(into_record).collect()
    }

    /// Reads the e1RMs of sets just logged to `exercise` in `session` and takes them into its
    /// records. Call inside the write that stored them, after they are stored and the session's
    /// summary refreshed.
    pub(super) fn records_after_log(
        &self,
        exercise: i64,
        session: i64,
        logged: &[LoggedSet],
        pinned: Option<Formula>,
    ) -> Result<(), StoreError> {
        let Some(at) = logged.first().map(|s| s.completed_at.timestamp_millis()) else {
            return Ok(());
        };
        let mut past: Vec<(i64, PastSet)> = Vec::new();
        // Warm-ups and bodyweight sets are not read (no e1RM, no habit): only volume to follow.
        if logged.iter().any(|s| Reader::reads(&s.spec)) {
            let Some(mut reader) = self.reader_before(exercise, logged, pinned)? else {
                // Logged before some of the lift's other sets: their windows changed too.
                return self.recompute_records(exercise, pinned);
            };
            for set in logged {
                let e1rm = reader.read(&set.spec);
                self.put_e1rm(set.id.0, e1rm)?;
                if let Some(p) = past_set(&set.spec, e1rm).filter(PastSet::counts) {
                    past.push((set.id.0, p));
                }
            }
        }
        // The table is derived data: a row edited out of range is rebuilt, not a reason to
        // refuse the set.
        let mut records = match self.records(ExerciseId(exercise)) {
            Err(StoreError::Corrupt { .. }) => return self.recompute_records(exercise, pinned),
            other => other?,
        };
        for (set, past) in &past {
            let before = records.clone();
            records.add_set(past);
            let holder = Holder {
                set: Some(*set),
                session,
                at,
            };
            for (kind, value) in changed(&before, &records) {
                self.put_record(exercise, kind, value, holder)?;
            }
        }
        let volume: f64 = self
            .conn
            .prepare_cached(
                "SELECT TOTAL(volume_kg) FROM session_exercise
                 WHERE session_id = ?1 AND exercise_id = ?2",
            )
            .and_then(|mut stmt| stmt.query_row([session, exercise], |r| r.get(0)))
            .map_err(self.fail("update the personal records"))?;
        let before = records.clone();
        records.add_session_volume(volume);
        for (kind, value) in changed(&before, &records) {
            let holder = Holder {
                set: None,
                session,
                at,
            };
            self.put_record(exercise, kind, value, holder)?;
        }
        Ok(())
    }

    /// The reader of `exercise` just before the sets `logged` (stored last of their slot), from
    /// the lift's latest sets before them; `None` when some set the reader reads comes after
    /// them in the reading order (a slot of the lift further down the session, a later session).
    fn reader_before(
        &self,
        exercise: i64,
        logged: &[LoggedSet],
        pinned: Option<Formula>,
    ) -> Result<Option<Reader>, StoreError> {
        let newest_first = self.latest_read_sets(exercise, None, HABIT_SETS + logged.len())?;
        // The logged sets the reader reads must be the newest of the lift, in order.
        let read_now: Vec<SetId> = logged
            .iter()
            .filter(|s| Reader::reads(&s.spec))
            .map(|s| s.id)
            .rev()
            .collect();
        let latest: Vec<SetId> = newest_first
            .iter()
            .take(read_now.len())
            .map(|s| s.id)
            .collect();
        if latest != read_now {
            return Ok(None);
        }
        let mut reader = Reader::new(pinned);
        for set in newest_first[read_now.len()..].iter().rev() {
            reader.read(&set.spec);
        }
        Ok(Some(reader))
    }

    /// The lift's latest `need` sets the reader reads (fewer if it has fewer), newest first in
    /// reading order — all of them, or those of sessions before `before` (`(started_at, id)`).
    /// The lift's latest slots are picked first (one sort of its slots, not of every set it ever
    /// had: the commit path runs this), then their sets; slots without a readable set can leave it
    /// short, and then every slot is read.
    pub(super) fn latest_read_sets(
        &self,
        exercise: i64,
        before: Option<(i64, i64)>,
        need: usize,
    ) -> Result<Vec<LoggedSet>, StoreError> {
        let sql = format!(
            "WITH recent AS (
                 SELECT se.id, se.session_id, se.position, ses.started_at FROM session_exercise se
                 JOIN session ses ON ses.id = se.session_id
                 WHERE se.exercise_id = ?1 AND ses.status != 'abandoned'
                   AND (?4 IS NULL OR ses.started_at < ?4 OR (ses.started_at = ?4 AND ses.id < ?5))
                 ORDER BY ses.started_at DESC, se.session_id DESC, se.position DESC LIMIT ?2)
             SELECT {SET_COLUMNS} FROM recent CROSS JOIN set_entry s ON s.session_exercise_id = recent.id
             WHERE s.kind != 'warmup' AND s.bodyweight = 0 AND s.weight_kg IS NOT NULL
               AND s.reps IS NOT NULL
             ORDER BY recent.started_at DESC, recent.session_id DESC, recent.position DESC,
                      s.position DESC, s.id DESC
             LIMIT ?3"
        );
        let need_sql = i64::try_from(need).unwrap_or(i64::MAX);
        let (at, session) = before.unzip();
        let read = |slots: i64| -> Result<Vec<LoggedSet>, StoreError> {
            let rows = self
                .conn
                .prepare_cached(&sql)
                .and_then(|mut stmt| {
                    stmt.query_map(params![exercise, slots, need_sql, at, session], |r| {
                        SetRow::read(r, 0)
                    })?
                    .collect::<Result<Vec<_>, _>>()
                })
                .map_err(self.fail("read the lift's latest sets"))?;
            rows.into_iter().map(SetRow::into_logged).collect()
        };
        let first = read(need_sql)?;
        if first.len() >= need {
            return Ok(first);
        }
        read(i64::MAX)
    }

    /// Stores the e1RM a set was read at.
    fn put_e1rm(&self, set: i64, e1rm: Option<Weight>) -> Result<(), StoreError> {
        self.conn
            .prepare_cached("UPDATE set_entry SET e1rm_kg = ?2 WHERE id = ?1")
            .and_then(|mut stmt| stmt.execute(rusqlite::params![set, e1rm.map(Weight::kg)]))
            .map_err(self.fail("store the set's e1RM"))?;
        Ok(())
    }

    /// Replaces one record row.
    fn put_record(
        &self,
        exercise: i64,
        kind: PrKind,
        value: PrValue,
        holder: Holder,
    ) -> Result<(), StoreError> {
        let (code, reps) = columns(kind);
        let fail = || self.fail("update the personal records");
        self.conn
            .prepare_cached(
                "DELETE FROM personal_record
                 WHERE exercise_id = ?1 AND kind = ?2 AND COALESCE(reps, 0) = COALESCE(?3, 0)",
            )
            .and_then(|mut stmt| stmt.execute(params![exercise, code, reps]))
            .map_err(fail())?;
        self.conn
            .prepare_cached(
                "INSERT INTO personal_record (exercise_id, kind, reps, value_kg, set_id, session_id, achieved_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )
            .and_then(|mut stmt| {
                stmt.execute(params![
                    exercise,
                    code,
                    reps,
                    value_kg(value),
                    holder.set,
                    holder.session,
                    holder.at
                ])
            })
            .map_err(fail())?;
        Ok(())
    }

    /// Re-reads the stored e1RMs of `exercise` along its whole history and recomputes its
    /// records from it. Call inside a write.
    pub(super) fn recompute_records(
        &self,
        exercise: i64,
        pinned: Option<Formula>,
    ) -> Result<(), StoreError> {
        let fail = || self.fail("recompute the personal records");
        let rows = self
            .conn
            .prepare_cached(&format!(
                "SELECT se.session_id, s.e1rm_kg, {SET_COLUMNS} FROM set_entry s
                 JOIN session_exercise se ON se.id = s.session_exercise_id
                 JOIN session ses ON ses.id = se.session_id
                 WHERE {READ_SETS} ORDER BY {READ_ORDER}"
            ))
            .and_then(|mut stmt| {
                stmt.query_map([exercise], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, Option<f64>>(1)?,
                        SetRow::read(r, 2)?,
                    ))
                })
                .and_then(Iterator::collect::<Result<Vec<_>, _>>)
            })
            .map_err(fail())?;

        let mut reader = Reader::new(pinned);
        let mut records = Records::default();
        let mut holders: HashMap<PrKind, Holder> = HashMap::new();
        for (session, stored, row) in rows {
            let set = row.into_logged()?;
            let e1rm = reader.read(&set.spec);
            if !same_e1rm(stored, e1rm.map(Weight::kg)) {
                self.put_e1rm(set.id.0, e1rm)?;
            }
            let Some(past) = past_set(&set.spec, e1rm) else {
                continue;
            };
            let before = records.clone();
            records.add_set(&past);
            for (kind, _) in changed(&before, &records) {
                holders.insert(
                    kind,
                    Holder {
                        set: Some(set.id.0),
                        session,
                        at: set.completed_at.timestamp_millis(),
                    },
                );
            }
        }
        for (session, volume, at) in self.session_volumes(exercise)? {
            let before = records.clone();
            records.add_session_volume(volume);
            for (kind, _) in changed(&before, &records) {
                holders.insert(
                    kind,
                    Holder {
                        set: None,
                        session,
                        at,
                    },
                );
            }
        }

        self.conn
            .prepare_cached("DELETE FROM personal_record WHERE exercise_id = ?1")
            .and_then(|mut stmt| stmt.execute([exercise]))
            .map_err(fail())?;
        for (kind, value) in records.entries() {
            if let Some(holder) = holders.get(&kind) {
                self.put_record(exercise, kind, value, *holder)?;
            }
        }
        Ok(())
    }

    /// Each kept session's stored volume of `exercise` (its slots together) with the time of its
    /// latest working set, oldest first; sessions without working volume are left out.
    fn session_volumes(&self, exercise: i64) -> Result<Vec<(i64, f64, i64)>, StoreError> {
        self.conn
            .prepare_cached(
                "SELECT ses.id, TOTAL(se.volume_kg),
                        (SELECT MAX(s.completed_at) FROM session_exercise x
                         JOIN set_entry s ON s.session_exercise_id = x.id
                         WHERE x.session_id = ses.id AND x.exercise_id = ?1 AND s.kind != 'warmup')
                 FROM session_exercise se JOIN session ses ON ses.id = se.session_id
                 WHERE se.exercise_id = ?1 AND ses.status != 'abandoned'
                 GROUP BY ses.id HAVING TOTAL(se.volume_kg) > 0
                 ORDER BY ses.started_at, ses.id",
            )
            .and_then(|mut stmt| {
                stmt.query_map([exercise], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                    .and_then(Iterator::collect::<Result<Vec<_>, _>>)
            })
            .map_err(self.fail("recompute the personal records"))
    }

    /// Recomputes the records of every exercise with sets or records. Call inside a write.
    pub(super) fn recompute_all_records(&self) -> Result<(), StoreError> {
        let pinned = self.pinned_formula()?;
        let exercises: Vec<i64> = self
            .conn
            .prepare(
                "SELECT exercise_id FROM session_exercise
                 UNION SELECT exercise_id FROM personal_record",
            )
            .and_then(|mut stmt| {
                stmt.query_map([], |r| r.get(0))
                    .and_then(Iterator::collect::<Result<Vec<_>, _>>)
            })
            .map_err(self.fail("recompute the personal records"))?;
        for exercise in exercises {
            self.recompute_records(exercise, pinned)?;
        }
        Ok(())
    }

    /// Computes what is derived from the sets once, for a database upgraded from before it was
    /// stored as it is now: every session's summary (with its slots' volumes), every stored e1RM
    /// and every record.
    pub(super) fn backfill_derived(&self) -> Result<(), StoreError> {
        let tx = self.write()?;
        let sessions: Vec<i64> = self
            .conn
            .prepare("SELECT id FROM session")
            .and_then(|mut stmt| {
                stmt.query_map([], |r| r.get(0))
                    .and_then(Iterator::collect::<Result<Vec<_>, _>>)
            })
            .map_err(self.fail("update the session summaries"))?;
        for session in sessions {
            self.refresh_summary(session)?;
        }
        self.recompute_all_records()?;
        self.commit(tx, "compute the summaries and personal records")
    }

    /// The exercises a session holds (each once). Read it before the session's sets change.
    pub(super) fn exercises_of_session(&self, session: i64) -> Result<Vec<i64>, StoreError> {
        self.conn
            .prepare_cached(
                "SELECT DISTINCT exercise_id FROM session_exercise WHERE session_id = ?1",
            )
            .and_then(|mut stmt| {
                stmt.query_map([session], |r| r.get(0))
                    .and_then(Iterator::collect::<Result<Vec<_>, _>>)
            })
            .map_err(self.fail("find the session's exercises"))
    }

    /// Recomputes the records of `exercises`. Call inside a write.
    pub(super) fn recompute_records_of(&self, exercises: &[i64]) -> Result<(), StoreError> {
        let pinned = self.pinned_formula()?;
        for &exercise in exercises {
            self.recompute_records(exercise, pinned)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
