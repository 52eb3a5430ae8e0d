//! The two lines of end figures above the training-load panels.

use ratatui::text::{Line, Span};

use super::band_style;
use crate::core::review::load::TrainingLoad;
use crate::ui::theme::Theme;

/// The end figures: CTL, ATL, TSB, ACWR with its band, monotony and strain, and where the load
/// came from.
pub(super) fn figures(load: &TrainingLoad, theme: Theme) -> Vec<Line<'static>> {
    const NO_DATA: &str = "not enough data";
    let mut first = vec![Span::raw(" ")];
    match &load.end {
        Some(end) => {
            first.extend([
                Span::styled("fitness CTL ", theme.dim()),
                Span::styled(format!("{:.0}", end.ctl), theme.title()),
                Span::styled("  fatigue ATL ", theme.dim()),
                Span::styled(format!("{:.0}", end.atl), theme.title()),
                Span::styled("  form TSB ", theme.dim()),
                Span::styled(format!("{:+.0}", end.tsb), theme.title()),
                Span::styled("  ACWR ", theme.dim()),
            ]);
            match (end.acwr, end.band) {
                (Some(ratio), Some(band)) => {
                    first.push(Span::styled(format!("{ratio:.2} "), theme.title()));
                    first.push(Span::styled(band.label(), band_style(band, theme)));
                }
                _ => first.push(Span::styled(NO_DATA, theme.dim())),
            }
        }
        None => first.push(Span::styled(
            format!("fitness, fatigue, form and ACWR: {NO_DATA}"),
            theme.dim(),
        )),
    }
    let mut second = vec![Span::styled(" last 7 days: monotony ", theme.dim())];
    match &load.monotony {
        Some(m) => {
            second.push(Span::styled(format!("{:.2}", m.monotony), theme.title()));
            second.push(Span::styled("  strain ", theme.dim()));
            second.push(Span::styled(format!("{:.0}", m.strain), theme.title()));
        }
        None => second.push(Span::styled(NO_DATA, theme.dim())),
    }
    let c = load.counts;
    second.push(Span::styled(
        format!(
            "   loads: {} measured, {} estimated{}",
            c.measured,
            c.estimated,
            if c.no_load > 0 {
                format!(", {} without load", c.no_load)
            } else {
                String::new()
            }
        ),
        theme.dim(),
    ));
    vec![Line::from(first), Line::from(second)]
}
