//! `[rest]`: rest timer defaults by kind of exercise.

use std::fmt;
use std::ops::RangeInclusive;
use std::time::Duration;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use crate::core::workout::rest::RestDefaults;

/// Allowed rest targets, in seconds.
const REST_SECONDS: RangeInclusive<u64> = 0..=3600;
/// Allowed ± adjustment, in seconds.
const STEP_SECONDS: RangeInclusive<u64> = 5..=300;

/// Rest timer defaults. A zero target means "no rest timer" for that kind of exercise.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RestConfig {
    /// Multi-joint lifts (`Mechanics::Compound`).
    #[serde(deserialize_with = "rest_seconds")]
    pub compound: Duration,
    /// Single-joint lifts (`Mechanics::Isolation`).
    #[serde(deserialize_with = "rest_seconds")]
    pub isolation: Duration,
    /// `ExerciseKind::Bodyweight` movements.
    #[serde(deserialize_with = "rest_seconds")]
    pub bodyweight: Duration,
    /// `ExerciseKind::Cardio`; zero by default.
    #[serde(deserialize_with = "rest_seconds")]
    pub cardio: Duration,
    /// How much one ± press changes the running timer.
    #[serde(deserialize_with = "step_seconds")]
    pub step: Duration,
    /// Ring the terminal bell when rest ends.
    pub bell: bool,
    /// Heart-rate-gated rest: a "ready" cue once HR falls below this (bpm, 40–200); 0 = off.
    #[serde(deserialize_with = "ready_bpm")]
    pub ready_below: u32,
}

impl Default for RestConfig {
    fn default() -> Self {
        Self {
            compound: Duration::from_secs(180),
            isolation: Duration::from_secs(90),
            bodyweight: Duration::from_secs(90),
            cardio: Duration::ZERO,
            step: Duration::from_secs(30),
            bell: true,
            ready_below: 0,
        }
    }
}

impl RestConfig {
    /// The per-kind targets in whole seconds, as the rest timer in `core` takes them.
    pub fn defaults(&self) -> RestDefaults {
        let secs = |d: Duration| u32::try_from(d.as_secs()).unwrap_or(u32::MAX);
        RestDefaults {
            compound: secs(self.compound),
            isolation: secs(self.isolation),
            bodyweight: secs(self.bodyweight),
            cardio: secs(self.cardio),
        }
    }

    /// The ± adjustment in whole seconds.
    pub fn step_secs(&self) -> u32 {
        u32::try_from(self.step.as_secs()).unwrap_or(u32::MAX)
    }
}

fn rest_seconds<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Duration, D::Error> {
    deserializer.deserialize_i64(WholeSeconds(REST_SECONDS))
}

fn step_seconds<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Duration, D::Error> {
    deserializer.deserialize_i64(WholeSeconds(STEP_SECONDS))
}

/// A heart rate to be "ready" below: 0 (off) or 40–200 bpm.
fn ready_bpm<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    let value = i64::deserialize(deserializer)?;
    match u32::try_from(value) {
        Ok(0) => Ok(0),
        Ok(bpm) if (40..=200).contains(&bpm) => Ok(bpm),
        _ => Err(de::Error::custom(format!(
            "invalid value {value}, expected 0 (off) or 40–200 bpm"
        ))),
    }
}

/// Reads an integer number of seconds and checks it against the allowed range.
struct WholeSeconds(RangeInclusive<u64>);

impl WholeSeconds {
    fn check<E: de::Error>(
        &self,
        value: impl Into<i128> + fmt::Display + Copy,
    ) -> Result<Duration, E> {
        let wide: i128 = value.into();
        match u64::try_from(wide) {
            Ok(secs) if self.0.contains(&secs) => Ok(Duration::from_secs(secs)),
            _ => Err(E::custom(format!(
                "invalid value {value}, expected {}–{}",
                self.0.start(),
                self.0.end()
            ))),
        }
    }
}

impl Visitor<'_> for WholeSeconds {
    type Value = Duration;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("whole seconds")
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Duration, E> {
        self.check(value)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Duration, E> {
        self.check(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_config_matches_the_core_defaults() {
        assert_eq!(RestConfig::default().defaults(), RestDefaults::default());
        assert_eq!(RestConfig::default().step_secs(), 30);
    }

    #[test]
    fn the_ready_level_is_off_or_a_plausible_heart_rate() {
        let parse = |text: &str| {
            crate::config::Loaded::parse(text.to_owned(), None).map(|l| l.config.rest.ready_below)
        };
        assert_eq!(parse("[rest]\nready_below = 110").unwrap(), 110);
        assert_eq!(parse("[rest]\nready_below = 0").unwrap(), 0);
        let err = parse("[rest]\nready_below = 20").unwrap_err().to_string();
        assert!(
            err.contains("line 2") && err.contains("expected 0 (off) or 40–200 bpm"),
            "{err}"
        );
    }

    #[test]
    fn configured_seconds_carry_over() {
        let rest = RestConfig {
            compound: Duration::from_secs(240),
            isolation: Duration::from_secs(60),
            bodyweight: Duration::ZERO,
            cardio: Duration::from_secs(3600),
            step: Duration::from_secs(15),
            bell: false,
            ready_below: 0,
        };
        let defaults = rest.defaults();
        assert_eq!(
            (
                defaults.compound,
                defaults.isolation,
                defaults.bodyweight,
                defaults.cardio
            ),
            (240, 60, 0, 3600)
        );
        assert_eq!(rest.step_secs(), 15);
    }
}
