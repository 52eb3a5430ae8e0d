//! The help overlay, generated from the keymap so it can never disagree with the keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::app::keymap::{Context, Keymap};
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

/// The overlay, with `first`'s section (the screen it was opened on) on top and the others
/// after it in their usual order; scrolled by `scroll` lines, never past the last.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    state: &State,
    scroll: u16,
    first: Option<Context>,
    theme: Theme,
) {
    let terminal = frame.area();
    let area = crate::ui::centered(area, 76, area.height);
    let mut lines = Vec::new();
    let sections = Keymap::help_sections();
    let ordered = sections
        .iter()
        .filter(|(c, _)| Some(*c) == first)
        .chain(sections.iter().filter(|(c, _)| Some(*c) != first));
    for (context, title) in ordered {
        lines.push(Line::styled(*title, theme.title()));
        for line in state.keymap.help(*context) {
            if crate::ui::screens::does_nothing(*context, line.command, terminal) {
                continue;
            }
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
    let last = lines
        .len()
        .saturating_sub(usize::from(area.height.saturating_sub(2)));
    let scroll = scroll.min(last as u16);
    let block = Block::bordered()
        .title(" Help — Esc closes, ↑↓ scroll ")
        .border_style(theme.focus_border());
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), area);
}
