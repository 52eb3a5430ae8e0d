//! One lift over the years: the lifter's true strength, the programme's working weight and rep
//! target, and what happens in each session — warm-ups, working sets, missed reps, RPE, PRs.
//!
//! Strength is the one-rep max of the moved load (body weight included for bodyweight lifts). It
//! grows each trained week towards the lifter's ceiling, fast at first and then slowly for years.
//! Reps possible on a set follow Epley reversed, `r = 30 · (max / load − 1)`; RPE is
//! `10 − reps left in the tank`, as the lifter feels it. The programme knows none of this: it
//! only sees the reps made, so plateaus, missed reps and resets come out of the mismatch.

use super::loading::Loading;
use super::program::{LiftSpec, Role};
use crate::core::rng::Rng;
use crate::core::units::{Reps, Rpe, UnitError, Weight, format_number};
use crate::core::workout::exercise::{Equipment, ExerciseId};
use crate::core::workout::set::{Effort, Load, SetKind, SetSpec};

/// Share of the distance to the ceiling gained per normal training week, at the start.
const GROWTH_PER_WEEK: f64 = 0.02;
/// Strength lost per set already done in the session (fatigue within the session).
const FATIGUE_PER_SET: f64 = 0.012;
/// Deload loads, as a share of the normal moved load.
const DELOAD_LOAD: f64 = 0.7;

/// How the programme progresses the lift.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Novice: add `linear_step` after every session where all reps were made.
    Linear { resets: u8 },
    /// Reps anywhere in the range; weight goes up once every set reaches the top.
    Double,
}

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

/// One set as it was done, with its load as a share of the day's max (for the heart-rate seam).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DoneSet {
    pub spec: SetSpec,
    pub intensity: f64,
}

/// What one session of a lift produced.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub sets: Vec<DoneSet>,
    /// A note such as "PR: Bench Press 100 kg × 5" when a main lift beat its best estimate.
    pub pr: Option<String>,
}

/// The state of one lift of the programme.
#[derive(Debug, Clone, PartialEq)]
pub struct Lift {
    pub spec: LiftSpec,
    pub exercise: ExerciseId,
    equipment: Equipment,
    loading: Loading,
    bodyweight: bool,
    /// True one-rep max of the moved load, before the day's ups and downs, kg.
    strength: f64,
    ceiling: f64,
    /// `ceiling − strength` on day one.
    first_gap: f64,
    /// The programme's working load (external, or added for bodyweight lifts), kg.
    weight: f64,
    /// Target reps on every working set while a novice (and for deload sets).
    reps: u16,
    phase: Phase,
    /// Sessions in a row with missed reps at this weight.
    misses: u8,
    /// Best estimated one-rep max logged so far, kg.
    best: f64,
    sessions: u32,
}

impl Lift {
    /// A lift as a novice starts it: working sets at about RPE 6.5.
    pub fn new(
        spec: LiftSpec,
        exercise: ExerciseId,
        equipment: Equipment,
        loading: Loading,
        body: f64,
        rng: &mut Rng,
    ) -> Lift {
        let bodyweight = equipment == Equipment::Bodyweight;
        let strength = spec.start * body * rng.between(0.9, 1.1);
        let ceiling = spec.ceiling * body * rng.between(0.9, 1.1);
        let linear = spec.linear_step > 0.0;
        let reps = spec.reps.0.midpoint(spec.reps.1);
        let offset = if bodyweight { body } else { 0.0 };
        let moved = strength / (1.0 + (f64::from(reps) + 3.5) / 30.0);
        Lift {
            spec,
            exercise,
            equipment,
            loading,
            bodyweight,
            strength,
            ceiling,
            first_gap: (ceiling - strength).max(1.0),
            weight: loading.at_most(moved - offset),
            reps,
            phase: if linear {
                Phase::Linear { resets: 0 }
            } else {
                Phase::Double
            },
            misses: 0,
            best: 0.0,
            sessions: 0,
        }
    }

