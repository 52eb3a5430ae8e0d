//! Time in heart-rate zones per week, with the low/high (polarisation) split.

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::app::review_state::LoadScreen;
use crate::core::review::load::{TrainingLoad, ZoneTime, zone_labels};
use crate::ui::theme::Theme;
use crate::ui::widgets::time_chart;

/// A table of the range and each week (newest first) by zone, then the polarisation line.
pub(super) fn render(
    frame: &mut Frame,
    area: Rect,
    screen: &LoadScreen,
    load: &TrainingLoad,
    theme: Theme,
) {
    let block = Block::bordered()
        .title(format!(" Time in zones / week · {} ", screen.range.label()))
        .border_style(theme.border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(model) = load.zones.model else {
        frame.render_widget(
            Paragraph::new(Line::styled(
                "No heart rate recorded in this range: time in zones and polarisation need a strap.",
                theme.dim(),
            ))
            .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    };
    let names = zone_labels(model);
    let mut header = format!("{:<7}", "week");
    for name in &names {
        let _ = write!(header, "{name:>6}");
    }
    let _ = write!(header, "{:>7}", "lo/hi");
    let mut lines = vec![Line::styled(header, theme.dim())];
    let row = |label: String, zones: &ZoneTime| {
        let mut text = format!("{label:<7}");
        for seconds in zones.seconds.iter().take(names.len()) {
            let _ = write!(text, "{:>6}", hours(*seconds));
        }
        let _ = match zones.polarisation {
            Some(p) => write!(text, "{:>4.0}/{:<2.0}", p.low_percent, p.high_percent),
            None => write!(text, "{:>5}", "–"),
        };
        text
    };
    lines.push(Line::styled(
        row("range".into(), &load.zones),
        theme.title(),
    ));
    let polar = polarisation_line(load, theme);
    let shown = usize::from(inner.height).saturating_sub(lines.len() + 1);
    for w in load.weeks.iter().rev().take(shown) {
        lines.push(Line::raw(row(time_chart::day_month(w.start), &w.zones)));
    }
    lines.push(polar);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// `1:05` (hours and minutes), `192h` from 100 hours on, `·` for none.
fn hours(seconds: u64) -> String {
    if seconds < 60 {
        return "·".into();
    }
    if seconds >= 100 * 3600 {
        return format!("{}h", seconds / 3600);
    }
    format!("{}:{:02}", seconds / 3600, seconds % 3600 / 60)
}

/// Low (Z1–Z2) against high (Z3 and up) over the range, all sessions and cardio alone.
fn polarisation_line(load: &TrainingLoad, theme: Theme) -> Line<'static> {
    let mut spans = vec![Span::styled("low Z1–2 / high Z3+: ", theme.dim())];
    match load.zones.polarisation {
        Some(p) => spans.push(Span::raw(format!(
            "{:.0}/{:.0} %",
            p.low_percent, p.high_percent
        ))),
        None => spans.push(Span::styled("–", theme.dim())),
    }
    if let Some(p) = load.cardio_polarisation {
        spans.push(Span::raw(format!(
            " · cardio {:.0} / {:.0}",
            p.low_percent, p.high_percent
        )));
    }
    spans.push(Span::styled(" (80/20: ~80 % low)", theme.dim()));
    if load.zones.mixed_models {
        spans.push(Span::styled(" · mixed zone models", theme.warn()));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zone_time_reads_in_hours_and_minutes() {
        assert_eq!(hours(0), "·");
        assert_eq!(hours(59), "·");
        assert_eq!(hours(3_900), "1:05");
        assert_eq!(hours(36_000), "10:00");
        assert_eq!(hours(692_400), "192h");
    }
}
