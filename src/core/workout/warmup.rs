//! Warm-up sets ramping to the first working set: a scheme of (empty bar | % of the working
//! weight, reps), each rounded to a load the lifter can make and never as heavy as the work.
//!
//! Default scheme: bar × 10, 40 % × 5, 60 % × 3, 80 % × 1 — the common ramp of fewer reps as the
//! load climbs, so the warm-up primes without tiring.

use crate::core::units::{Reps, Weight};
use crate::core::workout::plates::{Loader, Rounding};
use crate::core::workout::set::{Load, SetKind, SetSpec};

/// The load of one warm-up step.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum WarmupLoad {
    /// The empty bar (the lightest load the implement makes).
    Bar,
    /// A percentage of the first working set's weight, e.g. `Percent(60.0)`.
    Percent(f64),
}

/// One step of a warm-up scheme. A step with 0 reps is skipped.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WarmupStep {
    pub load: WarmupLoad,
    pub reps: u16,
}

/// A warm-up ramp and how its percentages become makeable loads.
#[derive(Debug, Clone, PartialEq)]
pub struct WarmupScheme {
    pub steps: Vec<WarmupStep>,
    /// `Down` by default; `Nearest` gives plate-friendly jumps (95/135/185 lb with 45s and 25s)
    /// and still never reaches the working weight.
    pub rounding: Rounding,
}

impl Default for WarmupScheme {
    fn default() -> Self {
        let step = |load, reps| WarmupStep { load, reps };
        WarmupScheme {
            steps: vec![
                step(WarmupLoad::Bar, 10),
                step(WarmupLoad::Percent(40.0), 5),
                step(WarmupLoad::Percent(60.0), 3),
                step(WarmupLoad::Percent(80.0), 1),
            ],
            rounding: Rounding::Down,
        }
    }
}

