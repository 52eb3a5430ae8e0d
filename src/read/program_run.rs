//! The program the lifter runs, read for the dashboard, the program screen, `program today`,
//! `program status`, `report` and `context`: the program at its version, where each day falls,
//! today's day with its loads, progress and adherence, and the changes made so far.

use std::fmt::Write as _;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::core::profile::Profile;
use crate::core::program::adapt::{Outcome, Proposal, Proposed, Situation, proposals};
use crate::core::program::adherence::{Adherence, DayRecord, Logged, Target, adherence, progress};
use crate::core::program::day::{LoggedLift, after_day};
use crate::core::program::plan::{DayPlan, PlannedLine, day_at, days_in_weeks, prescribe};
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
    day.lines.iter().flat_map(line_targets).collect()
}

/// One line's sets as targets.
pub fn line_targets(l: &PlannedLine) -> Vec<TargetSet> {
    l.sets
        .iter()
        .map(|s| TargetSet {
            slot: l.key.clone(),
            exercise: l.exercise.clone(),
            weight_kg: s.weight.map(crate::core::units::Weight::kg),
            reps: s.reps.min,
            reps_max: s.reps.max,
            amrap: s.amrap,
            rpe: s.rpe.map(crate::core::program::Num::value),
            label: s.label.clone(),
            warmup: s.warmup,
        })
        .collect()
}

impl TargetSet {
    /// `3+ 105 kg @8 "top"`: reps (a range as `8-12`, `+` for an AMRAP), load (or "your
    /// choice"), RPE, warm-up and label.
    pub fn text(&self, unit: crate::core::units::Unit) -> String {
        let mut text = if self.reps_max > self.reps {
            format!("{}-{}", self.reps, self.reps_max)
        } else {
            self.reps.to_string()
        };
        if self.amrap {
            text.push('+');
        }
        match self
            .weight_kg
            .and_then(|kg| crate::core::units::Weight::from_kg(kg).ok())
        {
            Some(w) => {
                let _ = write!(text, " {} {unit}", w.display(unit));
            }
            None => text.push_str(" (your choice)"),
        }
        if let Some(r) = self.rpe {
            let _ = write!(text, " @{}", crate::core::units::format_number(r));
        }
        if self.warmup {
            text.push_str(" warm-up");
        }
        if let Some(l) = &self.label {
            let _ = write!(text, " \"{l}\"");
        }
        text
    }
}