    /// A week has passed: strength grows by `stimulus` (1 a normal week, less for a deload,
    /// 0 for an untrained one) times the usual gain.
    pub fn adapt(&mut self, stimulus: f64, rng: &mut Rng) {
        // The gain shrinks with the square of the remaining gap: quick novice gains, then a long
        // tail of slow progress (the remaining gap falls like 1 / weeks trained).
        let gap = self.ceiling - self.strength;
        let gain = GROWTH_PER_WEEK * gap * (gap / self.first_gap).max(0.0) * stimulus;
        self.strength += gain + rng.normal(0.0, 0.002) * self.strength * stimulus;
    }

    /// A week off: a little strength is lost.
    pub fn detrain(&mut self) {
        self.strength *= 0.985;
    }

    /// Does today's session of this lift and moves the programme on.
    pub fn perform(&mut self, day: &Day, rng: &mut Rng) -> Result<Outcome, UnitError> {
        let offset = if self.bodyweight { day.body } else { 0.0 };
        let day_max = self.strength * (1.0 + day.readiness + rng.normal(0.0, 0.01));
        let (low, high) = match self.phase {
            Phase::Linear { .. } => (self.reps, self.reps),
            Phase::Double => self.spec.reps,
        };
        let (weight, (low, high), set_count) = if day.deload {
            let normal = self.weight + offset;
            let weight = self.loading.at_most(normal * DELOAD_LOAD - offset);
            // Nothing lighter to take off (bodyweight at zero added): cut the reps instead.
            let reps = if weight + offset >= normal * 0.9 {
                low.saturating_sub(3).max(3)
            } else {
                low
            };
            (
                weight,
                (reps, reps),
                self.spec.sets.saturating_sub(1).max(2),
            )
        } else {
            (self.weight, (low, high), self.spec.sets)
        };

        let mut sets = Vec::with_capacity(usize::from(set_count) + 4);
        for (load, reps) in self.warmups(weight) {
            let spec = self.set(SetKind::Warmup, load, reps, None)?;
            sets.push(DoneSet {
                spec,
                intensity: (load + offset) / day_max,
            });
        }

        let rated = self.spec.role != Role::Accessory || rng.chance(0.7);
        // How many reps the lifter leaves in the tank before calling a set in the rep range.
        let reserve = rng.between(0.5, 2.0);
        let mut load = weight;
        let (mut missed, mut topped) = (false, true);
        let mut rpe_sum = 0.0;
        let mut best: Option<(f64, f64, u16)> = None;
        for i in 0..set_count {
            let moved = load + offset;
            let fresh = day_max * (1.0 - FATIGUE_PER_SET * f64::from(i));
            let possible = 30.0 * (fresh / moved - 1.0);
            let stop = (possible - reserve).floor();
            let reps = if stop >= f64::from(high) {
                high
            } else if stop >= f64::from(low) {
                stop as u16
            } else {
                // Below the range: grind for the bottom of it, to failure if need be.
                low.min(possible.floor().max(1.0) as u16)
            };
            missed |= reps < low;
            topped &= reps >= high;
            let felt = if reps < low {
                10.0
            } else {
                10.0 - (possible - f64::from(reps)) + rng.normal(0.0, 0.3)
            };
            let rpe = (felt.clamp(6.0, 10.0) * 2.0).round() / 2.0;
            rpe_sum += rpe;
            let effort = if rated {
                Some(Effort::Rpe(Rpe::try_from(rpe)?))
            } else {
                None
            };
            let spec = self.set(SetKind::Working, load, reps, effort)?;
            sets.push(DoneSet {
                spec,
                intensity: moved / fresh,
            });
            if reps <= 10 {
                let estimate = if reps == 1 {
                    moved
                } else {
                    moved * (1.0 + f64::from(reps) / 30.0)
                };
                if best.is_none_or(|(e, _, _)| estimate > e) {
                    best = Some((estimate, load, reps));
                }
            }
            if reps + 2 <= low {
                // Well short: take about 10 % off for the remaining sets.
                load = self.loading.at_most(moved * 0.9 - offset).min(load);
            }
        }

        let mut pr = None;
        if let Some((estimate, load, reps)) = best.filter(|_| !day.deload) {
            if estimate > self.best + 0.01 && self.sessions >= 3 && self.spec.role == Role::Main {
                pr = Some(format!(
                    "PR: {} {} kg × {reps}",
                    self.spec.name,
                    format_number(load)
                ));
            }
            self.best = self.best.max(estimate);
        }
        if !day.deload {
            self.progress(missed, topped, rpe_sum / f64::from(set_count), offset);
        }
        Ok(Outcome { sets, pr })
    }

