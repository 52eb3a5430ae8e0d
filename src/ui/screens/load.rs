//! The training-load screen: daily load (estimated days shaded), fitness / fatigue / form, ACWR
//! against its bands, weekly hrTSS (measured and estimated), time in zones per week with
//! polarisation, and resting HRV against its baseline. The numbers come from
//! `core::review::load` and `core::review::hrv`. A small terminal shows one panel at a time.

mod figures;
mod form;
mod hrv;
mod weekly;
mod zones;

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::app::keymap::{Command, Context};
use crate::app::review_state::{LoadPanel, LoadScreen};
use crate::app::state::State;
use crate::core::load::acwr::Band;
use crate::core::review::hrv::HrvTrend;
use crate::core::review::load::TrainingLoad;
use crate::ui::theme::Theme;
use crate::ui::widgets::time_chart;

/// Reference lines: the ACWR band edges, form's zero line, the HRV baseline.
const BAND_MARK: char = '┄';
/// A day or week estimated from session RPE rather than measured with a strap.
const SHADE: &str = "▒";

/// Whether everything fits at once.
fn roomy(area: Rect) -> bool {
    area.width >= 110 && area.height >= 34
}

/// Whether a terminal of this size shows every panel at once (the screen is drawn between the
/// header line and the two footer lines), so the panel keys have nothing to cycle.
pub fn shows_all(terminal: Rect) -> bool {
    roomy(Rect {
        height: terminal.height.saturating_sub(3),
        ..terminal
    })
}

/// Draws the training-load screen.
pub fn render(frame: &mut Frame, area: Rect, state: &State, screen: &LoadScreen, theme: Theme) {
    let (Some(load), Some(hrv)) = (&screen.load, &screen.hrv) else {
        let text = if screen.loading {
            "Loading…"
        } else {
            "The training history could not be read."
        };
        frame.render_widget(
            Paragraph::new(Line::styled(text, theme.dim())).block(
                Block::bordered()
                    .title(" Training load ")
                    .border_style(theme.border()),
            ),
            area,
        );
        return;
    };
    if load.from.is_none() {
        frame.render_widget(
            Paragraph::new(Line::raw(
                "No finished session yet: fitness, fatigue and form build up from your sessions' \
                 heart rate (hrTSS) or, without a strap, from the session RPE you give when you \
                 finish.",
            ))
            .wrap(Wrap { trim: true })
            .block(
                Block::bordered()
                    .title(" Training load ")
                    .border_style(theme.border()),
            ),
            area,
        );
        return;
    }
    let [figures_area, rest] =
        Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
    frame.render_widget(Paragraph::new(figures::figures(load, theme)), figures_area);
    if roomy(area) {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(52), Constraint::Fill(1)]).areas(rest);
        let [weekly_area, zones_area] =
            Layout::vertical([Constraint::Percentage(40), Constraint::Fill(1)]).areas(right);
        form::render(frame, left, screen, load, theme);
        weekly::render(frame, weekly_area, screen, load, theme);
        zones_hrv(frame, zones_area, screen, load, hrv, theme);
        return;
    }
    let [tabs_area, panel] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(rest);
    frame.render_widget(tabs(state, screen, theme), tabs_area);
    frame.render_widget(
        time_chart::range_tabs(screen.range, tabs_area.width, theme),
        tabs_area,
    );
    match screen.panel {
        LoadPanel::LoadForm => form::render(frame, panel, screen, load, theme),
        LoadPanel::Weekly => weekly::render(frame, panel, screen, load, theme),
        LoadPanel::ZonesHrv => zones_hrv(frame, panel, screen, load, hrv, theme),
    }
}

/// "Load & form │ Weekly │ Zones & HRV" with the one shown marked, and the key that cycles.
fn tabs(state: &State, screen: &LoadScreen, theme: Theme) -> Line<'static> {
    let mut spans = vec![Span::raw(" ")];
    for panel in LoadPanel::ALL {
        if panel == screen.panel {
            spans.push(Span::styled(format!("[{}]", panel.label()), theme.title()));
        } else {
            spans.push(Span::styled(format!(" {} ", panel.label()), theme.dim()));
        }
    }
    if let Some(key) = state.keymap.key_for(Context::Load, Command::NextPanel) {
        spans.push(Span::styled(format!("  {key}"), theme.key()));
        spans.push(Span::styled(" next panel", theme.dim()));
    }
    Line::from(spans)
}

/// Time in zones per week with the low/high split above, resting HRV below.
fn zones_hrv(
    frame: &mut Frame,
    area: Rect,
    screen: &LoadScreen,
    load: &TrainingLoad,
    hrv: &HrvTrend,
    theme: Theme,
) {
    let zones_height = (area.height * 3 / 5).max(6);
    let [zones_area, hrv_area] =
        Layout::vertical([Constraint::Length(zones_height), Constraint::Fill(1)]).areas(area);
    zones::render(frame, zones_area, screen, load, theme);
    hrv::render(frame, hrv_area, screen, load, hrv, theme);
}

/// How an ACWR band reads: dim under, green in the sweet spot, amber and red above.
fn band_style(band: Band, theme: Theme) -> Style {
    match band {
        Band::UnderTraining => theme.dim(),
        Band::SweetSpot => theme.ok(),
        Band::Caution => theme.warn(),
        Band::HighRisk => theme.error(),
    }
}

/// The colour of load measured with a strap.
fn measured_style(theme: Theme) -> Style {
    theme.colored(Color::Blue)
}

/// The colour of load estimated from session RPE.
fn estimated_style(theme: Theme) -> Style {
    theme.colored(Color::Yellow)
}

/// The first day drawn and today.
fn span(load: &TrainingLoad) -> (NaiveDate, NaiveDate) {
    (load.from.unwrap_or(load.today), load.today)
}
