//! The demo lifter's true strength in one exercise, which no program knows: it grows each trained
//! week towards the lifter's ceiling, fast at first and then slowly for years, and shrinks a
//! little in a week off. What a set at some load allows follows from it; the programs only see
//! the reps made, so plateaus, missed reps and resets come out of the mismatch.
//!
//! Strength is the one-rep max of the moved load (body weight included for bodyweight lifts).
//! Reps possible on a set follow Epley reversed, `r = 30 · (max / load − 1)` (Brzycki's fewer
//! below three quarters of the max); RPE is `10 − reps left in the tank`, as the lifter feels it.

use chrono::{Days, NaiveDate};

use super::loading::Loading;
use super::routine::LiftSpec;
use crate::core::rng::Rng;
use crate::core::workout::exercise::{Equipment, ExerciseId};

/// Share of the distance to the ceiling gained per normal training week, at the start.
const GROWTH_PER_WEEK: f64 = 0.02;
/// How far back from the last session of a lift its best estimate counts as the lifter's max
/// (as the app reads a max from history).
const KNOWN_FOR_DAYS: u64 = 84;

/// What the day brings to every lift of a session.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Day {
    /// Body weight that day, kg.
    pub body: f64,
    /// How strong the lifter is today compared with their trend: −0.05 is a bad day.
    pub readiness: f64,
    /// A deload week: lighter loads, fewer sets, no progression.
    pub deload: bool,
}

/// One exercise as the lifter's body knows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Strength {
    pub spec: LiftSpec,
    pub exercise: ExerciseId,
    pub equipment: Equipment,
    pub loading: Loading,
    pub bodyweight: bool,
    /// True one-rep max of the moved load, before the day's ups and downs, kg.
    one_rm: f64,
    ceiling: f64,
    /// `ceiling − strength` on day one.
    first_gap: f64,
    /// Best estimated one-rep max logged so far (for PR notes), kg.
    pub best: f64,
    /// Sessions it was trained in.
    pub sessions: u32,
    /// Trained since the last [`Strength::adapt`].
    pub trained: bool,
    /// Each session's best estimate (external load), oldest first; only the last
    /// [`KNOWN_FOR_DAYS`] before the newest are kept.
    estimates: Vec<(NaiveDate, f64)>,
}

impl Strength {
    /// The lift as a novice starts it, on a body of `body` kg.
    pub fn new(
        spec: LiftSpec,
        exercise: ExerciseId,
        equipment: Equipment,
        loading: Loading,
        body: f64,
        rng: &mut Rng,
    ) -> Strength {
        let one_rm = spec.start * body * rng.between(0.9, 1.1);
        let ceiling = spec.ceiling * body * rng.between(0.9, 1.1);
        Strength {
            spec,
            exercise,
            equipment,
            loading,
            bodyweight: equipment == Equipment::Bodyweight,
            one_rm,
            ceiling,
            first_gap: (ceiling - one_rm).max(1.0),
            best: 0.0,
            sessions: 0,
            trained: false,
            estimates: Vec::new(),
        }
    }

    /// The true max, kg of moved load.
    pub fn max(&self) -> f64 {
        self.one_rm
    }

    #[cfg(test)]
    pub fn set_max(&mut self, kg: f64) {
        self.one_rm = kg;
    }

    #[cfg(test)]
    pub fn ceiling(&self) -> f64 {
        self.ceiling
    }

    /// What the body adds to the load: body weight for bodyweight lifts.
    pub fn offset(&self, day: &Day) -> f64 {
        if self.bodyweight { day.body } else { 0.0 }
    }

    /// Today's max: the trend, the day's readiness and a little noise.
    pub fn day_max(&self, day: &Day, rng: &mut Rng) -> f64 {
        self.one_rm * (1.0 + day.readiness + rng.normal(0.0, 0.01))
    }

    /// A week has passed: strength grows by `stimulus` (1 a normal week, less for a deload,
    /// 0 for an untrained one) times the usual gain.
    pub fn adapt(&mut self, stimulus: f64, rng: &mut Rng) {
        // The gain shrinks with the square of the remaining gap: quick novice gains, then a long
        // tail of slow progress (the remaining gap falls like 1 / weeks trained).
        let gap = self.ceiling - self.one_rm;
        let gain = GROWTH_PER_WEEK * gap * (gap / self.first_gap).max(0.0) * stimulus;
        self.one_rm += gain + rng.normal(0.0, 0.002) * self.one_rm * stimulus;
        self.trained = false;
    }

    /// A week off: a little strength is lost.
    pub fn detrain(&mut self) {
        self.one_rm *= 0.985;
    }

