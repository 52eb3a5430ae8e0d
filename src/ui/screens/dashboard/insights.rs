//! The dashboard's insights: one line each with the tone as a word and a colour, the title and
//! the numbers; the selected one whole (wrapped), with its rule and suggestion under it, so
//! every insight explains itself.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::app::keymap::{Command, Context};
use crate::app::state::State;
use crate::core::review::insights::{Insight, Tone};
use crate::ui::text::{truncate, wrap};
use crate::ui::theme::Theme;

/// " Insights · 5 · ↑/↓ to read each " (the keys only when there is more than one); when only
/// the selected one is listed, where it stands: " Insights · 2 of 5 · ↑/↓ to read each ".
pub fn title(state: &State, count: usize, alone: bool) -> String {
    let keys = [Command::Up, Command::Down]
        .map(|c| state.keymap.key_for(Context::Dashboard, c))
        .map(|k| k.map(|k| k.to_string()));
    let count_text = if alone && count > 1 {
        format!("{} of {count}", state.insight.min(count - 1) + 1)
    } else {
        count.to_string()
    };
    match (count, keys) {
        (0, _) => " Insights ".into(),
        (1, _) => " Insights · 1 ".into(),
        (_, [Some(up), Some(down)]) => {
            format!(" Insights · {count_text} · {up}/{down} to read each ")
        }
        (_, _) => format!(" Insights · {count_text} "),
    }
}

/// The insights panel's lines, and whether only the selected insight is listed.
pub struct Lines {
    pub lines: Vec<Line<'static>>,
    pub alone: bool,
}

/// Up to `shown` insights around the selected one, each on a line of its own cut to the width,
/// but the selected one whole — its title and numbers wrapped — with its rule and suggestion
/// under it, `width` columns wide; a calm line when nothing fired.
///
/// At most `rows` lines, so what is under the panel keeps its room: when they do not fit, the
/// selected insight alone replaces the list; when even that does not fit, its rule is cut to
/// the rows left (with `…`) or left out, then its numbers are cut, and last the suggestion.
/// Its title is never cut while the panel has a row per line of it.
pub fn lines(
    state: &State,
    insights: &[Insight],
    shown: usize,
    width: u16,
    rows: usize,
    theme: Theme,
) -> Lines {
    let width = usize::from(width);
    if insights.is_empty() {
        return Lines {
            lines: vec![Line::from(vec![
                tag(Tone::Good, theme),
                Span::raw("No warnings — keep training."),
            ])],
            alone: false,
        };
    }
    let selected = state.insight.min(insights.len() - 1);
    let first = selected.saturating_sub(shown.saturating_sub(1));
    let insight = &insights[selected];
    let marked = if insights.len() > 1 {
        theme.selected()
    } else {
        Style::new()
    };
    let (whole, rule, try_) = parts(insight, width, TAG_WIDTH, marked, theme);
    let mut listed = Vec::new();
    for (i, other) in insights.iter().enumerate().skip(first).take(shown) {
        if i == selected {
            listed.extend(whole.iter().cloned());
        } else {
            listed.push(list_line(other, width, theme));
        }
    }
    if listed.len() + rule.len() + try_.len() <= rows {
        return Lines {
            lines: listed.into_iter().chain(rule).chain(try_).collect(),
            alone: false,
        };
    }
    if whole.len() + rule.len() + try_.len() <= rows {
        return Lines {
            lines: whole.into_iter().chain(rule).chain(try_).collect(),
            alone: true,
        };
    }
    // Alone and still too tall: the text takes the width the tag column held, then what gives
    // way is the rule's last lines, then the numbers' last lines, then the suggestion's.
    let (whole, rule, try_) = parts(insight, width, COMPACT_INDENT, marked, theme);
    let for_rule = rows.saturating_sub(whole.len() + try_.len());
    let rule = if for_rule == 0 {
        Vec::new()
    } else {
        cut(rule, for_rule)
    };
    let title_rows = title_rows(insight, width);
    let kept = rows
        .saturating_sub(rule.len() + try_.len())
        .clamp(title_rows.min(whole.len()), whole.len());
    let mut lines = cut(whole, kept);
    lines.extend(rule);
    let room = rows.saturating_sub(lines.len()).max(1);
    lines.extend(cut(try_, room));
    Lines { lines, alone: true }
}

