//! A small, deterministic physiological model of a lifter's heart: pure, time is a parameter.
//!
//! Heart rate follows a first-order response towards a target — high during a work bout (τ ≈ 25 s),
//! an elevated recovery floor between sets (τ ≈ 50 s) — both drifting up slowly over the session
//! (cardiac drift). Beats are placed one by one, so RR intervals agree with the heart rate
//! (RR = 60000 / bpm) plus beat-to-beat variability that shrinks as intensity rises, as vagal
//! tone withdraws: RMSSD ≈ 40 ms at 60 bpm, ≈ 20 ms between sets, ≈ 5 ms in a hard set.

use std::time::Duration;

use crate::core::rng::Rng;
use crate::core::units::Bpm;

/// The simulated lifter and how their heart responds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SimParams {
    /// Resting heart rate.
    pub rest: Bpm,
    /// Maximum heart rate.
    pub max: Bpm,
    /// Where a work bout drives the heart rate, as a fraction of heart-rate reserve.
    pub work_intensity: f64,
    /// Where the heart rate settles between sets, as a fraction of heart-rate reserve.
    pub recovery_floor: f64,
    /// Time constant of the rise during work, in seconds.
    pub tau_work_s: f64,
    /// Time constant of the recovery between sets, in seconds.
    pub tau_rest_s: f64,
    /// Cardiac drift: bpm added to both targets per hour of session.
    pub drift_bpm_per_hour: f64,
    /// Chance per beat that the strap misses it, merging two RR intervals into one (an artefact).
    pub artefact_rate: f64,
}

impl Default for SimParams {
    fn default() -> Self {
        SimParams {
            rest: Bpm::saturating(60.0),
            max: Bpm::saturating(185.0),
            work_intensity: 0.75,
            recovery_floor: 0.25,
            tau_work_s: 25.0,
            tau_rest_s: 50.0,
            drift_bpm_per_hour: 8.0,
            artefact_rate: 0.0,
        }
    }
}

/// Where the heart starts, as a fraction of heart-rate reserve: standing around before the first set.
const START_FRACTION: f64 = 0.1;
/// Beat-to-beat variability: the standard deviation of an RR interval as a fraction of it, at
/// full vagal tone. Successive differences then have RMSSD ≈ √2 times that.
const RR_SPREAD: f64 = 0.03;
/// Slow random wander of the heart rate, in bpm per √s.
const WANDER_BPM: f64 = 0.4;

/// The model's state. Same parameters, seed and steps give the same output on every machine.
#[derive(Debug, Clone)]
pub struct SimModel {
    params: SimParams,
    rng: Rng,
    hr: f64,
    elapsed_s: f64,
    since_beat_s: f64,
    next_rr_s: f64,
    missed_s: f64,
}

impl SimModel {
    /// A heart at rest-plus-a-little, with its first beat at a random phase.
    pub fn new(params: SimParams, seed: u64) -> Self {
        let mut model = SimModel {
            params,
            rng: Rng::new(seed),
            hr: 0.0,
            elapsed_s: 0.0,
            since_beat_s: 0.0,
            next_rr_s: 1.0,
            missed_s: 0.0,
        };
        model.hr = model.at_fraction(START_FRACTION);
        model.next_rr_s = model.draw_rr();
        model.since_beat_s = model.rng.unit() * model.next_rr_s;
        model
    }

    /// Sets where work bouts drive the heart rate from now on, as a fraction of heart-rate
    /// reserve (a heavy set drives it higher than a warm-up).
    pub fn set_work_intensity(&mut self, fraction: f64) {
        self.params.work_intensity = fraction;
    }

    /// The modelled heart rate right now, unrounded.
    pub fn heart_rate(&self) -> f64 {
        self.hr
    }

    /// Advances the model by `dt`, working or resting, and returns the heart rate at the end and
    /// the RR intervals (ms) of the beats completed during the step, oldest first.
    pub fn step(&mut self, dt: Duration, working: bool) -> (Bpm, Vec<f64>) {
        let dt_s = dt.as_secs_f64();
        self.elapsed_s += dt_s;
        let (fraction, tau) = if working {
            (self.params.work_intensity, self.params.tau_work_s)
        } else {
            (self.params.recovery_floor, self.params.tau_rest_s)
        };
        let drift = self.params.drift_bpm_per_hour * self.elapsed_s / 3600.0;
        let target = self.at_fraction(fraction) + drift;
        self.hr += (target - self.hr) * (1.0 - (-dt_s / tau).exp());
        self.hr += self.rng.normal(0.0, WANDER_BPM) * dt_s.sqrt();
        if !self.hr.is_finite() {
            self.hr = f64::from(self.params.rest.get());
        }
        self.hr = self.hr.clamp(30.0, 220.0);

        let mut rr_ms = Vec::new();
        self.since_beat_s += dt_s;
        while self.since_beat_s >= self.next_rr_s {
            self.since_beat_s -= self.next_rr_s;
            let interval = self.missed_s + self.next_rr_s;
            if self.rng.chance(self.params.artefact_rate) {
                self.missed_s = interval;
            } else {
                rr_ms.push(interval * 1000.0);
                self.missed_s = 0.0;
            }
            self.next_rr_s = self.draw_rr();
        }
        (Bpm::saturating(self.hr), rr_ms)
    }

    /// The heart rate at a fraction of heart-rate reserve (Karvonen).
    fn at_fraction(&self, fraction: f64) -> f64 {
        let rest = f64::from(self.params.rest.get());
        rest + fraction * (f64::from(self.params.max.get()) - rest)
    }

