//! The progression screen: one lift's e1RM over time (weekly best, PRs, trend), its recent top
//! sets, weekly volume, and working sets per muscle group per week. The numbers come from
//! `core::review::progress` and `core::review::muscles`; weights turn into the lifter's unit here.

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::app::keymap::{Command, Context};
use crate::app::review_state::ProgressScreen;
use crate::app::state::{Modal, Picker, PickerPurpose, Screen, State};
use crate::core::exercise::ExerciseId;
use crate::core::history::TopSet;
use crate::core::review::progress::{Progress, ProgressSession};
use crate::core::units::{Unit, Weight, format_number};
use crate::ui::theme::Theme;
use crate::ui::widgets::bars::{Bars, Fill, Segment};
use crate::ui::widgets::time_chart;

/// The marks of the e1RM chart, the same with and without colour.
pub const PR_MARK: char = '★';
const TREND_MARK: char = '·';

/// Whether the picker on screen picks a lift to chart.
pub fn picking(state: &State) -> bool {
    matches!(&state.modal, Some(Modal::Picker(p)) if p.purpose == PickerPurpose::Progress)
}

/// The lifts trained, for a picker that picks a lift to chart (`None` for other pickers).
pub fn picker_lifts<'a>(state: &'a State, picker: &Picker) -> Option<&'a [ExerciseId]> {
    if picker.purpose != PickerPurpose::Progress {
        return None;
    }
    Some(match &state.screen {
        Screen::Progress(screen) => &screen.lifts,
        _ => &[],
    })
}

/// Draws the progression screen.
pub fn render(frame: &mut Frame, area: Rect, state: &State, screen: &ProgressScreen, theme: Theme) {
    let Some(exercise) = screen.exercise else {
        nothing_yet(frame, area, state, screen, theme);
        return;
    };
    let name = state
        .exercise(exercise)
        .map_or_else(|| format!("exercise #{}", exercise.0), |e| e.name.clone());
    let tall = area.height >= 30;
    let wide = area.width >= 110;
    let [top, bottom] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(if tall { 14 } else { 8 }),
    ])
    .areas(area);
    let [chart, sets] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(if wide { 44 } else { 30 }),
    ])
    .areas(top);
    let [volume, muscles] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(bottom);
    e1rm_chart(frame, chart, state, screen, &name, theme);
    top_sets(frame, sets, state.unit(), &screen.progress, theme);
    volume_bars(frame, volume, state.unit(), &screen.progress, theme);
    muscle_table(frame, muscles, state, screen, theme);
}

/// No lift has a set yet: say what to do.
fn nothing_yet(
    frame: &mut Frame,
    area: Rect,
    state: &State,
    screen: &ProgressScreen,
    theme: Theme,
) {
    let key = |command| {
        state
            .keymap
            .key_for(Context::Dashboard, command)
            .map_or_else(String::new, |k| k.to_string())
    };
    let pick = state
        .keymap
        .key_for(Context::Progress, Command::PickExercise)
        .map_or_else(String::new, |k| k.to_string());
    let lines = if screen.loading {
        vec![Line::styled("Loading…", theme.dim())]
    } else {
        vec![
            Line::styled("No lift with history yet.", theme.title()),
            Line::raw(""),
            Line::from(vec![
                Span::raw("Log a few sessions with weights — press "),
                Span::styled(key(Command::StartSession), theme.key()),
                Span::raw(
                    " on the dashboard to start one — and each lift's e1RM, top sets, weekly volume and the sets per muscle group will chart here.",
                ),
            ]),
            Line::raw(""),
            Line::from(vec![
                Span::raw("Press "),
                Span::styled(pick, theme.key()),
                Span::raw(" to look up any exercise."),
            ]),
        ]
    };
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(
            Block::bordered()
                .title(" Progression ")
                .border_style(theme.border()),
        ),
        area,
    );
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

