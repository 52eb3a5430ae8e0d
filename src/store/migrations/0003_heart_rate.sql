-- Why: heart rate per session: 1 Hz samples with their RR intervals, recorded gaps, each set's HR, and stored summaries.

-- One row per strap notification; offset_ms counts from session.started_at. rr holds the RR
-- intervals that came with the notification, each a little-endian uint16 in 1/1024 s (the strap's
-- own unit, so nothing is lost), NULL when none came. RR ride on the sample row instead of a table
-- of their own because a row per interval costs ~14 bytes: a 60 bpm hour would take ~110 KiB
-- against the 100 KB budget (performance.md); this way it is ~65 KiB (see the store's tests).
CREATE TABLE hr_sample (
    session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    offset_ms  INTEGER NOT NULL CHECK (offset_ms >= 0),
    bpm        INTEGER NOT NULL CHECK (bpm BETWEEN 20 AND 250),
    rr         BLOB CHECK (rr IS NULL OR (length(rr) > 0 AND length(rr) % 2 = 0)),
    PRIMARY KEY (session_id, offset_ms)
) STRICT, WITHOUT ROWID;

-- A stretch without usable heart rate: no sample lies strictly between from_ms and to_ms.
CREATE TABLE hr_gap (
    session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    from_ms    INTEGER NOT NULL CHECK (from_ms >= 0),
    to_ms      INTEGER NOT NULL,
    reason     TEXT NOT NULL CHECK (reason IN ('no_contact', 'silent', 'disconnected')),
    PRIMARY KEY (session_id, from_ms),
    CHECK (to_ms > from_ms)
) STRICT, WITHOUT ROWID;

-- The heart rate of a set (bpm); recovery = the drop from hr_end 30 / 60 s after the set.
ALTER TABLE set_entry ADD COLUMN hr_start INTEGER;
ALTER TABLE set_entry ADD COLUMN hr_end INTEGER;
ALTER TABLE set_entry ADD COLUMN hr_peak INTEGER;
ALTER TABLE set_entry ADD COLUMN hr_recovery_30 INTEGER;
ALTER TABLE set_entry ADD COLUMN hr_recovery_60 INTEGER;

-- The HR settings the session was recorded with, so old sessions keep their zones and load.
ALTER TABLE session ADD COLUMN hr_max INTEGER;
ALTER TABLE session ADD COLUMN hr_rest INTEGER;
ALTER TABLE session ADD COLUMN lthr INTEGER;
ALTER TABLE session ADD COLUMN zone_model TEXT
    CHECK (zone_model IN ('karvonen', 'friel_run', 'friel_bike'));

-- The stored HR summary (charts read these, never hr_sample). avg_hr is time-weighted, hr_s the
-- seconds with heart rate, z0_s … z6_s the seconds in each zone (Karvonen uses z0–z5, Friel z0–z6).
ALTER TABLE session ADD COLUMN avg_hr REAL;
ALTER TABLE session ADD COLUMN max_hr INTEGER;
ALTER TABLE session ADD COLUMN hr_s INTEGER;
ALTER TABLE session ADD COLUMN trimp REAL;
ALTER TABLE session ADD COLUMN hrtss REAL;
ALTER TABLE session ADD COLUMN rmssd REAL;
ALTER TABLE session ADD COLUMN rr_dropped INTEGER;
ALTER TABLE session ADD COLUMN z0_s INTEGER;
ALTER TABLE session ADD COLUMN z1_s INTEGER;
ALTER TABLE session ADD COLUMN z2_s INTEGER;
ALTER TABLE session ADD COLUMN z3_s INTEGER;
ALTER TABLE session ADD COLUMN z4_s INTEGER;
ALTER TABLE session ADD COLUMN z5_s INTEGER;
ALTER TABLE session ADD COLUMN z6_s INTEGER;