    /// Records a session's best estimated max of the external load (Epley, sets of 10 or fewer).
    pub fn logged(&mut self, date: NaiveDate, estimate: f64) {
        self.estimates.push((date, estimate));
        let keep_from = date.checked_sub_days(Days::new(KNOWN_FOR_DAYS));
        self.estimates
            .retain(|(d, _)| keep_from.is_none_or(|k| *d >= k));
    }

    /// The max the lifter would give for this lift: the best estimate in the 12 weeks up to its
    /// last session, as the app reads one from history; None before it was ever logged, and for
    /// bodyweight lifts (whose loads no program reads from a max here).
    pub fn known_max(&self) -> Option<f64> {
        if self.bodyweight {
            return None;
        }
        self.estimates.iter().map(|(_, e)| *e).reduce(f64::max)
    }

    /// The max the lifter believes in: the known one, else a cautious guess below the truth.
    pub fn believed_max(&self) -> f64 {
        self.known_max().unwrap_or(0.9 * self.one_rm)
    }
}

/// Reps possible at `moved` for a max of `max` that day: Epley reversed, or Brzycki reversed
/// where that is fewer (below about 75 % of the max, where Epley promises more reps than people
/// manage).
pub fn reps_possible(max: f64, moved: f64) -> f64 {
    let share = moved / max;
    (30.0 * (1.0 / share - 1.0)).min(37.0 - 36.0 * share)
}

/// The RPE the lifter writes down for `reps` when `possible` were there: `10 − reps in reserve`,
/// with a little misjudgement, 10 for a set short of its target; 6 to 10 in half points.
pub fn felt_rpe(possible: f64, reps: u16, short: bool, rng: &mut Rng) -> f64 {
    let felt = if short {
        10.0
    } else {
        10.0 - (possible - f64::from(reps)) + rng.normal(0.0, 0.3)
    };
    (felt.clamp(6.0, 10.0) * 2.0).round() / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::routine::spec;

    fn bench(rng: &mut Rng) -> Strength {
        Strength::new(
            spec("Bench Press").unwrap(),
            ExerciseId(1),
            Equipment::Barbell,
            Loading {
                min: 20.0,
                step: 2.5,
            },
            80.0,
            rng,
        )
    }

    #[test]
    fn strength_grows_fast_at_first_then_slowly_and_not_without_training() {
        let mut rng = Rng::new(8);
        let mut lift = bench(&mut rng);
        lift.set_max(80.0);
        let still = lift.max();
        lift.adapt(0.0, &mut rng);
        assert!((lift.max() - still).abs() < 1e-12);
        lift.detrain();
        assert!((lift.max() - still * 0.985).abs() < 1e-9);

        // Yearly gains averaged over many lifters, so the weekly noise cancels out.
        let lifters = 40;
        let mut gains = [0.0; 10];
        for _ in 0..lifters {
            let mut lift = bench(&mut rng);
            for gain in &mut gains {
                let before = lift.max();
                (0..52).for_each(|_| lift.adapt(1.0, &mut rng));
                *gain += (lift.max() - before) / f64::from(lifters);
            }
            assert!(lift.max() < lift.ceiling() + 2.0);
        }
        assert!(
            gains[0] > 2.0 * gains[2] && gains[2] > 2.0 * gains[9] && gains[9] > 0.0,
            "{gains:?}"
        );
    }

    #[test]
    fn the_known_max_is_the_best_estimate_of_the_last_twelve_weeks_of_the_lift() {
        let mut rng = Rng::new(9);
        let mut lift = bench(&mut rng);
        assert_eq!(lift.known_max(), None);
        assert!((lift.believed_max() - 0.9 * lift.max()).abs() < 1e-9);
        let day = |d: u32| NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + Days::new(d.into());
        lift.logged(day(0), 100.0);
        lift.logged(day(30), 95.0);
        assert_eq!(lift.known_max(), Some(100.0));
        // A year later: the old best no longer counts, however long ago the last session was.
        lift.logged(day(400), 90.0);
        assert_eq!(lift.known_max(), Some(90.0));
    }

    #[test]
    fn epley_reversed_and_rpe_as_felt() {
        assert!((reps_possible(90.0, 80.0) - 3.75).abs() < 1e-9);
        let mut rng = Rng::new(1);
        assert!((felt_rpe(3.75, 3, true, &mut rng) - 10.0).abs() < 1e-9);
        assert!((felt_rpe(40.0, 5, false, &mut rng) - 6.0).abs() < 1e-9);
        let rpe = felt_rpe(7.0, 5, false, &mut rng);
        assert!(
            (7.0..=9.0).contains(&rpe) && (rpe * 2.0).fract() == 0.0,
            "{rpe}"
        );
    }
}
