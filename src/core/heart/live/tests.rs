//! Sample sequences in, known readings, batches, gaps and set figures out.

use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};

use super::*;
use crate::core::heart::sample::{GAP_AFTER, HrGap, HrSample};
use crate::core::heart::set_hr::SetHr;
use crate::core::profile::Sex;
use crate::core::workout::session::{LoggedSet, SetId};
use crate::core::workout::set::SetSpec;

/// The session starts at the source's zero: source second `s` is offset `s · 1000`.
fn start() -> DateTime<Utc> {
    DateTime::from_timestamp(1_790_000_000, 0).unwrap()
}

fn bpm(v: u32) -> Bpm {
    Bpm::try_from(v).unwrap()
}

/// Karvonen from 50 to 190 with an LTHR of 165.
fn models() -> Models {
    let zones = ZoneModel::karvonen(bpm(50), bpm(190)).unwrap();
    let load = LoadParams::new(bpm(50), bpm(190), Some(bpm(165)), Sex::Male).unwrap();
    Models::new(zones, Some(load))
}

/// What the sequence feeds in: a sample at a second, or the link going quiet.
#[derive(Clone, Copy)]
enum In {
    /// Source second, bpm (0: a value outside 20–250), contact.
    Beat(u32, u32, Contact),
    Lost(GapReason),
}
use In::{Beat, Lost};
const ON: Contact = Contact::Detected;
const OFF: Contact = Contact::NotDetected;

/// Runs `inputs` through a live session (arriving at their source second) and gathers every
/// batch handed to the store.
fn run(live: &mut LiveHr, inputs: &[In]) -> Batch {
    let models = models();
    let mut all = Batch::default();
    for input in inputs {
        match *input {
            Beat(second, value, contact) => {
                let handed = live.sample(
                    Sample {
                        at: Duration::from_secs(u64::from(second)),
                        bpm: Bpm::try_from(value).ok(),
                        rr_ms: &[],
                        contact,
                    },
                    Moment {
                        now: start() + TimeDelta::seconds(i64::from(second)),
                        session_start: Some(start()),
                        models: Some(&models),
                    },
                );
                if let Some(batch) = handed.batch {
                    all.samples.extend(batch.samples);
                    all.gaps.extend(batch.gaps);
                }
            }
            Lost(reason) => live.lost(reason),
        }
    }
    all
}

fn seconds(batch: &Batch) -> Vec<u32> {
    batch.samples.iter().map(|s| s.offset_ms / 1000).collect()
}

const fn gap(from: u32, to: u32, reason: GapReason) -> HrGap {
    HrGap {
        from_ms: from * 1000,
        to_ms: to * 1000,
        reason,
    }
}

/// A sequence's name, what it feeds in, and the seconds and gaps the store gets.
type Case<'a> = (&'a str, &'a [In], &'a [u32], &'a [HrGap]);

#[test]
fn sequences_with_silences_contact_loss_and_reconnects_store_every_sample_and_their_gaps() {
    let cases: &[Case] = &[
        (
            "steady",
            &[Beat(1, 120, ON), Beat(2, 121, ON), Beat(3, 122, ON)],
            &[1, 2, 3],
            &[],
        ),
        (
            "silent, then back",
            &[Beat(1, 120, ON), Lost(GapReason::Silent), Beat(9, 130, ON)],
            &[1, 9],
            &[gap(1, 9, GapReason::Silent)],
        ),
        (
            "contact lost for two samples",
            &[
                Beat(1, 120, ON),
                Beat(2, 0, OFF),
                Beat(3, 140, OFF),
                Beat(4, 125, ON),
            ],
            &[1, 4],
            &[gap(1, 4, GapReason::NoContact)],
        ),
        (
            "disconnected, a retry failing again, reconnected",
            &[
                Beat(1, 120, ON),
                Lost(GapReason::Disconnected),
                Lost(GapReason::Silent),
                Beat(20, 110, ON),
            ],
            &[1, 20],
            &[gap(1, 20, GapReason::Disconnected)],
        ),
        (
            "a sample again at the same instant is stored once",
            &[Beat(1, 120, ON), Beat(1, 120, ON), Beat(2, 121, ON)],
            &[1, 2],
            &[],
        ),
        (
            "silence before the first sample is no gap",
            &[Lost(GapReason::Silent), Beat(5, 120, ON)],
            &[5],
            &[],
        ),
    ];
    for (name, inputs, stored, gaps) in cases {
        let mut live = LiveHr::default();
        let batch = run(&mut live, inputs);
        assert_eq!(seconds(&batch), *stored, "{name}");
        assert_eq!(batch.gaps, *gaps, "{name}");
        assert!(live.log().pending().is_empty(), "{name}: nothing waits");
    }
}