/// `4×3 105 kg, 1×3+ 105 kg`: sets in runs of equal ones.
pub fn runs_text<'a>(
    sets: impl IntoIterator<Item = &'a TargetSet>,
    unit: crate::core::units::Unit,
) -> String {
    let mut runs: Vec<(usize, String)> = Vec::new();
    for t in sets {
        let text = t.text(unit);
        match runs.last_mut() {
            Some((n, last)) if *last == text => *n += 1,
            _ => runs.push((1, text)),
        }
    }
    runs.iter()
        .map(|(n, t)| format!("{n}×{t}"))
        .collect::<Vec<_>>()
        .join(", ")
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

/// [`save_day`] for a day trained in `session`: each change also keeps its session and its
/// slot's and lift's state before it, so deleting the session can take the change back.
pub fn save_session_day(
    store: &Store,
    assignment: AssignmentId,
    session: crate::core::workout::session::SessionId,
    outcome: &DayOutcome,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<i64>, StoreError> {
    let states: Vec<(String, SlotState)> = outcome
        .after
        .states()
        .iter()
        .map(|(k, s)| (k.clone(), s.clone()))
        .collect();
    let lifts: Vec<(String, LiftState)> = outcome
        .after
        .lifts()
        .iter()
        .map(|(k, l)| (k.clone(), l.clone()))
        .collect();
    let new: Vec<NewChange> = outcome
        .changes
        .iter()
        .map(|c| {
            let mut change = new_change(c);
            let mut detail: serde_json::Value =
                serde_json::from_str(&change.detail).unwrap_or_default();
            detail["session"] = serde_json::json!(session.0);
            if let Some(s) = outcome.before.state(&c.key) {
                detail["before_slot"] = serde_json::json!({
                    "working_kg": s.working.map(Weight::kg),
                    "stage": s.stage,
                    "fails": s.fails,
                    "first_stage_kg": s.first_stage.map(Weight::kg),
                });
            }
            if let Some(l) = outcome.before.lift(&c.exercise) {
                detail["before_lift"] = serde_json::json!({
                    "exercise": c.exercise,
                    "max_kg": l.max.map(Weight::kg),
                    "tm_kg": l.tm.map(Weight::kg),
                    "short_in_cycle": l.short_in_cycle,
                });
            }
            change.detail = detail.to_string();
            change
        })
        .collect();
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
        // The maxes the run keeps stand for the lifts it started with: their history is not read.
        let kept: Vec<(String, crate::core::units::Weight)> = assignment
            .lifts
            .iter()
            .filter_map(|(exercise, lift)| lift.max.map(|m| (exercise.clone(), m)))
            .collect();
        let lifter = ProgramLifter::read(store, profile, &program, &kept, today)?;
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
        // A program starting ahead is laid out to four weeks past its start.
        let from = today.max(assignment.start);
        let until = from.checked_add_days(Days::new(AHEAD_DAYS)).unwrap_or(from);
        // A day whose session is open with no set logged yet is not done: it is still the day
        // to train (starting it marks it, so the mark waits for the first set to count).
        let mut marks = assignment.marks.clone();
        if let Some(last) = assignment.trained.last()
            && store
                .session(last.session)?
                .is_some_and(|s| s.ended_at.is_none() && s.set_count() == 0)
            && let Some(i) = marks.iter().rposition(|(seq, m)| {
                *seq == last.seq && matches!(m, crate::core::program::schedule::Mark::Done(_))
            })
        {
            marks.remove(i);
        }
        let calendar = lay_out(&spec, &marks, today, until);
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
        // This run's changes and the program's own edits, not an earlier run's.
        let mut changes = store.program_changes(assignment.program.id)?;
        changes.retain(|c| c.run.is_none_or(|r| r == assignment.id));
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
                    // Each line its own targets: one lift twice in a day is two lines.
                    sets: line_targets(l),
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

    /// The proposals the run's state and history call for now (`core::program::adapt`), left out
    /// when one of the same kind for the same lift is open or was declined in the last two
    /// weeks; each with the detail JSON that applies it.
    pub fn proposals(
        &self,
        deload: &crate::core::strength::deload::DeloadAdvice,
        deload_recorded: bool,
        today: NaiveDate,
    ) -> Vec<(Proposed, String)> {
        let mut outcomes: Vec<(String, Vec<Outcome>)> = Vec::new();
        // A slot's outcomes count from its last accepted proposal on: a reset accepted starts
        // its plateau count again.
        let answered = |slot: &str, at| {
            self.changes.iter().any(|c| {
                c.kind == "adaptive"
                    && c.status == "accepted"
                    && c.slot.as_deref() == Some(slot)
                    && c.at >= at
            })
        };
        for c in self
            .changes
            .iter()
            .filter(|c| c.kind == "progression" && c.status == "applied")
        {
            let Some(slot) = &c.slot else { continue };
            if answered(slot, c.at) {
                continue;
            }
            let detail: serde_json::Value = serde_json::from_str(&c.detail).unwrap_or_default();
            let moved = ["load_kg", "tm_kg", "max_kg"].iter().find_map(|k| {
                let pair = detail.get(*k)?.as_array()?;
                Some((pair.first()?.as_f64()?, pair.get(1)?.as_f64()?))
            });
            let outcome = match moved {
                Some((a, b)) if b > a + 1e-9 => Outcome::Up,
                Some((a, b)) if b < a - 1e-9 => Outcome::Down,
                _ => Outcome::Same,
            };
            match outcomes.iter_mut().find(|(s, _)| s == slot) {
                Some((_, list)) => list.push(outcome),
                None => outcomes.push((slot.clone(), vec![outcome])),
            }
        }
        let situation = Situation {
            program: &self.program,
            slots: &self.slots,
            outcomes: &outcomes,
            deload: deload.urgency,
            deload_recorded,
            deload_summary: &deload.summary,
            unit: self.lifter.lifter.unit,
        };
        let recent = today.checked_sub_days(Days::new(14)).unwrap_or(today);
        proposals(&situation)
            .into_iter()
            .filter(|p| {
                !self.changes.iter().any(|c| {
                    c.kind == "adaptive"
                        && c.slot.as_deref() == p.proposal.slot()
                        && c.detail.contains(&format!("\"code\":\"{}\"", p.proposal.code()))
                        && (c.status == "proposed"
                            || (c.status == "declined" && c.at.date_naive() >= recent))
                })
            })
            .map(|p| {
                let detail = match &p.proposal {
                    Proposal::Reset { slot, to, .. } => {
                        serde_json::json!({ "code": "reset", "slot": slot, "to_kg": to.kg() })
                    }
                    Proposal::FewerSets { slot, to, .. } => {
                        serde_json::json!({ "code": "fewer_sets", "slot": slot, "to": to })
                    }
                    Proposal::TmCut { exercise, to, .. } => {
                        serde_json::json!({ "code": "tm_cut", "exercise": exercise, "to_kg": to.kg() })
                    }
                    Proposal::DeloadWeek => serde_json::json!({ "code": "deload_week" }),
                };
                (p, detail.to_string())
            })
            .collect()
    }

    /// The proposals waiting for the lifter's answer.
    pub fn open_proposals(&self) -> impl Iterator<Item = &ChangeRow> {
        self.changes
            .iter()
            .filter(|c| c.kind == "adaptive" && c.status == "proposed")
    }

    /// Whether a day of the program was trained on `day`.
    pub fn trained_on(&self, day: NaiveDate) -> bool {
        self.calendar
            .iter()
            .any(|c| c.date == day && c.status == Status::Done)
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