/// An insight on one line: its tone, title and numbers, cut with `…` where the width ends.
fn list_line(insight: &Insight, width: usize, theme: Theme) -> Line<'static> {
    let text = truncate(
        &format!("{} — {}", insight.title, insight.numbers),
        width.saturating_sub(TAG_WIDTH),
    );
    Line::from(vec![tag(insight.tone, theme), Span::raw(text)])
}

/// The selected insight's lines — title and numbers, its rule, its suggestion — with the text
/// `indent` columns in.
fn parts(
    insight: &Insight,
    width: usize,
    indent: usize,
    marked: Style,
    theme: Theme,
) -> (Vec<Line<'static>>, Vec<Line<'static>>, Vec<Line<'static>>) {
    let whole = whole_lines(insight, width, indent, marked, theme);
    let rule = labelled("Rule: ", &insight.rule, width, indent, theme.dim(), theme);
    let try_ = labelled(
        "Try: ",
        &insight.suggestion,
        width,
        indent,
        Style::new(),
        theme,
    );
    (whole, rule, try_)
}

/// The selected insight's tone, title and numbers, whole: wrapped, the lines after the first
/// `indent` columns in.
fn whole_lines(
    insight: &Insight,
    width: usize,
    indent: usize,
    style: Style,
    theme: Theme,
) -> Vec<Line<'static>> {
    // Single spaces, so the first wrapped line is where the text starts.
    let text = format!("{} — {}", insight.title, insight.numbers)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let first = wrap(&text, width.saturating_sub(TAG_WIDTH))
        .into_iter()
        .next()
        .unwrap_or_default();
    let rest = text.get(first.len()..).unwrap_or_default().trim_start();
    let mut lines = vec![Line::from(vec![
        tag(insight.tone, theme),
        Span::styled(first, style),
    ])];
    for part in wrap(rest, width.saturating_sub(indent)) {
        lines.push(Line::from(vec![
            Span::raw(" ".repeat(indent)),
            Span::styled(part, style),
        ]));
    }
    lines
}

/// How many of [`whole_lines`] the title reaches into (at most: the lines after the first are
/// no narrower than it).
fn title_rows(insight: &Insight, width: usize) -> usize {
    wrap(
        &format!("{} —", insight.title),
        width.saturating_sub(TAG_WIDTH),
    )
    .len()
    .max(1)
}

/// A labelled part of the explanation ("Rule: …") `indent` columns in, wrapped under its label.
fn labelled(
    label: &'static str,
    text: &str,
    width: usize,
    indent: usize,
    style: Style,
    theme: Theme,
) -> Vec<Line<'static>> {
    let room = width.saturating_sub(indent + label.len());
    wrap(text, room)
        .into_iter()
        .enumerate()
        .map(|(n, part)| {
            let lead = if n == 0 {
                format!("{}{label}", " ".repeat(indent))
            } else {
                " ".repeat(indent + label.len())
            };
            Line::from(vec![
                Span::styled(lead, theme.dim()),
                Span::styled(part, style),
            ])
        })
        .collect()
}

/// The first `keep` of `lines` (at least one), the last of them marked `…` when some were left
/// out.
fn cut(mut lines: Vec<Line<'static>>, keep: usize) -> Vec<Line<'static>> {
    let keep = keep.max(1);
    if lines.len() > keep {
        lines.truncate(keep);
        if let Some(last) = lines.last_mut() {
            last.spans.push(Span::raw("…"));
        }
    }
    lines
}

/// The tone column: "warning", "info", "good", padded.
const TAG_WIDTH: usize = 9;
/// How far in the selected insight's lines start when the panel is too short for them under
/// the tag column.
const COMPACT_INDENT: usize = 2;

/// The tone as a word in its colour, so it reads the same without colour.
fn tag(tone: Tone, theme: Theme) -> Span<'static> {
    let style = match tone {
        Tone::Warning => theme.warn(),
        Tone::Info => theme.title(),
        Tone::Good => theme.ok(),
    };
    Span::styled(format!("{:<TAG_WIDTH$}", tone.label()), style)
}
