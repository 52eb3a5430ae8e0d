-- Why: the lifter picks the zone model (Karvonen or Friel's LTHR tables), and resting HRV readings feed the recovery views.

ALTER TABLE profile ADD COLUMN zone_model TEXT NOT NULL DEFAULT 'karvonen'
    CHECK (zone_model IN ('karvonen', 'friel_run', 'friel_bike'));

-- A resting HRV measurement (e.g. a morning reading lying down): RMSSD and SDNN over the clean
-- RR intervals, how many intervals were used and dropped as artefacts, and how long it lasted.
CREATE TABLE hrv_reading (
    id         INTEGER PRIMARY KEY,
    taken_at   INTEGER NOT NULL,
    rmssd_ms   REAL NOT NULL CHECK (rmssd_ms > 0),
    sdnn_ms    REAL CHECK (sdnn_ms IS NULL OR sdnn_ms >= 0),
    beats      INTEGER NOT NULL CHECK (beats >= 2),
    dropped    INTEGER NOT NULL DEFAULT 0 CHECK (dropped >= 0),
    duration_s INTEGER NOT NULL CHECK (duration_s > 0)
) STRICT;

CREATE INDEX hrv_reading_by_time ON hrv_reading (taken_at);
