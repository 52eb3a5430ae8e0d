-- Why: the first schema: profile, exercise catalogue, sessions with their exercises and sets.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE profile (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    unit           TEXT NOT NULL CHECK (unit IN ('kg', 'lb')),
    body_weight_kg REAL NOT NULL,
    sex            TEXT NOT NULL CHECK (sex IN ('m', 'f')),
    birth_year     INTEGER NOT NULL,
    hr_max         INTEGER NOT NULL,
    hr_rest        INTEGER NOT NULL,
    lthr           INTEGER,
    bar_kg         REAL NOT NULL,
    plates_kg      TEXT NOT NULL DEFAULT '[]'
) STRICT;

CREATE TABLE exercise (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind       TEXT NOT NULL,
    equipment  TEXT NOT NULL,
    mechanics  TEXT NOT NULL,
    muscles    TEXT NOT NULL DEFAULT '[]',
    aliases    TEXT NOT NULL DEFAULT '[]',
    custom     INTEGER NOT NULL DEFAULT 0 CHECK (custom IN (0, 1)),
    created_at INTEGER NOT NULL
) STRICT;

-- body_weight_kg: the profile's body weight when the session was finished, so later edits
-- recompute the stored volume the same way. sets/volume_kg/exercises: the stored summary.
CREATE TABLE session (
    id             INTEGER PRIMARY KEY,
    started_at     INTEGER NOT NULL,
    ended_at       INTEGER,
    status         TEXT NOT NULL DEFAULT 'active'
                   CHECK (status IN ('active', 'finished', 'abandoned')),
    title          TEXT NOT NULL DEFAULT '',
    rpe            INTEGER CHECK (rpe BETWEEN 0 AND 10),
    notes          TEXT NOT NULL DEFAULT '',
    body_weight_kg REAL,
    sets           INTEGER NOT NULL DEFAULT 0,
    volume_kg      REAL NOT NULL DEFAULT 0,
    exercises      INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX session_by_start ON session (started_at);
CREATE INDEX session_active ON session (started_at) WHERE status = 'active';

CREATE TABLE session_exercise (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    exercise_id INTEGER NOT NULL REFERENCES exercise (id),
    position    INTEGER NOT NULL,
    superset    INTEGER CHECK (superset >= 0),
    notes       TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX session_exercise_by_session ON session_exercise (session_id, position);
CREATE INDEX session_exercise_by_exercise ON session_exercise (exercise_id);

-- weight_kg: external load, or for bodyweight = 1 the extra load (negative = assisted).
CREATE TABLE set_entry (
    id                  INTEGER PRIMARY KEY,
    session_exercise_id INTEGER NOT NULL REFERENCES session_exercise (id) ON DELETE CASCADE,
    position            INTEGER NOT NULL,
    kind                TEXT NOT NULL
                        CHECK (kind IN ('warmup', 'working', 'drop', 'failure', 'amrap')),
    weight_kg           REAL,
    bodyweight          INTEGER NOT NULL DEFAULT 0 CHECK (bodyweight IN (0, 1)),
    reps                INTEGER,
    rpe                 REAL,
    rir                 REAL,
    effort_entered      TEXT CHECK (effort_entered IN ('rpe', 'rir')),
    duration_s          INTEGER,
    distance_m          REAL,
    completed_at        INTEGER NOT NULL,
    e1rm_kg             REAL
) STRICT;

CREATE INDEX set_entry_by_slot ON set_entry (session_exercise_id, position);
CREATE INDEX set_entry_by_time ON set_entry (completed_at);
