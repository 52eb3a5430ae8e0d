//! Strength relative to body weight: DOTS and Wilks2020, with the coefficients
//! `OpenPowerlifting` publishes in its `coefficients` crate (science.md).
//!
//! Source: `OpenPowerlifting`, `crates/coefficients/src/dots.rs` and `wilks2020.rs`
//! (gitlab.com/openpowerlifting/opl-data). DOTS is by Tim Konertz for the BVDK (2019);
//! Wilks2020 is Robert Wilks' 2020 refit as published by Powerlifting Australia. Body weights
//! outside each formula's defined range use the nearest bound, as `OpenPowerlifting` does.

use crate::core::profile::Sex;
use crate::core::units::Weight;

/// Which score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Score {
    /// Dynamic Objective Team Scoring (BVDK, 2019).
    Dots,
    /// Wilks' 2020 refit (not the 1995 Wilks).
    Wilks2020,
}

impl Score {
    /// The coefficient that multiplies a total at this body weight.
    pub fn coefficient(self, sex: Sex, body_weight: Weight) -> f64 {
        match self {
            Score::Dots => dots_coefficient(sex, body_weight.kg()),
            Score::Wilks2020 => wilks2020_coefficient(sex, body_weight.kg()),
        }
    }

    /// Points for a total (or a single lift) at a body weight. Zero body weight or total → 0.
    pub fn points(self, sex: Sex, body_weight: Weight, total: Weight) -> f64 {
        if body_weight.kg() <= 0.0 || total.kg() <= 0.0 {
            return 0.0;
        }
        self.coefficient(sex, body_weight) * total.kg()
    }
}

/// `c0 + c1·x + c2·x² + …` by Horner's method.
fn polynomial(coefficients: &[f64], x: f64) -> f64 {
    coefficients.iter().rev().fold(0.0, |acc, &c| acc * x + c)
}

/// DOTS coefficient `500 / (a + b·x + c·x² + d·x³ + e·x⁴)`, x clamped to 40–210 kg (men) or
/// 40–150 kg (women).
pub fn dots_coefficient(sex: Sex, body_weight_kg: f64) -> f64 {
    let (c, x): (&[f64], f64) = match sex {
        Sex::Male => (
            &[
                -307.750_76,
                24.090_075_6,
                -0.191_875_922_1,
                0.000_739_129_3,
                -0.000_001_093,
            ],
            body_weight_kg.clamp(40.0, 210.0),
        ),
        Sex::Female => (
            &[
                -57.962_88,
                13.617_503_2,
                -0.112_665_549_5,
                0.000_515_856_8,
                -0.000_001_070_6,
            ],
            body_weight_kg.clamp(40.0, 150.0),
        ),
    };
    500.0 / polynomial(c, x)
}

