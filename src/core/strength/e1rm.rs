//! Estimated one-rep max from a set, by the seven published formulas or the RTS chart when an
//! RPE was logged. Decisions (science.md): one rep returns the weight itself, no reps is an error,
//! above 12 reps no estimate is claimed; the default is Brzycki up to 10 reps, Epley for 11–12.
//!
//! [`estimate`] reads one set on its own (the calculator). A set in a lift's history is read by
//! [`Reader`], which decides from the lifter's RPE habit on the lift whether the chart or the
//! formula speaks for it — the one rule for every trend, record and deload signal.

mod reader;

pub use reader::{HABIT_SETS, Reader, Reading};

use crate::core::strength::rpe::{CHART_REPS, percent_1rm};
use crate::core::units::{Rpe, Weight};

/// Above this many reps no e1RM is claimed (the set still counts for volume and rep PRs).
pub const MAX_REPS: u16 = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Formula {
    /// Brzycki (1993): `w · 36 / (37 − r)`.
    Brzycki,
    /// Epley (1985): `w · (1 + r/30)`.
    Epley,
    /// Lombardi (1989): `w · r^0.10`.
    Lombardi,
    /// Mayhew et al. (1992): `100w / (52.2 + 41.9 e^(−0.055 r))`.
    Mayhew,
    /// O'Conner et al. (1989): `w · (1 + r/40)`.
    OConner,
    /// Wathan (1994): `100w / (48.8 + 53.8 e^(−0.075 r))`.
    Wathan,
    /// Lander (1985): `100w / (101.3 − 2.67123 r)`.
    Lander,
}

impl Formula {
    pub const ALL: [Formula; 7] = [
        Formula::Brzycki,
        Formula::Epley,
        Formula::Lombardi,
        Formula::Mayhew,
        Formula::OConner,
        Formula::Wathan,
        Formula::Lander,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Formula::Brzycki => "brzycki",
            Formula::Epley => "epley",
            Formula::Lombardi => "lombardi",
            Formula::Mayhew => "mayhew",
            Formula::OConner => "oconner",
            Formula::Wathan => "wathan",
            Formula::Lander => "lander",
        }
    }

    pub fn from_name(name: &str) -> Option<Formula> {
        Self::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name))
    }

    fn apply(self, w: f64, r: f64) -> f64 {
        match self {
            Formula::Brzycki => w * 36.0 / (37.0 - r),
            Formula::Epley => w * (1.0 + r / 30.0),
            Formula::Lombardi => w * r.powf(0.10),
            Formula::Mayhew => 100.0 * w / (52.2 + 41.9 * (-0.055 * r).exp()),
            Formula::OConner => w * (1.0 + r / 40.0),
            Formula::Wathan => 100.0 * w / (48.8 + 53.8 * (-0.075 * r).exp()),
            Formula::Lander => 100.0 * w / (101.3 - 2.671_23 * r),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum E1rmError {
    #[error("an e1RM needs at least 1 rep")]
    NoReps,
    #[error("no e1RM above {MAX_REPS} reps (got {0}): estimates are unreliable that high")]
    TooManyReps(u16),
    #[error(
        "the e1RM would be above {} kg: check the weight and reps",
        crate::core::units::MAX_LOAD_KG
    )]
    AboveMax,
}

fn check(reps: u16) -> Result<f64, E1rmError> {
    match reps {
        0 => Err(E1rmError::NoReps),
        r if r > MAX_REPS => Err(E1rmError::TooManyReps(r)),
        r => Ok(f64::from(r)),
    }
}

/// e1RM by one formula. One rep returns the weight for every formula.
pub fn by_formula(formula: Formula, weight: Weight, reps: u16) -> Result<Weight, E1rmError> {
    let r = check(reps)?;
    let kg = if reps == 1 {
        weight.kg()
    } else {
        formula.apply(weight.kg(), r)
    };
    Weight::from_kg(kg).map_err(|_| E1rmError::AboveMax)
}

/// The default formula for a rep count: Brzycki up to 10 reps, Epley for 11–12.
pub fn default_formula(reps: u16) -> Formula {
    if reps <= 10 {
        Formula::Brzycki
    } else {
        Formula::Epley
    }
}

/// What an estimate for a set is based on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Basis {
    /// The RTS chart: the set was this percentage of the 1RM.
    Chart { percent: f64 },
    /// A formula (pinned, or the default for the rep count).
    Formula(Formula),
}

/// How [`estimate`] treats a set: the RTS chart when an RPE inside it was logged, else the
/// pinned formula, else the default one.
pub fn basis(reps: u16, rpe: Option<Rpe>, pinned: Option<Formula>) -> Basis {
    if let Some(rpe) = rpe
        && CHART_REPS.contains(&reps)
        && let Ok(percent) = percent_1rm(reps, rpe)
    {
        return Basis::Chart { percent };
    }
    Basis::Formula(pinned.unwrap_or_else(|| default_formula(reps)))
}

