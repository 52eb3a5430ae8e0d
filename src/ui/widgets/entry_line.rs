//! The one-line text field with its caret, scrolled sideways to keep the cursor in view, and
//! the error shown right under it.

use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::app::state::{EntryError, RestTimer};
use crate::app::text_input::TextInput;
use crate::core::workout::rest::{RestStatus, clock};
use crate::ui::text;
use crate::ui::theme::Theme;

/// The part of a field's text that fits its width, scrolled so the cursor is always in view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    /// The visible text, without the markers.
    pub text: String,
    /// Text is hidden before the visible part (drawn as a leading `…`).
    pub hidden_before: bool,
    /// Text is hidden after the visible part (drawn as a trailing `…`).
    pub hidden_after: bool,
    /// The cursor's column from the start of the field (markers included).
    pub cursor: usize,
    /// The first visible character's index.
    pub first: usize,
}

impl View {
    /// The column of the char at `index` from the start of the field, when it is visible.
    pub fn column_of(&self, input: &TextInput, index: usize) -> Option<usize> {
        let visible = self.text.chars().count();
        if index < self.first || index > self.first + visible {
            return None;
        }
        let before: String = input
            .text()
            .chars()
            .skip(self.first)
            .take(index - self.first)
            .collect();
        Some(usize::from(self.hidden_before) + text::width(&before))
    }

    /// The view as spans: markers dim, the text in `style`.
    pub fn spans(&self, style: Style, theme: Theme) -> Vec<Span<'static>> {
        let mut spans = Vec::with_capacity(3);
        if self.hidden_before {
            spans.push(Span::styled("…", theme.dim()));
        }
        spans.push(Span::styled(self.text.clone(), style));
        if self.hidden_after {
            spans.push(Span::styled("…", theme.dim()));
        }
        spans
    }
}

/// What of `input` shows in `columns`: all of it when it fits (with a column left for the cursor
/// at the end); else a window that keeps the cursor in view — from the start while the cursor is
/// on the first screenful, otherwise with the cursor at the right edge — and a `…` on each side
/// where text is hidden.
pub fn view(input: &TextInput, columns: usize) -> View {
    let chars: Vec<(char, usize)> = input
        .text()
        .chars()
        .map(|c| (c, text::char_width(c)))
        .collect();
    let span = |from: usize, to: usize| chars[from..to].iter().map(|(_, w)| w).sum::<usize>();
    let n = chars.len();
    let cursor = input.cursor().min(n);
    let cursor_cell = chars.get(cursor).map_or(1, |(_, w)| (*w).max(1));
    let collect = |from: usize, to: usize| chars[from..to].iter().map(|(c, _)| c).collect();
    if span(0, n) < columns {
        return View {
            text: input.text().to_string(),
            hidden_before: false,
            hidden_after: false,
            cursor: span(0, cursor),
            first: 0,
        };
    }
    // The first visible char: 0 when the cursor fits before the trailing marker, else the
    // smallest that leaves the leading marker, the cursor's cell and (text follows) a marker.
    let after_marker = usize::from(cursor < n);
    let first = if span(0, cursor) + cursor_cell < columns {
        0
    } else {
        (1..=cursor)
            .find(|&from| 1 + span(from, cursor) + cursor_cell + after_marker <= columns)
            .unwrap_or(cursor)
    };
    let lead = usize::from(first > 0);
    // As many chars as fit after `first`, keeping a column for the trailing marker if needed.
    let fits = |room: usize| {
        let mut to = first;
        let mut used = 0;
        while to < n && used + chars[to].1 <= room {
            used += chars[to].1;
            to += 1;
        }
        to
    };
    let mut last = fits(columns.saturating_sub(lead));
    if last < n {
        last = fits(columns.saturating_sub(lead + 1)).max(cursor.min(n));
    }
    View {
        text: collect(first, last),
        hidden_before: first > 0,
        hidden_after: last < n,
        cursor: lead + span(first, cursor),
        first,
    }
}

/// The prompt before every entry line.
const PROMPT: &str = "> ";

