//! One lift in one session: warm-ups, working sets against the lifter's true strength (missed
//! reps, RPE, the odd PR), either as a program's line prescribes them or as the lifter programs
//! their own lifts (linear while a novice, then double progression).

use chrono::NaiveDate;

use super::routine::{LiftSpec, Role};
use super::strength::{Day, Strength, felt_rpe, reps_possible};
use crate::core::program::plan::PlannedLine;
use crate::core::rng::Rng;
use crate::core::units::{Reps, Rpe, UnitError, Weight, format_number};
use crate::core::workout::exercise::Equipment;
use crate::core::workout::set::{Effort, Load, SetKind, SetSpec};

/// Strength lost per set already done of the lift (fatigue within the session).
const FATIGUE_PER_SET: f64 = 0.012;
/// Deload loads, as a share of the normal moved load.
const DELOAD_LOAD: f64 = 0.7;

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

/// A working set to do: its load (external, or added for bodyweight lifts, kg) and reps — a
/// range, or at least `low` and as many as there are for an AMRAP.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Target {
    pub load: f64,
    pub low: u16,
    pub high: u16,
    pub amrap: bool,
}

/// What one lift of a session asks for: warm-ups (load, reps), working sets, whether it is the
/// day's main lift (which may earn a PR note) and whether its working sets get an RPE.
#[derive(Debug, Clone, Copy)]
struct Work<'a> {
    warmups: &'a [(f64, u16)],
    targets: &'a [Target],
    main: bool,
    rated: bool,
}

/// How the working sets went, for the lifter's own progression.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Effect {
    /// A set fell short of its reps.
    missed: bool,
    /// Every set reached the top of its range.
    topped: bool,
    mean_rpe: f64,
}

/// The reps done on a set of `target` with `possible` there: the top of a range unless the
/// lifter calls it `reserve` reps short of failure first, as many as there are less
/// `amrap_reserve` on an AMRAP, and a grind for the bottom of the range below it.
fn reps_done(target: Target, possible: f64, reserve: f64, amrap_reserve: f64) -> u16 {
    let (low, high) = (target.low, target.high.max(target.low));
    if target.amrap && possible >= f64::from(low) {
        let cap = if high > low { high } else { 30 };
        return ((possible - amrap_reserve).floor() as u16).clamp(low, cap);
    }
    let stop = (possible - reserve).floor();
    if stop >= f64::from(high) {
        high
    } else if stop >= f64::from(low) {
        stop as u16
    } else {
        // Below the range: grind for the bottom of it, to failure if need be.
        low.min(possible.floor() as u16)
    }
}

