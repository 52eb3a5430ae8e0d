//! The rest timer's arithmetic. The clock is a parameter: the caller passes "now".

use chrono::{DateTime, Duration, Utc};

use crate::core::workout::exercise::{Exercise, ExerciseKind, Mechanics};

/// Default rest by type of exercise, in seconds (0 = no timer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RestDefaults {
    pub compound: u32,
    pub isolation: u32,
    pub bodyweight: u32,
    pub cardio: u32,
}

impl Default for RestDefaults {
    /// 3 min for compound lifts, 90 s for isolation and bodyweight work, no timer for cardio.
    fn default() -> Self {
        Self {
            compound: 180,
            isolation: 90,
            bodyweight: 90,
            cardio: 0,
        }
    }
}

impl RestDefaults {
    /// The rest that follows a working set of `exercise`.
    pub fn for_exercise(&self, exercise: &Exercise) -> u32 {
        match (exercise.kind, exercise.mechanics) {
            (ExerciseKind::Cardio, _) => self.cardio,
            (ExerciseKind::Bodyweight, _) => self.bodyweight,
            (ExerciseKind::Strength, Mechanics::Compound) => self.compound,
            (ExerciseKind::Strength, Mechanics::Isolation) => self.isolation,
        }
    }
}

/// A running rest period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rest {
    pub started: DateTime<Utc>,
    pub target: Duration,
}

/// Where a rest stands at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RestStatus {
    /// Time left until the target.
    Remaining(Duration),
    /// The target has passed by this much: the lifter is in overtime.
    Over(Duration),
}

impl Rest {
    pub fn status(&self, now: DateTime<Utc>) -> RestStatus {
        let elapsed = (now - self.started).max(Duration::zero());
        if elapsed < self.target {
            RestStatus::Remaining(self.target - elapsed)
        } else {
            RestStatus::Over(elapsed - self.target)
        }
    }

    /// The target moved by `seconds` (negative shortens), never below zero.
    #[must_use]
    pub fn adjusted(self, seconds: i64) -> Rest {
        Rest {
            target: (self.target + Duration::seconds(seconds)).max(Duration::zero()),
            ..self
        }
    }
}

/// `1:05`, `12:00`, `1:02:03` — a duration as a clock face, rounded up to whole seconds while
/// counting down so the timer never shows 0:00 early.
pub fn clock(duration: Duration) -> String {
    let ms = duration.num_milliseconds().max(0);
    let secs = (ms + 999) / 1000;
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000 + secs, 0).unwrap()
    }

    #[test]
    fn counts_down_then_into_overtime() {
        let rest = Rest {
            started: at(0),
            target: Duration::seconds(90),
        };
        assert_eq!(
            rest.status(at(30)),
            RestStatus::Remaining(Duration::seconds(60))
        );
        assert_eq!(rest.status(at(90)), RestStatus::Over(Duration::zero()));
        assert_eq!(
            rest.status(at(102)),
            RestStatus::Over(Duration::seconds(12))
        );
        assert_eq!(
            rest.status(at(-5)),
            RestStatus::Remaining(Duration::seconds(90))
        );
    }

    #[test]
    fn adjusting_never_goes_negative() {
        let rest = Rest {
            started: at(0),
            target: Duration::seconds(20),
        };
        assert_eq!(rest.adjusted(30).target, Duration::seconds(50));
        assert_eq!(rest.adjusted(-30).target, Duration::zero());
    }

    #[test]
    fn clock_faces() {
        assert_eq!(clock(Duration::seconds(65)), "1:05");
        assert_eq!(clock(Duration::milliseconds(500)), "0:01");
        assert_eq!(clock(Duration::seconds(3723)), "1:02:03");
    }
}
