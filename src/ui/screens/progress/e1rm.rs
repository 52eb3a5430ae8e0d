//! One lift's e1RM over time: the weekly best as a line, PRs starred, the trend dotted, and
//! deload weeks marked along the bottom edge, off the line and out of the axis.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::{DELOAD_MARK, PR_MARK};
use crate::app::keymap::{Command, Context};
use crate::app::review_state::ProgressScreen;
use crate::app::state::State;
use crate::core::review::progress::Progress;
use crate::core::units::{Unit, Weight};
use crate::ui::theme::Theme;
use crate::ui::widgets::time_chart::{self, LINE_KEY};

const TREND_MARK: char = '·';

/// The chart of `name`'s e1RM in the lifter's unit, with the range tabs and the trend in its
/// border; or why there is nothing to chart.
pub(super) fn render(
    frame: &mut Frame,
    area: Rect,
    state: &State,
    screen: &ProgressScreen,
    name: &str,
    theme: Theme,
) {
    let unit = state.unit();
    let progress = &screen.progress;
    let loading = if screen.loading { " · loading…" } else { "" };
    let block = Block::bordered()
        .title(format!(" {name} · e1RM ({unit}){loading} "))
        .title(time_chart::range_tabs(screen.range, area.width, theme))
        .title_bottom(Line::styled(trend_text(progress, unit), theme.title()))
        .border_style(theme.border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if let Some(message) = nothing_to_chart(state, screen, name) {
        frame.render_widget(
            Paragraph::new(Line::styled(message, theme.dim())).wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let [legend, plot] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
    let line_style = theme.colored(Color::Cyan);
    let pr_style = theme.colored(Color::Yellow);
    let from = [progress.weekly_best.first(), progress.deload_weeks.first()]
        .into_iter()
        .flatten()
        .map(|p| p.date)
        .chain(progress.from)
        .min()
        .unwrap_or(progress.today);
    let to = progress.today;
    let value = |w: Weight| w.in_unit(unit);
    let weekly: Vec<(f64, f64)> = progress
        .weekly_best
        .iter()
        .map(|p| (time_chart::x(from, p.date), value(p.e1rm)))
        .collect();
    // Two braille dots a column: more weeks than that are drawn as the best of each slice.
    let span = time_chart::x(from, to);
    let dots = usize::from(plot.width) * 2;
    let best = time_chart::highest_per_slice(&weekly, span, dots);
    let weeks_per_point = if best.len() < weekly.len() {
        (span / 7.0 / dots as f64).ceil().max(2.0) as u32
    } else {
        1
    };
    frame.render_widget(
        legend_line(progress, weeks_per_point, line_style, pr_style, theme),
        legend,
    );
    let prs: Vec<(f64, f64)> = progress
        .prs
        .iter()
        .map(|p| (time_chart::x(from, p.date), value(p.e1rm)))
        .collect();
    let trend: Vec<(f64, f64)> = progress
        .trend
        .iter()
        .flat_map(|t| {
            [
                (time_chart::x(from, t.line.first), value(t.start)),
                (time_chart::x(from, t.line.last), value(t.end)),
            ]
        })
        .collect();
    let mut deloads: Vec<(f64, f64)> = progress
        .deload_weeks
        .iter()
        .map(|p| (time_chart::x(from, p.date), value(p.e1rm)))
        .collect();
    // PRs count over all history, so one may fall in a deload week: keep it on the axis.
    let training: Vec<f64> = best
        .iter()
        .chain(&trend)
        .chain(&prs)
        .map(|p| p.1)
        .chain(progress.low.map(value))
        .chain(progress.high.map(value))
        .collect();
    let bounds = axis_with_deloads(&training, &mut deloads);
    // A single week is a point, drawn big enough to see.
    let best_marker = if best.len() == 1 {
        Marker::Dot
    } else {
        Marker::Braille
    };
    let datasets = vec![
        time_chart::line(&trend, Marker::Custom(TREND_MARK), theme.dim()),
        time_chart::line(&best, best_marker, line_style),
        time_chart::scatter(&deloads, Marker::Custom(DELOAD_MARK), theme.dim()),
        time_chart::scatter(&prs, Marker::Custom(PR_MARK), pr_style),
    ];
    frame.render_widget(
        time_chart::chart(
            datasets,
            from,
            to,
            bounds,
            time_chart::value_labels(bounds),
            theme,
        ),
        plot,
    );
}

/// The value axis over the `training` values, with the `deloads` (`(x, value)`) moved onto its
/// bottom edge so they never stretch it. With no training value, the axis spans the deloads
/// and they keep their values.
fn axis_with_deloads(training: &[f64], deloads: &mut [(f64, f64)]) -> (f64, f64) {
    if training.is_empty() {
        return time_chart::value_bounds(deloads.iter().map(|p| p.1));
    }
    let bounds = time_chart::value_bounds(training.iter().copied());
    for point in deloads {
        point.1 = bounds.0;
    }
    bounds
}

/// What each mark means; the line is the best of each `weeks` weeks when the range has more
/// weeks than the plot has dots; the deload mark only when the range has a deload week.
fn legend_line(
    progress: &Progress,
    weeks: u32,
    line: Style,
    pr: Style,
    theme: Theme,
) -> Line<'static> {
    let what = if weeks > 1 {
        format!("best of {weeks} weeks")
    } else {
        "weekly best".to_owned()
    };
    let mut keys = vec![
        Span::styled(format!("{LINE_KEY} {what}  "), line),
        Span::styled(format!("{PR_MARK} PR  "), pr),
        Span::styled(format!("{TREND_MARK}{TREND_MARK} trend"), theme.dim()),
    ];
    if !progress.deload_weeks.is_empty() {
        keys.push(Span::styled(format!("  {DELOAD_MARK} deload"), theme.dim()));
    }
    Line::from(keys)
}

/// "+1.2 kg/month, +0.9 %/month", or why there is no trend.
fn trend_text(progress: &Progress, unit: Unit) -> String {
    match &progress.trend {
        Some(trend) => {
            let percent = trend
                .percent_per_month()
                .map_or_else(String::new, |p| format!(", {p:+.1} %/month"));
            format!(
                " trend {:+.1} {unit}/month{percent} ",
                trend.per_month_in(unit)
            )
        }
        None => " not enough sessions for a trend ".into(),
    }
}

/// Why there is no e1RM line to draw, if there is none.
fn nothing_to_chart(state: &State, screen: &ProgressScreen, name: &str) -> Option<String> {
    let progress = &screen.progress;
    if progress.sessions.is_empty() && screen.history.is_empty() {
        Some(format!("No sessions of {name} yet."))
    } else if progress.sessions.is_empty() {
        Some(format!(
            "No sessions of {name} in the last {} — press {} for a longer range.",
            screen.range.label(),
            key(state, Command::RangeNext)
        ))
    } else if progress.weekly_best.is_empty() && progress.deload_weeks.is_empty() {
        // Say why for this lift: sets of many reps (above MAX_REPS an estimate is unreliable,
        // science.md), or none with a weight.
        let max = crate::core::strength::e1rm::MAX_REPS;
        let why = if progress
            .sessions
            .iter()
            .filter_map(|s| s.top_set)
            .any(|top| top.reps.get() > max)
        {
            format!(
                "its sets are over {max} reps, and only sets of 1–{max} reps with a weight give                  one (past {max} an estimate is unreliable)"
            )
        } else {
            format!("only sets of 1–{max} reps with a weight give one")
        };
        Some(format!("No e1RM for {name}: {why}. Its volume is below."))
    } else {
        None
    }
}

fn key(state: &State, command: Command) -> String {
    state
        .keymap
        .key_for(Context::Progress, command)
        .map_or_else(String::new, |k| k.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deload_weeks_sit_on_the_bottom_edge_of_the_training_axis() {
        // Training 120–145 rounds to 115–155; a 70 deload would have pulled it to 65.
        let mut deloads = [(3.0, 70.0), (40.0, 72.5)];
        assert_eq!(
            axis_with_deloads(&[120.0, 145.0, 130.0], &mut deloads),
            (115.0, 155.0)
        );
        assert_eq!(deloads, [(3.0, 115.0), (40.0, 115.0)]);
    }

    #[test]
    fn a_range_of_only_deload_weeks_charts_them_where_they_are() {
        let mut deloads = [(3.0, 70.0), (40.0, 72.5)];
        let bounds = axis_with_deloads(&[], &mut deloads);
        assert_eq!(bounds, time_chart::value_bounds([70.0, 72.5]));
        assert!(bounds.0 < 70.0 && 72.5 < bounds.1, "{bounds:?}");
        assert_eq!(deloads, [(3.0, 70.0), (40.0, 72.5)]);
    }
}
