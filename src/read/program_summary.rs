//! The running program as the dashboard shows it: where the lifter is in it, how closely they
//! have followed it, and the day to train (or the next one). Made from a [`ProgramRun`], kept
//! small: only what the dashboard draws.

use chrono::NaiveDate;

use crate::core::program::adherence::Counts;
use crate::core::program::plan::{DayPlan, PlannedLine};
use crate::core::units::Weight;
use crate::read::ProgramRun;
use crate::store::RunStatus;

/// One exercise of a day in a few words: its working sets as `sets × reps` at the top load.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkSummary {
    /// The catalogue's name.
    pub exercise: String,
    /// Working sets.
    pub sets: usize,
    /// Each working set's reps, in order (equal for most lines).
    pub reps: Vec<u16>,
    /// Whether any working set is as many reps as possible.
    pub amrap: bool,
    /// The heaviest working load (None: the lifter chooses).
    pub top: Option<Weight>,
    /// Whether the working loads differ (ramps, back-offs): `top` is then the heaviest.
    pub ramped: bool,
}

impl WorkSummary {
    fn of(line: &PlannedLine) -> WorkSummary {
        let working: Vec<_> = line.working().collect();
        let top = working
            .iter()
            .filter_map(|s| s.weight)
            .max_by(|a, b| a.kg().total_cmp(&b.kg()));
        let first = working.first().and_then(|s| s.weight);
        WorkSummary {
            exercise: line.exercise.clone(),
            sets: working.len(),
            reps: working.iter().map(|s| s.reps.min).collect(),
            amrap: working.iter().any(|s| s.amrap),
            top,
            ramped: working.iter().any(|s| s.weight != first),
        }
    }
}

/// The day to train, or the next one.
#[derive(Debug, Clone, PartialEq)]
pub struct DaySummary {
    /// The day's date on the calendar (before today for a day the plan waits for).
    pub date: NaiveDate,
    /// The program's name for the day: `A1`, `Mon`.
    pub name: String,
    pub title: Option<String>,
    pub deload: bool,
    pub work: Vec<WorkSummary>,
}

impl DaySummary {
    fn of(date: NaiveDate, plan: &DayPlan) -> DaySummary {
        DaySummary {
            date,
            name: plan.name.clone(),
            title: plan.title.clone(),
            deload: plan.deload,
            work: plan
                .lines
                .iter()
                .map(WorkSummary::of)
                .filter(|w| w.sets > 0)
                .collect(),
        }
    }
}

/// The running program, for the dashboard.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgramSummary {
    pub name: String,
    pub status: RunStatus,
    /// The week the lifter is in ([`ProgramRun::current_week`]).
    pub week: u16,
    /// Weeks in the whole program (None: open-ended).
    pub weeks: Option<u16>,
    /// Days done or passed over of the total, as a percent (None: open-ended).
    pub progress: Option<f64>,
    /// Adherence over every day due so far.
    pub adherence: Counts,
    /// The day to train today (its date before today when the plan waits for it).
    pub today: Option<DaySummary>,
    /// The next planned day after today's.
    pub next: Option<DaySummary>,
    /// A day of the program was trained today.
    pub done_today: bool,
}

impl ProgramSummary {
    /// What the dashboard shows of `run`, as of `today` (the day it was read for).
    pub fn of(run: &ProgramRun, today: NaiveDate) -> ProgramSummary {
        ProgramSummary {
            name: run.program.meta.name.clone(),
            status: run.assignment.status,
            week: run.current_week(),
            weeks: run.total_weeks(),
            progress: run.progress,
            adherence: run.adherence.overall,
            today: run.today.as_ref().map(|(c, p)| DaySummary::of(c.date, p)),
            next: run.next.as_ref().map(|(c, p)| DaySummary::of(c.date, p)),
            done_today: run.trained_on(today),
        }
    }
}
