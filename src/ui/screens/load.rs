//! The training-load screen: daily load (estimated days shaded), fitness / fatigue / form, ACWR
//! against its bands, weekly hrTSS (measured and estimated), time in zones per week with
//! polarisation, and resting HRV against its baseline. The numbers come from
//! `core::review::load` and `core::review::hrv`. A small terminal shows one panel at a time.

use std::fmt::Write as _;

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Dataset, GraphType, Paragraph, Wrap};

use crate::app::keymap::{Command, Context};
use crate::app::review_state::{LoadPanel, LoadScreen};
use crate::app::state::State;
use crate::core::acwr::Band;
use crate::core::review::hrv::HrvTrend;
use crate::core::review::load::{LoadDay, TrainingLoad, zone_labels};
use crate::core::units::format_number;
use crate::ui::theme::Theme;
use crate::ui::widgets::bars::{Bars, Fill, Segment};
use crate::ui::widgets::time_chart;

/// The ACWR band edges drawn as reference lines (`core::acwr::Band`).
const BAND_EDGES: [f64; 3] = [0.8, 1.3, 1.5];
/// Width of every value label, so the charts of one panel line up.
const LABEL_WIDTH: usize = 5;
const ATL_MARK: char = '·';
const BAND_MARK: char = '┄';
const SHADE: &str = "▒";

/// Whether everything fits at once.
fn roomy(area: Rect) -> bool {
    area.width >= 110 && area.height >= 34
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
    frame.render_widget(Paragraph::new(figures(load, theme)), figures_area);
    if roomy(area) {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(52), Constraint::Fill(1)]).areas(rest);
        let [weekly_area, zones_area] =
            Layout::vertical([Constraint::Percentage(40), Constraint::Fill(1)]).areas(right);
        load_form(frame, left, screen, load, theme);
        weekly(frame, weekly_area, screen, load, theme);
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
        LoadPanel::LoadForm => load_form(frame, panel, screen, load, theme),
        LoadPanel::Weekly => weekly(frame, panel, screen, load, theme),
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

/// The end figures: CTL, ATL, TSB, ACWR with its band, monotony and strain, and where the load
/// came from.
fn figures(load: &TrainingLoad, theme: Theme) -> Vec<Line<'static>> {
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

fn band_style(band: Band, theme: Theme) -> Style {
    match band {
        Band::UnderTraining => theme.dim(),
        Band::SweetSpot => theme.ok(),
        Band::Caution => theme.warn(),
        Band::HighRisk => theme.error(),
    }
}

/// The first day drawn and today.
fn span(load: &TrainingLoad) -> (NaiveDate, NaiveDate) {
    (load.from.unwrap_or(load.today), load.today)
}

fn labels(bounds: (f64, f64)) -> [String; 3] {
    time_chart::value_labels(bounds).map(|l| format!("{l:>LABEL_WIDTH$}"))
}

/// A chart without its own date axis: the panel's date line serves every chart in it.
fn bare_chart(
    datasets: Vec<Dataset<'_>>,
    days: f64,
    bounds: (f64, f64),
    theme: Theme,
) -> ratatui::widgets::Chart<'_> {
    use ratatui::widgets::{Axis, Chart};
    Chart::new(datasets)
        .x_axis(Axis::default().bounds([0.0, days.max(1.0)]))
        .y_axis(
            Axis::default()
                .bounds([bounds.0, bounds.1])
                .labels(labels(bounds))
                .style(theme.dim()),
        )
}

/// Where the value labels and the axis go, so bars line up with the charts beside them.
fn beside_labels(area: Rect) -> Rect {
    let gutter = LABEL_WIDTH as u16 + 1;
    Rect {
        x: area.x + gutter,
        width: area.width.saturating_sub(gutter),
        ..area
    }
}

