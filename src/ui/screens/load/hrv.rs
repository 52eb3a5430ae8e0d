//! Resting HRV (RMSSD) readings against their 30-day baseline, with the trend.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{BAND_MARK, span};
use crate::app::review_state::LoadScreen;
use crate::core::review::hrv::HrvTrend;
use crate::core::review::load::TrainingLoad;
use crate::core::units::format_number;
use crate::ui::theme::Theme;
use crate::ui::widgets::time_chart::{self, LINE_KEY};

/// The readings as a line, the baseline dashed, a key with the latest and how far it is from
/// the baseline; or why there is nothing to draw.
pub(super) fn render(
    frame: &mut Frame,
    area: Rect,
    screen: &LoadScreen,
    load: &TrainingLoad,
    hrv: &HrvTrend,
    theme: Theme,
) {
    let mut block = Block::bordered()
        .title(format!(
            " Resting HRV (RMSSD, ms) · {} ",
            screen.range.label()
        ))
        .border_style(theme.border());
    if let Some(trend) = &hrv.trend {
        block = block.title_bottom(Line::styled(
            format!(" trend {:+.1} ms/month ", trend.per_month),
            theme.dim(),
        ));
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if hrv.readings.is_empty() {
        let text = if hrv.latest.is_some() {
            "No resting HRV readings in this range."
        } else {
            "No resting HRV readings yet."
        };
        frame.render_widget(Paragraph::new(Line::styled(text, theme.dim())), inner);
        return;
    }
    let [key, plot] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
    let style = theme.colored(Color::Cyan);
    let mut spans = vec![Span::styled(format!("{LINE_KEY} RMSSD"), style)];
    if let Some(latest) = hrv.latest {
        spans.push(Span::raw(format!(
            " latest {}",
            format_number(latest.rmssd_ms.round())
        )));
    }
    match hrv.baseline {
        Some(b) => {
            spans.push(Span::styled(
                format!(
                    "  {BAND_MARK} 30-day baseline {}±{}",
                    format_number(b.mean_ms.round()),
                    format_number(b.sd_ms.round())
                ),
                theme.dim(),
            ));
            if let Some(sds) = hrv.sds_from_baseline {
                let text = format!("  {sds:+.1} SD");
                spans.push(if hrv.below_baseline {
                    Span::styled(format!("{text} low"), theme.warn())
                } else {
                    Span::raw(text)
                });
            }
        }
        None => spans.push(Span::styled("  no baseline yet (5 readings)", theme.dim())),
    }
    frame.render_widget(Line::from(spans), key);
    let (from, to) = span(load);
    let from = hrv.readings.first().map_or(from, |r| r.date.min(from));
    let values: Vec<(f64, f64)> = hrv
        .readings
        .iter()
        .map(|r| (time_chart::x(from, r.date), r.rmssd_ms))
        .collect();
    let baseline: Vec<(f64, f64)> = hrv
        .baseline
        .iter()
        .flat_map(|b| {
            [
                (time_chart::x(from, b.from).max(0.0), b.mean_ms),
                (time_chart::x(from, b.to), b.mean_ms),
            ]
        })
        .collect();
    let bounds = time_chart::value_bounds(values.iter().chain(&baseline).map(|p| p.1));
    let datasets = vec![
        time_chart::line(&baseline, Marker::Custom(BAND_MARK), theme.dim()),
        time_chart::line(&values, Marker::Braille, style),
    ];
    frame.render_widget(
        time_chart::chart(
            datasets,
            from,
            to,
            bounds,
            time_chart::value_labels(bounds),
            theme,
        ),
        plot,
    );
}
