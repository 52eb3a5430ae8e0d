//! The reconnect loop: find the strap, open a link, stream until the link is lost or goes
//! silent, then wait (1, 2, 4 … 30 s) and do it all again, forever. The system bus is watched all
//! along: when it goes away, the session with `BlueZ` is dropped (its streams safely, see
//! [`bus::discard`]) and a new one is opened once the bus is back.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use btleplug::api::bleuuid::uuid_from_u16;
use btleplug::api::{Central as _, CentralEvent, Peripheral as _};
use btleplug::platform::{Adapter, Peripheral};
use futures::future::{Either, select};
use futures::{Stream, StreamExt};
use tokio::sync::mpsc::UnboundedSender;
use tokio::time::{Instant, timeout};

use super::bus::{self, Bus};
use super::error::{Unavailable, timed};
use super::{BleError, HR_MEASUREMENT, Strap, Target, Timing, adapter, link, scan};
use crate::core::words::wait_seconds;
use crate::hr::{HrEvent, Pipeline, StaleTracker};

/// The peripheral currently connected, so it can be hung up when the receiver goes away.
pub(super) type Current = Arc<Mutex<Option<Peripheral>>>;

/// Adapter events, created before connecting so a disconnect is never missed.
type Events = std::pin::Pin<Box<dyn Stream<Item = CentralEvent> + Send>>;

/// How a connected session ended.
enum End {
    /// The receiver was dropped.
    ReceiverGone,
    /// The link went; the reason is for the user.
    Lost(String),
}

/// Streams `target` into `tx` until the receiver is dropped. Without Bluetooth at the start it
/// sends one `Disconnected { reason: "Bluetooth unavailable: …" }` and returns; once it has
/// started, it retries whatever goes away, the system bus included.
pub(super) async fn run(
    target: Target,
    timing: Timing,
    tx: &UnboundedSender<HrEvent>,
    current: &Current,
) {
    let mut bus = match Bus::open(timing.bus).await {
        Ok(bus) => Some(bus),
        Err(err) => {
            let _ = tx.send(HrEvent::Disconnected {
                reason: err.to_string(),
            });
            return;
        }
    };
    let mut stream = Session {
        start: Instant::now(),
        target,
        timing,
        pipeline: Pipeline::new(),
        stale: StaleTracker::after(timing.stale),
        tx,
        current,
    };
    let mut attempt = 0;
    loop {
        let outcome = match &mut bus {
            Some(live) => stream.attempt(live).await,
            // The bus went away earlier: a new session once it is back.
            None => match Bus::open(timing.bus).await {
                Ok(mut live) => {
                    let outcome = stream.attempt(&mut live).await;
                    bus = Some(live);
                    outcome
                }
                Err(err) => Err(after_bus_loss(err)),
            },
        };
        let reason = match outcome {
            Ok(End::ReceiverGone) => return,
            Ok(End::Lost(reason)) => {
                attempt = 0;
                reason
            }
            Err(BleError::BusLost) => {
                if bus.take().is_some() {
                    // It had worked until now: the waits start over.
                    attempt = 0;
                }
                BleError::BusLost.to_string()
            }
            Err(err) => err.to_string(),
        };
        attempt += 1;
        let delay = timing.backoff.delay(attempt);
        let gone = !stream.send(HrEvent::Disconnected { reason })
            || !stream.send(HrEvent::Reconnecting { attempt, delay });
        if gone {
            return;
        }
        tokio::select! {
            () = tokio::time::sleep(delay) => {}
            () = tx.closed() => return,
        }
    }
}

/// Reopening after the bus went away: while there is still no bus, that is what the user is told;
/// once there is one, what else is missing (`BlueZ`, an adapter).
fn after_bus_loss(err: BleError) -> BleError {
    tracing::info!("Bluetooth after the bus went away: {err}");
    match err {
        BleError::Unavailable(Unavailable::NoBus | Unavailable::BusSilent(_)) => BleError::BusLost,
        other => other,
    }
}

/// What lives across reconnects: the clock, the remembered strap, the waits, the pipeline and
/// the stale tracker.
struct Session<'a> {
    start: Instant,
    target: Target,
    timing: Timing,
    pipeline: Pipeline,
    stale: StaleTracker,
    tx: &'a UnboundedSender<HrEvent>,
    current: &'a Current,
}

