//! The "Weekly" panel: hrTSS per week, measured and estimated stacked, and the latest weeks as
//! numbers.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{SHADE, estimated_style, measured_style};
use crate::app::review_state::LoadScreen;
use crate::core::review::load::TrainingLoad;
use crate::ui::theme::Theme;
use crate::ui::widgets::bars::{Bars, Fill, Segment};
use crate::ui::widgets::time_chart;

/// Weekly hrTSS, measured and estimated stacked, and the latest weeks as numbers.
pub(super) fn render(
    frame: &mut Frame,
    area: Rect,
    screen: &LoadScreen,
    load: &TrainingLoad,
    theme: Theme,
) {
    let measured = measured_style(theme);
    let estimated = estimated_style(theme);
    let max = load.weeks.iter().map(|w| w.total).fold(0.0, f64::max);
    let block = Block::bordered()
        .title(format!(" Weekly hrTSS · {} ", screen.range.label()))
        .title(Line::styled(format!(" max {max:.0} "), theme.dim()).right_aligned())
        .border_style(theme.border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let table_rows = (inner.height / 2).clamp(2, 8);
    let [key_line, bars, dates, table] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(table_rows),
    ])
    .areas(inner);
    frame.render_widget(
        Line::from(vec![
            Span::styled("█ measured  ", measured),
            Span::styled(format!("{SHADE} estimated from session RPE"), estimated),
        ]),
        key_line,
    );
    let stacks: Vec<Vec<Segment>> = load
        .weeks
        .iter()
        .map(|w| {
            vec![
                Segment::new(w.measured, Fill::Solid, measured),
                Segment::new(w.estimated, Fill::Shaded, estimated),
            ]
        })
        .collect();
    frame.render_widget(Bars::new(&stacks), bars);
    if let (Some(first), Some(last)) = (load.weeks.first(), load.weeks.last()) {
        frame.render_widget(
            time_chart::date_line(first.start, last.start, dates.width, theme),
            dates,
        );
    }
    let mut lines = vec![Line::styled(
        format!(
            "{:<9}{:>9}{:>10}{:>11}{:>8}",
            "week of", "sessions", "measured", "estimated", "total"
        ),
        theme.dim(),
    )];
    let shown = usize::from(table_rows).saturating_sub(1);
    for w in load.weeks.iter().rev().take(shown) {
        lines.push(Line::raw(format!(
            "{:<9}{:>9}{:>10.0}{:>11.0}{:>8.0}",
            time_chart::day_month(w.start),
            w.sessions,
            w.measured,
            w.estimated,
            w.total
        )));
    }
    frame.render_widget(Paragraph::new(lines), table);
}
