//! "Last time" against "now" for one exercise of the session: top set, e1RM and volume with
//! their changes.

use std::fmt::Write as _;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::core::review::session::{Change, Comparison};
use crate::core::strength::history::PerformanceSummary;
use crate::core::units::{Unit, format_number};
use crate::ui::theme::Theme;

/// Under an exercise's name: last time, then now with the change, each wrapped at `width`.
pub(super) fn comparison_lines(
    c: &Comparison,
    unit: Unit,
    width: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let date = c.before.date.format("%a %d %b");
    let before = performance(&c.before, unit, None, None, None);
    let now = performance(&c.now, unit, c.top_set_kg, c.e1rm, c.volume);
    let mut lines = Vec::new();
    for (lead, parts, style) in [
        (format!("  last time {date}: "), before, theme.dim()),
        ("  now: ".to_string(), now, Style::new()),
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
        parts.push(crate::core::words::count(
            p.sets,
            "working set",
            "working sets",
        ));
    }
    parts
}
