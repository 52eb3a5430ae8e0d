//! The heart rate of each set, kept on its `set_entry` row.

use rusqlite::params;

use super::stored_bpm;
use crate::core::heart::set_hr::SetHr;
use crate::core::units::Bpm;
use crate::core::workout::session::{SessionId, SetId};
use crate::store::{Store, StoreError};

const UPDATE_SET_HR: &str = "UPDATE set_entry SET hr_start = ?2, hr_end = ?3, hr_peak = ?4,
     hr_recovery_30 = ?5, hr_recovery_60 = ?6 WHERE id = ?1";

/// The sets of a session in session order (exercise, then set), as `insert_history` wrote them.
pub(super) const SESSION_SET_IDS: &str = "SELECT s.id FROM set_entry s
     JOIN session_exercise se ON se.id = s.session_exercise_id
     WHERE se.session_id = ?1 ORDER BY se.position, s.position, s.id";

impl Store {
    /// Stores the heart rate of set `set` (replacing what it had).
    pub fn set_hr(&self, set: SetId, hr: &SetHr) -> Result<(), StoreError> {
        let changed = self
            .write_set_hr(set.0, hr)
            .map_err(self.fail("save the set's heart rate"))?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: "set",
                id: set.0,
            });
        }
        Ok(())
    }

    /// The heart rate of every set of a session, in session order.
    pub fn session_set_hr(&self, session: SessionId) -> Result<Vec<(SetId, SetHr)>, StoreError> {
        let fail = || self.fail("read the sets' heart rate");
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT s.id, s.hr_start, s.hr_end, s.hr_peak, s.hr_recovery_30, s.hr_recovery_60
                 FROM set_entry s JOIN session_exercise se ON se.id = s.session_exercise_id
                 WHERE se.session_id = ?1 ORDER BY se.position, s.position, s.id",
            )
            .map_err(fail())?;
        let rows = stmt
            .query_map([session.0], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    [r.get(1)?, r.get(2)?, r.get(3)?],
                    [r.get(4)?, r.get(5)?],
                ))
            })
            .and_then(Iterator::collect::<Result<Vec<_>, _>>)
            .map_err(fail())?;
        rows.into_iter()
            .map(
                |(id, rates, recovery): (i64, [Option<i64>; 3], [Option<i64>; 2])| {
                    let bad = |problem: String| StoreError::corrupt("set_entry", id, problem);
                    let [start, end, peak] = rates.map(|v| {
                        v.map(|v| {
                            stored_bpm(v)
                                .ok_or_else(|| bad(format!("heart rate {v} is out of range")))
                        })
                        .transpose()
                    });
                    let [recovery_30, recovery_60] = recovery.map(|v| {
                        v.map(|v| {
                            i16::try_from(v).map_err(|_| {
                                bad(format!("heart-rate recovery {v} is out of range"))
                            })
                        })
                        .transpose()
                    });
                    Ok((
                        SetId(id),
                        SetHr {
                            start: start?,
                            end: end?,
                            peak: peak?,
                            recovery_30: recovery_30?,
                            recovery_60: recovery_60?,
                        },
                    ))
                },
            )
            .collect()
    }

    /// Writes one set's heart rate inside the caller's transaction; returns the rows changed.
    pub(super) fn write_set_hr(&self, set: i64, hr: &SetHr) -> rusqlite::Result<usize> {
        self.conn.prepare_cached(UPDATE_SET_HR)?.execute(params![
            set,
            hr.start.map(Bpm::get),
            hr.end.map(Bpm::get),
            hr.peak.map(Bpm::get),
            hr.recovery_30,
            hr.recovery_60,
        ])
    }
}