fn e1rm_chart(
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
    frame.render_widget(
        Line::from(vec![
            Span::styled("⠤⠒ weekly best  ", line_style),
            Span::styled(format!("{PR_MARK} PR  "), pr_style),
            Span::styled(format!("{TREND_MARK}{TREND_MARK} trend"), theme.dim()),
        ]),
        legend,
    );
    let from = progress
        .weekly_best
        .first()
        .map(|p| p.date)
        .into_iter()
        .chain(progress.from)
        .min()
        .unwrap_or(progress.today);
    let to = progress.today;
    let value = |w: Weight| w.in_unit(unit);
    let best: Vec<(f64, f64)> = progress
        .weekly_best
        .iter()
        .map(|p| (time_chart::x(from, p.date), value(p.e1rm)))
        .collect();
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
    let values = best
        .iter()
        .chain(&trend)
        .map(|p| p.1)
        .chain(progress.low.map(value))
        .chain(progress.high.map(value));
    let (low, high) = values.fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let bounds = time_chart::nice_bounds(low, high);
    // A single week is a point, drawn big enough to see.
    let best_marker = if best.len() == 1 {
        Marker::Dot
    } else {
        Marker::Braille
    };
    let datasets = vec![
        time_chart::line(&trend, Marker::Custom(TREND_MARK), theme.dim()),
        time_chart::line(&best, best_marker, line_style),
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
    } else if progress.weekly_best.is_empty() {
        Some(format!(
            "No e1RM for {name}: only sets with a weight and reps give one. Its volume is below."
        ))
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

/// `120×5`, or a dash without a weighted set.
fn top_set_text(top: Option<TopSet>, unit: Unit) -> String {
    top.map_or_else(
        || "–".into(),
        |t| format!("{}×{}", t.weight.display(unit), t.reps.get()),
    )
}

/// An e1RM to one decimal, in `unit`.
fn e1rm_text(e1rm: Option<Weight>, unit: Unit) -> String {
    e1rm.map_or_else(
        || "–".into(),
        |w| format_number((w.in_unit(unit) * 10.0).round() / 10.0),
    )
}

/// The best session and the latest sessions in range, newest first.
fn top_sets(frame: &mut Frame, area: Rect, unit: Unit, progress: &Progress, theme: Theme) {
    let block = Block::bordered()
        .title(" Top sets ")
        .border_style(theme.border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let wide = inner.width >= 40;
    let mut lines = Vec::new();
    let best: Option<&ProgressSession> = progress.best.and_then(|best| {
        progress
            .sessions
            .iter()
            .find(|s| s.date == best.date && s.e1rm == Some(best.e1rm))
    });
    if let Some(best) = best {
        let mut spans = vec![
            Span::styled("best e1RM ", theme.dim()),
            Span::styled(
                format!("{} {unit}", e1rm_text(best.e1rm, unit)),
                theme.title(),
            ),
            Span::raw(format!(" · {}", best.date.format("%-d %b"))),
        ];
        if wide {
            spans.push(Span::styled(
                format!(" ({})", top_set_text(best.top_set, unit)),
                theme.dim(),
            ));
        }
        lines.push(Line::from(spans));
    }
    let heading = if wide {
        format!(
            "{:<7}{:<10}{:>7}{:>6}{:>8}",
            "date", "top set", "e1RM", "sets", "volume"
        )
    } else {
        format!("{:<7}{:<10}{:>7}", "date", "top set", "e1RM")
    };
    lines.push(Line::styled(heading, theme.dim()));
    let rows = usize::from(inner.height).saturating_sub(lines.len());
    for s in progress.sessions.iter().rev().take(rows) {
        let mut text = format!(
            "{:<7}{:<10}{:>7}",
            s.date.format("%-d %b").to_string(),
            top_set_text(s.top_set, unit),
            e1rm_text(s.e1rm, unit)
        );
        if wide {
            let _ = write!(
                text,
                "{:>6}{:>8}",
                s.sets,
                compact(s.volume_kg / unit.kg_factor())
            );
        }
        let mut spans = vec![Span::raw(text)];
        if s.pr {
            spans.push(Span::styled(format!(" {PR_MARK}PR"), theme.warn()));
        }
        lines.push(Line::from(spans));
    }
    if progress.sessions.is_empty() {
        lines.push(Line::styled("no sessions in range", theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines), inner);
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

fn volume_bars(frame: &mut Frame, area: Rect, unit: Unit, progress: &Progress, theme: Theme) {
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

fn muscle_table(
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
        Some(first) => format!(" Sets / muscle / week from {} ", first.format("%-d %b")),
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
            ratatui::style::Style::new()
        };
        lines.push(Line::styled(text, style));
    }
    frame.render_widget(Paragraph::new(lines), inner);
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
