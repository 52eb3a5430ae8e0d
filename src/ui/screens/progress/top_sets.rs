//! The best session and the latest sessions of one lift: top set, e1RM, sets and volume; PRs
//! starred, sessions inside a deload week dimmed and marked.

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::volume::compact;
use super::{DELOAD_MARK, PR_MARK};
use crate::core::review::progress::{Progress, ProgressSession};
use crate::core::strength::history::TopSet;
use crate::core::units::{Unit, Weight, format_number, round_to};
use crate::ui::theme::Theme;
use crate::ui::widgets::time_chart;

/// The best session and the latest sessions in range, newest first; the border keys the
/// deload mark when a row shown has it.
pub(super) fn render(frame: &mut Frame, area: Rect, unit: Unit, progress: &Progress, theme: Theme) {
    let mut block = Block::bordered()
        .title(" Top sets ")
        .border_style(theme.border());
    let inner = block.inner(area);
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
            Span::raw(format!(" · {}", time_chart::day_month(best.date))),
        ];
        if wide {
            spans.push(Span::styled(
                format!(" ({})", top_set_text(best.top_set, unit)),
                theme.dim(),
            ));
        }
        lines.push(Line::from(spans));
    }
    if let Some(line) = verdict_line(progress, wide, theme) {
        lines.push(line);
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
    let mut deload_shown = false;
    for s in progress.sessions.iter().rev().take(rows) {
        deload_shown |= s.deload;
        let mut text = format!(
            "{:<7}{:<10}{:>7}",
            time_chart::day_month(s.date),
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
        let mut spans = if s.deload {
            vec![
                Span::styled(text, theme.dim()),
                Span::styled(format!(" {DELOAD_MARK}"), theme.dim()),
            ]
        } else {
            vec![Span::raw(text)]
        };
        if s.pr {
            spans.push(Span::styled(format!(" {PR_MARK}PR"), theme.warn()));
        }
        lines.push(Line::from(spans));
    }
    if progress.sessions.is_empty() {
        lines.push(Line::styled("no sessions in range", theme.dim()));
    }
    if deload_shown {
        block = block
            .title(Line::styled(format!(" {DELOAD_MARK} deload "), theme.dim()).right_aligned());
    }
    frame.render_widget(block, area);
    frame.render_widget(Paragraph::new(lines), inner);
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

/// "last 8 weeks: plateau (-1.7 ± 2.0 %/month)": the verdict the insights, the deload check and
/// `context` give, whatever range the chart shows (its trend line is fitted over that range).
fn verdict_line(progress: &Progress, wide: bool, theme: Theme) -> Option<Line<'static>> {
    let trend = progress.verdict.as_ref()?;
    let word = match trend.verdict() {
        Some(direction) => direction.label(),
        None => "too early to tell",
    };
    let mut spans = vec![
        Span::styled("last 8 weeks: ", theme.dim()),
        Span::styled(word.to_string(), theme.title()),
    ];
    if wide {
        let se = trend
            .percent_per_month_se
            .map_or_else(String::new, |se| format!(" ± {:.1}", round_to(se, 1)));
        spans.push(Span::styled(
            format!(
                " ({:+.1}{se} %/month)",
                round_to(trend.percent_per_month, 1)
            ),
            theme.dim(),
        ));
    }
    Some(Line::from(spans))
}