/// Does `work` with `strength` on `day`.
fn perform(
    strength: &mut Strength,
    work: Work<'_>,
    day: &Day,
    date: NaiveDate,
    rng: &mut Rng,
) -> Result<(Outcome, Effect), UnitError> {
    let Work {
        warmups,
        targets,
        main,
        rated,
    } = work;
    let offset = strength.offset(day);
    let day_max = strength.day_max(day, rng);
    let mut sets = Vec::with_capacity(warmups.len() + targets.len());
    for &(load, reps) in warmups {
        let spec = set(strength, SetKind::Warmup, load, reps, None)?;
        sets.push(DoneSet {
            spec,
            intensity: (load + offset) / day_max,
        });
    }

    // How many reps the lifter leaves in the tank before calling a set in the rep range, and
    // on an AMRAP (hard, but not to failure: a rep or two short of a grind).
    let reserve = rng.between(0.5, 2.0);
    let amrap_reserve = rng.between(0.5, 2.0);
    let mut cut: Option<f64> = None;
    let (mut missed, mut topped) = (false, true);
    let (mut rpe_sum, mut logged) = (0.0, 0_u32);
    let mut best: Option<(f64, f64, u16)> = None;
    let mut failed = 0_usize;
    let mut i = 0;
    while i < targets.len() {
        let target = targets[i];
        let load = cut.map_or(target.load, |c| c.min(target.load));
        let low = target.low;
        let moved = load + offset;
        let fresh = day_max * (1.0 - FATIGUE_PER_SET * (i + failed) as f64);
        let possible = reps_possible(fresh, moved);
        if possible < 1.0 {
            // Not even one rep: the attempt fails and is not logged; the rest comes down, and a
            // lift that had only this set gets one lighter one.
            missed = true;
            topped = false;
            failed += 1;
            cut = Some(strength.loading.at_most(moved * 0.9 - offset).min(load));
            if logged == 0 && i + 1 == targets.len() && failed < 3 {
                continue;
            }
            i += 1;
            continue;
        }
        i += 1;
        let reps = reps_done(target, possible, reserve, amrap_reserve);
        missed |= reps < low;
        topped &= reps >= target.high.max(low);
        let rpe = felt_rpe(possible, reps, reps < low, rng);
        rpe_sum += rpe;
        logged += 1;
        let effort = if rated {
            Some(Effort::Rpe(Rpe::try_from(rpe)?))
        } else {
            None
        };
        let spec = set(strength, SetKind::Working, load, reps, effort)?;
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
        if reps + 2 <= low && !target.amrap {
            // Well short: take about 10 % off for the remaining sets.
            cut = Some(strength.loading.at_most(moved * 0.9 - offset).min(load));
        }
    }

    let mut pr = None;
    if let Some((estimate, load, reps)) = best.filter(|_| !day.deload) {
        if estimate > strength.best + 0.01 && strength.sessions >= 3 && main {
            pr = Some(format!(
                "PR: {} {} kg × {reps}",
                strength.spec.name,
                format_number(load)
            ));
        }
        strength.best = strength.best.max(estimate);
        if !strength.bodyweight {
            strength.logged(date, estimate);
        }
    }
    if !day.deload {
        strength.sessions += 1;
    }
    strength.trained = true;
    let effect = Effect {
        missed,
        topped,
        mean_rpe: rpe_sum / f64::from(logged.max(1)),
    };
    Ok((Outcome { sets, pr }, effect))
}

