//! Heart-rate events: the link state the header shows, and each sample handed to the live
//! heart rate ([`LiveHr`](crate::core::heart::live::LiveHr)), which gives the reading and what goes
//! to the store.

use std::time::Duration;

use super::{Effect, State, hr_log, say};
use crate::app::heart::{Link, Retry};
use crate::core::heart::live::{Models, Moment, Sample};
use crate::core::heart::sample::GapReason;
use crate::hr::HrEvent;

pub fn heart(state: &mut State, event: HrEvent) -> Vec<Effect> {
    let heart = &mut state.heart;
    match event {
        HrEvent::Connected { name, .. } => {
            heart.link = Link::Connected(name.clone());
            // A new link (maybe another strap) reports its own battery and location.
            heart.battery = None;
            heart.location = None;
            say(state, format!("Heart rate: connected to {name}."), false);
        }
        HrEvent::Sample {
            at,
            bpm,
            rr_ms,
            contact,
            ..
        } => {
            heart.link = match std::mem::take(&mut heart.link) {
                Link::Stale(_) | Link::Down { .. } | Link::Off => Link::Connected("strap".into()),
                link => link,
            };
            let models = state.profile.as_ref().and_then(Models::of);
            let moment = Moment {
                now: state.now,
                session_start: state.session.as_ref().map(|s| s.started_at),
                models: models.as_ref(),
            };
            let sample = Sample {
                at,
                bpm,
                rr_ms: &rr_ms,
                contact,
            };
            let handed = heart.live.sample(sample, moment);
            let bpm = heart.live.bpm();
            ready_cue(state, bpm);
            return hr_log::handed(state, handed);
        }
        HrEvent::ContactLost => heart.live.contact_lost(),
        HrEvent::Stale { silent_for } => {
            heart.link = Link::Stale(silent_for);
            heart.live.lost(GapReason::Silent);
        }
        HrEvent::Disconnected { reason } => down(state, reason),
        HrEvent::Reconnecting { attempt, delay } => retry(&mut heart.link, attempt, delay),
        HrEvent::Battery(level) => heart.battery = Some(level),
        HrEvent::SensorLocation(location) => heart.location = Some(location),
        HrEvent::InvalidPacket { .. } => heart.invalid_packets += 1,
    }
    Vec::new()
}

/// The link went: a gap, and the reason in the header (and in the status line when it is news:
/// a retry failing the same way only updates the header, so the status line keeps what the
/// lifter did meanwhile — a set logged during a long outage).
fn down(state: &mut State, reason: String) {
    let heart = &mut state.heart;
    let news = !matches!(&heart.link, Link::Down { reason: said, .. } if *said == reason);
    if news {
        say(state, format!("Heart rate: {reason}."), true);
    }
    let heart = &mut state.heart;
    heart.link = Link::Down {
        reason,
        was_connected: heart.link.has_connected(),
        retry: None,
    };
    heart.live.lost(GapReason::Disconnected);
}

/// The source tries again after `delay`.
fn retry(link: &mut Link, attempt: u32, delay: Duration) {
    let next = Some(Retry { attempt, delay });
    match link {
        Link::Down { retry, .. } => *retry = next,
        link => {
            *link = Link::Down {
                reason: "the link went".into(),
                was_connected: link.has_connected(),
                retry: next,
            }
        }
    }
}

/// Heart rate keeps rising for a few seconds after a set: "ready" is never said earlier in a rest.
const READY_NOT_BEFORE: chrono::Duration = chrono::Duration::seconds(20);

/// Beats above the ready level that take "ready" back: a beat or two either side of it is noise.
const UNREADY_ABOVE: u16 = 5;

