//! Each rule of programs.md §5 as one function: what it does to a slot after a session, and the
//! reason it gives.

use super::{Change, DoneSet, LiftState, SlotState, said, step_kg};
use crate::core::program::plan::{PlannedSet, kg};
use crate::core::program::{Num, RepTarget, Restart, Step};
use crate::core::strength::progression::{step_down, step_up};
use crate::core::units::{Unit, Weight, format_number};
use crate::core::workout::plates::Loader;

/// Adds `step` to the slot's load from `from` (a makeable load, the next one up at least):
/// "add 2.5 kg → 102.5 kg".
fn add(o: &Outcome<'_>, state: &mut SlotState, c: &mut Change, from: Weight, step: Step) -> String {
    let to = step_up(o.loader, from, step_kg(step));
    state.working = Some(to);
    c.load = Some((from, to));
    format!("add {} → {}", said(step, o.unit), o.show(to))
}

/// A session of a slot as the rules read it.
pub(super) struct Outcome<'a> {
    pub planned: Vec<&'a PlannedSet>,
    pub done: &'a [DoneSet],
    pub loader: &'a Loader,
    pub unit: Unit,
}

impl Outcome<'_> {
    /// Reps done on working set `i` (0 when not done).
    pub fn reps(&self, i: usize) -> u16 {
        self.done.get(i).map_or(0, |d| d.reps)
    }

    /// Every working set reached its minimum.
    pub fn all_min(&self) -> bool {
        (0..self.planned.len()).all(|i| self.reps(i) >= self.planned[i].reps.min)
    }

    /// The first AMRAP: reps done, its minimum, its load.
    pub fn amrap(&self) -> Option<(u16, u16, Option<Weight>)> {
        let i = self.planned.iter().position(|s| s.amrap)?;
        Some((
            self.reps(i),
            self.planned[i].reps.min,
            self.planned[i].weight,
        ))
    }

    /// "5, 5, 4" — the reps done, a set not done as 0.
    pub fn got(&self) -> String {
        (0..self.planned.len())
            .map(|i| self.reps(i).to_string())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The load a rule builds on: the working load, or the heaviest working set logged when that
    /// was lighter (done at 155 lb when 165 lb was prescribed: next time builds on 155).
    pub fn base(&self, working: Weight) -> Weight {
        match self.lifted() {
            Some(lifted) if self.loader.heavier(working, lifted) => self
                .loader
                .round(lifted, crate::core::workout::plates::Rounding::Nearest)
                .unwrap_or(lifted),
            _ => working,
        }
    }

    /// The heaviest working set logged, if any had a load.
    pub fn lifted(&self) -> Option<Weight> {
        self.done
            .iter()
            .filter_map(|d| d.weight)
            .max_by(|a, b| a.kg().total_cmp(&b.kg()))
    }

    /// "102.5 kg".
    pub fn show(&self, w: Weight) -> String {
        format!("{} {}", w.display(self.unit), self.unit)
    }
}

pub(super) fn linear(
    o: &Outcome<'_>,
    state: &mut SlotState,
    c: &mut Change,
    step: Step,
    fails: u16,
    reset: Num,
    double_at: Option<u16>,
) -> Option<()> {
    let loader = o.loader;
    let got = o.got();
    let all_min = o.all_min();
    let amrap = o.amrap();
    let show = |w: Weight| o.show(w);
    let from = o.base(state.working?);
    if all_min {
        let twice = double_at.zip(amrap).is_some_and(|(d, (r, _, _))| r >= d);
        let to = step_up(loader, from, step_kg(step) * if twice { 2.0 } else { 1.0 });
        state.working = Some(to);
        state.fails = 0;
        c.load = Some((from, to));
        c.reason = if twice {
            format!(
                "every set done ({got}), the AMRAP reached {}: add twice the step → {}",
                double_at.unwrap_or(0),
                show(to)
            )
        } else {
            format!(
                "every set done ({got}): add {} → {}",
                said(step, o.unit),
                show(to)
            )
        };
    } else {
        state.fails += 1;
        if state.fails >= fails {
            let to = step_down(loader, from, reset.fraction());
            state.working = Some(to);
            state.fails = 0;
            c.load = Some((from, to));
            c.reason = format!(
                "missed at {} ({got}), {} in a row: reset {reset} % → {}",
                show(from),
                fails,
                show(to)
            );
        } else {
            c.reason = format!(
                "missed at {} ({got}), miss {} of {fails}: repeat it",
                show(from),
                state.fails
            );
        }
    }

    Some(())
}

pub(super) fn double(
    o: &Outcome<'_>,
    state: &mut SlotState,
    c: &mut Change,
    step: Step,
) -> Option<()> {
    let got = o.got();
    let planned = &o.planned;
    let reps = |i: usize| o.reps(i);
    let show = |w: Weight| o.show(w);
    let from = o.base(state.working?);
    let top = planned
        .iter()
        .enumerate()
        .all(|(i, s)| reps(i) >= s.reps.max);
    if top {
        let added = add(o, state, c, from, step);
        c.reason = format!(
            "every set at the top of its range ({got}): {added} and start \
                 at the bottom",
        );
    } else {
        c.reason = format!(
            "not every set at the top of its range ({got}): stay at {} and add reps",
            show(from)
        );
    }

    Some(())
}

