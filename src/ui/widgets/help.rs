//! The help overlay, generated from the keymap so it can never disagree with the keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::app::keymap::Keymap;
use crate::app::state::State;
use crate::ui::theme::Theme;

/// Shorthand reminders shown with the keys.
const SHORTHAND: &[(&str, &str)] = &[
    ("100x8", "weight × reps"),
    ("100x8@9 / 100x8r1", "with RPE / RIR"),
    ("x8  +2.5x8  -5x8", "same / heavier / lighter than last"),
    ("bw x12  bw+20x8", "body weight, plus load"),
    ("225lbx5  45s", "unit override, timed set"),
    ("100x5x3", "three sets at once"),
    ("w d f a", "prefix: warm-up, drop, failure, AMRAP"),
];

pub fn render(frame: &mut Frame, area: Rect, state: &State, scroll: u16, theme: Theme) {
    let area = crate::ui::centered(area, 76, area.height);
    let mut lines = Vec::new();
    for (context, title) in Keymap::help_sections() {
        lines.push(Line::styled(*title, theme.title()));
        for line in state.keymap.help(*context) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<22}", line.keys), theme.key()),
                Span::raw(line.help),
            ]));
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled("Set shorthand", theme.title()));
    for (example, meaning) in SHORTHAND {
        lines.push(Line::from(vec![
            Span::styled(format!("  {example:<22}"), theme.key()),
            Span::raw(*meaning),
        ]));
    }
    let block = Block::bordered()
        .title(" Help — Esc closes, ↑↓ scroll ")
        .border_style(theme.focus_border());
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), area);
}
