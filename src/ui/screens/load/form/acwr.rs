//! The acute:chronic workload ratio per day against its bands, with its key.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::Dataset;

use super::super::{BAND_MARK, band_style, span};
use super::bare_chart;
use crate::core::review::load::TrainingLoad;
use crate::ui::theme::Theme;
use crate::ui::widgets::time_chart::{self, LINE_KEY};

/// The ACWR band edges drawn as reference lines (`core::load::acwr::Band`).
const BAND_EDGES: [f64; 3] = [0.8, 1.3, 1.5];

/// The key line in `key` and the chart in `area`: the ratio over its band edges.
pub(super) fn render(frame: &mut Frame, key: Rect, area: Rect, load: &TrainingLoad, theme: Theme) {
    let (from, to) = span(load);
    let style = theme.colored(Color::Cyan);
    let mut spans = vec![Span::styled(format!("{LINE_KEY} ACWR "), style)];
    match load.end.and_then(|e| e.acwr.zip(e.band)) {
        Some((ratio, band)) => {
            spans.push(Span::styled(format!("{ratio:.2} "), theme.title()));
            spans.push(Span::styled(band.label(), band_style(band, theme)));
        }
        None => spans.push(Span::styled("not enough data (28 days)", theme.dim())),
    }
    spans.push(Span::styled(
        format!("  {BAND_MARK} bands 0.8 · 1.3 · 1.5"),
        theme.dim(),
    ));
    frame.render_widget(Line::from(spans), key);
    // One line per run of days with a ratio (none in the first 28 days or after a long break).
    let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
    for d in &load.days {
        match d.acwr {
            Some(r) => {
                if let Some(run) = runs.last_mut() {
                    run.push((time_chart::x(from, d.date), r));
                }
            }
            None => runs.push(Vec::new()),
        }
    }
    let bounds = acwr_bounds(load.days.iter().filter_map(|d| d.acwr));
    let days = time_chart::x(from, to);
    let edges: Vec<[(f64, f64); 2]> = BAND_EDGES.iter().map(|&e| [(0.0, e), (days, e)]).collect();
    let mut datasets: Vec<Dataset> = edges
        .iter()
        .zip(BAND_EDGES)
        .map(|(line, edge)| {
            let style = if edge > 1.3 {
                theme.colored(Color::Red)
            } else {
                theme.colored(Color::Green)
            };
            time_chart::line(line, Marker::Custom(BAND_MARK), style)
        })
        .collect();
    datasets.extend(
        runs.iter()
            .filter(|r| !r.is_empty())
            .map(|r| time_chart::line(r, Marker::Braille, style)),
    );
    frame.render_widget(bare_chart(datasets, days, bounds, theme), area);
}

/// The ACWR axis: 0.4–1.6 (every band edge on its own row) while the ratios fit, else 0–2, else
/// from 0 to the next even number.
fn acwr_bounds(ratios: impl Iterator<Item = f64>) -> (f64, f64) {
    let (low, high) = ratios.fold((f64::MAX, f64::MIN), |(lo, hi), r| (lo.min(r), hi.max(r)));
    if low >= 0.4 && high <= 1.6 || low > high {
        (0.4, 1.6)
    } else if high <= 2.0 {
        (0.0, 2.0)
    } else {
        (0.0, (high / 2.0).ceil() * 2.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_acwr_axis_keeps_every_band_edge_while_the_ratios_fit() {
        assert_eq!(acwr_bounds([0.9, 1.45].into_iter()), (0.4, 1.6));
        assert_eq!(acwr_bounds(std::iter::empty()), (0.4, 1.6));
        assert_eq!(acwr_bounds([0.3, 1.2].into_iter()), (0.0, 2.0));
        assert_eq!(acwr_bounds([1.0, 2.3].into_iter()), (0.0, 4.0));
    }
}