#[test]
fn the_reading_follows_each_sample_and_a_lost_link_clears_it() {
    let mut live = LiveHr::default();
    run(&mut live, &[Beat(0, 165, ON)]);
    // 165 bpm is 82 % of the 50–190 reserve: Karvonen Z4; the first sample counts no load.
    assert_eq!(live.bpm(), Some(bpm(165)));
    assert_eq!(live.zone().map(|z| z.label), Some("Z4"));
    assert_eq!(live.hr_tss(), Some(0.0));
    run(&mut live, &[Beat(1, 140, OFF)]);
    assert_eq!(
        (live.bpm(), live.zone()),
        (None, None),
        "no contact: no value"
    );
    assert_eq!(live.contact(), Some(OFF));
    run(
        &mut live,
        &[Beat(2, 0, ON), Beat(3, 0, Contact::NotSupported)],
    );
    assert_eq!(live.out_of_range(), 2, "out of range with contact, counted");
    run(&mut live, &[Beat(4, 120, ON), Lost(GapReason::Silent)]);
    assert_eq!(live.bpm(), None);
    assert_eq!(
        live.source_time(start() + TimeDelta::seconds(30)),
        Some(Duration::from_secs(30))
    );
}

#[test]
fn the_chart_breaks_after_the_gap_rule_and_keeps_ten_minutes() {
    let mut live = LiveHr::default();
    // 5 s apart is a strap's beat or two missed: a line. 6 s is a gap.
    run(
        &mut live,
        &[Beat(0, 100, ON), Beat(5, 101, ON), Beat(11, 102, ON)],
    );
    let points: Vec<_> = live
        .chart()
        .points()
        .map(|(t, b)| (t.as_secs(), b))
        .collect();
    assert_eq!(
        points,
        [
            (0, Some(bpm(100))),
            (5, Some(bpm(101))),
            (11, None),
            (11, Some(bpm(102)))
        ]
    );
    assert_eq!(GAP_AFTER, Duration::from_secs(5));
    run(&mut live, &[Beat(611, 103, ON)]);
    assert_eq!(live.chart().latest(), Some(Duration::from_secs(611)));
    assert!(
        live.chart().points().all(|(t, _)| t.as_secs() >= 11),
        "older than ten minutes leaves"
    );
}

#[test]
fn without_a_session_nothing_is_stored_and_the_profile_still_gives_the_zone() {
    let models = models();
    let mut live = LiveHr::default();
    let handed = live.sample(
        Sample {
            at: Duration::ZERO,
            bpm: Some(bpm(120)),
            rr_ms: &[],
            contact: ON,
        },
        Moment {
            now: start(),
            session_start: None,
            models: Some(&models),
        },
    );
    assert_eq!(handed, Handed::default());
    assert_eq!(live.zone().map(|z| z.label), Some("Z1"));
    assert!(live.meter().is_none(), "figures are a session's");
}

