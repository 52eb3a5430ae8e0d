//! The running session's heart rate: each sample handed to the store as it arrives, gaps
//! recorded as gaps, heart rate the store could not save kept and tried again (given up, as a
//! gap saying why, only past a cap), and each set's heart rate worked out once its recovery
//! minute has passed.
//!
//! The crash bound holds by construction: nothing waits in the app. A sample is handed over in
//! the same `update()` it arrives in, and the store thread commits it next (behind at most the
//! request it is busy with), so a `kill -9` loses only what arrived in the last commit's time —
//! with the strap's own second between samples, under 2 s of heart rate.

use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};

use super::{Effect, State, say};
use crate::app::heart::{SessionLog, Unsaved};
use crate::app::store_worker::{HrNotSaved, HrReply, HrRequest};
use crate::core::hr_sample::{GapReason, HrGap, HrSample, Rr};
use crate::core::session::{LoggedSet, Session};
use crate::core::set_hr::{SetHr, SetWindow, set_hr, set_start};
use crate::core::units::Bpm;

/// How much of the session's heart rate stays in memory for per-set figures.
const KEEP_MS: u32 = 11 * 60 * 1_000;
/// A set's heart rate is worked out this long after it ends (recovery at 60 s, plus slack).
const SETTLE_MS: u32 = 65_000;
/// While heart rate cannot be saved, it is tried again this often (new samples wait with it).
const RETRY: TimeDelta = TimeDelta::seconds(5);
/// At most this much unsaved heart rate waits for the disk: half an hour, about 1,800 samples
/// (~150 KB). Past it the oldest is given up and recorded as a gap saying why.
pub const UNSAVED_MS: u32 = 30 * 60 * 1_000;

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
    effects.extend(hand_over(state));
    effects
}

/// The strap went quiet or the link dropped: what follows, until the next sample, is a gap.
pub fn gap(state: &mut State, reason: GapReason) {
    let log = &mut state.heart.log;
    if let (None, Some(last)) = (log.open_gap, log.last_offset) {
        log.open_gap = Some((last, reason));
    }
}

/// Hands what waits to the store at once — unless the store is failing and its next try is not
/// due yet; what waits then is kept up to [`UNSAVED_MS`].
fn hand_over(state: &mut State) -> Vec<Effect> {
    let now = state.now;
    let log = &mut state.heart.log;
    match log.unsaved {
        Some(unsaved) if now < unsaved.retry_at => {
            let given_up = cap(log, unsaved.reason);
            tell_given_up(state, given_up);
            Vec::new()
        }
        _ => flush(state),
    }
}

/// Hands the waiting samples and gaps to the store (also while it is failing: the session is
/// ending or the app is quitting).
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
    vec![Effect::Store(
        HrRequest::Append {
            session,
            samples,
            gaps,
        }
        .into(),
    )]
}

/// The store answered a heart-rate request.
pub fn stored(state: &mut State, reply: HrReply) -> Vec<Effect> {
    match reply {
        HrReply::Appended => appended(state),
        HrReply::NotSaved(batch) => return not_saved(state, batch),
        HrReply::SetSaved => {}
    }
    Vec::new()
}

/// A batch was committed: if heart rate was waiting for the disk, it is saved again.
fn appended(state: &mut State) {
    if state.heart.log.unsaved.take().is_some() {
        say(state, "Heart rate is being saved again.", false);
    }
}

