//! One file per screen, and [`render`]: which one draws the screen on show.

pub mod dashboard;
pub mod devices;
pub mod form;
pub mod history;
pub mod load;
pub mod progress;
pub mod session;
pub mod session_detail;
pub mod summary;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::app::state::{Screen, State};
use crate::ui::theme::Theme;

/// Draws the screen on show in `area` (between the header and the footer).
pub fn render(frame: &mut Frame, area: Rect, state: &State, theme: Theme) {
    match &state.screen {
        Screen::Onboarding(form) | Screen::Settings(form) => {
            form::render(frame, area, state, form, theme);
        }
        Screen::Finish(form) => form::render(frame, area, state, form, theme),
        Screen::Dashboard => dashboard::render(frame, area, state, theme),
        Screen::Session(screen) => session::render(frame, area, state, screen, theme),
        Screen::Summary(session) => summary::render(frame, area, state, session, theme),
        Screen::History(history) => history::render(frame, area, state, history, theme),
        Screen::Devices(devices) => devices::render(frame, area, state, devices, theme),
        Screen::Progress(screen) => progress::render(frame, area, state, screen, theme),
        Screen::Load(screen) => load::render(frame, area, state, screen, theme),
    }
}
