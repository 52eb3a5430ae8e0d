-- Why: programs — the lifter's own (every version kept), the one they run on the calendar, what they recorded of its days, its lifts' progress, and every change made or proposed.

-- A program the lifter keeps: written from scratch, cloned from a built-in, or saved from a session.
CREATE TABLE program (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    builtin    TEXT,
    archived   INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at INTEGER NOT NULL
) STRICT;

-- Every version of a program's text, the newest the one in use; `note` says what changed.
CREATE TABLE program_version (
    id         INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES program (id) ON DELETE CASCADE,
    version    INTEGER NOT NULL CHECK (version >= 1),
    text       TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    UNIQUE (program_id, version)
) STRICT;

-- A program put on the calendar: from a start day, on training weekdays ("mon,wed,fri"), a missed
-- day shifting the plan or marked missed. One runs (active or paused) at a time.
CREATE TABLE assignment (
    id         INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES program (id),
    version_id INTEGER NOT NULL REFERENCES program_version (id),
    start_day  TEXT NOT NULL,
    weekdays   TEXT NOT NULL,
    policy     TEXT NOT NULL CHECK (policy IN ('shift', 'mark')),
    status     TEXT NOT NULL CHECK (status IN ('active', 'paused', 'finished', 'abandoned')),
    ended_on   TEXT,
    created_at INTEGER NOT NULL
) STRICT;

CREATE UNIQUE INDEX one_running_program ON assignment ((1)) WHERE status IN ('active', 'paused');

-- Spans the program was paused: from a day, up to (not including) another; open while paused.
CREATE TABLE assignment_pause (
    assignment_id INTEGER NOT NULL REFERENCES assignment (id) ON DELETE CASCADE,
    from_day      TEXT NOT NULL,
    until_day     TEXT
) STRICT;

-- What the lifter recorded of the program's Nth training day (`seq`): trained (with the session,
-- deleted with it, and the sets it prescribed), skipped, moved to a day, or marked missed.
CREATE TABLE schedule_mark (
    id            INTEGER PRIMARY KEY,
    assignment_id INTEGER NOT NULL REFERENCES assignment (id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL CHECK (seq >= 0),
    mark          TEXT NOT NULL CHECK (mark IN ('done', 'skipped', 'moved', 'missed')),
    day           TEXT,
    session_id    INTEGER REFERENCES session (id) ON DELETE CASCADE,
    targets       TEXT NOT NULL DEFAULT '[]',
    created_at    INTEGER NOT NULL
) STRICT;

CREATE INDEX schedule_mark_by_assignment ON schedule_mark (assignment_id, seq);
CREATE INDEX schedule_mark_by_session ON schedule_mark (session_id) WHERE session_id IS NOT NULL;

-- Each slot's progress (working load, stage, misses) and each lift's maxes, as of the last session.
CREATE TABLE program_slot (
    assignment_id  INTEGER NOT NULL REFERENCES assignment (id) ON DELETE CASCADE,
    slot           TEXT NOT NULL,
    working_kg     REAL,
    stage          INTEGER NOT NULL DEFAULT 0 CHECK (stage >= 0),
    fails          INTEGER NOT NULL DEFAULT 0 CHECK (fails >= 0),
    first_stage_kg REAL,
    PRIMARY KEY (assignment_id, slot)
) STRICT;

CREATE TABLE program_lift (
    assignment_id  INTEGER NOT NULL REFERENCES assignment (id) ON DELETE CASCADE,
    exercise       TEXT NOT NULL,
    max_kg         REAL,
    tm_kg          REAL,
    short_in_cycle INTEGER NOT NULL DEFAULT 0 CHECK (short_in_cycle IN (0, 1)),
    PRIMARY KEY (assignment_id, exercise)
) STRICT;

-- The modification history: progression after a session (applied or suppressed), adaptive
-- proposals (accepted or declined), schedule changes and edits, each with its reason.
CREATE TABLE program_change (
    id            INTEGER PRIMARY KEY,
    program_id    INTEGER NOT NULL REFERENCES program (id) ON DELETE CASCADE,
    assignment_id INTEGER REFERENCES assignment (id) ON DELETE CASCADE,
    made_at       INTEGER NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('progression', 'adaptive', 'schedule', 'edit')),
    slot          TEXT,
    status        TEXT NOT NULL
                  CHECK (status IN ('applied', 'suppressed', 'proposed', 'accepted', 'declined')),
    reason        TEXT NOT NULL,
    detail        TEXT NOT NULL DEFAULT '{}'
) STRICT;

CREATE INDEX program_change_by_program ON program_change (program_id, made_at);