/// A batch could not be stored: kept to try again (in time order with what waits, so nothing
/// is sent twice) when a retry can help, else given up as a gap with the reason. The lifter is
/// told once, not at every try.
fn not_saved(state: &mut State, batch: HrNotSaved) -> Vec<Effect> {
    if state.session.as_ref().is_none_or(|s| s.id != batch.session) {
        return after_the_session(state, &batch);
    }
    let now = state.now;
    let log = &mut state.heart.log;
    let first = log.unsaved.is_none();
    let given_up = if batch.retry {
        log.pending.extend(batch.samples);
        log.pending.sort_by_key(|s| s.offset_ms);
        log.pending_gaps.extend(batch.gaps);
        log.pending_gaps.sort_by_key(|g| g.from_ms);
        log.unsaved = Some(Unsaved {
            reason: batch.reason,
            retry_at: now + RETRY,
        });
        cap(log, batch.reason)
    } else {
        give_up(log, &batch.samples, &batch.gaps, batch.reason)
    };
    if batch.retry && first {
        let why = match batch.reason {
            GapReason::DiskFull => "the disk is full".to_string(),
            _ => batch.message.clone(),
        };
        say(
            state,
            format!(
                "Heart rate not saved: {why}. It is kept (up to {} min) and saved as soon as \
                 it can be.",
                UNSAVED_MS / 60_000
            ),
            true,
        );
    }
    tell_given_up(state, given_up);
    Vec::new()
}

/// The session is over: heart rate still waiting for the disk can no longer be saved with it;
/// it becomes a gap (one row, which a nearly full disk may still take) from its first sample to
/// the session's end, and the lifter is told.
pub fn session_over(state: &mut State, finished: &Session) -> Vec<Effect> {
    let Some(reason) = state.heart.log.unsaved.map(|u| u.reason) else {
        return Vec::new();
    };
    let log = std::mem::take(&mut state.heart.log);
    let from = log
        .pending
        .first()
        .map(|s| s.offset_ms)
        .into_iter()
        .chain(log.pending_gaps.iter().map(|g| g.from_ms))
        .min();
    let end = finished
        .ended_at
        .and_then(|end| u32::try_from((end - finished.started_at).num_milliseconds()).ok());
    let (Some(from), Some(to)) = (from, end) else {
        return Vec::new();
    };
    let at = finished.started_at + TimeDelta::milliseconds(i64::from(from));
    say(
        state,
        format!(
            "Heart rate from {} to the end of the session could not be saved ({}) and is \
             recorded as a gap.",
            state.local(at).format("%H:%M:%S"),
            reason.describe()
        ),
        true,
    );
    if to <= from {
        return Vec::new();
    }
    vec![Effect::Store(
        HrRequest::Append {
            session: finished.id,
            samples: Vec::new(),
            gaps: vec![HrGap {
                from_ms: from,
                to_ms: to,
                reason,
            }],
        }
        .into(),
    )]
}

/// A batch of a session that is no longer running came back: there is nothing to keep it in
/// any more. Its samples become a gap (tried once); a gap that could not be stored is lost.
fn after_the_session(state: &mut State, batch: &HrNotSaved) -> Vec<Effect> {
    if batch.samples.is_empty() {
        say(
            state,
            format!(
                "Heart rate of the last session not saved: {}",
                batch.message
            ),
            true,
        );
        return Vec::new();
    }
    let from = batch.samples.first().map_or(0, |s| s.offset_ms);
    let to = batch.samples.last().map_or(0, |s| s.offset_ms);
    if to <= from {
        return Vec::new();
    }
    vec![Effect::Store(
        HrRequest::Append {
            session: batch.session,
            samples: Vec::new(),
            gaps: vec![HrGap {
                from_ms: from,
                to_ms: to,
                reason: batch.reason,
            }],
        }
        .into(),
    )]
}

/// Gives up the oldest waiting samples beyond [`UNSAVED_MS`]; returns the stretch given up.
fn cap(log: &mut SessionLog, reason: GapReason) -> Option<(u32, u32)> {
    let newest = log.pending.last()?.offset_ms;
    let cut = log
        .pending
        .partition_point(|s| newest - s.offset_ms > UNSAVED_MS);
    if cut == 0 {
        return None;
    }
    let from = log.pending[0].offset_ms;
    log.pending.drain(..cut);
    // The newest sample is always kept, so one follows the stretch given up.
    let to = log.pending.first().map_or(newest, |s| s.offset_ms);
    record_gap(log, from, to, reason);
    Some((from, to))
}

