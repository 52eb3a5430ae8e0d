//! The running session's heart rate and the store: what [`LiveHr`](crate::core::heart::live::LiveHr)
//! hands over becomes store requests in the `update()` the sample arrives in (the crash bound:
//! nothing waits in the app, so a `kill -9` loses under 2 s of heart rate), what the store says
//! back goes to the session log, and what the lifter must hear is said here, in words.

use chrono::TimeDelta;

use super::{Effect, State, say};
use crate::app::store_worker::{HrNotSaved, HrReply, HrRequest};
use crate::core::heart::live::{Batch, Handed, Notice, UNSAVED_MS, after_the_session};
use crate::core::heart::sample::GapReason;
use crate::core::workout::session::{LoggedSet, Session};

/// What a sample handed over: its batch and settled sets to the store, its notice said.
pub fn handed(state: &mut State, handed: Handed) -> Vec<Effect> {
    if let Some(notice) = handed.notice {
        tell(state, notice, None);
    }
    let mut effects = set_effects(handed.settled);
    effects.extend(append(state, handed.batch));
    effects
}

/// A session started: its heart rate starts from nothing.
pub fn session_started(state: &mut State) {
    state.heart.live.session_started();
}

/// Hands the waiting samples and gaps to the store (also while it is failing: the session is
/// ending or the app is quitting).
pub fn flush(state: &mut State) -> Vec<Effect> {
    if state.session.is_none() {
        return Vec::new();
    }
    let batch = state.heart.live.log_mut().flush();
    append(state, batch)
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
    if let Some(notice) = state.heart.live.log_mut().appended() {
        tell(state, notice, None);
    }
}

/// A batch could not be stored: kept to try again when a retry can help, else given up as a gap
/// with the reason. The lifter is told once, not at every try.
fn not_saved(state: &mut State, refused: HrNotSaved) -> Vec<Effect> {
    let HrNotSaved {
        session,
        samples,
        gaps,
        reason,
        retry,
        message,
    } = refused;
    let batch = Batch { samples, gaps };
    if state.session.as_ref().is_none_or(|s| s.id != session) {
        return after_its_session(state, session, &batch, reason, &message);
    }
    let now = state.now;
    let notices = state
        .heart
        .live
        .log_mut()
        .not_saved(batch, reason, retry, now);
    for notice in notices {
        tell(state, notice, Some(&message));
    }
    Vec::new()
}

/// The session is over: its figures stop, and heart rate still waiting for the disk can no
/// longer be saved with it; it becomes a gap (one row, which a nearly full disk may still take)
/// from its first sample to the session's end, and the lifter is told.
pub fn session_over(state: &mut State, finished: &Session) -> Vec<Effect> {
    let length = finished
        .ended_at
        .and_then(|end| u32::try_from((end - finished.started_at).num_milliseconds()).ok());
    let Some(left) = state.heart.live.session_over(length) else {
        return Vec::new();
    };
    let at = finished.started_at + TimeDelta::milliseconds(i64::from(left.from_ms));
    say(
        state,
        format!(
            "Heart rate from {} to the end of the session could not be saved ({}) and is \
             recorded as a gap.",
            state.local(at).format("%H:%M:%S"),
            left.reason.describe()
        ),
        true,
    );
    left.gap
        .map(|gap| {
            Effect::Store(
                HrRequest::Append {
                    session: finished.id,
                    samples: Vec::new(),
                    gaps: vec![gap],
                }
                .into(),
            )
        })
        .into_iter()
        .collect()
}

/// A batch of a session that is no longer running came back: its samples become a gap (tried
/// once); a gap that could not be stored is lost, and the lifter is told.
fn after_its_session(
    state: &mut State,
    session: crate::core::workout::session::SessionId,
    batch: &Batch,
    reason: GapReason,
    message: &str,
) -> Vec<Effect> {
    if batch.samples.is_empty() {
        say(
            state,
            format!("Heart rate of the last session not saved: {message}"),
            true,
        );
        return Vec::new();
    }
    after_the_session(batch, reason)
        .map(|gap| {
            Effect::Store(
                HrRequest::Append {
                    session,
                    samples: Vec::new(),
                    gaps: vec![gap],
                }
                .into(),
            )
        })
        .into_iter()
        .collect()
}

