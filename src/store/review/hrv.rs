//! Resting HRV readings: recorded one at a time (a morning measurement) or in bulk (the demo, an
//! import), read back by day range for the recovery views.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::params;

use super::{day_of, day_range};
use crate::core::review::HrvReading;
use crate::store::{Store, StoreError, to_millis};

const INSERT_READING: &str = "INSERT INTO hrv_reading
     (taken_at, rmssd_ms, sdnn_ms, beats, dropped, duration_s) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

/// Refuses what the table's CHECKs would, with a message a lifter understands.
fn check(reading: &HrvReading) -> Result<(), StoreError> {
    let problem = if !(reading.rmssd_ms.is_finite() && reading.rmssd_ms > 0.0) {
        format!(
            "RMSSD must be a positive number of milliseconds, got {}",
            reading.rmssd_ms
        )
    } else if let Some(sdnn) = reading.sdnn_ms.filter(|s| !(s.is_finite() && *s >= 0.0)) {
        format!("SDNN must be zero or more milliseconds, got {sdnn}")
    } else if reading.beats < 2 {
        format!(
            "an HRV reading needs at least 2 clean beats, got {}",
            reading.beats
        )
    } else if reading.duration_s == 0 {
        "an HRV reading must last at least a second".to_string()
    } else {
        return Ok(());
    };
    Err(StoreError::Invalid(problem))
}

impl Store {
    /// Records a resting HRV reading taken at `at` (its day is `at`'s UTC day; `reading.date` is
    /// not stored). Returns the new row's id.
    pub fn record_hrv_reading(
        &self,
        at: DateTime<Utc>,
        reading: &HrvReading,
    ) -> Result<i64, StoreError> {
        Ok(self.record_hrv_readings([(at, reading)])?[0])
    }

    /// Records several readings in one transaction (the demo, an import): all or none.
    pub fn record_hrv_readings<'a, I>(&self, readings: I) -> Result<Vec<i64>, StoreError>
    where
        I: IntoIterator<Item = (DateTime<Utc>, &'a HrvReading)>,
    {
        let tx = self.write()?;
        let mut ids = Vec::new();
        {
            let mut insert = tx
                .prepare_cached(INSERT_READING)
                .map_err(self.fail("save the HRV reading"))?;
            for (at, reading) in readings {
                check(reading)?;
                insert
                    .execute(params![
                        to_millis(at),
                        reading.rmssd_ms,
                        reading.sdnn_ms,
                        reading.beats,
                        reading.dropped,
                        reading.duration_s,
                    ])
                    .map_err(self.fail("save the HRV reading"))?;
                ids.push(tx.last_insert_rowid());
            }
        }
        self.commit(tx, "save the HRV reading")?;
        Ok(ids)
    }

    /// The readings taken on the days `from` (from the first when `None`) to `until`, in the
    /// order they were taken.
    pub fn hrv_readings(
        &self,
        from: Option<NaiveDate>,
        until: NaiveDate,
    ) -> Result<Vec<HrvReading>, StoreError> {
        let (start, end) = day_range(from, until);
        let rows = self
            .conn
            .prepare_cached(
                "SELECT id, taken_at, rmssd_ms, sdnn_ms, beats, dropped, duration_s
                 FROM hrv_reading WHERE taken_at >= ?1 AND taken_at < ?2 ORDER BY taken_at, id",
            )
            .and_then(|mut stmt| {
                stmt.query_map([start, end], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, f64>(2)?,
                        r.get::<_, Option<f64>>(3)?,
                        r.get::<_, i64>(4)?,
                        r.get::<_, i64>(5)?,
                        r.get::<_, i64>(6)?,
                    ))
                })?
                .collect::<Result<Vec<_>, _>>()
            })
            .map_err(self.fail("read the HRV readings"))?;
        rows.into_iter()
            .map(|(id, at, rmssd_ms, sdnn_ms, beats, dropped, duration_s)| {
                let count = |value: i64, what: &str| {
                    u32::try_from(value).map_err(|_| {
                        StoreError::corrupt(
                            "hrv_reading",
                            id,
                            format!("{what} {value} is out of range"),
                        )
                    })
                };
                Ok(HrvReading {
                    date: day_of(at, "hrv_reading", id)?,
                    rmssd_ms,
                    sdnn_ms,
                    beats: count(beats, "beat count")?,
                    dropped: count(dropped, "dropped beat count")?,
                    duration_s: count(duration_s, "duration")?,
                })
            })
            .collect()
    }
}
