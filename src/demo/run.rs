//! A built-in program as the demo lifter runs it, in memory and through the same engine the app
//! uses: started from the lifter's maxes of the day (as `program start` reads them), each day
//! prescribed from the slots' progress, and each trained day's sets given to its rules
//! (`core::program::day::after_day`, as the app does when a program session is finished).

use std::collections::BTreeMap;

use chrono::{NaiveDate, Weekday};

use super::DemoError;
use super::career::{End, Stint};
use super::strength::Strength;
use crate::core::profile::Profile;
use crate::core::program::day::{LoggedLift, after_day};
use crate::core::program::library::BUILTINS;
use crate::core::program::plan::{DayPlan, Lifter, day_at, days_in_weeks, prescribe};
use crate::core::program::slot::{Change, LiftState, Slots};
use crate::core::program::{Num, Program};
use crate::core::units::Weight;
use crate::core::workout::exercise::Exercise;
use crate::read::ProgramLifter;

/// How a run is put on the calendar and what it starts from, as the store keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct RunPlan {
    /// The built-in's file name, and its text as stored.
    pub slug: &'static str,
    pub text: &'static str,
    pub name: String,
    pub start: NaiveDate,
    pub weekdays: Vec<Weekday>,
    /// Each lift with a max: the max and the training max it starts from.
    pub lifts: Vec<(String, LiftState)>,
}

/// A program being run.
#[derive(Debug, Clone)]
pub struct Run {
    /// Its place among the runs of the history.
    pub index: usize,
    pub stint: Stint,
    pub program: Program,
    lifter: Lifter,
    /// The rules and progress, as the store holds them after each trained day.
    pub slots: Slots,
    /// The next training day of the program (from 0): trained, skipped or missed, each
    /// training weekday takes one (the plan keeps its dates).
    pub seq: usize,
    /// Training days in the whole program, when it has a length.
    total: Option<usize>,
    /// The exercises it names (the catalogue's names).
    pub exercises: Vec<String>,
    /// Calendar weeks it has been trained in.
    pub weeks: u32,
    /// Loads or training maxes its rules have taken back.
    pub resets: u32,
}

impl Run {
    /// Starts `stint` on `start` with the lifter's maxes as they stand: the best estimate of the
    /// last twelve weeks of each lift they have trained, and a cautious guess for a lift the
    /// program loads from a max they have never lifted.
    pub fn start(
        index: usize,
        stint: Stint,
        start: NaiveDate,
        exercises: &[Exercise],
        profile: &Profile,
        strengths: &BTreeMap<&'static str, Strength>,
    ) -> Result<(Run, RunPlan), DemoError> {
        let bug = |what: String| DemoError::Program(format!("{}: {what}", stint.slug));
        let builtin = BUILTINS
            .iter()
            .find(|b| b.slug == stint.slug)
            .ok_or_else(|| bug("no such built-in".into()))?;
        let program = builtin.program().map_err(|e| bug(e.to_string()))?;
        let names = ProgramLifter::without_history(exercises, profile, &program);
        if let Some(unknown) = names.unknown.first() {
            return Err(bug(format!("the catalogue has no {:?}", unknown.written)));
        }
        let mut given = Vec::new();
        for m in &names.maxes {
            let strength = strengths
                .get(m.exercise.as_str())
                .ok_or_else(|| bug(format!("the demo lifter has no strength in {}", m.exercise)))?;
            let max = match strength.known_max() {
                Some(kg) => Some((kg * 2.0).round() / 2.0),
                None if m.needed => Some((strength.believed_max() / 2.5).floor() * 2.5),
                None => None,
            };
            if let Some(w) = max.and_then(|kg| Weight::from_kg(kg).ok()) {
                given.push((m.exercise.clone(), w));
            }
        }
        let lifter = ProgramLifter::given(exercises, profile, &program, &given);
        let tm = program.meta.tm.map_or(0.9, Num::fraction);
        let lifts: Vec<(String, LiftState)> = lifter
            .maxes
            .iter()
            .filter(|m| m.max.is_some())
            .map(|m| (m.exercise.clone(), LiftState::new(m.max, tm)))
            .collect();
        let mut slots = Slots::of(&program);
        for (exercise, lift) in &lifts {
            slots.set_lift(exercise, lift.clone());
        }
        let total = program
            .meta
            .length_weeks
            .map(|w| days_in_weeks(&program, w));
        let plan = RunPlan {
            slug: builtin.slug,
            text: builtin.text,
            name: program.meta.name.clone(),
            start,
            weekdays: stint.weekdays.to_vec(),
            lifts,
        };
        let run = Run {
            index,
            stint,
            exercises: lifter.maxes.iter().map(|m| m.exercise.clone()).collect(),
            program,
            lifter: lifter.lifter,
            slots,
            seq: 0,
            total,
            weeks: 0,
            resets: 0,
        };
        Ok((run, plan))
    }

    /// Whether every day of a program with a length has come and gone.
    pub fn done(&self) -> bool {
        self.total.is_some_and(|t| self.seq >= t)
    }

    /// Whether day `seq` falls in a deload week of the program.
    pub fn deload_at(&self, seq: usize) -> bool {
        self.program.weeks[day_at(&self.program, seq).text_week].deload
    }

    /// "week 3 day A1", for a day passed over.
    pub fn day_words(&self, seq: usize) -> String {
        let at = day_at(&self.program, seq);
        format!(
            "week {} day {}",
            at.week, self.program.weeks[at.text_week].days[at.day].name
        )
    }

    /// What the next day prescribes, as the app shows it for today.
    pub fn prescribe(&self) -> DayPlan {
        let mut ahead = self.slots.clone();
        prescribe(
            &self.program,
            day_at(&self.program, self.seq),
            &self.lifter,
            &mut ahead,
        )
    }

    /// The next day was trained with `logged`: its rules move the slots on (as after a finished
    /// session in the app), and the changes they made come back.
    pub fn trained(&mut self, logged: &[LoggedLift]) -> Vec<Change> {
        let plan = prescribe(
            &self.program,
            day_at(&self.program, self.seq),
            &self.lifter,
            &mut self.slots,
        );
        let changes = after_day(&mut self.slots, &plan, logged, &self.lifter);
        self.resets += changes
            .iter()
            .filter(|c| {
                let down = |p: Option<(Weight, Weight)>| p.is_some_and(|(a, b)| b.kg() < a.kg());
                down(c.load) || down(c.tm)
            })
            .count() as u32;
        self.seq += 1;
        changes
    }

    /// The next day passed untrained (skipped, or missed).
    pub fn passed(&mut self) {
        self.seq += 1;
    }

    /// Whether the lifter stops the program at the end of this week, and how.
    pub fn over(&self) -> Option<crate::store::RunStatus> {
        use crate::store::RunStatus;
        match self.stint.end {
            End::Stalled { min, max } => ((self.weeks >= min && self.resets >= 3)
                || self.weeks >= max)
                .then_some(RunStatus::Finished),
            End::After(weeks, status) => (self.weeks >= weeks).then_some(status),
            End::Done => self.done().then_some(RunStatus::Finished),
            End::Never => None,
        }
    }
}
