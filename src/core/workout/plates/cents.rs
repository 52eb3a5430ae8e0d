//! Loads as whole hundredths of the lifter's unit, so sums of plates are exact.

use crate::core::units::{Unit, Weight};

/// `weight` in hundredths of `unit`: 45 lb → 4500, 1.25 kg → 125.
pub(super) fn to_cents(weight: Weight, unit: Unit) -> i64 {
    (weight.kg() / unit.kg_factor() * 100.0).round() as i64
}

/// The unit `weights` are whole hundredths of, so their sums are exact: `preferred` when they are
/// in it, else the other unit when they are in that one (kilogram plates in a pound profile sum in
/// kilograms: 20 + 2 × (25 + 15) is 100 kg, where rounding each plate to 0.01 lb gave 220.47 lb),
/// else `preferred`.
pub(super) fn exact_unit(weights: &[Weight], preferred: Unit) -> Unit {
    let whole = |unit: Unit| {
        weights.iter().all(|w| {
            let cents = w.kg() / unit.kg_factor() * 100.0;
            (cents - cents.round()).abs() < 1e-6
        })
    };
    let other = match preferred {
        Unit::Kg => Unit::Lb,
        Unit::Lb => Unit::Kg,
    };
    if !whole(preferred) && whole(other) {
        other
    } else {
        preferred
    }
}

/// Hundredths of `unit` back to a weight; `None` outside 0–1000 kg.
pub(super) fn from_cents(cents: i64, unit: Unit) -> Option<Weight> {
    Weight::from_unit(cents as f64 / 100.0, unit).ok()
}
