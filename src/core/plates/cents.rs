//! Loads as whole hundredths of the lifter's unit, so sums of plates are exact.

use crate::core::units::{Unit, Weight};

/// `weight` in hundredths of `unit`: 45 lb → 4500, 1.25 kg → 125.
pub(super) fn to_cents(weight: Weight, unit: Unit) -> i64 {
    (weight.kg() / unit.kg_factor() * 100.0).round() as i64
}

/// Hundredths of `unit` back to a weight; `None` outside 0–1000 kg.
pub(super) fn from_cents(cents: i64, unit: Unit) -> Option<Weight> {
    Weight::from_unit(cents as f64 / 100.0, unit).ok()
}
