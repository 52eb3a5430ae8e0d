//! Which rule an exercise follows, and its numbers.

use std::fmt;

use crate::core::units::{Rpe, Unit, Weight};
use crate::core::workout::exercise::{Exercise, Mechanics};

/// The four progression rules of science.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// Work up through a rep range, then add weight and start at the bottom again.
    DoubleProgression,
    /// Add weight after every successful session; reset 10 % after three misses in a row.
    Linear,
    /// Adjust by the mean RPE of the last three sessions.
    RpeAutoregulation,
    /// Load for the prescribed reps at the target RPE from the current e1RM.
    RpeTarget,
}

impl Rule {
    /// Every rule, in the order Settings lists them.
    pub const ALL: [Rule; 4] = [
        Rule::DoubleProgression,
        Rule::Linear,
        Rule::RpeAutoregulation,
        Rule::RpeTarget,
    ];

    /// The stable name stored in the database and printed in JSON: `double_progression`.
    pub fn code(self) -> &'static str {
        match self {
            Rule::DoubleProgression => "double_progression",
            Rule::Linear => "linear",
            Rule::RpeAutoregulation => "rpe_autoregulation",
            Rule::RpeTarget => "rpe_target",
        }
    }

    /// The rule named by [`Rule::code`].
    pub fn from_code(code: &str) -> Option<Rule> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }

    /// How the rule reads on screen: "double progression".
    pub fn label(self) -> &'static str {
        match self {
            Rule::DoubleProgression => "double progression",
            Rule::Linear => "linear",
            Rule::RpeAutoregulation => "RPE autoregulation",
            Rule::RpeTarget => "RPE target",
        }
    }
}

/// A rep range such as 5–8. Linear and RPE rules prescribe its bottom (use 5–5 for "3 × 5").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RepRange {
    min: u16,
    max: u16,
}

/// A rep range that makes no sense.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a rep range needs 1 ≤ low ≤ high, like 5–8; got {min}–{max}")]
pub struct RangeError {
    pub min: u16,
    pub max: u16,
}

impl RepRange {
    pub fn new(min: u16, max: u16) -> Result<RepRange, RangeError> {
        if min >= 1 && min <= max {
            Ok(RepRange { min, max })
        } else {
            Err(RangeError { min, max })
        }
    }

    pub fn min(self) -> u16 {
        self.min
    }

    pub fn max(self) -> u16 {
        self.max
    }
}

impl fmt::Display for RepRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.min == self.max {
            write!(f, "{}", self.min)
        } else {
            write!(f, "{}–{}", self.min, self.max)
        }
    }
}

/// An exercise's rule and its numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RuleConfig {
    pub rule: Rule,
    pub rep_range: RepRange,
    /// The weight added when the rule says "add weight".
    pub increment: Weight,
    /// The RPE the RPE rules load for.
    pub target_rpe: Rpe,
    /// Working sets prescribed.
    pub sets: u16,
}

impl RuleConfig {
    /// The rule `exercise` follows: the one the lifter chose (`chosen`, as stored), else the
    /// defaults for its type in `unit`. The one place that decides it, for the app and the CLI.
    pub fn resolve(chosen: Option<RuleConfig>, exercise: &Exercise, unit: Unit) -> RuleConfig {
        chosen.unwrap_or_else(|| Self::default_for(exercise, unit))
    }

    /// science.md defaults: double progression, 5–8 reps and +2.5 kg for compounds, 8–12 reps
    /// and +1 kg for isolation lifts; 3 sets, target RPE 8. In pounds the increments are 5 lb
    /// and 2.5 lb (the smallest jumps standard pound plates make).
    pub fn default_for(exercise: &Exercise, unit: Unit) -> RuleConfig {
        let (min, max, kg, lb) = match exercise.mechanics {
            Mechanics::Compound => (5, 8, 2.5, 5.0),
            Mechanics::Isolation => (8, 12, 1.0, 2.5),
        };
        let increment = match unit {
            Unit::Kg => Weight::from_kg(kg),
            Unit::Lb => Weight::from_unit(lb, Unit::Lb),
        }
        .unwrap_or(Weight::ZERO);
        RuleConfig {
            rule: Rule::DoubleProgression,
            rep_range: RepRange { min, max },
            increment,
            target_rpe: Rpe::EIGHT,
            sets: 3,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_codes_round_trip_and_are_distinct() {
        for rule in Rule::ALL {
            assert_eq!(Rule::from_code(rule.code()), Some(rule));
        }
        assert_eq!(
            Rule::from_code("double_progression"),
            Some(Rule::DoubleProgression)
        );
        assert_eq!(Rule::from_code("Linear"), None, "codes are exact");
    }
}