impl Session<'_> {
    /// Source time: since the source started.
    fn now(&self) -> Duration {
        self.start.elapsed()
    }

    /// `false` when the receiver is gone.
    fn send(&self, event: HrEvent) -> bool {
        self.tx.send(event).is_ok()
    }

    fn set_current(&self, peripheral: Option<Peripheral>) {
        *self.current.lock().unwrap_or_else(PoisonError::into_inner) = peripheral;
    }

    /// One connection on `bus`, raced against the bus going away. When it does, the unfinished
    /// connection — streams and all — is discarded where its clean-up cannot panic.
    async fn attempt(&mut self, bus: &mut Bus) -> Result<End, BleError> {
        let Bus { adapter, watch } = bus;
        let current = self.current;
        let connection = Box::pin(self.connect_and_stream(adapter));
        // The watch is polled first: a dead bus is noticed before the connection sees it fail.
        match select(Box::pin(watch.lost()), connection).await {
            Either::Left(((), unfinished)) => {
                bus::discard(unfinished);
                *current.lock().unwrap_or_else(PoisonError::into_inner) = None;
                Err(BleError::BusLost)
            }
            Either::Right((end, _)) => end,
        }
    }

    /// One connection, from finding the strap to losing it. `Err` means it never streamed.
    async fn connect_and_stream(&mut self, adapter: &Adapter) -> Result<End, BleError> {
        let mut events = timed(
            self.timing.bus,
            "listening for Bluetooth events",
            adapter.events(),
        )
        .await?;
        let (peripheral, strap) = self.find(adapter, &mut events).await?;
        // Reconnects go to this strap, not to whichever is found first.
        self.target = Target::Address(strap.address.clone());
        self.set_current(Some(peripheral.clone()));
        let link = match link::open(&peripheral, &strap, &self.timing).await {
            Ok(link) => link,
            Err(err) => {
                self.set_current(None);
                return Err(err);
            }
        };
        let end = self.stream(&peripheral, &strap, link, &mut events).await;
        if let End::Lost(_) = end {
            link::hang_up(&peripheral, self.timing.bus).await;
        }
        self.set_current(None);
        Ok(end)
    }

    /// The strap asked for: one `BlueZ` already knows, else the first one a scan turns up.
    async fn find(
        &self,
        adapter: &Adapter,
        events: &mut Events,
    ) -> Result<(Peripheral, Strap), BleError> {
        let known = timed(
            self.timing.bus,
            "listing Bluetooth devices",
            adapter.peripherals(),
        )
        .await?;
        for peripheral in known {
            if let Some(strap) = self.wanted(&peripheral).await {
                return Ok((peripheral, strap));
            }
        }
        timed(
            self.timing.bus,
            "starting a Bluetooth scan",
            adapter.start_scan(scan::filter()),
        )
        .await?;
        let found = timeout(self.timing.find, async {
            while let Some(event) = events.next().await {
                let (CentralEvent::DeviceDiscovered(id)
                | CentralEvent::DeviceUpdated(id)
                | CentralEvent::ServicesAdvertisement { id, .. }
                | CentralEvent::RssiUpdate { id, .. }) = event
                else {
                    continue;
                };
                let Ok(Ok(peripheral)) = timeout(self.timing.bus, adapter.peripheral(&id)).await
                else {
                    continue;
                };
                if let Some(strap) = self.wanted(&peripheral).await {
                    return Some((peripheral, strap));
                }
            }
            None
        })
        .await;
        let _ = timeout(self.timing.bus, adapter.stop_scan()).await;
        found
            .ok()
            .flatten()
            .ok_or_else(|| BleError::NotFound(self.target.clone()))
    }

    /// The strap `peripheral` is, if it is the one asked for.
    async fn wanted(&self, peripheral: &Peripheral) -> Option<Strap> {
        adapter::strap_of(peripheral, self.timing.bus)
            .await
            .filter(|strap| self.target.matches(strap))
    }

    /// Sends `Connected`, then every notification through the pipeline, until the strap
    /// disconnects, goes silent for the stale time, or the receiver goes away.
    async fn stream(
        &mut self,
        peripheral: &Peripheral,
        strap: &Strap,
        mut link: link::Link,
        events: &mut Events,
    ) -> End {
        let connected = HrEvent::Connected {
            name: strap.name.clone(),
            address: Some(strap.address.clone()),
        };
        if !self.send(connected)
            || link
                .battery
                .is_some_and(|b| !self.send(HrEvent::Battery(b)))
            || link
                .location
                .is_some_and(|l| !self.send(HrEvent::SensorLocation(l)))
        {
            link::hang_up(peripheral, self.timing.bus).await;
            return End::ReceiverGone;
        }
        let id = peripheral.id();
        let measurement = uuid_from_u16(HR_MEASUREMENT);
        // Silence is counted from the connection until the first sample.
        let mut last = self.now();
        loop {
            let deadline = self.start + self.stale.deadline(last);
            tokio::select! {
                notification = link.notifications.next() => {
                    let Some(notification) = notification else {
                        return End::Lost("the strap's notifications stopped".to_owned());
                    };
                    if notification.uuid != measurement {
                        continue;
                    }
                    let at = self.now();
                    for event in self.pipeline.packet(at, &notification.value) {
                        if matches!(event, HrEvent::Sample { .. }) {
                            last = at;
                        }
                        if !self.send(event) {
                            link::hang_up(peripheral, self.timing.bus).await;
                            return End::ReceiverGone;
                        }
                    }
                }
                event = events.next() => match event {
                    Some(CentralEvent::DeviceDisconnected(gone)) if gone == id => {
                        return End::Lost(
                            "the strap dropped the connection (out of range or switched off?)"
                                .to_owned(),
                        );
                    }
                    Some(_) => {}
                    None => return End::Lost("BlueZ stopped sending events".to_owned()),
                },
                () = tokio::time::sleep_until(deadline) => {
                    let now = self.now();
                    if let Some(stale) = self.stale.check(now, last)
                        && !self.send(stale)
                    {
                        link::hang_up(peripheral, self.timing.bus).await;
                        return End::ReceiverGone;
                    }
                    return End::Lost(format!(
                        "no heart rate for {}",
                        wait_seconds(self.timing.stale)
                    ));
                }
                () = self.tx.closed() => {
                    link::hang_up(peripheral, self.timing.bus).await;
                    return End::ReceiverGone;
                }
            }
        }
    }
}
