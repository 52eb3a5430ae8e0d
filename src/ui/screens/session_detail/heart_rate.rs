//! The heart-rate half: the chart, the session's figures and its time in zones.

use chrono::Duration;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph};

use super::{chart, switch_hint, title};
use crate::app::state::{Detail, State};
use crate::core::units::format_number;
use crate::core::words;
use crate::read::DetailHr;
use crate::ui::theme::Theme;
use crate::ui::widgets::heart::zone_style;

/// The heart-rate half: chart, figures and zones; or the line saying there is none.
pub(super) fn render(
    frame: &mut Frame,
    area: Rect,
    state: &State,
    detail: &Detail,
    both: bool,
    theme: Theme,
) {
    let model = detail
        .hr
        .as_ref()
        .and_then(|hr| hr.model)
        .map(|m| format!(" · {} zones", m.label()))
        .unwrap_or_default();
    let title = if both {
        format!(" Heart rate{model} ")
    } else {
        title(state, detail, &switch_hint(state, "sets"), area.width)
    };
    let block = Block::bordered().title(title).border_style(theme.border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(hr) = &detail.hr else {
        frame.render_widget(
            Paragraph::new(Line::styled(
                "♥ No heart rate recorded for this session.",
                theme.dim(),
            )),
            inner,
        );
        return;
    };
    let figures = figure_lines(hr, theme);
    let zones = zone_lines(hr, theme, if both { 44 } else { inner.width });
    if both {
        let [chart, side] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(46)]).areas(inner);
        chart::render(frame, chart, detail, hr, theme);
        let mut lines = figures;
        lines.push(Line::raw(""));
        lines.extend(zones);
        frame.render_widget(
            Paragraph::new(lines).block(Block::new().padding(Padding::left(2))),
            side,
        );
    } else {
        let rows = |lines: &[Line]| lines.len() as u16;
        let [chart, figures_area, zones_area] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(rows(&figures)),
            Constraint::Length(rows(&zones) + u16::from(!zones.is_empty())),
        ])
        .areas(inner);
        chart::render(frame, chart, detail, hr, theme);
        frame.render_widget(Paragraph::new(figures), figures_area);
        let mut spaced = vec![Line::raw("")];
        spaced.extend(zones);
        frame.render_widget(Paragraph::new(spaced), zones_area);
    }
}

/// Average and max, hrTSS, TRIMP and RMSSD from the stored summary.
fn figure_lines(hr: &DetailHr, theme: Theme) -> Vec<Line<'static>> {
    let Some(s) = &hr.summary else {
        return vec![Line::styled(
            "No summary yet: the figures come when the session is finished.",
            theme.dim(),
        )];
    };
    let one = |v: f64| format_number((v * 10.0).round() / 10.0);
    let pair = |label: &str, value: String| {
        vec![
            Span::styled(format!("{label} "), theme.dim()),
            Span::raw(value),
        ]
    };
    let sep = || Span::styled(" · ", theme.dim());
    let mut first = pair("avg", format!("{} bpm", s.avg_bpm.round()));
    first.push(sep());
    first.extend(pair("max", format!("{} bpm", s.max_bpm.get())));
    let mut second = pair(
        "HR-based hrTSS",
        s.hr_tss.map_or_else(|| "– (no LTHR)".into(), one),
    );
    second.push(sep());
    second.extend(pair("TRIMP", one(s.trimp)));
    let mut third = pair(
        "RMSSD",
        s.rmssd_ms
            .map_or_else(|| "–".into(), |v| format!("{} ms", v.round())),
    );
    third.push(sep());
    third.extend(pair(
        "with heart rate",
        words::duration(Duration::seconds(i64::from(s.seconds))),
    ));
    vec![Line::from(first), Line::from(second), Line::from(third)]
}

/// Time in each zone of the session's model: label, name, bar, time and share.
fn zone_lines(hr: &DetailHr, theme: Theme, width: u16) -> Vec<Line<'static>> {
    let name_width = hr
        .zones
        .iter()
        .map(|z| z.zone.name.chars().count())
        .max()
        .unwrap_or(0);
    // Label 4, name and a space, the bar, then " 1 h 05 min   64 %" (18).
    let bar_width = usize::from(width).saturating_sub(4 + name_width + 1 + 18);
    hr.zones
        .iter()
        .map(|z| {
            let filled = (z.percent / 100.0 * bar_width as f64).round() as usize;
            let style = zone_style(z.zone, theme);
            Line::from(vec![
                Span::styled(format!("{:<4}", z.zone.label), style),
                Span::raw(format!("{:<name_width$} ", z.zone.name)),
                Span::styled("█".repeat(filled), style),
                Span::raw(" ".repeat(bar_width.saturating_sub(filled))),
                Span::styled(
                    format!(
                        " {:>10}{:>5} %",
                        words::duration(Duration::seconds(i64::from(z.seconds))),
                        format_number(z.percent.round())
                    ),
                    theme.dim(),
                ),
            ])
        })
        .collect()
}
