//! What can go wrong talking to a strap, worded for the person wearing it.

use std::future::Future;
use std::time::Duration;

/// Why Bluetooth LE heart rate did not work (this time).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BleError {
    /// No system D-Bus, no `BlueZ` on it, or no adapter: nothing to retry until that is fixed.
    #[error("Bluetooth unavailable: {0}")]
    Unavailable(String),
    /// A step did not finish in time (every Bluetooth wait is bounded).
    #[error("timed out after {} s while {doing}", after.as_secs())]
    TimedOut {
        doing: &'static str,
        after: Duration,
    },
    /// A step failed; `reason` is what `BlueZ` said.
    #[error("{doing} failed: {reason}")]
    Failed { doing: &'static str, reason: String },
    /// No matching strap was seen during a scan.
    #[error("{0} was not found: is it worn (with wet electrodes) and in range?")]
    NotFound(String),
    /// The device connected but has no Heart Rate Measurement characteristic (0x2A37).
    #[error("{0} has no heart-rate measurement (0x2A37): is it a heart-rate strap?")]
    NotAStrap(String),
}

/// Runs one Bluetooth step with a time limit, naming the step in any error.
pub(super) async fn timed<T>(
    limit: Duration,
    doing: &'static str,
    step: impl Future<Output = btleplug::Result<T>>,
) -> Result<T, BleError> {
    match tokio::time::timeout(limit, step).await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(err)) => Err(BleError::Failed {
            doing,
            reason: err.to_string(),
        }),
        Err(_) => Err(BleError::TimedOut {
            doing,
            after: limit,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_say_what_was_happening() {
        assert_eq!(
            BleError::Unavailable("no Bluetooth adapter found".into()).to_string(),
            "Bluetooth unavailable: no Bluetooth adapter found"
        );
        assert_eq!(
            BleError::TimedOut {
                doing: "connecting",
                after: Duration::from_secs(10)
            }
            .to_string(),
            "timed out after 10 s while connecting"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_step_that_never_finishes_times_out() {
        let never = std::future::pending::<btleplug::Result<()>>();
        let err = timed(Duration::from_secs(5), "subscribing", never)
            .await
            .unwrap_err();
        assert_eq!(
            err,
            BleError::TimedOut {
                doing: "subscribing",
                after: Duration::from_secs(5)
            }
        );
        let failed = timed(Duration::from_secs(5), "reading", async {
            Err::<(), _>(btleplug::Error::NotConnected)
        })
        .await;
        assert_eq!(
            failed.unwrap_err().to_string(),
            "reading failed: Not connected"
        );
    }
}
