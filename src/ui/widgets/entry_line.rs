//! The one-line text field with its caret, and the error shown right under it.

use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use crate::app::state::{EntryError, RestTimer};
use crate::app::text_input::TextInput;
use crate::core::rest::{RestStatus, clock};
use crate::ui::theme::Theme;

/// Draws `> text` on the first line of `area` and, if any, the error with a caret under the
/// offending character on the second. Puts the terminal cursor in the field when `focused`.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    input: &TextInput,
    error: Option<&EntryError>,
    focused: bool,
    theme: Theme,
) {
    const PROMPT: &str = "> ";
    let text_style = if input.is_suggested() {
        theme.suggestion()
    } else {
        ratatui::style::Style::new()
    };
    let line = Line::from(vec![
        Span::styled(PROMPT, theme.key()),
        Span::styled(input.text().to_string(), text_style),
    ]);
    frame.render_widget(line, Rect { height: 1, ..area });
    if focused {
        let x = area.x
            + (PROMPT.len() + input.cursor()).min(usize::from(area.width.saturating_sub(1))) as u16;
        frame.set_cursor_position(Position { x, y: area.y });
    }
    if let Some(error) = error
        && area.height > 1
    {
        let text = match error.at {
            Some(at) => format!("{}^ {}", " ".repeat(PROMPT.len() + at), error.message),
            None => format!("{}{}", " ".repeat(PROMPT.len()), error.message),
        };
        frame.render_widget(
            Line::styled(text, theme.error()),
            Rect {
                y: area.y + 1,
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
