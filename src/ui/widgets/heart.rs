//! Live heart rate: the header badge and the session screen's panel (big BPM, zone, time in
//! zones, hrTSS, the last ten minutes with gaps and set markers, link and battery).

use std::time::Duration;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType, Paragraph};

use crate::app::heart::{CHART_WINDOW, Heart, Link};
use crate::app::state::State;
use crate::core::rest::clock;
use crate::core::units::format_number;
use crate::core::zones::Zone;
use crate::ui::theme::Theme;

/// Zone colours, by zone index (Z0 … Z5c); the label always goes with the colour.
const ZONE_COLORS: [Color; 7] = [
    Color::DarkGray,
    Color::Blue,
    Color::Green,
    Color::Yellow,
    Color::Rgb(255, 140, 0),
    Color::Red,
    Color::Magenta,
];

fn zone_style(zone: Zone, theme: Theme) -> Style {
    theme.colored(ZONE_COLORS[usize::from(zone.index).min(ZONE_COLORS.len() - 1)])
}

/// `♥ 142 Z3` for the header, or the link state when there is no value.
pub fn badge(heart: &Heart, theme: Theme) -> Option<Line<'static>> {
    if !heart.is_on() {
        return None;
    }
    let spans = match (heart.bpm, heart.zone) {
        (Some(bpm), Some(zone)) => vec![
            Span::styled(format!("♥ {} ", bpm.get()), theme.title()),
            Span::styled(
                format!(" {} ", zone.label),
                zone_style(zone, theme).add_modifier(ratatui::style::Modifier::REVERSED),
            ),
        ],
        (Some(bpm), None) => vec![Span::styled(format!("♥ {}", bpm.get()), theme.title())],
        _ => vec![Span::styled(format!("♥ {}", link_text(heart)), theme.dim())],
    };
    Some(Line::from(spans))
}

/// The link in a few words.
pub fn link_text(heart: &Heart) -> String {
    match &heart.link {
        Link::Off => heart.hint.clone().unwrap_or_else(|| "off".into()),
        Link::Connecting(what) => format!("connecting to {what}…"),
        Link::Connected(name) => name.clone(),
        Link::Stale(silent) => format!("no signal for {} s", silent.as_secs()),
        Link::Reconnecting { attempt, delay } => {
            format!("reconnecting (try {attempt}, in {} s)", delay.as_secs())
        }
        Link::Lost(reason) => format!("lost: {reason}"),
    }
}

