//! A trained day's effect on the program: each line's logged working sets given to its slot's
//! rule, and the cycle's end after its last day. The app at a session's finish, the demo and the
//! simulation all go through here.
//!
//! Logged sets are matched to the day's lines by exercise, in order (two lines of one exercise
//! take their sets one after the other). A line with no set logged — skipped, or swapped for
//! another exercise today — moves nothing: its slot keeps its load, and it is not a miss.

use std::collections::HashMap;

use super::plan::{DayPlan, Lifter};
use super::slot::{Change, DoneSet, Slots};

/// One exercise's working sets as logged (the catalogue's name; reps and load per set).
#[derive(Debug, Clone, PartialEq)]
pub struct LoggedLift {
    pub exercise: String,
    pub sets: Vec<DoneSet>,
}

/// Advances the slots after `plan` was trained with `logged`; the changes, in line order.
pub fn after_day(
    slots: &mut Slots,
    plan: &DayPlan,
    logged: &[LoggedLift],
    lifter: &Lifter,
) -> Vec<Change> {
    let mut used: HashMap<&str, usize> = HashMap::new();
    let mut changes = Vec::new();
    for line in &plan.lines {
        let all: Vec<DoneSet> = logged
            .iter()
            .filter(|l| l.exercise == line.exercise)
            .flat_map(|l| l.sets.iter().copied())
            .collect();
        let from = used.entry(line.exercise.as_str()).or_default();
        let want = line.working().count();
        let sets: Vec<DoneSet> = all.iter().skip(*from).take(want).copied().collect();
        *from += sets.len();
        if sets.is_empty() {
            continue;
        }
        let loader = lifter.loader(&line.exercise);
        changes.extend(slots.advance(line, &sets, plan.deload, loader, lifter.unit));
    }
    if plan.at.ends_cycle {
        changes.extend(slots.end_cycle(lifter.unit));
    }
    changes
}
