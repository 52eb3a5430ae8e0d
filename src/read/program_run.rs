//! The program the lifter runs, read for the dashboard, the program screen, `program today`,
//! `program status`, `report` and `context`: the program at its version, where each day falls,
//! today's day with its loads, progress and adherence, and the changes made so far.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::core::profile::Profile;
use crate::core::program::adherence::{Adherence, DayRecord, Logged, Target, adherence, progress};
use crate::core::program::day::{LoggedLift, after_day};
use crate::core::program::plan::{DayPlan, day_at, days_in_weeks, prescribe};
use crate::core::program::schedule::{CalDay, Spec, Status, due, lay_out};
use crate::core::program::slot::{Change, DoneSet, LiftState, SlotState, Slots};
use crate::core::program::{Program, ProgramError, parse};
use crate::core::units::Weight;
use crate::core::workout::session::Session;
use crate::core::workout::set::{Load, SetKind, SetSpec};
use crate::read::ProgramLifter;
use crate::store::{Assignment, AssignmentId, ChangeRow, NewChange, Store, StoreError};

/// How far ahead the calendar is laid out.
pub const AHEAD_DAYS: u64 = 28;

/// One prescribed set as stored with a trained day (and handed to the session).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetSet {
    pub slot: String,
    pub exercise: String,
    pub weight_kg: Option<f64>,
    pub reps: u16,
    pub reps_max: u16,
    pub amrap: bool,
    pub rpe: Option<f64>,
    pub label: Option<String>,
    pub warmup: bool,
}

/// A day's sets as stored targets.
pub fn targets_of(day: &DayPlan) -> Vec<TargetSet> {
    day.lines
        .iter()
        .flat_map(|l| {
            l.sets.iter().map(move |s| TargetSet {
                slot: l.key.clone(),
                exercise: l.exercise.clone(),
                weight_kg: s.weight.map(Weight::kg),
                reps: s.reps.min,
                reps_max: s.reps.max,
                amrap: s.amrap,
                rpe: s.rpe.map(crate::core::program::Num::value),
                label: s.label.clone(),
                warmup: s.warmup,
            })
        })
        .collect()
}

/// A trained day's session title: "GZCLP · week 3 · day A1".
pub fn day_title(program: &Program, plan: &DayPlan) -> String {
    format!(
        "{} · week {} · day {}",
        program.meta.name, plan.at.week, plan.name
    )
}

/// One exercise's logged sets as the rules read them: its working sets with reps, and the load
/// of those with an external one.
pub fn logged_lift<'a>(exercise: &str, sets: impl IntoIterator<Item = &'a SetSpec>) -> LoggedLift {
    LoggedLift {
        exercise: exercise.to_string(),
        sets: sets
            .into_iter()
            .filter(|s| s.kind.is_working())
            .filter_map(|s| {
                Some(DoneSet {
                    reps: s.reps?.get(),
                    weight: match s.load {
                        Load::External(w) => Some(w),
                        _ => None,
                    },
                })
            })
            .collect(),
    }
}

/// Saves what a trained day did to the run: every slot's and lift's progress as `after` holds
/// it, and `changes` in the modification history, each with its numbers. Returns the changes'
/// ids. The app after a finished session and the demo both save a day this way.
pub fn save_day(
    store: &Store,
    assignment: AssignmentId,
    after: &Slots,
    changes: &[Change],
    at: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<i64>, StoreError> {
    let states: Vec<(String, SlotState)> = after
        .states()
        .iter()
        .map(|(k, s)| (k.clone(), s.clone()))
        .collect();
    let lifts: Vec<(String, LiftState)> = after
        .lifts()
        .iter()
        .map(|(k, l)| (k.clone(), l.clone()))
        .collect();
    let new: Vec<NewChange> = changes.iter().map(new_change).collect();
    store.save_program_progress(assignment, &states, &lifts, &new, at)
}

/// A change as the modification history keeps it, its numbers in the detail.
pub fn new_change(c: &Change) -> NewChange {
    let pair = |p: Option<(Weight, Weight)>| p.map(|(a, b)| serde_json::json!([a.kg(), b.kg()]));
    NewChange {
        kind: "progression",
        slot: Some(c.key.clone()),
        status: "applied",
        reason: c.reason.clone(),
        detail: serde_json::json!({
            "load_kg": pair(c.load),
            "tm_kg": pair(c.tm),
            "max_kg": pair(c.max),
            "stage": c.stage,
        })
        .to_string(),
    }
}

/// A program day as a session trains it: each line's slot, exercise, rest and target sets.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionDay {
    pub assignment: AssignmentId,
    pub seq: usize,
    /// "GZCLP · week 3 · day A1".
    pub title: String,
    pub deload: bool,
    pub lines: Vec<DayLine>,
}