/// How many rows a field `width` columns wide needs: its line, and under it the error (or
/// `note`, a line of help shown when there is no error) wrapped whole — at least one row.
pub fn height(
    input: &TextInput,
    error: Option<&EntryError>,
    note: Option<&str>,
    width: u16,
) -> u16 {
    let under = message_lines(input, error, note, usize::from(width)).len();
    (1 + under.max(1)) as u16
}

/// The lines under a field: the error with a caret under the offending character when that
/// character is in view (else `note`), wrapped to `width`, so a long message is never cut.
fn message_lines(
    input: &TextInput,
    error: Option<&EntryError>,
    note: Option<&str>,
    width: usize,
) -> Vec<String> {
    let indent = " ".repeat(PROMPT.len());
    let Some(error) = error else {
        return note.map_or_else(Vec::new, |note| {
            text::wrap(note, width.saturating_sub(indent.len()))
                .into_iter()
                .map(|part| format!("{indent}{part}"))
                .collect()
        });
    };
    let columns = width.saturating_sub(PROMPT.len());
    let caret = error
        .at
        .and_then(|at| view(input, columns).column_of(input, at));
    let lead = caret.map_or_else(
        || indent.clone(),
        |column| format!("{}^ ", " ".repeat(PROMPT.len() + column)),
    );
    // Single spaces, so the first wrapped line is where the message starts.
    let message = error
        .message
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let room = width.saturating_sub(text::width(&lead));
    // A caret so far right that hardly a word fits beside it: the message goes under it.
    let first = if room < 12 {
        String::new()
    } else {
        text::wrap(&message, room)
            .into_iter()
            .next()
            .unwrap_or_default()
    };
    let mut lines = vec![format!("{lead}{first}").trim_end().to_string()];
    let rest = message.get(first.len()..).unwrap_or_default().trim_start();
    for part in text::wrap(rest, width.saturating_sub(indent.len())) {
        lines.push(format!("{indent}{part}"));
    }
    lines
}

/// Draws `> text` on the first line of `area`, scrolled to keep the cursor in view, and under it
/// the error — with a caret under the offending character when that character is in view — or
/// else `note` (dim), wrapped into the rows `area` has ([`height`]). Puts the terminal cursor in
/// the field when `focused`.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    field: (&TextInput, Option<&EntryError>, Option<&str>),
    focused: bool,
    theme: Theme,
) {
    let (input, error, note) = field;
    let text_style = if input.is_suggested() {
        theme.suggestion()
    } else {
        Style::new()
    };
    let columns = usize::from(area.width).saturating_sub(PROMPT.len());
    let view = view(input, columns);
    let mut spans = vec![Span::styled(PROMPT, theme.key())];
    spans.extend(view.spans(text_style, theme));
    frame.render_widget(Line::from(spans), Rect { height: 1, ..area });
    if focused {
        let x = area.x
            + (PROMPT.len() + view.cursor).min(usize::from(area.width.saturating_sub(1))) as u16;
        frame.set_cursor_position(Position { x, y: area.y });
    }
    let style = if error.is_some() {
        theme.error()
    } else {
        theme.dim()
    };
    let lines = message_lines(input, error, note, usize::from(area.width));
    for (row, line) in (1..area.height).zip(lines) {
        frame.render_widget(
            Line::styled(line, style),
            Rect {
                y: area.y + row,
                height: 1,
                ..area
            },
        );
    }
}

