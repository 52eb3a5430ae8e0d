//! Shown instead of any screen when the terminal is smaller than 80×24.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::state::MIN_SIZE;
use crate::ui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, theme: Theme) {
    let text = vec![
        Line::styled("Terminal too small", theme.error()),
        Line::from(format!(
            "ironpulse needs {}×{}; this one is {}×{}.",
            MIN_SIZE.0, MIN_SIZE.1, area.width, area.height
        )),
        Line::from("Enlarge the window or reduce the font size."),
        Line::from("Everything logged is saved."),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}
