//! Working sets per muscle group per week, across all lifts, the charted lift's muscles marked.

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

use crate::app::review_state::ProgressScreen;
use crate::app::state::State;
use crate::ui::theme::Theme;
use crate::ui::widgets::time_chart;

/// As many of the latest weeks as fit, one column each, a row per muscle.
pub(super) fn render(
    frame: &mut Frame,
    area: Rect,
    state: &State,
    screen: &ProgressScreen,
    theme: Theme,
) {
    let table = &screen.muscle_weeks;
    let trained: &[String] = screen
        .exercise
        .and_then(|id| state.exercise(id))
        .map_or(&[], |e| e.muscles.as_slice());
    let name_width: usize = if area.width >= 56 { 16 } else { 12 };
    let inner_width = usize::from(area.width.saturating_sub(2));
    let columns = table
        .weeks
        .len()
        .min(inner_width.saturating_sub(name_width) / 3);
    let shown = &table.weeks[table.weeks.len() - columns..];
    let title = match shown.first() {
        Some(first) => format!(
            " Sets / muscle / week from {} ",
            time_chart::day_month(*first)
        ),
        None => " Sets / muscle / week ".into(),
    };
    let block = Block::bordered()
        .title(title)
        .title_bottom(Line::styled(" all lifts · • this lift ", theme.dim()))
        .border_style(theme.border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if table.rows.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled("no working sets in these weeks", theme.dim())),
            inner,
        );
        return;
    }
    let mut header = format!("{:<name_width$}", "week of");
    for monday in shown {
        let _ = write!(header, "{:>3}", monday.format("%-d"));
    }
    let mut lines = vec![Line::styled(header, theme.dim())];
    let rows = usize::from(inner.height).saturating_sub(1);
    for row in table.rows.iter().take(rows) {
        let mark = if trained.contains(&row.muscle) {
            "•"
        } else {
            " "
        };
        let name: String = row.muscle.chars().take(name_width - 2).collect();
        let mut text = format!("{mark}{name:<width$}", width = name_width - 1);
        for sets in &row.sets[row.sets.len().saturating_sub(columns)..] {
            if *sets == 0 {
                text.push_str("  ·");
            } else {
                let _ = write!(text, "{sets:>3}");
            }
        }
        let style = if mark == "•" {
            theme.title()
        } else {
            Style::new()
        };
        lines.push(Line::styled(text, style));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
