//! The pieces every heart-rate line chart shares — the live panel's last ten minutes and a past
//! session's whole recording: the line as braille runs broken where there was no heart rate,
//! the bpm range with room around it, and the bpm axis.

use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::widgets::{Axis, Dataset, GraphType};

use crate::core::units::format_number;
use crate::ui::theme::Theme;

/// The bpm range shown for runs of `(x, bpm)`: 10 bpm of room below and above, or 50–150
/// when there is nothing to show.
pub fn y_bounds<'a>(runs: impl IntoIterator<Item = &'a Vec<(f64, f64)>>) -> (f64, f64) {
    let values = runs.into_iter().flatten().map(|(_, y)| *y);
    let (low, high) = values.fold((f64::MAX, f64::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
    if low > high {
        (50.0, 150.0)
    } else {
        ((low - 10.0).max(0.0), high + 10.0)
    }
}

/// The heart-rate line: one braille dataset per run, so nothing is drawn across a gap.
pub fn lines(runs: &[Vec<(f64, f64)>], theme: Theme) -> Vec<Dataset<'_>> {
    let style = theme.colored(Color::Red);
    runs.iter()
        .filter(|r| !r.is_empty())
        .map(|r| {
            Dataset::default()
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(style)
                .data(r)
        })
        .collect()
}

/// The bpm axis from `low` to `high`; `middle` adds a label halfway.
pub fn y_axis(low: f64, high: f64, middle: bool, theme: Theme) -> Axis<'static> {
    let label = |v: f64| format_number(v.round());
    let labels = if middle {
        vec![label(low), label(f64::midpoint(low, high)), label(high)]
    } else {
        vec![label(low), label(high)]
    };
    Axis::default()
        .bounds([low, high])
        .labels(labels)
        .style(theme.dim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_range_leaves_room_and_has_a_default() {
        let runs = vec![vec![(0.0, 95.0), (1.0, 160.0)], vec![(3.0, 120.0)]];
        assert_eq!(y_bounds(&runs), (85.0, 170.0));
        assert_eq!(y_bounds(&Vec::<Vec<(f64, f64)>>::new()), (50.0, 150.0));
        assert_eq!(y_bounds(&vec![vec![(0.0, 5.0)]]), (0.0, 15.0));
    }

    #[test]
    fn empty_runs_draw_nothing() {
        let runs = vec![vec![(0.0, 95.0)], vec![], vec![(3.0, 120.0)]];
        assert_eq!(lines(&runs, Theme::new(true)).len(), 2);
    }
}
