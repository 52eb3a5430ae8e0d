//! Heart-rate sources. Every source — a Bluetooth LE strap, the simulator, a replayed recording —
//! produces the same stream of [`HrEvent`]s, so the rest of the app never knows which one it has.
//!
//! A source runs as a tokio task sending into an unbounded channel and stops quietly when the
//! receiver is dropped. Raw 0x2A37 packets (BLE, replay, and the simulator, which encodes its own)
//! all go through one [`Pipeline`], and every live source uses the same [`StaleTracker`].

mod backoff;
pub mod ble;
mod event;
pub mod packet;
pub mod recording;
pub mod replay;
pub mod sim;
mod spec;
mod speed;
pub mod stale;
mod strap;

use std::time::Duration;

use tokio::sync::mpsc::UnboundedSender;
use tokio::task::JoinHandle;

pub use backoff::Backoff;
pub use ble::{BleError, BleSource};
pub use event::HrEvent;
pub use packet::Pipeline;
pub use replay::{ReplayError, ReplaySource};
pub use sim::{SimControl, SimSource};
pub use spec::{SourceSpec, SpecError};
pub use speed::Speed;
pub use stale::StaleTracker;
pub use strap::Strap;

/// A producer of heart-rate events.
pub trait HeartRateSource: Send {
    /// A short description for the UI, e.g. "Polar H10 A1B2" or "simulated strap (seed 1)".
    fn describe(&self) -> String;

    /// Starts the source on the current tokio runtime. It sends into `tx` until it ends or the
    /// receiver is dropped.
    fn spawn(self: Box<Self>, tx: UnboundedSender<HrEvent>) -> JoinHandle<()>;

    /// A fresh copy to start again after this one failed (its task panicked), when starting over
    /// makes sense: a strap does; a replay or a simulation would start from its beginning, so
    /// they do not.
    fn again(&self) -> Option<Box<dyn HeartRateSource>> {
        None
    }

    /// How long to wait before starting it again the `attempt`th time (counting from 1), when
    /// [`again`](HeartRateSource::again) gives a copy: 1, 2, 4 … 30 s.
    fn restart_delay(&self, attempt: u32) -> Duration {
        Backoff::PRODUCTION.delay(attempt)
    }
}

/// Why a heart-rate source could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Replay(#[from] ReplayError),
}

/// Opens the source `spec` names, running at `speed` × real time (sim and replay only): the one
/// way every command and the app build a source. A recording is read and checked here, before
/// anything streams; a Bluetooth strap is only looked for once the source runs, and its problems
/// arrive as events.
pub fn open(spec: &SourceSpec, speed: Speed) -> Result<Box<dyn HeartRateSource>, OpenError> {
    match spec {
        SourceSpec::Sim { seed } => Ok(Box::new(SimSource::new(
            sim::SimConfig::seeded(*seed).at_speed(speed),
        ))),
        SourceSpec::Replay(path) => Ok(Box::new(ReplaySource::load(path, speed)?)),
        SourceSpec::Ble { device } => Ok(Box::new(BleSource::new(device.as_deref()))),
    }
}

/// Lists the heart-rate straps in range, nearest first: a Bluetooth scan as long as the straps
/// screen listens (5 s, or what [`ble::TIMING_ENV`] says). The error is the reason, in words.
pub async fn scan_straps() -> Result<Vec<Strap>, String> {
    ble::scan(ble::Timing::from_env().scan)
        .await
        .map_err(|err| err.to_string())
}
