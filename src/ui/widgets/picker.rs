//! The "add exercise" picker: a query line and the ranked catalogue.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::app::state::{Picker, State};
use crate::ui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, state: &State, picker: &Picker, theme: Theme) {
    let width = crate::ui::dialog_width(area, 92);
    let area = crate::ui::centered(area, width, area.height.saturating_sub(2).max(10));
    frame.render_widget(Clear, area);
    // A picker for the progression chart marks the lifts trained, else the recent exercises.
    let lifts = crate::ui::screens::progress::picker_lifts(state, picker);
    let marked: &[crate::core::workout::exercise::ExerciseId] =
        lifts.unwrap_or(&state.recent_exercises);
    let block = Block::bordered()
        .title(if lifts.is_some() {
            " Show the progression of — type to search "
        } else {
            " Add exercise — type to search "
        })
        .border_style(theme.focus_border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // More typed than the query holds: said whole under the list, wrapped.
    let refused: Vec<String> = picker
        .query
        .refused_message()
        .map(|message| crate::ui::text::wrap(&message, usize::from(inner.width.saturating_sub(1))))
        .unwrap_or_default();
    let [query, list, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(refused.len().max(1) as u16),
    ])
    .areas(inner);
    super::entry_line::render(frame, query, (&picker.query, None, None), true, theme);

    let rows = usize::from(list.height);
    let first = picker.selected.saturating_sub(rows.saturating_sub(1));
    let lines: Vec<Line> = picker
        .results
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .filter_map(|(i, index)| state.exercises.get(*index).map(|e| (i, e)))
        .map(|(i, e)| {
            let recent = if marked.contains(&e.id) { "•" } else { " " };
            let text = format!(
                "{recent} {:<34} {:<10} {}",
                e.name,
                e.equipment.code(),
                e.muscles.join(", ")
            );
            if i == picker.selected {
                Line::styled(text, theme.selected())
            } else {
                Line::raw(text)
            }
        })
        .collect();
    if lines.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled("  no exercise matches", theme.dim())),
            list,
        );
    } else {
        frame.render_widget(Paragraph::new(lines), list);
    }
    if !refused.is_empty() {
        let lines: Vec<Line> = refused
            .into_iter()
            .map(|part| Line::styled(format!(" {part}"), theme.error()))
            .collect();
        frame.render_widget(Paragraph::new(lines), hint);
        return;
    }
    if lifts.is_some() {
        frame.render_widget(Line::styled(" • trained", theme.dim()), hint);
        return;
    }
    let create = state
        .keymap
        .key_for(
            crate::app::keymap::Context::Picker,
            crate::app::keymap::Command::CreateExercise,
        )
        .map_or_else(String::new, |k| k.to_string());
    let name = picker.query.text().trim();
    let label = if name.is_empty() {
        " create a custom exercise".to_string()
    } else {
        format!(" create \"{name}\"")
    };
    frame.render_widget(
        Line::from(vec![
            Span::styled(" • recent   ", theme.dim()),
            Span::styled(create, theme.key()),
            Span::styled(label, theme.dim()),
        ]),
        hint,
    );
}
