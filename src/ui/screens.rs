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

use crate::app::keymap::{Command, Context};
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
        Screen::Summary(summary) => summary::render(frame, area, state, summary, theme),
        Screen::History(history) => history::render(frame, area, state, history, theme),
        Screen::Devices(devices) => devices::render(frame, area, state, devices, theme),
        Screen::Progress(screen) => progress::render(frame, area, state, screen, theme),
        Screen::Load(screen) => load::render(frame, area, state, screen, theme),
    }
}

/// Whether `command` does nothing in `context` on a terminal this size: the session detail's
/// view key while sets and heart rate show side by side, the training-load panel keys while
/// every panel shows. The footer and the help leave such a key out.
pub fn does_nothing(context: Context, command: Command, terminal: Rect) -> bool {
    match (context, command) {
        (Context::Detail, Command::SwitchView) => session_detail::shows_both(terminal),
        (Context::Load, Command::NextPanel | Command::PrevPanel) => load::shows_all(terminal),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A key is left out of the footer and the help only where it has nothing to do.
    #[test]
    fn panel_and_view_keys_do_nothing_only_where_everything_shows() {
        let size = |width, height| Rect::new(0, 0, width, height);
        for command in [Command::NextPanel, Command::PrevPanel] {
            assert!(does_nothing(Context::Load, command, size(120, 40)));
            assert!(!does_nothing(Context::Load, command, size(80, 24)));
            assert!(!does_nothing(Context::Load, command, size(140, 36)));
        }
        assert!(does_nothing(
            Context::Detail,
            Command::SwitchView,
            size(120, 40)
        ));
        assert!(!does_nothing(
            Context::Detail,
            Command::SwitchView,
            size(80, 24)
        ));
        assert!(!does_nothing(
            Context::Load,
            Command::SwitchView,
            size(120, 40)
        ));
        assert!(!does_nothing(
            Context::Dashboard,
            Command::NextPanel,
            size(120, 40)
        ));
    }
}
