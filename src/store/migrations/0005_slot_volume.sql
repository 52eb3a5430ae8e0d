-- Why: reps and volume have one definition (working sets only; a bodyweight set counts the session's body weight plus or minus its load), stored per exercise slot for the review and the volume records, and stored e1RMs are re-read by the lifter's RPE habit on each lift (README "Estimated 1RM"); the store recomputes summaries, e1RMs and records once for a database upgraded past this.

-- The slot's working volume, kg × reps (core::set::Totals), kept current with the session's summary.
ALTER TABLE session_exercise ADD COLUMN volume_kg REAL NOT NULL DEFAULT 0;
