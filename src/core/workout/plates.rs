//! Loads the lifter can actually make: a barbell with the plates they own, or an implement that
//! comes in fixed steps (dumbbells, a pin-loaded stack). Every load the app suggests goes through
//! here, so it is one the lifter can put on.
//!
//! Maths is exact, in hundredths of the unit the bar and plates are made in: plates are stored in
//! kilograms, but a 45 lb plate is exactly 45 lb, so pound plates are summed in pounds and come
//! back as 225 lb, not 224.99 — and kilogram plates in kilograms, whatever unit the lifter reads.

mod cents;
mod search;
mod steps;
#[cfg(test)]
mod tests;

use crate::core::profile::Profile;
use crate::core::units::{Unit, Weight};
use crate::core::workout::exercise::Equipment;

pub use steps::{Steps, dumbbell_step, stack_step};

use cents::{exact_unit, from_cents, to_cents};
use search::{Combo, Stock};

/// Which way to round a target that the equipment cannot make exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rounding {
    /// The closest makeable load; a tie goes to the lighter one.
    Nearest,
    /// The heaviest makeable load at or below the target.
    Down,
    /// The lightest makeable load at or above the target.
    Up,
}

/// One plate size the lifter owns. `pairs: None` means "as many pairs as a load needs" — the
/// usual gym. `Some(n)` caps it at `n` pairs (a home rack with two 1.25 kg plates has `Some(1)`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlateStock {
    pub size: Weight,
    pub pairs: Option<u16>,
}

/// A barbell and the plates that go on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Plates {
    /// The lifter's unit, loads are compared in it; sums are exact in the unit the bar and plates
    /// are made in ([`Plates::loadable`]).
    pub unit: Unit,
    pub bar: Weight,
    pub plates: Vec<PlateStock>,
}

/// One way to load the bar: the plates on each side, heaviest first, and the total.
#[derive(Debug, Clone, PartialEq)]
pub struct PlateLoad {
    pub achieved: Weight,
    pub per_side: Vec<Weight>,
}

/// The makeable loads either side of a target. Both are the same load when the target is
/// makeable. `below` is `None` under the empty bar; `above` is `None` past what the plates reach.
#[derive(Debug, Clone, PartialEq)]
pub struct Loadable {
    pub below: Option<PlateLoad>,
    pub above: Option<PlateLoad>,
}

impl Plates {
    /// A bar with unlimited pairs of each size.
    pub fn unlimited(unit: Unit, bar: Weight, sizes: &[Weight]) -> Plates {
        Plates {
            unit,
            bar,
            plates: sizes
                .iter()
                .map(|&size| PlateStock { size, pairs: None })
                .collect(),
        }
    }

    /// The profile's bar and plate sizes, in the profile's unit, with unlimited pairs.
    pub fn from_profile(profile: &Profile) -> Plates {
        Plates::unlimited(profile.unit, profile.bar, &profile.plates)
    }

    /// The makeable loads closest below and above `target`. Exact: it searches combinations of
    /// plate pairs (greedy heaviest-first misses loads such as 60 kg from a 20 kg bar with 15 kg
    /// and 10 kg plates only). For each total it uses the fewest plates, the heaviest first
    /// (100 kg is 25 + 15 a side, not 20 + 20).
    pub fn loadable(&self, target: Weight) -> Loadable {
        let unit = self.sum_unit();
        let bar = to_cents(self.bar, unit);
        let stock: Vec<Stock> = self
            .plates
            .iter()
            .map(|p| Stock {
                size: to_cents(p.size, unit),
                pairs: p.pairs,
            })
            .collect();
        let (below, above) = search::closest(&stock, bar, to_cents(target, unit));
        Loadable {
            below: below.and_then(|c| Self::plate_load(bar, &c, unit)),
            above: above.and_then(|c| Self::plate_load(bar, &c, unit)),
        }
    }

    /// The unit the bar and plates are whole hundredths of (kilogram plates sum in kilograms
    /// whatever the lifter's unit), so every load is exact.
    fn sum_unit(&self) -> Unit {
        let weights: Vec<Weight> = std::iter::once(self.bar)
            .chain(self.plates.iter().map(|p| p.size))
            .collect();
        exact_unit(&weights, self.unit)
    }

    /// The makeable load for `target`, rounded `how`. `None` when there is none that way: below
    /// the empty bar rounding down, or beyond the plates rounding up.
    pub fn round_to_loadable(&self, target: Weight, how: Rounding) -> Option<PlateLoad> {
        let Loadable { below, above } = self.loadable(target);
        let unit = self.sum_unit();
        let t = to_cents(target, unit);
        pick(below, above, how, |l| to_cents(l.achieved, unit), t)
    }

