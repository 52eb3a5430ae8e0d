//! The lifter's own programs and every version of their text.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension as _, params};

use super::{Store, StoreError, from_millis, to_millis};

/// A program's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProgramId(pub i64);

/// A stored program and its newest version.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredProgram {
    pub id: ProgramId,
    pub name: String,
    /// The built-in it was cloned from (its file name), if any.
    pub builtin: Option<String>,
    pub archived: bool,
    pub version: u32,
    pub version_id: i64,
    pub text: String,
}

/// One version of a program's text.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgramVersion {
    pub id: i64,
    pub version: u32,
    pub text: String,
    /// What changed: "created", "edited", "accepted: reset Back Squat 10 %".
    pub note: String,
    pub at: DateTime<Utc>,
}

const LATEST: &str = "SELECT p.id, p.name, p.builtin, p.archived, v.version, v.id, v.text
     FROM program p JOIN program_version v ON v.program_id = p.id
     WHERE v.version = (SELECT MAX(version) FROM program_version WHERE program_id = p.id)";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredProgram> {
    Ok(StoredProgram {
        id: ProgramId(r.get(0)?),
        name: r.get(1)?,
        builtin: r.get(2)?,
        archived: r.get::<_, i64>(3)? != 0,
        version: r.get(4)?,
        version_id: r.get(5)?,
        text: r.get(6)?,
    })
}

impl Store {
    /// Keeps a new program (version 1 of `text`, already checked by the caller).
    pub fn create_program(
        &self,
        name: &str,
        builtin: Option<&str>,
        text: &str,
        note: &str,
        at: DateTime<Utc>,
    ) -> Result<ProgramId, StoreError> {
        let tx = self.write()?;
        let fail = || self.fail("save the program");
        tx.execute(
            "INSERT INTO program (name, builtin, created_at) VALUES (?1, ?2, ?3)",
            params![name, builtin, to_millis(at)],
        )
        .map_err(fail())?;
        let id = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO program_version (program_id, version, text, note, created_at)
             VALUES (?1, 1, ?2, ?3, ?4)",
            params![id, text, note, to_millis(at)],
        )
        .map_err(fail())?;
        self.commit(tx, "save the program")?;
        Ok(ProgramId(id))
    }

    /// Keeps a new version of a program's text (its name follows the text's); returns its
    /// number. Nothing is stored when the text is the same as the newest version's.
    pub fn add_program_version(
        &self,
        id: ProgramId,
        name: &str,
        text: &str,
        note: &str,
        at: DateTime<Utc>,
    ) -> Result<u32, StoreError> {
        let tx = self.write()?;
        let fail = || self.fail("save the program's new version");
        let latest: Option<(u32, String)> = tx
            .query_row(
                "SELECT version, text FROM program_version WHERE program_id = ?1
                 ORDER BY version DESC LIMIT 1",
                [id.0],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(fail())?;
        let Some((version, old)) = latest else {
            return Err(StoreError::NotFound {
                what: "program",
                id: id.0,
            });
        };
        if old == text {
            return Ok(version);
        }
        tx.execute(
            "INSERT INTO program_version (program_id, version, text, note, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id.0, version + 1, text, note, to_millis(at)],
        )
        .map_err(fail())?;
        tx.execute(
            "UPDATE program SET name = ?2 WHERE id = ?1",
            params![id.0, name],
        )
        .map_err(fail())?;
        self.commit(tx, "save the program's new version")?;
        Ok(version + 1)
    }

    /// Every program with its newest version, archived ones last, by name.
    pub fn programs(&self) -> Result<Vec<StoredProgram>, StoreError> {
        self.conn
            .prepare_cached(&format!(
                "{LATEST} ORDER BY p.archived, p.name COLLATE NOCASE, p.id"
            ))
            .and_then(|mut stmt| stmt.query_map([], row)?.collect())
            .map_err(self.fail("read the programs"))
    }

    pub fn program(&self, id: ProgramId) -> Result<Option<StoredProgram>, StoreError> {
        self.conn
            .prepare_cached(&format!("{LATEST} AND p.id = ?1"))
            .and_then(|mut stmt| stmt.query_row([id.0], row).optional())
            .map_err(self.fail("read the program"))
    }

    /// A program's versions, oldest first.
    pub fn program_versions(&self, id: ProgramId) -> Result<Vec<ProgramVersion>, StoreError> {
        let rows: Vec<(i64, u32, String, String, i64)> = self
            .conn
            .prepare_cached(
                "SELECT id, version, text, note, created_at FROM program_version
                 WHERE program_id = ?1 ORDER BY version",
            )
            .and_then(|mut stmt| {
                stmt.query_map([id.0], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                })?
                .collect()
            })
            .map_err(self.fail("read the program's versions"))?;
        rows.into_iter()
            .map(|(vid, version, text, note, at)| {
                Ok(ProgramVersion {
                    id: vid,
                    version,
                    text,
                    note,
                    at: from_millis(at, "program_version", vid)?,
                })
            })
            .collect()
    }

    /// Archives a program (kept, out of the list) or brings it back.
    pub fn archive_program(&self, id: ProgramId, archived: bool) -> Result<(), StoreError> {
        let tx = self.write()?;
        self.update_one(
            "program",
            id.0,
            "UPDATE program SET archived = ?2 WHERE id = ?1",
            params![id.0, i64::from(archived)],
            "archive the program",
        )?;
        self.commit(tx, "archive the program")
    }

    /// Deletes a program and its versions; one that was ever run is archived instead (its
    /// history stays true). Returns whether it was deleted.
    pub fn delete_program(&self, id: ProgramId) -> Result<bool, StoreError> {
        let tx = self.write()?;
        let runs: i64 = tx
            .query_row(
                "SELECT count(*) FROM assignment WHERE program_id = ?1",
                [id.0],
                |r| r.get(0),
            )
            .map_err(self.fail("delete the program"))?;
        let sql = if runs > 0 {
            "UPDATE program SET archived = 1 WHERE id = ?1"
        } else {
            "DELETE FROM program WHERE id = ?1"
        };
        self.update_one("program", id.0, sql, params![id.0], "delete the program")?;
        self.commit(tx, "delete the program")?;
        Ok(runs == 0)
    }
}
