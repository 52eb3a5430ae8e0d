//! Personal records as stored: kept true inside the same transaction as every write that changes
//! a lift's sets. A logged set updates them incrementally (cheap, on the hot path); an edit, a
//! delete or a bulk insert recomputes the exercise's records from its history.
//!
//! The values are [`core::records`]'s fold; the table adds which set (or, for volume, which
//! session) first reached each one. Abandoned sessions count for nothing, as in the history.
//!
//! [`core::records`]: crate::core::records

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::params;

use super::{Store, StoreError, from_millis};
use crate::core::e1rm::Formula;
use crate::core::exercise::ExerciseId;
use crate::core::records::{PastSet, PrKind, PrValue, Records};
use crate::core::session::{LoggedSet, SessionId, SetId};
use crate::core::set::{Effort, Load, SetKind};
use crate::core::units::{Reps, Rpe, Weight};

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
            .filter(|n| (2..=crate::core::records::REP_BRACKETS).contains(n))
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

    /// Takes sets just logged to `exercise` in `session` into its records. Call inside the write
    /// that stored them, after they are stored.
    pub(super) fn records_after_log(
        &self,
        exercise: i64,
        session: i64,
        logged: &[LoggedSet],
        pinned: Option<Formula>,
    ) -> Result<(), StoreError> {
        let past: Vec<(i64, PastSet)> = logged
            .iter()
            .filter_map(|set| match (set.spec.load, set.spec.reps) {
                (Load::External(weight), Some(reps)) if set.spec.kind.is_working() => Some((
                    set.id.0,
                    PastSet {
                        session: SessionId(session),
                        kind: set.spec.kind,
                        weight,
                        reps,
                        rpe: set.spec.effort.map(Effort::rpe),
                    },
                )),
                _ => None,
            })
            .collect();
        let Some(at) = logged.first().map(|s| s.completed_at.timestamp_millis()) else {
            return Ok(());
        };
        if past.is_empty() {
            return Ok(());
        }
        // The table is derived data: a row edited out of range is rebuilt, not a reason to
        // refuse the set.
        let mut records = match self.records(ExerciseId(exercise)) {
            Err(StoreError::Corrupt { .. }) => return self.recompute_records(exercise, pinned),
            other => other?,
        };
        for (set, past) in &past {
            let before = records.clone();
            records.add_set_pinned(past, pinned);
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
                "SELECT COALESCE(SUM(s.weight_kg * s.reps), 0) FROM set_entry s
                 JOIN session_exercise se ON se.id = s.session_exercise_id
                 WHERE se.session_id = ?1 AND se.exercise_id = ?2 AND s.kind != 'warmup'
                   AND s.bodyweight = 0 AND s.weight_kg IS NOT NULL AND s.reps IS NOT NULL",
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

    /// Recomputes `exercise`'s records from its whole history. Call inside a write.
    pub(super) fn recompute_records(
        &self,
        exercise: i64,
        pinned: Option<Formula>,
    ) -> Result<(), StoreError> {
        let fail = || self.fail("recompute the personal records");
        let rows = self
            .conn
            .prepare_cached(
                "SELECT se.session_id, s.id, s.kind, s.weight_kg, s.reps, s.rpe, s.completed_at
                 FROM set_entry s
                 JOIN session_exercise se ON se.id = s.session_exercise_id
                 JOIN session ses ON ses.id = se.session_id
                 WHERE se.exercise_id = ?1 AND ses.status != 'abandoned' AND s.kind != 'warmup'
                   AND s.bodyweight = 0 AND s.weight_kg IS NOT NULL AND s.reps IS NOT NULL
                 ORDER BY ses.started_at, se.session_id, se.position, s.position, s.id",
            )
            .and_then(|mut stmt| {
                stmt.query_map([exercise], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, f64>(3)?,
                        r.get::<_, i64>(4)?,
                        r.get::<_, Option<f64>>(5)?,
                        r.get::<_, i64>(6)?,
                    ))
                })
                .and_then(Iterator::collect::<Result<Vec<_>, _>>)
            })
            .map_err(fail())?;

        let mut records = Records::default();
        let mut holders: HashMap<PrKind, Holder> = HashMap::new();
        // The session being folded: its id, working volume and latest set time.
        let mut open: Option<(i64, f64, i64)> = None;
        let close = |open: Option<(i64, f64, i64)>,
                     records: &mut Records,
                     holders: &mut HashMap<PrKind, Holder>| {
            if let Some((session, volume, at)) = open {
                let before = records.clone();
                records.add_session_volume(volume);
                for (kind, _) in changed(&before, records) {
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
        };
        for (session, id, kind, kg, reps, rpe, at) in rows {
            let bad = |problem: String| StoreError::corrupt("set_entry", id, problem);
            let past = PastSet {
                session: SessionId(session),
                kind: SetKind::from_code(&kind)
                    .ok_or_else(|| bad(format!("unknown set kind {kind:?}")))?,
                weight: Weight::from_kg(kg).map_err(|e| bad(e.0))?,
                reps: u32::try_from(reps)
                    .ok()
                    .and_then(|n| Reps::try_from(n).ok())
                    .ok_or_else(|| bad(format!("reps {reps} is out of range")))?,
                rpe: rpe.map(Rpe::try_from).transpose().map_err(|e| bad(e.0))?,
            };
            if open.is_some_and(|(s, _, _)| s != session) {
                close(open.take(), &mut records, &mut holders);
            }
            let (_, volume, latest) = open.get_or_insert((session, 0.0, at));
            *volume += past.volume_kg();
            *latest = (*latest).max(at);
            let before = records.clone();
            records.add_set_pinned(&past, pinned);
            for (kind, _) in changed(&before, &records) {
                holders.insert(
                    kind,
                    Holder {
                        set: Some(id),
                        session,
                        at,
                    },
                );
            }
        }
        close(open, &mut records, &mut holders);

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

    /// Computes every exercise's records once, for a database upgraded from before they were
    /// stored.
    pub(super) fn backfill_records(&self) -> Result<(), StoreError> {
        let tx = self.write()?;
        self.recompute_all_records()?;
        self.commit(tx, "compute the personal records")
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