    fn plate_load(bar: i64, combo: &Combo, unit: Unit) -> Option<PlateLoad> {
        let per_side = combo
            .plates
            .iter()
            .map(|&c| from_cents(c, unit))
            .collect::<Option<Vec<_>>>()?;
        Some(PlateLoad {
            achieved: from_cents(bar + 2 * combo.per_side, unit)?,
            per_side,
        })
    }
}

/// Chooses between the candidates below and above a target (`t`, in the same measure as `at`).
fn pick<T>(
    below: Option<T>,
    above: Option<T>,
    how: Rounding,
    at: impl Fn(&T) -> i64,
    t: i64,
) -> Option<T> {
    match how {
        Rounding::Down => below,
        Rounding::Up => above,
        Rounding::Nearest => match (below, above) {
            (Some(b), Some(a)) => Some(if at(&a) - t < t - at(&b) { a } else { b }),
            (b, a) => b.or(a),
        },
    }
}

/// What an exercise is loaded with: a barbell and plates, or fixed steps.
#[derive(Debug, Clone, PartialEq)]
pub enum Loader {
    Barbell(Plates),
    Steps(Steps),
}

impl Loader {
    /// The loading for `equipment` with the lifter's bar, plates and unit: barbells use the
    /// plates; dumbbells [`dumbbell_step`]; machines and cables [`stack_step`]; anything else
    /// (a dip belt, a kettlebell) moves by the smallest plate from nothing.
    pub fn for_equipment(equipment: Equipment, profile: &Profile) -> Loader {
        let unit = profile.unit;
        match equipment {
            Equipment::Barbell => Loader::Barbell(Plates::from_profile(profile)),
            Equipment::Dumbbell => Loader::Steps(Steps::from_lightest(unit, dumbbell_step(unit))),
            Equipment::Machine | Equipment::Cable => {
                Loader::Steps(Steps::from_lightest(unit, stack_step(unit)))
            }
            Equipment::Kettlebell
            | Equipment::Bodyweight
            | Equipment::Band
            | Equipment::Cardio
            | Equipment::Other => {
                let smallest = profile
                    .plates
                    .iter()
                    .copied()
                    .filter(|p| p.kg() > 0.0)
                    .reduce(|a, b| if b.kg() < a.kg() { b } else { a })
                    .unwrap_or_else(|| stack_step(unit));
                Loader::Steps(Steps {
                    unit,
                    lightest: Weight::ZERO,
                    step: smallest,
                })
            }
        }
    }

    /// The unit loads are summed and compared in.
    pub fn unit(&self) -> Unit {
        match self {
            Loader::Barbell(p) => p.unit,
            Loader::Steps(s) => s.unit,
        }
    }

    /// The lightest load the implement makes: the empty bar, the lightest dumbbell.
    pub fn lightest(&self) -> Weight {
        match self {
            Loader::Barbell(p) => p.bar,
            Loader::Steps(s) => s.lightest,
        }
    }

    /// `target` rounded `how` to a makeable load, `None` when there is none that way.
    pub fn round(&self, target: Weight, how: Rounding) -> Option<Weight> {
        match self {
            Loader::Barbell(p) => p.round_to_loadable(target, how).map(|l| l.achieved),
            Loader::Steps(s) => s.round(target, how),
        }
    }

    /// The lightest makeable load strictly heavier than `weight` (the smallest jump up).
    pub fn next_above(&self, weight: Weight) -> Option<Weight> {
        let unit = self.unit();
        let up = from_cents(to_cents(weight, unit) + 1, unit)?;
        self.round(up, Rounding::Up)
    }

    /// Whether the implement makes exactly `weight` (to 0.01 of the unit).
    pub fn is_loadable(&self, weight: Weight) -> bool {
        self.round(weight, Rounding::Down)
            .is_some_and(|w| self.same(w, weight))
    }

    /// Whether two weights are the same load in this unit (to 0.01).
    pub fn same(&self, a: Weight, b: Weight) -> bool {
        to_cents(a, self.unit()) == to_cents(b, self.unit())
    }

    /// Whether `a` is a heavier load than `b` in this unit (to 0.01).
    pub fn heavier(&self, a: Weight, b: Weight) -> bool {
        to_cents(a, self.unit()) > to_cents(b, self.unit())
    }
}
