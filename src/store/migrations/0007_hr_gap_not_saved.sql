-- Why: heart rate the app had to give up because the disk was full or a write failed is recorded as a gap with that reason.

-- SQLite cannot change a CHECK constraint in place: the table is rebuilt with the wider one and
-- its rows copied over (no other table refers to hr_gap).
CREATE TABLE hr_gap_new (
    session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    from_ms    INTEGER NOT NULL CHECK (from_ms >= 0),
    to_ms      INTEGER NOT NULL,
    reason     TEXT NOT NULL CHECK (
        reason IN ('no_contact', 'silent', 'disconnected', 'disk_full', 'write_failed')
    ),
    PRIMARY KEY (session_id, from_ms),
    CHECK (to_ms > from_ms)
) STRICT, WITHOUT ROWID;

INSERT INTO hr_gap_new (session_id, from_ms, to_ms, reason)
    SELECT session_id, from_ms, to_ms, reason FROM hr_gap;

DROP TABLE hr_gap;

ALTER TABLE hr_gap_new RENAME TO hr_gap;