/// The e1RM the app stores for a set, on the [`basis`] for it. `None` when no estimate is claimed
/// (0 or > 12 reps, or an estimate above the heaviest accepted load).
pub fn estimate(
    weight: Weight,
    reps: u16,
    rpe: Option<Rpe>,
    pinned: Option<Formula>,
) -> Option<Weight> {
    check(reps).ok()?;
    match basis(reps, rpe, pinned) {
        Basis::Chart { percent } => Weight::from_kg(weight.kg() * 100.0 / percent).ok(),
        Basis::Formula(formula) => by_formula(formula, weight, reps).ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kg(v: f64) -> Weight {
        Weight::from_kg(v).unwrap()
    }

    fn e(formula: Formula, w: f64, r: u16) -> f64 {
        by_formula(formula, kg(w), r).unwrap().kg()
    }

    #[test]
    fn hundred_by_ten_science_md_check_values() {
        assert!((e(Formula::Epley, 100.0, 10) - 133.333).abs() < 0.001);
        assert!((e(Formula::Brzycki, 100.0, 10) - 133.333).abs() < 0.001);
        assert!((e(Formula::Lombardi, 100.0, 10) - 125.893).abs() < 0.001);
    }

    #[test]
    fn every_formula_at_five_reps_from_its_published_equation() {
        // 100 kg × 5, computed by hand from each paper's equation.
        let table = [
            (Formula::Brzycki, 112.5),
            (Formula::Epley, 116.667),
            (Formula::Lombardi, 117.462),
            (Formula::Mayhew, 119.0),
            (Formula::OConner, 112.5),
            (Formula::Wathan, 116.6),
            (Formula::Lander, 113.709),
        ];
        for (formula, expected) in table {
            assert!(
                (e(formula, 100.0, 5) - expected).abs() < 0.1,
                "{formula:?}: {}",
                e(formula, 100.0, 5)
            );
        }
    }

    #[test]
    fn one_rep_is_the_weight_and_the_edges_are_errors() {
        for formula in Formula::ALL {
            assert!((e(formula, 180.0, 1) - 180.0).abs() < 1e-9, "{formula:?}");
        }
        assert_eq!(
            by_formula(Formula::Epley, kg(100.0), 0),
            Err(E1rmError::NoReps)
        );
        assert_eq!(
            by_formula(Formula::Epley, kg(100.0), 13),
            Err(E1rmError::TooManyReps(13))
        );
        assert_eq!(estimate(kg(100.0), 15, None, None), None);
    }

    #[test]
    fn an_estimate_above_the_heaviest_load_is_refused_not_clamped() {
        // 800 × 10 by Brzycki is 1066.7 kg, past MAX_LOAD_KG.
        assert_eq!(
            by_formula(Formula::Brzycki, kg(800.0), 10),
            Err(E1rmError::AboveMax)
        );
        assert_eq!(estimate(kg(800.0), 10, None, None), None);
        assert!((e(Formula::Brzycki, 750.0, 10) - 1000.0).abs() < 1e-9);
    }

    #[test]
    fn the_basis_is_the_chart_only_inside_it() {
        let rpe = |v| Some(Rpe::try_from(v).unwrap());
        assert_eq!(basis(5, rpe(8.0), None), Basis::Chart { percent: 81.1 });
        assert_eq!(basis(5, rpe(6.0), None), Basis::Formula(Formula::Brzycki));
        assert_eq!(basis(11, None, None), Basis::Formula(Formula::Epley));
        assert_eq!(
            basis(5, None, Some(Formula::Lander)),
            Basis::Formula(Formula::Lander)
        );
    }

    #[test]
    fn defaults_and_the_rpe_chart() {
        // Brzycki up to 10 reps, Epley at 11–12.
        assert!((estimate(kg(100.0), 10, None, None).unwrap().kg() - 133.333).abs() < 0.001);
        assert!((estimate(kg(100.0), 12, None, None).unwrap().kg() - 140.0).abs() < 0.001);
        // 100 × 5 @ 8 → 100 / 0.811.
        let rpe = Rpe::try_from(8.0).unwrap();
        assert!((estimate(kg(100.0), 5, Some(rpe), None).unwrap().kg() - 123.305).abs() < 0.001);
        // An RPE below the chart falls back to the formula.
        let easy = Rpe::try_from(5.0).unwrap();
        assert!((estimate(kg(100.0), 5, Some(easy), None).unwrap().kg() - 112.5).abs() < 0.001);
        // A pinned formula wins over the default.
        assert!(
            (estimate(kg(100.0), 5, None, Some(Formula::Epley))
                .unwrap()
                .kg()
                - 116.667)
                .abs()
                < 0.001
        );
    }

    proptest::proptest! {
        #[test]
        fn e1rm_rises_with_weight_and_reps(w in 20.0..400.0f64, r in 1u16..12, extra in 0.5..50.0f64) {
            for formula in Formula::ALL {
                let base = e(formula, w, r);
                proptest::prop_assert!(e(formula, w + extra, r) > base);
                proptest::prop_assert!(e(formula, w, r + 1) > base, "{:?}", formula);
            }
        }
    }
}
