//! What can go wrong talking to a strap, worded for the person wearing it: what is wrong and what
//! to do, never a raw D-Bus error (those go to the log).

use std::fmt;
use std::future::Future;
use std::time::Duration;

use super::Target;
use crate::core::words::wait_seconds;

/// Why Bluetooth LE heart rate did not work (this time).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BleError {
    /// No system D-Bus, no `BlueZ` on it, or no adapter: nothing to retry until that is fixed.
    #[error("Bluetooth unavailable: {0}")]
    Unavailable(Unavailable),
    /// The connection to the system bus broke while the source ran (the bus daemon stopped or
    /// restarted); the source reconnects once the bus is back.
    #[error("Bluetooth lost: the system bus went away")]
    BusLost,
    /// A step did not finish in time (every Bluetooth wait is bounded).
    #[error("timed out after {} while {doing}", wait_seconds(*after))]
    TimedOut {
        doing: &'static str,
        after: Duration,
    },
    /// A step failed; `reason` is what `BlueZ` said.
    #[error("{doing} failed: {reason}")]
    Failed { doing: &'static str, reason: String },
    /// No matching strap was seen during a scan.
    #[error("{}", not_found(.0))]
    NotFound(Target),
    /// The device connected but has no Heart Rate Measurement characteristic (0x2A37).
    #[error("{0} has no heart-rate measurement (0x2A37): is it a heart-rate strap?")]
    NotAStrap(String),
}

/// Why there is no Bluetooth at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unavailable {
    /// No system D-Bus to reach `BlueZ` through.
    NoBus,
    /// The system D-Bus did not answer in time.
    BusSilent(Duration),
    /// Nobody owns `org.bluez` on the bus.
    NoBluez,
    /// `BlueZ` is there but did not answer in time.
    BluezSilent(Duration),
    /// The bus's policy does not let this user talk to `BlueZ`.
    Denied,
    /// `BlueZ` runs but has no adapter.
    NoAdapter,
}

impl fmt::Display for Unavailable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unavailable::NoBus => {
                f.write_str("cannot reach the system D-Bus (is the dbus service running?)")
            }
            Unavailable::BusSilent(after) => write!(
                f,
                "D-Bus is not answering (no reply within {} from the system's message bus)",
                wait_seconds(*after)
            ),
            Unavailable::NoBluez => f.write_str(
                "BlueZ is not running (the system's Bluetooth service: \
                 `sudo systemctl start bluetooth`)",
            ),
            Unavailable::BluezSilent(after) => write!(
                f,
                "BlueZ is not answering (no reply within {} from the system's Bluetooth \
                 service: `sudo systemctl restart bluetooth`)",
                wait_seconds(*after)
            ),
            Unavailable::Denied => f.write_str(
                "not allowed to use BlueZ (the system's Bluetooth service: join the \
                 `bluetooth` group, then log in again)",
            ),
            Unavailable::NoAdapter => f.write_str(
                "no Bluetooth adapter found (is one plugged in, and not blocked? see \
                 `rfkill list`)",
            ),
        }
    }
}

fn not_found(target: &Target) -> String {
    match target {
        Target::Any => {
            "no heart-rate strap found: is one worn (with wet electrodes) and in range?".to_owned()
        }
        target => format!("{target} was not found: is it worn (with wet electrodes) and in range?"),
    }
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
            BleError::Unavailable(Unavailable::NoAdapter).to_string(),
            "Bluetooth unavailable: no Bluetooth adapter found (is one plugged in, and not \
             blocked? see `rfkill list`)"
        );
        assert_eq!(
            BleError::TimedOut {
                doing: "connecting",
                after: Duration::from_secs(10)
            }
            .to_string(),
            "timed out after 10 s while connecting"
        );
        assert_eq!(
            BleError::TimedOut {
                doing: "connecting",
                after: Duration::from_millis(500)
            }
            .to_string(),
            "timed out after 0.5 s while connecting"
        );
    }

    #[test]
    fn no_bluetooth_is_said_in_words_without_the_raw_d_bus_error() {
        let said = |why| BleError::Unavailable(why).to_string();
        assert_eq!(
            said(Unavailable::NoBluez),
            "Bluetooth unavailable: BlueZ is not running (the system's Bluetooth service: \
             `sudo systemctl start bluetooth`)"
        );
        assert_eq!(
            said(Unavailable::NoBus),
            "Bluetooth unavailable: cannot reach the system D-Bus (is the dbus service running?)"
        );
        assert_eq!(
            said(Unavailable::BluezSilent(Duration::from_secs(5))),
            "Bluetooth unavailable: BlueZ is not answering (no reply within 5 s from the \
             system's Bluetooth service: `sudo systemctl restart bluetooth`)"
        );
        assert_eq!(
            BleError::BusLost.to_string(),
            "Bluetooth lost: the system bus went away"
        );
        for why in [
            Unavailable::NoBus,
            Unavailable::BusSilent(Duration::from_secs(5)),
            Unavailable::NoBluez,
            Unavailable::BluezSilent(Duration::from_secs(5)),
            Unavailable::Denied,
            Unavailable::NoAdapter,
        ] {
            let text = said(why);
            assert!(!text.contains("org.freedesktop"), "{text}");
            assert!(text.starts_with("Bluetooth unavailable: "), "{text}");
            // What is wrong fits the header at 80 columns; the remedy may be cut there.
            let what = text.split(" (").next().unwrap_or_default();
            assert!(what.chars().count() <= 52, "{what}");
        }
    }

    #[test]
    fn a_strap_not_found_is_named_as_asked_for() {
        assert_eq!(
            BleError::NotFound(Target::Any).to_string(),
            "no heart-rate strap found: is one worn (with wet electrodes) and in range?"
        );
        assert_eq!(
            BleError::NotFound(Target::new(Some("H10"))).to_string(),
            "the strap \"H10\" was not found: is it worn (with wet electrodes) and in range?"
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
