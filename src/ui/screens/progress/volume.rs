//! Working volume per week of one lift, as bars in the lifter's unit × reps.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Color;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

use crate::core::review::progress::Progress;
use crate::core::units::{Unit, format_number};
use crate::ui::theme::Theme;
use crate::ui::widgets::bars::{Bars, Fill, Segment};
use crate::ui::widgets::time_chart;

/// A bar per week over a first and last date, the largest week in the title.
pub(super) fn render(frame: &mut Frame, area: Rect, unit: Unit, progress: &Progress, theme: Theme) {
    let weeks = &progress.volume_weeks;
    // kg × reps into the lifter's unit × reps.
    let values: Vec<f64> = weeks
        .iter()
        .map(|w| w.volume_kg / unit.kg_factor())
        .collect();
    let max = values.iter().copied().fold(0.0, f64::max);
    let mut block = Block::bordered()
        .title(format!(" Volume / week ({unit} × reps) "))
        .border_style(theme.border());
    if max > 0.0 {
        block = block
            .title(Line::styled(format!(" max {} ", compact(max)), theme.dim()).right_aligned());
    }
    let inner = block.inner(area);
    let per = Bars::per_column(values.len(), inner.width);
    if per > 1 {
        block = block.title_bottom(Line::styled(
            format!(" each bar: the biggest of {per} weeks "),
            theme.dim(),
        ));
    }
    frame.render_widget(block, area);
    let (Some(first), Some(last)) = (weeks.first(), weeks.last()) else {
        return;
    };
    if max <= 0.0 {
        frame.render_widget(
            Paragraph::new(Line::styled("no working volume in range", theme.dim())),
            inner,
        );
        return;
    }
    let [bars, dates] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    let style = theme.colored(Color::Green);
    let stacks: Vec<Vec<Segment>> = values
        .iter()
        .map(|&v| vec![Segment::new(v, Fill::Solid, style)])
        .collect();
    frame.render_widget(Bars::new(&stacks), bars);
    frame.render_widget(
        time_chart::date_line(first.start, last.start, dates.width, theme),
        dates,
    );
}

/// `850`, `8.5k`, `12k`.
pub fn compact(value: f64) -> String {
    if value >= 9_999.5 {
        format!("{:.0}k", value / 1000.0)
    } else if value >= 999.5 {
        format!("{:.1}k", value / 1000.0)
    } else {
        format_number(value.round())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn volumes_read_short() {
        assert_eq!(compact(850.4), "850");
        assert_eq!(compact(8_460.0), "8.5k");
        assert_eq!(compact(12_400.0), "12k");
        assert_eq!(compact(999.7), "1.0k");
    }
}
