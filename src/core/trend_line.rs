//! A least-squares straight line through dated values, and its slope per month.

use chrono::{Days, NaiveDate};

use crate::core::units::{Unit, Weight};

/// The mean length of a month in days (365.25 / 12): slopes per day × this = per month.
pub const DAYS_PER_MONTH: f64 = 30.4375;

/// An ordinary least-squares line `value = start_value + slope_per_day · (date − first)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrendLine {
    /// The earliest date among the points.
    pub first: NaiveDate,
    /// The latest date among the points.
    pub last: NaiveDate,
    /// How many points the line was fitted to.
    pub points: usize,
    /// Change per day, in the unit of the values.
    pub slope_per_day: f64,
    /// The fitted value on `first`.
    pub start_value: f64,
    /// The fitted value on `last`.
    pub end_value: f64,
    /// Change per month (slope × 30.4375), in the unit of the values.
    pub per_month: f64,
    /// `per_month` as a percentage of the fitted start value; `None` when that is not positive.
    pub percent_per_month: Option<f64>,
    /// The standard error of `slope_per_day` (residual variance over n − 2, divided by the
    /// spread of the dates); `None` with fewer than three points. How far the slope is from 0 in
    /// these units says whether a trend stands out from the points' scatter.
    pub slope_se_per_day: Option<f64>,
}

impl TrendLine {
    /// Fits a line through `(date, value)` points in any order. `None` with fewer than two
    /// distinct dates or a non-finite value.
    pub fn fit(points: &[(NaiveDate, f64)]) -> Option<TrendLine> {
        let first = points.iter().map(|p| p.0).min()?;
        let last = points.iter().map(|p| p.0).max()?;
        if first == last || points.iter().any(|p| !p.1.is_finite()) {
            return None;
        }
        // Centred sums keep the arithmetic well-conditioned over long spans.
        let n = points.len() as f64;
        let x = |d: NaiveDate| (d - first).num_days() as f64;
        let mean_x = points.iter().map(|p| x(p.0)).sum::<f64>() / n;
        let mean_y = points.iter().map(|p| p.1).sum::<f64>() / n;
        let (sxy, sxx) = points.iter().fold((0.0, 0.0), |(sxy, sxx), p| {
            let dx = x(p.0) - mean_x;
            (sxy + dx * (p.1 - mean_y), sxx + dx * dx)
        });
        let slope_per_day = sxy / sxx;
        let start_value = mean_y - slope_per_day * mean_x;
        let per_month = slope_per_day * DAYS_PER_MONTH;
        let residuals: f64 = points
            .iter()
            .map(|p| (p.1 - (start_value + slope_per_day * x(p.0))).powi(2))
            .sum();
        let slope_se_per_day = (points.len() >= 3).then(|| (residuals / (n - 2.0) / sxx).sqrt());
        Some(TrendLine {
            first,
            last,
            points: points.len(),
            slope_per_day,
            start_value,
            end_value: start_value + slope_per_day * x(last),
            per_month,
            percent_per_month: (start_value > 0.0).then(|| per_month / start_value * 100.0),
            slope_se_per_day,
        })
    }

    /// The fitted value on any date.
    pub fn value_at(&self, date: NaiveDate) -> f64 {
        self.start_value + self.slope_per_day * (date - self.first).num_days() as f64
    }

    /// The slope in standard errors (`None` with fewer than three points): below −2 the line
    /// falls clearly beyond the scatter of its points; a perfect fit gives ±infinity.
    pub fn t_value(&self) -> Option<f64> {
        self.slope_se_per_day.map(|se| {
            if se > 0.0 {
                self.slope_per_day / se
            } else {
                self.slope_per_day.signum() * f64::INFINITY
            }
        })
    }

    /// Days from the first to the last point.
    pub fn span_days(&self) -> i64 {
        (self.last - self.first).num_days()
    }

    /// Whole weeks from the first to the last point, rounded to the nearest.
    pub fn span_weeks(&self) -> i64 {
        (self.span_days() + 3) / 7
    }

    /// The change from the fitted start to the fitted end, as a percentage of the start; `None`
    /// when the start is not positive.
    pub fn change_percent(&self) -> Option<f64> {
        (self.start_value > 0.0)
            .then(|| (self.end_value - self.start_value) / self.start_value * 100.0)
    }
}

/// A trend of weights (e1RMs) in kilograms, with its ends as [`Weight`]s for display in any unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeightTrend {
    /// The line, fitted in kilograms.
    pub line: TrendLine,
    /// The fitted weight on the first date (0 if the line starts below zero).
    pub start: Weight,
    /// The fitted weight on the last date (0 if the line ends below zero).
    pub end: Weight,
}

impl WeightTrend {
    /// Fits the trend through dated weights; `None` as for [`TrendLine::fit`].
    pub fn fit(points: &[(NaiveDate, Weight)]) -> Option<WeightTrend> {
        let kg: Vec<(NaiveDate, f64)> = points.iter().map(|&(d, w)| (d, w.kg())).collect();
        let line = TrendLine::fit(&kg)?;
        let weight = |kg: f64| Weight::from_kg(kg.max(0.0)).unwrap_or(Weight::ZERO);
        Some(WeightTrend {
            start: weight(line.start_value),
            end: weight(line.end_value),
            line,
        })
    }

