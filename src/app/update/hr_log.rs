//! The running session's heart rate: batched to the store (never more than ~2 s waits), gaps
//! recorded as gaps, and each set's heart rate worked out once its recovery minute has passed.

use std::time::Duration;

use chrono::{DateTime, Utc};

use super::{Effect, State, StoreRequest};
use crate::core::hr_sample::{GapReason, HrGap, HrSample, Rr};
use crate::core::session::LoggedSet;
use crate::core::set_hr::{SetHr, SetWindow, set_hr, set_start};
use crate::core::units::Bpm;

/// A batch goes to the store once it spans this long: at 1 Hz, three samples, the oldest 2 s
/// old — a crash loses at most 2 s of heart rate.
const BATCH_MS: u32 = 1_500;
/// How much of the session's heart rate stays in memory for per-set figures.
const KEEP_MS: u32 = 11 * 60 * 1_000;
/// A set's heart rate is worked out this long after it ends (recovery at 60 s, plus slack).
const SETTLE_MS: u32 = 65_000;

/// Milliseconds since the session started for a source time, if the session is running.
fn offset(state: &State, at: Duration) -> Option<u32> {
    let session = state.session.as_ref()?;
    let origin = state.heart.origin?;
    let when = origin + chrono::TimeDelta::from_std(at).ok()?;
    u32::try_from((when - session.started_at).num_milliseconds()).ok()
}

fn wall_offset(state: &State, at: DateTime<Utc>) -> Option<u32> {
    let session = state.session.as_ref()?;
    u32::try_from((at - session.started_at).num_milliseconds()).ok()
}

/// A sample arrived (`bpm` is `None` without contact or a valid value).
pub fn sample(state: &mut State, at: Duration, bpm: Option<Bpm>, rr_ms: &[f64]) -> Vec<Effect> {
    let Some(offset) = offset(state, at) else {
        return Vec::new();
    };
    let log = &mut state.heart.log;
    let Some(bpm) = bpm else {
        if log.open_gap.is_none() {
            log.open_gap = Some((log.last_offset.unwrap_or(offset), GapReason::NoContact));
        }
        return Vec::new();
    };
    if let Some((from_ms, reason)) = log.open_gap.take()
        && offset > from_ms
    {
        let gap = HrGap {
            from_ms,
            to_ms: offset,
            reason,
        };
        log.pending_gaps.push(gap);
        log.gaps.push(gap);
    }
    if log.last_offset.is_some_and(|last| offset <= last) {
        return Vec::new();
    }
    let sample = HrSample {
        offset_ms: offset,
        bpm,
        rr: rr_ms.iter().filter_map(|ms| Rr::from_ms(*ms)).collect(),
    };
    log.last_offset = Some(offset);
    log.pending.push(sample.clone());
    log.samples.push_back(sample);
    while log
        .samples
        .front()
        .is_some_and(|s| offset - s.offset_ms > KEEP_MS)
    {
        log.samples.pop_front();
    }
    log.gaps.retain(|g| offset - g.to_ms.min(offset) <= KEEP_MS);
    let mut effects = settle(state, offset);
    if state
        .heart
        .log
        .pending
        .first()
        .is_some_and(|first| offset - first.offset_ms >= BATCH_MS)
    {
        effects.extend(flush(state));
    }
    effects
}

/// The strap went quiet or the link dropped: what follows, until the next sample, is a gap.
pub fn gap(state: &mut State, reason: GapReason) {
    let log = &mut state.heart.log;
    if let (None, Some(last)) = (log.open_gap, log.last_offset) {
        log.open_gap = Some((last, reason));
    }
}

/// Hands the waiting samples and gaps to the store.
pub fn flush(state: &mut State) -> Vec<Effect> {
    let Some(session) = state.session.as_ref().map(|s| s.id) else {
        return Vec::new();
    };
    let log = &mut state.heart.log;
    if log.pending.is_empty() && log.pending_gaps.is_empty() {
        return Vec::new();
    }
    let samples = std::mem::take(&mut log.pending);
    let gaps = std::mem::take(&mut log.pending_gaps);
    vec![Effect::Store(StoreRequest::AppendHr {
        session,
        samples,
        gaps,
    })]
}

/// Sets were logged: remember their windows; the previous set's recovery stops where this
/// set starts.
pub fn sets_logged(state: &mut State, sets: &[LoggedSet]) {
    if state.heart.log.last_offset.is_none() {
        return; // no heart rate in this session
    }
    for set in sets.iter().filter(|s| s.spec.kind.is_working()) {
        let Some(end_ms) = wall_offset(state, set.completed_at) else {
            continue;
        };
        let log = &mut state.heart.log;
        let previous_end = log.awaiting.last().map_or(0, |(_, w)| w.end_ms);
        let start_ms = set_start(log.samples.make_contiguous(), previous_end, end_ms);
        for (_, window) in log
            .awaiting
            .iter_mut()
            .filter(|(_, w)| w.next_start_ms.is_none() && w.end_ms < start_ms)
        {
            window.next_start_ms = Some(start_ms);
        }
        log.awaiting.push((
            set.id,
            SetWindow {
                start_ms,
                end_ms,
                next_start_ms: None,
            },
        ));
    }
}

/// Works out the heart rate of every set whose recovery minute is over by `now_ms`
/// (`u32::MAX`: all of them, at the end of the session).
pub fn settle(state: &mut State, now_ms: u32) -> Vec<Effect> {
    let log = &mut state.heart.log;
    if !log
        .awaiting
        .iter()
        .any(|(_, w)| now_ms >= w.end_ms.saturating_add(SETTLE_MS))
    {
        return Vec::new();
    }
    let (due, waiting): (Vec<_>, Vec<_>) = log
        .awaiting
        .drain(..)
        .partition(|(_, w)| now_ms >= w.end_ms.saturating_add(SETTLE_MS));
    log.awaiting = waiting;
    let samples = log.samples.make_contiguous();
    due.into_iter()
        .filter_map(|(set, window)| {
            let hr = set_hr(samples, &log.gaps, window);
            // A set with no heart rate around it stores nothing.
            (hr != SetHr::default()).then(|| {
                log.sets.insert(set, hr);
                Effect::Store(StoreRequest::SetHr { set, hr })
            })
        })
        .collect()
}
