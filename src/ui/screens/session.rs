//! The session screen: exercises on the left, the selected one's sets on the right, the entry
//! line and rest timer at the bottom.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::app::keymap::{Command, Context};
use crate::app::state::{SessionScreen, State};
use crate::core::session::Session;
use crate::ui::theme::Theme;
use crate::ui::widgets::{entry_line, set_row};

pub fn render(frame: &mut Frame, area: Rect, state: &State, screen: &SessionScreen, theme: Theme) {
    let Some(session) = &state.session else {
        return;
    };
    let [top, entry] = Layout::vertical([Constraint::Fill(1), Constraint::Length(4)]).areas(area);
    let list_width = (area.width / 3).clamp(28, 40);
    let [list, sets] =
        Layout::horizontal([Constraint::Length(list_width), Constraint::Fill(1)]).areas(top);
    exercises(frame, list, state, session, screen.selected, theme);
    slot_sets(frame, sets, state, session, screen.selected, theme);
    entry_block(frame, entry, state, session, screen, theme);
}

fn exercises(
    frame: &mut Frame,
    area: Rect,
    state: &State,
    session: &Session,
    selected: usize,
    theme: Theme,
) {
    let mut lines = Vec::new();
    for (i, slot) in session.slots.iter().enumerate() {
        // Supersets are bracketed: ┌ first, │ middle, └ last of a group.
        let prev = i
            .checked_sub(1)
            .and_then(|p| session.slots.get(p))
            .and_then(|s| s.superset);
        let next = session.slots.get(i + 1).and_then(|s| s.superset);
        let mark = match slot.superset {
            None => ' ',
            Some(g) if prev != Some(g) => '┌',
            Some(g) if next == Some(g) => '│',
            Some(_) => '└',
        };
        let working = slot
            .sets
            .iter()
            .filter(|s| s.spec.kind.is_working())
            .count();
        let name = crate::ui::widgets::session_row::truncate(
            &slot.name,
            usize::from(area.width.saturating_sub(12)),
        );
        let text = format!(
            "{mark}{:>2} {name:<w$} {working:>3}",
            i + 1,
            w = usize::from(area.width.saturating_sub(12))
        );
        lines.push(if i == selected {
            Line::styled(text, theme.selected())
        } else {
            Line::raw(text)
        });
    }
    if session.slots.is_empty() {
        let key = state
            .keymap
            .key_for(Context::Session, Command::AddExercise)
            .map_or_else(String::new, |k| k.to_string());
        lines.push(Line::from(vec![
            Span::raw("Press "),
            Span::styled(key, theme.key()),
            Span::raw(" to add an exercise."),
        ]));
    }
    let title = format!(" Exercises ({}) ", session.slots.len());
    frame.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(title).border_style(theme.border())),
        area,
    );
}

fn slot_sets(
    frame: &mut Frame,
    area: Rect,
    state: &State,
    session: &Session,
    selected: usize,
    theme: Theme,
) {
    let unit = state.unit();
    let Some(slot) = session.slots.get(selected) else {
        frame.render_widget(
            Block::bordered()
                .title(" Sets ")
                .border_style(theme.border()),
            area,
        );
        return;
    };
    let mut lines = vec![Line::styled(
        format!("{:>2} {} {}", "#", set_row::heading(), "done"),
        theme.dim(),
    )];
    for (i, set) in slot.sets.iter().enumerate() {
        let style = if set.spec.kind.is_working() {
            ratatui::style::Style::new()
        } else {
            theme.dim()
        };
        lines.push(Line::styled(
            format!(
                "{:>2} {} {}",
                i + 1,
                set_row::line(&set.spec, unit),
                state.local(set.completed_at).format("%H:%M")
            ),
            style,
        ));
    }
    if slot.sets.is_empty() {
        lines.push(Line::styled(
            "No sets yet. Type one below, e.g. 100x8 or w 60x5.",
            theme.dim(),
        ));
    }
    if !slot.notes.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::from(vec![
            Span::styled("Notes: ", theme.title()),
            Span::raw(slot.notes.clone()),
        ]));
    }
    let info = state
        .exercise(slot.exercise)
        .map(|e| format!(" · {} · {}", e.equipment.code(), e.mechanics.code()))
        .unwrap_or_default();
    let superset = slot
        .superset
        .map(|g| format!(" · superset {g}"))
        .unwrap_or_default();
    let title = Line::from(vec![
        Span::styled(format!(" {} ", slot.name), theme.title()),
        Span::styled(format!("{info}{superset} "), theme.dim()),
    ]);
    // Keep the newest sets visible when the list is longer than the panel.
    let overflow = lines
        .len()
        .saturating_sub(usize::from(area.height.saturating_sub(2))) as u16;
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((overflow, 0))
            .block(Block::bordered().title(title).border_style(theme.border())),
        area,
    );
}

fn entry_block(
    frame: &mut Frame,
    area: Rect,
    state: &State,
    session: &Session,
    screen: &SessionScreen,
    theme: Theme,
) {
    let name = session
        .slots
        .get(screen.selected)
        .map_or("no exercise", |s| s.name.as_str());
    let mut title = vec![Span::styled(format!(" Set — {name} "), theme.title())];
    if screen.saving {
        title.push(Span::styled(" saving… ", theme.warn()));
    }
    let mut block = Block::bordered()
        .title(Line::from(title))
        .border_style(theme.focus_border());
    if let Some(timer) = &state.rest {
        block =
            block.title(Line::from(entry_line::rest_span(timer, state.now, theme)).right_aligned());
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let focused = state.modal.is_none();
    entry_line::render(
        frame,
        inner,
        &screen.entry,
        screen.error.as_ref(),
        focused,
        theme,
    );
}
