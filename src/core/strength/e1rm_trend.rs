//! One lift's e1RM trend over 8 weeks and its verdict — rising, flat or falling — fitted to each
//! week's best session outside recorded deload weeks. The one reading behind the progression
//! chart's trend, the insights, the deload check and `context`.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::core::strength::deload::week::DeloadWeek;
use crate::core::strength::history::week_start;
use crate::core::trend_line::{DAYS_PER_MONTH, WeightTrend, minus_days};
use crate::core::units::Weight;

/// Days in the window (8 weeks, ending today).
pub const WINDOW_DAYS: u64 = 56;
/// An e1RM trend gaining this much a month or more is increasing; under it (and not falling) it
/// is a plateau.
pub const E1RM_FLAT_PERCENT_PER_MONTH: f64 = 0.5;
/// An e1RM trend losing this much a month or more is decreasing ("falling", a warning) — if the
/// fall also stands out from the weeks' scatter ([`E1RM_FALLING_T`]); otherwise, under
/// [`E1RM_FLAT_PERCENT_PER_MONTH`], it is a plateau.
pub const E1RM_FALLING_PERCENT_PER_MONTH: f64 = 2.0;
/// How many standard errors below zero a falling slope must be. Week-to-week e1RM scatter of
/// ~3 % fits slopes of ±2 %/month on flat data over 8 weeks about a third of the time; a slope
/// two standard errors down is a fall, not noise.
pub const E1RM_FALLING_T: f64 = -2.0;
/// Weeks with an e1RM in the window a lift needs for a trend: the fewest points a slope's
/// standard error (and so the e1RM verdict) can be read from.
pub const MIN_SESSIONS: usize = 3;
/// Weeks with an e1RM in the window before the verdict is said out loud as a plateau or a fall
/// (the insights, the deload check).
pub const VERDICT_MIN_WEEKS: usize = 4;
/// Days from the first to the last of them (6 weeks) before the verdict is said out loud.
pub const VERDICT_MIN_SPAN_DAYS: i64 = 42;

/// The points an e1RM trend is fitted to, oldest first, from `(date, e1RM)` points (any
/// order): each week's best (dated by its session), points inside a recorded deload week left
/// out. Every e1RM trend the lifter sees — the progression chart, the insights, `context` — is
/// fitted to these. O(n log n).
pub fn trend_points(
    points: impl IntoIterator<Item = (NaiveDate, Weight)>,
    deloads: &[DeloadWeek],
) -> Vec<(NaiveDate, Weight)> {
    let mut weeks: BTreeMap<NaiveDate, (NaiveDate, Weight)> = BTreeMap::new();
    for (date, e1rm) in points {
        if deloads.iter().any(|d| d.covers(date)) {
            continue;
        }
        weeks
            .entry(week_start(date))
            .and_modify(|best| {
                if e1rm.kg() > best.1.kg() {
                    *best = (date, e1rm);
                }
            })
            .or_insert((date, e1rm));
    }
    weeks.into_values().collect()
}

/// One lift's e1RM over the 8 weeks ending a day: the line fitted to [`trend_points`] and its
/// verdict — the one reading of "is this lift rising, flat or falling" behind the progression
/// chart's trend, the insights, the deload check and `context`.
#[derive(Debug, Clone, PartialEq)]
pub struct E1rmTrend {
    /// Weeks with an e1RM in the window (deload weeks left out).
    pub weeks: usize,
    /// The fitted line with its ends.
    pub e1rm: WeightTrend,
    /// Fitted end vs fitted start, percent.
    pub change_percent: f64,
    /// The slope per month as a percentage of the fitted start.
    pub percent_per_month: f64,
    /// The standard error of `percent_per_month`; `None` under three points.
    pub percent_per_month_se: Option<f64>,
    /// [`Direction::of_e1rm`].
    pub direction: Direction,
}

impl E1rmTrend {
    /// The trend of a lift's `(date, e1RM)` points (any order) over the 8 weeks ending `today`,
    /// points in `deloads` left out; `None` under [`MIN_SESSIONS`] weeks.
    pub fn fit(
        points: impl IntoIterator<Item = (NaiveDate, Weight)>,
        deloads: &[DeloadWeek],
        today: NaiveDate,
    ) -> Option<E1rmTrend> {
        let from = minus_days(today, WINDOW_DAYS - 1);
        let window = points
            .into_iter()
            .filter(|(date, _)| *date >= from && *date <= today);
        let points = trend_points(window, deloads);
        if points.len() < MIN_SESSIONS {
            return None;
        }
        let e1rm = WeightTrend::fit(&points)?;
        let percent_per_month = e1rm.percent_per_month()?;
        // The SE scales like the slope: per day → per month → % of the (positive) fitted start.
        let percent_per_month_se = e1rm
            .line
            .slope_se_per_day
            .map(|se| se * DAYS_PER_MONTH / e1rm.line.start_value * 100.0);
        Some(E1rmTrend {
            weeks: points.len(),
            change_percent: e1rm.line.change_percent()?,
            percent_per_month,
            percent_per_month_se,
            direction: Direction::of_e1rm(percent_per_month, e1rm.line.t_value()),
            e1rm,
        })
    }

    /// The verdict said out loud — plateau or fall in the insights, a fall in the deload check —
    /// once the trend spans [`VERDICT_MIN_WEEKS`] weeks over [`VERDICT_MIN_SPAN_DAYS`] days;
    /// `None` before (too short to speak for the lift).
    pub fn verdict(&self) -> Option<Direction> {
        (self.weeks >= VERDICT_MIN_WEEKS && self.e1rm.line.span_days() >= VERDICT_MIN_SPAN_DAYS)
            .then_some(self.direction)
    }
}

/// Which way a trend goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Increasing,
    Plateau,
    Decreasing,
}

impl Direction {
    /// The direction of a change of `percent_per_month`, flat within ±`flat`.
    pub fn of(percent_per_month: f64, flat: f64) -> Direction {
        if percent_per_month >= flat {
            Direction::Increasing
        } else if percent_per_month <= -flat {
            Direction::Decreasing
        } else {
            Direction::Plateau
        }
    }

    /// The direction of an e1RM trend of `percent_per_month` whose slope is `t_value` standard
    /// errors from zero: increasing from [`E1RM_FLAT_PERCENT_PER_MONTH`] up, decreasing only when
    /// it loses [`E1RM_FALLING_PERCENT_PER_MONTH`] or more *and* `t_value` is
    /// [`E1RM_FALLING_T`] or lower (no `t_value`, no fall), otherwise a plateau.
    pub fn of_e1rm(percent_per_month: f64, t_value: Option<f64>) -> Direction {
        if percent_per_month >= E1RM_FLAT_PERCENT_PER_MONTH {
            Direction::Increasing
        } else if percent_per_month <= -E1RM_FALLING_PERCENT_PER_MONTH
            && t_value.is_some_and(|t| t <= E1RM_FALLING_T)
        {
            Direction::Decreasing
        } else {
            Direction::Plateau
        }
    }

    /// "increasing", "plateau" or "decreasing".
    pub fn label(self) -> &'static str {
        match self {
            Direction::Increasing => "increasing",
            Direction::Plateau => "plateau",
            Direction::Decreasing => "decreasing",
        }
    }
}
