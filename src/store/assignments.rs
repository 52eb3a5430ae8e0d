//! The program the lifter runs: put on the calendar, paused and resumed, finished or abandoned;
//! what they recorded of its days; its slots' and lifts' progress; and every change to it.

use chrono::{DateTime, NaiveDate, Utc, Weekday};
use rusqlite::{OptionalExtension as _, params};

use super::programs::{ProgramId, StoredProgram};
use super::{Store, StoreError, from_millis, to_millis};
use crate::core::program::schedule::{Mark, MissedPolicy, weekdays, weekdays_text};
use crate::core::program::slot::{LiftState, SlotState};
use crate::core::units::Weight;
use crate::core::workout::session::SessionId;

/// An assignment's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AssignmentId(pub i64);

/// Where a run of a program stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunStatus {
    Active,
    Paused,
    Finished,
    Abandoned,
}

impl RunStatus {
    pub fn code(self) -> &'static str {
        match self {
            RunStatus::Active => "active",
            RunStatus::Paused => "paused",
            RunStatus::Finished => "finished",
            RunStatus::Abandoned => "abandoned",
        }
    }

    fn from_code(code: &str) -> Option<RunStatus> {
        [
            RunStatus::Active,
            RunStatus::Paused,
            RunStatus::Finished,
            RunStatus::Abandoned,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }
}

/// A day trained for the program: its session and what it prescribed (JSON, as stored).
#[derive(Debug, Clone, PartialEq)]
pub struct TrainedDay {
    pub seq: usize,
    pub day: NaiveDate,
    pub session: SessionId,
    pub targets: String,
}

/// A program on the calendar, with everything recorded of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    pub id: AssignmentId,
    /// The program, at the version this run uses.
    pub program: StoredProgram,
    pub start: NaiveDate,
    pub weekdays: Vec<Weekday>,
    pub policy: MissedPolicy,
    pub status: RunStatus,
    pub ended_on: Option<NaiveDate>,
    pub pauses: Vec<(NaiveDate, Option<NaiveDate>)>,
    /// Marks by program day, oldest first (a later mark of a day wins).
    pub marks: Vec<(usize, Mark)>,
    pub trained: Vec<TrainedDay>,
    pub slots: Vec<(String, SlotState)>,
    pub lifts: Vec<(String, LiftState)>,
}

/// A change to record in the modification history.
#[derive(Debug, Clone, PartialEq)]
pub struct NewChange {
    /// `progression`, `adaptive`, `schedule` or `edit`.
    pub kind: &'static str,
    pub slot: Option<String>,
    /// `applied`, `suppressed`, `proposed`, `accepted` or `declined`.
    pub status: &'static str,
    pub reason: String,
    /// JSON with the numbers (from/to).
    pub detail: String,
}

/// A recorded change.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeRow {
    pub id: i64,
    /// The run it was made in; None for an edit of the program itself.
    pub run: Option<AssignmentId>,
    pub at: DateTime<Utc>,
    pub kind: String,
    pub slot: Option<String>,
    pub status: String,
    pub reason: String,
    pub detail: String,
}

/// An assignment row: program, version, start day, weekdays, policy, status, end day.
type HeadRow = (i64, i64, String, String, String, String, Option<String>);
/// A change row: id, run, time, kind, slot, status, reason, detail.
type ChangeTuple = (
    i64,
    Option<i64>,
    i64,
    String,
    Option<String>,
    String,
    String,
    String,
);
/// A mark row: id, day index, mark, day, session, targets.
type MarkRow = (i64, i64, String, Option<String>, Option<i64>, String);
/// A slot row: slot, working load, stage, misses, first-stage load.
type SlotRow = (String, Option<f64>, u32, u32, Option<f64>);
/// What was recorded of the days, and the days trained.
type Marks = (Vec<(usize, Mark)>, Vec<TrainedDay>);
/// Slots' and lifts' progress.
type Progress = (Vec<(String, SlotState)>, Vec<(String, LiftState)>);

