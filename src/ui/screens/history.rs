//! History: every session; Enter opens one in `session_detail`.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

use crate::app::state::{HistoryScreen, State};
use crate::ui::theme::Theme;
use crate::ui::widgets::session_row;

pub fn render(frame: &mut Frame, area: Rect, state: &State, history: &HistoryScreen, theme: Theme) {
    match &history.detail {
        Some(detail) => super::session_detail::render(frame, area, state, detail, theme),
        None => render_list(frame, area, state, history, theme),
    }
}

fn render_list(
    frame: &mut Frame,
    area: Rect,
    state: &State,
    history: &HistoryScreen,
    theme: Theme,
) {
    let rows = usize::from(area.height.saturating_sub(3));
    let first = history.selected.saturating_sub(rows.saturating_sub(1));
    let mut lines = vec![session_row::heading(state, theme)];
    lines.extend(
        history
            .sessions
            .iter()
            .enumerate()
            .skip(first)
            .take(rows)
            .map(|(i, s)| session_row::line(state, s, i == history.selected, theme)),
    );
    if history.sessions.is_empty() {
        lines.push(Line::styled(
            if history.loading {
                "Loading…"
            } else {
                "No sessions yet."
            },
            theme.dim(),
        ));
    }
    let total = history.total.unwrap_or(history.sessions.len());
    let title = format!(
        " History · {} ",
        crate::core::words::count(total, "session", "sessions")
    );
    frame.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(title).border_style(theme.border())),
        area,
    );
}
