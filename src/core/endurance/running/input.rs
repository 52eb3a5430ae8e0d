//! Race distances and times as a runner types them: `5k`, `half`, `3mi`; `19:57`, `1:31:35`, `45s`.

use std::fmt;
use std::str::FromStr;

/// Metres in one international mile.
pub const METRES_PER_MILE: f64 = 1609.344;
/// The marathon, in metres.
pub const MARATHON_M: f64 = 42_195.0;
/// The half marathon, in metres.
pub const HALF_MARATHON_M: f64 = 21_097.5;

/// Why a distance or time could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    #[error("{0:?} is not a distance: try 5k, 10k, half, marathon, 5000m or 3mi")]
    Distance(String),
    #[error("a race distance must be 100 m – 1000 km, got {0}")]
    DistanceRange(String),
    #[error("{text} is not a time: {reason}")]
    Time { text: String, reason: &'static str },
}

/// A race distance in metres (100 m – 1000 km).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Distance(f64);

impl Distance {
    /// 5 km.
    pub const FIVE_K: Distance = Distance(5_000.0);
    /// 10 km.
    pub const TEN_K: Distance = Distance(10_000.0);
    /// 21.0975 km.
    pub const HALF_MARATHON: Distance = Distance(HALF_MARATHON_M);
    /// 42.195 km.
    pub const MARATHON: Distance = Distance(MARATHON_M);

    /// A distance in metres, 100 m – 1000 km.
    pub fn from_metres(metres: f64) -> Result<Self, InputError> {
        if metres.is_finite() && (100.0..=1_000_000.0).contains(&metres) {
            Ok(Distance(metres))
        } else {
            Err(InputError::DistanceRange(format!(
                "{} m",
                crate::core::units::format_number(metres)
            )))
        }
    }

    /// The distance in metres.
    pub fn metres(self) -> f64 {
        self.0
    }
}

impl FromStr for Distance {
    type Err = InputError;

    /// `5k`, `10k`, `21.1km`, `half`, `marathon`, `5000m`, `3mi`, `mile` (case and spaces ignored).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let text: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        let named = match text.as_str() {
            "half" | "halfmarathon" | "half-marathon" | "hm" => Some(HALF_MARATHON_M),
            "marathon" | "full" | "fm" => Some(MARATHON_M),
            "mile" => Some(METRES_PER_MILE),
            _ => None,
        };
        if let Some(metres) = named {
            return Distance::from_metres(metres);
        }
        let split = text
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .ok_or_else(|| InputError::Distance(s.trim().into()))?;
        let (number, unit) = text.split_at(split);
        let factor = match unit {
            "k" | "km" => 1000.0,
            "m" => 1.0,
            "mi" | "mile" | "miles" => METRES_PER_MILE,
            _ => return Err(InputError::Distance(s.trim().into())),
        };
        let value: f64 = number
            .parse()
            .map_err(|_| InputError::Distance(s.trim().into()))?;
        Distance::from_metres(value * factor)
    }
}

/// A duration of effort in seconds (more than 0, under 100 hours).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct RaceTime(f64);

impl RaceTime {
    /// The longest time accepted, in seconds.
    pub const MAX_SECONDS: f64 = 100.0 * 3600.0;

    /// `None` unless 0 < seconds < 100 h.
    pub fn from_seconds(seconds: f64) -> Option<Self> {
        (seconds.is_finite() && seconds > 0.0 && seconds < Self::MAX_SECONDS)
            .then_some(RaceTime(seconds))
    }

    /// The time in seconds.
    pub fn seconds(self) -> f64 {
        self.0
    }

    /// The time in minutes.
    pub fn minutes(self) -> f64 {
        self.0 / 60.0
    }
}

impl fmt::Display for RaceTime {
    /// `19:57`, `1:31:35` (rounded to the second).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total = self.0.round() as u64;
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
        if h > 0 {
            write!(f, "{h}:{m:02}:{s:02}")
        } else {
            write!(f, "{m}:{s:02}")
        }
    }
}

impl FromStr for RaceTime {
    type Err = InputError;

    /// `19:57` (m:ss), `1:31:35` (h:mm:ss), `45s`, `20min`, `1.5h`; seconds may have decimals.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let text = s.trim();
        let fail = |reason| InputError::Time {
            text: text.into(),
            reason,
        };
        let seconds = if text.contains(':') {
            clock_seconds(text).map_err(fail)?
        } else {
            suffixed_seconds(text).map_err(fail)?
        };
        RaceTime::from_seconds(seconds).ok_or(fail("it must be more than 0 and under 100 hours"))
    }
}

