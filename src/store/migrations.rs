//! Schema migrations: append-only SQL files, applied in order inside one transaction.
//!
//! `PRAGMA user_version` is the number of migrations applied. A shipped migration is never
//! edited; a change to the schema is a new file at the end of [`MIGRATIONS`].

use rusqlite::{Connection, Transaction, TransactionBehavior};

/// The migrations, oldest first. Each starts with a one-line `-- why` comment.
pub const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_progression.sql"),
    include_str!("migrations/0003_heart_rate.sql"),
    include_str!("migrations/0004_review.sql"),
    include_str!("migrations/0005_slot_volume.sql"),
    include_str!("migrations/0006_trained_time.sql"),
    include_str!("migrations/0007_hr_gap_not_saved.sql"),
    include_str!("migrations/0008_programs.sql"),
];

/// The schema version that stored each slot's volume and re-read e1RMs by the lifter's RPE habit
/// (a database upgraded past it has its summaries, e1RMs and records recomputed once).
pub const SLOT_VOLUME: u32 = 5;

/// The schema version this build creates and understands.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// Marks a database file as ironpulse's (`PRAGMA application_id`, ASCII `IrPu`).
pub const APPLICATION_ID: i32 = 0x4972_5075;

/// The schema version stored in the database.
pub(crate) fn user_version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// Applies the migrations in `migrations` that the database has not seen yet, all in one
/// transaction; returns how many were applied. The caller has refused newer schemas already.
pub(crate) fn apply(conn: &Connection, migrations: &[&str]) -> rusqlite::Result<usize> {
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let current = user_version(&tx)? as usize;
    let pending = migrations.get(current..).unwrap_or_default();
    if pending.is_empty() {
        return Ok(0);
    }
    if current == 0 {
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    }
    for sql in pending {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", migrations.len() as u32)?;
    tx.commit()?;
    Ok(pending.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fresh() -> Connection {
        Connection::open_in_memory().unwrap()
    }

    fn tables(conn: &Connection) -> Vec<String> {
        let mut stmt = conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    #[test]
    fn a_fresh_database_reaches_the_newest_schema() {
        let conn = fresh();
        assert_eq!(apply(&conn, MIGRATIONS).unwrap(), MIGRATIONS.len());
        assert_eq!(user_version(&conn).unwrap(), SCHEMA_VERSION);
        let app_id: i32 = conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .unwrap();
        assert_eq!(app_id, APPLICATION_ID);
        assert_eq!(
            tables(&conn),
            [
                "assignment",
                "assignment_pause",
                "deload_week",
                "exercise",
                "exercise_rule",
                "hr_gap",
                "hr_sample",
                "hrv_reading",
                "meta",
                "personal_record",
                "profile",
                "program",
                "program_change",
                "program_lift",
                "program_slot",
                "program_version",
                "schedule_mark",
                "session",
                "session_exercise",
                "set_entry",
            ]
        );
    }

    #[test]
    fn applying_twice_is_a_no_op() {
        let conn = fresh();
        apply(&conn, MIGRATIONS).unwrap();
        let before = tables(&conn);
        assert_eq!(apply(&conn, MIGRATIONS).unwrap(), 0);
        assert_eq!(tables(&conn), before);
        assert_eq!(user_version(&conn).unwrap(), SCHEMA_VERSION);
    }

    #[test]
    fn the_recompute_marker_names_the_slot_volume_migration() {
        // Renumbering the migrations must move SLOT_VOLUME with its file.
        let at = MIGRATIONS[SLOT_VOLUME as usize - 1];
        assert!(
            at.contains("ALTER TABLE session_exercise ADD COLUMN volume_kg"),
            "{at}"
        );
    }

    #[test]
    fn every_migration_starts_with_a_why_comment() {
        for (i, sql) in MIGRATIONS.iter().enumerate() {
            let first = sql.lines().next().unwrap_or_default();
            assert!(
                first.starts_with("-- ") && first.len() > 10,
                "migration {} must start with a one-line `-- why` comment, got {first:?}",
                i + 1
            );
        }
    }

    #[test]
    fn migrations_are_applied_in_one_transaction() {
        let conn = fresh();
        let broken = [
            "-- why: first\nCREATE TABLE a (x INTEGER);",
            "-- why: second, broken\nCREATE TABLE b (x INTEGER); SELECT * FROM no_such_table;",
        ];
        assert!(apply(&conn, &broken).is_err());
        assert!(tables(&conn).is_empty(), "nothing of a failed run may stay");
        assert_eq!(user_version(&conn).unwrap(), 0);
        let app_id: i32 = conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .unwrap();
        assert_eq!(app_id, 0);
    }

    #[test]
    fn widening_the_gap_reasons_keeps_every_stored_gap() {
        let conn = fresh();
        apply(&conn, &MIGRATIONS[..4]).unwrap();
        conn.execute_batch(
            "INSERT INTO session (id, started_at, title, status) VALUES (1, 0, 'Legs', 'finished');
             INSERT INTO hr_gap VALUES (1, 1000, 5000, 'silent'), (1, 9000, 12000, 'no_contact');",
        )
        .unwrap();
        assert!(
            conn.execute(
                "INSERT INTO hr_gap VALUES (1, 20000, 30000, 'disk_full')",
                []
            )
            .is_err(),
            "schema 4 knows no disk_full"
        );
        apply(&conn, MIGRATIONS).unwrap();
        let gaps: Vec<(i64, i64, String)> = conn
            .prepare("SELECT from_ms, to_ms, reason FROM hr_gap ORDER BY from_ms")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            gaps,
            [
                (1000, 5000, "silent".to_string()),
                (9000, 12000, "no_contact".to_string())
            ]
        );
        conn.execute(
            "INSERT INTO hr_gap VALUES (1, 20000, 30000, 'disk_full')",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO hr_gap VALUES (1, 40000, 50000, 'write_failed')",
            [],
        )
        .unwrap();
        assert!(
            conn.execute("INSERT INTO hr_gap VALUES (1, 60000, 70000, 'lost')", [])
                .is_err()
        );
        // Still a child of its session, and still without rowid.
        conn.execute_batch("PRAGMA foreign_keys = ON; DELETE FROM session WHERE id = 1;")
            .unwrap();
        let left: i64 = conn
            .query_row("SELECT count(*) FROM hr_gap", [], |r| r.get(0))
            .unwrap();
        assert_eq!(left, 0);
        assert!(conn.prepare("SELECT rowid FROM hr_gap").is_err());
    }

    #[test]
    fn later_migrations_apply_on_top_of_earlier_ones() {
        let conn = fresh();
        let first = ["-- why: one\nCREATE TABLE a (x INTEGER);"];
        assert_eq!(apply(&conn, &first).unwrap(), 1);
        let both = [first[0], "-- why: two\nALTER TABLE a ADD COLUMN y INTEGER;"];
        assert_eq!(apply(&conn, &both).unwrap(), 1);
        assert_eq!(user_version(&conn).unwrap(), 2);
        conn.execute("INSERT INTO a (x, y) VALUES (1, 2)", [])
            .unwrap();
    }

    #[test]
    fn sessions_stored_before_the_training_time_get_it_without_their_idle_gaps() {
        let conn = fresh();
        apply(&conn, &MIGRATIONS[..4]).unwrap();
        let min = |m: i64| 1_767_600_000_000_i64 + m * 60_000;
        conn.execute_batch(&format!(
            "INSERT INTO exercise (id, name, kind, equipment, mechanics, created_at)
                 VALUES (1, 'Squat', 'strength', 'barbell', 'compound', 0);
             INSERT INTO session (id, started_at, ended_at, status) VALUES
                 (1, {}, {}, 'finished'),
                 (2, {}, {}, 'finished'),
                 (3, {}, NULL, 'active');
             INSERT INTO session_exercise (id, session_id, exercise_id, position) VALUES
                 (1, 1, 1, 1), (2, 2, 1, 1);
             INSERT INTO set_entry (session_exercise_id, position, kind, reps, completed_at) VALUES
                 (1, 1, 'working', 5, {}), (1, 2, 'working', 5, {}),
                 (2, 1, 'working', 5, {});",
            // Session 1: sets at 10 and 60 min, finished three days later.
            min(0),
            min(3 * 24 * 60),
            // Session 2: a set at 20 min, finished at 75.
            min(1000),
            min(1075),
            min(5000),
            min(10),
            min(60),
            min(1020),
        ))
        .unwrap();
        apply(&conn, MIGRATIONS).unwrap();
        let trained: Vec<Option<i64>> = conn
            .prepare("SELECT trained_s FROM session ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(trained, [Some(3600), Some(75 * 60), Some(0)]);
    }
}