/// The heart-rate panel of the session screen.
pub fn panel(frame: &mut Frame, area: Rect, state: &State, theme: Theme) {
    let heart = &state.heart;
    let mut block = Block::bordered()
        .title(format!(" ♥ {} ", link_text(heart)))
        .border_style(theme.border());
    if let Some(level) = heart.battery {
        block = block.title(Line::from(format!(" {level}% ")).right_aligned());
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let zones_height = heart
        .meter
        .as_ref()
        .map_or(0, |m| m.zone_seconds().len() as u16);
    let [big, figures, zones, chart] = Layout::vertical([
        Constraint::Length(5),
        Constraint::Length(2),
        Constraint::Length(zones_height),
        Constraint::Fill(1),
    ])
    .areas(inner);
    big_bpm(frame, big, heart, theme);
    frame.render_widget(Paragraph::new(figures_lines(heart, theme)), figures);
    zone_bars(frame, zones, heart, theme);
    history_chart(frame, chart, state, theme);
}

fn big_bpm(frame: &mut Frame, area: Rect, heart: &Heart, theme: Theme) {
    let text = heart
        .bpm
        .map_or_else(|| "--".to_string(), |b| b.get().to_string());
    let style = heart
        .zone
        .map_or_else(|| theme.dim(), |z| zone_style(z, theme));
    let mut lines: Vec<Line> = big_digits(&text)
        .into_iter()
        .map(|row| Line::styled(row, style))
        .collect();
    if let (Some(line), Some(zone)) = (lines.get_mut(1), heart.zone) {
        line.spans.push(Span::styled(
            format!("  {}", zone.label),
            style.add_modifier(ratatui::style::Modifier::BOLD),
        ));
    }
    if let (Some(line), Some(zone)) = (lines.get_mut(3), heart.zone) {
        line.spans
            .push(Span::styled(format!("  {}", zone.name), style));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn figures_lines(heart: &Heart, theme: Theme) -> Vec<Line<'static>> {
    let value = |v: Option<f64>, unit: &str| {
        v.map_or_else(
            || "–".to_string(),
            |v| format!("{}{unit}", format_number(v.round())),
        )
    };
    let meter = heart.meter.as_ref();
    vec![
        Line::from(vec![
            Span::styled("hrTSS ", theme.dim()),
            Span::raw(heart.hr_tss.map_or_else(
                || "– (set LTHR)".into(),
                |t| format_number((t * 10.0).round() / 10.0),
            )),
            Span::styled("  RMSSD ", theme.dim()),
            Span::raw(value(heart.rmssd, " ms")),
        ]),
        Line::from(vec![
            Span::styled("avg ", theme.dim()),
            Span::raw(value(
                meter.and_then(crate::core::meter::Meter::average),
                "",
            )),
            Span::styled("  max ", theme.dim()),
            Span::raw(
                meter
                    .and_then(crate::core::meter::Meter::max)
                    .map_or_else(|| "–".into(), |b| b.get().to_string()),
            ),
            Span::styled("  invalid ", theme.dim()),
            Span::raw(heart.invalid_packets.to_string()),
        ]),
    ]
}

fn zone_bars(frame: &mut Frame, area: Rect, heart: &Heart, theme: Theme) {
    let Some(meter) = &heart.meter else { return };
    let total: f64 = meter.zone_seconds().iter().sum();
    let width = usize::from(area.width.saturating_sub(14));
    let bands = meter.zones().bands();
    let lines: Vec<Line> = bands
        .iter()
        .zip(meter.zone_seconds())
        .map(|(band, seconds)| {
            let filled = if total > 0.0 {
                (seconds / total * width as f64).round() as usize
            } else {
                0
            };
            Line::from(vec![
                Span::styled(
                    format!("{:<4}", band.zone.label),
                    zone_style(band.zone, theme),
                ),
                Span::styled("█".repeat(filled), zone_style(band.zone, theme)),
                Span::raw(" ".repeat(width.saturating_sub(filled))),
                Span::styled(
                    format!(" {:>7}", clock(chrono::Duration::seconds(*seconds as i64))),
                    theme.dim(),
                ),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// The last ten minutes: a line per stretch without gaps, and a mark where each set ended.
fn history_chart(frame: &mut Frame, area: Rect, state: &State, theme: Theme) {
    let heart = &state.heart;
    let Some(&(now, _)) = heart.recent.back() else {
        frame.render_widget(
            Paragraph::new(Line::styled("waiting for heart rate…", theme.dim())),
            area,
        );
        return;
    };
    let x = |t: Duration| -(now.saturating_sub(t).as_secs_f64());
    let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
    for (t, bpm) in &heart.recent {
        match bpm {
            Some(b) => runs
                .last_mut()
                .map_or((), |r| r.push((x(*t), f64::from(b.get())))),
            None => runs.push(Vec::new()),
        }
    }
    let values = runs.iter().flatten().map(|(_, y)| *y);
    let (low, high) = values.fold((f64::MAX, f64::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
    let (low, high) = if low > high {
        (50.0, 150.0)
    } else {
        ((low - 10.0).max(0.0), high + 10.0)
    };
    let marks: Vec<(f64, f64)> = state
        .session
        .iter()
        .flat_map(crate::core::session::Session::sets)
        .filter_map(|(_, set)| heart.source_time(set.completed_at))
        .filter(|t| now.saturating_sub(*t) <= CHART_WINDOW)
        .map(|t| (x(t), high))
        .collect();
    let line_style = theme.colored(Color::Red);
    let mut datasets: Vec<Dataset> = runs
        .iter()
        .filter(|r| !r.is_empty())
        .map(|r| {
            Dataset::default()
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(line_style)
                .data(r)
        })
        .collect();
    datasets.push(
        Dataset::default()
            .marker(Marker::Dot)
            .graph_type(GraphType::Scatter)
            .style(theme.key())
            .data(&marks),
    );
    let chart = Chart::new(datasets)
        .x_axis(
            Axis::default()
                .bounds([-CHART_WINDOW.as_secs_f64(), 0.0])
                .labels(["-10 min", "now"])
                .style(theme.dim()),
        )
        .y_axis(
            Axis::default()
                .bounds([low, high])
                .labels([format_number(low.round()), format_number(high.round())])
                .style(theme.dim()),
        );
    frame.render_widget(chart, area);
}

/// Digits three cells wide and five tall.
fn big_digits(text: &str) -> [String; 5] {
    const FONT: [[&str; 5]; 11] = [
        ["███", "█ █", "█ █", "█ █", "███"],
        [" █ ", "██ ", " █ ", " █ ", "███"],
        ["███", "  █", "███", "█  ", "███"],
        ["███", "  █", "███", "  █", "███"],
        ["█ █", "█ █", "███", "  █", "  █"],
        ["███", "█  ", "███", "  █", "███"],
        ["███", "█  ", "███", "█ █", "███"],
        ["███", "  █", "  █", "  █", "  █"],
        ["███", "█ █", "███", "█ █", "███"],
        ["███", "█ █", "███", "  █", "███"],
        ["   ", "   ", "███", "   ", "   "],
    ];
    let mut rows: [String; 5] = Default::default();
    for c in text.chars() {
        let glyph = c.to_digit(10).map_or(&FONT[10], |d| &FONT[d as usize]);
        for (row, part) in rows.iter_mut().zip(glyph) {
            row.push_str(part);
            row.push(' ');
        }
    }
    rows
}
