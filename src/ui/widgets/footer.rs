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
    frame.render_widget(Paragraph::new(hints(state, both, theme)), keys);
}

/// "Enter log · Ctrl-n add exercise · …" from the keymap, for the current context.
/// `detail_both`: the session detail shows sets and heart rate at once (no view key needed).
fn hints<'a>(state: &State, detail_both: bool, theme: Theme) -> Line<'a> {
    use Command as C;
    let context = state.context();
    let wanted: &[(Command, &str)] = match context {
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
    };
    let mut spans = vec![Span::raw(" ")];
    for (command, label) in wanted {
        if *command == C::SwitchView && detail_both {
            continue;
        }
        if let Some(key) = state.keymap.key_for(context, *command) {
            spans.push(Span::styled(key.to_string(), theme.key()));
            spans.push(Span::styled(format!(" {label} "), theme.dim()));
        }
    }
    Line::from(spans)
}