/// Wilks2020 coefficient `600 / (a + b·x + … + f·x⁵)`, x clamped to 40–200.95 kg (men) or
/// 40–150.95 kg (women).
pub fn wilks2020_coefficient(sex: Sex, body_weight_kg: f64) -> f64 {
    let (c, x): (&[f64], f64) = match sex {
        Sex::Male => (
            &[
                47.461_788_541_194_9,
                8.472_061_379_411_25,
                0.073_694_103_462_609,
                -0.001_395_833_810_943_85,
                0.000_007_076_659_730_707_43,
                -0.000_000_012_080_433_648_231_5,
            ],
            body_weight_kg.clamp(40.0, 200.95),
        ),
        Sex::Female => (
            &[
                -125.425_539_779_509,
                13.712_194_194_066_8,
                -0.033_072_506_310_340_5,
                -0.001_050_400_050_658_3,
                0.000_009_387_738_814_627_99,
                -0.000_000_023_334_613_884_954,
            ],
            body_weight_kg.clamp(40.0, 150.95),
        ),
    };
    600.0 / polynomial(c, x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn kg(v: f64) -> Weight {
        Weight::from_kg(v).unwrap()
    }

    /// The published Wilks2020 tables to four decimals (Powerlifting Australia, as checked in
    /// `OpenPowerlifting`'s `wilks2020.rs` tests).
    #[test]
    fn wilks2020_published_tables_powerlifting_australia() {
        let men = [
            (40.0, 1.3895),
            (50.0, 1.1510),
            (60.0, 0.9968),
            (70.0, 0.8923),
            (80.0, 0.8191),
            (90.0, 0.7670),
            (100.0, 0.7294),
            (120.0, 0.6817),
            (140.0, 0.6546),
            (160.0, 0.6361),
            (180.0, 0.6213),
            (200.0, 0.6123),
            (200.95, 0.6122),
            (400.0, 0.6122),
            (20.0, 1.3895),
        ];
        let women = [
            (40.0, 1.8486),
            (50.0, 1.5091),
            (60.0, 1.3190),
            (70.0, 1.2042),
            (80.0, 1.1318),
            (90.0, 1.0846),
            (100.0, 1.0525),
            (110.0, 1.0286),
            (120.0, 1.0089),
            (130.0, 0.9912),
            (140.0, 0.9753),
            (150.0, 0.9635),
            (150.95, 0.9627),
            (200.0, 0.9627),
        ];
        for (sex, table) in [(Sex::Male, &men[..]), (Sex::Female, &women[..])] {
            for &(bw, published) in table {
                let c = wilks2020_coefficient(sex, bw);
                assert!(
                    (c * 10_000.0).round() as i64 == (published * 10_000.0_f64).round() as i64,
                    "{sex:?} {bw} kg: {c:.5} vs table {published}"
                );
            }
        }
    }

    /// DOTS from the published polynomial, worked by hand (independent Python evaluation):
    /// men 100 kg → denominator 812.327 → coefficient 0.615 516; a 1000 kg total is 615.52.
    #[test]
    fn dots_from_the_openpowerlifting_polynomial() {
        let points = |sex, bw, total| Score::Dots.points(sex, kg(bw), kg(total));
        assert!((points(Sex::Male, 100.0, 1000.0) - 615.515_76).abs() < 1e-3);
        assert!((points(Sex::Male, 83.0, 600.0) - 405.052_43).abs() < 1e-3);
        assert!((points(Sex::Female, 63.0, 380.0) - 408.695_68).abs() < 1e-3);
        // Outside the defined range the bound is used.
        assert!(
            (dots_coefficient(Sex::Male, 250.0) - dots_coefficient(Sex::Male, 210.0)).abs() < 1e-15
        );
        assert!(
            (dots_coefficient(Sex::Female, 30.0) - dots_coefficient(Sex::Female, 40.0)).abs()
                < 1e-15
        );
        assert!(points(Sex::Male, 0.0, 500.0).abs() < 1e-12);
        assert!(points(Sex::Female, 60.0, 0.0).abs() < 1e-12);
    }

    #[test]
    fn wilks2020_points_scale_with_the_total() {
        let p = Score::Wilks2020.points(Sex::Male, kg(100.0), kg(700.0));
        assert!((p - 700.0 * wilks2020_coefficient(Sex::Male, 100.0)).abs() < 1e-9);
        assert!((p - 510.6).abs() < 0.1, "0.7294 × 700 ≈ 510.6");
    }

    proptest! {
        #[test]
        fn heavier_lifters_get_smaller_coefficients(bw in 40.0..140.0f64, extra in 0.5..10.0f64, male in any::<bool>()) {
            let sex = if male { Sex::Male } else { Sex::Female };
            for score in [Score::Dots, Score::Wilks2020] {
                let light = score.coefficient(sex, kg(bw));
                let heavy = score.coefficient(sex, kg(bw + extra));
                prop_assert!(light > 0.0 && heavy > 0.0);
                prop_assert!(heavy < light, "{:?} {:?} {} kg", score, sex, bw);
            }
        }
    }
}
