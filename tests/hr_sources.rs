//! Heart-rate sources end to end on tokio's paused clock: the replay of a fixture gives an exact
//! event sequence at the right (scaled) times, and the seeded simulator is repeatable and
//! physiologically plausible.

use std::path::Path;
use std::time::Duration;

use ironpulse::core::heart::hrm::Contact;
use ironpulse::core::heart::hrv::{clean, rmssd};
use ironpulse::core::units::Bpm;
use ironpulse::hr::sim::SimConfig;
use ironpulse::hr::{HrEvent, ReplaySource, SimControl, SimSource, Speed};
use tokio::sync::mpsc::{UnboundedReceiver, unbounded_channel};
use tokio::time::Instant;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hr/short.hr");

fn ms(v: u64) -> Duration {
    Duration::from_millis(v)
}

fn speed(x: f64) -> Speed {
    Speed::try_from(x).unwrap()
}

fn sample(
    at: u64,
    bpm: Option<u32>,
    rr_raw: &[u16],
    contact: Contact,
    energy: Option<u16>,
) -> HrEvent {
    HrEvent::Sample {
        at: ms(at),
        bpm: bpm.map(|b| Bpm::try_from(b).unwrap()),
        rr_ms: rr_raw
            .iter()
            .map(|&r| f64::from(r) * 1000.0 / 1024.0)
            .collect(),
        contact,
        energy_kj: energy,
    }
}

/// Every event with the wall-clock (paused tokio) time it arrived, since `start`.
async fn drain(mut rx: UnboundedReceiver<HrEvent>, start: Instant) -> Vec<(Duration, HrEvent)> {
    let mut out = Vec::new();
    while let Some(event) = rx.recv().await {
        out.push((start.elapsed(), event));
    }
    out
}

#[tokio::test(start_paused = true)]
async fn the_fixture_replays_as_an_exact_event_sequence() {
    let source = ReplaySource::load(Path::new(FIXTURE), Speed::REAL_TIME).unwrap();
    let (tx, rx) = unbounded_channel();
    let start = Instant::now();
    tokio::spawn(source.run(tx));
    let events = drain(rx, start).await;
    let expected = vec![
        (
            0,
            HrEvent::Connected {
                name: "replay of short.hr".into(),
                address: None,
            },
        ),
        (0, sample(0, Some(60), &[], Contact::Detected, None)),
        (
            1000,
            sample(1000, Some(60), &[0x0411], Contact::Detected, None),
        ),
        (
            2000,
            HrEvent::InvalidPacket {
                reason: "heart-rate packet is too short: its flags need 2 bytes, it has 1".into(),
            },
        ),
        (3000, HrEvent::ContactLost),
        (3000, sample(3000, None, &[], Contact::NotDetected, None)),
        // 5 s after the last sample (3 s), not after the invalid packet.
        (
            8000,
            HrEvent::Stale {
                silent_for: ms(5000),
            },
        ),
        (
            10_000,
            sample(10_000, Some(150), &[0x019A], Contact::Detected, None),
        ),
        (
            11_000,
            sample(11_000, Some(150), &[0x01A0], Contact::Detected, Some(400)),
        ),
        (
            11_000,
            HrEvent::Disconnected {
                reason: "end of recording".into(),
            },
        ),
    ];
    let expected: Vec<(Duration, HrEvent)> =
        expected.into_iter().map(|(t, e)| (ms(t), e)).collect();
    assert_eq!(events, expected);
}

#[tokio::test(start_paused = true)]
async fn the_speed_factor_divides_wall_time_but_not_source_time() {
    let source = ReplaySource::load(Path::new(FIXTURE), speed(10.0)).unwrap();
    let (tx, rx) = unbounded_channel();
    let start = Instant::now();
    tokio::spawn(source.run(tx));
    let events = drain(rx, start).await;
    let samples: Vec<(Duration, Duration)> = events
        .iter()
        .filter_map(|(wall, e)| match e {
            HrEvent::Sample { at, .. } => Some((*wall, *at)),
            _ => None,
        })
        .collect();
    assert_eq!(
        samples,
        vec![
            (ms(0), ms(0)),
            (ms(100), ms(1000)),
            (ms(300), ms(3000)),
            (ms(1000), ms(10_000)),
            (ms(1100), ms(11_000)),
        ]
    );
    let stale = events
        .iter()
        .find(|(_, e)| matches!(e, HrEvent::Stale { .. }));
    assert_eq!(stale.map(|(wall, _)| *wall), Some(ms(800)));
}

#[tokio::test(start_paused = true)]
async fn a_replay_stops_when_nobody_listens() {
    let source = ReplaySource::load(Path::new(FIXTURE), Speed::REAL_TIME).unwrap();
    let (tx, mut rx) = unbounded_channel();
    let task = tokio::spawn(source.run(tx));
    assert!(matches!(rx.recv().await, Some(HrEvent::Connected { .. })));
    drop(rx);
    let start = Instant::now();
    task.await.unwrap();
    assert!(
        start.elapsed() < ms(1000),
        "stopped at once, not after the recording"
    );
}

#[test]
fn a_malformed_recording_is_refused_before_streaming_naming_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.hr");
    std::fs::write(&path, "# fine\n0 063c\n1000 063c\nabc 063c\n").unwrap();
    let err = ReplaySource::load(&path, Speed::REAL_TIME).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "the recording {} cannot be replayed: line 4: recording line \"abc 063c\" does not \
             start with a time in milliseconds",
            path.display()
        )
    );
    let missing = ReplaySource::load(&dir.path().join("nope.hr"), Speed::REAL_TIME).unwrap_err();
    assert!(missing.to_string().starts_with("cannot read the recording"));
}