/// Warm-up sets before working sets at `work` for a lift of `role`, lightest first: a full
/// ramp for main lifts, two sets for barbell compounds, one for other compounds, none for
/// accessories and bodyweight lifts.
fn ramp(strength: &Strength, role: Role, work: f64) -> Vec<(f64, u16)> {
    let shares: &[(f64, u16)] = match role {
        _ if strength.bodyweight => &[],
        Role::Main => &[(0.0, 10), (0.4, 5), (0.6, 3), (0.75, 2), (0.85, 1)],
        Role::Secondary if strength.equipment == Equipment::Barbell => &[(0.5, 8), (0.75, 4)],
        Role::Secondary => &[(0.5, 10)],
        Role::Accessory => &[],
    };
    let loading = strength.loading;
    let gap = (0.1 * work).max(2.0 * loading.step);
    let mut sets: Vec<(f64, u16)> = Vec::new();
    for &(share, reps) in shares {
        let load = loading.at_most(work * share);
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
    strength: &Strength,
    kind: SetKind,
    kg: f64,
    reps: u16,
    effort: Option<Effort>,
) -> Result<SetSpec, UnitError> {
    let weight = Weight::from_kg(kg)?;
    let load = if strength.bodyweight {
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

/// Does a program's line as prescribed: its warm-ups (or the lifter's usual ones when it has
/// none and the load asks for them) and every working set at its load. A set without a load is
/// at the lifter's choice: body weight alone, or what they think leaves two reps for its top.
pub fn perform_line(
    line: &PlannedLine,
    strength: &mut Strength,
    day: &Day,
    date: NaiveDate,
    main: bool,
    rng: &mut Rng,
) -> Result<Outcome, UnitError> {
    let chosen = |reps: u16| {
        if strength.bodyweight {
            0.0
        } else {
            let max = strength.believed_max();
            strength
                .loading
                .at_most(max / (1.0 + (f64::from(reps) + 2.0) / 30.0))
        }
    };
    let targets: Vec<Target> = line
        .working()
        .map(|s| Target {
            load: s.weight.map_or_else(|| chosen(s.reps.max), Weight::kg),
            low: s.reps.min.max(1),
            high: s.reps.max,
            amrap: s.amrap,
        })
        .collect();
    let first = targets.first().map_or(0.0, |t| t.load);
    let mut warmups: Vec<(f64, u16)> = line
        .sets
        .iter()
        .filter(|s| s.warmup)
        .filter_map(|s| Some((s.weight?.kg(), s.reps.min.max(1))))
        .filter(|(kg, _)| *kg < first - 1e-9)
        .collect();
    if warmups.is_empty() && strength.spec.role != Role::Accessory && first >= 50.0 {
        warmups = ramp(strength, Role::Secondary, first);
    }
    let rated = strength.spec.role != Role::Accessory || rng.chance(0.8);
    let work = Work {
        warmups: &warmups,
        targets: &targets,
        main,
        rated,
    };
    perform(strength, work, day, date, rng).map(|(o, _)| o)
}

/// How the lifter progresses a lift of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Novice: add `linear_step` after every session where all reps were made.
    Linear { resets: u8 },
    /// Reps anywhere in the range; weight goes up once every set reaches the top.
    Double,
}

/// A lift the lifter programs themselves: the working weight and rep target.
#[derive(Debug, Clone, PartialEq)]
pub struct Lift {
    pub spec: LiftSpec,
    /// The working load (external, or added for bodyweight lifts), kg.
    weight: f64,
    /// Target reps on every working set while a novice (and for deload sets).
    reps: u16,
    phase: Phase,
    /// Sessions in a row with missed reps at this weight.
    misses: u8,
    /// Normal sessions done.
    sessions: u32,
}

impl Lift {
    /// The lift as the lifter takes it up: working sets at about RPE 6.5 for `strength` on a body
    /// of `body` kg.
    pub fn new(spec: LiftSpec, strength: &Strength, body: f64) -> Lift {
        let linear = spec.linear_step > 0.0;
        let reps = spec.reps.0.midpoint(spec.reps.1);
        let offset = if strength.bodyweight { body } else { 0.0 };
        let moved = strength.max() / (1.0 + (f64::from(reps) + 3.5) / 30.0);
        Lift {
            spec,
            weight: strength.loading.at_most(moved - offset),
            reps,
            phase: if linear {
                Phase::Linear { resets: 0 }
            } else {
                Phase::Double
            },
            misses: 0,
            sessions: 0,
        }
    }

    /// Does today's session of this lift and moves the lifter's progression on.
    pub fn perform(
        &mut self,
        strength: &mut Strength,
        day: &Day,
        date: NaiveDate,
        rng: &mut Rng,
    ) -> Result<Outcome, UnitError> {
        let offset = strength.offset(day);
        let (low, high) = match self.phase {
            Phase::Linear { .. } => (self.reps, self.reps),
            Phase::Double => self.spec.reps,
        };
        let (weight, (low, high), set_count) = if day.deload {
            let normal = self.weight + offset;
            let weight = strength.loading.at_most(normal * DELOAD_LOAD - offset);
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
        let targets = vec![
            Target {
                load: weight,
                low,
                high,
                amrap: false,
            };
            usize::from(set_count)
        ];
        let warmups = ramp(strength, self.spec.role, weight);
        let work = Work {
            warmups: &warmups,
            targets: &targets,
            main: self.spec.role == Role::Main,
            rated: self.spec.role != Role::Accessory || rng.chance(0.8),
        };
        let (outcome, effect) = perform(strength, work, day, date, rng)?;
        if !day.deload {
            self.progress(strength, effect, offset);
        }
        Ok(outcome)
    }

    /// Moves the progression on after a normal session.
    fn progress(&mut self, strength: &Strength, effect: Effect, offset: f64) {
        let loading = strength.loading;
        self.sessions += 1;
        if effect.missed {
            self.misses += 1;
        } else {
            self.misses = 0;
        }
        match self.phase {
            Phase::Linear { resets } => {
                if !effect.missed {
                    self.weight = loading.nearest(self.weight + self.spec.linear_step);
                } else if self.misses >= 3 {
                    // Three stalls: take 10 % off and build back up. After the second reset, or
                    // half a year, the novice phase is over.
                    self.misses = 0;
                    self.weight = loading.at_most((self.weight + offset) * 0.9 - offset);
                    self.phase = Phase::Linear { resets: resets + 1 };
                }
                if self.phase == (Phase::Linear { resets: 2 }) || self.sessions >= 26 {
                    self.phase = Phase::Double;
                }
            }
            Phase::Double => {
                if effect.topped {
                    // Two jumps when it was easy, unless one jump is already a big one.
                    let easy =
                        effect.mean_rpe <= 7.0 && loading.step <= 0.05 * (self.weight + offset);
                    let jumps = if easy { 2.0 } else { 1.0 };
                    self.weight = loading.nearest(self.weight + jumps * loading.step);
                } else if self.misses >= 2 {
                    self.misses = 0;
                    self.weight = loading.at_most((self.weight + offset) * 0.92 - offset);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::program::RepTarget;
    use crate::core::program::plan::PlannedSet;
    use crate::core::workout::exercise::ExerciseId;
    use crate::demo::loading::Loading;
    use crate::demo::routine::spec;

    const BODY: f64 = 80.0;

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
    }

    fn barbell() -> Loading {
        Loading {
            min: 20.0,
            step: 2.5,
        }
    }

    fn strength_of(name: &str, equipment: Equipment, loading: Loading, max: f64) -> Strength {
        let mut s = Strength::new(
            spec(name).unwrap(),
            ExerciseId(1),
            equipment,
            loading,
            BODY,
            &mut Rng::new(1),
        );
        s.set_max(max);
        s
    }

    /// Bench press (linear, 4 × 4–6 for five) at 80 kg with a known true max.
    fn bench(max: f64) -> (Lift, Strength) {
        let strength = strength_of("Bench Press", Equipment::Barbell, barbell(), max);
        let mut lift = Lift::new(strength.spec, &strength, BODY);
        lift.weight = 80.0;
        (lift, strength)
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
        let (mut lift, mut strength) = bench(110.0);
        let first = lift
            .perform(&mut strength, &normal_day(), date(), &mut rng)
            .unwrap();
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
        let second = lift
            .perform(&mut strength, &normal_day(), date(), &mut rng)
            .unwrap();
        assert!(working(&second).iter().all(|s| (s.0 - 82.5).abs() < 1e-9));
    }

    #[test]
    fn a_load_beyond_the_lifter_is_missed_at_rpe_10_and_reset_after_three_stalls() {
        let mut rng = Rng::new(3);
        // Epley: a 90 kg max allows 30 · (90 / 80 − 1) = 3.75 reps at 80 kg, short of 5.
        let (mut lift, mut strength) = bench(90.0);
        for _ in 0..2 {
            let sets = working(
                &lift
                    .perform(&mut strength, &normal_day(), date(), &mut rng)
                    .unwrap(),
            );
            assert!(sets[0].1 < 5 && sets[0].2 == Some(10.0), "{sets:?}");
            assert!(
                (lift.weight - 80.0).abs() < 1e-9,
                "no progress after a miss"
            );
        }
        lift.perform(&mut strength, &normal_day(), date(), &mut rng)
            .unwrap();
        assert!(
            (lift.weight - 70.0).abs() < 1e-9,
            "10 % off 80 is 72, loadable 70; got {}",
            lift.weight
        );
    }

    #[test]
    fn a_set_well_short_of_the_range_drops_the_load_for_the_rest() {
        let mut rng = Rng::new(4);
        let (mut lift, mut strength) = bench(84.0); // 1.5 reps possible at 80 kg
        let sets = working(
            &lift
                .perform(&mut strength, &normal_day(), date(), &mut rng)
                .unwrap(),
        );
        assert!((sets[0].0 - 80.0).abs() < 1e-9);
        assert!(sets[0].1 <= 3);
        assert!(
            sets[1..].iter().all(|s| (s.0 - 70.0).abs() < 1e-9),
            "{sets:?}"
        );
    }

    #[test]
    fn a_deload_is_lighter_and_shorter_and_leaves_the_progression_alone() {
        let mut rng = Rng::new(5);
        let (mut lift, mut strength) = bench(110.0);
        let deload = lift
            .perform(
                &mut strength,
                &Day {
                    deload: true,
                    ..normal_day()
                },
                date(),
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
        assert_eq!((lift.sessions, strength.sessions), (0, 0));
    }

    #[test]
    fn double_progression_adds_weight_only_when_every_set_reaches_the_top() {
        let mut rng = Rng::new(6);
        let (mut lift, mut strength) = bench(100.0);
        lift.phase = Phase::Double;
        // 100 kg max, 80 kg: 7.5 reps possible fresh, so 6 (the top) on the first sets at most.
        let sets = working(
            &lift
                .perform(&mut strength, &normal_day(), date(), &mut rng)
                .unwrap(),
        );
        let topped = sets.iter().all(|s| s.1 == 6);
        assert_eq!(lift.weight > 80.0, topped, "{sets:?}");
        assert!(sets.iter().all(|s| (4..=6).contains(&s.1)), "{sets:?}");
    }

    #[test]
    fn warm_ups_ramp_up_below_the_working_weight_on_loadable_bars() {
        let (_, strength) = bench(150.0);
        let ramp_to = |work| ramp(&strength, Role::Main, work);
        let sets = ramp_to(100.0);
        assert_eq!(sets[0], (20.0, 10));
        assert!(sets.len() >= 3 && sets.len() <= 4, "{sets:?}");
        assert!(
            sets.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 >= w[1].1),
            "{sets:?}"
        );
        assert!(
            sets.iter()
                .all(|(kg, _)| *kg < 100.0 && barbell().makes(*kg))
        );
        // A heavy deadlift does not start with the empty bar.
        assert!(ramp_to(180.0)[0].0 > 20.0);
        // Accessories start straight away.
        let curl = strength_of(
            "Dumbbell Curl",
            Equipment::Dumbbell,
            Loading {
                min: 2.0,
                step: 2.0,
            },
            20.0,
        );
        assert!(ramp(&curl, Role::Accessory, 14.0).is_empty());
    }

    #[test]
    fn pr_notes_name_the_lift_and_the_best_set() {
        let mut rng = Rng::new(7);
        let (mut lift, mut strength) = bench(110.0);
        strength.sessions = 5;
        strength.best = 90.0;
        let outcome = lift
            .perform(&mut strength, &normal_day(), date(), &mut rng)
            .unwrap();
        // 80 × 5 → Epley 93.3 beats 90.
        assert_eq!(outcome.pr.as_deref(), Some("PR: Bench Press 80 kg × 5"));
        assert!((strength.best - 80.0 * (1.0 + 5.0 / 30.0)).abs() < 1e-9);
        assert_eq!(strength.known_max(), Some(strength.best));
    }

    fn planned(weight: Option<f64>, reps: (u16, u16), amrap: bool, warmup: bool) -> PlannedSet {
        PlannedSet {
            reps: RepTarget {
                min: reps.0,
                max: reps.1,
            },
            amrap,
            weight: weight.map(|w| Weight::from_kg(w).unwrap()),
            rpe: None,
            label: None,
            warmup,
        }
    }

    fn line(exercise: &str, sets: Vec<PlannedSet>) -> PlannedLine {
        PlannedLine {
            key: exercise.into(),
            exercise: exercise.into(),
            label: None,
            sets,
            rest: Some(180),
            superset: None,
            note: None,
            stage: None,
        }
    }

    #[test]
    fn a_program_line_is_done_at_its_loads_the_amrap_to_about_a_rep_short_of_failure() {
        let mut rng = Rng::new(8);
        let mut strength = strength_of("Back Squat", Equipment::Barbell, barbell(), 140.0);
        // 5/3/1's first week on a 126 kg training max: 82.5 × 5, 95 × 5, 107.5 × 5+.
        let squat = line(
            "Back Squat",
            vec![
                planned(Some(20.0), (10, 10), false, true),
                planned(Some(60.0), (5, 5), false, true),
                planned(Some(82.5), (5, 5), false, false),
                planned(Some(95.0), (5, 5), false, false),
                planned(Some(107.5), (5, 5), true, false),
            ],
        );
        let done =
            perform_line(&squat, &mut strength, &normal_day(), date(), true, &mut rng).unwrap();
        let kinds: Vec<_> = done.sets.iter().map(|s| s.spec.kind).collect();
        assert_eq!(
            kinds,
            [
                SetKind::Warmup,
                SetKind::Warmup,
                SetKind::Working,
                SetKind::Working,
                SetKind::Working
            ]
        );
        let sets = working(&done);
        assert_eq!((sets[0].0, sets[0].1), (82.5, 5));
        assert_eq!((sets[1].0, sets[1].1), (95.0, 5));
        // Epley at 107.5 of about 137 (two sets of fatigue): 8 reps, one left or none.
        assert!((sets[2].0 - 107.5).abs() < 1e-9);
        assert!((6..=9).contains(&sets[2].1), "{sets:?}");
        assert!(sets.iter().all(|s| s.2.is_some()));

        // Far beyond the lifter: the AMRAP falls short of its minimum at RPE 10.
        let heavy = line(
            "Back Squat",
            vec![planned(Some(135.0), (5, 5), true, false)],
        );
        let sets = working(
            &perform_line(&heavy, &mut strength, &normal_day(), date(), true, &mut rng).unwrap(),
        );
        assert!(sets[0].1 < 5 && sets[0].2 == Some(10.0), "{sets:?}");
    }

    #[test]
    fn a_line_without_a_load_is_done_at_the_lifters_choice() {
        let mut rng = Rng::new(9);
        let mut pulldown = strength_of(
            "Lat Pulldown",
            Equipment::Cable,
            Loading {
                min: 5.0,
                step: 2.5,
            },
            80.0,
        );
        let sets = working(
            &perform_line(
                &line(
                    "Lat Pulldown",
                    vec![planned(None, (15, 15), false, false); 3],
                ),
                &mut pulldown,
                &normal_day(),
                date(),
                false,
                &mut rng,
            )
            .unwrap(),
        );
        // A cautious 72 kg max for 17 reps: 72 / (1 + 17 / 30) = 46 → 45 kg.
        assert!(sets.iter().all(|s| (s.0 - 45.0).abs() < 1e-9), "{sets:?}");
        let mut chins = strength_of(
            "Chin-Up",
            Equipment::Bodyweight,
            Loading {
                min: 0.0,
                step: 2.5,
            },
            120.0,
        );
        let done = perform_line(
            &line("Chin-Up", vec![planned(None, (10, 10), false, false); 5]),
            &mut chins,
            &normal_day(),
            date(),
            false,
            &mut rng,
        )
        .unwrap();
        assert!(done.sets.iter().all(|s| matches!(
            s.spec.load,
            Load::Bodyweight { added, assisted: false } if added.kg() == 0.0
        )));
        assert_eq!(chins.known_max(), None);
    }
}
