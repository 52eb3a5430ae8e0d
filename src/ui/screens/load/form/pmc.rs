//! Fitness (CTL), fatigue (ATL) and form (TSB) per day, with their key.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Dataset, GraphType};

use super::super::{BAND_MARK, span};
use super::bare_chart;
use crate::core::review::load::{LoadDay, TrainingLoad};
use crate::ui::theme::Theme;
use crate::ui::widgets::time_chart::{self, LINE_KEY};

const ATL_MARK: char = '·';

/// The key line in `key` and the chart in `area`: form as bars about zero, fatigue dotted,
/// fitness a line.
pub(super) fn render(frame: &mut Frame, key: Rect, area: Rect, load: &TrainingLoad, theme: Theme) {
    let (from, to) = span(load);
    let fitness = theme.colored(Color::Cyan);
    let fatigue = theme.colored(Color::Magenta);
    let form = theme.colored(Color::Green);
    let end = load.end;
    let figure = |v: Option<f64>, sign: bool| match v {
        Some(v) if sign => format!(" {v:+.0}"),
        Some(v) => format!(" {v:.0}"),
        None => String::new(),
    };
    frame.render_widget(
        Line::from(vec![
            Span::styled(
                format!(
                    "{LINE_KEY} fitness CTL{}  ",
                    figure(end.map(|e| e.ctl), false)
                ),
                fitness,
            ),
            Span::styled(
                format!(
                    "{ATL_MARK}{ATL_MARK} fatigue ATL{}  ",
                    figure(end.map(|e| e.atl), false)
                ),
                fatigue,
            ),
            Span::styled(
                format!("⡇ form TSB{}", figure(end.map(|e| e.tsb), true)),
                form,
            ),
        ]),
        key,
    );
    let ctl = points(&load.days, from, |d| d.ctl);
    let atl = points(&load.days, from, |d| d.atl);
    let tsb = points(&load.days, from, |d| d.tsb);
    let (low, high) = load.days.iter().fold((0.0_f64, 0.0_f64), |(lo, hi), d| {
        (lo.min(d.tsb), hi.max(d.ctl).max(d.atl).max(d.tsb))
    });
    let bounds = time_chart::nice_bounds(low, high);
    let days = time_chart::x(from, to);
    let zero = [(0.0, 0.0), (days, 0.0)];
    let datasets = vec![
        Dataset::default()
            .marker(Marker::Braille)
            .graph_type(GraphType::Bar)
            .style(form)
            .data(&tsb),
        time_chart::line(&zero, Marker::Custom(BAND_MARK), theme.dim()),
        time_chart::line(&atl, Marker::Custom(ATL_MARK), fatigue),
        time_chart::line(&ctl, Marker::Braille, fitness),
    ];
    frame.render_widget(bare_chart(datasets, days, bounds, theme), area);
}

/// One value of each day against days since `from`.
fn points(days: &[LoadDay], from: NaiveDate, value: impl Fn(&LoadDay) -> f64) -> Vec<(f64, f64)> {
    days.iter()
        .map(|d| (time_chart::x(from, d.date), value(d)))
        .collect()
}
