//! The dashboard: start or resume, the running program, the deload check, the top insights
//! (the selected one with its rule and suggestion), recent sessions.

mod insights;
mod program;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::app::keymap::{Command, Context};
use crate::app::state::State;
use crate::core::words;
use crate::core::workout::rest::clock;
use crate::ui::text::wrap;
use crate::ui::theme::Theme;
use crate::ui::widgets::session_row;

/// From this body height on, the dashboard lists [`LARGE_SHOWN`] insights, else [`SMALL_SHOWN`].
const LARGE_HEIGHT: u16 = 30;
const LARGE_SHOWN: usize = 6;
const SMALL_SHOWN: usize = 3;
/// Recent sessions always keep room for this many rows (fewer when there are fewer).
const RECENT_KEPT: usize = 3;

pub fn render(frame: &mut Frame, area: Rect, state: &State, theme: Theme) {
    let today_lines = today_lines(state, usize::from(area.width.saturating_sub(2)), theme);
    let today_height = today_lines.len() as u16 + 2;
    // Recent sessions keep room for their heading and a few rows whatever the insights say; the
    // insights get what they need of the rest, and Recent sessions everything after that.
    let recent_rows = state.recent_sessions.len().clamp(1, RECENT_KEPT) as u16;
    let insight_rows = area
        .height
        .saturating_sub(today_height + 2 + 1 + recent_rows + 2)
        .max(1);
    let insight_lines = state.insights.as_deref().map(|insights| {
        let shown = if area.height >= LARGE_HEIGHT {
            LARGE_SHOWN
        } else {
            SMALL_SHOWN
        };
        insights::lines(
            state,
            insights,
            shown,
            area.width.saturating_sub(2),
            usize::from(insight_rows),
            theme,
        )
    });
    let insights_height = insight_lines
        .as_ref()
        .map_or(0, |l| l.lines.len() as u16 + 2);
    let [today, insights_area, recent] = Layout::vertical([
        Constraint::Length(today_height),
        Constraint::Length(insights_height),
        Constraint::Fill(1),
    ])
    .areas(area);
    if let (Some(insights), Some(lines)) = (&state.insights, insight_lines) {
        frame.render_widget(
            Paragraph::new(lines.lines).block(
                Block::bordered()
                    .title(insights::title(state, insights.len(), lines.alone))
                    .border_style(theme.border()),
            ),
            insights_area,
        );
    }
    frame.render_widget(
        Paragraph::new(today_lines).block(
            Block::bordered()
                .title(" Today ")
                .border_style(theme.border()),
        ),
        today,
    );

    let mut lines = vec![session_row::heading(state, theme)];
    lines.extend(
        state
            .recent_sessions
            .iter()
            .map(|s| session_row::line(state, s, false, theme)),
    );
    if state.recent_sessions.is_empty() {
        lines.push(Line::styled(
            "No sessions yet — your history will appear here.",
            theme.dim(),
        ));
    }
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .title(" Recent sessions ")
                .border_style(theme.border()),
        ),
        recent,
    );
}

/// The "Today" box, `width` columns inside: the session running or how to start one, the
/// running program, then the deload check.
fn today_lines(state: &State, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let start_key = state
        .keymap
        .key_for(Context::Dashboard, Command::StartSession)
        .map_or_else(String::new, |k| k.to_string());
    let mut lines = match &state.session {
        Some(session) => vec![
            Line::from(vec![
                Span::styled("Session in progress", theme.warn()),
                Span::raw(format!(
                    " — started {} (⏱ {}), {}, {}",
                    state.local(session.started_at).format("%H:%M"),
                    clock(session.duration(state.now)),
                    words::count(session.slots.len(), "exercise", "exercises"),
                    words::count(session.set_count(), "set", "sets"),
                )),
            ]),
            Line::from(vec![
                Span::raw("Press "),
                Span::styled(start_key, theme.key()),
                Span::raw(" or Enter to resume."),
            ]),
        ],
        // One line, so the insights below get the row.
        None => vec![Line::from(vec![
            Span::raw("No session running. Press "),
            Span::styled(start_key, theme.key()),
            Span::raw(" or Enter to start one."),
        ])],
    };
    if let Some(why) = &state.read_only {
        lines = read_only_lines(why, theme);
    }
    lines.extend(program::lines(state, width, theme));
    lines.extend(deload_lines(state, width, theme));
    lines
}

/// Nothing can be started or saved: say so, why, and the fix, instead of "press s".
fn read_only_lines(why: &crate::store::ReadOnly, theme: Theme) -> Vec<Line<'static>> {
    let fix = why
        .command()
        .unwrap_or_else(|| "remount it read-write".into());
    vec![
        Line::from(vec![
            Span::styled("Read-only database: reviewing only", theme.warn()),
            Span::raw(format!(" — {why}.")),
        ]),
        Line::raw(format!("Fix: {fix}, then restart;")),
        Line::raw("or copy the database to a writable place and start ironpulse with --db."),
    ]
}

/// The deload check: its verdict, and each signal that fired with its numbers (one signal too,
/// while the verdict is still "keep an eye on it"), wrapped to `width` so no number is cut;
/// during a recorded deload, the day of it instead.
fn deload_lines(state: &State, width: usize, theme: Theme) -> Vec<Line<'static>> {
    use crate::core::strength::deload::Urgency;
    let key = state
        .keymap
        .key_for(Context::Dashboard, Command::Deload)
        .map(|k| k.to_string());
    if let Some(day) = state
        .deload_week
        .as_ref()
        .and_then(|w| w.day_of(state.now.date_naive()))
    {
        let mut lines = vec![Line::from(vec![
            Span::styled("Deload week: ", theme.ok()),
            Span::raw(format!(
                "{} — cut volume by ~{} %, same loads.",
                day.describe(),
                crate::core::strength::deload::PLAN.volume_cut_percent
            )),
        ])];
        if let Some(key) = key {
            lines.push(Line::from(vec![
                Span::raw("Press "),
                Span::styled(key, theme.key()),
                Span::raw(" to end it early."),
            ]));
        }
        return lines;
    }
    let Some(advice) = &state.deload else {
        return Vec::new();
    };
    let (label, style) = match advice.urgency {
        Urgency::None => ("Recovery: ", theme.ok()),
        Urgency::Medium => ("Deload recommended: ", theme.warn()),
        Urgency::High => ("Deload now: ", theme.error()),
    };
    let mut lines = Vec::new();
    for (i, part) in wrap(&format!("{label}{}", advice.summary), width)
        .into_iter()
        .enumerate()
    {
        lines.push(match part.strip_prefix(label) {
            Some(rest) if i == 0 => Line::from(vec![
                Span::styled(label, style),
                Span::raw(rest.to_string()),
            ]),
            _ => Line::raw(part),
        });
    }
    // Every signal with its numbers, whatever the verdict: "1 deload signal" names it.
    for signal in &advice.signals {
        for (i, part) in wrap(&signal.message, width.saturating_sub(4))
            .into_iter()
            .enumerate()
        {
            let bullet = if i == 0 { "  • " } else { "    " };
            lines.push(Line::styled(format!("{bullet}{part}"), theme.dim()));
        }
    }
    if advice.urgency != Urgency::None
        && let Some(key) = key
    {
        lines.push(Line::from(vec![
            Span::raw("Press "),
            Span::styled(key, theme.key()),
            Span::raw(" to start a deload week today."),
        ]));
    }
    lines
}
