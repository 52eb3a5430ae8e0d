//! The dashboard: start or resume, recent sessions. Room for PRs and insights later.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::app::keymap::{Command, Context};
use crate::app::state::State;
use crate::core::rest::clock;
use crate::core::units::format_number;
use crate::ui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, state: &State, selected: usize, theme: Theme) {
    let [today, recent] =
        Layout::vertical([Constraint::Length(5), Constraint::Fill(1)]).areas(area);
    let start_key = state
        .keymap
        .key_for(Context::Dashboard, Command::StartSession)
        .map_or_else(String::new, |k| k.to_string());
    let today_lines = match &state.session {
        Some(session) => vec![
            Line::from(vec![
                Span::styled("Session in progress", theme.warn()),
                Span::raw(format!(
                    " — started {}, {} exercises, {} sets, {}",
                    state.local(session.started_at).format("%H:%M"),
                    session.slots.len(),
                    session.set_count(),
                    clock(session.duration(state.now))
                )),
            ]),
            Line::from(vec![
                Span::raw("Press "),
                Span::styled(start_key, theme.key()),
                Span::raw(" or Enter to resume."),
            ]),
        ],
        None => vec![
            Line::raw("No session running."),
            Line::from(vec![
                Span::raw("Press "),
                Span::styled(start_key, theme.key()),
                Span::raw(" or Enter to start one."),
            ]),
        ],
    };
    frame.render_widget(
        Paragraph::new(today_lines).block(
            Block::bordered()
                .title(" Today ")
                .border_style(theme.border()),
        ),
        today,
    );

    let unit = state.unit();
    let mut lines = vec![Line::styled(
        format!(
            "{:<18} {:<22} {:>5} {:>5} {:>12} {:>4}",
            "date",
            "title",
            "ex.",
            "sets",
            format!("volume {unit}"),
            "RPE"
        ),
        theme.dim(),
    )];
    for (i, s) in state.recent_sessions.iter().enumerate() {
        let volume = format_number((s.volume_kg / unit.kg_factor()).round());
        let text = format!(
            "{:<18} {:<22} {:>5} {:>5} {:>12} {:>4}",
            state
                .local(s.started_at)
                .format("%a %d %b %H:%M")
                .to_string(),
            truncate(&s.title, 22),
            s.exercises,
            s.sets,
            volume,
            s.rpe.map_or("–".into(), |r| r.to_string())
        );
        lines.push(if i == selected {
            Line::styled(text, theme.selected())
        } else {
            Line::raw(text)
        });
    }
    if state.recent_sessions.is_empty() {
        lines.push(Line::styled(
            "No sessions yet — your history will appear here.",
            theme.dim(),
        ));
    }
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .title(" Recent sessions ")
                .border_style(theme.border()),
        ),
        recent,
    );
}

/// Cuts `text` to `width` chars, marking the cut with an ellipsis.
pub fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}
