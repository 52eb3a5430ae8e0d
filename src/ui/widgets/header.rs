//! The top line: where you are, how long the session has run, the rest timer.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::state::{Screen, State};
use crate::core::rest::clock;
use crate::ui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, state: &State, theme: Theme) {
    let place = match &state.screen {
        Screen::Onboarding(_) => "Welcome",
        Screen::Dashboard => "Dashboard",
        Screen::Session(_) => "Session",
        Screen::Finish(_) => "Finish",
        Screen::Summary(_) => "Summary",
        Screen::History(h) if h.detail.is_some() => "History · session",
        Screen::History(_) => "History",
        Screen::Settings(_) => "Settings",
        Screen::Devices(_) => "Heart-rate straps",
        Screen::Progress(_) => "Progression",
        Screen::Load(_) => "Training load",
    };
    let mut left = vec![
        Span::styled(" ironpulse ", theme.title()),
        Span::raw(format!(" {place}")),
    ];
    if state.read_only.is_some() {
        left.push(Span::styled("  read-only: reviewing", theme.warn()));
    }
    if let Some(session) = &state.session {
        left.push(Span::styled(
            format!("  ⏱ {}", clock(session.duration(state.now))),
            theme.dim(),
        ));
    }
    if let Some(badge) = super::heart::badge(&state.heart, theme) {
        left.push(Span::raw("  "));
        left.extend(badge.spans);
    }
    frame.render_widget(Paragraph::new(Line::from(left)), area);
    // The session screen shows the rest timer beside the entry line instead.
    if let Some(timer) = state
        .rest
        .as_ref()
        .filter(|_| !matches!(state.screen, Screen::Session(_)))
    {
        frame.render_widget(
            Paragraph::new(super::entry_line::rest_span(timer, state.now, theme))
                .alignment(Alignment::Right),
            area,
        );
    }
}
