//! The system bus under `BlueZ`, watched. btleplug keeps using its D-Bus connection after the bus
//! daemon went away (every call then fails, and no event says why), so the source holds a second,
//! idle connection whose end tells it the bus is gone: the old session is dropped and a new one is
//! opened once the bus is back.
//!
//! Dropping what a dead session holds needs care: bluez-async 0.9 (the latest release) removes a
//! stream's match rule from the bus in a task its `MessageStream::drop` spawns, and unwraps the
//! result, which panics once the connection is dead. [`discard`] drops such values where that
//! task never runs.

use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use btleplug::platform::Adapter;
use dbus::nonblock::SyncConnection;
use dbus_tokio::connection::IOResource;

use super::error::Unavailable;
use super::{BleError, adapter};

/// A live session with `BlueZ`: its first adapter and a watch on the bus it runs on.
pub(super) struct Bus {
    pub adapter: Adapter,
    pub watch: Watch,
}

impl Bus {
    /// Connects to the system bus, then to `BlueZ`'s first adapter; each call bounded by `limit`.
    pub async fn open(limit: Duration) -> Result<Bus, BleError> {
        let watch = Watch::connect()?;
        let adapter = adapter::first(limit).await?;
        Ok(Bus { adapter, watch })
    }
}

/// An idle connection to the system bus; [`Watch::lost`] returns when it breaks.
pub(super) struct Watch {
    resource: Pin<Box<IOResource<SyncConnection>>>,
    _connection: Arc<SyncConnection>,
    lost: bool,
}

impl Watch {
    /// Connects to the system bus (a short blocking handshake on a local socket).
    pub fn connect() -> Result<Watch, BleError> {
        match dbus_tokio::connection::new_system_sync() {
            Ok((resource, connection)) => Ok(Watch {
                resource: Box::pin(resource),
                _connection: connection,
                lost: false,
            }),
            Err(err) => {
                tracing::warn!("cannot reach the system D-Bus: {err}");
                Err(BleError::Unavailable(Unavailable::NoBus))
            }
        }
    }

    /// Returns once the connection to the bus has broken (at once if it already has).
    pub async fn lost(&mut self) {
        if !self.lost {
            let err = self.resource.as_mut().await;
            tracing::warn!("the system D-Bus went away: {err}");
            self.lost = true;
        }
    }
}

/// Drops `value`, which may hold bluez-async message streams of a connection whose bus is gone,
/// without running their clean-up. The tasks their `Drop` spawns go to a runtime of their own that
/// is shut down at once, so they are dropped unpolled (and the dead connection freed) instead of
/// panicking on it.
pub(super) fn discard<T>(value: T) {
    match tokio::runtime::Builder::new_current_thread().build() {
        Ok(graveyard) => {
            let entered = graveyard.enter();
            drop(value);
            drop(entered);
            graveyard.shutdown_background();
        }
        // Without a runtime to drop it in, keeping the little it holds is better than a panic.
        Err(_) => std::mem::forget(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};

    /// Spawns a clean-up task when dropped, as bluez-async's `MessageStream` does (on a dead
    /// connection that task panics); the flag says whether the task ever ran.
    struct CleansUpInATask(Arc<AtomicBool>);

    impl Drop for CleansUpInATask {
        fn drop(&mut self) {
            let ran = self.0.clone();
            tokio::spawn(async move { ran.store(true, Ordering::SeqCst) });
        }
    }

    #[tokio::test]
    async fn discarded_streams_never_run_their_clean_up() {
        let ran = Arc::new(AtomicBool::new(false));
        discard(CleansUpInATask(ran.clone()));
        // Give the test's own runtime every chance to run a task, had it landed there.
        for _ in 0..10 {
            tokio::task::yield_now().await;
        }
        assert!(!ran.load(Ordering::SeqCst));

        // Dropped plainly, the same value's clean-up does run.
        let ran = Arc::new(AtomicBool::new(false));
        let handle = tokio::spawn({
            let ran = ran.clone();
            async move { drop(CleansUpInATask(ran)) }
        });
        handle.await.unwrap();
        for _ in 0..10 {
            tokio::task::yield_now().await;
        }
        assert!(ran.load(Ordering::SeqCst));
    }
}
