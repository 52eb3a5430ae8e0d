//! Running a program forward without saving anything: every set done (or a lift failed in a
//! chosen week), the rules moving loads, stages and training maxes as they would.
//!
//! The simulated lifter: a set is done at its target reps (the top of a range); an AMRAP gets
//! the reps their 1RM allows at that load with one in reserve (Brzycki read backwards), at
//! least its minimum; a failed lift gets one rep short of every set.

use super::day::{LoggedLift, after_day};
use super::plan::{DayPlan, Lifter, day_at, days_in_weeks, prescribe};
use super::slot::{Change, DoneSet, Slots};
use super::{Num, Program};
use crate::core::units::Weight;

/// What to simulate: how many weeks, and which lifts fail in which week.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scenario {
    pub weeks: u16,
    /// (exercise, week): every set of that exercise (as the catalogue names it) in that week
    /// falls one rep short.
    pub fails: Vec<(String, u16)>,
}

/// One simulated training day: what was prescribed, what was done, what changed after it.
#[derive(Debug, Clone, PartialEq)]
pub struct SimDay {
    pub plan: DayPlan,
    /// Per line, its working sets as done.
    pub done: Vec<Vec<DoneSet>>,
    pub changes: Vec<Change>,
}

/// Every day of the scenario, and the slots as they end.
#[derive(Debug, Clone, PartialEq)]
pub struct Simulation {
    pub days: Vec<SimDay>,
    pub slots: Slots,
}

pub fn simulate(program: &Program, lifter: &Lifter, scenario: &Scenario) -> Simulation {
    let mut slots = Slots::of(program);
    let tm = program.meta.tm.map_or(0.9, Num::fraction);
    let mut days = Vec::new();
    for index in 0..days_in_weeks(program, scenario.weeks) {
        let at = day_at(program, index);
        let plan = prescribe(program, at, lifter, &mut slots);
        let mut done = Vec::new();
        for line in &plan.lines {
            let fails = scenario
                .fails
                .iter()
                .any(|(e, w)| *w == at.week && e.eq_ignore_ascii_case(&line.exercise));
            let max = slots.lift(&line.exercise).and_then(|s| {
                let from_tm = s.tm.map(|t| t.kg() / tm);
                match (s.max.map(Weight::kg), from_tm) {
                    (Some(m), Some(t)) => Some(m.max(t)),
                    (m, t) => m.or(t),
                }
            });
            let sets: Vec<DoneSet> = line
                .working()
                .map(|s| {
                    let target = if s.amrap {
                        s.weight.zip(max).map_or(s.reps.min, |(w, m)| {
                            reps_in_reserve(w.kg(), m).max(s.reps.min)
                        })
                    } else {
                        s.reps.max
                    };
                    DoneSet {
                        reps: if fails {
                            s.reps.min.saturating_sub(1)
                        } else {
                            target
                        },
                        weight: s.weight,
                    }
                })
                .collect();
            done.push(sets);
        }
        let logged: Vec<LoggedLift> = plan
            .lines
            .iter()
            .zip(&done)
            .map(|(l, sets)| LoggedLift {
                exercise: l.exercise.clone(),
                sets: sets.clone(),
            })
            .collect();
        let changes = after_day(&mut slots, &plan, &logged, lifter);
        days.push(SimDay {
            plan,
            done,
            changes,
        });
    }
    Simulation { days, slots }
}

/// Reps at `load` with one in reserve for a 1RM of `max`: Brzycki (1RM = w · 36 / (37 − r))
/// solved for r, less one.
fn reps_in_reserve(load: f64, max: f64) -> u16 {
    if load <= 0.0 || max <= 0.0 {
        return 0;
    }
    let at_failure = (37.0 - 36.0 * load / max).floor();
    (at_failure - 1.0).clamp(0.0, 30.0) as u16
}
