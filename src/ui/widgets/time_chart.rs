//! Charts over dates: days since the first date on the x axis, labelled with the first, middle
//! and last date; a value axis with round bounds. The data come from core; this only places them.

use chrono::NaiveDate;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType};

use crate::core::review::range::Range;
use crate::core::units::format_number;
use crate::ui::theme::Theme;

/// Spans longer than this many days label their dates with month and year.
const LONG_SPAN_DAYS: i64 = 300;

/// The legend's swatch for a series drawn as a braille line.
pub const LINE_KEY: &str = "⠤⠒";

/// The range in the chart's corner: every choice when there is room, the current one otherwise.
pub fn range_tabs(current: Range, width: u16, theme: Theme) -> Line<'static> {
    let mut spans = Vec::new();
    if width >= 70 {
        for range in Range::ALL {
            if range == current {
                spans.push(Span::styled(format!("[{}]", range.label()), theme.title()));
            } else {
                spans.push(Span::styled(format!(" {} ", range.label()), theme.dim()));
            }
        }
        spans.push(Span::raw(" "));
    } else {
        spans.push(Span::styled(
            format!(" {} ", current.label()),
            theme.title(),
        ));
    }
    Line::from(spans).right_aligned()
}

/// The x coordinate of `date`: days after `from`.
pub fn x(from: NaiveDate, date: NaiveDate) -> f64 {
    (date - from).num_days() as f64
}

/// A date as day and month, "3 Sep": how tables name a day or a week.
pub fn day_month(date: NaiveDate) -> String {
    date.format("%-d %b").to_string()
}

fn format(from: NaiveDate, to: NaiveDate, date: NaiveDate) -> String {
    if (to - from).num_days() > LONG_SPAN_DAYS {
        date.format("%b %Y").to_string()
    } else {
        day_month(date)
    }
}

/// The first, middle and last date of the span, as the axis shows them ("3 Sep" or "Sep 2025").
pub fn date_labels(from: NaiveDate, to: NaiveDate) -> [String; 3] {
    let middle = from + (to - from) / 2;
    [
        format(from, to, from),
        format(from, to, middle),
        format(from, to, to),
    ]
}

/// A line of `width` cells with the first date at the left and the last at the right (under
/// bars, which have no axis of their own).
pub fn date_line(from: NaiveDate, to: NaiveDate, width: u16, theme: Theme) -> Line<'static> {
    let [first, _, last] = date_labels(from, to);
    let room = usize::from(width).saturating_sub(first.chars().count() + last.chars().count());
    Line::from(vec![
        Span::styled(first, theme.dim()),
        Span::raw(" ".repeat(room)),
        Span::styled(last, theme.dim()),
    ])
}

/// Round bounds around `low`–`high` with a little room: 120–145 becomes 115–150.
pub fn nice_bounds(low: f64, high: f64) -> (f64, f64) {
    let (low, high) = if low <= high {
        (low, high)
    } else {
        (high, low)
    };
    let span = high - low;
    if !span.is_finite() {
        return (0.0, 1.0);
    }
    if span < 1e-9 {
        let pad = (high.abs() * 0.05).max(1.0);
        return nice_bounds(low - pad, high + pad);
    }
    let step = 10f64.powf(span.log10().floor()) / 2.0;
    let pad = span * 0.05;
    let lower = ((low - pad) / step).floor() * step;
    // Values that are never negative keep a bound of 0 rather than going under it.
    let lower = if low >= 0.0 { lower.max(0.0) } else { lower };
    let mut upper = ((high + pad) / step).ceil() * step;
    // An even number of steps puts the middle label on a step too.
    if ((upper - lower) / step).round() as i64 % 2 == 1 {
        upper += step;
    }
    (lower, upper)
}

/// [`nice_bounds`] around the lowest and highest of `values` (0–1 when there are none).
pub fn value_bounds(values: impl IntoIterator<Item = f64>) -> (f64, f64) {
    let (low, high) = values
        .into_iter()
        .fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
    nice_bounds(low, high)
}

/// The value labels for `bounds`: bottom, middle, top.
pub fn value_labels(bounds: (f64, f64)) -> [String; 3] {
    let (low, high) = bounds;
    [
        format_number(low),
        format_number(f64::midpoint(low, high)),
        format_number(high),
    ]
}

