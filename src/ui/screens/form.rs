//! Any form: first-run profile, Settings, finishing a session, small overlays.
//!
//! Each field is a row — label, value, hint — and whatever does not fit the width wraps under
//! the value instead of being cut: a long hint, an error, the note that characters past the
//! field's limit were not added. A text value longer than its room scrolls sideways with the
//! cursor (see [`entry_line::view`]); a form taller than its area scrolls to the focused field.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::app::form::{Field, FieldId, Form};
use crate::app::state::{Screen, State};
use crate::ui::text::{cut_at_word, width, wrap};
use crate::ui::theme::Theme;
use crate::ui::widgets::entry_line;

const LABEL_WIDTH: usize = 14;
/// Where values start: the label and two spaces.
const VALUE_COLUMN: usize = LABEL_WIDTH + 2;
/// The narrowest value column, so short values line their hints up.
const VALUE_WIDTH: usize = 12;
const KEYS: &str = "Enter: next field, saves on the last · Tab/↑↓ move · ←/→ choose";
/// Settings on a database that cannot be written: shown, not edited.
const LOCKED: &str = "Read-only database: shown only — nothing here can be changed or saved.";
const LOCKED_KEYS: &str = "Tab/↑↓ move · Esc back";

/// A form laid out for a width.
struct Laid {
    lines: Vec<Line<'static>>,
    /// Where the terminal cursor goes (column, row), for a focused text field.
    cursor: Option<(usize, usize)>,
    /// The rows of the focused field, first and last.
    focus: (usize, usize),
}

pub fn render<F: FieldId>(
    frame: &mut Frame,
    area: Rect,
    state: &State,
    form: &Form<F>,
    theme: Theme,
) {
    let block = Block::bordered()
        .title(format!(" {} ", form.title))
        .border_style(theme.focus_border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let locked = state.read_only.is_some()
        && matches!(&state.screen, Screen::Settings(shown)
            if std::ptr::eq(std::ptr::from_ref(shown).cast::<()>(), std::ptr::from_ref(form).cast::<()>()));
    // A blank line between fields when there is room; packed (errors still shown) when not.
    let spaced = lay_out(state, form, inner.width, true, locked, theme);
    let laid = if spaced.lines.len() <= usize::from(inner.height) {
        spaced
    } else {
        lay_out(state, form, inner.width, false, locked, theme)
    };
    // Too tall even packed: scroll so the focused field shows whole.
    let height = usize::from(inner.height);
    let scroll = laid
        .focus
        .1
        .saturating_sub(height.saturating_sub(1))
        .min(laid.focus.0);
    frame.render_widget(Paragraph::new(laid.lines).scroll((scroll as u16, 0)), inner);
    if let Some((x, y)) = laid.cursor
        && y >= scroll
        && y - scroll < height
    {
        frame.set_cursor_position(Position {
            x: inner.x + (x as u16).min(inner.width.saturating_sub(1)),
            y: inner.y + (y - scroll) as u16,
        });
    }
}

/// The rows `form` takes at `width` (blank lines between fields, as drawn when there is room).
pub fn height<F: FieldId>(state: &State, form: &Form<F>, width: u16) -> u16 {
    lay_out(state, form, width, true, false, Theme::new(false))
        .lines
        .len() as u16
}

/// The width `form` would like: every label, value and hint on one line.
pub fn natural_width<F: FieldId>(state: &State, form: &Form<F>) -> u16 {
    let year = state.now.year();
    let widest = form
        .fields
        .iter()
        .map(|f| VALUE_COLUMN + value_text(f).1.max(VALUE_WIDTH) + 2 + width(&form.hint(f, year)))
        .chain([width(form.title) + 4, width(KEYS)])
        .max()
        .unwrap_or(0);
    widest as u16
}

/// A choice as `‹ name ›`; text as it is. With its width.
fn value_text<F>(field: &Field<F>) -> (String, usize) {
    let text = if field.choices.is_empty() {
        field.input.text().to_string()
    } else {
        format!("‹ {} ›", field.shown())
    };
    let w = width(&text);
    (text, w)
}

/// The form's lines; `locked`: shown only (a read-only database's Settings), with no cursor.
fn lay_out<F: FieldId>(
    state: &State,
    form: &Form<F>,
    columns: u16,
    spaced: bool,
    locked: bool,
    theme: Theme,
) -> Laid {
    let columns = usize::from(columns);
    let room = columns.saturating_sub(VALUE_COLUMN).max(4);
    let indent = " ".repeat(VALUE_COLUMN);
    let mut laid = Laid {
        lines: Vec::new(),
        cursor: None,
        focus: (0, 0),
    };
    if locked {
        for part in wrap(LOCKED, columns) {
            laid.lines.push(Line::styled(part, theme.warn()));
        }
        if spaced {
            laid.lines.push(Line::raw(""));
        }
    }
    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let first = laid.lines.len();
        let label_style = if focused {
            theme.selected()
        } else {
            theme.title()
        };
        let (text, text_width) = value_text(field);
        let mut row = vec![
            Span::styled(format!("{:<LABEL_WIDTH$}", field.label()), label_style),
            Span::raw("  "),
        ];
        let value_width = if focused && field.choices.is_empty() && !locked {
            // Room for the cursor after the last character.
            let value_width = (text_width + 1).max(VALUE_WIDTH).min(room);
            let view = entry_line::view(&field.input, value_width);
            laid.cursor = Some((VALUE_COLUMN + view.cursor, first));
            row.extend(view.spans(Style::new(), theme));
            value_width
        } else {
            let value_width = text_width.max(VALUE_WIDTH).min(room);
            row.push(Span::raw(cut_at_word(&text, value_width)));
            value_width
        };
        let shown: usize = row.iter().map(Span::width).sum();
        row.push(Span::raw(
            " ".repeat((VALUE_COLUMN + value_width).saturating_sub(shown)),
        ));
        let hint = form.hint(field, state.now.year());
        let hint_fits = VALUE_COLUMN + value_width + 2 + width(&hint) <= columns;
        if hint_fits {
            row.push(Span::styled(format!("  {hint}"), theme.dim()));
        }
        laid.lines.push(Line::from(row));
        if !hint_fits {
            for part in wrap(&hint, room) {
                laid.lines
                    .push(Line::styled(format!("{indent}{part}"), theme.dim()));
            }
        }
        // The note about characters left out is also the error Enter sets: said once.
        let refused = field
            .input
            .refused_message()
            .filter(|note| field.error.as_ref() != Some(note));
        for problem in field.error.iter().cloned().chain(refused) {
            for (n, part) in wrap(&problem, room.saturating_sub(2))
                .into_iter()
                .enumerate()
            {
                let lead = if n == 0 { "✗ " } else { "  " };
                laid.lines
                    .push(Line::styled(format!("{indent}{lead}{part}"), theme.error()));
            }
        }
        if focused {
            laid.focus = (first, laid.lines.len() - 1);
        }
        if spaced {
            laid.lines.push(Line::raw(""));
        }
    }
    if let Some(error) = &form.error {
        for part in wrap(error, columns) {
            laid.lines.push(Line::styled(part, theme.error()));
        }
    }
    for part in wrap(if locked { LOCKED_KEYS } else { KEYS }, columns) {
        laid.lines.push(Line::styled(part, theme.dim()));
    }
    laid
}
