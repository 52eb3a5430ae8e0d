//! The dashboard's insights: one line each with the tone as a word and a colour, the title and
//! the numbers; under them the selected one's numbers in full when the line cut them, its rule
//! and suggestion, so every insight explains itself.

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

/// Up to `shown` insights around the selected one, then its numbers in full (when its line
/// cut them short), rule and suggestion, `width` columns wide; a calm line when nothing fired.
///
/// At most `rows` lines, so what is under the panel keeps its room: when they do not fit, the
/// selected insight's explanation replaces the list (only its own line stays), then its rule
/// and its full numbers give way, and last the suggestion is cut, with `…`.
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
                Span::styled("ok       ", theme.ok()),
                Span::raw("No warnings — keep training."),
            ])],
            alone: false,
        };
    }
    let selected = state.insight.min(insights.len() - 1);
    let first = selected.saturating_sub(shown.saturating_sub(1));
    let list_line = |i: usize, insight: &Insight| {
        let text = truncate(
            &format!("{} — {}", insight.title, insight.numbers),
            width.saturating_sub(TAG_WIDTH),
        );
        let style = if i == selected && insights.len() > 1 {
            theme.selected()
        } else {
            ratatui::style::Style::new()
        };
        Line::from(vec![tag(insight.tone, theme), Span::styled(text, style)])
    };
    let list: Vec<Line<'static>> = insights
        .iter()
        .enumerate()
        .skip(first)
        .take(shown)
        .map(|(i, insight)| list_line(i, insight))
        .collect();
    let insight = &insights[selected];
    // The list line cut the numbers short: the selected one gets them whole.
    let cut = insight.title.chars().count() + 3 + insight.numbers.chars().count()
        > width.saturating_sub(TAG_WIDTH);
    let numbers = cut.then_some(("Numbers: ", &insight.numbers, ratatui::style::Style::new()));
    let rule = Some(("Rule: ", &insight.rule, theme.dim()));
    let try_ = ("Try: ", &insight.suggestion, ratatui::style::Style::new());
    let parts = |numbers, rule| explanation(numbers, rule, try_, width, theme);
    let whole = parts(numbers, rule);
    if list.len() + whole.len() <= rows {
        return Lines {
            lines: list.into_iter().chain(whole).collect(),
            alone: false,
        };
    }
    let room = rows.saturating_sub(1);
    let mut explained = [
        parts(numbers, rule),
        parts(numbers, None),
        parts(None, None),
    ]
    .into_iter()
    .find(|lines| lines.len() <= room)
    .unwrap_or_else(|| parts(None, None));
    if explained.len() > room {
        explained.truncate(room);
        if let Some(last) = explained.last_mut() {
            last.spans.push(Span::raw("…"));
        }
    }
    let mut lines = vec![list_line(selected, insight)];
    lines.extend(explained);
    Lines { lines, alone: true }
}

type Part<'a> = (&'static str, &'a String, ratatui::style::Style);

/// The selected insight explained: each part's label and text, wrapped under the tag column.
fn explanation(
    numbers: Option<Part>,
    rule: Option<Part>,
    try_: Part,
    width: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let indent = " ".repeat(TAG_WIDTH);
    let mut lines = Vec::new();
    for (label, text, style) in numbers.into_iter().chain(rule).chain([try_]) {
        let room = width.saturating_sub(TAG_WIDTH + label.len());
        for (n, part) in wrap(text, room).into_iter().enumerate() {
            let lead = if n == 0 {
                format!("{indent}{label}")
            } else {
                " ".repeat(TAG_WIDTH + label.len())
            };
            lines.push(Line::from(vec![
                Span::styled(lead, theme.dim()),
                Span::styled(part, style),
            ]));
        }
    }
    lines
}

/// The tone column: "warning", "info", "good", padded.
const TAG_WIDTH: usize = 9;

/// The tone as a word in its colour, so it reads the same without colour.
fn tag(tone: Tone, theme: Theme) -> Span<'static> {
    let style = match tone {
        Tone::Warning => theme.warn(),
        Tone::Info => theme.title(),
        Tone::Good => theme.ok(),
    };
    Span::styled(format!("{:<TAG_WIDTH$}", tone.label()), style)
}