/// `points` (`(x, value)`, x ascending from 0 to `span`) with at most one per slice of the x
/// axis when there are more than `slices`: the highest of each, at its own x. A braille cell is
/// two dots across, so a ten-year line of weekly points in 60 columns would only smear into a
/// band; the best of each slice keeps its peaks and its shape.
pub fn highest_per_slice(points: &[(f64, f64)], span: f64, slices: usize) -> Vec<(f64, f64)> {
    if points.len() <= slices || slices == 0 || span <= 0.0 {
        return points.to_vec();
    }
    let slice_of = |x: f64| ((x / span * slices as f64).floor() as usize).min(slices - 1);
    let mut out: Vec<(f64, f64)> = Vec::with_capacity(slices);
    let mut last_slice = None;
    for &(x, value) in points {
        let slice = slice_of(x);
        match out.last_mut() {
            Some(kept) if last_slice == Some(slice) => {
                if value > kept.1 {
                    *kept = (x, value);
                }
            }
            _ => {
                out.push((x, value));
                last_slice = Some(slice);
            }
        }
    }
    out
}

/// A series of `(x, value)` points drawn as a line with `marker`.
pub fn line(points: &[(f64, f64)], marker: Marker, style: ratatui::style::Style) -> Dataset<'_> {
    Dataset::default()
        .marker(marker)
        .graph_type(GraphType::Line)
        .style(style)
        .data(points)
}

/// Points drawn on their own with `marker`.
pub fn scatter(points: &[(f64, f64)], marker: Marker, style: ratatui::style::Style) -> Dataset<'_> {
    Dataset::default()
        .marker(marker)
        .graph_type(GraphType::Scatter)
        .style(style)
        .data(points)
}

/// A chart of `datasets` from `from` to `to` with the value axis over `bounds`, labelled with
/// `labels` (bottom to top).
pub fn chart(
    datasets: Vec<Dataset<'_>>,
    from: NaiveDate,
    to: NaiveDate,
    bounds: (f64, f64),
    labels: [String; 3],
    theme: Theme,
) -> Chart<'_> {
    Chart::new(datasets)
        .x_axis(
            Axis::default()
                .bounds([0.0, x(from, to).max(1.0)])
                .labels(date_labels(from, to))
                .style(theme.dim()),
        )
        .y_axis(
            Axis::default()
                .bounds([bounds.0, bounds.1])
                .labels(labels)
                .style(theme.dim()),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn bounds_are_round_and_leave_room() {
        // 115–150 is seven steps of 5: one more makes the middle 135.
        assert_eq!(nice_bounds(120.0, 145.0), (115.0, 155.0));
        assert_eq!(nice_bounds(0.0, 87.0), (0.0, 100.0));
        assert_eq!(nice_bounds(100.0, 100.0), (90.0, 110.0));
        assert_eq!(nice_bounds(-12.0, 30.0), (-15.0, 35.0));
        assert_eq!(value_labels((115.0, 155.0)), ["115", "135", "155"]);
    }

    #[test]
    fn value_bounds_span_the_lowest_and_highest_value() {
        assert_eq!(value_bounds([145.0, 120.0, 130.0]), (115.0, 155.0));
        assert_eq!(value_bounds([]), (0.0, 1.0));
    }

    #[test]
    fn dense_points_keep_the_highest_of_each_slice() {
        // Ten points over 0–9 into 3 slices of 3 days: [0, 3), [3, 6), [6, 9].
        let points: Vec<(f64, f64)> = [5.0, 9.0, 7.0, 1.0, 2.0, 3.0, 8.0, 4.0, 6.0, 0.0]
            .into_iter()
            .enumerate()
            .map(|(i, v)| (i as f64, v))
            .collect();
        assert_eq!(
            highest_per_slice(&points, 9.0, 3),
            [(1.0, 9.0), (5.0, 3.0), (6.0, 8.0)]
        );
        // Few enough points are drawn as they are.
        assert_eq!(highest_per_slice(&points, 9.0, 10), points);
        assert_eq!(highest_per_slice(&[], 9.0, 3), []);
    }

    #[test]
    fn dates_read_by_day_or_by_month_for_long_spans() {
        assert_eq!(
            date_labels(day(2025, 9, 1), day(2025, 11, 20)),
            ["1 Sep", "11 Oct", "20 Nov"]
        );
        assert_eq!(
            date_labels(day(2024, 11, 18), day(2025, 11, 20)),
            ["Nov 2024", "May 2025", "Nov 2025"]
        );
        assert_eq!(day_month(day(2025, 9, 3)), "3 Sep");
        assert!((x(day(2025, 9, 1), day(2025, 9, 8)) - 7.0).abs() < 1e-12);
    }
}
