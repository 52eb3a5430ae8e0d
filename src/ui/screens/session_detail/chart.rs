//! The session's heart rate against minutes: a line broken at gaps, set ends ticked from the
//! top, rests barred along the bottom.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph};

use crate::app::state::Detail;
use crate::read::DetailHr;
use crate::ui::theme::Theme;
use crate::ui::widgets::hr_chart;

/// A silence longer than this (ms) breaks the line even without a recorded gap.
const SILENCE_MS: u32 = 5_000;

/// The whole session's heart rate against minutes, with set ends and rests, and a key.
pub(super) fn render(frame: &mut Frame, area: Rect, detail: &Detail, hr: &DetailHr, theme: Theme) {
    let [chart, key] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let minutes = |ms: u32| f64::from(ms) / 60_000.0;
    let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
    let mut last: Option<u32> = None;
    for &(at, bpm) in &hr.points {
        let broken = last.is_some_and(|before| {
            at - before > SILENCE_MS || hr.gaps.iter().any(|g| g.overlaps(before, at))
        });
        if broken {
            runs.push(Vec::new());
        }
        if let Some(run) = runs.last_mut() {
            run.push((minutes(at), f64::from(bpm)));
        }
        last = Some(at);
    }
    let (low, high) = hr_chart::y_bounds(&runs);
    let session = &detail.session;
    let end_ms = session
        .ended_at
        .map(|end| (end - session.started_at).num_milliseconds())
        .and_then(|ms| u32::try_from(ms).ok())
        .unwrap_or(0)
        .max(hr.points.last().map_or(0, |p| p.0));
    let span = minutes(end_ms).max(1.0);
    // Set ends: short ticks down from the top. Rests: a bar along the bottom.
    let tick = (high - low) * 0.08;
    let marks: Vec<[(f64, f64); 2]> = session
        .sets()
        .filter_map(|(_, set)| {
            let ms = (set.completed_at - session.started_at).num_milliseconds();
            u32::try_from(ms).ok()
        })
        .map(|ms| [(minutes(ms), high), (minutes(ms), high - tick)])
        .collect();
    let rests: Vec<[(f64, f64); 2]> = hr
        .rests
        .iter()
        .map(|&(from, to)| [(minutes(from), low), (minutes(to), low)])
        .collect();
    let mut datasets = hr_chart::lines(&runs, theme);
    datasets.extend(rests.iter().map(|r| {
        Dataset::default()
            .marker(Marker::HalfBlock)
            .graph_type(GraphType::Line)
            .style(theme.dim())
            .data(r)
    }));
    datasets.extend(marks.iter().map(|m| {
        Dataset::default()
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme.key())
            .data(m)
    }));
    let x_labels = vec![
        "0".to_string(),
        format!("{}", (span / 2.0).round()),
        format!("{} min", span.round()),
    ];
    let widget = Chart::new(datasets)
        .x_axis(
            Axis::default()
                .bounds([0.0, span])
                .labels(x_labels)
                .style(theme.dim()),
        )
        .y_axis(hr_chart::y_axis(low, high, true, theme).title("bpm"));
    frame.render_widget(widget, chart);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("╷", theme.key()),
            Span::styled(" set done  ", theme.dim()),
            Span::styled("▄▄", theme.dim()),
            Span::styled(" rest  ", theme.dim()),
            Span::styled("gaps: no heart rate", theme.dim()),
        ])),
        key,
    );
}