pub(super) fn sum(
    o: &Outcome<'_>,
    state: &mut SlotState,
    c: &mut Change,
    target: u16,
    step: Step,
) -> Option<()> {
    let planned = &o.planned;
    let reps = |i: usize| o.reps(i);
    let show = |w: Weight| o.show(w);
    let from = o.base(state.working?);
    let total: u32 = (0..planned.len()).map(|i| u32::from(reps(i))).sum();
    if total >= u32::from(target) {
        let added = add(o, state, c, from, step);
        c.reason = format!("{total} reps in all (target {target}): {added}");
    } else {
        c.reason = format!(
            "{total} reps in all, under {target}: stay at {}",
            show(from)
        );
    }

    Some(())
}

pub(super) fn amrap(
    o: &Outcome<'_>,
    state: &mut SlotState,
    c: &mut Change,
    target: u16,
    step: Step,
) -> Option<()> {
    let planned = &o.planned;
    let reps = |i: usize| o.reps(i);
    let show = |w: Weight| o.show(w);
    let from = o.base(state.working?);
    let last = reps(planned.len().saturating_sub(1));
    if last >= target {
        let added = add(o, state, c, from, step);
        c.reason = format!("last set {last} reps (target {target}): {added}");
    } else {
        c.reason = format!(
            "last set {last} reps, under {target}: stay at {}",
            show(from)
        );
    }

    Some(())
}

pub(super) fn stages(
    o: &Outcome<'_>,
    state: &mut SlotState,
    c: &mut Change,
    stages: &[(u16, RepTarget, bool)],
    step: Step,
    restart: Restart,
) -> Option<()> {
    let loader = o.loader;
    let got = o.got();
    let all_min = o.all_min();
    let show = |w: Weight| o.show(w);
    let from = o.base(state.working?);
    let name = |i: usize| {
        let (sets, reps, amrap) = stages[i];
        crate::core::program::format::scheme(sets, reps, amrap)
    };
    let now = state.stage.min(stages.len() - 1);
    if now == 0 {
        state.first_stage = Some(from);
    }
    if all_min {
        let added = add(o, state, c, from, step);
        c.reason = format!("{} done ({got}): {added}", name(now));
    } else if now + 1 < stages.len() {
        state.stage = now + 1;
        c.stage = Some((name(now), name(now + 1)));
        c.reason = format!(
            "{} missed ({got}): next stage, {} at {}",
            name(now),
            name(now + 1),
            show(from)
        );
    } else {
        let to = match restart {
            Restart::Cut(p) => step_down(loader, from, p.fraction()),
            Restart::First(s) => step_up(loader, state.first_stage.unwrap_or(from), step_kg(s)),
        };
        state.stage = 0;
        state.working = Some(to);
        c.load = Some((from, to));
        c.stage = Some((name(now), name(0)));
        c.reason = match restart {
            Restart::Cut(p) => format!(
                "{} missed at the last stage ({got}): start again at {} with {p} % \
                     off → {}",
                name(now),
                name(0),
                show(to)
            ),
            Restart::First(s) => format!(
                "{} missed at the last stage ({got}): start again at {}, the last {} \
                     load plus {} → {}",
                name(now),
                name(0),
                name(0),
                said(s, o.unit),
                show(to)
            ),
        };
    }

    Some(())
}

pub(super) fn tm_table(
    o: &Outcome<'_>,
    lift: &mut LiftState,
    c: &mut Change,
    rows: &[(u16, Step)],
) -> Option<()> {
    let amrap = o.amrap();
    let show = |w: Weight| o.show(w);
    let (r, _, _) = amrap?;
    let from = lift.tm?;
    let step = rows.iter().rev().find(|(at, _)| r >= *at).map(|(_, s)| *s);
    match step {
        Some(s) => {
            let to = kg(from.kg() + step_kg(s))?;
            lift.tm = Some(to);
            c.tm = Some((from, to));
            c.reason = format!(
                "{r} reps on the AMRAP: training max + {} → {}",
                said(s, o.unit),
                show(to)
            );
        }
        None => {
            c.reason = format!("{r} reps on the AMRAP: training max stays {}", show(from));
        }
    }

    Some(())
}

pub(super) fn tm_reps(
    o: &Outcome<'_>,
    lift: &mut LiftState,
    c: &mut Change,
    step: Step,
    cap: u16,
) -> Option<()> {
    let amrap = o.amrap();
    let show = |w: Weight| o.show(w);
    let (r, min, _) = amrap?;
    let from = lift.tm?;
    let extra = r.saturating_sub(min).min(cap);
    if extra > 0 {
        let to = kg(from.kg() + step_kg(step) * f64::from(extra))?;
        lift.tm = Some(to);
        c.tm = Some((from, to));
        c.reason = format!(
            "{r} reps on the AMRAP, {extra} over {min}{}: training max + {extra} × \
                 {} → {}",
            if r - min > cap {
                format!(" (at most {cap} count)")
            } else {
                String::new()
            },
            said(step, o.unit),
            show(to)
        );
    } else {
        c.reason = format!(
            "{r} reps on the AMRAP, none over {min}: training max stays {}",
            show(from)
        );
    }

    Some(())
}

pub(super) fn max(
    o: &Outcome<'_>,
    lift: &mut LiftState,
    c: &mut Change,
    rows: &[(u16, Num)],
) -> Option<()> {
    let amrap = o.amrap();
    let show = |w: Weight| o.show(w);
    let (r, _, load) = amrap?;
    let load = load?;
    let from = lift.max?;
    let (_, pct) = rows.iter().rev().find(|(at, _)| r >= *at)?;
    let to = kg(load.kg() * pct.fraction())?;
    lift.max = Some(to);
    c.max = Some((from, to));
    c.reason = format!(
        "{r} reps at {}: new 1RM {} × {pct} % = {} {}",
        show(load),
        show(load),
        format_number(to.in_unit(o.unit)),
        o.unit
    );

    Some(())
}
