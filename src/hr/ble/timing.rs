//! Every wait of the Bluetooth source in one place: the production values, or shorter ones an
//! end-to-end test injects through [`TIMING_ENV`] so it walks the same paths (a connect that
//! times out, a strap gone silent, a reconnect) in a fraction of the time.

use std::time::Duration;

use crate::hr::Backoff;

/// Overrides some of the waits, e.g. `connect=500ms,stale=800ms,backoff=100ms`. Keys: `connect`,
/// `discover`, `subscribe`, `read`, `find`, `bus`, `stale`, `backoff`, `backoff_max`, `scan`;
/// values in `ms` or `s`. Meant for tests; a bad entry is logged and ignored.
pub const TIMING_ENV: &str = "IRONPULSE_BLE_TIMING";

/// How long each Bluetooth step may take, and the pauses between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timing {
    /// Connecting, including `BlueZ` resolving the strap's services.
    pub connect: Duration,
    /// Discovering services and characteristics.
    pub discover: Duration,
    /// Starting notifications.
    pub subscribe: Duration,
    /// Reading a characteristic (battery, sensor location).
    pub read: Duration,
    /// One scan for the strap before the attempt counts as failed.
    pub find: Duration,
    /// Any other call to `BlueZ` or the bus.
    pub bus: Duration,
    /// Silence (no sample) before a connected strap counts as lost.
    pub stale: Duration,
    /// The waits between reconnect attempts.
    pub backoff: Backoff,
    /// How long the devices screen listens for straps.
    pub scan: Duration,
}

impl Default for Timing {
    fn default() -> Self {
        Timing::PRODUCTION
    }
}

impl Timing {
    /// What a lifter's strap gets.
    pub const PRODUCTION: Timing = Timing {
        connect: Duration::from_secs(10),
        discover: Duration::from_secs(10),
        subscribe: Duration::from_secs(5),
        read: Duration::from_secs(5),
        find: Duration::from_secs(10),
        bus: Duration::from_secs(5),
        stale: crate::core::heart::sample::GAP_AFTER,
        backoff: Backoff::PRODUCTION,
        scan: Duration::from_secs(5),
    };

    /// [`Timing::PRODUCTION`] with the overrides [`TIMING_ENV`] holds, if any.
    pub fn from_env() -> Timing {
        let Ok(spec) = std::env::var(TIMING_ENV) else {
            return Timing::PRODUCTION;
        };
        let (timing, errors) = Timing::PRODUCTION.with_overrides(&spec);
        for error in errors {
            tracing::warn!("ignoring {TIMING_ENV} entry: {error}");
        }
        timing
    }

    /// These waits with the `key=value` entries of `spec` (comma or space separated) applied;
    /// an entry that cannot be read is left out and described in the second value.
    pub fn with_overrides(mut self, spec: &str) -> (Timing, Vec<String>) {
        let mut errors = Vec::new();
        for entry in spec
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|e| !e.is_empty())
        {
            if let Err(error) = self.set(entry) {
                errors.push(error);
            }
        }
        (self, errors)
    }

    fn set(&mut self, entry: &str) -> Result<(), String> {
        let (key, value) = entry
            .split_once('=')
            .ok_or_else(|| format!("{entry:?} is not key=value"))?;
        let value = duration(value)
            .ok_or_else(|| format!("{entry:?}: {value:?} is not a duration such as 500ms or 2s"))?;
        let slot = match key.trim() {
            "connect" => &mut self.connect,
            "discover" => &mut self.discover,
            "subscribe" => &mut self.subscribe,
            "read" => &mut self.read,
            "find" => &mut self.find,
            "bus" => &mut self.bus,
            "stale" => &mut self.stale,
            "backoff" => &mut self.backoff.first,
            "backoff_max" => &mut self.backoff.max,
            "scan" => &mut self.scan,
            other => return Err(format!("{other:?} is not a Bluetooth wait")),
        };
        *slot = value;
        Ok(())
    }
}

/// `500ms` or `2s` (whole numbers), more than zero.
fn duration(text: &str) -> Option<Duration> {
    let text = text.trim();
    let (number, unit): (&str, fn(u64) -> Duration) = if let Some(ms) = text.strip_suffix("ms") {
        (ms, Duration::from_millis)
    } else {
        (text.strip_suffix('s')?, Duration::from_secs)
    };
    number
        .trim()
        .parse::<u64>()
        .ok()
        .filter(|&n| n > 0)
        .map(unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn production_waits_are_the_documented_ones() {
        let t = Timing::PRODUCTION;
        assert_eq!(t.connect, Duration::from_secs(10));
        assert_eq!(t.stale, Duration::from_secs(5));
        assert_eq!(t.backoff.delay(1), Duration::from_secs(1));
        assert_eq!(t.backoff.delay(9), Duration::from_secs(30));
        assert_eq!(t.scan, Duration::from_secs(5));
    }

    #[test]
    fn overrides_shorten_only_the_waits_named() {
        let (t, errors) = Timing::PRODUCTION
            .with_overrides("connect=500ms, stale=800ms backoff=100ms,backoff_max=1s");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(t.connect, Duration::from_millis(500));
        assert_eq!(t.stale, Duration::from_millis(800));
        assert_eq!(t.backoff.delay(1), Duration::from_millis(100));
        assert_eq!(t.backoff.delay(5), Duration::from_secs(1));
        assert_eq!(t.bus, Timing::PRODUCTION.bus, "not named: unchanged");
        assert_eq!(t.find, Timing::PRODUCTION.find);
    }

    #[test]
    fn a_bad_entry_is_reported_and_the_rest_applies() {
        let (t, errors) =
            Timing::PRODUCTION.with_overrides("connect=fast,warp=1s,stale=0ms,find,scan=2s");
        assert_eq!(errors.len(), 4, "{errors:?}");
        assert_eq!(
            errors[0],
            "\"connect=fast\": \"fast\" is not a duration such as 500ms or 2s"
        );
        assert_eq!(errors[1], "\"warp\" is not a Bluetooth wait");
        assert_eq!(t.connect, Timing::PRODUCTION.connect);
        assert_eq!(t.stale, Timing::PRODUCTION.stale, "zero is refused");
        assert_eq!(t.scan, Duration::from_secs(2));
    }
}