fn clock_seconds(text: &str) -> Result<f64, &'static str> {
    let parts: Vec<&str> = text.split(':').collect();
    let (hours, minutes, seconds) = match parts.as_slice() {
        [m, s] => ("0", *m, *s),
        [h, m, s] => (*h, *m, *s),
        _ => return Err("write it as m:ss or h:mm:ss"),
    };
    let whole = |p: &str| {
        if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) {
            p.parse::<u32>().map(f64::from).ok()
        } else {
            None
        }
    };
    let hours = whole(hours).ok_or("hours must be a whole number")?;
    let minutes = whole(minutes).ok_or("minutes must be a whole number")?;
    let secs: f64 = match seconds.split_once('.') {
        Some((w, frac)) if whole(w).is_some() && frac.bytes().all(|b| b.is_ascii_digit()) => {
            seconds.parse().map_err(|_| "seconds must be a number")?
        }
        None => whole(seconds).ok_or("seconds must be a number")?,
        Some(_) => return Err("seconds must be a number"),
    };
    if parts.len() == 3 && minutes >= 60.0 {
        return Err("minutes must be under 60");
    }
    if secs >= 60.0 {
        return Err("seconds must be under 60");
    }
    Ok(hours * 3600.0 + minutes * 60.0 + secs)
}

fn suffixed_seconds(text: &str) -> Result<f64, &'static str> {
    let lower = text.to_ascii_lowercase();
    let split = lower
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .ok_or("add a unit (45s, 20min, 1h) or write it as m:ss")?;
    let (number, unit) = lower.split_at(split);
    let factor = match unit.trim() {
        "s" | "sec" | "secs" => 1.0,
        "min" | "mins" => 60.0,
        "h" | "hr" | "hrs" => 3600.0,
        _ => return Err("the unit must be s, min or h"),
    };
    let value: f64 = number.parse().map_err(|_| "it must start with a number")?;
    Ok(value * factor)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metres(s: &str) -> f64 {
        s.parse::<Distance>().unwrap().metres()
    }

    fn secs(s: &str) -> f64 {
        s.parse::<RaceTime>().unwrap().seconds()
    }

    #[test]
    fn distances_as_runners_write_them() {
        assert!((metres("5k") - 5000.0).abs() < 1e-9);
        assert!((metres("10K") - 10_000.0).abs() < 1e-9);
        assert!((metres("half") - 21_097.5).abs() < 1e-9);
        assert!((metres("marathon") - 42_195.0).abs() < 1e-9);
        assert!((metres("5000m") - 5000.0).abs() < 1e-9);
        assert!((metres("3mi") - 4828.032).abs() < 1e-9);
        assert!((metres("21.1 km") - 21_100.0).abs() < 1e-9);
        assert!((metres("mile") - 1609.344).abs() < 1e-9);
    }

    #[test]
    fn bad_distances_say_what_to_type() {
        assert_eq!(
            "5 furlongs".parse::<Distance>().unwrap_err().to_string(),
            "\"5 furlongs\" is not a distance: try 5k, 10k, half, marathon, 5000m or 3mi"
        );
        assert!(
            "5000".parse::<Distance>().is_err(),
            "a bare number has no unit"
        );
        assert!("1..5k".parse::<Distance>().is_err());
        assert_eq!(
            "50m".parse::<Distance>().unwrap_err().to_string(),
            "a race distance must be 100 m – 1000 km, got 50 m"
        );
    }

    #[test]
    fn times_as_runners_write_them() {
        assert!((secs("19:57") - 1197.0).abs() < 1e-9);
        assert!((secs("1:31:35") - 5495.0).abs() < 1e-9);
        assert!((secs("45s") - 45.0).abs() < 1e-9);
        assert!((secs("20min") - 1200.0).abs() < 1e-9);
        assert!((secs("1.5h") - 5400.0).abs() < 1e-9);
        assert!((secs("59:59.5") - 3599.5).abs() < 1e-9);
        assert!(
            (secs("75:00") - 4500.0).abs() < 1e-9,
            "m:ss may run past an hour"
        );
    }

    #[test]
    fn bad_times_say_why() {
        let err = |s: &str| s.parse::<RaceTime>().unwrap_err().to_string();
        assert_eq!(
            err("25:61"),
            "25:61 is not a time: seconds must be under 60"
        );
        assert_eq!(
            err("1:60:00"),
            "1:60:00 is not a time: minutes must be under 60"
        );
        assert_eq!(
            err("1:2:3:4"),
            "1:2:3:4 is not a time: write it as m:ss or h:mm:ss"
        );
        assert_eq!(
            err("20"),
            "20 is not a time: add a unit (45s, 20min, 1h) or write it as m:ss"
        );
        assert_eq!(
            err("0:00"),
            "0:00 is not a time: it must be more than 0 and under 100 hours"
        );
        assert_eq!(
            err("a:10"),
            "a:10 is not a time: minutes must be a whole number"
        );
        assert_eq!(err("5x"), "5x is not a time: the unit must be s, min or h");
        assert_eq!(
            err("-5:00"),
            "-5:00 is not a time: minutes must be a whole number"
        );
    }

    #[test]
    fn times_print_as_clocks() {
        assert_eq!(RaceTime::from_seconds(1197.0).unwrap().to_string(), "19:57");
        assert_eq!(
            RaceTime::from_seconds(5495.4).unwrap().to_string(),
            "1:31:35"
        );
        assert_eq!(RaceTime::from_seconds(45.0).unwrap().to_string(), "0:45");
    }
}
