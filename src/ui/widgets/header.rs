//! The top line: where you are, how long the session has run, the rest timer.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::state::{Screen, State};
use crate::core::workout::rest::clock;
use crate::ui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, state: &State, theme: Theme) {
    let place = state.descriptor().title;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::action::Action;
    use crate::app::heart::Link;

    use crate::app::state::Startup;
    use crate::app::update::update;
    use crate::hr::HrEvent;
    use crate::hr::ble::{BleError, Unavailable};
    use chrono::DateTime;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use std::time::Duration;

    fn state() -> State {
        let mut state = State::testing(Startup::default(), DateTime::UNIX_EPOCH);
        state.screen = Screen::Dashboard;
        state.heart.link = Link::Connecting("Bluetooth LE (first strap found)".into());
        state
    }

    fn hr(state: &mut State, event: HrEvent) {
        update(state, Action::Hr(event), DateTime::UNIX_EPOCH);
    }

    fn down(reason: &impl ToString) -> HrEvent {
        HrEvent::Disconnected {
            reason: reason.to_string(),
        }
    }

    /// The header line at `width` columns.
    fn header(state: &State, width: u16) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, 1)).unwrap();
        terminal
            .draw(|frame| render(frame, frame.area(), state, Theme::new(false)))
            .unwrap();
        let buffer = terminal.backend().buffer();
        let line: String = (0..width).map(|x| buffer[(x, 0)].symbol()).collect();
        line.trim_end().to_owned()
    }

    #[test]
    fn no_bluetooth_at_start_is_said_in_words_not_as_lost() {
        let mut s = state();
        hr(&mut s, down(&BleError::Unavailable(Unavailable::NoBluez)));
        assert_eq!(
            header(&s, 80),
            " ironpulse  Dashboard  ♥ Bluetooth unavailable: BlueZ is not running (the system"
        );
        assert_eq!(
            header(&s, 140),
            " ironpulse  Dashboard  ♥ Bluetooth unavailable: BlueZ is not running (the system's \
             Bluetooth service: `sudo systemctl start bluetooth`)"
        );
        // The status line has the whole of it.
        assert_eq!(
            s.status.as_ref().map(|st| st.text.as_str()),
            Some(
                "Heart rate: Bluetooth unavailable: BlueZ is not running (the system's Bluetooth \
                 service: `sudo systemctl start bluetooth`)."
            )
        );

        let mut s = state();
        hr(&mut s, down(&BleError::Unavailable(Unavailable::NoAdapter)));
        assert!(
            header(&s, 80).ends_with("♥ Bluetooth unavailable: no Bluetooth adapter found (is o"),
            "{}",
            header(&s, 80)
        );
    }

    #[test]
    fn a_strap_never_found_is_not_lost_and_the_retry_is_shown() {
        let mut s = state();
        hr(
            &mut s,
            down(&BleError::NotFound(crate::hr::ble::Target::new(Some(
                "H10",
            )))),
        );
        hr(
            &mut s,
            HrEvent::Reconnecting {
                attempt: 2,
                delay: Duration::from_secs(2),
            },
        );
        assert_eq!(
            crate::ui::widgets::heart::link_text(&s.heart),
            "the strap \"H10\" was not found: is it worn (with wet electrodes) and in range? · \
             retry 2 in 2 s"
        );
        assert!(!header(&s, 200).contains("lost"), "{}", header(&s, 200));
    }

    #[test]
    fn lost_only_after_a_connection_and_the_bus_going_away_says_so() {
        let mut s = state();
        hr(
            &mut s,
            HrEvent::Connected {
                name: "Polar H10 A1B2C3D4".into(),
                address: Some("A0:9E:1A:00:00:01".into()),
            },
        );
        hr(
            &mut s,
            down(&"the strap dropped the connection (out of range or switched off?)"),
        );
        hr(
            &mut s,
            HrEvent::Reconnecting {
                attempt: 1,
                delay: Duration::from_secs(1),
            },
        );
        assert_eq!(
            header(&s, 120),
            " ironpulse  Dashboard  ♥ lost: the strap dropped the connection (out of range or \
             switched off?) · retry 1 in 1 s"
        );
        // A failed retry of a strap that streamed before is still "lost".
        hr(
            &mut s,
            down(&BleError::NotFound(crate::hr::ble::Target::Any)),
        );
        assert!(header(&s, 80).contains("♥ lost: no heart-rate strap found"));

        hr(&mut s, down(&BleError::BusLost));
        hr(
            &mut s,
            HrEvent::Reconnecting {
                attempt: 1,
                delay: Duration::from_millis(500),
            },
        );
        assert_eq!(
            header(&s, 90),
            " ironpulse  Dashboard  ♥ Bluetooth lost: the system bus went away · retry 1 in 0.5 s"
        );
    }
}