/// Warm-up sets before a first working set of `working`, lightest first.
///
/// Each step is rounded `scheme.rounding` (falling back to down if that would reach the working
/// weight); a load under the empty bar becomes the bar. Loads must climb: a step that lands on or
/// below the previous one is dropped, so the first (higher-rep) set at a load is kept. No set is
/// as heavy as `working`, so a working set on the empty bar gets no warm-up. Nothing is suggested
/// for an implement whose lightest load is nothing (a dip belt).
pub fn warmups(working: Weight, scheme: &WarmupScheme, loader: &Loader) -> Vec<SetSpec> {
    let lighter = |w: &Weight| loader.heavier(working, *w);
    let mut loads: Vec<(Weight, Reps)> = Vec::new();
    for step in &scheme.steps {
        let Ok(reps) = Reps::try_from(u32::from(step.reps)) else {
            continue;
        };
        let load = match step.load {
            WarmupLoad::Bar => loader.lightest(),
            WarmupLoad::Percent(pct) => {
                let Ok(target) = Weight::from_kg(working.kg() * pct / 100.0) else {
                    continue;
                };
                loader
                    .round(target, scheme.rounding)
                    .filter(lighter)
                    .or_else(|| loader.round(target, Rounding::Down))
                    .unwrap_or_else(|| loader.lightest())
            }
        };
        let climbs = loads
            .last()
            .is_none_or(|(prev, _)| loader.heavier(load, *prev));
        if lighter(&load) && climbs && loader.heavier(load, Weight::ZERO) {
            loads.push((load, reps));
        }
    }
    loads
        .into_iter()
        .map(|(w, reps)| SetSpec {
            kind: SetKind::Warmup,
            load: Load::External(w),
            reps: Some(reps),
            effort: None,
            duration: None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::core::profile::{default_bar, default_plates};
    use crate::core::units::Unit;
    use crate::core::workout::plates::{Plates, Steps, dumbbell_step};

    fn barbell(unit: Unit) -> Loader {
        Loader::Barbell(Plates::unlimited(
            unit,
            default_bar(unit),
            &default_plates(unit),
        ))
    }

    fn w(value: f64, unit: Unit) -> Weight {
        Weight::from_unit(value, unit).unwrap()
    }

    /// The ramp as "load×reps" in `unit`.
    fn ramp(sets: &[SetSpec], unit: Unit) -> Vec<String> {
        sets.iter()
            .map(|s| {
                assert_eq!(s.kind, SetKind::Warmup);
                let Load::External(load) = s.load else {
                    panic!("warm-ups carry an external load");
                };
                format!("{}x{}", load.display(unit), s.reps.unwrap().get())
            })
            .collect()
    }

    fn default_ramp(working: f64, unit: Unit) -> Vec<String> {
        let sets = warmups(w(working, unit), &WarmupScheme::default(), &barbell(unit));
        ramp(&sets, unit)
    }

    #[test]
    fn hundred_kilograms_ramps_through_round_numbers() {
        assert_eq!(
            default_ramp(100.0, Unit::Kg),
            ["20x10", "40x5", "60x3", "80x1"]
        );
    }

    #[test]
    fn sixty_kilograms_rounds_each_step_down_to_plates() {
        // 24 → 22.5, 36 → 35, 48 → 47.5 with 1.25 kg the smallest plate.
        assert_eq!(
            default_ramp(60.0, Unit::Kg),
            ["20x10", "22.5x5", "35x3", "47.5x1"]
        );
    }

    #[test]
    fn loads_under_the_bar_collapse_into_one_bar_set() {
        // 40 % and 60 % of 30 kg are under the bar: one bar set, then 80 % = 24 → 22.5.
        assert_eq!(default_ramp(30.0, Unit::Kg), ["20x10", "22.5x1"]);
    }

    #[test]
    fn work_on_the_empty_bar_needs_no_warm_up() {
        assert!(default_ramp(20.0, Unit::Kg).is_empty());
    }

    #[test]
    fn pounds_with_standard_plates_round_down() {
        // 40/60/80 % of 225 lb are 90, 135 and 180, all makeable with 45 lb plates and smaller.
        assert_eq!(
            default_ramp(225.0, Unit::Lb),
            ["45x10", "90x5", "135x3", "180x1"]
        );
    }

    #[test]
    fn pounds_with_45s_and_25s_give_the_classic_ramp() {
        let loader = Loader::Barbell(Plates::unlimited(
            Unit::Lb,
            w(45.0, Unit::Lb),
            &[w(45.0, Unit::Lb), w(25.0, Unit::Lb)],
        ));
        let scheme = WarmupScheme {
            rounding: Rounding::Nearest,
            ..WarmupScheme::default()
        };
        let sets = warmups(w(225.0, Unit::Lb), &scheme, &loader);
        assert_eq!(ramp(&sets, Unit::Lb), ["45x10", "95x5", "135x3", "185x1"]);
    }

    #[test]
    fn nearest_never_reaches_the_working_weight() {
        // 99 % of 102.5 is 101.475: nearest is 102.5, the work itself, so it rounds down to 100.
        let scheme = WarmupScheme {
            steps: vec![WarmupStep {
                load: WarmupLoad::Percent(99.0),
                reps: 1,
            }],
            rounding: Rounding::Nearest,
        };
        let sets = warmups(w(102.5, Unit::Kg), &scheme, &barbell(Unit::Kg));
        assert_eq!(ramp(&sets, Unit::Kg), ["100x1"]);
    }

    #[test]
    fn dumbbells_start_from_the_lightest_pair() {
        let loader = Loader::Steps(Steps::from_lightest(Unit::Kg, dumbbell_step(Unit::Kg)));
        let sets = warmups(w(30.0, Unit::Kg), &WarmupScheme::default(), &loader);
        assert_eq!(ramp(&sets, Unit::Kg), ["2x10", "12x5", "18x3", "24x1"]);
    }

    proptest! {
        #[test]
        fn warm_ups_climb_stay_under_the_work_and_are_makeable(
            working in 0.0..400.0f64,
            unit in prop::sample::select(vec![Unit::Kg, Unit::Lb]),
            nearest in any::<bool>(),
        ) {
            let loader = barbell(unit);
            let scheme = WarmupScheme {
                rounding: if nearest { Rounding::Nearest } else { Rounding::Down },
                ..WarmupScheme::default()
            };
            let working = Weight::from_kg(working).unwrap();
            let sets = warmups(working, &scheme, &loader);
            let loads: Vec<Weight> = sets
                .iter()
                .map(|s| match s.load {
                    Load::External(w) => w,
                    _ => Weight::ZERO,
                })
                .collect();
            prop_assert!(sets.len() <= 4);
            for l in &loads {
                prop_assert!(loader.is_loadable(*l));
                prop_assert!(loader.heavier(working, *l));
            }
            prop_assert!(loads.windows(2).all(|p| loader.heavier(p[1], p[0])));
        }
    }
}
