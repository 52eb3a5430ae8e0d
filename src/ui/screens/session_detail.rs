//! One past session: its sets with their heart rate, notes and the comparison with the last
//! time each exercise was done; its heart-rate chart (gaps left empty, set ends and rests
//! marked), time in its own zones and its load. A large terminal shows both halves; a small one
//! shows the sets first and switches to the heart rate with a key.

use std::fmt::Write as _;

use chrono::Duration;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType, Paragraph};

use crate::app::keymap::{Command, Context};
use crate::app::session_detail::{Change, Comparison, DetailHr};
use crate::app::state::{Detail, DetailView, State};
use crate::core::history::PerformanceSummary;
use crate::core::rest::clock;
use crate::core::set_hr::SetHr;
use crate::core::units::{Unit, format_number};
use crate::ui::theme::Theme;
use crate::ui::widgets::heart::zone_style;
use crate::ui::widgets::{entry_line, hr_chart, set_row};

/// The smallest terminal that shows the sets and the heart rate together.
pub const BOTH: (u16, u16) = (120, 36);

/// A silence longer than this (ms) breaks the line even without a recorded gap.
const SILENCE_MS: u32 = 5_000;

/// Whether a terminal of this size shows sets and heart rate at once.
pub fn shows_both(terminal: Rect) -> bool {
    terminal.width >= BOTH.0 && terminal.height >= BOTH.1
}

pub fn render(frame: &mut Frame, area: Rect, state: &State, detail: &Detail, theme: Theme) {
    let edit_height = if detail.edit.is_some() { 4 } else { 0 };
    let [main, edit] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(edit_height)]).areas(area);
    if shows_both(frame.area()) {
        let hr_height = if detail.hr.is_some() {
            (main.height * 9 / 20).max(12)
        } else {
            3
        };
        let [hr, sets] =
            Layout::vertical([Constraint::Length(hr_height), Constraint::Fill(1)]).areas(main);
        heart_rate(frame, hr, state, detail, true, theme);
        sets_pane(frame, sets, state, detail, theme);
    } else {
        match detail.view {
            DetailView::Sets => sets_pane(frame, main, state, detail, theme),
            DetailView::HeartRate => heart_rate(frame, main, state, detail, false, theme),
        }
    }
    if let Some(e) = &detail.edit {
        let block = Block::bordered()
            .title(" Edit set — Enter saves, Esc cancels ")
            .border_style(theme.focus_border());
        let inner = block.inner(edit);
        frame.render_widget(block, edit);
        entry_line::render(
            frame,
            inner,
            &e.input,
            e.error.as_ref(),
            state.modal.is_none(),
            theme,
        );
    }
}

/// "Mon 21 Sep 2026 14:13 · Workout · 5 sets · 1:05:00 · RPE 8".
fn title(state: &State, detail: &Detail, view: &str) -> String {
    let session = &detail.session;
    let length = session
        .ended_at
        .map(|end| format!(" · {}", clock(end - session.started_at)))
        .unwrap_or_default();
    format!(
        " {} · {} · {} sets{length} · RPE {}{view} ",
        state.local(session.started_at).format("%a %d %b %Y %H:%M"),
        session.title,
        session.set_count(),
        session.rpe.map_or("–".into(), |r| r.to_string())
    )
}

/// "Tab: heart rate" — the key that switches to the other view, for a small terminal's title.
fn switch_hint(state: &State, to: &str) -> String {
    state
        .keymap
        .key_for(Context::Detail, Command::SwitchView)
        .map(|k| format!(" · {k}: {to}"))
        .unwrap_or_default()
}

