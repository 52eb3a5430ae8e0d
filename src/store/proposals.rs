//! Adaptive proposals: recorded as `proposed` changes of the running program, then accepted
//! (applied in the same transaction) or declined — the modification history keeps both.

use chrono::{DateTime, Days, NaiveDate, Utc};
use rusqlite::{OptionalExtension as _, params};

use super::assignments::{AssignmentId, NewChange};
use super::{Store, StoreError, to_millis};
use crate::core::program::parse;

/// What a proposal's detail asks for, as stored (JSON written by the caller).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
enum Apply {
    Reset { slot: String, to_kg: f64 },
    FewerSets { slot: String, to: u16 },
    TmCut { exercise: String, to_kg: f64 },
    DeloadWeek,
}

impl Store {
    /// The slot's lines do `to` sets: a new version of the program's text, the run moved to it
    /// (inside the caller's transaction).
    fn fewer_sets(
        &self,
        assignment: i64,
        program: i64,
        slot: &str,
        to: u16,
        reason: &str,
        at: DateTime<Utc>,
    ) -> Result<String, StoreError> {
        let fail = || self.fail("accept the proposal");
        let (version, text): (u32, String) = self
            .conn
            .query_row(
                "SELECT version, text FROM program_version WHERE program_id = ?1 ORDER BY version DESC LIMIT 1",
                [program],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(fail())?;
        let mut parsed = parse(&text).map_err(|e| {
            StoreError::Invalid(format!(
                "the program's text does not read ({e}); edit it first"
            ))
        })?;
        for line in parsed
            .weeks
            .iter_mut()
            .flat_map(|w| &mut w.days)
            .flat_map(|d| &mut d.lines)
        {
            if line.key() == slot
                && let Some(first) = line.groups.first_mut()
            {
                first.sets = to;
            }
        }
        self.conn
            .execute(
                "INSERT INTO program_version (program_id, version, text, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![program, version + 1, parsed.to_string(), format!("accepted: {reason}"), to_millis(at)],
            )
            .map_err(fail())?;
        self.conn
            .execute(
                "UPDATE assignment SET version_id = last_insert_rowid() WHERE id = ?1",
                [assignment],
            )
            .map_err(fail())?;
        Ok(format!(
            "{slot} now does {to} sets (version {})",
            version + 1
        ))
    }

    /// Records proposals for the run (kind `adaptive`, status `proposed`).
    pub fn propose_program_changes(
        &self,
        id: AssignmentId,
        proposals: &[NewChange],
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tx = self.write()?;
        for p in proposals {
            self.insert_proposal(id, p, at)?;
        }
        self.commit(tx, "record the proposals")
    }

    fn insert_proposal(
        &self,
        id: AssignmentId,
        p: &NewChange,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT INTO program_change (program_id, assignment_id, made_at, kind, slot, status, reason, detail)
                 SELECT program_id, id, ?2, 'adaptive', ?3, 'proposed', ?4, ?5 FROM assignment WHERE id = ?1",
                params![id.0, to_millis(at), p.slot, p.reason, p.detail],
            )
            .map_err(self.fail("record the proposal"))?;
        Ok(())
    }

    /// Accepts (applying it) or declines a proposal of the running program; returns what was
    /// done, in words.
    pub fn decide_proposal(
        &self,
        change: i64,
        accept: bool,
        today: NaiveDate,
        at: DateTime<Utc>,
    ) -> Result<String, StoreError> {
        let tx = self.write()?;
        let fail = || self.fail("decide the proposal");
        let row: Option<(i64, i64, String, String)> = tx
            .query_row(
                "SELECT c.assignment_id, c.program_id, c.reason, c.detail FROM program_change c
                 JOIN assignment a ON a.id = c.assignment_id
                 WHERE c.id = ?1 AND c.status = 'proposed' AND a.status IN ('active', 'paused')",
                [change],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()
            .map_err(fail())?;
        let Some((assignment, program, reason, detail)) = row else {
            return Err(StoreError::Invalid(format!(
                "no open proposal {change}: `ironpulse program status` lists them"
            )));
        };
        let status = if accept { "accepted" } else { "declined" };
        tx.execute(
            "UPDATE program_change SET status = ?2, made_at = ?3 WHERE id = ?1",
            params![change, status, to_millis(at)],
        )
        .map_err(fail())?;
        if !accept {
            self.commit(tx, "decline the proposal")?;
            return Ok(format!("Declined: {reason}"));
        }
        let apply: Apply = serde_json::from_str(&detail)
            .map_err(|e| StoreError::corrupt("program_change", change, format!("detail: {e}")))?;
        let done = match apply {
            Apply::Reset { slot, to_kg } => {
                tx.execute(
                    "UPDATE program_slot SET working_kg = ?3, fails = 0 WHERE assignment_id = ?1 AND slot = ?2",
                    params![assignment, slot, to_kg],
                )
                .map_err(fail())?;
                format!(
                    "{slot} starts again at {} kg",
                    crate::core::units::format_number(to_kg)
                )
            }
            Apply::TmCut { exercise, to_kg } => {
                tx.execute(
                    "UPDATE program_lift SET tm_kg = ?3, short_in_cycle = 0 WHERE assignment_id = ?1 AND exercise = ?2",
                    params![assignment, exercise, to_kg],
                )
                .map_err(fail())?;
                format!(
                    "{exercise}'s training max is now {} kg",
                    crate::core::units::format_number(to_kg)
                )
            }
            Apply::DeloadWeek => {
                let end = today.checked_add_days(Days::new(6)).unwrap_or(today);
                tx.execute(
                    "INSERT INTO deload_week (started_on, ended_on, note) VALUES (?1, ?2, ?3)",
                    params![
                        today.format("%Y-%m-%d").to_string(),
                        end.format("%Y-%m-%d").to_string(),
                        "proposed by the program"
                    ],
                )
                .map_err(fail())?;
                format!("a deload week is recorded from {today} to {end}")
            }
            Apply::FewerSets { slot, to } => {
                self.fewer_sets(assignment, program, &slot, to, &reason, at)?
            }
        };
        self.commit(tx, "accept the proposal")?;
        Ok(format!("Accepted: {done}."))
    }
}
