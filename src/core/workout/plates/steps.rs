//! Implements that come in fixed steps: dumbbells (2 kg / 5 lb apart), pin-loaded stacks.

use super::cents::{exact_unit, from_cents, to_cents};
use super::{Rounding, pick};
use crate::core::units::{Unit, Weight};

/// Loads `lightest`, `lightest + step`, `lightest + 2·step`, … summed exactly in `unit`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Steps {
    pub unit: Unit,
    pub lightest: Weight,
    pub step: Weight,
}

/// The usual dumbbell jump: 2 kg, or 5 lb.
pub fn dumbbell_step(unit: Unit) -> Weight {
    step_of(unit, 2.0, 5.0)
}

/// The usual pin-loaded stack jump: 2.5 kg, or 5 lb.
pub fn stack_step(unit: Unit) -> Weight {
    step_of(unit, 2.5, 5.0)
}

fn step_of(unit: Unit, kg: f64, lb: f64) -> Weight {
    let value = match unit {
        Unit::Kg => kg,
        Unit::Lb => lb,
    };
    Weight::from_unit(value, unit).unwrap_or(Weight::ZERO)
}

impl Steps {
    /// A rack whose lightest load is one step: 2, 4, 6 kg … for dumbbells.
    pub fn from_lightest(unit: Unit, step: Weight) -> Steps {
        Steps {
            unit,
            lightest: step,
            step,
        }
    }

    /// The makeable loads closest at or below and at or above `target`.
    pub fn nearest(&self, target: Weight) -> (Option<Weight>, Option<Weight>) {
        let unit = self.sum_unit();
        let t = to_cents(target, unit);
        let first = to_cents(self.lightest, unit);
        let step = to_cents(self.step, unit);
        if step <= 0 {
            let only = from_cents(first, unit);
            return (
                (t >= first).then_some(only).flatten(),
                (t <= first).then_some(only).flatten(),
            );
        }
        let below = (t >= first).then(|| first + (t - first) / step * step);
        let above = first + ((t - first).max(0) + step - 1) / step * step;
        (
            below.and_then(|c| from_cents(c, unit)),
            from_cents(above, unit),
        )
    }

    /// The unit the steps are whole hundredths of (a 1.25 kg plate as the step of a lb lifter's
    /// dip belt steps in kilograms), so every load is exact.
    fn sum_unit(&self) -> Unit {
        exact_unit(&[self.lightest, self.step], self.unit)
    }

    /// `target` rounded `how` to a makeable load.
    pub fn round(&self, target: Weight, how: Rounding) -> Option<Weight> {
        let (below, above) = self.nearest(target);
        let unit = self.sum_unit();
        pick(
            below,
            above,
            how,
            |w| to_cents(*w, unit),
            to_cents(target, unit),
        )
    }
}
