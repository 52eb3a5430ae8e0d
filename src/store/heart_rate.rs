//! Heart rate in the database: each session's samples (with the RR intervals that came with
//! them) and recorded gaps, each set's HR, and the session's stored summary.
//!
//! `hr_sample` and `hr_gap` are `WITHOUT ROWID` tables keyed by (session, offset), so a session's
//! heart rate is one contiguous range on disk. A row is one notification: the RR ride along as a
//! blob of little-endian uint16 in 1/1024 s, which keeps an hour at ~65 KiB (the budget is 100 KB;
//! a row per RR interval would not fit it). Charts over weeks read the summaries on `session`,
//! never these rows.

mod bulk;
mod set_hr;
mod summary;
#[cfg(test)]
mod tests;

use rusqlite::params;

use super::{Store, StoreError};
use crate::core::heart::sample::{GapReason, HrGap, HrSample, Rr};
use crate::core::units::Bpm;
use crate::core::workout::session::SessionId;

pub use bulk::HistoryHr;
pub use summary::SessionHrSummary;

/// A session's recorded heart rate, in time order: what a detail chart draws.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SessionHr {
    pub samples: Vec<HrSample>,
    pub gaps: Vec<HrGap>,
}

/// Inserts a sample unless one is stored at that offset already (see [`Store::write_hr`]).
const INSERT_SAMPLE: &str = "INSERT INTO hr_sample (session_id, offset_ms, bpm, rr) \
     VALUES (?1, ?2, ?3, ?4) ON CONFLICT (session_id, offset_ms) DO NOTHING";

/// Whether the sample stored at an offset is exactly this one.
const SAME_SAMPLE: &str = "SELECT bpm = ?3 AND rr IS ?4 FROM hr_sample \
     WHERE session_id = ?1 AND offset_ms = ?2";

const INSERT_GAP: &str = "INSERT INTO hr_gap (session_id, from_ms, to_ms, reason) \
     VALUES (?1, ?2, ?3, ?4) ON CONFLICT (session_id, from_ms) DO NOTHING";

const SAME_GAP: &str = "SELECT to_ms = ?3 AND reason = ?4 FROM hr_gap \
     WHERE session_id = ?1 AND from_ms = ?2";

impl Store {
    /// Appends a batch of a session's heart rate (the app sends one at least every 2 s) in one
    /// transaction: all of it is stored or none. Samples must be in time order, after anything
    /// stored for the session already, and outside the batch's gaps.
    pub fn append_hr(
        &self,
        session: SessionId,
        samples: &[HrSample],
        gaps: &[HrGap],
    ) -> Result<(), StoreError> {
        check_batch(samples, gaps)?;
        let tx = self.write()?;
        self.require_session(session)?;
        self.write_hr(session.0, samples, gaps)?;
        self.commit(tx, "save the heart rate")
    }

