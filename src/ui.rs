//! Drawing: a pure function of `State`. Reads state, draws, never mutates, never does I/O.

pub mod screens;
pub mod theme;
pub mod widgets;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

use crate::app::state::{Modal, Screen, State};
use theme::Theme;

/// The smallest terminal the screens are laid out for.
pub const MIN_SIZE: (u16, u16) = (80, 24);

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
    match &state.screen {
        Screen::Onboarding(form) | Screen::Settings(form) | Screen::Finish(form) => {
            screens::form::render(frame, body, state, form, theme);
        }
        Screen::Dashboard => screens::dashboard::render(frame, body, state, theme),
        Screen::Session(screen) => screens::session::render(frame, body, state, screen, theme),
        Screen::Summary(session) => screens::summary::render(frame, body, state, session, theme),
        Screen::History(history) => screens::history::render(frame, body, state, history, theme),
        Screen::Devices(devices) => screens::devices::render(frame, body, state, devices, theme),
        Screen::Progress(screen) => screens::progress::render(frame, body, state, screen, theme),
        Screen::Load(screen) => screens::load::render(frame, body, state, screen, theme),
    }
    widgets::footer::render(frame, footer, state, theme);
    match &state.modal {
        Some(Modal::Help { scroll }) => widgets::help::render(frame, body, state, *scroll, theme),
        Some(Modal::Picker(picker)) => widgets::picker::render(frame, body, state, picker, theme),
        Some(Modal::Confirm(confirm)) => widgets::confirm::render(frame, body, confirm, theme),
        Some(Modal::Form { form, .. }) => {
            let area = centered(body, 64, form.fields.len() as u16 * 2 + 4);
            frame.render_widget(ratatui::widgets::Clear, area);
            screens::form::render(frame, area, state, form, theme);
        }
        None => {}
    }
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
