//! Running a heart-rate source headless: a small tokio runtime, the event channel, the ways a
//! stream stops (the source ends, `--duration` is reached, Ctrl-C), and the one rule for a source
//! that never gave heart rate: a non-zero exit with the reason.

use std::time::Duration;

use color_eyre::eyre::WrapErr;
use ironpulse::hr::replay::END_OF_RECORDING;
use ironpulse::hr::{HeartRateSource, HrEvent, Speed};
use tokio::sync::mpsc::unbounded_channel;
use tokio::time::Instant;

use super::Failure;

/// Why a stream stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The source closed its channel (a replay's end, a strap that gave up).
    SourceEnded,
    /// `--duration` of source time has passed.
    Duration,
    /// Ctrl-C.
    Interrupted,
    /// The consumer asked to stop (its output went away).
    Consumer,
}

/// What came from a source while it streamed: how many samples, and why the link is down when
/// the last word from it was a disconnection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Heard {
    /// Heart-rate samples handed on.
    pub samples: u64,
    /// The reason of the last `Disconnected`, until the next `Connected` or sample.
    pub link_down: Option<String>,
}

impl Heard {
    fn event(&mut self, event: &HrEvent) {
        match event {
            HrEvent::Sample { .. } => {
                self.samples += 1;
                self.link_down = None;
            }
            HrEvent::Connected { .. } => self.link_down = None,
            HrEvent::Disconnected { reason } => self.link_down = Some(reason.clone()),
            _ => {}
        }
    }

    /// The rule for every command that reads a source: no heart rate at all (no Bluetooth, no
    /// strap, never connected) is a failure with the reason, and so is a live source that gave
    /// up while its link was down. A replay that ends, `--duration`, Ctrl-C and a reader that
    /// went away are normal ends.
    pub fn verdict(&self, stop: Stop, source: &str) -> Result<(), Failure> {
        if matches!(stop, Stop::Interrupted | Stop::Consumer) {
            return Ok(());
        }
        let down = self
            .link_down
            .as_deref()
            .filter(|reason| *reason != END_OF_RECORDING);
        if self.samples == 0 {
            return Err(Failure::no_heart_rate(source, down));
        }
        match (stop, down) {
            (Stop::SourceEnded, Some(reason)) => Err(Failure::Runtime(color_eyre::eyre::eyre!(
                "heart rate from {source} stopped: {reason}"
            ))),
            _ => Ok(()),
        }
    }
}

/// Starts `source` and hands each event, with its source time, to `on_event` (which returns
/// `false` to stop) until the
/// source ends, a sample lies beyond `limit` (source time; that sample is not handed on), or
/// Ctrl-C. A source silent past the limit is stopped by a wall-clock deadline. Returns why it
/// stopped and what was heard.
pub fn stream(
    source: Box<dyn HeartRateSource>,
    limit: Option<Duration>,
    speed: Speed,
    mut on_event: impl FnMut(&HrEvent, Duration) -> Result<bool, Failure>,
) -> Result<(Stop, Heard), Failure> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .wrap_err("could not start the heart-rate runtime")?;
    runtime.block_on(async move {
        let (tx, mut rx) = unbounded_channel();
        let _task = source.spawn(tx);
        let deadline =
            limit.map(|limit| Instant::now() + speed.wall(limit) + Duration::from_secs(1));
        let started = Instant::now();
        let ctrl_c = tokio::signal::ctrl_c();
        tokio::pin!(ctrl_c);
        let mut last_sample = Duration::ZERO;
        let mut heard = Heard::default();
        let stop = loop {
            tokio::select! {
                biased;
                event = rx.recv() => {
                    let Some(event) = event else { break Stop::SourceEnded };
                    // Everything the source sent at once, so that a link event sent with a
                    // sample (contact lost, then the sample of the same packet) takes its time.
                    let mut batch = vec![event];
                    while let Ok(more) = rx.try_recv() {
                        batch.push(more);
                    }
                    let arrived = elapsed(started, speed);
                    let delivered = Delivery {
                        limit,
                        arrived,
                        last_sample: &mut last_sample,
                        heard: &mut heard,
                    }
                    .run(&batch, &mut on_event)?;
                    if let Some(stop) = delivered {
                        break stop;
                    }
                }
                Ok(()) = &mut ctrl_c => break Stop::Interrupted,
                () = tokio::time::sleep_until(deadline.unwrap_or_else(Instant::now)),
                    if deadline.is_some() => break Stop::Duration,
            }
        };
        Ok((stop, heard))
    })
}

/// Handing one batch of events on, each with its source time.
struct Delivery<'a> {
    limit: Option<Duration>,
    /// When the batch arrived, in source time.
    arrived: Duration,
    last_sample: &'a mut Duration,
    heard: &'a mut Heard,
}

impl Delivery<'_> {
    /// Hands each event of `batch` on; `Some` when the stream stops there.
    fn run(
        self,
        batch: &[HrEvent],
        on_event: &mut impl FnMut(&HrEvent, Duration) -> Result<bool, Failure>,
    ) -> Result<Option<Stop>, Failure> {
        for (i, event) in batch.iter().enumerate() {
            let at = source_time(event, *self.last_sample);
            if at.zip(self.limit).is_some_and(|(at, limit)| at > limit) {
                return Ok(Some(Stop::Duration));
            }
            let at =
                at.unwrap_or_else(|| link_time(&batch[i + 1..], self.arrived, *self.last_sample));
            self.heard.event(event);
            if !on_event(event, at)? {
                return Ok(Some(Stop::Consumer));
            }
            if let HrEvent::Sample { at, .. } = event {
                *self.last_sample = *at;
                if Some(*at) == self.limit {
                    return Ok(Some(Stop::Duration));
                }
            }
        }
        Ok(None)
    }
}

