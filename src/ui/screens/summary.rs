//! After finishing: duration, sets and volume per exercise.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

use crate::app::state::State;
use crate::core::session::Session;
use crate::core::units::format_number;
use crate::core::words;
use crate::ui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, state: &State, session: &Session, theme: Theme) {
    let unit = state.unit();
    let body = state.profile.as_ref().map(|p| p.body_weight);
    let volume = |kg: f64| format!("{} {unit}", format_number((kg / unit.kg_factor()).round()));
    let mut lines = vec![
        Line::styled("Session finished — well done.", theme.ok()),
        Line::raw(""),
        Line::raw(format!(
            "Duration {}   Sets {}   Volume {}   Session RPE {}",
            words::duration(session.duration(state.now)),
            session.set_count(),
            volume(session.volume_kg(body)),
            session.rpe.map_or("–".into(), |r| r.to_string())
        )),
        Line::raw(""),
        Line::styled(
            format!(
                "{:<32} {:>5} {:>8} {:>6} {:>12}",
                "exercise", "sets", "working", "reps", "volume"
            ),
            theme.dim(),
        ),
    ];
    for t in session.totals(body) {
        lines.push(Line::raw(format!(
            "{:<32} {:>5} {:>8} {:>6} {:>12}",
            crate::ui::text::truncate(&t.name, 32),
            t.sets,
            t.working_sets,
            t.reps,
            volume(t.volume_kg)
        )));
    }
    if !session.notes.is_empty() {
        const LABEL: &str = "Notes: ";
        lines.push(Line::raw(""));
        let width = usize::from(area.width.saturating_sub(2)).saturating_sub(LABEL.len());
        for (n, part) in crate::ui::text::wrap(&session.notes, width)
            .into_iter()
            .enumerate()
        {
            let lead = if n == 0 {
                LABEL.to_string()
            } else {
                " ".repeat(LABEL.len())
            };
            lines.push(Line::raw(format!("{lead}{part}")));
        }
    }
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .title(" Summary ")
                .border_style(theme.border()),
        ),
        area,
    );
}
