//! The dashboard's insights: one line each with the tone as a word and a colour, the title and
//! the numbers; under them the selected one's numbers in full when the line cut them, its rule
//! and suggestion, so every insight explains itself.

use ratatui::text::{Line, Span};

use crate::app::keymap::{Command, Context};
use crate::app::state::State;
use crate::core::review::insights::{Insight, Tone};
use crate::ui::theme::Theme;
use crate::ui::widgets::session_row::truncate;

/// " Insights · 5 · ↑/↓ to read each " (the keys only when there is more than one).
pub fn title(state: &State, count: usize) -> String {
    let keys = [Command::Up, Command::Down]
        .map(|c| state.keymap.key_for(Context::Dashboard, c))
        .map(|k| k.map(|k| k.to_string()));
    match (count, keys) {
        (0, _) => " Insights ".into(),
        (1, _) => " Insights · 1 ".into(),
        (n, [Some(up), Some(down)]) => format!(" Insights · {n} · {up}/{down} to read each "),
        (n, _) => format!(" Insights · {n} "),
    }
}

/// Up to `shown` insights around the selected one, then its numbers in full (when its line
/// cut them short), rule and suggestion, `width` columns wide; a calm line when nothing fired.
pub fn lines(
    state: &State,
    insights: &[Insight],
    shown: usize,
    width: u16,
    theme: Theme,
) -> Vec<Line<'static>> {
    let width = usize::from(width);
    if insights.is_empty() {
        return vec![Line::from(vec![
            Span::styled("ok       ", theme.ok()),
            Span::raw("No warnings — keep training."),
        ])];
    }
    let selected = state.insight.min(insights.len() - 1);
    let first = selected.saturating_sub(shown.saturating_sub(1));
    let mut lines: Vec<Line<'static>> = insights
        .iter()
        .enumerate()
        .skip(first)
        .take(shown)
        .map(|(i, insight)| {
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
        })
        .collect();
    let insight = &insights[selected];
    let indent = " ".repeat(TAG_WIDTH);
    // The list line cut the numbers short: the selected one gets them whole.
    let cut = insight.title.chars().count() + 3 + insight.numbers.chars().count()
        > width.saturating_sub(TAG_WIDTH);
    let numbers = cut.then_some(("Numbers: ", &insight.numbers, ratatui::style::Style::new()));
    for (label, text, style) in numbers.into_iter().chain([
        ("Rule: ", &insight.rule, theme.dim()),
        ("Try: ", &insight.suggestion, ratatui::style::Style::new()),
    ]) {
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

/// Words of `text` in lines of at most `width` chars (a longer word gets a line of its own).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if !line.is_empty() && needed > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_wrap_at_the_width_and_long_words_stand_alone() {
        assert_eq!(
            wrap("add a set to each of them this week", 12),
            vec!["add a set to", "each of them", "this week"]
        );
        assert_eq!(wrap("a verylongword b", 4), vec!["a", "verylongword", "b"]);
        assert!(wrap("", 10).is_empty());
    }
}