/// Daily load bars, fitness / fatigue / form and ACWR, over one date axis.
fn load_form(
    frame: &mut Frame,
    area: Rect,
    screen: &LoadScreen,
    load: &TrainingLoad,
    theme: Theme,
) {
    let measured = theme.colored(Color::Blue);
    let estimated = theme.colored(Color::Yellow);
    let max = load.days.iter().map(|d| d.load).fold(0.0, f64::max);
    let bar_width = beside_labels(area).width.saturating_sub(2);
    let per = Bars::per_column(load.days.len(), bar_width);
    let grouping = if per > 1 {
        format!(" each bar: the top day of {per}")
    } else {
        String::new()
    };
    let legend = vec![
        Span::styled("█ measured ", measured),
        Span::styled(format!("{SHADE} estimated from session RPE "), estimated),
    ];
    // The legend goes in the title when it fits there, else on the first line.
    let legend_in_title = area.width >= 78;
    let mut title = vec![Span::raw(format!(
        " Daily load (hrTSS), {}{}",
        screen.range.label(),
        if legend_in_title { ": " } else { " " }
    ))];
    if legend_in_title {
        title.extend(legend.iter().cloned());
    }
    let block = Block::bordered()
        .title(Line::from(title))
        .title(Line::styled(format!(" max {max:.0} "), theme.dim()).right_aligned())
        .border_style(theme.border());
    let block = if grouping.is_empty() {
        block
    } else {
        block.title_bottom(Line::styled(format!("{grouping} "), theme.dim()))
    };
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let legend_height = u16::from(!legend_in_title);
    let rows = inner.height.saturating_sub(3 + legend_height);
    let bars_height = (rows / 4).max(3);
    let acwr_height = (rows / 3).max(4);
    let [legend_line, bars, pmc_key, pmc, acwr_key, acwr, dates] = Layout::vertical([
        Constraint::Length(legend_height),
        Constraint::Length(bars_height),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(acwr_height),
        Constraint::Length(1),
    ])
    .areas(inner);
    frame.render_widget(Line::from(legend), legend_line);
    let stacks: Vec<Vec<Segment>> = load
        .days
        .iter()
        .map(|d| {
            vec![if d.estimated {
                Segment::new(d.load, Fill::Shaded, estimated)
            } else {
                Segment::new(d.load, Fill::Solid, measured)
            }]
        })
        .collect();
    frame.render_widget(Bars::new(&stacks), beside_labels(bars));
    pmc_chart(frame, pmc_key, pmc, load, theme);
    acwr_chart(frame, acwr_key, acwr, load, theme);
    let (from, to) = span(load);
    frame.render_widget(
        time_chart::date_line(
            from,
            to,
            dates.width.saturating_sub(LABEL_WIDTH as u16 + 1),
            theme,
        ),
        beside_labels(dates),
    );
}

fn points(days: &[LoadDay], from: NaiveDate, value: impl Fn(&LoadDay) -> f64) -> Vec<(f64, f64)> {
    days.iter()
        .map(|d| (time_chart::x(from, d.date), value(d)))
        .collect()
}

