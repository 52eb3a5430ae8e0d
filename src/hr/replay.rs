//! Replaying a raw recording through the same pipeline as a live strap, at real speed or faster.

use std::path::{Path, PathBuf};
use std::time::Duration;

use tokio::sync::mpsc::UnboundedSender;
use tokio::task::JoinHandle;
use tokio::time::Instant;

use super::recording::{BadRecording, Recording};
use super::{HeartRateSource, HrEvent, Pipeline, Speed, StaleTracker};

/// The reason a replay ends with.
pub const END_OF_RECORDING: &str = "end of recording";

/// Why a recording cannot be replayed.
#[derive(Debug, thiserror::Error)]
pub enum ReplayError {
    #[error("cannot read the recording {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the recording {path} cannot be replayed: {source}")]
    Bad { path: PathBuf, source: BadRecording },
}

/// A recording played back: `Connected`, the packets at their recorded times (÷ speed), `Stale`
/// where the recording has a silence of [`GAP_AFTER`](crate::core::heart::sample::GAP_AFTER) or more, then
/// `Disconnected { reason: "end of recording" }`.
#[derive(Debug, Clone)]
pub struct ReplaySource {
    name: String,
    recording: Recording,
    speed: Speed,
}

impl ReplaySource {
    /// Reads and checks the recording at `path`; nothing streams until [`ReplaySource::run`].
    pub fn load(path: &Path, speed: Speed) -> Result<Self, ReplayError> {
        let text = std::fs::read_to_string(path).map_err(|source| ReplayError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let recording = Recording::parse(&text).map_err(|source| ReplayError::Bad {
            path: path.to_path_buf(),
            source,
        })?;
        let file = path.file_name().map_or_else(
            || path.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        );
        Ok(Self::new(format!("replay of {file}"), recording, speed))
    }

    /// A replay of an already checked recording, shown as `name`.
    pub fn new(name: impl Into<String>, recording: Recording, speed: Speed) -> Self {
        Self {
            name: name.into(),
            recording,
            speed,
        }
    }

    /// The recording being replayed.
    pub fn recording(&self) -> &Recording {
        &self.recording
    }

    /// Streams the recording into `tx`; returns early when the receiver is dropped.
    pub async fn run(self, tx: UnboundedSender<HrEvent>) {
        let start = Instant::now();
        let connected = HrEvent::Connected {
            name: self.name.clone(),
            address: None,
        };
        if tx.send(connected).is_err() {
            return;
        }
        let mut pipeline = Pipeline::new();
        let mut stale = StaleTracker::new();
        let mut last_sample = Duration::ZERO;
        for packet in &self.recording.packets {
            let deadline = stale.deadline(last_sample);
            if deadline < packet.at {
                if !self.wait_until(start, deadline, &tx).await {
                    return;
                }
                if let Some(event) = stale.check(deadline, last_sample)
                    && tx.send(event).is_err()
                {
                    return;
                }
            }
            if !self.wait_until(start, packet.at, &tx).await {
                return;
            }
            for event in pipeline.packet(packet.at, &packet.bytes) {
                if matches!(event, HrEvent::Sample { .. }) {
                    last_sample = packet.at;
                }
                if tx.send(event).is_err() {
                    return;
                }
            }
        }
        let _ = tx.send(HrEvent::Disconnected {
            reason: END_OF_RECORDING.to_owned(),
        });
    }

    /// Sleeps until source time `at`; `false` when the receiver went away meanwhile.
    async fn wait_until(
        &self,
        start: Instant,
        at: Duration,
        tx: &UnboundedSender<HrEvent>,
    ) -> bool {
        tokio::select! {
            () = tokio::time::sleep_until(start + self.speed.wall(at)) => true,
            () = tx.closed() => false,
        }
    }
}

impl HeartRateSource for ReplaySource {
    fn describe(&self) -> String {
        self.name.clone()
    }

    fn spawn(self: Box<Self>, tx: UnboundedSender<HrEvent>) -> JoinHandle<()> {
        tokio::spawn(self.run(tx))
    }
}