/// Gives up a batch a retry cannot help (the store refused it): a gap from its start to the
/// next sample kept (or, with none yet, to the next to arrive).
fn give_up(
    log: &mut SessionLog,
    samples: &[HrSample],
    gaps: &[HrGap],
    reason: GapReason,
) -> Option<(u32, u32)> {
    let from = samples
        .first()
        .map(|s| s.offset_ms)
        .into_iter()
        .chain(gaps.iter().map(|g| g.from_ms))
        .min()?;
    let last = samples.last().map_or(from, |s| s.offset_ms);
    if let Some(next) = log.pending.iter().find(|s| s.offset_ms > last) {
        let to = next.offset_ms;
        record_gap(log, from, to, reason);
    } else {
        let open = log.open_gap.map_or(from, |(start, _)| start.min(from));
        log.open_gap = Some((open, reason));
    }
    Some((from, last))
}

/// Records that nothing of `from`–`to` will be stored: gaps waiting inside it become part of
/// it, and a gap given up just before it grows instead of a new one starting.
fn record_gap(log: &mut SessionLog, from: u32, to: u32, reason: GapReason) {
    log.pending_gaps
        .retain(|g| !(from <= g.from_ms && g.to_ms <= to));
    if let Some(before) = log
        .pending_gaps
        .iter_mut()
        .find(|g| g.reason == reason && g.to_ms == from)
    {
        before.to_ms = to;
    } else if to > from {
        log.pending_gaps.push(HrGap {
            from_ms: from,
            to_ms: to,
            reason,
        });
        log.pending_gaps.sort_by_key(|g| g.from_ms);
    }
}

