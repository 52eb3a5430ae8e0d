//! Writing the heart rate of many stored sessions at once (demo data, imports).

use super::check_batch;
use super::set_hr::SESSION_SET_IDS;
use crate::core::heart::sample::{HrGap, HrSample};
use crate::core::heart::set_hr::SetHr;
use crate::core::heart::settings::HrSettings;
use crate::core::heart::summary::HrSummary;
use crate::core::workout::session::SessionId;
use crate::store::{Store, StoreError};

/// Everything about one stored session's heart rate, as [`Store::insert_history_hr`] writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryHr {
    /// A session that exists, without heart rate yet.
    pub session: SessionId,
    pub settings: HrSettings,
    /// In time order, outside the gaps.
    pub samples: Vec<HrSample>,
    pub gaps: Vec<HrGap>,
    /// One per set of the session, in session order (exercise, then set).
    pub sets: Vec<SetHr>,
    pub summary: Option<HrSummary>,
}

impl Store {
    /// Writes the heart rate of several sessions in one transaction: all of it or none.
    /// Returns how many samples were written.
    pub fn insert_history_hr<'a, I>(&self, sessions: I) -> Result<usize, StoreError>
    where
        I: IntoIterator<Item = &'a HistoryHr>,
    {
        let tx = self.write()?;
        let fail = || self.fail("save the heart-rate history");
        let mut written = 0;
        for hr in sessions {
            check_batch(&hr.samples, &hr.gaps)?;
            let id = hr.session.0;
            let set_ids: Vec<i64> = self
                .conn
                .prepare_cached(SESSION_SET_IDS)
                .and_then(|mut stmt| {
                    stmt.query_map([id], |r| r.get(0))?
                        .collect::<Result<_, _>>()
                })
                .map_err(fail())?;
            if set_ids.len() != hr.sets.len() {
                return Err(StoreError::Invalid(format!(
                    "session {id} has {} sets but heart rate for {} was given",
                    set_ids.len(),
                    hr.sets.len()
                )));
            }
            if self.write_hr_settings(id, &hr.settings).map_err(fail())? == 0 {
                return Err(StoreError::NotFound {
                    what: "session",
                    id,
                });
            }
            self.write_hr(id, &hr.samples, &hr.gaps)?;
            for (set, set_hr) in set_ids.into_iter().zip(&hr.sets) {
                self.write_set_hr(set, set_hr).map_err(fail())?;
            }
            self.write_hr_summary(id, hr.summary.as_ref())
                .map_err(fail())?;
            written += hr.samples.len();
        }
        self.commit(tx, "save the heart-rate history")?;
        Ok(written)
    }
}
