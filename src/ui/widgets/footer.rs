//! The bottom two lines: the latest message, then the keys that matter here.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::keymap::{Command, Context};
use crate::app::state::{Screen, State};
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
    let both = crate::ui::screens::session_detail::shows_both(frame.area());
    frame.render_widget(
        Paragraph::new(hints(state, both, usize::from(keys.width), theme)),
        keys,
    );
}

/// "Enter log · Ctrl-n add exercise · …" from the keymap, for the current context, in at most
/// `width` columns: a hint that does not fit whole is left out (they are listed most needed
/// first), never cut.
/// `detail_both`: the session detail shows sets and heart rate at once (no view key needed).
fn hints<'a>(state: &State, detail_both: bool, width: usize, theme: Theme) -> Line<'a> {
    use Command as C;
    let context = state.context();
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for (command, label) in wanted(state, context) {
        if *command == C::SwitchView && detail_both {
            continue;
        }
        if let Some(key) = state.keymap.key_for(context, *command) {
            let key = key.to_string();
            let label = format!(" {label}");
            // The space after a hint only when another follows.
            let needed = crate::ui::text::width(&key) + crate::ui::text::width(&label);
            if used + needed > width {
                continue;
            }
            used += needed + 1;
            spans.push(Span::styled(key, theme.key()));
            spans.push(Span::styled(format!("{label} "), theme.dim()));
        }
    }
    Line::from(spans)
}

/// The hints of `context`, most needed first.
fn wanted(state: &State, context: Context) -> &'static [(Command, &'static str)] {
    use Command as C;
    match context {
        Context::Dashboard => &[
            (C::StartSession, "start/resume"),
            (C::History, "history"),
            (C::Progress, "progress"),
            (C::TrainingLoad, "load"),
            (C::Settings, "settings"),
            (C::Deload, "deload"),
            (C::Help, "help"),
            (C::Quit, "quit"),
        ],
        Context::Session => &[
            (C::Submit, "log"),
            (C::AddExercise, "add"),
            (C::RestMinus, "rest−"),
            (C::RestPlus, "rest+"),
            (C::RestSkip, "skip"),
            (C::Finish, "finish"),
            (C::Help, "help"),
            (C::Back, "back"),
        ],
        Context::Picker if crate::ui::screens::progress::picking(state) => {
            &[(C::Submit, "show"), (C::Back, "cancel")]
        }
        Context::Picker => &[
            (C::Submit, "add"),
            (C::CreateExercise, "new exercise"),
            (C::Back, "cancel"),
        ],
        Context::History => &[
            (C::Submit, "open"),
            (C::Delete, "delete"),
            (C::Back, "back"),
            (C::Help, "help"),
        ],
        Context::Detail => &[
            (C::SwitchView, "sets/heart rate"),
            (C::EditSet, "edit set"),
            (C::Delete, "delete set"),
            (C::Back, "back"),
            (C::Help, "help"),
        ],
        // The first-run profile cannot be cancelled into an app without one: quit instead.
        Context::Form if state.modal.is_none() && matches!(state.screen, Screen::Onboarding(_)) => {
            &[
                (C::Submit, "next / save"),
                (C::NextField, "next field"),
                (C::Quit, "quit"),
            ]
        }
        // Settings of a read-only database are shown, not saved.
        Context::Form
            if state.modal.is_none()
                && state.read_only.is_some()
                && matches!(state.screen, Screen::Settings(_)) =>
        {
            &[(C::NextField, "next field"), (C::Back, "back")]
        }
        Context::Form => &[
            (C::Submit, "next / save"),
            (C::NextField, "next field"),
            (C::Back, "cancel"),
        ],
        Context::Confirm => &[(C::Yes, "yes"), (C::No, "no")],
        Context::Summary => &[(C::Submit, "dashboard")],
        Context::Devices => &[
            (C::Submit, "connect"),
            (C::Rescan, "scan again"),
            (C::Forget, "forget"),
            (C::Back, "back"),
        ],
        Context::Help => &[(C::Back, "close"), (C::Up, "scroll")],
        Context::Progress => &[
            (C::PickExercise, "exercise"),
            (C::NextLift, "next lift"),
            (C::RangeNext, "range"),
            (C::Back, "back"),
            (C::Help, "help"),
        ],
        Context::Load => &[
            (C::RangeNext, "range"),
            (C::NextPanel, "panel"),
            (C::Back, "back"),
            (C::Help, "help"),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::keymap::Keymap;
    use crate::app::state::{Settings, Startup};
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
        let wide = text(&hints(&state, false, 120, theme));
        assert!(
            wide.contains("F10 settings") && wide.contains("Ctrl-Q quit"),
            "{wide}"
        );
        let line = hints(&state, false, 80, theme);
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
