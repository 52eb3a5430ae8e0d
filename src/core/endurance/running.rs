//! Running performance: Daniels/Gilbert VDOT, equivalent race times, Riegel predictions and
//! training paces (science.md).
//!
//! Source: Daniels & Gilbert (1979), *Oxygen Power: Performance Tables for Distance Runners*;
//! Daniels, *Daniels' Running Formula* (3rd ed., 2013), whose tables are the acceptance reference.
//! The velocity-at-VO2max regression of the starting design note is not used (science.md).

mod input;

pub use input::{Distance, InputError, RaceTime};

use std::fmt;

/// Riegel's fatigue exponent (Riegel 1981).
pub const RIEGEL_EXPONENT: f64 = 1.06;

/// Oxygen cost of running at `v` m/min, ml/kg/min: `−4.60 + 0.182258v + 0.000104v²`.
pub fn vo2(v_m_per_min: f64) -> f64 {
    -4.60 + 0.182_258 * v_m_per_min + 0.000_104 * v_m_per_min * v_m_per_min
}

/// Fraction of `VO2max` sustainable for `t` minutes:
/// `0.8 + 0.1894393e^(−0.012778t) + 0.2989558e^(−0.1932605t)`.
pub fn fraction_of_max(t_minutes: f64) -> f64 {
    0.8 + 0.189_439_3 * (-0.012_778 * t_minutes).exp()
        + 0.298_955_8 * (-0.193_260_5 * t_minutes).exp()
}

/// VDOT of a performance: `VO2(d/t) / %max(t)`. 5 km in 20:00 → 49.8.
pub fn vdot(distance: Distance, time: RaceTime) -> f64 {
    let t = time.minutes();
    vo2(distance.metres() / t) / fraction_of_max(t)
}

/// Why a running figure cannot be given.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RunningError {
    #[error("VDOT must be {min}–{max} for predictions, got {got:.1}")]
    VdotRange { min: f64, max: f64, got: f64 },
    #[error("the Riegel exponent must be 0.8–1.5, got {0}")]
    Exponent(f64),
    #[error("the predicted time is outside 0–100 hours")]
    TimeRange,
}

/// VDOTs we predict from. Daniels' tables cover 30–85; the formulas hold a little beyond.
pub const VDOT_RANGE: std::ops::RangeInclusive<f64> = 10.0..=100.0;

fn check_vdot(v: f64) -> Result<f64, RunningError> {
    if v.is_finite() && VDOT_RANGE.contains(&v) {
        Ok(v)
    } else {
        Err(RunningError::VdotRange {
            min: *VDOT_RANGE.start(),
            max: *VDOT_RANGE.end(),
            got: v,
        })
    }
}

/// The time at which `distance` run at VDOT `v` has exactly that VDOT: solves `VDOT(d, t) = v`
/// by bisection. VDOT falls as the time grows (speeds 30–1000 m/min), so the root is unique.
pub fn equivalent_time(v: f64, distance: Distance) -> Result<RaceTime, RunningError> {
    let v = check_vdot(v)?;
    let d = distance.metres();
    let at = |t: f64| vo2(d / t) / fraction_of_max(t) - v;
    // Bracket: from 1000 m/min (faster than any human) to 30 m/min (a slow walk).
    let (mut fast, mut slow) = (d / 1000.0, d / 30.0);
    if at(fast) < 0.0 || at(slow) > 0.0 {
        return Err(RunningError::VdotRange {
            min: *VDOT_RANGE.start(),
            max: *VDOT_RANGE.end(),
            got: v,
        });
    }
    // 100 halvings take the bracket far below a millisecond.
    for _ in 0..100 {
        let mid = 0.5 * (fast + slow);
        if at(mid) > 0.0 {
            fast = mid;
        } else {
            slow = mid;
        }
    }
    RaceTime::from_seconds(30.0 * (fast + slow)).ok_or(RunningError::TimeRange)
}