    /// Change per month in `unit` (negative when falling).
    pub fn per_month_in(&self, unit: Unit) -> f64 {
        self.line.per_month / unit.kg_factor()
    }

    /// Change per month as a percentage of the fitted start.
    pub fn percent_per_month(&self) -> Option<f64> {
        self.line.percent_per_month
    }
}

/// The date `days` after `date` (saturating at the calendar's end).
pub(crate) fn plus_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap_or(date)
}

/// The date `days` before `date` (saturating at the calendar's start).
pub(crate) fn minus_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_sub_days(Days::new(days)).unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 1, d).unwrap()
    }

    #[test]
    fn exact_points_on_a_line() {
        // 100 kg on Jan 1 rising 0.5 kg a day: 100, 105 (day 10), 115 (day 30).
        let line = TrendLine::fit(&[(day(31), 115.0), (day(1), 100.0), (day(11), 105.0)]).unwrap();
        assert!((line.slope_per_day - 0.5).abs() < 1e-12);
        assert!((line.start_value - 100.0).abs() < 1e-9);
        assert!((line.end_value - 115.0).abs() < 1e-9);
        assert!((line.per_month - 15.218_75).abs() < 1e-9);
        assert!((line.percent_per_month.unwrap() - 15.218_75).abs() < 1e-9);
        assert!((line.change_percent().unwrap() - 15.0).abs() < 1e-9);
        assert_eq!((line.first, line.last, line.points), (day(1), day(31), 3));
        assert_eq!((line.span_days(), line.span_weeks()), (30, 4));
        assert!((line.value_at(day(21)) - 110.0).abs() < 1e-9);
    }

    #[test]
    fn least_squares_through_scattered_points() {
        // x = 0, 1, 2, 3 with y = 1, 3, 2, 4: slope = 5/5 · … by hand: mean x 1.5, mean y 2.5,
        // Sxy = (−1.5)(−1.5) + (−0.5)(0.5) + (0.5)(−0.5) + (1.5)(1.5) = 4, Sxx = 5 → slope 0.8,
        // intercept 2.5 − 0.8 · 1.5 = 1.3.
        let line =
            TrendLine::fit(&[(day(1), 1.0), (day(2), 3.0), (day(3), 2.0), (day(4), 4.0)]).unwrap();
        assert!((line.slope_per_day - 0.8).abs() < 1e-12);
        assert!((line.start_value - 1.3).abs() < 1e-12);
        assert!((line.end_value - 3.7).abs() < 1e-12);
        // Residuals −0.3, 0.9, −0.9, 0.3: 1.8 / (4 − 2) / Sxx 5 = 0.18 → SE 0.424264, t 1.8856.
        assert!((line.slope_se_per_day.unwrap() - 0.18_f64.sqrt()).abs() < 1e-12);
        assert!((line.t_value().unwrap() - 0.8 / 0.18_f64.sqrt()).abs() < 1e-12);
        // A perfect fit stands out infinitely; two points say nothing about scatter.
        let exact = TrendLine::fit(&[(day(1), 3.0), (day(2), 2.0), (day(3), 1.0)]).unwrap();
        assert_eq!(exact.t_value(), Some(f64::NEG_INFINITY));
        let two = TrendLine::fit(&[(day(1), 1.0), (day(2), 2.0)]).unwrap();
        assert_eq!((two.slope_se_per_day, two.t_value()), (None, None));
    }

    #[test]
    fn one_date_is_no_line_and_a_zero_start_has_no_percentage() {
        assert_eq!(TrendLine::fit(&[]), None);
        assert_eq!(TrendLine::fit(&[(day(1), 1.0), (day(1), 2.0)]), None);
        assert_eq!(TrendLine::fit(&[(day(1), 1.0), (day(2), f64::NAN)]), None);
        let line = TrendLine::fit(&[(day(1), 0.0), (day(2), 2.0)]).unwrap();
        assert_eq!(line.percent_per_month, None);
        assert_eq!(line.change_percent(), None);
    }

    #[test]
    fn weight_trends_read_in_any_unit() {
        let kg = |v| Weight::from_kg(v).unwrap();
        let trend = WeightTrend::fit(&[(day(1), kg(100.0)), (day(31), kg(115.0))]).unwrap();
        assert!((trend.start.kg() - 100.0).abs() < 1e-9);
        assert!((trend.end.kg() - 115.0).abs() < 1e-9);
        assert!((trend.per_month_in(Unit::Kg) - 15.218_75).abs() < 1e-9);
        assert!((trend.per_month_in(Unit::Lb) - 15.218_75 / 0.453_592_37).abs() < 1e-9);
        assert!((trend.percent_per_month().unwrap() - 15.218_75).abs() < 1e-9);
    }
}
