//! One past session: its sets with their heart rate, notes and the comparison with the last
//! time each exercise was done; its heart-rate chart (gaps left empty, set ends and rests
//! marked), time in its own zones and its load. A large terminal shows both halves; a small one
//! shows the sets first and switches to the heart rate with a key.

mod chart;
mod comparison;
mod heart_rate;
mod sets;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Block;

use crate::app::keymap::{Command, Context};
use crate::app::state::{Detail, DetailView, State};
use crate::core::words;
use crate::ui::text;
use crate::ui::theme::Theme;
use crate::ui::widgets::entry_line;

/// The smallest terminal that shows the sets and the heart rate together.
pub const BOTH: (u16, u16) = (120, 36);

/// Whether a terminal of this size shows sets and heart rate at once.
pub fn shows_both(terminal: Rect) -> bool {
    terminal.width >= BOTH.0 && terminal.height >= BOTH.1
}

pub fn render(frame: &mut Frame, area: Rect, state: &State, detail: &Detail, theme: Theme) {
    let edit_height = detail.edit.as_ref().map_or(0, |e| {
        (entry_line::height(
            &e.input,
            e.error.as_ref(),
            None,
            area.width.saturating_sub(2),
        ) + 2)
            .min(area.height / 2)
    });
    let [main, edit] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(edit_height)]).areas(area);
    if shows_both(frame.area()) {
        let hr_height = if detail.hr.is_some() {
            (main.height * 9 / 20).max(12)
        } else {
            3
        };
        let [hr, sets] =
            Layout::vertical([Constraint::Length(hr_height), Constraint::Fill(1)]).areas(main);
        heart_rate::render(frame, hr, state, detail, true, theme);
        sets::render(frame, sets, state, detail, theme);
    } else {
        match detail.view {
            DetailView::Sets => sets::render(frame, main, state, detail, theme),
            DetailView::HeartRate => heart_rate::render(frame, main, state, detail, false, theme),
        }
    }
    if let Some(e) = &detail.edit {
        let block = Block::bordered()
            .title(" Edit set — Enter saves, Esc cancels ")
            .border_style(theme.focus_border());
        let inner = block.inner(edit);
        frame.render_widget(block, edit);
        entry_line::render(
            frame,
            inner,
            (&e.input, e.error.as_ref(), None),
            state.modal.is_none(),
            theme,
        );
    }
}

/// "Mon 21 Sep 2026 14:13 · Workout · 5 sets · 1 h 05 min · RPE 8", for a block `width` wide:
/// a long session title (a program day's) gives way to the figures and the key after it, and
/// is left out when there is no room for a few letters of it.
fn title(state: &State, detail: &Detail, view: &str, width: u16) -> String {
    let session = &detail.session;
    let length = session
        .ended_at
        .map(|end| format!(" · {}", words::duration(session.duration(end))))
        .unwrap_or_default();
    let head = format!(
        " {}",
        state.local(session.started_at).format("%a %d %b %Y %H:%M")
    );
    let rest = format!(
        " · {}{length} · RPE {}{view} ",
        words::count(session.set_count(), "set", "sets"),
        session.rpe.map_or("–".into(), |r| r.to_string())
    );
    let room = usize::from(width.saturating_sub(2))
        .saturating_sub(text::width(&head) + text::width(&rest) + text::width(" · "));
    if room < 4.min(text::width(&session.title)) {
        return format!("{head}{rest}");
    }
    format!("{head} · {}{rest}", text::truncate(&session.title, room))
}

/// "Tab: heart rate" — the key that switches to the other view, for a small terminal's title.
fn switch_hint(state: &State, to: &str) -> String {
    state
        .keymap
        .key_for(Context::Detail, Command::SwitchView)
        .map(|k| format!(" · {k}: {to}"))
        .unwrap_or_default()
}