fn sets_pane(frame: &mut Frame, area: Rect, state: &State, detail: &Detail, theme: Theme) {
    let unit = state.unit();
    let session = &detail.session;
    let with_hr = detail.hr.is_some() || !detail.set_hr.is_empty();
    let mut lines = Vec::new();
    if !session.notes.is_empty() {
        lines.push(Line::from(vec![
            Span::styled("Notes: ", theme.dim()),
            Span::raw(session.notes.clone()),
        ]));
    }
    if detail.hr.is_none() && !shows_both(frame.area()) {
        lines.push(Line::styled("♥ No heart rate recorded.", theme.dim()));
    }
    let mut heading = format!("    {}  {:<5} ", set_row::heading(), "time");
    if with_hr {
        heading.push_str(&hr_columns("start", "end", "peak", "drop 30/60"));
    }
    lines.push(Line::styled(heading, theme.dim()));
    let mut row_of_selected = 0;
    let mut current_slot = usize::MAX;
    let mut compared = Vec::new();
    for (n, (slot_index, set)) in session.sets().enumerate() {
        if slot_index != current_slot {
            current_slot = slot_index;
            let slot = &session.slots[slot_index];
            let mut name = vec![Span::styled(slot.name.clone(), theme.title())];
            if !slot.notes.is_empty() {
                name.push(Span::raw(format!(" — {}", slot.notes)));
            }
            lines.push(Line::from(name));
            if !compared.contains(&slot.exercise)
                && let Some(c) = detail
                    .comparisons
                    .iter()
                    .find(|c| c.exercise == slot.exercise)
            {
                compared.push(slot.exercise);
                let width = usize::from(area.width.saturating_sub(2));
                lines.extend(comparison_lines(c, unit, width, theme));
            }
        }
        if n == detail.selected {
            row_of_selected = lines.len();
        }
        let mut text = format!(
            "    {}  {}",
            set_row::line(&set.spec, unit),
            state.local(set.completed_at).format("%H:%M")
        );
        if with_hr {
            text.push(' ');
            text.push_str(&set_hr_cells(detail.set_hr.get(&set.id)));
        }
        lines.push(if n == detail.selected {
            Line::styled(text, theme.selected())
        } else {
            Line::raw(text)
        });
    }
    if session.set_count() == 0 {
        lines.push(Line::styled("This session has no sets.", theme.dim()));
    }
    let visible = usize::from(area.height.saturating_sub(2));
    let scroll = row_of_selected.saturating_sub(visible.saturating_sub(1)) as u16;
    let hint = if shows_both(frame.area()) {
        String::new()
    } else {
        switch_hint(state, "heart rate")
    };
    frame.render_widget(
        Paragraph::new(lines).scroll((scroll, 0)).block(
            Block::bordered()
                .title(title(state, detail, &hint))
                .border_style(theme.border()),
        ),
        area,
    );
}

/// The set's heart-rate columns, lined up under their headings.
fn hr_columns(start: &str, end: &str, peak: &str, drop: &str) -> String {
    format!("{start:>5}→{end:<4}{peak:>5}  {drop}")
}

/// "   95→128   131  −22/−35": start → end, peak, and the change 30 s and 60 s after the set.
fn set_hr_cells(hr: Option<&SetHr>) -> String {
    let Some(hr) = hr else {
        return String::new();
    };
    let bpm = |v: Option<crate::core::units::Bpm>| v.map_or("–".into(), |b| b.get().to_string());
    // Recovery is stored as the fall in bpm; shown as the change, so a fall reads "−22".
    let drop = |v: Option<i16>| {
        v.map_or("–".into(), |d| match d {
            0 => "0".to_string(),
            d if d > 0 => format!("−{d}"),
            d => format!("+{}", -i32::from(d)),
        })
    };
    hr_columns(
        &bpm(hr.start),
        &bpm(hr.end),
        &bpm(hr.peak),
        &format!("{}/{}", drop(hr.recovery_30), drop(hr.recovery_60)),
    )
}

/// Under an exercise's name: last time, then now with the change, each wrapped at `width`.
fn comparison_lines(c: &Comparison, unit: Unit, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let date = c.before.date.format("%a %d %b");
    let before = performance(&c.before, unit, None, None, None);
    let now = performance(&c.now, unit, c.top_set_kg, c.e1rm, c.volume);
    let mut lines = Vec::new();
    for (lead, parts, style) in [
        (format!("  last time {date}: "), before, theme.dim()),
        ("  now: ".to_string(), now, ratatui::style::Style::new()),
    ] {
        let indent = lead.chars().count();
        for (n, text) in join_within(&parts, width.saturating_sub(indent))
            .into_iter()
            .enumerate()
        {
            let lead = if n == 0 {
                lead.clone()
            } else {
                " ".repeat(indent)
            };
            lines.push(Line::from(vec![
                Span::styled(lead, theme.dim()),
                Span::styled(text, style),
            ]));
        }
    }
    lines
}

