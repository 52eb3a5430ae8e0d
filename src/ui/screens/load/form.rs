//! The "Load & form" panel: daily load bars, then fitness / fatigue / form, then ACWR, all over
//! one date line, with their value labels in one gutter so the three line up.

mod acwr;
mod pmc;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Chart, Dataset};

use super::{SHADE, estimated_style, measured_style, span};
use crate::app::review_state::LoadScreen;
use crate::core::review::load::TrainingLoad;
use crate::ui::theme::Theme;
use crate::ui::widgets::bars::{Bars, Fill, Segment};
use crate::ui::widgets::time_chart;

/// Width of every value label, so the charts of one panel line up.
const LABEL_WIDTH: usize = 5;

/// Daily load bars, fitness / fatigue / form and ACWR, over one date axis.
pub(super) fn render(
    frame: &mut Frame,
    area: Rect,
    screen: &LoadScreen,
    load: &TrainingLoad,
    theme: Theme,
) {
    let measured = measured_style(theme);
    let estimated = estimated_style(theme);
    let max = load.days.iter().map(|d| d.load).fold(0.0, f64::max);
    let bar_width = beside_labels(area).width.saturating_sub(2);
    let per = Bars::per_column(load.days.len(), bar_width);
    let grouping = if per > 1 {
        format!(" each bar: the top day of {per}")
    } else {
        String::new()
    };
    let legend = vec![
        Span::styled("█ measured ", measured),
        Span::styled(format!("{SHADE} estimated from session RPE "), estimated),
    ];
    // The legend goes in the title when it fits there, else on the first line.
    let legend_in_title = area.width >= 78;
    let mut title = vec![Span::raw(format!(
        " Daily load (hrTSS), {}{}",
        screen.range.label(),
        if legend_in_title { ": " } else { " " }
    ))];
    if legend_in_title {
        title.extend(legend.iter().cloned());
    }
    let block = Block::bordered()
        .title(Line::from(title))
        .title(Line::styled(format!(" max {max:.0} "), theme.dim()).right_aligned())
        .border_style(theme.border());
    let block = if grouping.is_empty() {
        block
    } else {
        block.title_bottom(Line::styled(format!("{grouping} "), theme.dim()))
    };
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let legend_height = u16::from(!legend_in_title);
    let rows = inner.height.saturating_sub(3 + legend_height);
    let bars_height = (rows / 4).max(3);
    let acwr_height = (rows / 3).max(4);
    let [legend_line, bars, pmc_key, pmc, acwr_key, acwr, dates] = Layout::vertical([
        Constraint::Length(legend_height),
        Constraint::Length(bars_height),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(acwr_height),
        Constraint::Length(1),
    ])
    .areas(inner);
    frame.render_widget(Line::from(legend), legend_line);
    let stacks: Vec<Vec<Segment>> = load
        .days
        .iter()
        .map(|d| {
            vec![if d.estimated {
                Segment::new(d.load, Fill::Shaded, estimated)
            } else {
                Segment::new(d.load, Fill::Solid, measured)
            }]
        })
        .collect();
    frame.render_widget(Bars::new(&stacks), beside_labels(bars));
    pmc::render(frame, pmc_key, pmc, load, theme);
    acwr::render(frame, acwr_key, acwr, load, theme);
    let (from, to) = span(load);
    frame.render_widget(
        time_chart::date_line(
            from,
            to,
            dates.width.saturating_sub(LABEL_WIDTH as u16 + 1),
            theme,
        ),
        beside_labels(dates),
    );
}

/// The value labels for `bounds`, right-aligned to the panel's label width.
fn labels(bounds: (f64, f64)) -> [String; 3] {
    time_chart::value_labels(bounds).map(|l| format!("{l:>LABEL_WIDTH$}"))
}

/// A chart without its own date axis: the panel's date line serves every chart in it.
fn bare_chart(
    datasets: Vec<Dataset<'_>>,
    days: f64,
    bounds: (f64, f64),
    theme: Theme,
) -> Chart<'_> {
    Chart::new(datasets)
        .x_axis(Axis::default().bounds([0.0, days.max(1.0)]))
        .y_axis(
            Axis::default()
                .bounds([bounds.0, bounds.1])
                .labels(labels(bounds))
                .style(theme.dim()),
        )
}

/// Where the value labels and the axis go, so bars line up with the charts beside them.
fn beside_labels(area: Rect) -> Rect {
    let gutter = LABEL_WIDTH as u16 + 1;
    Rect {
        x: area.x + gutter,
        width: area.width.saturating_sub(gutter),
        ..area
    }
}
