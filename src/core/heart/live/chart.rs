//! The live chart's window: the last ten minutes of heart rate by source time, with a break
//! wherever the strap was silent longer than [`GAP_AFTER`].

use std::collections::VecDeque;
use std::time::Duration;

use crate::core::heart::sample::GAP_AFTER;
use crate::core::units::Bpm;

/// How much heart rate the chart keeps: the last ten minutes.
pub const CHART_WINDOW: Duration = Duration::from_secs(600);

/// Source time → bpm over the last [`CHART_WINDOW`]; `None` marks a break (a silence, or a
/// sample without a usable heart rate).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Chart {
    points: VecDeque<(Duration, Option<Bpm>)>,
}

impl Chart {
    /// Adds the sample at `at`: a silence longer than [`GAP_AFTER`] since the last one is a
    /// break, never a line; what is older than the window leaves it.
    pub(super) fn push(&mut self, at: Duration, bpm: Option<Bpm>) {
        if self
            .points
            .back()
            .is_some_and(|(last, _)| at.saturating_sub(*last) > GAP_AFTER)
        {
            self.points.push_back((at, None));
        }
        self.points.push_back((at, bpm));
        while self
            .points
            .front()
            .is_some_and(|(t, _)| at.saturating_sub(*t) > CHART_WINDOW)
        {
            self.points.pop_front();
        }
    }

    /// The points, oldest first.
    pub fn points(&self) -> impl Iterator<Item = (Duration, Option<Bpm>)> + '_ {
        self.points.iter().copied()
    }

    /// The newest point's source time: the chart's "now".
    pub fn latest(&self) -> Option<Duration> {
        self.points.back().map(|(t, _)| *t)
    }
}
