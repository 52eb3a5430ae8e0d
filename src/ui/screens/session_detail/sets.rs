//! The sets half: notes, each exercise's sets with their time and heart rate, and the
//! comparison with last time under each exercise's name.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::comparison::comparison_lines;
use super::{shows_both, switch_hint, title};
use crate::app::state::{Detail, State};
use crate::core::set_hr::SetHr;
use crate::core::units::Bpm;
use crate::ui::theme::Theme;
use crate::ui::widgets::set_row;

/// The session's sets under their exercises, each exercise with its comparison, scrolled to
/// keep the selected set in view.
pub(super) fn render(frame: &mut Frame, area: Rect, state: &State, detail: &Detail, theme: Theme) {
    let unit = state.unit();
    let session = &detail.session;
    let with_hr = detail.hr.is_some() || !detail.set_hr.is_empty();
    let mut lines = Vec::new();
    if !session.notes.is_empty() {
        lines.push(Line::from(vec![
            Span::styled("Notes: ", theme.dim()),
            Span::raw(session.notes.clone()),
        ]));
    }
    if detail.hr.is_none() && !shows_both(frame.area()) {
        lines.push(Line::styled("♥ No heart rate recorded.", theme.dim()));
    }
    let mut heading = format!("    {}  {:<5} ", set_row::heading(), "time");
    if with_hr {
        heading.push_str(&hr_columns("start", "end", "peak", "drop 30/60"));
    }
    lines.push(Line::styled(heading, theme.dim()));
    let mut row_of_selected = 0;
    let mut current_slot = usize::MAX;
    let mut compared = Vec::new();
    for (n, (slot_index, set)) in session.sets().enumerate() {
        if slot_index != current_slot {
            current_slot = slot_index;
            let slot = &session.slots[slot_index];
            let mut name = vec![Span::styled(slot.name.clone(), theme.title())];
            if !slot.notes.is_empty() {
                name.push(Span::raw(format!(" — {}", slot.notes)));
            }
            lines.push(Line::from(name));
            if !compared.contains(&slot.exercise)
                && let Some(c) = detail
                    .comparisons
                    .iter()
                    .find(|c| c.exercise == slot.exercise)
            {
                compared.push(slot.exercise);
                let width = usize::from(area.width.saturating_sub(2));
                lines.extend(comparison_lines(c, unit, width, theme));
            }
        }
        if n == detail.selected {
            row_of_selected = lines.len();
        }
        let mut text = format!(
            "    {}  {}",
            set_row::line(&set.spec, unit),
            state.local(set.completed_at).format("%H:%M")
        );
        if with_hr {
            text.push(' ');
            text.push_str(&set_hr_cells(detail.set_hr.get(&set.id)));
        }
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
                .title(title(state, detail, &hint))
                .border_style(theme.border()),
        ),
        area,
    );
}

/// The set's heart-rate columns, lined up under their headings.
fn hr_columns(start: &str, end: &str, peak: &str, drop: &str) -> String {
    format!("{start:>5}→{end:<4}{peak:>5}  {drop}")
}

/// "   95→128   131  −22/−35": start → end, peak, and the change 30 s and 60 s after the set.
fn set_hr_cells(hr: Option<&SetHr>) -> String {
    let Some(hr) = hr else {
        return String::new();
    };
    let bpm = |v: Option<Bpm>| v.map_or("–".into(), |b| b.get().to_string());
    // Recovery is stored as the fall in bpm; shown as the change, so a fall reads "−22".
    let drop = |v: Option<i16>| {
        v.map_or("–".into(), |d| match d {
            0 => "0".to_string(),
            d if d > 0 => format!("−{d}"),
            d => format!("+{}", -i32::from(d)),
        })
    };
    hr_columns(
        &bpm(hr.start),
        &bpm(hr.end),
        &bpm(hr.peak),
        &format!("{}/{}", drop(hr.recovery_30), drop(hr.recovery_60)),
    )
}
