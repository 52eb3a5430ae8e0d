//! A slot (an exercise and its label) carries its progress from session to session: the working
//! load, stage and misses; the lift itself (the exercise, whatever the label) carries the training
//! max and 1RM every slot of it reads. After a session the slot's rule (programs.md §5) moves
//! them, and says what changed and why.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

mod rules;

use rules::Outcome;

use super::plan::{PlannedLine, kg};
use super::{Program, Rule, Step};
use crate::core::units::{Unit, Weight};
use crate::core::workout::plates::Loader;

/// One slot's progress.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SlotState {
    /// The load groups written without one use; None until first prescribed.
    pub working: Option<Weight>,
    /// Index into a stage ladder.
    pub stage: usize,
    /// Misses in a row (linear).
    pub fails: u16,
    /// The last load taken on at the first stage (for `restart first`).
    pub first_stage: Option<Weight>,
}

/// One lift's maxes, shared by every slot of the exercise (`Bench Press` and
/// `Bench Press [volume]` read one training max).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LiftState {
    pub max: Option<Weight>,
    pub tm: Option<Weight>,
    /// An AMRAP fell short of its minimum since the training max last rose.
    pub short_in_cycle: bool,
}

impl LiftState {
    /// A lift's start: the lifter's 1RM and a training max of `tm` of it.
    pub fn new(max: Option<Weight>, tm: f64) -> LiftState {
        LiftState {
            max,
            tm: max.and_then(|m| kg(m.kg() * tm)),
            short_in_cycle: false,
        }
    }
}

/// Every slot's rule and progress.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Slots {
    rules: BTreeMap<String, Rule>,
    states: BTreeMap<String, SlotState>,
    /// By the catalogue's name of the exercise.
    lifts: BTreeMap<String, LiftState>,
    /// The catalogue's name of each slot's exercise.
    names: HashMap<String, String>,
}

/// One working set as done: reps (0 for a set not done) at a load.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DoneSet {
    pub reps: u16,
    pub weight: Option<Weight>,
}

/// What a rule did to a slot after a session, with its reason in words and numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub key: String,
    pub exercise: String,
    pub load: Option<(Weight, Weight)>,
    /// A stage ladder's scheme, before and after: `5x3+` → `6x2+`.
    pub stage: Option<(String, String)>,
    pub tm: Option<(Weight, Weight)>,
    pub max: Option<(Weight, Weight)>,
    pub reason: String,
}

impl Slots {
    /// The rules a program gives its slots, nothing done yet.
    pub fn of(program: &Program) -> Slots {
        let rules = program
            .weeks
            .iter()
            .flat_map(|w| &w.days)
            .flat_map(|d| &d.lines)
            .filter_map(|l| l.rule.clone().map(|r| (l.key(), r)))
            .collect();
        Slots {
            rules,
            states: BTreeMap::new(),
            lifts: BTreeMap::new(),
            names: HashMap::new(),
        }
    }

    /// Every slot's rule, by slot.
    pub fn rules(&self) -> impl Iterator<Item = (&String, &Rule)> {
        self.rules.iter()
    }

    pub fn rule(&self, key: &str) -> Option<&Rule> {
        self.rules.get(key)
    }

    pub fn state(&self, key: &str) -> Option<&SlotState> {
        self.states.get(key)
    }

    /// Every slot's state, by key.
    pub fn states(&self) -> &BTreeMap<String, SlotState> {
        &self.states
    }

    /// The catalogue's name of a slot's exercise.
    pub fn exercise(&self, key: &str) -> Option<&str> {
        self.names.get(key).map(String::as_str)
    }

    /// Every lift's maxes, by exercise.
    pub fn lifts(&self) -> &BTreeMap<String, LiftState> {
        &self.lifts
    }

    pub fn lift(&self, exercise: &str) -> Option<&LiftState> {
        self.lifts.get(exercise)
    }

    /// Sets a slot's state (a stored program's progress, or a change the lifter accepted).
    pub fn set(&mut self, key: &str, state: SlotState) {
        self.states.insert(key.to_string(), state);
    }

    /// Sets a lift's maxes.
    pub fn set_lift(&mut self, exercise: &str, lift: LiftState) {
        self.lifts.insert(exercise.to_string(), lift);
    }

    /// A slot of `exercise` and its lift, started with `new` if not seen yet.
    pub(crate) fn entry(
        &mut self,
        key: &str,
        exercise: &str,
        new: impl FnOnce() -> LiftState,
    ) -> (&mut SlotState, &mut LiftState) {
        if !self.names.contains_key(key) {
            self.names.insert(key.to_string(), exercise.to_string());
        }
        (
            self.states.entry(key.to_string()).or_default(),
            self.lifts.entry(exercise.to_string()).or_insert_with(new),
        )
    }