fn day_text(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

fn parse_day(text: &str, table: &'static str, id: i64) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| StoreError::corrupt(table, id, format!("{text:?} is not a YYYY-MM-DD date")))
}

fn kg(value: Option<f64>, table: &'static str, id: i64) -> Result<Option<Weight>, StoreError> {
    value
        .map(|v| Weight::from_kg(v).map_err(|e| StoreError::corrupt(table, id, e.0)))
        .transpose()
}

impl Store {
    /// Puts a program on the calendar; its lifts start at `lifts` (their maxes and training
    /// maxes). Refused while another program runs (active or paused).
    pub fn start_program(
        &self,
        program: ProgramId,
        start: NaiveDate,
        days: &[Weekday],
        policy: MissedPolicy,
        lifts: &[(String, LiftState)],
        at: DateTime<Utc>,
    ) -> Result<AssignmentId, StoreError> {
        let tx = self.write()?;
        let fail = || self.fail("start the program");
        if let Some(name) = tx
            .query_row(
                "SELECT p.name FROM assignment a JOIN program p ON p.id = a.program_id
                 WHERE a.status IN ('active', 'paused')",
                [],
                |r| r.get::<_, String>(0),
            )
            .optional()
            .map_err(fail())?
        {
            return Err(StoreError::Invalid(format!(
                "{name} is running: finish or abandon it first (`ironpulse program status`)"
            )));
        }
        let version: i64 = tx
            .query_row(
                "SELECT id FROM program_version WHERE program_id = ?1 ORDER BY version DESC LIMIT 1",
                [program.0],
                |r| r.get(0),
            )
            .optional()
            .map_err(fail())?
            .ok_or(StoreError::NotFound { what: "program", id: program.0 })?;
        tx.execute(
            "INSERT INTO assignment (program_id, version_id, start_day, weekdays, policy, status, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, 'active', ?6)",
            params![program.0, version, day_text(start), weekdays_text(days), policy.code(), to_millis(at)],
        )
        .map_err(fail())?;
        let id = tx.last_insert_rowid();
        for (exercise, lift) in lifts {
            tx.execute(
                "INSERT INTO program_lift (assignment_id, exercise, max_kg, tm_kg) VALUES (?1, ?2, ?3, ?4)",
                params![id, exercise, lift.max.map(Weight::kg), lift.tm.map(Weight::kg)],
            )
            .map_err(fail())?;
        }
        self.commit(tx, "start the program")?;
        Ok(AssignmentId(id))
    }

    /// The program running (active or paused), with everything recorded of it.
    pub fn running_program(&self) -> Result<Option<Assignment>, StoreError> {
        let id: Option<i64> = self
            .conn
            .prepare_cached("SELECT id FROM assignment WHERE status IN ('active', 'paused')")
            .and_then(|mut stmt| stmt.query_row([], |r| r.get(0)).optional())
            .map_err(self.fail("read the running program"))?;
        id.map(|id| self.assignment(AssignmentId(id)))
            .transpose()
            .map(Option::flatten)
    }

    /// The runs of programs, newest first (without their marks and progress).
    pub fn program_runs(
        &self,
    ) -> Result<Vec<(AssignmentId, String, RunStatus, NaiveDate)>, StoreError> {
        let rows: Vec<(i64, String, String, String)> = self
            .conn
            .prepare_cached(
                "SELECT a.id, p.name, a.status, a.start_day FROM assignment a
                 JOIN program p ON p.id = a.program_id ORDER BY a.id DESC",
            )
            .and_then(|mut stmt| {
                stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                    .collect()
            })
            .map_err(self.fail("read the program runs"))?;
        rows.into_iter()
            .map(|(id, name, status, start)| {
                let status = RunStatus::from_code(&status).ok_or_else(|| {
                    StoreError::corrupt("assignment", id, format!("status {status:?}"))
                })?;
                Ok((
                    AssignmentId(id),
                    name,
                    status,
                    parse_day(&start, "assignment", id)?,
                ))
            })
            .collect()
    }

    /// One run of a program, with everything recorded of it.
    pub fn assignment(&self, id: AssignmentId) -> Result<Option<Assignment>, StoreError> {
        let fail = || self.fail("read the program run");
        let head: Option<HeadRow> = self
            .conn
            .prepare_cached(
                "SELECT program_id, version_id, start_day, weekdays, policy, status, ended_on
                 FROM assignment WHERE id = ?1",
            )
            .and_then(|mut stmt| {
                stmt.query_row([id.0], |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                    ))
                })
                .optional()
            })
            .map_err(fail())?;
        let Some((program_id, version_id, start, days, policy, status, ended)) = head else {
            return Ok(None);
        };
        let corrupt = |what: String| StoreError::corrupt("assignment", id.0, what);
        let mut program = self
            .program(ProgramId(program_id))?
            .ok_or_else(|| corrupt(format!("program {program_id} is missing")))?;
        let (version, text): (u32, String) = self
            .conn
            .query_row(
                "SELECT version, text FROM program_version WHERE id = ?1",
                [version_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(fail())?;
        program.version = version;
        program.version_id = version_id;
        program.text = text;
        let pauses = self.pauses(id)?;
        let (marks, trained) = self.marks(id)?;
        let (slots, lifts) = self.progress(id)?;
        Ok(Some(Assignment {
            id,
            program,
            start: parse_day(&start, "assignment", id.0)?,
            weekdays: weekdays(&days).map_err(corrupt)?,
            policy: MissedPolicy::from_code(&policy)
                .ok_or_else(|| corrupt(format!("policy {policy:?}")))?,
            status: RunStatus::from_code(&status)
                .ok_or_else(|| corrupt(format!("status {status:?}")))?,
            ended_on: ended
                .map(|e| parse_day(&e, "assignment", id.0))
                .transpose()?,
            pauses,
            marks,
            trained,
            slots,
            lifts,
        }))
    }

    fn pauses(&self, id: AssignmentId) -> Result<Vec<(NaiveDate, Option<NaiveDate>)>, StoreError> {
        let rows: Vec<(String, Option<String>)> = self
            .conn
            .prepare_cached(
                "SELECT from_day, until_day FROM assignment_pause WHERE assignment_id = ?1 ORDER BY from_day",
            )
            .and_then(|mut stmt| stmt.query_map([id.0], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
            .map_err(self.fail("read the program's pauses"))?;
        rows.into_iter()
            .map(|(a, b)| {
                Ok((
                    parse_day(&a, "assignment_pause", id.0)?,
                    b.map(|b| parse_day(&b, "assignment_pause", id.0))
                        .transpose()?,
                ))
            })
            .collect()
    }

    fn marks(&self, id: AssignmentId) -> Result<Marks, StoreError> {
        let rows: Vec<MarkRow> = self
            .conn
            .prepare_cached(
                "SELECT id, seq, mark, day, session_id, targets FROM schedule_mark
                 WHERE assignment_id = ?1 ORDER BY id",
            )
            .and_then(|mut stmt| {
                stmt.query_map([id.0], |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ))
                })?
                .collect()
            })
            .map_err(self.fail("read the program's days"))?;
        let mut marks = Vec::new();
        let mut trained = Vec::new();
        for (row, seq, mark, day, session, targets) in rows {
            let seq = usize::try_from(seq).unwrap_or(0);
            let day = day
                .map(|d| parse_day(&d, "schedule_mark", row))
                .transpose()?;
            let need_day =
                || day.ok_or_else(|| StoreError::corrupt("schedule_mark", row, "no day"));
            let m = match mark.as_str() {
                "done" => {
                    let d = need_day()?;
                    if let Some(s) = session {
                        trained.push(TrainedDay {
                            seq,
                            day: d,
                            session: SessionId(s),
                            targets,
                        });
                    }
                    Mark::Done(d)
                }
                "skipped" => Mark::Skipped,
                "missed" => Mark::Missed,
                "moved" => Mark::Moved(need_day()?),
                other => {
                    return Err(StoreError::corrupt(
                        "schedule_mark",
                        row,
                        format!("mark {other:?}"),
                    ));
                }
            };
            marks.push((seq, m));
        }
        Ok((marks, trained))
    }

    fn progress(&self, id: AssignmentId) -> Result<Progress, StoreError> {
        let fail = || self.fail("read the program's progress");
        let slots: Vec<SlotRow> = self
            .conn
            .prepare_cached(
                "SELECT slot, working_kg, stage, fails, first_stage_kg FROM program_slot
                 WHERE assignment_id = ?1 ORDER BY slot",
            )
            .and_then(|mut stmt| {
                stmt.query_map([id.0], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                })?
                .collect()
            })
            .map_err(fail())?;
        let lifts: Vec<(String, Option<f64>, Option<f64>, i64)> = self
            .conn
            .prepare_cached(
                "SELECT exercise, max_kg, tm_kg, short_in_cycle FROM program_lift
                 WHERE assignment_id = ?1 ORDER BY exercise",
            )
            .and_then(|mut stmt| {
                stmt.query_map([id.0], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                    .collect()
            })
            .map_err(fail())?;
        let slots = slots
            .into_iter()
            .map(|(slot, working, stage, fails, first)| {
                Ok((
                    slot,
                    SlotState {
                        working: kg(working, "program_slot", id.0)?,
                        stage: stage as usize,
                        fails: u16::try_from(fails).unwrap_or(u16::MAX),
                        first_stage: kg(first, "program_slot", id.0)?,
                    },
                ))
            })
            .collect::<Result<_, StoreError>>()?;
        let lifts = lifts
            .into_iter()
            .map(|(exercise, max, tm, short)| {
                Ok((
                    exercise,
                    LiftState {
                        max: kg(max, "program_lift", id.0)?,
                        tm: kg(tm, "program_lift", id.0)?,
                        short_in_cycle: short != 0,
                    },
                ))
            })
            .collect::<Result<_, StoreError>>()?;
        Ok((slots, lifts))
    }

    /// Records a day skipped, moved or marked missed (a trained day is recorded with its session
    /// by [`Store::start_program_session`]), with the change in the modification history.
    pub fn mark_program_day(
        &self,
        id: AssignmentId,
        seq: usize,
        mark: Mark,
        reason: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let (code, day) = match mark {
            Mark::Skipped => ("skipped", None),
            Mark::Missed => ("missed", None),
            Mark::Moved(d) => ("moved", Some(day_text(d))),
            Mark::Done(_) => {
                return Err(StoreError::Invalid(
                    "a day is marked done by training it".into(),
                ));
            }
        };
        let tx = self.write()?;
        let fail = || self.fail("record the program day");
        tx.execute(
            "INSERT INTO schedule_mark (assignment_id, seq, mark, day, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id.0, seq as i64, code, day, to_millis(at)],
        )
        .map_err(fail())?;
        self.insert_change(
            id,
            &NewChange {
                kind: "schedule",
                slot: None,
                status: "applied",
                reason: reason.to_string(),
                detail: format!("{{\"seq\":{seq},\"mark\":\"{code}\"}}"),
            },
            at,
        )?;
        self.commit(tx, "record the program day")
    }

    /// Starts a session for the program's day `seq` on the lifter's local `day`, recording the day
    /// as trained with what it
    /// prescribes (`targets`, JSON) in the same transaction. Abandoning the session (or deleting
    /// it) takes the mark back, so the day is due again.
    pub fn start_program_session(
        &self,
        id: AssignmentId,
        seq: usize,
        started_at: DateTime<Utc>,
        day: NaiveDate,
        title: &str,
        targets: &str,
    ) -> Result<SessionId, StoreError> {
        let tx = self.write()?;
        let fail = || self.fail("start the program's session");
        tx.execute(
            "INSERT INTO session (started_at, status, title) VALUES (?1, 'active', ?2)",
            params![to_millis(started_at), title.trim()],
        )
        .map_err(fail())?;
        let session = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO schedule_mark (assignment_id, seq, mark, day, session_id, targets, created_at)
             VALUES (?1, ?2, 'done', ?3, ?4, ?5, ?6)",
            params![
                id.0,
                seq as i64,
                day_text(day),
                session,
                targets,
                to_millis(started_at)
            ],
        )
        .map_err(fail())?;
        self.commit(tx, "start the program's session")?;
        Ok(SessionId(session))
    }

    /// The program run and day a session trains, if any.
    pub fn program_day_of(
        &self,
        session: SessionId,
    ) -> Result<Option<(AssignmentId, usize)>, StoreError> {
        self.conn
            .prepare_cached("SELECT assignment_id, seq FROM schedule_mark WHERE session_id = ?1")
            .and_then(|mut stmt| {
                stmt.query_row([session.0], |r| {
                    Ok((
                        AssignmentId(r.get(0)?),
                        usize::try_from(r.get::<_, i64>(1)?).unwrap_or(0),
                    ))
                })
                .optional()
            })
            .map_err(self.fail("read the session's program day"))
    }

    /// Saves the slots' and lifts' progress after a session and the changes made, in one
    /// transaction; returns the changes' ids.
    pub fn save_program_progress(
        &self,
        id: AssignmentId,
        slots: &[(String, SlotState)],
        lifts: &[(String, LiftState)],
        changes: &[NewChange],
        at: DateTime<Utc>,
    ) -> Result<Vec<i64>, StoreError> {
        let tx = self.write()?;
        let fail = || self.fail("save the program's progress");
        for (slot, s) in slots {
            tx.execute(
                "INSERT INTO program_slot (assignment_id, slot, working_kg, stage, fails, first_stage_kg)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (assignment_id, slot) DO UPDATE SET working_kg = excluded.working_kg,
                   stage = excluded.stage, fails = excluded.fails, first_stage_kg = excluded.first_stage_kg",
                params![id.0, slot, s.working.map(Weight::kg), s.stage as i64, s.fails, s.first_stage.map(Weight::kg)],
            )
            .map_err(fail())?;
        }
        for (exercise, l) in lifts {
            tx.execute(
                "INSERT INTO program_lift (assignment_id, exercise, max_kg, tm_kg, short_in_cycle)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (assignment_id, exercise) DO UPDATE SET max_kg = excluded.max_kg,
                   tm_kg = excluded.tm_kg, short_in_cycle = excluded.short_in_cycle",
                params![
                    id.0,
                    exercise,
                    l.max.map(Weight::kg),
                    l.tm.map(Weight::kg),
                    i64::from(l.short_in_cycle)
                ],
            )
            .map_err(fail())?;
        }
        let mut ids = Vec::with_capacity(changes.len());
        for c in changes {
            self.insert_change(id, c, at)?;
            ids.push(self.conn.last_insert_rowid());
        }
        self.commit(tx, "save the program's progress")?;
        Ok(ids)
    }

    /// Takes back a change made after a session (the lifter suppressed it for this time): its
    /// slot and lift go back to `slot` and `lift` as they were, and it is recorded suppressed.
    pub fn suppress_program_change(
        &self,
        id: AssignmentId,
        change: i64,
        slot: Option<&(String, SlotState)>,
        lift: Option<&(String, LiftState)>,
    ) -> Result<(), StoreError> {
        let tx = self.write()?;
        self.update_one(
            "program change",
            change,
            "UPDATE program_change SET status = 'suppressed' WHERE id = ?1 AND status = 'applied'",
            params![change],
            "suppress the change",
        )?;
        let fail = || self.fail("suppress the change");
        if let Some((key, s)) = slot {
            tx.execute(
                "UPDATE program_slot SET working_kg = ?3, stage = ?4, fails = ?5, first_stage_kg = ?6
                 WHERE assignment_id = ?1 AND slot = ?2",
                params![id.0, key, s.working.map(Weight::kg), s.stage as i64, s.fails, s.first_stage.map(Weight::kg)],
            )
            .map_err(fail())?;
        }
        if let Some((exercise, l)) = lift {
            tx.execute(
                "UPDATE program_lift SET max_kg = ?3, tm_kg = ?4, short_in_cycle = ?5
                 WHERE assignment_id = ?1 AND exercise = ?2",
                params![
                    id.0,
                    exercise,
                    l.max.map(Weight::kg),
                    l.tm.map(Weight::kg),
                    i64::from(l.short_in_cycle)
                ],
            )
            .map_err(fail())?;
        }
        self.commit(tx, "suppress the change")
    }

    /// Records a change (inside the caller's transaction).
    fn insert_change(
        &self,
        id: AssignmentId,
        c: &NewChange,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT INTO program_change (program_id, assignment_id, made_at, kind, slot, status, reason, detail)
                 SELECT program_id, id, ?2, ?3, ?4, ?5, ?6, ?7 FROM assignment WHERE id = ?1",
                params![id.0, to_millis(at), c.kind, c.slot, c.status, c.reason, c.detail],
            )
            .map_err(self.fail("record the program change"))?;
        Ok(())
    }

    /// Records an edit of a program (not of a run) in its modification history.
    pub fn record_program_edit(
        &self,
        program: ProgramId,
        reason: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tx = self.write()?;
        tx.execute(
            "INSERT INTO program_change (program_id, made_at, kind, status, reason) VALUES (?1, ?2, 'edit', 'applied', ?3)",
            params![program.0, to_millis(at), reason],
        )
        .map_err(self.fail("record the program edit"))?;
        self.commit(tx, "record the program edit")
    }

    /// Pauses the running program from `day`, resumes it on `day`, or ends it (finished or
    /// abandoned) on `day`.
    pub fn set_program_status(
        &self,
        id: AssignmentId,
        to: RunStatus,
        day: NaiveDate,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tx = self.write()?;
        let fail = || self.fail("change the program's status");
        let now: String = tx
            .query_row("SELECT status FROM assignment WHERE id = ?1", [id.0], |r| {
                r.get(0)
            })
            .optional()
            .map_err(fail())?
            .ok_or(StoreError::NotFound {
                what: "program run",
                id: id.0,
            })?;
        let from = RunStatus::from_code(&now)
            .ok_or_else(|| StoreError::corrupt("assignment", id.0, format!("status {now:?}")))?;
        let allowed = matches!(
            (from, to),
            (
                RunStatus::Active,
                RunStatus::Paused | RunStatus::Finished | RunStatus::Abandoned
            ) | (
                RunStatus::Paused,
                RunStatus::Active | RunStatus::Finished | RunStatus::Abandoned
            )
        );
        if !allowed {
            return Err(StoreError::Invalid(format!(
                "the program is {} and cannot be {}",
                from.code(),
                match to {
                    RunStatus::Active => "resumed",
                    RunStatus::Paused => "paused",
                    RunStatus::Finished => "finished",
                    RunStatus::Abandoned => "abandoned",
                }
            )));
        }
        match to {
            RunStatus::Paused => tx.execute(
                "INSERT INTO assignment_pause (assignment_id, from_day) VALUES (?1, ?2)",
                params![id.0, day_text(day)],
            ),
            _ if from == RunStatus::Paused => tx.execute(
                "UPDATE assignment_pause SET until_day = ?2 WHERE assignment_id = ?1 AND until_day IS NULL",
                params![id.0, day_text(day)],
            ),
            _ => Ok(0),
        }
        .map_err(fail())?;
        let ended = matches!(to, RunStatus::Finished | RunStatus::Abandoned).then(|| day_text(day));
        tx.execute(
            "UPDATE assignment SET status = ?2, ended_on = ?3 WHERE id = ?1",
            params![id.0, to.code(), ended],
        )
        .map_err(fail())?;
        self.insert_change(
            id,
            &NewChange {
                kind: "schedule",
                slot: None,
                status: "applied",
                reason: format!(
                    "{} on {day}",
                    match to {
                        RunStatus::Active => "resumed",
                        RunStatus::Paused => "paused",
                        RunStatus::Finished => "finished",
                        RunStatus::Abandoned => "abandoned",
                    }
                ),
                detail: "{}".into(),
            },
            at,
        )?;
        self.commit(tx, "change the program's status")
    }

    /// Moves a run to its program's newest version (after an edit): the days ahead follow it.
    pub fn use_program_version(
        &self,
        id: AssignmentId,
        program: ProgramId,
    ) -> Result<(), StoreError> {
        let tx = self.write()?;
        self.update_one(
            "program run",
            id.0,
            "UPDATE assignment SET version_id =
               (SELECT id FROM program_version WHERE program_id = ?2 ORDER BY version DESC LIMIT 1)
             WHERE id = ?1",
            params![id.0, program.0],
            "move the run to the new version",
        )?;
        self.commit(tx, "move the run to the new version")
    }

    /// A program's modification history, oldest first.
    pub fn program_changes(&self, program: ProgramId) -> Result<Vec<ChangeRow>, StoreError> {
        let rows: Vec<ChangeTuple> = self
            .conn
            .prepare_cached(
                "SELECT id, assignment_id, made_at, kind, slot, status, reason, detail
                 FROM program_change WHERE program_id = ?1 ORDER BY made_at, id",
            )
            .and_then(|mut stmt| {
                stmt.query_map([program.0], |r| {
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
                })?
                .collect()
            })
            .map_err(self.fail("read the program's changes"))?;
        rows.into_iter()
            .map(|(id, run, at, kind, slot, status, reason, detail)| {
                Ok(ChangeRow {
                    id,
                    run: run.map(AssignmentId),
                    at: from_millis(at, "program_change", id)?,
                    kind,
                    slot,
                    status,
                    reason,
                    detail,
                })
            })
            .collect()
    }
}

