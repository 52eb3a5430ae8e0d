//! A yes/no question over the current screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::app::state::Confirm;
use crate::ui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, confirm: &Confirm, theme: Theme) {
    let area = crate::ui::centered(area, 60, 7);
    let text = vec![
        Line::raw(confirm.message.clone()),
        Line::raw(""),
        Line::from(vec![
            Span::styled("y/Enter", theme.key()),
            Span::raw(format!(" {}    ", confirm.yes)),
            Span::styled("n/Esc", theme.key()),
            Span::raw(format!(" {}", confirm.no)),
        ]),
    ];
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(text).wrap(Wrap { trim: true }).block(
            Block::bordered()
                .title(" Confirm ")
                .border_style(theme.focus_border()),
        ),
        area,
    );
}
