//! Which loads the demo lifter can actually put on: bar plus plate pairs, dumbbell pairs,
//! stack pins, or plates on a dip belt.

use crate::core::profile::Profile;
use crate::core::workout::exercise::Equipment;

/// The loads an implement can make: `min`, `min + step`, `min + 2·step`, …
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Loading {
    /// The lightest load (the empty bar, the lightest dumbbell, nothing on the belt), in kg.
    pub min: f64,
    /// The smallest jump, in kg.
    pub step: f64,
}

impl Loading {
    /// The loading of `equipment` with the lifter's bar and plates. A barbell moves by a pair of
    /// the smallest plates (every standard plate is a multiple of it, so any multiple is makeable);
    /// dumbbells come in 2 kg steps, stacks in 2.5 kg, kettlebells in 4 kg.
    pub fn for_equipment(equipment: Equipment, profile: &Profile) -> Loading {
        let smallest_plate = profile
            .plates
            .iter()
            .map(|p| p.kg())
            .filter(|kg| *kg > 0.0)
            .reduce(f64::min);
        match equipment {
            Equipment::Barbell => Loading {
                min: profile.bar.kg(),
                step: 2.0 * smallest_plate.unwrap_or(1.25),
            },
            Equipment::Dumbbell => Loading {
                min: 2.0,
                step: 2.0,
            },
            Equipment::Machine | Equipment::Cable => Loading {
                min: 5.0,
                step: 2.5,
            },
            Equipment::Kettlebell => Loading {
                min: 8.0,
                step: 4.0,
            },
            Equipment::Bodyweight | Equipment::Band | Equipment::Cardio | Equipment::Other => {
                Loading {
                    min: 0.0,
                    step: 2.5,
                }
            }
        }
    }

    /// The makeable load nearest to `kg` (never below the minimum).
    pub fn nearest(self, kg: f64) -> f64 {
        self.at(((kg - self.min) / self.step).round())
    }

    /// The heaviest makeable load not above `kg` (the minimum when `kg` is below it).
    pub fn at_most(self, kg: f64) -> f64 {
        // The small allowance keeps 102.5 at 102.5 when it arrives as 102.49999999999999.
        self.at(((kg - self.min) / self.step + 1e-9).floor())
    }

    /// The load `steps` jumps above the minimum, computed afresh so errors never accumulate.
    fn at(self, steps: f64) -> f64 {
        self.min + steps.max(0.0) * self.step
    }

    /// Whether `kg` is one of the makeable loads.
    #[cfg(test)]
    pub fn makes(self, kg: f64) -> bool {
        let steps = (kg - self.min) / self.step;
        steps >= -1e-9 && (steps - steps.round()).abs() < 1e-9
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::core::units::Unit;

    fn profile(unit: Unit) -> Profile {
        Profile::example().in_unit(unit)
    }

    #[test]
    fn a_20_kg_bar_with_standard_plates_moves_in_2_5_kg_steps() {
        let bar = Loading::for_equipment(Equipment::Barbell, &profile(Unit::Kg));
        assert_eq!(
            bar,
            Loading {
                min: 20.0,
                step: 2.5
            }
        );
        assert!((bar.nearest(101.0) - 100.0).abs() < 1e-12);
        assert!((bar.nearest(101.3) - 102.5).abs() < 1e-12);
        assert!((bar.at_most(104.9) - 102.5).abs() < 1e-12);
        assert!((bar.at_most(102.499_999_999_999_99) - 102.5).abs() < 1e-12);
        assert!((bar.nearest(5.0) - 20.0).abs() < 1e-12);
        assert!(bar.makes(102.5) && bar.makes(20.0));
        assert!(!bar.makes(101.0) && !bar.makes(17.5));
    }

    #[test]
    fn a_45_lb_bar_moves_by_a_pair_of_2_5_lb_plates() {
        let bar = Loading::for_equipment(Equipment::Barbell, &profile(Unit::Lb));
        let lb = 0.453_592_37;
        assert!((bar.min - 45.0 * lb).abs() < 1e-9);
        assert!((bar.step - 5.0 * lb).abs() < 1e-9);
        assert!(bar.makes(225.0 * lb));
    }

    #[test]
    fn dumbbells_stacks_and_belts_have_their_own_steps() {
        let p = profile(Unit::Kg);
        let dumbbell = Loading::for_equipment(Equipment::Dumbbell, &p);
        assert!((dumbbell.nearest(13.1) - 14.0).abs() < 1e-12);
        assert!((dumbbell.nearest(0.5) - 2.0).abs() < 1e-12);
        let stack = Loading::for_equipment(Equipment::Cable, &p);
        assert!((stack.at_most(61.0) - 60.0).abs() < 1e-12);
        let belt = Loading::for_equipment(Equipment::Bodyweight, &p);
        assert!(belt.nearest(-12.0).abs() < 1e-12);
        assert!((belt.nearest(11.0) - 10.0).abs() < 1e-12);
    }
}