/// `parts` joined with " · " into lines of at most `width` chars (a part never splits).
fn join_within(parts: &[String], width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for part in parts {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 3 + part.chars().count() <= width => {
                line.push_str(" · ");
                line.push_str(part);
            }
            _ => lines.push(part.clone()),
        }
    }
    lines
}

/// A signed number with a real minus sign: "+2.5", "−1".
fn signed(value: f64) -> String {
    if value < 0.0 {
        format!("−{}", format_number(-value))
    } else {
        format!("+{}", format_number(value))
    }
}

/// The parts of a performance: "100 kg × 5 (+2.5 kg)", "e1RM 119.6 kg (+2.9 kg, +2.5 %)",
/// "vol 1538 kg (+2.5 %)", with the changes when given (a top-set weight that did not move
/// says nothing).
fn performance(
    p: &PerformanceSummary,
    unit: Unit,
    top_change: Option<f64>,
    e1rm_change: Option<Change>,
    volume_change: Option<Change>,
) -> Vec<String> {
    let tenth = |kg: f64| (kg / unit.kg_factor() * 10.0).round() / 10.0;
    let percent = |p: Option<f64>| p.map(|p| format!("{} %", signed((p * 10.0).round() / 10.0)));
    let mut parts = Vec::new();
    if let Some(top) = p.top_set {
        let mut text = format!("{} {unit} × {}", top.weight.display(unit), top.reps.get());
        if let Some(kg) = top_change.map(tenth).filter(|v| *v != 0.0) {
            let _ = write!(text, " ({} {unit})", signed(kg));
        }
        parts.push(text);
    }
    if let Some(e1rm) = p.e1rm {
        let mut text = format!("e1RM {} {unit}", format_number(tenth(e1rm.kg())));
        if let Some(change) = e1rm_change {
            let mut what = vec![format!("{} {unit}", signed(tenth(change.kg)))];
            what.extend(percent(change.percent));
            let _ = write!(text, " ({})", what.join(", "));
        }
        parts.push(text);
    }
    if p.volume_kg > 0.0 || volume_change.is_some() {
        let volume = format_number((p.volume_kg / unit.kg_factor()).round());
        let mut text = format!("vol {volume} {unit}");
        if let Some(change) = volume_change.and_then(|c| percent(c.percent)) {
            let _ = write!(text, " ({change})");
        }
        parts.push(text);
    }
    if parts.is_empty() {
        parts.push(format!("{} working sets", p.sets));
    }
    parts
}

/// The heart-rate half: chart, figures and zones; or the line saying there is none.
fn heart_rate(
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
        title(state, detail, &switch_hint(state, "sets"))
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
        chart_area(frame, chart, detail, hr, theme);
        let mut lines = figures;
        lines.push(Line::raw(""));
        lines.extend(zones);
        frame.render_widget(
            Paragraph::new(lines).block(Block::new().padding(ratatui::widgets::Padding::left(2))),
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
        chart_area(frame, chart, detail, hr, theme);
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
        clock(Duration::seconds(i64::from(s.seconds))),
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
    // Label 4, name and a space, the bar, then " 1:05:00   64 %" (15).
    let bar_width = usize::from(width).saturating_sub(4 + name_width + 1 + 15);
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
                        " {:>7}{:>5} %",
                        clock(Duration::seconds(i64::from(z.seconds))),
                        format_number(z.percent.round())
                    ),
                    theme.dim(),
                ),
            ])
        })
        .collect()
}

/// The whole session's heart rate against minutes, with set ends and rests, and a key.
fn chart_area(frame: &mut Frame, area: Rect, detail: &Detail, hr: &DetailHr, theme: Theme) {
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