    /// Moves the programme on after a normal session: `missed` when a set fell short of the rep
    /// range, `topped` when every set reached its top.
    fn progress(&mut self, missed: bool, topped: bool, mean_rpe: f64, offset: f64) {
        self.sessions += 1;
        if missed {
            self.misses += 1;
        } else {
            self.misses = 0;
        }
        match self.phase {
            Phase::Linear { resets } => {
                if !missed {
                    self.weight = self.loading.nearest(self.weight + self.spec.linear_step);
                } else if self.misses >= 3 {
                    // Three stalls: take 10 % off and build back up. After the second reset, or
                    // half a year, the novice phase is over.
                    self.misses = 0;
                    self.weight = self.loading.at_most((self.weight + offset) * 0.9 - offset);
                    self.phase = Phase::Linear { resets: resets + 1 };
                }
                if self.phase == (Phase::Linear { resets: 2 }) || self.sessions >= 26 {
                    self.phase = Phase::Double;
                }
            }
            Phase::Double => {
                if topped {
                    // Two jumps when it was easy, unless one jump is already a big one.
                    let easy =
                        mean_rpe <= 7.0 && self.loading.step <= 0.05 * (self.weight + offset);
                    let jumps = if easy { 2.0 } else { 1.0 };
                    self.weight = self
                        .loading
                        .nearest(self.weight + jumps * self.loading.step);
                } else if self.misses >= 2 {
                    self.misses = 0;
                    self.weight = self.loading.at_most((self.weight + offset) * 0.92 - offset);
                }
            }
        }
    }

    /// Warm-up sets before working sets at `work`, lightest first: a full ramp for main lifts,
    /// two sets for barbell compounds, one for other compounds, none for accessories.
    fn warmups(&self, work: f64) -> Vec<(f64, u16)> {
        let ramp: &[(f64, u16)] = match self.spec.role {
            _ if self.bodyweight => &[],
            Role::Main => &[(0.0, 10), (0.4, 5), (0.6, 3), (0.75, 2), (0.85, 1)],
            Role::Secondary if self.equipment == Equipment::Barbell => &[(0.5, 8), (0.75, 4)],
            Role::Secondary => &[(0.5, 10)],
            Role::Accessory => &[],
        };
        let gap = (0.1 * work).max(2.0 * self.loading.step);
        let mut sets: Vec<(f64, u16)> = Vec::new();
        for &(share, reps) in ramp {
            let load = self.loading.at_most(work * share);
            let heavy_start = share == 0.0 && work >= 140.0;
            let above_last = sets.last().is_none_or(|(last, _)| load >= last + gap);
            if !heavy_start && above_last && load <= work - gap {
                sets.push((load, reps));
            }
        }
        sets.truncate(4);
        sets
    }