/// Sets were logged: remember their windows; the previous set's recovery stops where this
/// set starts.
pub fn sets_logged(state: &mut State, sets: &[LoggedSet]) {
    let Some(start) = state.session.as_ref().map(|s| s.started_at) else {
        return;
    };
    state.heart.live.log_mut().sets_logged(start, sets);
}

/// Works out the heart rate of every set whose recovery minute is over by `now_ms`
/// (`u32::MAX`: all of them, at the end of the session).
pub fn settle(state: &mut State, now_ms: u32) -> Vec<Effect> {
    set_effects(state.heart.live.log_mut().settle(now_ms))
}

fn set_effects(
    settled: Vec<(
        crate::core::workout::session::SetId,
        crate::core::heart::set_hr::SetHr,
    )>,
) -> Vec<Effect> {
    settled
        .into_iter()
        .map(|(set, hr)| Effect::Store(HrRequest::SetHr { set, hr }.into()))
        .collect()
}

/// The batch, for the running session's row.
fn append(state: &State, batch: Option<Batch>) -> Vec<Effect> {
    let (Some(session), Some(Batch { samples, gaps })) = (state.session.as_ref(), batch) else {
        return Vec::new();
    };
    vec![Effect::Store(
        HrRequest::Append {
            session: session.id,
            samples,
            gaps,
        }
        .into(),
    )]
}

/// Says `notice` in words; `message` is the store's own, for a failure other than a full disk.
fn tell(state: &mut State, notice: Notice, message: Option<&str>) {
    let said = match notice {
        Notice::SavedAgain => {
            say(state, "Heart rate is being saved again.", false);
            return;
        }
        Notice::Kept { reason } => {
            let why = match (reason, message) {
                (GapReason::DiskFull, _) | (_, None) => "the disk is full",
                (_, Some(message)) => message,
            };
            format!(
                "Heart rate not saved: {why}. It is kept (up to {} min) and saved as soon as it \
                 can be.",
                UNSAVED_MS / 60_000
            )
        }
        Notice::GivenUp { from_ms, reason } => {
            let Some(session) = state.session.as_ref() else {
                return;
            };
            let at = session.started_at + TimeDelta::milliseconds(i64::from(from_ms));
            format!(
                "Heart rate from {} on could not be saved ({}) and is recorded as a gap.",
                state.local(at).format("%H:%M:%S"),
                reason.describe()
            )
        }
    };
    say(state, said, true);
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::app::state::Startup;
    use crate::app::store_worker::StoreRequest;
    use crate::core::heart::hrm::Contact;
    use crate::core::heart::sample::{HrGap, HrSample};
    use crate::core::units::Bpm;
    use crate::core::workout::session::{SessionId, SessionStatus};
    use crate::hr::HrEvent;
    use chrono::{DateTime, Utc};
    use std::time::Duration;

    fn start() -> DateTime<Utc> {
        DateTime::from_timestamp(1_790_000_000, 0).unwrap()
    }

    fn running() -> State {
        let mut state = State::testing(Startup::default(), start());
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
        state
    }

    /// A sample `second`s into the session, arriving then.
    fn beat(state: &mut State, second: u32) -> Vec<Effect> {
        let sample = HrEvent::Sample {
            at: Duration::from_secs(u64::from(second)),
            bpm: Bpm::try_from(120).ok(),
            rr_ms: Vec::new(),
            contact: Contact::Detected,
            energy_kj: None,
        };
        let now = start() + TimeDelta::seconds(i64::from(second));
        crate::app::update::update(state, crate::app::action::Action::Hr(sample), now)
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
            assert!(state.heart.live.log().pending().is_empty(), "nothing waits");
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
        assert!(!state.heart.live.log().is_unsaved(), "nothing to try again");
        assert!(state.heart.live.log().pending().is_empty());
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
        assert!(state.heart.live.log().pending().is_empty());
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