fn pmc_chart(frame: &mut Frame, key: Rect, area: Rect, load: &TrainingLoad, theme: Theme) {
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
                format!("⠤⠒ fitness CTL{}  ", figure(end.map(|e| e.ctl), false)),
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

fn acwr_chart(frame: &mut Frame, key: Rect, area: Rect, load: &TrainingLoad, theme: Theme) {
    let (from, to) = span(load);
    let style = theme.colored(Color::Cyan);
    let mut spans = vec![Span::styled("⠤⠒ ACWR ", style)];
    match load.end.and_then(|e| e.acwr.zip(e.band)) {
        Some((ratio, band)) => {
            spans.push(Span::styled(format!("{ratio:.2} "), theme.title()));
            spans.push(Span::styled(band.label(), band_style(band, theme)));
        }
        None => spans.push(Span::styled("not enough data (28 days)", theme.dim())),
    }
    spans.push(Span::styled(
        format!("  {BAND_MARK} bands 0.8 · 1.3 · 1.5"),
        theme.dim(),
    ));
    frame.render_widget(Line::from(spans), key);
    // One line per run of days with a ratio (none in the first 28 days or after a long break).
    let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
    for d in &load.days {
        match d.acwr {
            Some(r) => {
                if let Some(run) = runs.last_mut() {
                    run.push((time_chart::x(from, d.date), r));
                }
            }
            None => runs.push(Vec::new()),
        }
    }
    let bounds = acwr_bounds(load.days.iter().filter_map(|d| d.acwr));
    let days = time_chart::x(from, to);
    let edges: Vec<[(f64, f64); 2]> = BAND_EDGES.iter().map(|&e| [(0.0, e), (days, e)]).collect();
    let mut datasets: Vec<Dataset> = edges
        .iter()
        .zip(BAND_EDGES)
        .map(|(line, edge)| {
            let style = if edge > 1.3 {
                theme.colored(Color::Red)
            } else {
                theme.colored(Color::Green)
            };
            time_chart::line(line, Marker::Custom(BAND_MARK), style)
        })
        .collect();
    datasets.extend(
        runs.iter()
            .filter(|r| !r.is_empty())
            .map(|r| time_chart::line(r, Marker::Braille, style)),
    );
    frame.render_widget(bare_chart(datasets, days, bounds, theme), area);
}

/// The ACWR axis: 0.4–1.6 (every band edge on its own row) while the ratios fit, else 0–2, else
/// from 0 to the next even number.
fn acwr_bounds(ratios: impl Iterator<Item = f64>) -> (f64, f64) {
    let (low, high) = ratios.fold((f64::MAX, f64::MIN), |(lo, hi), r| (lo.min(r), hi.max(r)));
    if low >= 0.4 && high <= 1.6 || low > high {
        (0.4, 1.6)
    } else if high <= 2.0 {
        (0.0, 2.0)
    } else {
        (0.0, (high / 2.0).ceil() * 2.0)
    }
}

/// Weekly hrTSS, measured and estimated stacked, and the latest weeks as numbers.
fn weekly(frame: &mut Frame, area: Rect, screen: &LoadScreen, load: &TrainingLoad, theme: Theme) {
    let measured = theme.colored(Color::Blue);
    let estimated = theme.colored(Color::Yellow);
    let max = load.weeks.iter().map(|w| w.total).fold(0.0, f64::max);
    let block = Block::bordered()
        .title(format!(" Weekly hrTSS · {} ", screen.range.label()))
        .title(Line::styled(format!(" max {max:.0} "), theme.dim()).right_aligned())
        .border_style(theme.border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let table_rows = (inner.height / 2).clamp(2, 8);
    let [key_line, bars, dates, table] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(table_rows),
    ])
    .areas(inner);
    frame.render_widget(
        Line::from(vec![
            Span::styled("█ measured  ", measured),
            Span::styled(format!("{SHADE} estimated from session RPE"), estimated),
        ]),
        key_line,
    );
    let stacks: Vec<Vec<Segment>> = load
        .weeks
        .iter()
        .map(|w| {
            vec![
                Segment::new(w.measured, Fill::Solid, measured),
                Segment::new(w.estimated, Fill::Shaded, estimated),
            ]
        })
        .collect();
    frame.render_widget(Bars::new(&stacks), bars);
    if let (Some(first), Some(last)) = (load.weeks.first(), load.weeks.last()) {
        frame.render_widget(
            time_chart::date_line(first.start, last.start, dates.width, theme),
            dates,
        );
    }
    let mut lines = vec![Line::styled(
        format!(
            "{:<9}{:>9}{:>10}{:>11}{:>8}",
            "week of", "sessions", "measured", "estimated", "total"
        ),
        theme.dim(),
    )];
    let shown = usize::from(table_rows).saturating_sub(1);
    for w in load.weeks.iter().rev().take(shown) {
        lines.push(Line::raw(format!(
            "{:<9}{:>9}{:>10.0}{:>11.0}{:>8.0}",
            w.start.format("%-d %b").to_string(),
            w.sessions,
            w.measured,
            w.estimated,
            w.total
        )));
    }
    frame.render_widget(Paragraph::new(lines), table);
}

/// `1:05` (hours and minutes), `192h` from 100 hours on, `·` for none.
fn hours(seconds: u64) -> String {
    if seconds < 60 {
        return "·".into();
    }
    if seconds >= 100 * 3600 {
        return format!("{}h", seconds / 3600);
    }
    format!("{}:{:02}", seconds / 3600, seconds % 3600 / 60)
}