    /// Every sample and gap of a session, in time order (empty for a session without HR).
    pub fn session_hr(&self, session: SessionId) -> Result<SessionHr, StoreError> {
        let fail = || self.fail("read the session's heart rate");
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT offset_ms, bpm, rr FROM hr_sample WHERE session_id = ?1 ORDER BY offset_ms",
            )
            .map_err(fail())?;
        let rows = stmt
            .query_map([session.0], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, Option<Vec<u8>>>(2)?,
                ))
            })
            .and_then(Iterator::collect::<Result<Vec<_>, _>>)
            .map_err(fail())?;
        let samples = rows
            .into_iter()
            .map(|(offset, bpm, rr)| {
                let bad = |problem: String| StoreError::corrupt("hr_sample", session.0, problem);
                Ok(HrSample {
                    offset_ms: offset_ms(offset)
                        .ok_or_else(|| bad(format!("offset {offset} ms is out of range")))?,
                    bpm: stored_bpm(bpm)
                        .ok_or_else(|| bad(format!("heart rate {bpm} is out of range")))?,
                    rr: match rr {
                        None => Vec::new(),
                        Some(bytes) => decode_rr(&bytes).ok_or_else(|| {
                            bad(format!("RR blob of {} bytes is not uint16s", bytes.len()))
                        })?,
                    },
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(SessionHr {
            samples,
            gaps: self.session_gaps(session)?,
        })
    }

    fn session_gaps(&self, session: SessionId) -> Result<Vec<HrGap>, StoreError> {
        let fail = || self.fail("read the session's heart-rate gaps");
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT from_ms, to_ms, reason FROM hr_gap WHERE session_id = ?1 ORDER BY from_ms",
            )
            .map_err(fail())?;
        let rows = stmt
            .query_map([session.0], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .and_then(Iterator::collect::<Result<Vec<_>, _>>)
            .map_err(fail())?;
        rows.into_iter()
            .map(|(from, to, reason)| {
                let bad = |problem: String| StoreError::corrupt("hr_gap", session.0, problem);
                Ok(HrGap {
                    from_ms: offset_ms(from)
                        .ok_or_else(|| bad(format!("offset {from} ms is out of range")))?,
                    to_ms: offset_ms(to)
                        .ok_or_else(|| bad(format!("offset {to} ms is out of range")))?,
                    reason: GapReason::from_code(&reason)
                        .ok_or_else(|| bad(format!("unknown gap reason {reason:?}")))?,
                })
            })
            .collect()
    }

    /// Writes samples and gaps inside the caller's transaction (checked with [`check_batch`]).
    ///
    /// A row already stored exactly so is skipped: a batch whose commit was reported failed
    /// (an I/O error at the last step) may have landed, and its retry must neither fail nor
    /// store a sample twice. A different row at the same offset is refused: heart rate is only
    /// ever appended.
    fn write_hr(
        &self,
        session: i64,
        samples: &[HrSample],
        gaps: &[HrGap],
    ) -> Result<(), StoreError> {
        let fail = || self.fail("save the heart rate");
        let taken = |what: &'static str, at: u32| {
            StoreError::Invalid(format!(
                "session {session} already has {what} at {at} ms; heart rate is only ever appended"
            ))
        };
        let mut insert = self.conn.prepare_cached(INSERT_SAMPLE).map_err(fail())?;
        let mut same = self.conn.prepare_cached(SAME_SAMPLE).map_err(fail())?;
        let mut blob = Vec::new();
        for sample in samples {
            encode_rr(&sample.rr, &mut blob);
            let rr = (!blob.is_empty()).then_some(blob.as_slice());
            let row = params![session, sample.offset_ms, sample.bpm.get(), rr];
            if insert.execute(row).map_err(fail())? == 0
                && !same
                    .query_row(row, |r| r.get::<_, bool>(0))
                    .map_err(fail())?
            {
                return Err(taken("a heart-rate sample", sample.offset_ms));
            }
        }
        let mut insert = self.conn.prepare_cached(INSERT_GAP).map_err(fail())?;
        let mut same = self.conn.prepare_cached(SAME_GAP).map_err(fail())?;
        for gap in gaps {
            let row = params![session, gap.from_ms, gap.to_ms, gap.reason.code()];
            if insert.execute(row).map_err(fail())? == 0
                && !same
                    .query_row(row, |r| r.get::<_, bool>(0))
                    .map_err(fail())?
            {
                return Err(taken("a heart-rate gap", gap.from_ms));
            }
        }
        Ok(())
    }

    /// `NotFound` unless `session` exists.
    fn require_session(&self, session: SessionId) -> Result<(), StoreError> {
        self.lookup::<i64>("session", "SELECT 1 FROM session WHERE id = ?1", session.0)
            .map(drop)
    }
}

/// Refuses a batch that is out of order, has a gap ending before it starts, or has a sample
/// inside one of its gaps (heart rate in a gap would be invented).
fn check_batch(samples: &[HrSample], gaps: &[HrGap]) -> Result<(), StoreError> {
    if let Some(pair) = samples
        .windows(2)
        .find(|w| w[1].offset_ms <= w[0].offset_ms)
    {
        return Err(StoreError::Invalid(format!(
            "heart-rate samples must be in time order: {} ms came after {} ms",
            pair[1].offset_ms, pair[0].offset_ms
        )));
    }
    if let Some(gap) = gaps.iter().find(|g| g.to_ms <= g.from_ms) {
        return Err(StoreError::Invalid(format!(
            "a heart-rate gap must end after it starts, got {}–{} ms",
            gap.from_ms, gap.to_ms
        )));
    }
    for gap in gaps {
        if let Some(inside) = samples.iter().find(|s| gap.covers(s.offset_ms)) {
            return Err(StoreError::Invalid(format!(
                "a heart-rate sample at {} ms lies inside the gap {}–{} ms",
                inside.offset_ms, gap.from_ms, gap.to_ms
            )));
        }
    }
    Ok(())
}

/// RR intervals as stored: little-endian uint16s, written into `out` (cleared first).
fn encode_rr(rr: &[Rr], out: &mut Vec<u8>) {
    out.clear();
    out.extend(rr.iter().flat_map(|r| r.raw().to_le_bytes()));
}

/// The intervals of a stored blob; `None` for an odd length.
fn decode_rr(bytes: &[u8]) -> Option<Vec<Rr>> {
    let (pairs, rest) = bytes.as_chunks::<2>();
    rest.is_empty().then(|| {
        pairs
            .iter()
            .map(|&pair| Rr::from_raw(u16::from_le_bytes(pair)))
            .collect()
    })
}

/// A stored offset in ms, if it is one.
fn offset_ms(value: i64) -> Option<u32> {
    u32::try_from(value).ok()
}

/// A stored heart rate, if it is one.
fn stored_bpm(value: i64) -> Option<Bpm> {
    u32::try_from(value)
        .ok()
        .and_then(|v| Bpm::try_from(v).ok())
}