    /// The next RR interval in seconds: 60 / HR, spread by vagal tone (1 at rest, 0.1 near max).
    fn draw_rr(&mut self) -> f64 {
        let rest = f64::from(self.params.rest.get());
        let reserve = (f64::from(self.params.max.get()) - rest).max(1.0);
        let vagal = (1.0 - (self.hr - rest) / reserve).clamp(0.1, 1.0);
        let mean = 60.0 / self.hr;
        self.rng
            .normal(mean, RR_SPREAD * vagal * mean)
            .max(60.0 / 230.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::heart::hrv::{clean, rmssd};

    const SECOND: Duration = Duration::from_secs(1);

    fn run(model: &mut SimModel, seconds: u32, working: bool) -> (Vec<u16>, Vec<f64>) {
        let mut bpm = Vec::new();
        let mut rr = Vec::new();
        for _ in 0..seconds {
            let (b, r) = model.step(SECOND, working);
            bpm.push(b.get());
            rr.extend(r);
        }
        (bpm, rr)
    }

    #[test]
    fn the_same_seed_gives_the_same_heart() {
        let mut a = SimModel::new(SimParams::default(), 7);
        let mut b = SimModel::new(SimParams::default(), 7);
        let mut c = SimModel::new(SimParams::default(), 8);
        let (a_bpm, a_rr) = run(&mut a, 120, true);
        assert_eq!((a_bpm.clone(), a_rr.clone()), run(&mut b, 120, true));
        assert_ne!(a_rr, run(&mut c, 120, true).1);
    }

    #[test]
    fn heart_rate_rises_in_work_with_a_25_second_time_constant() {
        let p = SimParams::default(); // rest 60, max 185: start 72.5, work target 153.75
        let mut m = SimModel::new(p, 1);
        let start = m.heart_rate();
        assert!((start - 72.5).abs() < 1e-9);
        run(&mut m, 25, true);
        // One time constant covers 63 % of the way: 72.5 + 0.632 · 81.25 ≈ 123.9 (± wander).
        assert!((m.heart_rate() - 123.9).abs() < 4.0, "{}", m.heart_rate());
        run(&mut m, 95, true);
        assert!((m.heart_rate() - 153.75).abs() < 4.0, "{}", m.heart_rate());
    }

    #[test]
    fn heart_rate_falls_in_rest_towards_the_recovery_floor() {
        let mut m = SimModel::new(SimParams::default(), 2);
        run(&mut m, 120, true);
        let peak = m.heart_rate();
        let (bpm, _) = run(&mut m, 50, false);
        // Floor 91.25; after one τ (50 s) 63 % of the gap is gone.
        let expected = 91.25 + (peak - 91.25) * (-1.0f64).exp();
        assert!(
            (m.heart_rate() - expected).abs() < 4.0,
            "{} vs {expected}",
            m.heart_rate()
        );
        assert!(
            bpm.windows(10).all(|w| w[9] < w[0]),
            "falls steadily: {bpm:?}"
        );
        run(&mut m, 250, false);
        assert!((m.heart_rate() - 91.25).abs() < 4.0);
    }

    #[test]
    fn rr_intervals_match_the_heart_rate() {
        let mut m = SimModel::new(SimParams::default(), 3);
        run(&mut m, 120, true);
        let (bpm, rr) = run(&mut m, 30, true);
        let mean_rr = rr.iter().sum::<f64>() / rr.len() as f64;
        let mean_bpm = bpm.iter().map(|&b| f64::from(b)).sum::<f64>() / bpm.len() as f64;
        assert!(
            (60_000.0 / mean_rr - mean_bpm).abs() < 3.0,
            "{mean_rr} ms vs {mean_bpm} bpm"
        );
        // About one beat per 60/HR seconds: 30 s at ~154 bpm ≈ 77 beats.
        assert!((70..=84).contains(&rr.len()), "{}", rr.len());
    }

    #[test]
    fn rmssd_is_plausible_and_larger_at_rest() {
        let mut m = SimModel::new(SimParams::default(), 4);
        let (_, calm) = run(&mut m, 120, false);
        run(&mut m, 60, true);
        let (_, work) = run(&mut m, 60, true);
        let calm = rmssd(&clean(&calm).intervals).unwrap();
        let work = rmssd(&clean(&work).intervals).unwrap();
        assert!((12.0..=45.0).contains(&calm), "between sets {calm} ms");
        assert!((2.0..=12.0).contains(&work), "hard set {work} ms");
        assert!(calm > 2.0 * work);
    }

    #[test]
    fn cardiac_drift_raises_the_same_bout_over_an_hour() {
        let mut m = SimModel::new(SimParams::default(), 5);
        run(&mut m, 300, false);
        let early = m.heart_rate();
        run(&mut m, 3600, false);
        assert!(m.heart_rate() - early > 5.0, "{early} → {}", m.heart_rate());
    }

    #[test]
    fn missed_beats_merge_two_intervals() {
        let p = SimParams {
            artefact_rate: 0.05,
            ..SimParams::default()
        };
        let mut m = SimModel::new(p, 6);
        let (_, rr) = run(&mut m, 600, false);
        let c = clean(&rr);
        assert!(c.dropped >= 10, "dropped {}", c.dropped);
        assert!(rr.iter().any(|&x| x > 1_100.0), "a doubled interval");
    }
}