    /// A set of this lift with the right kind of load.
    fn set(
        &self,
        kind: SetKind,
        kg: f64,
        reps: u16,
        effort: Option<Effort>,
    ) -> Result<SetSpec, UnitError> {
        let weight = Weight::from_kg(kg)?;
        let load = if self.bodyweight {
            Load::Bodyweight {
                added: weight,
                assisted: false,
            }
        } else {
            Load::External(weight)
        };
        Ok(SetSpec {
            kind,
            load,
            reps: Some(Reps::try_from(u32::from(reps))?),
            effort,
            duration: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::program::WEEK;

    const BODY: f64 = 80.0;

    fn barbell() -> Loading {
        Loading {
            min: 20.0,
            step: 2.5,
        }
    }

    /// Bench press (linear, 4 × 4–6) with a known true max.
    fn bench(strength: f64) -> Lift {
        let spec = WEEK[0].lifts[0];
        assert_eq!(spec.name, "Bench Press");
        let mut lift = Lift::new(
            spec,
            ExerciseId(1),
            Equipment::Barbell,
            barbell(),
            BODY,
            &mut Rng::new(1),
        );
        lift.strength = strength;
        lift.weight = 80.0;
        lift
    }

    fn normal_day() -> Day {
        Day {
            body: BODY,
            readiness: 0.0,
            deload: false,
        }
    }

    fn working(outcome: &Outcome) -> Vec<(f64, u16, Option<f64>)> {
        outcome
            .sets
            .iter()
            .filter(|s| s.spec.kind == SetKind::Working)
            .map(|s| {
                (
                    s.spec.load.moved_kg(None),
                    s.spec.reps.unwrap().get(),
                    s.spec.effort.map(|e| e.rpe().value()),
                )
            })
            .collect()
    }

    #[test]
    fn a_novice_who_makes_every_rep_adds_the_linear_step() {
        let mut rng = Rng::new(2);
        // 80 kg × 5 is about 73 % of a 110 kg max: every rep is there.
        let mut lift = bench(110.0);
        let first = lift.perform(&normal_day(), &mut rng).unwrap();
        assert_eq!(
            working(&first)
                .iter()
                .map(|s| (s.0, s.1))
                .collect::<Vec<_>>(),
            [(80.0, 5); 4]
        );
        assert!(
            working(&first)
                .iter()
                .all(|s| s.2.is_some_and(|rpe| (6.0..=9.0).contains(&rpe)))
        );
        let second = lift.perform(&normal_day(), &mut rng).unwrap();
        assert!(working(&second).iter().all(|s| (s.0 - 82.5).abs() < 1e-9));
    }

    #[test]
    fn a_load_beyond_the_lifter_is_missed_at_rpe_10_and_reset_after_three_stalls() {
        let mut rng = Rng::new(3);
        // Epley: a 90 kg max allows 30 · (90 / 80 − 1) = 3.75 reps at 80 kg, short of 5.
        let mut lift = bench(90.0);
        for _ in 0..2 {
            let sets = working(&lift.perform(&normal_day(), &mut rng).unwrap());
            assert!(sets[0].1 < 5 && sets[0].2 == Some(10.0), "{sets:?}");
            assert!(
                (lift.weight - 80.0).abs() < 1e-9,
                "no progress after a miss"
            );
        }
        lift.perform(&normal_day(), &mut rng).unwrap();
        assert!(
            (lift.weight - 70.0).abs() < 1e-9,
            "10 % off 80 is 72, loadable 70; got {}",
            lift.weight
        );
    }

    #[test]
    fn a_set_well_short_of_the_range_drops_the_load_for_the_rest() {
        let mut rng = Rng::new(4);
        let mut lift = bench(84.0); // 1.5 reps possible at 80 kg
        let sets = working(&lift.perform(&normal_day(), &mut rng).unwrap());
        assert!((sets[0].0 - 80.0).abs() < 1e-9);
        assert!(sets[0].1 <= 3);
        assert!(
            sets[1..].iter().all(|s| (s.0 - 70.0).abs() < 1e-9),
            "{sets:?}"
        );
    }

    #[test]
    fn a_deload_is_lighter_and_shorter_and_leaves_the_programme_alone() {
        let mut rng = Rng::new(5);
        let mut lift = bench(110.0);
        let deload = lift
            .perform(
                &Day {
                    deload: true,
                    ..normal_day()
                },
                &mut rng,
            )
            .unwrap();
        let sets = working(&deload);
        assert_eq!(sets.len(), 3);
        assert!(
            sets.iter()
                .all(|s| (s.0 - 55.0).abs() < 1e-9 && s.2 == Some(6.0)),
            "70 % of 80 is 56, loadable 55: {sets:?}"
        );
        assert_eq!(deload.pr, None);
        assert!((lift.weight - 80.0).abs() < 1e-9);
        assert_eq!(lift.sessions, 0);
    }

    #[test]
    fn double_progression_adds_weight_only_when_every_set_reaches_the_top() {
        let mut rng = Rng::new(6);
        let mut lift = bench(100.0);
        lift.phase = Phase::Double;
        // 100 kg max, 80 kg: 7.5 reps possible fresh, so 6 (the top) on the first sets at most.
        let sets = working(&lift.perform(&normal_day(), &mut rng).unwrap());
        let topped = sets.iter().all(|s| s.1 == 6);
        assert_eq!(lift.weight > 80.0, topped, "{sets:?}");
        assert!(sets.iter().all(|s| (4..=6).contains(&s.1)), "{sets:?}");
    }

    #[test]
    fn warm_ups_ramp_up_below_the_working_weight_on_loadable_bars() {
        let lift = bench(150.0);
        let ramp = lift.warmups(100.0);
        assert_eq!(ramp[0], (20.0, 10));
        assert!(ramp.len() >= 3 && ramp.len() <= 4, "{ramp:?}");
        assert!(
            ramp.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 >= w[1].1),
            "{ramp:?}"
        );
        assert!(
            ramp.iter()
                .all(|(kg, _)| *kg < 100.0 && barbell().makes(*kg))
        );
        // A heavy deadlift does not start with the empty bar.
        assert!(lift.warmups(180.0)[0].0 > 20.0);
        // Accessories start straight away.
        let curl = WEEK[0].lifts[4];
        let curl = Lift::new(
            curl,
            ExerciseId(2),
            Equipment::Dumbbell,
            Loading {
                min: 2.0,
                step: 2.0,
            },
            BODY,
            &mut Rng::new(1),
        );
        assert!(curl.warmups(14.0).is_empty());
    }

    #[test]
    fn pr_notes_name_the_lift_and_the_best_set() {
        let mut rng = Rng::new(7);
        let mut lift = bench(110.0);
        lift.sessions = 5;
        lift.best = 90.0;
        let outcome = lift.perform(&normal_day(), &mut rng).unwrap();
        // 80 × 5 → Epley 93.3 beats 90.
        assert_eq!(outcome.pr.as_deref(), Some("PR: Bench Press 80 kg × 5"));
        assert!((lift.best - 80.0 * (1.0 + 5.0 / 30.0)).abs() < 1e-9);
    }

    #[test]
    fn strength_grows_fast_at_first_then_slowly_and_not_without_training() {
        let mut rng = Rng::new(8);
        let mut lift = bench(80.0);
        let still = lift.strength;
        lift.adapt(0.0, &mut rng);
        assert!((lift.strength - still).abs() < 1e-12);
        lift.detrain();
        assert!((lift.strength - still * 0.985).abs() < 1e-9);

        // Yearly gains averaged over many lifters, so the weekly noise cancels out.
        let lifters = 40;
        let mut gains = [0.0; 10];
        for _ in 0..lifters {
            let mut lift = bench(80.0);
            for gain in &mut gains {
                let before = lift.strength;
                (0..52).for_each(|_| lift.adapt(1.0, &mut rng));
                *gain += (lift.strength - before) / f64::from(lifters);
            }
            assert!(lift.strength < lift.ceiling + 2.0);
        }
        assert!(
            gains[0] > 2.0 * gains[2] && gains[2] > 2.0 * gains[9] && gains[9] > 0.0,
            "{gains:?}"
        );
    }
}