/// The simulator's events for `seconds` of source time.
async fn simulate(config: SimConfig, seconds: u64) -> Vec<HrEvent> {
    let (tx, mut rx) = unbounded_channel();
    tokio::spawn(SimSource::new(config).run(tx));
    let mut out = Vec::new();
    while let Some(event) = rx.recv().await {
        let done =
            matches!(event, HrEvent::Sample { at, .. } if at >= Duration::from_secs(seconds));
        out.push(event);
        if done {
            break;
        }
    }
    out
}

fn samples(events: &[HrEvent]) -> Vec<(u64, u16, Vec<f64>)> {
    events
        .iter()
        .filter_map(|e| match e {
            HrEvent::Sample { at, bpm, rr_ms, .. } => {
                Some((at.as_secs(), bpm.map_or(0, Bpm::get), rr_ms.clone()))
            }
            _ => None,
        })
        .collect()
}

#[tokio::test(start_paused = true)]
async fn the_same_seed_gives_the_same_stream() {
    let a = simulate(SimConfig::seeded(11), 200).await;
    let b = simulate(SimConfig::seeded(11), 200).await;
    let c = simulate(SimConfig::seeded(12), 200).await;
    assert_eq!(a, b);
    assert_ne!(samples(&a), samples(&c));
    assert_eq!(
        a[..3],
        [
            HrEvent::Connected {
                name: "simulated strap (seed 11)".into(),
                address: None
            },
            HrEvent::Battery(100),
            HrEvent::SensorLocation("chest"),
        ]
    );
    let times: Vec<u64> = samples(&a).iter().map(|s| s.0).collect();
    assert_eq!(times, (1..=200).collect::<Vec<_>>(), "one sample a second");
}

#[tokio::test(start_paused = true)]
async fn scripted_heart_rate_rises_in_work_and_falls_in_rest() {
    // The default script: 40 s work, 120 s rest, from about 72 bpm (rest 60, max 185).
    let s = samples(&simulate(SimConfig::seeded(1), 160).await);
    let bpm = |t: u64| i32::from(s[t as usize - 1].1);
    assert!((65..=82).contains(&bpm(1)), "start {}", bpm(1));
    assert!(bpm(40) - bpm(1) >= 50, "work: {} → {}", bpm(1), bpm(40));
    assert!((135..=155).contains(&bpm(40)), "end of the set {}", bpm(40));
    assert!(bpm(40) - bpm(160) >= 35, "rest: {} → {}", bpm(40), bpm(160));
    assert!(
        (85..=105).contains(&bpm(160)),
        "end of the rest {}",
        bpm(160)
    );

    let rr = |from: u64, to: u64| -> Vec<f64> {
        s[from as usize - 1..to as usize]
            .iter()
            .flat_map(|x| x.2.clone())
            .collect()
    };
    let work = rmssd(&clean(&rr(20, 40)).intervals).unwrap();
    let rest = rmssd(&clean(&rr(100, 160)).intervals).unwrap();
    assert!((2.0..=15.0).contains(&work), "RMSSD in the set {work} ms");
    assert!(
        (10.0..=45.0).contains(&rest),
        "RMSSD between sets {rest} ms"
    );
    // RR agrees with the heart rate: 60000 / mean RR ≈ mean bpm over the rest minute.
    let rest_rr = rr(100, 160);
    let mean_rr = rest_rr.iter().sum::<f64>() / rest_rr.len() as f64;
    let mean_bpm = (100..=160).map(|t| f64::from(bpm(t))).sum::<f64>() / 61.0;
    assert!((60_000.0 / mean_rr - mean_bpm).abs() < 3.0);
}

#[tokio::test(start_paused = true)]
async fn the_control_channel_overrides_the_script_and_can_silence_the_strap() {
    let mut source = SimSource::new(SimConfig::seeded(3));
    let control = source.control();
    let (tx, mut rx) = unbounded_channel();
    tokio::spawn(source.run(tx));
    let mut bpm_at = Vec::new();
    let mut stale = Vec::new();
    // Rest first (the script would work), then a set at 60 s, then silence at 100 s.
    control.send(SimControl::SetEnded).unwrap();
    while let Some(event) = rx.recv().await {
        match event {
            HrEvent::Sample { at, bpm, .. } => {
                let secs = at.as_secs();
                bpm_at.push((secs, bpm.map_or(0, Bpm::get)));
                if secs == 60 {
                    control.send(SimControl::SetStarted).unwrap();
                }
                if secs == 100 {
                    control
                        .send(SimControl::Silence(Duration::from_secs(10)))
                        .unwrap();
                }
                if secs == 115 {
                    break;
                }
            }
            HrEvent::Stale { silent_for } => stale.push((bpm_at.len(), silent_for)),
            _ => {}
        }
    }
    let bpm = |t: u64| {
        bpm_at
            .iter()
            .find(|(s, _)| *s == t)
            .map(|(_, b)| i32::from(*b))
    };
    assert!(
        bpm(40).unwrap() < 100,
        "no work while told to rest: {:?}",
        bpm(40)
    );
    assert!(
        bpm(100).unwrap() - bpm(60).unwrap() >= 40,
        "{:?} → {:?}",
        bpm(60),
        bpm(100)
    );
    let times: Vec<u64> = bpm_at.iter().map(|(s, _)| *s).collect();
    assert!(
        !times.contains(&101) && !times.contains(&110),
        "silent 101–110 s"
    );
    assert!(times.contains(&111));
    assert_eq!(
        stale,
        vec![(100, Duration::from_secs(5))],
        "stale once, 5 s into the silence"
    );
}
