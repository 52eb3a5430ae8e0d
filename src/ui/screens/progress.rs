//! The progression screen: one lift's e1RM over time (weekly best, PRs, trend), its recent top
//! sets, weekly volume, and working sets per muscle group per week. The numbers come from
//! `core::review::progress` and `core::review::muscles`; weights turn into the lifter's unit here.

mod e1rm;
mod muscles;
mod top_sets;
mod volume;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::app::keymap::{Command, Context};
use crate::app::review_state::ProgressScreen;
use crate::app::state::{Picker, PickerPurpose, Screen, State};
use crate::core::workout::exercise::ExerciseId;
use crate::ui::theme::Theme;

pub use volume::compact;

/// The mark of a PR, on the e1RM chart and in the top sets, the same with and without colour.
pub const PR_MARK: char = '★';

/// The mark of a week inside a recorded deload, on the e1RM chart and in the top sets.
pub const DELOAD_MARK: char = '▾';

/// The lifts trained, for a picker that picks a lift to chart (`None` for other pickers).
pub fn picker_lifts<'a>(state: &'a State, picker: &Picker) -> Option<&'a [ExerciseId]> {
    if picker.purpose != PickerPurpose::Progress {
        return None;
    }
    Some(match &state.screen {
        Screen::Progress(screen) => &screen.lifts,
        _ => &[],
    })
}

/// Draws the progression screen.
pub fn render(frame: &mut Frame, area: Rect, state: &State, screen: &ProgressScreen, theme: Theme) {
    let Some(exercise) = screen.exercise else {
        nothing_yet(frame, area, state, screen, theme);
        return;
    };
    let name = state
        .exercise(exercise)
        .map_or_else(|| format!("exercise #{}", exercise.0), |e| e.name.clone());
    let tall = area.height >= 30;
    let wide = area.width >= 110;
    let [top, bottom] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(if tall { 14 } else { 8 }),
    ])
    .areas(area);
    let [chart, sets] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(if wide { 44 } else { 30 }),
    ])
    .areas(top);
    let [volume, muscles] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(bottom);
    e1rm::render(frame, chart, state, screen, &name, theme);
    top_sets::render(frame, sets, state.unit(), &screen.progress, theme);
    volume::render(frame, volume, state.unit(), &screen.progress, theme);
    muscles::render(frame, muscles, state, screen, theme);
}

/// No lift has a set yet: say what to do.
fn nothing_yet(
    frame: &mut Frame,
    area: Rect,
    state: &State,
    screen: &ProgressScreen,
    theme: Theme,
) {
    let key = |command| {
        state
            .keymap
            .key_for(Context::Dashboard, command)
            .map_or_else(String::new, |k| k.to_string())
    };
    let pick = state
        .keymap
        .key_for(Context::Progress, Command::PickExercise)
        .map_or_else(String::new, |k| k.to_string());
    let lines = if screen.loading {
        vec![Line::styled("Loading…", theme.dim())]
    } else {
        vec![
            Line::styled("No lift with history yet.", theme.title()),
            Line::raw(""),
            Line::from(vec![
                Span::raw("Log a few sessions with weights — press "),
                Span::styled(key(Command::StartSession), theme.key()),
                Span::raw(
                    " on the dashboard to start one — and each lift's e1RM, top sets, weekly volume and the sets per muscle group will chart here.",
                ),
            ]),
            Line::raw(""),
            Line::from(vec![
                Span::raw("Press "),
                Span::styled(pick, theme.key()),
                Span::raw(" to look up any exercise."),
            ]),
        ]
    };
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(
            Block::bordered()
                .title(" Progression ")
                .border_style(theme.border()),
        ),
        area,
    );
}