/// A link event's source time: that of the sample sent with it (the next event of its batch),
/// else when it arrived — never before the last sample, so the times never run backwards.
fn link_time(after: &[HrEvent], arrived: Duration, last_sample: Duration) -> Duration {
    let with_sample = after.iter().find_map(|event| match event {
        HrEvent::Sample { at, .. } => Some(*at),
        _ => None,
    });
    with_sample
        .filter(|at| *at <= arrived)
        .unwrap_or(arrived)
        .max(last_sample)
}

/// Source time since the stream started, by the wall clock: what a link event's time is, on
/// the same clock as the samples' (a replay at 10× reports 10 s per wall second).
fn elapsed(started: Instant, speed: Speed) -> Duration {
    let secs = started.elapsed().as_secs_f64() * speed.get();
    Duration::try_from_secs_f64(secs).unwrap_or(Duration::MAX)
}

/// When an event happened in source time, where the event says: a sample's own time, or for
/// `Stale` the last sample's time plus the silence.
fn source_time(event: &HrEvent, last_sample: Duration) -> Option<Duration> {
    match event {
        HrEvent::Sample { at, .. } => Some(*at),
        HrEvent::Stale { silent_for } => Some(last_sample.saturating_add(*silent_for)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ironpulse::core::heart::hrm::Contact;

    fn heard(events: &[HrEvent]) -> Heard {
        let mut heard = Heard::default();
        for event in events {
            heard.event(event);
        }
        heard
    }

    fn sample() -> HrEvent {
        HrEvent::Sample {
            at: Duration::from_secs(1),
            bpm: ironpulse::core::units::Bpm::try_from(70).ok(),
            rr_ms: Vec::new(),
            contact: Contact::Detected,
            energy_kj: None,
        }
    }

    fn down(reason: &str) -> HrEvent {
        HrEvent::Disconnected {
            reason: reason.to_owned(),
        }
    }

    #[test]
    fn no_heart_rate_at_all_fails_with_the_reason() {
        let unavailable = heard(&[down("Bluetooth unavailable: no Bluetooth adapter found")]);
        for stop in [Stop::SourceEnded, Stop::Duration] {
            let err = unavailable
                .verdict(stop, "Bluetooth LE (first strap found)")
                .unwrap_err();
            assert_eq!(err.exit_code(), std::process::ExitCode::from(1));
            assert!(
                err.to_string().starts_with(
                    "no heart rate from Bluetooth LE (first strap found): Bluetooth unavailable: \
                     no Bluetooth adapter found"
                ),
                "{err}"
            );
        }
        let silent = Heard::default()
            .verdict(Stop::Duration, "the strap")
            .unwrap_err();
        assert!(
            silent
                .to_string()
                .starts_with("no heart rate from the strap: "),
            "{silent}"
        );
    }

    #[test]
    fn a_live_source_that_gives_up_after_data_fails_but_a_replay_end_does_not() {
        let lost = heard(&[sample(), down("the bus went away")]);
        assert_eq!(
            lost.verdict(Stop::SourceEnded, "the strap")
                .unwrap_err()
                .to_string(),
            "heart rate from the strap stopped: the bus went away"
        );
        assert!(lost.verdict(Stop::Duration, "the strap").is_ok());
        let replay = heard(&[sample(), down(END_OF_RECORDING)]);
        assert!(replay.verdict(Stop::SourceEnded, "replay").is_ok());
        // Back after a drop: fine.
        let back = heard(&[sample(), down("lost"), sample()]);
        assert!(back.verdict(Stop::SourceEnded, "the strap").is_ok());
    }

    #[test]
    fn a_link_event_sent_with_a_sample_takes_its_time_and_times_never_run_backwards() {
        let sample_at = |ms| HrEvent::Sample {
            at: Duration::from_millis(ms),
            bpm: None,
            rr_ms: Vec::new(),
            contact: Contact::NotDetected,
            energy_kj: None,
        };
        let ms = Duration::from_millis;
        // Contact lost and the packet's sample, arriving a moment after the packet's 3000 ms.
        assert_eq!(link_time(&[sample_at(3000)], ms(3001), ms(1000)), ms(3000));
        // Alone, it is stamped when it arrived…
        assert_eq!(link_time(&[], ms(2001), ms(1000)), ms(2001));
        // …but never before the last sample.
        assert_eq!(link_time(&[], ms(900), ms(1000)), ms(1000));
        // A sample later than the arrival is not this event's.
        assert_eq!(link_time(&[sample_at(5000)], ms(4000), ms(3000)), ms(4000));
    }

    #[test]
    fn ctrl_c_and_a_reader_that_left_are_normal_ends_even_without_data() {
        for stop in [Stop::Interrupted, Stop::Consumer] {
            assert!(Heard::default().verdict(stop, "x").is_ok());
        }
    }
}
