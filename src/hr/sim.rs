//! The simulated strap: the [`SimModel`] on a clock, encoded into real 0x2A37 packets and fed
//! through the shared [`Pipeline`], so it exercises the same path as a live strap.
//!
//! It follows a script (40 s work / 120 s rest) until told otherwise over its control channel
//! ([`SimControl`]): once a set is started or ended by hand, the script stops.

mod model;

use std::time::Duration;

use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};
use tokio::task::JoinHandle;
use tokio::time::Instant;

use crate::core::heart::hrm::{Contact, Measurement};

use super::packet::encode;
use super::{HeartRateSource, HrEvent, Pipeline, Speed, StaleTracker};

pub use model::{SimModel, SimParams};

/// The scripted pattern: work for `work`, rest for `rest`, repeat (starting with work).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Script {
    pub work: Duration,
    pub rest: Duration,
}

impl Script {
    /// Whether source time `at` falls in a work bout.
    pub fn working(&self, at: Duration) -> bool {
        let cycle = self.work.saturating_add(self.rest).as_millis();
        cycle > 0 && at.as_millis() % cycle < self.work.as_millis()
    }
}

impl Default for Script {
    fn default() -> Self {
        Script {
            work: Duration::from_secs(40),
            rest: Duration::from_secs(120),
        }
    }
}

/// Everything that decides what the simulated strap sends.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SimConfig {
    /// The same seed gives the same heart rate.
    pub seed: u64,
    /// The simulated lifter.
    pub params: SimParams,
    /// Work and rest until told otherwise.
    pub script: Script,
    /// How often the strap notifies (source time).
    pub interval: Duration,
    /// How much faster than real time to run.
    pub speed: Speed,
}

impl SimConfig {
    /// The default lifter and script with `seed`, notifying once a second in real time.
    pub fn seeded(seed: u64) -> Self {
        SimConfig {
            seed,
            params: SimParams::default(),
            script: Script::default(),
            interval: Duration::from_secs(1),
            speed: Speed::REAL_TIME,
        }
    }

    /// The same, at `speed`.
    #[must_use]
    pub fn at_speed(self, speed: Speed) -> Self {
        SimConfig { speed, ..self }
    }
}

/// Commands to a running simulated strap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SimControl {
    /// A set began: drive the heart rate up (ends the script).
    SetStarted,
    /// The set ended: recover (ends the script).
    SetEnded,
    /// Send nothing for this long (source time), as a strap out of range would.
    Silence(Duration),
}

/// The simulated strap as a heart-rate source.
#[derive(Debug)]
pub struct SimSource {
    config: SimConfig,
    control: Option<UnboundedReceiver<SimControl>>,
}

impl SimSource {
    /// A strap that follows `config`'s script.
    pub fn new(config: SimConfig) -> Self {
        SimSource {
            config,
            control: None,
        }
    }

    /// A sender for [`SimControl`] commands (call before starting the source).
    pub fn control(&mut self) -> UnboundedSender<SimControl> {
        let (tx, rx) = unbounded_channel();
        self.control = Some(rx);
        tx
    }

    /// Streams samples into `tx` until the receiver is dropped.
    pub async fn run(mut self, tx: UnboundedSender<HrEvent>) {
        let hello = [
            HrEvent::Connected {
                name: self.describe(),
                address: None,
            },
            HrEvent::Battery(100),
            HrEvent::SensorLocation("chest"),
        ];
        for event in hello {
            if tx.send(event).is_err() {
                return;
            }
        }
        let SimConfig {
            seed,
            params,
            script,
            interval,
            speed,
        } = self.config;
        let interval = interval.max(Duration::from_millis(10));
        let mut model = SimModel::new(params, seed);
        let mut pipeline = Pipeline::new();
        let mut stale = StaleTracker::new();
        let start = Instant::now();
        let mut now = Duration::ZERO;
        let mut last_sample = Duration::ZERO;
        let mut by_hand: Option<bool> = None;
        let mut silent_until = Duration::ZERO;
        loop {
            let next = now.saturating_add(interval);
            let deadline = start + speed.wall(next);
            loop {
                tokio::select! {
                    () = tokio::time::sleep_until(deadline) => break,
                    () = tx.closed() => return,
                    command = next_command(&mut self.control) => match command {
                        Some(SimControl::SetStarted) => by_hand = Some(true),
                        Some(SimControl::SetEnded) => by_hand = Some(false),
                        Some(SimControl::Silence(d)) => silent_until = now.saturating_add(d),
                        None => self.control = None,
                    },
                }
            }
            let working = by_hand.unwrap_or_else(|| script.working(now));
            now = next;
            let (bpm, rr_ms) = model.step(interval, working);
            let events = if now > silent_until {
                last_sample = now;
                let packet = encode(&Measurement {
                    heart_rate: bpm.get(),
                    contact: Contact::Detected,
                    energy_kj: None,
                    rr_ms,
                });
                pipeline.packet(now, &packet)
            } else {
                stale.check(now, last_sample).into_iter().collect()
            };
            for event in events {
                if tx.send(event).is_err() {
                    return;
                }
            }
        }
    }
}

/// The next command, or never when there is no control channel.
async fn next_command(control: &mut Option<UnboundedReceiver<SimControl>>) -> Option<SimControl> {
    match control {
        Some(rx) => rx.recv().await,
        None => std::future::pending().await,
    }
}

impl HeartRateSource for SimSource {
    fn describe(&self) -> String {
        format!("simulated strap (seed {})", self.config.seed)
    }

    fn spawn(self: Box<Self>, tx: UnboundedSender<HrEvent>) -> JoinHandle<()> {
        tokio::spawn(self.run(tx))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_works_then_rests() {
        let s = Script::default();
        let at = Duration::from_secs;
        assert!(s.working(at(0)));
        assert!(s.working(at(39)));
        assert!(!s.working(at(40)));
        assert!(!s.working(at(159)));
        assert!(s.working(at(160)));
        let empty = Script {
            work: Duration::ZERO,
            rest: Duration::ZERO,
        };
        assert!(!empty.working(at(3)));
    }
}
