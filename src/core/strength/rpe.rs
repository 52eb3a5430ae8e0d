//! The RTS %1RM chart (Mike Tuchscherer, Reactive Training Systems): what fraction of a one-rep
//! max a set of `reps` at a given RPE represents, and the load that turns a target into kilograms.

use crate::core::units::{Rpe, Weight};

/// %1RM by `i = 2(reps − 1) + 2(10 − RPE)` (science.md): 1 @ 10 = 100 %, 5 @ 8 = 81.1 %.
const CHART: [f64; 30] = [
    100.0, 97.8, 95.5, 93.9, 92.2, 90.7, 89.2, 87.8, 86.3, 85.0, 83.7, 82.4, 81.1, 79.9, 78.6,
    77.4, 76.2, 75.1, 73.9, 72.3, 70.7, 69.4, 68.0, 66.7, 65.3, 64.0, 62.6, 61.3, 59.9, 58.6,
];

/// The chart covers 1–12 reps at RPE 6.5–10.
pub const CHART_REPS: std::ops::RangeInclusive<u16> = 1..=12;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChartError {
    #[error("the RPE chart covers 1–12 reps, got {0}")]
    Reps(u16),
    #[error("the RPE chart covers RPE 6.5–10, got {0}")]
    Rpe(String),
}

/// Percent of 1RM for `reps` at `rpe`.
pub fn percent_1rm(reps: u16, rpe: Rpe) -> Result<f64, ChartError> {
    if !CHART_REPS.contains(&reps) {
        return Err(ChartError::Reps(reps));
    }
    let halves_below_10 = 20 - (rpe.value() * 2.0) as usize;
    if halves_below_10 > 7 {
        return Err(ChartError::Rpe(crate::core::units::format_number(
            rpe.value(),
        )));
    }
    Ok(CHART[2 * (usize::from(reps) - 1) + halves_below_10])
}

/// The load for `reps` at `rpe` given an estimated 1RM (unrounded: round to plates after).
pub fn load_for(e1rm: Weight, reps: u16, rpe: Rpe) -> Result<Weight, ChartError> {
    let pct = percent_1rm(reps, rpe)?;
    Ok(Weight::from_kg(e1rm.kg() * pct / 100.0).unwrap_or(e1rm))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rpe(v: f64) -> Rpe {
        Rpe::try_from(v).unwrap()
    }

    #[test]
    fn rts_chart_published_points_tuchscherer() {
        assert!((percent_1rm(1, rpe(10.0)).unwrap() - 100.0).abs() < 1e-9);
        assert!((percent_1rm(5, rpe(8.0)).unwrap() - 81.1).abs() < 1e-9);
        assert!((percent_1rm(1, rpe(9.0)).unwrap() - 95.5).abs() < 1e-9);
        assert!((percent_1rm(3, rpe(8.0)).unwrap() - 86.3).abs() < 1e-9);
        assert!((percent_1rm(1, rpe(8.0)).unwrap() - 92.2).abs() < 1e-9);
        assert!((percent_1rm(12, rpe(6.5)).unwrap() - 58.6).abs() < 1e-9);
        assert!((percent_1rm(12, rpe(10.0)).unwrap() - 68.0).abs() < 1e-9);
        assert!((percent_1rm(10, rpe(10.0)).unwrap() - 73.9).abs() < 1e-9);
    }

    #[test]
    fn outside_the_chart_is_an_error() {
        assert_eq!(percent_1rm(13, rpe(9.0)), Err(ChartError::Reps(13)));
        assert_eq!(percent_1rm(0, rpe(9.0)), Err(ChartError::Reps(0)));
        assert_eq!(percent_1rm(5, rpe(6.0)), Err(ChartError::Rpe("6".into())));
    }

    #[test]
    fn a_target_becomes_a_load() {
        let e1rm = Weight::from_kg(200.0).unwrap();
        let load = load_for(e1rm, 5, rpe(8.0)).unwrap();
        assert!((load.kg() - 162.2).abs() < 1e-9);
    }

    #[test]
    fn the_chart_falls_with_reps_and_with_lower_rpe() {
        for reps in 1..12 {
            for halves in 13..=20u8 {
                let r = rpe(f64::from(halves) / 2.0);
                let here = percent_1rm(reps, r).unwrap();
                assert!(percent_1rm(reps + 1, r).unwrap() < here);
                if halves > 13 {
                    assert!(percent_1rm(reps, rpe(f64::from(halves - 1) / 2.0)).unwrap() < here);
                }
            }
        }
    }
}
