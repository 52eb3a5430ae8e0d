//! Colours and emphasis. With colour off (`NO_COLOR`, `ui.color = "never"`) every cue that matters
//! is still carried by a modifier (bold, reversed, underline) or by text.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    color: bool,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        Theme { color }
    }

    fn pick(self, color: Color, fallback: Modifier) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new().add_modifier(fallback)
        }
    }

    pub fn title(self) -> Style {
        self.pick(Color::Cyan, Modifier::BOLD)
            .add_modifier(Modifier::BOLD)
    }

    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }

    pub fn key(self) -> Style {
        self.pick(Color::Yellow, Modifier::BOLD)
    }

    pub fn error(self) -> Style {
        self.pick(Color::Red, Modifier::BOLD)
    }

    pub fn ok(self) -> Style {
        self.pick(Color::Green, Modifier::empty())
    }

    pub fn warn(self) -> Style {
        self.pick(Color::Yellow, Modifier::BOLD)
    }

    pub fn selected(self) -> Style {
        if self.color {
            Style::new()
                .bg(Color::DarkGray)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// The rest timer once the rest is over: impossible to miss.
    pub fn alarm(self) -> Style {
        if self.color {
            Style::new()
                .bg(Color::Green)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    /// A prefilled value that Enter accepts and typing replaces.
    pub fn suggestion(self) -> Style {
        self.pick(Color::Cyan, Modifier::UNDERLINED)
            .add_modifier(Modifier::UNDERLINED)
    }

    /// A colour that carries meaning (a heart-rate zone); bold when colour is off, and the
    /// text beside it must say the same.
    pub fn colored(self, color: Color) -> Style {
        self.pick(color, Modifier::BOLD)
    }

    pub fn border(self) -> Style {
        self.dim()
    }

    pub fn focus_border(self) -> Style {
        self.pick(Color::Cyan, Modifier::BOLD)
    }
}
