//! Heart-rate sources and strap scans, each on a thread of its own with its own tokio runtime.
//!
//! A source that panics is contained there: the app hears `Disconnected` with the reason and, for
//! a strap, `Reconnecting` — it is started again after the usual wait. When a source stops, its
//! runtime goes with it, and so does every task a library left behind (btleplug leaves one per
//! D-Bus connection, alive for as long as the bus is).

use std::sync::mpsc;
use std::time::Duration;

use tokio::sync::mpsc::{UnboundedSender, unbounded_channel};
use tokio::sync::oneshot;

use super::terminal::payload_text;
use crate::hr::{HeartRateSource, HrEvent, Strap};

/// A heart-rate source running on its own thread. Dropping it stops the source (a strap is hung
/// up) without waiting; [`SourceWorker::stop`] waits for that.
pub struct SourceWorker {
    stop: Option<oneshot::Sender<()>>,
    done: mpsc::Receiver<()>,
}

impl SourceWorker {
    /// Starts `source` on a new thread; its events go to `out`. A source that panics is started
    /// again after its own waits, when it can be ([`HeartRateSource::again`],
    /// [`HeartRateSource::restart_delay`]).
    pub fn start(
        source: Box<dyn HeartRateSource>,
        out: UnboundedSender<HrEvent>,
    ) -> std::io::Result<SourceWorker> {
        let (stop, stopped) = oneshot::channel();
        let (finished, done) = mpsc::channel();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        std::thread::Builder::new()
            .name("heart-rate".into())
            .spawn(move || {
                runtime.block_on(supervise(source, &out, stopped));
                // The runtime, and whatever tasks the source left on it, go now.
                drop(runtime);
                let _ = finished.send(());
            })?;
        Ok(SourceWorker {
            stop: Some(stop),
            done,
        })
    }

    /// Stops the source and waits up to `within` for it to finish (a strap to be hung up).
    pub fn stop(mut self, within: Duration) {
        self.stop.take();
        let _ = self.done.recv_timeout(within);
    }
}

impl Drop for SourceWorker {
    fn drop(&mut self) {
        // Dropping the sender is the stop signal.
        self.stop.take();
    }
}

/// How long a stopping source may take to hang up.
const HANG_UP: Duration = Duration::from_secs(5);

/// Runs `source`, forwarding its events to `out`, until it ends, `stop` fires or `out` closes;
/// starts it again after a panic when it can be.
async fn supervise(
    mut source: Box<dyn HeartRateSource>,
    out: &UnboundedSender<HrEvent>,
    mut stop: oneshot::Receiver<()>,
) {
    let mut attempt = 0;
    loop {
        let again = source.again();
        let (tx, mut rx) = unbounded_channel();
        let mut task = source.spawn(tx);
        loop {
            tokio::select! {
                event = rx.recv() => {
                    let Some(event) = event else { break };
                    if matches!(event, HrEvent::Connected { .. }) {
                        attempt = 0;
                    }
                    if out.send(event).is_err() {
                        break;
                    }
                }
                _ = &mut stop => break,
            }
        }
        // Closing the source's channel tells it to stop (a strap is hung up); give it the time.
        drop(rx);
        let failure = match tokio::time::timeout(HANG_UP, &mut task).await {
            Ok(Err(err)) if err.is_panic() => payload_text(&*err.into_panic()),
            Ok(_) => return,
            Err(_) => {
                task.abort();
                return;
            }
        };
        if out.is_closed() || stop_requested(&mut stop) {
            return;
        }
        let Some(next) = again else {
            let _ = out.send(HrEvent::Disconnected {
                reason: format!("the heart-rate source failed ({failure})"),
            });
            return;
        };
        attempt += 1;
        let delay = next.restart_delay(attempt);
        let told = out
            .send(HrEvent::Disconnected {
                reason: format!("the heart-rate source failed ({failure}); starting it again"),
            })
            .and_then(|()| out.send(HrEvent::Reconnecting { attempt, delay }));
        if told.is_err() {
            return;
        }
        tokio::select! {
            () = tokio::time::sleep(delay) => {}
            _ = &mut stop => return,
        }
        source = next;
    }
}

