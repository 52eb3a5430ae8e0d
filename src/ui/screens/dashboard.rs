//! The dashboard: start or resume, the deload check, the top insights (the selected one with
//! its rule and suggestion), recent sessions.

mod insights;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::app::keymap::{Command, Context};
use crate::app::state::State;
use crate::core::rest::clock;
use crate::ui::theme::Theme;
use crate::ui::widgets::session_row;

/// From this body height on, the dashboard lists [`LARGE_SHOWN`] insights, else [`SMALL_SHOWN`].
const LARGE_HEIGHT: u16 = 30;
const LARGE_SHOWN: usize = 6;
const SMALL_SHOWN: usize = 3;

pub fn render(frame: &mut Frame, area: Rect, state: &State, theme: Theme) {
    let start_key = state
        .keymap
        .key_for(Context::Dashboard, Command::StartSession)
        .map_or_else(String::new, |k| k.to_string());
    let mut today_lines = match &state.session {
        Some(session) => vec![
            Line::from(vec![
                Span::styled("Session in progress", theme.warn()),
                Span::raw(format!(
                    " — started {}, {} exercises, {} sets, {}",
                    state.local(session.started_at).format("%H:%M"),
                    session.slots.len(),
                    session.set_count(),
                    clock(session.duration(state.now))
                )),
            ]),
            Line::from(vec![
                Span::raw("Press "),
                Span::styled(start_key, theme.key()),
                Span::raw(" or Enter to resume."),
            ]),
        ],
        None => vec![
            Line::raw("No session running."),
            Line::from(vec![
                Span::raw("Press "),
                Span::styled(start_key, theme.key()),
                Span::raw(" or Enter to start one."),
            ]),
        ],
    };
    if let Some(why) = &state.read_only {
        today_lines = read_only_lines(why, theme);
    }
    today_lines.extend(deload_lines(state, theme));
    let insight_lines = state
        .insights
        .as_deref()
        .map(|insights| {
            let shown = if area.height >= LARGE_HEIGHT {
                LARGE_SHOWN
            } else {
                SMALL_SHOWN
            };
            insights::lines(state, insights, shown, area.width.saturating_sub(2), theme)
        })
        .unwrap_or_default();
    let insights_height = if insight_lines.is_empty() {
        0
    } else {
        insight_lines.len() as u16 + 2
    };
    let [today, insights_area, recent] = Layout::vertical([
        Constraint::Length(today_lines.len() as u16 + 2),
        Constraint::Length(insights_height),
        Constraint::Fill(1),
    ])
    .areas(area);
    if let Some(insights) = &state.insights {
        frame.render_widget(
            Paragraph::new(insight_lines).block(
                Block::bordered()
                    .title(insights::title(state, insights.len()))
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

/// The deload check: its verdict, and each signal that fired with its numbers; during a recorded
/// deload, the day of it instead.
fn deload_lines(state: &State, theme: Theme) -> Vec<Line<'static>> {
    use crate::core::deload::Urgency;
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
                crate::core::deload::PLAN.volume_cut_percent
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
    let mut lines = vec![Line::from(vec![
        Span::styled(label, style),
        Span::raw(advice.summary.clone()),
    ])];
    if advice.urgency != Urgency::None {
        lines.extend(
            advice
                .signals
                .iter()
                .map(|s| Line::styled(format!("  • {}", s.message), theme.dim())),
        );
        if let Some(key) = key {
            lines.push(Line::from(vec![
                Span::raw("Press "),
                Span::styled(key, theme.key()),
                Span::raw(" to start a deload week today."),
            ]));
        }
    }
    lines
}