/// A running log whose store failed at second 2 (a full disk) with the sample of second 2.
fn failing() -> LiveHr {
    let mut live = LiveHr::default();
    let sent = run(&mut live, &[Beat(1, 120, ON), Beat(2, 121, ON)]);
    assert_eq!(seconds(&sent), [1, 2]);
    let refused = Batch {
        samples: sent.samples[1..].to_vec(),
        gaps: Vec::new(),
    };
    let now = start() + TimeDelta::seconds(2);
    let notices = live
        .log_mut()
        .not_saved(refused, GapReason::DiskFull, true, now);
    assert_eq!(
        notices,
        [Notice::Kept {
            reason: GapReason::DiskFull
        }]
    );
    live
}

#[test]
fn a_refused_batch_waits_and_is_tried_again_after_five_seconds_in_order() {
    let mut live = failing();
    // Before the retry is due, new samples wait with it.
    let waiting = run(&mut live, &[Beat(3, 122, ON), Beat(6, 123, ON)]);
    assert!(waiting.samples.is_empty());
    assert_eq!(
        live.log()
            .pending()
            .iter()
            .map(|s| s.offset_ms)
            .collect::<Vec<_>>(),
        [2_000, 3_000, 6_000]
    );
    assert!(live.log().is_unsaved());
    // 7 s is 5 s after the failure: everything that waited goes, once, in order.
    let retried = run(&mut live, &[Beat(7, 124, ON)]);
    assert_eq!(seconds(&retried), [2, 3, 6, 7]);
    // The same failure again is not said again.
    let again = live.log_mut().not_saved(
        retried,
        GapReason::DiskFull,
        true,
        start() + TimeDelta::seconds(7),
    );
    assert!(again.is_empty(), "{again:?}");
    assert_eq!(live.log_mut().appended(), Some(Notice::SavedAgain));
    assert_eq!(live.log_mut().appended(), None);
}

#[test]
fn a_batch_a_retry_cannot_help_becomes_a_gap_to_the_next_sample() {
    let mut live = LiveHr::default();
    let sent = run(&mut live, &[Beat(1, 120, ON)]);
    let notices = live.log_mut().not_saved(
        sent,
        GapReason::WriteFailed,
        false,
        start() + TimeDelta::seconds(1),
    );
    assert_eq!(
        notices,
        [Notice::GivenUp {
            from_ms: 1_000,
            reason: GapReason::WriteFailed
        }]
    );
    assert!(!live.log().is_unsaved());
    let next = run(&mut live, &[Beat(2, 121, ON)]);
    assert_eq!(seconds(&next), [2]);
    assert_eq!(next.gaps, [gap(1, 2, GapReason::WriteFailed)]);
}

#[test]
fn past_thirty_minutes_unsaved_the_oldest_is_given_up_as_one_gap_said_once() {
    let mut live = failing();
    let mut notices = Vec::new();
    // Forty minutes of a full disk: each retry (every 5 s) refused again.
    for second in 3..=2_402 {
        let handed = sample_at(&mut live, second);
        notices.extend(handed.notice);
        if let Some(batch) = handed.batch {
            let now = start() + TimeDelta::seconds(i64::from(second));
            notices.extend(
                live.log_mut()
                    .not_saved(batch, GapReason::DiskFull, true, now),
            );
        }
    }
    assert_eq!(
        notices,
        [Notice::GivenUp {
            from_ms: 2_000,
            reason: GapReason::DiskFull
        }],
        "told once"
    );
    let waiting = live.log().pending();
    assert_eq!(waiting.last().unwrap().offset_ms, 2_402_000);
    assert_eq!(
        waiting.last().unwrap().offset_ms - waiting[0].offset_ms,
        UNSAVED_MS,
        "the newest half hour waits, no more"
    );
    // The disk has room again: what waited goes with one gap for what was given up.
    let flushed = live.log_mut().flush().unwrap();
    assert_eq!(
        flushed.gaps,
        [gap(2, 602, GapReason::DiskFull)],
        "from the first sample given up to the first kept"
    );
    assert_eq!(flushed.samples.len(), 1_801);
}