/// Whether the stop signal has come (the sender was dropped or fired).
fn stop_requested(stop: &mut oneshot::Receiver<()>) -> bool {
    !matches!(stop.try_recv(), Err(oneshot::error::TryRecvError::Empty))
}

/// Scans for straps on a thread of its own and hands the result to `reply`; a scan that panics
/// is an error like any other.
pub fn scan(
    reply: impl FnOnce(Result<Vec<Strap>, String>) + Send + 'static,
) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    std::thread::Builder::new()
        .name("strap-scan".into())
        .spawn(move || {
            let found = runtime.block_on(async {
                match tokio::spawn(crate::hr::scan_straps()).await {
                    Ok(found) => found,
                    Err(err) => Err(format!(
                        "the Bluetooth scan failed ({})",
                        err.try_into_panic()
                            .map_or_else(|_| "cancelled".to_owned(), |p| payload_text(&*p))
                    )),
                }
            });
            drop(runtime);
            reply(found);
        })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::task::JoinHandle;

    /// A source that sends `Connected`, one event, then panics.
    #[derive(Clone)]
    struct Fragile {
        restartable: bool,
    }

    impl HeartRateSource for Fragile {
        fn describe(&self) -> String {
            "fragile".into()
        }

        fn spawn(self: Box<Self>, tx: UnboundedSender<HrEvent>) -> JoinHandle<()> {
            tokio::spawn(async move {
                let _ = tx.send(HrEvent::Connected {
                    name: "fragile".into(),
                    address: None,
                });
                let _ = tx.send(HrEvent::Battery(50));
                panic!("called `Result::unwrap()` on an `Err` value: Failed to send message");
            })
        }

        fn again(&self) -> Option<Box<dyn HeartRateSource>> {
            self.restartable
                .then(|| Box::new(self.clone()) as Box<dyn HeartRateSource>)
        }

        fn restart_delay(&self, _: u32) -> Duration {
            Duration::from_millis(10)
        }
    }

    #[test]
    fn a_source_that_panics_is_reported_and_started_again() {
        let (out, mut events) = unbounded_channel();
        let worker = SourceWorker::start(Box::new(Fragile { restartable: true }), out).unwrap();
        let mut seen = Vec::new();
        while seen.len() < 6 {
            match events.blocking_recv() {
                Some(event) => seen.push(event),
                None => panic!("the worker stopped: {seen:?}"),
            }
        }
        worker.stop(Duration::from_secs(5));
        let failed = HrEvent::Disconnected {
            reason: "the heart-rate source failed (called `Result::unwrap()` on an `Err` value: \
                     Failed to send message); starting it again"
                .into(),
        };
        assert_eq!(seen[2], failed);
        assert_eq!(
            seen[3],
            HrEvent::Reconnecting {
                attempt: 1,
                delay: Duration::from_millis(10)
            }
        );
        assert!(
            matches!(seen[4], HrEvent::Connected { .. }),
            "started again: {seen:?}"
        );
    }

    #[test]
    fn a_source_that_cannot_start_over_is_reported_once() {
        let (out, mut events) = unbounded_channel();
        let _worker = SourceWorker::start(Box::new(Fragile { restartable: false }), out).unwrap();
        let mut seen = Vec::new();
        while let Some(event) = events.blocking_recv() {
            seen.push(event);
        }
        assert_eq!(seen.len(), 3, "{seen:?}");
        assert_eq!(
            seen[2],
            HrEvent::Disconnected {
                reason: "the heart-rate source failed (called `Result::unwrap()` on an `Err` \
                         value: Failed to send message)"
                    .into()
            }
        );
    }
}