/// Riegel (1981), "Athletic records and human endurance", American Scientist 69:285–290:
/// `T2 = T1 · (D2/D1)^e`, e = [`RIEGEL_EXPONENT`] unless the lifter set another (0.8–1.5).
pub fn riegel(
    time: RaceTime,
    from: Distance,
    to: Distance,
    exponent: f64,
) -> Result<RaceTime, RunningError> {
    if !(exponent.is_finite() && (0.8..=1.5).contains(&exponent)) {
        return Err(RunningError::Exponent(exponent));
    }
    let seconds = time.seconds() * (to.metres() / from.metres()).powf(exponent);
    RaceTime::from_seconds(seconds).ok_or(RunningError::TimeRange)
}

/// A running pace in seconds per kilometre.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Pace(f64);

impl Pace {
    /// Seconds per kilometre.
    pub fn seconds_per_km(self) -> f64 {
        self.0
    }

    /// Seconds per mile.
    pub fn seconds_per_mile(self) -> f64 {
        self.0 * input::METRES_PER_MILE / 1000.0
    }

    /// Time for `metres` at this pace, in seconds (a 400 m rep: `for_metres(400.0)`).
    pub fn for_metres(self, metres: f64) -> f64 {
        self.0 * metres / 1000.0
    }
}

impl fmt::Display for Pace {
    /// `4:15/km`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total = self.0.round() as u64;
        write!(f, "{}:{:02}/km", total / 60, total % 60)
    }
}

/// The pace at which `VO2(v) = fraction · VDOT`: the positive root of the VO2 quadratic.
pub fn pace_at(v: f64, fraction: f64) -> Pace {
    let (a, b, c) = (0.000_104, 0.182_258, -4.60 - fraction * v);
    let speed = (-b + (b * b - 4.0 * a * c).sqrt()) / (2.0 * a);
    Pace(60_000.0 / speed)
}

/// Daniels' five training intensities as paces.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainingPaces {
    /// Easy: 62–70 % of VDOT, slow end first.
    pub easy: (Pace, Pace),
    /// Marathon: the predicted marathon race pace.
    pub marathon: Pace,
    /// Threshold: 88 %.
    pub threshold: Pace,
    /// Interval: 97.5 %.
    pub interval: Pace,
    /// Repetition: 105 %.
    pub repetition: Pace,
}

