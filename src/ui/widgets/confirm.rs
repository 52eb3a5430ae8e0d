//! A yes/no question over the current screen, as wide as the question wants (within the
//! terminal) and as tall as its wrapped lines.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::app::confirm::Confirm;
use crate::ui::text::{width, wrap};
use crate::ui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, confirm: &Confirm, theme: Theme) {
    let keys = [
        ("y/Enter", format!(" {}    ", confirm.yes)),
        ("n/Esc", format!(" {}", confirm.no)),
    ];
    let keys_width: usize = keys.iter().map(|(k, l)| width(k) + width(l)).sum();
    // Borders and a column of padding on each side.
    let wanted = width(&confirm.message).max(keys_width) + 4;
    let dialog = crate::ui::dialog_width(area, wanted as u16);
    let room = usize::from(dialog.saturating_sub(4));
    let mut text: Vec<Line> = wrap(&confirm.message, room)
        .into_iter()
        .map(|l| Line::raw(format!(" {l}")))
        .collect();
    text.push(Line::raw(""));
    let mut spans = vec![Span::raw(" ")];
    for (key, label) in keys {
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::raw(label));
    }
    text.push(Line::from(spans));
    let area = crate::ui::centered(area, dialog, text.len() as u16 + 2);
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(text).block(
            Block::bordered()
                .title(" Confirm ")
                .border_style(theme.focus_border()),
        ),
        area,
    );
}
