//! The review screens' own state: one lift's progression and the training-load view. The rows
//! come from the store once; a range change recomputes from them with the pure core calls, with
//! no new read.

use chrono::NaiveDate;

use crate::core::load::acwr::Method;
use crate::core::review::MuscleSets;
use crate::core::review::hrv::{HrvTrend, hrv_trend};
use crate::core::review::load::{TrainingLoad, training_load};
use crate::core::review::muscles::{MuscleWeeks, sets_per_week};
use crate::core::review::progress::{Progress, progress};
use crate::core::review::range::Range;
use crate::core::strength::deload::DeloadWeek;
use crate::core::strength::history::PerformanceSummary;
use crate::core::workout::exercise::ExerciseId;
use crate::read::progress_rows::MUSCLE_RANGE;
use crate::read::{LoadRows, ProgressRows};

/// The muscle table's range for the chart's `range`: the same when shorter than
/// [`MUSCLE_RANGE`], else its last weeks.
pub fn muscle_range(range: Range) -> Range {
    if range == Range::Weeks4 {
        Range::Weeks4
    } else {
        MUSCLE_RANGE
    }
}

/// The progression screen: one lift's e1RM, top sets and volume, and the muscle table.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressScreen {
    /// The day the rows were read for (UTC, like every stored date).
    pub today: NaiveDate,
    pub range: Range,
    /// Lifts trained, the most recently trained first (Up/Down step through them).
    pub lifts: Vec<ExerciseId>,
    /// The lift on screen.
    pub exercise: Option<ExerciseId>,
    /// Every session of the lift.
    pub history: Vec<PerformanceSummary>,
    /// Working sets per muscle over the muscle table's weeks.
    pub muscles: Vec<MuscleSets>,
    /// Recorded deloads, left out of the trend.
    pub deloads: Vec<DeloadWeek>,
    /// What the chart draws, for `range`.
    pub progress: Progress,
    /// Sets per muscle group per week, for [`muscle_range`] of `range`.
    pub muscle_weeks: MuscleWeeks,
    /// Waiting for the store.
    pub loading: bool,
}

impl ProgressScreen {
    /// An empty screen waiting for its rows.
    pub fn new(today: NaiveDate, range: Range) -> ProgressScreen {
        ProgressScreen {
            today,
            range,
            lifts: Vec::new(),
            exercise: None,
            history: Vec::new(),
            muscles: Vec::new(),
            deloads: Vec::new(),
            progress: progress(&[], &[], range, today),
            muscle_weeks: sets_per_week(&[], muscle_range(range), today),
            loading: true,
        }
    }

    /// Takes the store's rows and recomputes.
    pub fn apply(&mut self, rows: ProgressRows) {
        if let Some(lifts) = rows.lifts {
            self.lifts = lifts;
        }
        if let Some(muscles) = rows.muscles {
            self.muscles = muscles;
        }
        if let Some(deloads) = rows.deloads {
            self.deloads = deloads;
        }
        self.exercise = rows.exercise;
        self.history = rows.history;
        self.loading = false;
        self.recompute();
    }

    /// Shows `range`, from the rows already held.
    pub fn set_range(&mut self, range: Range) {
        self.range = range;
        self.recompute();
    }

    fn recompute(&mut self) {
        self.progress = progress(&self.history, &self.deloads, self.range, self.today);
        self.muscle_weeks = sets_per_week(&self.muscles, muscle_range(self.range), self.today);
    }

    /// The lift `step` places from the one on screen in [`Self::lifts`] (wrapping); the first
    /// lift when the one on screen is not in the list.
    pub fn step(&self, step: isize) -> Option<ExerciseId> {
        let len = self.lifts.len();
        if len == 0 {
            return None;
        }
        let at = self
            .exercise
            .and_then(|e| self.lifts.iter().position(|l| *l == e));
        let index = match at {
            Some(at) => (at as isize + step).rem_euclid(len as isize) as usize,
            None => 0,
        };
        self.lifts.get(index).copied()
    }
}

/// The parts of the training-load screen on a small terminal, one at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LoadPanel {
    /// Daily load, fitness / fatigue / form and ACWR.
    #[default]
    LoadForm,
    /// Weekly hrTSS, measured and estimated.
    Weekly,
    /// Time in zones per week, polarisation and resting HRV.
    ZonesHrv,
}

impl LoadPanel {
    /// Every panel, in the order the panel key cycles through.
    pub const ALL: [LoadPanel; 3] = [LoadPanel::LoadForm, LoadPanel::Weekly, LoadPanel::ZonesHrv];

    /// The panel's tab label.
    pub fn label(self) -> &'static str {
        match self {
            LoadPanel::LoadForm => "Load & form",
            LoadPanel::Weekly => "Weekly",
            LoadPanel::ZonesHrv => "Zones & HRV",
        }
    }

    fn position(self) -> usize {
        LoadPanel::ALL.iter().position(|&p| p == self).unwrap_or(0)
    }

    /// The next panel, wrapping.
    #[must_use]
    pub fn next(self) -> LoadPanel {
        LoadPanel::ALL[(self.position() + 1) % LoadPanel::ALL.len()]
    }

    /// The previous panel, wrapping.
    #[must_use]
    pub fn prev(self) -> LoadPanel {
        LoadPanel::ALL[(self.position() + LoadPanel::ALL.len() - 1) % LoadPanel::ALL.len()]
    }
}

/// The training-load screen.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadScreen {
    /// The day the rows were read for.
    pub today: NaiveDate,
    pub range: Range,
    /// How ACWR is averaged.
    pub method: Method,
    /// The panel shown on a small terminal.
    pub panel: LoadPanel,
    /// The rows, once read.
    pub rows: Option<LoadRows>,
    /// What the charts draw, for `range`; `None` until the rows are read.
    pub load: Option<TrainingLoad>,
    /// The resting HRV trend for `range`.
    pub hrv: Option<HrvTrend>,
    /// Waiting for the store.
    pub loading: bool,
}

impl LoadScreen {
    /// An empty screen waiting for its rows.
    pub fn new(today: NaiveDate, range: Range) -> LoadScreen {
        LoadScreen {
            today,
            range,
            method: Method::default(),
            panel: LoadPanel::default(),
            rows: None,
            load: None,
            hrv: None,
            loading: true,
        }
    }

    /// Takes the store's rows and recomputes.
    pub fn apply(&mut self, rows: LoadRows) {
        self.rows = Some(rows);
        self.loading = false;
        self.recompute();
    }

    /// Shows `range`, from the rows already held.
    pub fn set_range(&mut self, range: Range) {
        self.range = range;
        self.recompute();
    }

    fn recompute(&mut self) {
        let Some(rows) = &self.rows else {
            return;
        };
        self.load = Some(training_load(
            &rows.sessions,
            self.range,
            self.today,
            self.method,
        ));
        self.hrv = Some(hrv_trend(&rows.hrv, self.range, self.today));
    }
}
