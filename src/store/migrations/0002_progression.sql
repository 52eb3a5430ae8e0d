-- Why: the progression engine keeps personal records, per-exercise rules and the deloads taken.
-- The pinned e1RM formula is the meta key 'e1rm_formula' (absent: science.md defaults).

-- One row per record an exercise holds. kind 'reps' carries its bracket (2–12; bracket 1 is
-- 'heaviest'); the other kinds have reps NULL. value_kg is a load, or kg × reps for 'volume'.
-- set_id: the set that set it (NULL for a session's volume); session_id: where it happened.
CREATE TABLE personal_record (
    id          INTEGER PRIMARY KEY,
    exercise_id INTEGER NOT NULL REFERENCES exercise (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('e1rm', 'heaviest', 'reps', 'volume')),
    reps        INTEGER CHECK (reps BETWEEN 1 AND 12),
    value_kg    REAL NOT NULL,
    set_id      INTEGER REFERENCES set_entry (id) ON DELETE SET NULL,
    session_id  INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    achieved_at INTEGER NOT NULL,
    CHECK ((kind = 'reps') = (reps IS NOT NULL))
) STRICT;

-- NULLs are distinct in a UNIQUE constraint, so the key folds them to 0.
CREATE UNIQUE INDEX personal_record_key ON personal_record (exercise_id, kind, COALESCE(reps, 0));
CREATE INDEX personal_record_by_set ON personal_record (set_id);
CREATE INDEX personal_record_by_session ON personal_record (session_id);

-- The e1RM trend and the deload check read only sets with an e1RM: a covering index for them.
CREATE INDEX set_entry_e1rm ON set_entry (session_exercise_id, e1rm_kg) WHERE e1rm_kg IS NOT NULL;

-- An exercise's progression rule when the lifter chose one; without a row the defaults apply.
CREATE TABLE exercise_rule (
    exercise_id  INTEGER PRIMARY KEY REFERENCES exercise (id) ON DELETE CASCADE,
    rule         TEXT NOT NULL
                 CHECK (rule IN ('double_progression', 'linear', 'rpe_autoregulation', 'rpe_target')),
    rep_min      INTEGER NOT NULL CHECK (rep_min >= 1),
    rep_max      INTEGER NOT NULL CHECK (rep_max >= rep_min),
    increment_kg REAL NOT NULL CHECK (increment_kg >= 0),
    target_rpe   REAL NOT NULL,
    sets         INTEGER NOT NULL CHECK (sets >= 1)
) STRICT;

-- Deloads taken; dates are YYYY-MM-DD, ended_on NULL while one runs.
CREATE TABLE deload_week (
    id         INTEGER PRIMARY KEY,
    started_on TEXT NOT NULL,
    ended_on   TEXT,
    note       TEXT NOT NULL DEFAULT '',
    CHECK (ended_on IS NULL OR ended_on >= started_on)
) STRICT;

CREATE INDEX deload_week_by_start ON deload_week (started_on);
