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
        .title(format!(
            " Time in zones / week · {} · 3h48 = 3 h 48 min ",
            screen.range.label()
        ))
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

/// A week's time in a zone in words without spaces (`3h48`, `53m`, `28s`: the columns have no
/// room for `3 h 48 min`), `·` for none.
fn hours(seconds: u64) -> String {
    if seconds == 0 {
        return "·".into();
    }
    crate::core::words::duration_compact(chrono::Duration::seconds(
        i64::try_from(seconds).unwrap_or(i64::MAX),
    ))
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
    fn zone_time_reads_in_words_without_spaces() {
        assert_eq!(hours(0), "·");
        assert_eq!(hours(28), "28s");
        assert_eq!(hours(53 * 60), "53m");
        assert_eq!(hours(3_900), "1h05");
        assert_eq!(hours(3 * 3600 + 48 * 60), "3h48");
        assert_eq!(hours(36_000), "10h00");
        assert_eq!(hours(692_400), "192h");
    }
}
