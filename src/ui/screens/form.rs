//! Any form: first-run profile, Settings, finishing a session, small overlays.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::app::form::Form;
use crate::app::profile_form::hr_max_hint;
use crate::app::state::State;
use crate::ui::theme::Theme;

const LABEL_WIDTH: usize = 14;

pub fn render(frame: &mut Frame, area: Rect, state: &State, form: &Form, theme: Theme) {
    let block = Block::bordered()
        .title(format!(" {} ", form.title))
        .border_style(theme.focus_border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines = Vec::new();
    let mut cursor = None;
    // A blank line between fields when there is room; packed (errors still shown) when not, so
    // the last field is never cut off on a small terminal.
    let spaced = form.fields.len() * 2 + 2 <= usize::from(inner.height);
    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let label_style = if focused {
            theme.selected()
        } else {
            theme.title()
        };
        let value = if field.choices.is_empty() {
            field.input.text().to_string()
        } else {
            format!("‹ {} ›", field.input.text())
        };
        let hint = if field.label == "Max HR" {
            hr_max_hint(form, state.now.year()).unwrap_or_else(|| field.hint.clone())
        } else {
            field.hint.clone()
        };
        if focused && field.choices.is_empty() {
            cursor = Some((LABEL_WIDTH + 2 + field.input.cursor(), lines.len()));
        }
        lines.push(Line::from(vec![
            Span::styled(
                format!("{:<width$}", field.label, width = LABEL_WIDTH),
                label_style,
            ),
            Span::raw("  "),
            Span::raw(format!("{value:<12}")),
            Span::styled(format!("  {hint}"), theme.dim()),
        ]));
        match &field.error {
            Some(error) => lines.push(Line::styled(
                format!("{:width$}  ✗ {error}", "", width = LABEL_WIDTH),
                theme.error(),
            )),
            None if spaced => lines.push(Line::raw("")),
            None => {}
        }
    }
    if let Some(error) = &form.error {
        lines.push(Line::styled(error.clone(), theme.error()));
    }
    lines.push(Line::styled(
        "Enter: next field, saves on the last · Tab/↑↓ move · ←/→ choose",
        theme.dim(),
    ));
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some((x, y)) = cursor
        && (y as u16) < inner.height
    {
        frame.set_cursor_position(Position {
            x: inner.x + (x as u16).min(inner.width.saturating_sub(1)),
            y: inner.y + y as u16,
        });
    }
}