/// Heart-rate-gated rest: once HR is below the configured level, from [`READY_NOT_BEFORE`] into a
/// rest on, say so; should it climb well above the level again, say that too, so the line never
/// reads "ready" while the heart rate is back up.
fn ready_cue(state: &mut State, bpm: Option<crate::core::units::Bpm>) {
    let (Some(level), Some(bpm), Some(timer)) =
        (state.settings.ready_below, bpm, state.rest.as_mut())
    else {
        return;
    };
    let said = if !timer.ready && bpm < level && state.now - timer.rest.started >= READY_NOT_BEFORE
    {
        timer.ready = true;
        format!(
            "Heart rate {} is below {}: ready for the next set.",
            bpm.get(),
            level.get()
        )
    } else if timer.ready && bpm.get() >= level.get().saturating_add(UNREADY_ABOVE) {
        timer.ready = false;
        format!(
            "Heart rate back up to {} (ready below {}): give it a little longer.",
            bpm.get(),
            level.get()
        )
    } else {
        return;
    };
    say(state, said, false);
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::app::state::Startup;
    use crate::core::heart::hrm::Contact;
    use crate::core::units::Bpm;
    use chrono::DateTime;

    fn sample(at: u64, bpm: u32, contact: Contact) -> HrEvent {
        HrEvent::Sample {
            at: Duration::from_secs(at),
            bpm: Bpm::try_from(bpm).ok(),
            rr_ms: vec![60_000.0 / f64::from(bpm)],
            contact,
            energy_kj: None,
        }
    }

    #[test]
    fn samples_update_the_figures_and_gaps_stay_gaps() {
        let now = DateTime::from_timestamp(1_790_000_000, 0).unwrap();
        let mut state = State::testing(Startup::default(), now);
        heart(
            &mut state,
            HrEvent::Connected {
                name: "simulated strap".into(),
                address: None,
            },
        );
        assert_eq!(state.heart.link, Link::Connected("simulated strap".into()));
        heart(&mut state, sample(10, 120, Contact::Detected));
        heart(&mut state, sample(11, 121, Contact::Detected));
        heart(&mut state, sample(30, 150, Contact::Detected));
        assert_eq!(state.heart.live.bpm().map(Bpm::get), Some(150));
        let gaps = state
            .heart
            .live
            .chart()
            .points()
            .filter(|(_, b)| b.is_none())
            .count();
        assert_eq!(gaps, 1, "19 s of silence is drawn as a gap");
        heart(&mut state, sample(31, 140, Contact::NotDetected));
        assert_eq!(state.heart.live.bpm(), None, "no skin contact: no value");
        heart(
            &mut state,
            HrEvent::Stale {
                silent_for: Duration::from_secs(5),
            },
        );
        assert_eq!(state.heart.link, Link::Stale(Duration::from_secs(5)));
        heart(
            &mut state,
            HrEvent::InvalidPacket {
                reason: "too short".into(),
            },
        );
        assert_eq!(state.heart.invalid_packets, 1);
        // Old samples leave the ten-minute window.
        heart(&mut state, sample(31 + 700, 100, Contact::Detected));
        assert!(
            state
                .heart
                .live
                .chart()
                .points()
                .all(|(t, _)| t >= Duration::from_secs(131))
        );
    }

    #[test]
    fn a_retry_failing_the_same_way_does_not_cover_the_status_line_again() {
        let now = DateTime::from_timestamp(1_790_000_000, 0).unwrap();
        let mut state = State::testing(Startup::default(), now);
        let lost = || HrEvent::Disconnected {
            reason: "Bluetooth lost: the system bus went away".into(),
        };
        let retry = |attempt| HrEvent::Reconnecting {
            attempt,
            delay: Duration::from_secs(1),
        };
        heart(&mut state, lost());
        heart(&mut state, retry(1));
        assert_eq!(
            state.status.as_ref().map(|s| s.text.as_str()),
            Some("Heart rate: Bluetooth lost: the system bus went away.")
        );
        say(&mut state, "Logged Back Squat 100x5", false);
        heart(&mut state, lost());
        heart(&mut state, retry(2));
        assert_eq!(
            state.status.as_ref().map(|s| s.text.as_str()),
            Some("Logged Back Squat 100x5"),
            "the same reason again is not news"
        );
        heart(
            &mut state,
            HrEvent::Disconnected {
                reason: "Bluetooth unavailable: no Bluetooth adapter found".into(),
            },
        );
        assert_eq!(
            state.status.as_ref().map(|s| s.text.as_str()),
            Some("Heart rate: Bluetooth unavailable: no Bluetooth adapter found.")
        );
    }
}
