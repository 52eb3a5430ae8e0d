//! The sets half: notes, each exercise's sets with their time and heart rate, and the
//! comparison with last time under each exercise's name.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::comparison::comparison_lines;
use super::{shows_both, switch_hint, title};
use crate::app::state::{Detail, State};
use crate::core::heart::set_hr::SetHr;
use crate::core::workout::session::LoggedSet;
use crate::ui::text::{self, wrap};
use crate::ui::theme::Theme;
use crate::ui::widgets::set_row::{self, Column};

/// The session's sets under their exercises, each exercise with its comparison, scrolled to
/// keep the selected set in view.
pub(super) fn render(frame: &mut Frame, area: Rect, state: &State, detail: &Detail, theme: Theme) {
    const INDENT: &str = "    ";
    let unit = state.unit();
    let session = &detail.session;
    let inner_width = usize::from(area.width.saturating_sub(2));
    let mut lines = Vec::new();
    if !session.notes.is_empty() {
        let label = Span::styled("Notes: ", theme.dim());
        lines.extend(notes_lines(vec![label], &session.notes, inner_width));
    }
    if detail.hr.is_none() && !shows_both(frame.area()) {
        lines.push(Line::styled("♥ No heart rate recorded.", theme.dim()));
    }
    let sets: Vec<&LoggedSet> = session.sets().map(|(_, set)| set).collect();
    let table = set_table(
        state,
        detail,
        &sets,
        inner_width.saturating_sub(INDENT.len()),
    );
    lines.push(Line::styled(
        format!("{INDENT}{}", table.heading),
        theme.dim(),
    ));
    let mut row_of_selected = 0;
    let mut current_slot = usize::MAX;
    let mut compared = Vec::new();
    for (n, ((slot_index, _), row)) in session.sets().zip(table.rows).enumerate() {
        if slot_index != current_slot {
            current_slot = slot_index;
            let slot = &session.slots[slot_index];
            let name = Span::styled(slot.name.clone(), theme.title());
            if slot.notes.is_empty() {
                lines.push(Line::from(name));
            } else {
                let lead = vec![name, Span::raw(" — ")];
                lines.extend(notes_lines(lead, &slot.notes, inner_width));
            }
            if !compared.contains(&slot.exercise)
                && let Some(c) = detail
                    .comparisons
                    .iter()
                    .find(|c| c.exercise == slot.exercise)
            {
                compared.push(slot.exercise);
                lines.extend(comparison_lines(c, unit, inner_width, theme));
            }
        }
        if n == detail.selected {
            row_of_selected = lines.len();
        }
        let text = format!("{INDENT}{row}");
        lines.push(if n == detail.selected {
            Line::styled(text, theme.selected())
        } else {
            Line::raw(text)
        });
    }
    if session.set_count() == 0 {
        lines.push(Line::styled("This session has no sets.", theme.dim()));
    }
    let visible = usize::from(area.height.saturating_sub(2));
    let scroll = row_of_selected.saturating_sub(visible.saturating_sub(1)) as u16;
    let hint = if shows_both(frame.area()) {
        String::new()
    } else {
        switch_hint(state, "heart rate")
    };
    frame.render_widget(
        Paragraph::new(lines).scroll((scroll, 0)).block(
            Block::bordered()
                .title(title(state, detail, &hint, area.width))
                .border_style(theme.border()),
        ),
        area,
    );
}

/// `lead` (a label, or an exercise's name) and the notes after it, wrapped at `width`; the
/// lines after the first under the notes' first word (or two columns in, after a long name).
fn notes_lines(lead: Vec<Span<'static>>, notes: &str, width: usize) -> Vec<Line<'static>> {
    let lead_width: usize = lead.iter().map(Span::width).sum();
    let indent = if lead_width * 2 <= width {
        lead_width
    } else {
        2
    };
    let room = width.saturating_sub(lead_width);
    let words: Vec<&str> = notes.split_whitespace().collect();
    let mut first = String::new();
    let mut taken = 0;
    for word in &words {
        let needed = text::width(&first) + usize::from(!first.is_empty()) + text::width(word);
        if needed > room {
            break;
        }
        if !first.is_empty() {
            first.push(' ');
        }
        first.push_str(word);
        taken += 1;
    }
    let rest = words[taken..].join(" ");
    let mut head = lead;
    head.push(Span::raw(first));
    let mut lines = vec![Line::from(head)];
    lines.extend(
        wrap(&rest, width.saturating_sub(indent))
            .into_iter()
            .map(|part| Line::raw(format!("{}{part}", " ".repeat(indent)))),
    );
    lines
}

/// Every set of the session as one table: its columns, the time it was done, and — when the
/// session has heart rate — start→end, peak, and the change 30 s and 60 s after it.
fn set_table(state: &State, detail: &Detail, sets: &[&LoggedSet], width: usize) -> set_row::Table {
    let unit = state.unit();
    let mut columns = set_row::columns(sets.iter().map(|s| &s.spec), unit);
    columns.push(
        Column::new(
            "time",
            sets.iter()
                .map(|s| state.local(s.completed_at).format("%H:%M").to_string())
                .collect(),
        )
        .optional(set_row::TIME_STEPS_ASIDE),
    );
    let with_hr = detail.hr.is_some() || !detail.set_hr.is_empty();
    if with_hr {
        let hr: Vec<Option<&SetHr>> = sets.iter().map(|s| detail.set_hr.get(&s.id)).collect();
        let cells = |f: &dyn Fn(&SetHr) -> String| -> Vec<String> {
            hr.iter().map(|h| h.map_or_else(String::new, f)).collect()
        };
        columns.push(Column::new(
            "start→end",
            cells(&|h| format!("{}→{}", set_row::bpm(h.start), set_row::bpm(h.end))),
        ));
        columns.push(Column::new("peak", cells(&|h| set_row::bpm(h.peak))));
        columns.push(Column::new(
            "30/60 s",
            cells(&|h| {
                format!(
                    "{}/{}",
                    set_row::recovery(h.recovery_30),
                    set_row::recovery(h.recovery_60)
                )
            }),
        ));
    }
    set_row::table(columns, width)
}
