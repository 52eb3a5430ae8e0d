//! One past session as a list row: the same columns on the dashboard and in History.

use ratatui::text::Line;

use crate::app::state::State;
use crate::core::units::format_number;
use crate::core::words::duration;
use crate::core::workout::session::SessionSummary;
use crate::ui::text::truncate;
use crate::ui::theme::Theme;

const TITLE: usize = 16;

/// The column headings.
pub fn heading(state: &State, theme: Theme) -> Line<'static> {
    let volume = format!("volume {}", state.unit());
    Line::styled(
        format!(
            "{:<21} {:<11} {:<TITLE$} {:>4} {:>5} {:>10} {:>4}",
            "date", "length", "title", "ex.", "sets", volume, "RPE"
        ),
        theme.dim(),
    )
}

/// One session; `selected` draws it highlighted.
pub fn line(state: &State, s: &SessionSummary, selected: bool, theme: Theme) -> Line<'static> {
    let unit = state.unit();
    let length = s.duration.map_or_else(|| "active".to_string(), duration);
    let text = format!(
        "{:<21} {:<11} {:<TITLE$} {:>4} {:>5} {:>10} {:>4}",
        state
            .local(s.started_at)
            .format("%a %d %b %Y %H:%M")
            .to_string(),
        length,
        truncate(&s.title, TITLE),
        s.exercises,
        s.sets,
        format_number((s.volume_kg / unit.kg_factor()).round()),
        s.rpe.map_or("–".into(), |r| r.to_string())
    );
    if selected {
        Line::styled(text, theme.selected())
    } else {
        Line::raw(text)
    }
}
