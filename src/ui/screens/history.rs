//! History: every session, and one session's sets for editing.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

use crate::app::state::{Detail, HistoryScreen, State};
use crate::ui::theme::Theme;
use crate::ui::widgets::session_row;
use crate::ui::widgets::{entry_line, set_row};

pub fn render(frame: &mut Frame, area: Rect, state: &State, history: &HistoryScreen, theme: Theme) {
    match &history.detail {
        Some(detail) => render_detail(frame, area, state, detail, theme),
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
    let title = format!(" History · {} sessions ", history.sessions.len());
    frame.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(title).border_style(theme.border())),
        area,
    );
}

fn render_detail(frame: &mut Frame, area: Rect, state: &State, detail: &Detail, theme: Theme) {
    let unit = state.unit();
    let session = &detail.session;
    let edit_height = if detail.edit.is_some() { 4 } else { 0 };
    let [sets, edit] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(edit_height)]).areas(area);
    let mut lines = vec![Line::styled(
        format!("    {}", set_row::heading()),
        theme.dim(),
    )];
    let mut row_of_selected = 0;
    let mut current_slot = usize::MAX;
    for (n, (slot_index, set)) in session.sets().enumerate() {
        if slot_index != current_slot {
            current_slot = slot_index;
            let slot = &session.slots[slot_index];
            let notes = if slot.notes.is_empty() {
                String::new()
            } else {
                format!(" — {}", slot.notes)
            };
            lines.push(Line::styled(format!("{}{notes}", slot.name), theme.title()));
        }
        if n == detail.selected {
            row_of_selected = lines.len();
        }
        let text = format!(
            "    {}  {}",
            set_row::line(&set.spec, unit),
            state.local(set.completed_at).format("%H:%M")
        );
        lines.push(if n == detail.selected {
            Line::styled(text, theme.selected())
        } else {
            Line::raw(text)
        });
    }
    if session.set_count() == 0 {
        lines.push(Line::styled("This session has no sets.", theme.dim()));
    }
    if !session.notes.is_empty() {
        lines.push(Line::raw(format!("Notes: {}", session.notes)));
    }
    let visible = usize::from(sets.height.saturating_sub(2));
    let scroll = row_of_selected.saturating_sub(visible.saturating_sub(1)) as u16;
    let title = format!(
        " {} · {} · {} sets · RPE {} ",
        state.local(session.started_at).format("%a %d %b %Y %H:%M"),
        session.title,
        session.set_count(),
        session.rpe.map_or("–".into(), |r| r.to_string())
    );
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((scroll, 0))
            .block(Block::bordered().title(title).border_style(theme.border())),
        sets,
    );
    if let Some(e) = &detail.edit {
        let block = Block::bordered()
            .title(" Edit set — Enter saves, Esc cancels ")
            .border_style(theme.focus_border());
        let inner = block.inner(edit);
        frame.render_widget(block, edit);
        entry_line::render(
            frame,
            inner,
            &e.input,
            e.error.as_ref(),
            state.modal.is_none(),
            theme,
        );
    }
}
