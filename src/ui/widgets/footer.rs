//! The bottom two lines: the latest message, then the keys that matter here.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::state::State;
use crate::ui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, state: &State, theme: Theme) {
    let [status, keys] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(area);
    if let Some(message) = &state.status {
        let style = if message.error {
            theme.error()
        } else {
            theme.ok()
        };
        // A message longer than the line is cut visibly, never mid-word without a mark.
        let text =
            crate::ui::text::truncate(&format!(" {}", message.text), usize::from(status.width));
        frame.render_widget(Paragraph::new(Line::styled(text, style)), status);
    }
    frame.render_widget(
        Paragraph::new(hints(state, frame.area(), usize::from(keys.width), theme)),
        keys,
    );
}

/// "Enter log · Ctrl-n add exercise · …" from the keymap, for the current context, in at most
/// `width` columns: a hint that does not fit whole is left out (they are listed most needed
/// first), never cut.
/// A key that does nothing on a `terminal` this size is left out.
fn hints<'a>(state: &State, terminal: Rect, width: usize, theme: Theme) -> Line<'a> {
    let context = state.context();
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for (command, label) in state.hints() {
        if crate::ui::screens::does_nothing(context, *command, terminal) {
            continue;
        }
        if let Some(key) = state.keymap.key_for(context, *command) {
            let key = key.to_string();
            let label = format!(" {label}");
            // Each hint is followed by a space: it counts, or the line runs one past the edge.
            let needed = crate::ui::text::width(&key) + crate::ui::text::width(&label);
            if used + needed + 1 > width {
                continue;
            }
            used += needed + 1;
            spans.push(Span::styled(key, theme.key()));
            spans.push(Span::styled(format!("{label} "), theme.dim()));
        }
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::keymap::Keymap;
    use crate::app::state::{Screen, Settings, Startup};
    use chrono::{DateTime, FixedOffset};

    fn text(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn a_hint_that_does_not_fit_is_left_out_never_cut() {
        // A longer quit key than the default: the dashboard's hints no longer all fit 80 columns.
        let keymap = Keymap::default()
            .with_overrides([("quit", vec!["ctrl-q"]), ("settings", vec!["f10"])])
            .unwrap();
        let mut state = State::new(
            Startup::default(),
            Settings::default(),
            keymap,
            DateTime::UNIX_EPOCH,
            FixedOffset::east_opt(0).unwrap(),
        );
        state.screen = Screen::Dashboard;
        let theme = Theme::new(false);
        let wide = text(&hints(&state, Rect::new(0, 0, 120, 24), 120, theme));
        assert!(
            wide.contains("F10 settings") && wide.contains("Ctrl-Q quit"),
            "{wide}"
        );
        let line = hints(&state, Rect::new(0, 0, 80, 24), 80, theme);
        let narrow = text(&line);
        assert!(line.width() <= 80, "{narrow:?}");
        assert!(
            !narrow.contains("Ctrl-Q qu") || narrow.contains("Ctrl-Q quit"),
            "{narrow}"
        );
        for hint in ["s start/resume", "h history", "? help"] {
            assert!(narrow.contains(hint), "{hint} missing: {narrow}");
        }
        // Every hint shown is whole: the line ends with a whole label.
        let labels = [
            "start/resume",
            "history",
            "progress",
            "load",
            "settings",
            "deload",
        ];
        assert!(
            labels
                .iter()
                .chain(&["help", "quit"])
                .any(|label| narrow.trim_end().ends_with(label)),
            "{narrow}"
        );
    }
}