/// One line of a session's program day.
#[derive(Debug, Clone, PartialEq)]
pub struct DayLine {
    /// The program's slot: `Squat [T1]`.
    pub slot: String,
    /// The catalogue's name.
    pub exercise: String,
    pub rest: Option<u32>,
    pub superset: Option<String>,
    pub note: Option<String>,
    /// A stage ladder's current scheme: `6x2+`.
    pub stage: Option<String>,
    pub sets: Vec<TargetSet>,
}

/// What a trained day does to the program: the changes, and the slots before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct DayOutcome {
    pub changes: Vec<Change>,
    pub before: Slots,
    pub after: Slots,
}

/// The running program, read.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgramRun {
    pub assignment: Assignment,
    pub program: Program,
    pub lifter: ProgramLifter,
    /// The slots' progress as stored, the program's rules with it.
    pub slots: Slots,
    /// Every day from the start to four weeks ahead.
    pub calendar: Vec<CalDay>,
    /// Training days in the whole program (None: open-ended).
    pub total_days: Option<usize>,
    /// The day to train today (a planned day dated today, or one the plan waits for), with its
    /// prescription; else None.
    pub today: Option<(CalDay, DayPlan)>,
    /// The next planned day after today's, with its prescription as things stand.
    pub next: Option<(CalDay, DayPlan)>,
    pub adherence: Adherence,
    /// Days done (or passed over) of the total, as a percent.
    pub progress: Option<f64>,
    pub changes: Vec<ChangeRow>,
}

/// Why the running program could not be read.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The stored text does not parse (a program stored by a newer build, or edited by hand).
    #[error("the running program's text: {0}")]
    Program(#[from] ProgramError),
}

impl ProgramRun {
    /// The running program as of `today`, or None when none runs.
    pub fn read(
        store: &Store,
        profile: &Profile,
        today: NaiveDate,
    ) -> Result<Option<ProgramRun>, RunError> {
        let Some(assignment) = store.running_program()? else {
            return Ok(None);
        };
        let program = parse(&assignment.program.text)?;
        let lifter = ProgramLifter::read(store, profile, &program, &[], today)?;
        let mut slots = Slots::of(&program);
        for (key, state) in &assignment.slots {
            slots.set(key, state.clone());
        }
        for (exercise, lift) in &assignment.lifts {
            slots.set_lift(exercise, lift.clone());
        }
        let total_days = program
            .meta
            .length_weeks
            .map(|w| days_in_weeks(&program, w));
        let spec = Spec {
            start: assignment.start,
            weekdays: assignment.weekdays.clone(),
            policy: assignment.policy,
            total: total_days,
            pauses: assignment.pauses.clone(),
        };
        let until = today
            .checked_add_days(Days::new(AHEAD_DAYS))
            .unwrap_or(today);
        let calendar = lay_out(&spec, &assignment.marks, today, until);
        let mut ahead = slots.clone();
        let today_day = due(&calendar, today).map(|c| {
            let plan = prescribe(
                &program,
                day_at(&program, c.seq),
                &lifter.lifter,
                &mut ahead,
            );
            (c, plan)
        });
        let next = calendar
            .iter()
            .find(|c| {
                c.status == Status::Planned
                    && c.date >= today
                    && today_day.as_ref().is_none_or(|(t, _)| c.seq > t.seq)
            })
            .map(|c| {
                let plan = prescribe(
                    &program,
                    day_at(&program, c.seq),
                    &lifter.lifter,
                    &mut ahead,
                );
                (*c, plan)
            });
        let adherence = Self::adherence(store, &program, &assignment, &calendar, &lifter, &slots)?;
        let progress = total_days.and_then(|t| progress(&calendar, t));
        let changes = store.program_changes(assignment.program.id)?;
        Ok(Some(ProgramRun {
            assignment,
            program,
            lifter,
            slots,
            calendar,
            total_days,
            today: today_day,
            next,
            adherence,
            progress,
            changes,
        }))
    }

