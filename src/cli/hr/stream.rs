//! Running a heart-rate source headless: a small tokio runtime, the event channel, and the three
//! ways a stream stops (the source ends, `--duration` is reached, Ctrl-C).

use std::time::Duration;

use color_eyre::eyre::WrapErr;
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

/// Starts `source` and hands each event to `on_event` (which returns `false` to stop) until the
/// source ends, a sample lies beyond `limit` (source time; that sample is not handed on), or
/// Ctrl-C. A source silent past the limit is stopped by a wall-clock deadline.
pub fn stream(
    source: Box<dyn HeartRateSource>,
    limit: Option<Duration>,
    speed: Speed,
    mut on_event: impl FnMut(&HrEvent) -> Result<bool, Failure>,
) -> Result<Stop, Failure> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .wrap_err("could not start the heart-rate runtime")?;
    runtime.block_on(async move {
        let (tx, mut rx) = unbounded_channel();
        let _task = source.spawn(tx);
        let deadline =
            limit.map(|limit| Instant::now() + speed.wall(limit) + Duration::from_secs(1));
        let ctrl_c = tokio::signal::ctrl_c();
        tokio::pin!(ctrl_c);
        let mut last_sample = Duration::ZERO;
        loop {
            tokio::select! {
                biased;
                event = rx.recv() => {
                    let Some(event) = event else { return Ok(Stop::SourceEnded) };
                    let at = source_time(&event, last_sample);
                    if at.zip(limit).is_some_and(|(at, limit)| at > limit) {
                        return Ok(Stop::Duration);
                    }
                    if !on_event(&event)? {
                        return Ok(Stop::Consumer);
                    }
                    if let HrEvent::Sample { at, .. } = event {
                        last_sample = at;
                        if Some(at) == limit {
                            return Ok(Stop::Duration);
                        }
                    }
                }
                Ok(()) = &mut ctrl_c => return Ok(Stop::Interrupted),
                () = tokio::time::sleep_until(deadline.unwrap_or_else(Instant::now)),
                    if deadline.is_some() => return Ok(Stop::Duration),
            }
        }
    })
}

/// When an event happened in source time, where that is known: a sample's own time, or for
/// `Stale` the last sample's time plus the silence.
fn source_time(event: &HrEvent, last_sample: Duration) -> Option<Duration> {
    match event {
        HrEvent::Sample { at, .. } => Some(*at),
        HrEvent::Stale { silent_for } => Some(last_sample.saturating_add(*silent_for)),
        _ => None,
    }
}