    /// After a session: `line` as prescribed and its working sets as `done` (in order; fewer
    /// sets than prescribed count the rest as missed). A deload week moves nothing. `None` when
    /// the slot has no rule that runs after a session.
    pub fn advance(
        &mut self,
        line: &PlannedLine,
        done: &[DoneSet],
        deload: bool,
        loader: &Loader,
        unit: Unit,
    ) -> Option<Change> {
        let rule = self.rules.get(&line.key)?.clone();
        let state = self.states.get_mut(&line.key)?;
        let lift = self.lifts.get_mut(&line.exercise)?;
        let o = Outcome {
            planned: line.working().collect(),
            done,
            loader,
            unit,
        };
        if o.amrap().is_some_and(|(got, min, _)| got < min) {
            lift.short_in_cycle = true;
        }
        if deload {
            return None;
        }
        let mut c = Change {
            key: line.key.clone(),
            exercise: line.exercise.clone(),
            load: None,
            stage: None,
            tm: None,
            max: None,
            reason: String::new(),
        };
        let prescribed = state.working;
        let loads = matches!(
            rule,
            Rule::Linear { .. }
                | Rule::Double { .. }
                | Rule::Sum { .. }
                | Rule::Amrap { .. }
                | Rule::Stages { .. }
        );
        match rule {
            Rule::Linear {
                step,
                fails,
                reset,
                double_at,
            } => rules::linear(&o, state, &mut c, step, fails, reset, double_at)?,
            Rule::Double { step } => rules::double(&o, state, &mut c, step)?,
            Rule::Sum { target, step } => rules::sum(&o, state, &mut c, target, step)?,
            Rule::Amrap { target, step } => rules::amrap(&o, state, &mut c, target, step)?,
            Rule::Stages {
                stages,
                step,
                restart,
            } => rules::stages(&o, state, &mut c, &stages, step, restart)?,
            Rule::Tm { .. } => return None,
            Rule::TmTable { rows } => rules::tm_table(&o, lift, &mut c, &rows)?,
            Rule::TmReps { step, cap } => rules::tm_reps(&o, lift, &mut c, step, cap)?,
            Rule::Max { rows } => rules::max(&o, lift, &mut c, &rows)?,
        }
        if loads
            && let Some(prescribed) = prescribed
            && o.base(prescribed) != prescribed
        {
            let _ = write!(
                c.reason,
                " (built on the {} lifted, lighter than the {} prescribed)",
                o.show(o.base(prescribed)),
                o.show(prescribed)
            );
        }
        Some(c)
    }

    /// At the end of a cycle: every `tm` slot's training max rises by its step, or falls by its
    /// `fail` cut if an AMRAP fell short of its minimum during the cycle.
    pub fn end_cycle(&mut self, unit: Unit) -> Vec<Change> {
        let mut changes = Vec::new();
        let mut done: Vec<String> = Vec::new();
        for (key, rule) in &self.rules {
            let Rule::Tm { step, fail } = rule else {
                continue;
            };
            let Some(exercise) = self.names.get(key) else {
                continue;
            };
            if done.contains(exercise) {
                continue;
            }
            let Some(lift) = self.lifts.get_mut(exercise) else {
                continue;
            };
            let Some(from) = lift.tm else { continue };
            let show = |w: Weight| format!("{} {unit}", w.display(unit));
            let (to, reason) = match fail {
                Some(p) if lift.short_in_cycle => (
                    kg(from.kg() * (1.0 - p.fraction())),
                    format!("an AMRAP fell short of its minimum this cycle: training max −{p} %"),
                ),
                _ => (
                    kg(from.kg() + step_kg(*step)),
                    format!("cycle done: training max + {}", said(*step, unit)),
                ),
            };
            let Some(to) = to else { continue };
            lift.tm = Some(to);
            lift.short_in_cycle = false;
            done.push(exercise.clone());
            changes.push(Change {
                key: key.clone(),
                exercise: exercise.clone(),
                load: None,
                stage: None,
                tm: Some((from, to)),
                max: None,
                reason: format!("{reason} → {}", show(to)),
            });
        }
        changes
    }
}

/// A step in kilograms.
pub(super) fn step_kg(step: Step) -> f64 {
    step.amount.value() * step.unit.kg_factor()
}

/// "2.5 kg", "5.51 lb": a step in the lifter's unit.
pub(super) fn said(step: Step, unit: Unit) -> String {
    let amount = step_kg(step) / unit.kg_factor();
    format!("{} {unit}", crate::core::units::format_number(amount))
}