fn sample_at(live: &mut LiveHr, second: u32) -> Handed {
    let models = models();
    live.sample(
        Sample {
            at: Duration::from_secs(u64::from(second)),
            bpm: Some(bpm(120)),
            rr_ms: &[],
            contact: ON,
        },
        Moment {
            now: start() + TimeDelta::seconds(i64::from(second)),
            session_start: Some(start()),
            models: Some(&models),
        },
    )
}

#[test]
fn heart_rate_still_unsaved_when_the_session_ends_becomes_a_gap_to_its_end() {
    let mut live = failing();
    assert_eq!(
        live.session_over(Some(60_000)),
        Some(LeftUnsaved {
            from_ms: 2_000,
            reason: GapReason::DiskFull,
            gap: Some(gap(2, 60, GapReason::DiskFull)),
        })
    );
    assert!(live.log().pending().is_empty());
    assert!(live.meter().is_none());
    // Saved in time: nothing to say.
    let mut live = LiveHr::default();
    run(&mut live, &[Beat(1, 120, ON)]);
    assert_eq!(live.session_over(Some(60_000)), None);
}

#[test]
fn a_batch_back_after_its_session_is_one_gap_over_its_samples() {
    let samples = |range: std::ops::RangeInclusive<u32>| Batch {
        samples: range
            .map(|s| HrSample {
                offset_ms: s * 1000,
                bpm: bpm(120),
                rr: Vec::new(),
            })
            .collect(),
        gaps: Vec::new(),
    };
    assert_eq!(
        after_the_session(&samples(5..=9), GapReason::DiskFull),
        Some(gap(5, 9, GapReason::DiskFull))
    );
    assert_eq!(
        after_the_session(&samples(5..=5), GapReason::DiskFull),
        None
    );
    assert_eq!(
        after_the_session(&Batch::default(), GapReason::DiskFull),
        None
    );
}

#[test]
fn a_set_settles_once_its_recovery_minute_is_over() {
    // 100 bpm for 10 s, climbing 3 a second to 190 at 40 s (the set's end), then falling 1 a
    // second: 160 at 70 s, 130 at 100 s.
    let rate = |s: u32| match s {
        0..=10 => 100,
        11..=40 => 100 + 3 * (s - 10),
        _ => 190 - (s - 40),
    };
    let mut live = LiveHr::default();
    let mut settled = Vec::new();
    let set = LoggedSet {
        id: SetId(3),
        spec: SetSpec::default(),
        completed_at: start() + TimeDelta::seconds(40),
    };
    for second in 0..=110 {
        let handed = sample_at_rate(&mut live, second, rate(second));
        settled.extend(handed.settled);
        if second == 41 {
            live.log_mut()
                .sets_logged(start(), std::slice::from_ref(&set));
        }
        if second == 104 {
            assert!(settled.is_empty(), "not before 65 s after the set's end");
        }
    }
    let expected = SetHr {
        start: Some(bpm(100)),
        end: Some(bpm(190)),
        peak: Some(bpm(190)),
        recovery_30: Some(30),
        recovery_60: Some(60),
    };
    assert_eq!(settled, [(SetId(3), expected)]);
    assert_eq!(live.log().set_hr(SetId(3)), Some(&expected));
    assert!(live.log_mut().settle(u32::MAX).is_empty(), "settled once");
}

fn sample_at_rate(live: &mut LiveHr, second: u32, rate: u32) -> Handed {
    let models = models();
    live.sample(
        Sample {
            at: Duration::from_secs(u64::from(second)),
            bpm: Some(bpm(rate)),
            rr_ms: &[],
            contact: ON,
        },
        Moment {
            now: start() + TimeDelta::seconds(i64::from(second)),
            session_start: Some(start()),
            models: Some(&models),
        },
    )
}
