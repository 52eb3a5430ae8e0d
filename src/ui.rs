//! Drawing: a pure function of `State`. Reads state, draws, never mutates, never does I/O.

pub mod screens;
pub mod text;
pub mod theme;
pub mod widgets;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

use crate::app::dialog::Dialog;
use crate::app::form::{FieldId, Form};
use crate::app::state::{MIN_SIZE, Modal, State};
use theme::Theme;

pub fn render(frame: &mut Frame, state: &State) {
    let theme = Theme::new(state.settings.color);
    let area = frame.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        widgets::too_small::render(frame, area, theme);
        return;
    }
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(2),
    ])
    .areas(area);
    widgets::header::render(frame, header, state, theme);
    screens::render(frame, body, state, theme);
    widgets::footer::render(frame, footer, state, theme);
    match &state.modal {
        Some(Modal::Help { scroll, first }) => {
            widgets::help::render(frame, body, state, *scroll, *first, theme);
        }
        Some(Modal::Picker(picker)) => widgets::picker::render(frame, body, state, picker, theme),
        Some(Modal::Confirm(confirm)) => widgets::confirm::render(frame, body, confirm, theme),
        Some(Modal::Form(dialog)) => match dialog {
            Dialog::Rule { form, .. } => form_dialog(frame, body, state, form, theme),
            Dialog::SlotNotes { form, .. } => form_dialog(frame, body, state, form, theme),
            Dialog::NewExercise(form) => form_dialog(frame, body, state, form, theme),
        },
        None => {}
    }
}

/// The widest a dialog is drawn, so a line stays easy to read on a very wide terminal.
const DIALOG_MAX_WIDTH: u16 = 100;
/// The narrowest a dialog is drawn (the terminal permitting).
const DIALOG_MIN_WIDTH: u16 = 48;

/// How wide a dialog that would like `wanted` columns is drawn in `area`: as wide as it wants,
/// within [`DIALOG_MIN_WIDTH`]–[`DIALOG_MAX_WIDTH`] and two columns short of the area on each
/// side. What still does not fit wraps inside it.
/// A form over the screen, centred, as wide as it would like where there is room.
fn form_dialog<F: FieldId>(
    frame: &mut Frame,
    body: Rect,
    state: &State,
    form: &Form<F>,
    theme: Theme,
) {
    let width = dialog_width(body, screens::form::natural_width(state, form) + 2);
    let height = screens::form::height(state, form, width.saturating_sub(2)) + 2;
    let area = centered(body, width, height);
    frame.render_widget(ratatui::widgets::Clear, area);
    screens::form::render(frame, area, state, form, theme);
}

pub fn dialog_width(area: Rect, wanted: u16) -> u16 {
    wanted
        .clamp(DIALOG_MIN_WIDTH, DIALOG_MAX_WIDTH)
        .min(area.width.saturating_sub(4))
}

/// A `width` × `height` rectangle centred in `area` (clipped to it).
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}