/// Training paces from a VDOT (science.md): E 62–70 %, M = marathon race pace, T 88 %,
/// I 97.5 %, R 105 %.
pub fn training_paces(v: f64) -> Result<TrainingPaces, RunningError> {
    let v = check_vdot(v)?;
    let marathon = equivalent_time(v, Distance::MARATHON)?;
    Ok(TrainingPaces {
        easy: (pace_at(v, 0.62), pace_at(v, 0.70)),
        marathon: Pace(marathon.seconds() / (Distance::MARATHON.metres() / 1000.0)),
        threshold: pace_at(v, 0.88),
        interval: pace_at(v, 0.975),
        repetition: pace_at(v, 1.05),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn time(s: &str) -> RaceTime {
        s.parse().unwrap()
    }

    fn dist(s: &str) -> Distance {
        s.parse().unwrap()
    }

    #[test]
    fn five_k_in_twenty_minutes_is_49_8_science_md() {
        assert!((vdot(dist("5k"), time("20:00")) - 49.8).abs() < 0.05);
    }

    /// Daniels' Running Formula table 3.1 (as quoted in r/artc "Dissecting Daniels, part 4"):
    /// VDOT 50 runs 5k 19:57, 10k 41:21, half 1:31:35, marathon 3:10:49; VDOT 40 runs
    /// 24:08, 50:03, 1:50:59, 3:49:45; VDOT 30 runs 30:40, 63:46, 2:21:04, 4:49:17.
    const DANIELS_TABLE_3_1: [(f64, [&str; 4]); 3] = [
        (50.0, ["19:57", "41:21", "1:31:35", "3:10:49"]),
        (40.0, ["24:08", "50:03", "1:50:59", "3:49:45"]),
        (30.0, ["30:40", "63:46", "2:21:04", "4:49:17"]),
    ];

    #[test]
    fn equivalent_times_match_daniels_table_3_1() {
        for (v, times) in DANIELS_TABLE_3_1 {
            for (d, published) in ["5k", "10k", "half", "marathon"].into_iter().zip(times) {
                let predicted = equivalent_time(v, dist(d)).unwrap().seconds();
                let published = time(published).seconds();
                // The book's times are rounded table values: the exact formula lands within
                // 0.25 % of them (32 s on a 4:49 marathon), and each gives back its VDOT ± 0.1.
                assert!(
                    (predicted - published).abs() <= 0.0025 * published,
                    "VDOT {v} {d}: predicted {predicted:.0} s, table {published} s"
                );
                assert!((vdot(dist(d), time_s(published)) - v).abs() < 0.1);
            }
        }
    }

    fn time_s(seconds: f64) -> RaceTime {
        RaceTime::from_seconds(seconds).unwrap()
    }

    #[test]
    fn training_paces_within_5_s_per_km_of_daniels_tables() {
        // VDOT 49 (Daniels' Running Formula, as quoted at fit360.blogspot.com, 2009):
        // M 7:24/mi = 275.9 s/km, T 4:20/km, I 3:59/km, R 1:29 per 400 m = 222.5 s/km,
        // E 8:40/mi = 323.1 s/km (inside our 62–70 % range).
        let p = training_paces(49.0).unwrap();
        assert!((p.marathon.seconds_per_km() - 444.0 / 1.609_344).abs() <= 5.0);
        assert!((p.threshold.seconds_per_km() - 260.0).abs() <= 5.0);
        assert!((p.interval.seconds_per_km() - 239.0).abs() <= 5.0);
        assert!((p.repetition.for_metres(400.0) - 89.0).abs() <= 2.0);
        let easy_mile = 520.0 / 1.609_344;
        assert!(p.easy.1.seconds_per_km() <= easy_mile && easy_mile <= p.easy.0.seconds_per_km());
        // Threshold at VDOT 40 and 80: 8:12/mi and 4:41/mi (run-fit.com quoting Daniels' tables).
        let t40 = training_paces(40.0).unwrap().threshold.seconds_per_mile();
        let t80 = training_paces(80.0).unwrap().threshold.seconds_per_mile();
        assert!((t40 - 492.0).abs() <= 5.0 * 1.609_344);
        assert!((t80 - 281.0).abs() <= 5.0 * 1.609_344);
        assert_eq!(Pace(259.6).to_string(), "4:20/km");
    }

    #[test]
    fn riegel_1981_with_the_default_exponent() {
        // 20:00 for 5 km → 10 km: 1200 · 2^1.06 = 2501.92 s = 41:42.
        let t = riegel(time("20:00"), dist("5k"), dist("10k"), RIEGEL_EXPONENT).unwrap();
        assert!((t.seconds() - 2501.918).abs() < 0.01);
        assert_eq!(t.to_string(), "41:42");
        let same = riegel(time("20:00"), dist("5k"), dist("5k"), 1.15).unwrap();
        assert!((same.seconds() - 1200.0).abs() < 1e-9);
        assert_eq!(
            riegel(time("20:00"), dist("5k"), dist("10k"), 3.0)
                .unwrap_err()
                .to_string(),
            "the Riegel exponent must be 0.8–1.5, got 3"
        );
    }

    #[test]
    fn vdot_outside_the_range_is_refused() {
        assert!(equivalent_time(5.0, dist("5k")).is_err());
        assert!(training_paces(f64::NAN).is_err());
        assert_eq!(
            training_paces(120.0).unwrap_err().to_string(),
            "VDOT must be 10–100 for predictions, got 120.0"
        );
    }

    proptest! {
        #[test]
        fn equivalent_time_inverts_vdot(v in 20.0..90.0f64, metres in 800.0..100_000.0f64) {
            let d = Distance::from_metres(metres).unwrap();
            let t = equivalent_time(v, d).unwrap();
            prop_assert!((vdot(d, t) - v).abs() < 1e-6);
            // Longer races take longer; faster runners are faster.
            let longer = Distance::from_metres(metres * 1.1).unwrap();
            prop_assert!(equivalent_time(v, longer).unwrap() > t);
            prop_assert!(equivalent_time(v + 1.0, d).unwrap() < t);
        }

        #[test]
        fn paces_are_ordered(v in 20.0..90.0f64) {
            let p = training_paces(v).unwrap();
            prop_assert!(p.easy.0 > p.easy.1);
            prop_assert!(p.easy.1 > p.marathon);
            prop_assert!(p.marathon > p.threshold);
            prop_assert!(p.threshold > p.interval);
            prop_assert!(p.interval > p.repetition);
        }
    }
}