/// Says once a session that heart rate had to be given up, and from when.
fn tell_given_up(state: &mut State, given_up: Option<(u32, u32)>) {
    let (Some((from, _)), Some(session)) = (given_up, state.session.as_ref()) else {
        return;
    };
    if std::mem::replace(&mut state.heart.log.told_given_up, true) {
        return;
    }
    let at = session.started_at + TimeDelta::milliseconds(i64::from(from));
    let reason = state
        .heart
        .log
        .unsaved
        .map_or(GapReason::WriteFailed, |u| u.reason);
    say(
        state,
        format!(
            "Heart rate from {} on could not be saved ({}) and is recorded as a gap.",
            state.local(at).format("%H:%M:%S"),
            reason.describe()
        ),
        true,
    );
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
                Effect::Store(HrRequest::SetHr { set, hr }.into())
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::keymap::Keymap;
    use crate::app::state::{Settings, Startup};
    use crate::app::store_worker::StoreRequest;
    use crate::core::session::{SessionId, SessionStatus};
    use chrono::FixedOffset;

    fn start() -> DateTime<Utc> {
        DateTime::from_timestamp(1_790_000_000, 0).unwrap()
    }

    fn running() -> State {
        let mut state = State::new(
            Startup::default(),
            Settings::default(),
            Keymap::default(),
            start(),
            FixedOffset::east_opt(0).unwrap(),
        );
        state.session = Some(Session {
            id: SessionId(7),
            started_at: start(),
            ended_at: None,
            status: SessionStatus::Active,
            title: "Workout".into(),
            rpe: None,
            notes: String::new(),
            body_weight: None,
            slots: Vec::new(),
        });
        state.heart.origin = Some(start());
        state
    }

    /// A sample `second`s into the session, arriving then.
    fn beat(state: &mut State, second: u32) -> Vec<Effect> {
        state.now = start() + TimeDelta::seconds(i64::from(second));
        sample(
            state,
            Duration::from_secs(u64::from(second)),
            Bpm::try_from(120).ok(),
            &[],
        )
    }

    fn offsets(effects: &[Effect]) -> Vec<u32> {
        effects
            .iter()
            .flat_map(|e| match e {
                Effect::Store(StoreRequest::Hr(HrRequest::Append { samples, .. })) => {
                    samples.clone()
                }
                _ => Vec::new(),
            })
            .map(|s| s.offset_ms / 1000)
            .collect()
    }

    fn refused(samples: Vec<HrSample>, retry: bool) -> HrNotSaved {
        HrNotSaved {
            session: SessionId(7),
            samples,
            gaps: Vec::new(),
            reason: if retry {
                GapReason::DiskFull
            } else {
                GapReason::WriteFailed
            },
            retry,
            message: "the database refused it".into(),
        }
    }

    #[test]
    fn each_sample_goes_to_the_store_in_the_update_it_arrives_in() {
        let mut state = running();
        for second in 1..=10 {
            assert_eq!(offsets(&beat(&mut state, second)), [second]);
            assert!(state.heart.log.pending.is_empty(), "nothing waits");
        }
    }

    #[test]
    fn a_batch_a_retry_cannot_help_becomes_a_gap_at_once() {
        let mut state = running();
        let sent = beat(&mut state, 1);
        let Some(Effect::Store(StoreRequest::Hr(HrRequest::Append { samples, .. }))) = sent.first()
        else {
            panic!("{sent:?}")
        };
        not_saved(&mut state, refused(samples.clone(), false));
        assert!(state.heart.log.unsaved.is_none(), "nothing to try again");
        assert!(state.heart.log.pending.is_empty());
        assert_eq!(
            state.heart.log.open_gap,
            Some((1_000, GapReason::WriteFailed))
        );
        // The next sample closes the gap and carries it to the store.
        let next = beat(&mut state, 2);
        let [Effect::Store(StoreRequest::Hr(HrRequest::Append { samples, gaps, .. }))] =
            next.as_slice()
        else {
            panic!("{next:?}")
        };
        assert_eq!(samples.len(), 1);
        assert_eq!(
            gaps,
            &[HrGap {
                from_ms: 1_000,
                to_ms: 2_000,
                reason: GapReason::WriteFailed
            }]
        );
        assert_eq!(
            state.status.as_ref().map(|s| s.text.as_str()),
            Some(
                "Heart rate from 14:13:21 on could not be saved (the write failed) and is \
                 recorded as a gap."
            )
        );
    }

    #[test]
    fn heart_rate_still_waiting_when_the_session_ends_becomes_a_gap_to_its_end() {
        let mut state = running();
        for second in 1..=3 {
            beat(&mut state, second);
        }
        let batch: Vec<HrSample> = (2..=3)
            .map(|s| HrSample {
                offset_ms: s * 1000,
                bpm: Bpm::try_from(120).unwrap(),
                rr: Vec::new(),
            })
            .collect();
        not_saved(&mut state, refused(batch, true));
        let mut finished = state.session.take().unwrap();
        finished.ended_at = Some(start() + TimeDelta::seconds(60));
        let effects = session_over(&mut state, &finished);
        assert_eq!(
            effects,
            [Effect::Store(StoreRequest::Hr(HrRequest::Append {
                session: SessionId(7),
                samples: Vec::new(),
                gaps: vec![HrGap {
                    from_ms: 2_000,
                    to_ms: 60_000,
                    reason: GapReason::DiskFull
                }],
            }))]
        );
        assert!(
            state.status.as_ref().is_some_and(|s| s.text.starts_with(
                "Heart rate from 14:13:22 to the end of the session could not be saved (the disk \
                 was full)"
            )),
            "{:?}",
            state.status
        );
        assert!(state.heart.log.pending.is_empty());
    }

    #[test]
    fn a_batch_back_after_its_session_ended_is_tried_once_as_a_gap() {
        let mut state = running();
        state.session = None;
        let batch: Vec<HrSample> = (5..=9)
            .map(|s| HrSample {
                offset_ms: s * 1000,
                bpm: Bpm::try_from(120).unwrap(),
                rr: Vec::new(),
            })
            .collect();
        let effects = not_saved(&mut state, refused(batch, true));
        assert_eq!(
            effects,
            [Effect::Store(StoreRequest::Hr(HrRequest::Append {
                session: SessionId(7),
                samples: Vec::new(),
                gaps: vec![HrGap {
                    from_ms: 5_000,
                    to_ms: 9_000,
                    reason: GapReason::DiskFull
                }],
            }))]
        );
        // That gap refused too: said, and not tried again.
        let effects = not_saved(&mut state, refused(Vec::new(), true));
        assert!(effects.is_empty());
        assert_eq!(
            state.status.as_ref().map(|s| s.text.as_str()),
            Some("Heart rate of the last session not saved: the database refused it")
        );
    }
}