/// Time in zones per week with the low/high split, and resting HRV.
fn zones_hrv(
    frame: &mut Frame,
    area: Rect,
    screen: &LoadScreen,
    load: &TrainingLoad,
    hrv: &HrvTrend,
    theme: Theme,
) {
    let zones_height = (area.height * 3 / 5).max(6);
    let [zones, hrv_area] =
        Layout::vertical([Constraint::Length(zones_height), Constraint::Fill(1)]).areas(area);
    zone_table(frame, zones, screen, load, theme);
    hrv_chart(frame, hrv_area, screen, load, hrv, theme);
}

fn zone_table(
    frame: &mut Frame,
    area: Rect,
    screen: &LoadScreen,
    load: &TrainingLoad,
    theme: Theme,
) {
    let block = Block::bordered()
        .title(format!(" Time in zones / week · {} ", screen.range.label()))
        .border_style(theme.border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(model) = load.zones.model else {
        frame.render_widget(
            Paragraph::new(Line::styled(
                "No heart rate recorded in this range: time in zones and polarisation need a strap.",
                theme.dim(),
            ))
            .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    };
    let names = zone_labels(model);
    let mut header = format!("{:<7}", "week");
    for name in &names {
        let _ = write!(header, "{name:>6}");
    }
    let _ = write!(header, "{:>7}", "lo/hi");
    let mut lines = vec![Line::styled(header, theme.dim())];
    let row = |label: String, zones: &crate::core::review::load::ZoneTime| {
        let mut text = format!("{label:<7}");
        for seconds in zones.seconds.iter().take(names.len()) {
            let _ = write!(text, "{:>6}", hours(*seconds));
        }
        let _ = match zones.polarisation {
            Some(p) => write!(text, "{:>4.0}/{:<2.0}", p.low_percent, p.high_percent),
            None => write!(text, "{:>5}", "–"),
        };
        text
    };
    lines.push(Line::styled(
        row("range".into(), &load.zones),
        theme.title(),
    ));
    let polar = polarisation_line(load, theme);
    let shown = usize::from(inner.height).saturating_sub(lines.len() + 1);
    for w in load.weeks.iter().rev().take(shown) {
        lines.push(Line::raw(row(
            w.start.format("%-d %b").to_string(),
            &w.zones,
        )));
    }
    lines.push(polar);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Low (Z1–Z2) against high (Z3 and up) over the range, all sessions and cardio alone.
fn polarisation_line(load: &TrainingLoad, theme: Theme) -> Line<'static> {
    let mut spans = vec![Span::styled("low Z1–2 / high Z3+: ", theme.dim())];
    match load.zones.polarisation {
        Some(p) => spans.push(Span::raw(format!(
            "{:.0}/{:.0} %",
            p.low_percent, p.high_percent
        ))),
        None => spans.push(Span::styled("–", theme.dim())),
    }
    if let Some(p) = load.cardio_polarisation {
        spans.push(Span::raw(format!(
            " · cardio {:.0} / {:.0}",
            p.low_percent, p.high_percent
        )));
    }
    spans.push(Span::styled(" (80/20: ~80 % low)", theme.dim()));
    if load.zones.mixed_models {
        spans.push(Span::styled(" · mixed zone models", theme.warn()));
    }
    Line::from(spans)
}

fn hrv_chart(
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
    let mut spans = vec![Span::styled("⠤⠒ RMSSD", style)];
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
    let (low, high) = values
        .iter()
        .chain(&baseline)
        .fold((f64::MAX, f64::MIN), |(lo, hi), p| {
            (lo.min(p.1), hi.max(p.1))
        });
    let bounds = time_chart::nice_bounds(low, high);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zone_time_reads_in_hours_and_minutes() {
        assert_eq!(hours(0), "·");
        assert_eq!(hours(59), "·");
        assert_eq!(hours(3_900), "1:05");
        assert_eq!(hours(36_000), "10:00");
        assert_eq!(hours(692_400), "192h");
    }
}