/// `Rest 1:23` counting down, then `REST OVER +0:12` in the alarm style.
pub fn rest_span(timer: &RestTimer, now: DateTime<Utc>, theme: Theme) -> Span<'static> {
    match timer.rest.status(now) {
        RestStatus::Remaining(left) if timer.ready => Span::styled(
            format!(
                " ♥ ready · rest {} of {} ",
                clock(left),
                clock(timer.rest.target)
            ),
            theme.alarm(),
        ),
        RestStatus::Remaining(left) => Span::styled(
            format!(" Rest {} of {} ", clock(left), clock(timer.rest.target)),
            theme.warn(),
        ),
        RestStatus::Over(over) => {
            Span::styled(format!(" REST OVER +{} ", clock(over)), theme.alarm())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::text_input::TextEdit;

    fn typed(text: &str) -> TextInput {
        TextInput::new(text)
    }

    fn moved(mut input: TextInput, edits: &[TextEdit]) -> TextInput {
        for e in edits {
            input.apply(*e);
        }
        input
    }

    /// The view as drawn, with `|` where the cursor is.
    fn drawn(input: &TextInput, columns: usize) -> String {
        let v = view(input, columns);
        let mut line = String::new();
        if v.hidden_before {
            line.push('…');
        }
        line.push_str(&v.text);
        if v.hidden_after {
            line.push('…');
        }
        assert!(
            text::width(&line) <= columns,
            "{line:?} is wider than {columns}"
        );
        let at = line
            .char_indices()
            .scan(0, |col, (i, c)| {
                let here = *col;
                *col += text::char_width(c);
                Some((i, here))
            })
            .find(|(_, col)| *col == v.cursor)
            .map_or(line.len(), |(i, _)| i);
        line.insert(at, '|');
        line
    }

    #[test]
    fn short_text_shows_whole() {
        assert_eq!(drawn(&typed("100x5"), 10), "100x5|");
        assert_eq!(
            drawn(&moved(typed("100x5"), &[TextEdit::Home]), 10),
            "|100x5"
        );
    }

    #[test]
    fn long_text_scrolls_to_keep_the_cursor_in_view_with_markers() {
        let notes = typed("knees out, belt on the last two sets, slow eccentric");
        // Typing at the end: the end shows, the start is hidden.
        assert_eq!(drawn(&notes, 20), "…ts, slow eccentric|");
        let home = moved(notes.clone(), &[TextEdit::Home]);
        assert_eq!(drawn(&home, 20), "|knees out, belt on …");
        // In the middle: hidden on both sides, the cursor at the right edge.
        let mut middle = home;
        for _ in 0..30 {
            middle.apply(TextEdit::Right);
        }
        assert_eq!(drawn(&middle, 20), "…lt on the last tw|o…");
    }

    #[test]
    fn wide_characters_never_overflow_the_field() {
        let input = typed("日本語のメモを書きました");
        assert_eq!(drawn(&input, 10), "…きました|");
        let home = moved(input, &[TextEdit::Home]);
        assert_eq!(drawn(&home, 10), "|日本語の…");
    }

    #[test]
    fn a_long_error_wraps_under_the_line_whole() {
        let error = EntryError {
            message: "240 kg is 2.4× your best on this lift (100 kg) — Enter again to log it, \
                      or fix the line"
                .into(),
            at: Some(0),
        };
        let line = typed("240x5");
        let lines = message_lines(&line, Some(&error), None, 78);
        assert_eq!(
            lines,
            [
                "  ^ 240 kg is 2.4× your best on this lift (100 kg) — Enter again to log it, or",
                "  fix the line",
            ]
        );
        assert!(lines.iter().all(|l| text::width(l) <= 78));
        assert_eq!(height(&line, Some(&error), None, 78), 3);
        // A short one stays on one row, and so does a short note.
        let short = EntryError {
            message: "RPE must be 1–10".into(),
            at: None,
        };
        assert_eq!(
            message_lines(&line, Some(&short), None, 78),
            ["  RPE must be 1–10"]
        );
        assert_eq!(height(&line, None, Some("bar + 25 a side = 70 kg"), 78), 2);
        assert_eq!(height(&line, None, None, 78), 2);
    }

    #[test]
    fn an_error_caret_points_into_the_view_or_is_left_out() {
        let line = typed(&format!("100x5{}", "x".repeat(100)));
        let v = view(&line, 40);
        assert_eq!(v.column_of(&line, 3), None, "scrolled out of view");
        assert_eq!(v.column_of(&line, 100), Some(1 + 100 - v.first));
        let short = typed("100y5");
        assert_eq!(view(&short, 40).column_of(&short, 3), Some(3));
    }
}
