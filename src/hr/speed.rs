//! How much faster than real time a simulated or replayed source runs.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

/// A speed factor: 1 is real time, 60 plays a minute per second.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Speed(f64);

impl Speed {
    /// Real time.
    pub const REAL_TIME: Speed = Speed(1.0);
    /// The slowest speed accepted.
    pub const MIN: f64 = 0.01;
    /// The fastest speed accepted.
    pub const MAX: f64 = 100_000.0;
    /// The longest wall-clock wait [`Speed::wall`] returns: a year.
    const LONGEST_WAIT: Duration = Duration::from_secs(365 * 24 * 3600);

    /// The factor.
    pub fn get(self) -> f64 {
        self.0
    }

    /// How long `source_time` takes on the wall clock at this speed (capped at a year).
    pub fn wall(self, source_time: Duration) -> Duration {
        Duration::try_from_secs_f64(source_time.as_secs_f64() / self.0)
            .map_or(Self::LONGEST_WAIT, |d| d.min(Self::LONGEST_WAIT))
    }
}

impl Default for Speed {
    fn default() -> Self {
        Self::REAL_TIME
    }
}

impl fmt::Display for Speed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}×", crate::core::units::format_number(self.0))
    }
}

/// A speed outside 0.01–100000.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("speed must be a number from 0.01 to 100000 (1 = real time), got {0}")]
pub struct SpeedError(String);

impl TryFrom<f64> for Speed {
    type Error = SpeedError;
    fn try_from(value: f64) -> Result<Self, Self::Error> {
        if (Self::MIN..=Self::MAX).contains(&value) {
            Ok(Speed(value))
        } else {
            Err(SpeedError(value.to_string()))
        }
    }
}

impl FromStr for Speed {
    type Err = SpeedError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let value: f64 = s.trim().parse().map_err(|_| SpeedError(s.to_owned()))?;
        Speed::try_from(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wall_time_divides_by_the_factor() {
        let sixty = Speed::try_from(60.0).unwrap();
        assert_eq!(sixty.wall(Duration::from_secs(120)), Duration::from_secs(2));
        assert_eq!(
            Speed::REAL_TIME.wall(Duration::from_millis(1500)),
            Duration::from_millis(1500)
        );
        let slow = Speed::try_from(0.01).unwrap();
        assert_eq!(slow.wall(Duration::MAX), Speed::LONGEST_WAIT);
    }

    #[test]
    fn out_of_range_speeds_are_refused() {
        for bad in ["0", "-2", "NaN", "inf", "fast", "100001"] {
            assert!(bad.parse::<Speed>().is_err(), "{bad}");
        }
        assert_eq!(
            "0".parse::<Speed>().unwrap_err().to_string(),
            "speed must be a number from 0.01 to 100000 (1 = real time), got 0"
        );
        assert!(("1000".parse::<Speed>().unwrap().get() - 1000.0).abs() < f64::EPSILON);
    }
}
