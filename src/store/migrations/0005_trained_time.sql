-- Why: a session's length leaves out idle gaps (one left open from Monday to Thursday counted 72 h and an absurd load).

-- Seconds trained: the gaps between the session's start, its sets and its end, each gap over an
-- hour (core::session::IDLE_GAP) left out. Kept current with the other summary columns.
ALTER TABLE session ADD COLUMN trained_s INTEGER CHECK (trained_s >= 0);

WITH moments (id, at) AS (
    SELECT id, started_at FROM session
    UNION ALL
    SELECT id, ended_at FROM session WHERE ended_at IS NOT NULL
    UNION ALL
    -- A set time outside the session counts as its nearer end (core::session::trained_time).
    SELECT ses.id, MAX(ses.started_at, MIN(s.completed_at, COALESCE(ses.ended_at, s.completed_at)))
    FROM set_entry s
    JOIN session_exercise se ON se.id = s.session_exercise_id
    JOIN session ses ON ses.id = se.session_id
),
gaps (id, gap) AS (
    SELECT id, at - LAG(at) OVER (PARTITION BY id ORDER BY at) FROM moments
)
UPDATE session SET trained_s = (
    SELECT COALESCE(SUM(gap), 0) / 1000 FROM gaps WHERE gaps.id = session.id AND gap <= 3600000
);