impl Store {
    /// A trained program day's session is being deleted (inside the caller's transaction): each
    /// change it made that no later session built on is taken back — its slot and lift restored
    /// to the state kept with it — and recorded as suppressed, saying why.
    pub(super) fn take_back_program_day(&self, session: i64) -> Result<(), StoreError> {
        let fail = || self.fail("take back the deleted session's program changes");
        let rows: Vec<(i64, i64, Option<String>, String)> = self
            .conn
            .prepare(
                "SELECT id, assignment_id, slot, detail FROM program_change
                 WHERE kind = 'progression' AND status = 'applied' AND detail LIKE ?1",
            )
            .and_then(|mut stmt| {
                stmt.query_map([format!("%\"session\":{session}%")], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                })?
                .collect()
            })
            .map_err(fail())?;
        for (id, assignment, slot, detail) in rows {
            let detail: serde_json::Value = serde_json::from_str(&detail).unwrap_or_default();
            if detail.get("session").and_then(serde_json::Value::as_i64) != Some(session) {
                continue;
            }
            let later: i64 = self
                .conn
                .query_row(
                    "SELECT count(*) FROM program_change WHERE assignment_id = ?1 AND slot IS ?2
                     AND kind = 'progression' AND status = 'applied' AND id > ?3",
                    params![assignment, slot, id],
                    |r| r.get(0),
                )
                .map_err(fail())?;
            if later > 0 {
                continue;
            }
            let f = |v: &serde_json::Value, k: &str| v.get(k).and_then(serde_json::Value::as_f64);
            if let (Some(slot), Some(before)) = (&slot, detail.get("before_slot")) {
                self.conn
                    .execute(
                        "UPDATE program_slot SET working_kg = ?3, stage = ?4, fails = ?5,
                         first_stage_kg = ?6 WHERE assignment_id = ?1 AND slot = ?2",
                        params![
                            assignment,
                            slot,
                            f(before, "working_kg"),
                            before
                                .get("stage")
                                .and_then(serde_json::Value::as_i64)
                                .unwrap_or(0),
                            before
                                .get("fails")
                                .and_then(serde_json::Value::as_i64)
                                .unwrap_or(0),
                            f(before, "first_stage_kg")
                        ],
                    )
                    .map_err(fail())?;
            }
            if let Some(before) = detail.get("before_lift")
                && let Some(exercise) = before.get("exercise").and_then(serde_json::Value::as_str)
            {
                self.conn
                    .execute(
                        "UPDATE program_lift SET max_kg = ?3, tm_kg = ?4, short_in_cycle = ?5
                         WHERE assignment_id = ?1 AND exercise = ?2",
                        params![
                            assignment,
                            exercise,
                            f(before, "max_kg"),
                            f(before, "tm_kg"),
                            i64::from(
                                before
                                    .get("short_in_cycle")
                                    .and_then(serde_json::Value::as_bool)
                                    .unwrap_or(false)
                            )
                        ],
                    )
                    .map_err(fail())?;
            }
            self.conn
                .execute(
                    "UPDATE program_change SET status = 'suppressed',
                     reason = reason || ' — taken back: its session was deleted' WHERE id = ?1",
                    [id],
                )
                .map_err(fail())?;
        }
        Ok(())
    }
}