    /// Adherence over the days due: a trained day's stored targets against its session's
    /// working sets; a missed or skipped day's sets as prescribed by the program as written.
    fn adherence(
        store: &Store,
        program: &Program,
        assignment: &Assignment,
        calendar: &[CalDay],
        lifter: &ProgramLifter,
        slots: &Slots,
    ) -> Result<Adherence, StoreError> {
        let mut records = Vec::new();
        for c in calendar
            .iter()
            .filter(|c| matches!(c.status, Status::Done | Status::Missed | Status::Skipped))
        {
            let week = day_at(program, c.seq).week;
            let (targets, logged) = match assignment.trained.iter().rev().find(|t| t.seq == c.seq) {
                Some(t) if c.status == Status::Done => {
                    let stored: Vec<TargetSet> =
                        serde_json::from_str(&t.targets).unwrap_or_default();
                    let targets = stored
                        .into_iter()
                        .filter(|s| !s.warmup)
                        .map(|s| Target {
                            exercise: s.exercise,
                            weight: s.weight_kg.and_then(|w| Weight::from_kg(w).ok()),
                            reps: s.reps,
                        })
                        .collect();
                    let logged = store
                        .session(t.session)?
                        .map(|s| {
                            s.slots
                                .iter()
                                .flat_map(|slot| {
                                    slot.sets
                                        .iter()
                                        .filter(|x| {
                                            x.spec.kind != SetKind::Warmup && x.spec.reps.is_some()
                                        })
                                        .map(|x| Logged {
                                            exercise: slot.name.clone(),
                                            weight: match x.spec.load {
                                                Load::External(w) => Some(w),
                                                _ => None,
                                            },
                                            reps: x
                                                .spec
                                                .reps
                                                .map_or(0, crate::core::units::Reps::get),
                                        })
                                })
                                .collect()
                        })
                        .unwrap_or_default();
                    (targets, logged)
                }
                _ => (Vec::new(), Vec::new()),
            };
            records.push(DayRecord {
                week,
                day: *c,
                targets,
                logged,
            });
        }
        let mut scratch = slots.clone();
        Ok(adherence(&records, |d| {
            let plan = prescribe(
                program,
                day_at(program, d.day.seq),
                &lifter.lifter,
                &mut scratch,
            );
            u32::try_from(
                plan.lines
                    .iter()
                    .map(|l| l.working().count())
                    .sum::<usize>(),
            )
            .unwrap_or(0)
        }))
    }

    /// The day at `c` as a session trains it.
    pub fn session_day(&self, c: &CalDay, plan: &DayPlan) -> SessionDay {
        let targets = targets_of(plan);
        SessionDay {
            assignment: self.assignment.id,
            seq: c.seq,
            title: day_title(&self.program, plan),
            deload: plan.deload,
            lines: plan
                .lines
                .iter()
                .map(|l| DayLine {
                    slot: l.key.clone(),
                    exercise: l.exercise.clone(),
                    rest: l.rest,
                    superset: l.superset.clone(),
                    note: l.note.clone(),
                    stage: l.stage.as_ref().map(|(_, s)| s.clone()),
                    sets: targets
                        .iter()
                        .filter(|t| t.slot == l.key)
                        .cloned()
                        .collect(),
                })
                .collect(),
        }
    }

    /// Day `seq` as a session trains it, prescribed from the slots as they stand.
    pub fn day(&self, seq: usize) -> SessionDay {
        let mut slots = self.slots.clone();
        let plan = prescribe(
            &self.program,
            day_at(&self.program, seq),
            &self.lifter.lifter,
            &mut slots,
        );
        let c = self
            .calendar
            .iter()
            .find(|c| c.seq == seq)
            .copied()
            .unwrap_or(CalDay {
                seq,
                date: self.assignment.start,
                status: Status::Planned,
                moved_from: None,
            });
        self.session_day(&c, &plan)
    }

    /// What training day `seq` with `session` does to the program: each line's logged working
    /// sets given to its rule (`core::program::day`).
    pub fn after_session(&self, seq: usize, session: &Session) -> DayOutcome {
        let mut slots = self.slots.clone();
        let plan = prescribe(
            &self.program,
            day_at(&self.program, seq),
            &self.lifter.lifter,
            &mut slots,
        );
        let before = slots.clone();
        let logged: Vec<LoggedLift> = session
            .slots
            .iter()
            .map(|slot| logged_lift(&slot.name, slot.sets.iter().map(|s| &s.spec)))
            .collect();
        let changes = after_day(&mut slots, &plan, &logged, &self.lifter.lifter);
        DayOutcome {
            changes,
            before,
            after: slots,
        }
    }

    /// The program week a day falls in.
    pub fn week_of(&self, seq: usize) -> u16 {
        day_at(&self.program, seq).week
    }

    /// Weeks in the whole program, when it has a length.
    pub fn total_weeks(&self) -> Option<u16> {
        self.program.meta.length_weeks
    }

    /// The week the lifter is in: today's day's, else the next's, else the last day's.
    pub fn current_week(&self) -> u16 {
        self.today
            .as_ref()
            .or(self.next.as_ref())
            .map(|(_, p)| p.at.week)
            .or_else(|| self.calendar.last().map(|c| self.week_of(c.seq)))
            .unwrap_or(1)
    }
}
