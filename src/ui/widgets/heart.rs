//! Live heart rate: the header badge and the session screen's panel (big BPM, zone, time in
//! zones, hrTSS, the last ten minutes with gaps and set markers, link, sensor location and battery).

use std::time::Duration;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType, Paragraph};

use crate::app::heart::{Heart, Link};
use crate::app::state::State;
use crate::core::heart::live::CHART_WINDOW;
use crate::core::heart::zones::Zone;
use crate::core::units::format_number;
use crate::core::words::wait_seconds;
use crate::core::workout::rest::clock;
use crate::ui::theme::Theme;
use crate::ui::widgets::hr_chart;

/// Zone colours by label, so a zone keeps its colour across models: Karvonen Z0–Z5 and Friel's
/// Z1–Z5c (Z5 and Z5a, both from threshold up, share red). The label always goes with the colour.
fn zone_color(zone: Zone) -> Color {
    match zone.label {
        "Z0" => Color::DarkGray,
        "Z1" => Color::Blue,
        "Z2" => Color::Green,
        "Z3" => Color::Yellow,
        "Z4" => Color::Rgb(255, 140, 0),
        "Z5b" => Color::Magenta,
        "Z5c" => Color::Rgb(170, 0, 255),
        _ => Color::Red,
    }
}

/// A zone's colour (bold without colour); its label must always be printed beside it.
pub fn zone_style(zone: Zone, theme: Theme) -> Style {
    theme.colored(zone_color(zone))
}

/// `♥ 142 Z3` for the header, or the link state when there is no value.
pub fn badge(heart: &Heart, theme: Theme) -> Option<Line<'static>> {
    if !heart.is_on() {
        return None;
    }
    let spans = match (heart.live.bpm(), heart.live.zone()) {
        (Some(bpm), Some(zone)) => vec![
            Span::styled(format!("♥ {} ", bpm.get()), theme.title()),
            Span::styled(
                format!(" {} ", zone.label),
                zone_style(zone, theme).add_modifier(ratatui::style::Modifier::REVERSED),
            ),
        ],
        (Some(bpm), None) => vec![Span::styled(format!("♥ {}", bpm.get()), theme.title())],
        _ => vec![Span::styled(format!("♥ {}", link_text(heart)), theme.dim())],
    };
    Some(Line::from(spans))
}

/// The link in a few words.
pub fn link_text(heart: &Heart) -> String {
    match &heart.link {
        Link::Off => heart.hint.clone().unwrap_or_else(|| "off".into()),
        Link::Connecting(what) => format!("connecting to {what}…"),
        Link::Connected(name) => name.clone(),
        Link::Stale(silent) => format!("no signal for {} s", silent.as_secs()),
        Link::Down {
            reason,
            was_connected,
            retry,
        } => {
            // "Lost" only after a link existed; a reason naming Bluetooth says it already.
            let why = if *was_connected && !reason.starts_with("Bluetooth") {
                format!("lost: {reason}")
            } else {
                reason.clone()
            };
            match retry {
                Some(retry) => format!(
                    "{why} · retry {} in {}",
                    retry.attempt,
                    wait_seconds(retry.delay)
                ),
                None => why,
            }
        }
    }
}

/// Where the strap is worn and its battery, e.g. `chest · 80%`, or `None` when it said neither.
pub fn strap_text(heart: &Heart) -> Option<String> {
    let battery = heart.battery.map(|level| format!("{level}%"));
    match (heart.location, battery) {
        (Some(location), Some(battery)) => Some(format!("{location} · {battery}")),
        (Some(location), None) => Some(location.to_owned()),
        (None, battery) => battery,
    }
}

/// The heart-rate panel of the session screen.
pub fn panel(frame: &mut Frame, area: Rect, state: &State, theme: Theme) {
    let heart = &state.heart;
    let title = Line::from(format!(" ♥ {} ", link_text(heart)));
    // Where the strap is worn only when the link's name still fits beside it; the battery always.
    let room = usize::from(area.width.saturating_sub(3)).saturating_sub(title.width());
    let strap = strap_text(heart)
        .filter(|s| s.chars().count() + 2 <= room)
        .or_else(|| heart.battery.map(|level| format!("{level}%")));
    let mut block = Block::bordered().title(title).border_style(theme.border());
    if let Some(strap) = strap {
        block = block.title(Line::from(format!(" {strap} ")).right_aligned());
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let zones_height = heart
        .live
        .meter()
        .map_or(0, |m| m.zone_seconds().len() as u16);
    let [big, figures, zones, chart] = Layout::vertical([
        Constraint::Length(5),
        Constraint::Length(2),
        Constraint::Length(zones_height),
        Constraint::Fill(1),
    ])
    .areas(inner);
    big_bpm(frame, big, heart, theme);
    // hrTSS needs the lifter's LTHR; without one the panel says so, else it waits for samples.
    let lthr = state.profile.as_ref().is_some_and(|p| p.lthr.is_some());
    frame.render_widget(Paragraph::new(figures_lines(heart, lthr, theme)), figures);
    zone_bars(frame, zones, heart, theme);
    history_chart(frame, chart, state, theme);
}

fn big_bpm(frame: &mut Frame, area: Rect, heart: &Heart, theme: Theme) {
    let text = heart
        .live
        .bpm()
        .map_or_else(|| "--".to_string(), |b| b.get().to_string());
    let style = heart
        .live
        .zone()
        .map_or_else(|| theme.dim(), |z| zone_style(z, theme));
    let mut lines: Vec<Line> = big_digits(&text)
        .into_iter()
        .map(|row| Line::styled(row, style))
        .collect();
    if let (Some(line), Some(zone)) = (lines.get_mut(1), heart.live.zone()) {
        line.spans.push(Span::styled(
            format!("  {}", zone.label),
            style.add_modifier(ratatui::style::Modifier::BOLD),
        ));
    }
    if let (Some(line), Some(zone)) = (lines.get_mut(3), heart.live.zone()) {
        line.spans
            .push(Span::styled(format!("  {}", zone.name), style));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn figures_lines(heart: &Heart, lthr: bool, theme: Theme) -> Vec<Line<'static>> {
    let value = |v: Option<f64>, unit: &str| {
        v.map_or_else(
            || "–".to_string(),
            |v| format!("{}{unit}", format_number(v.round())),
        )
    };
    let meter = heart.live.meter();
    vec![
        Line::from(vec![
            Span::styled("hrTSS ", theme.dim()),
            Span::raw(heart.live.hr_tss().map_or_else(
                || if lthr { "–" } else { "– (set LTHR)" }.into(),
                |t| format_number((t * 10.0).round() / 10.0),
            )),
            Span::styled("  RMSSD ", theme.dim()),
            Span::raw(value(heart.live.rmssd(), " ms")),
        ]),
        Line::from(vec![
            Span::styled("avg ", theme.dim()),
            Span::raw(value(
                meter.and_then(crate::core::heart::meter::Meter::average),
                "",
            )),
            Span::styled("  max ", theme.dim()),
            Span::raw(
                meter
                    .and_then(crate::core::heart::meter::Meter::max)
                    .map_or_else(|| "–".into(), |b| b.get().to_string()),
            ),
            // Unreadable packets and readings out of 20–250 bpm, both thrown away.
            Span::styled("  dropped ", theme.dim()),
            Span::raw((heart.invalid_packets + heart.live.out_of_range()).to_string()),
        ]),
    ]
}

fn zone_bars(frame: &mut Frame, area: Rect, heart: &Heart, theme: Theme) {
    let Some(meter) = heart.live.meter() else {
        return;
    };
    let total: f64 = meter.zone_seconds().iter().sum();
    let width = usize::from(area.width.saturating_sub(14));
    let bands = meter.zones().bands();
    let lines: Vec<Line> = bands
        .iter()
        .zip(meter.zone_seconds())
        .map(|(band, seconds)| {
            let filled = if total > 0.0 {
                (seconds / total * width as f64).round() as usize
            } else {
                0
            };
            Line::from(vec![
                Span::styled(
                    format!("{:<4}", band.zone.label),
                    zone_style(band.zone, theme),
                ),
                Span::styled("█".repeat(filled), zone_style(band.zone, theme)),
                Span::raw(" ".repeat(width.saturating_sub(filled))),
                Span::styled(
                    format!(" {:>7}", clock(chrono::Duration::seconds(*seconds as i64))),
                    theme.dim(),
                ),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// The last ten minutes: a line per stretch without gaps, and a mark where each set ended.
fn history_chart(frame: &mut Frame, area: Rect, state: &State, theme: Theme) {
    let heart = &state.heart;
    let chart = heart.live.chart();
    let Some(now) = chart.latest() else {
        frame.render_widget(
            Paragraph::new(Line::styled("waiting for heart rate…", theme.dim())),
            area,
        );
        return;
    };
    let x = |t: Duration| -(now.saturating_sub(t).as_secs_f64());
    let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
    for (t, bpm) in chart.points() {
        match bpm {
            Some(b) => runs
                .last_mut()
                .map_or((), |r| r.push((x(t), f64::from(b.get())))),
            None => runs.push(Vec::new()),
        }
    }
    let (low, high) = hr_chart::y_bounds(&runs);
    let marks: Vec<(f64, f64)> = state
        .session
        .iter()
        .flat_map(crate::core::workout::session::Session::sets)
        .filter_map(|(_, set)| heart.live.source_time(set.completed_at))
        .filter(|t| now.saturating_sub(*t) <= CHART_WINDOW)
        .map(|t| (x(t), high))
        .collect();
    let mut datasets = hr_chart::lines(&runs, theme);
    datasets.push(
        Dataset::default()
            .marker(Marker::Dot)
            .graph_type(GraphType::Scatter)
            .style(theme.key())
            .data(&marks),
    );
    let chart = Chart::new(datasets)
        .x_axis(
            Axis::default()
                .bounds([-CHART_WINDOW.as_secs_f64(), 0.0])
                .labels(["-10 min", "now"])
                .style(theme.dim()),
        )
        .y_axis(hr_chart::y_axis(low, high, false, theme));
    frame.render_widget(chart, area);
}

/// Digits three cells wide and five tall.
fn big_digits(text: &str) -> [String; 5] {
    const FONT: [[&str; 5]; 11] = [
        ["███", "█ █", "█ █", "█ █", "███"],
        [" █ ", "██ ", " █ ", " █ ", "███"],
        ["███", "  █", "███", "█  ", "███"],
        ["███", "  █", "███", "  █", "███"],
        ["█ █", "█ █", "███", "  █", "  █"],
        ["███", "█  ", "███", "  █", "███"],
        ["███", "█  ", "███", "█ █", "███"],
        ["███", "  █", "  █", "  █", "  █"],
        ["███", "█ █", "███", "█ █", "███"],
        ["███", "█ █", "███", "  █", "███"],
        ["   ", "   ", "███", "   ", "   "],
    ];
    let mut rows: [String; 5] = Default::default();
    for c in text.chars() {
        let glyph = c.to_digit(10).map_or(&FONT[10], |d| &FONT[d as usize]);
        for (row, part) in rows.iter_mut().zip(glyph) {
            row.push_str(part);
            row.push(' ');
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::app::state::Startup;
    use crate::core::heart::zones::{Sport, ZoneModel};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn bpm(v: u32) -> crate::core::units::Bpm {
        crate::core::units::Bpm::try_from(v).unwrap()
    }

    /// The panel's top border at `width` columns.
    fn top_border(heart: Heart, width: u16) -> String {
        let mut state = State::testing(Startup::default(), chrono::DateTime::UNIX_EPOCH);
        state.heart = heart;
        let mut terminal = Terminal::new(TestBackend::new(width, 12)).unwrap();
        terminal
            .draw(|frame| panel(frame, frame.area(), &state, Theme::new(false)))
            .unwrap();
        let buffer = terminal.backend().buffer();
        (0..width).map(|x| buffer[(x, 0)].symbol()).collect()
    }

    fn connected(name: &str) -> Heart {
        Heart {
            link: Link::Connected(name.into()),
            battery: Some(80),
            location: Some("chest"),
            ..Heart::default()
        }
    }

    /// The panel's text with the lifter's LTHR set or not, before any sample.
    fn panel_text(lthr: Option<u32>) -> String {
        let mut state = State::testing(
            Startup {
                profile: Some(crate::core::profile::Profile {
                    lthr: lthr.map(bpm),
                    ..crate::core::profile::Profile::example()
                }),
                ..Startup::default()
            },
            chrono::DateTime::UNIX_EPOCH,
        );
        state.heart = connected("H10");
        let mut terminal = Terminal::new(TestBackend::new(40, 12)).unwrap();
        terminal
            .draw(|frame| panel(frame, frame.area(), &state, Theme::new(false)))
            .unwrap();
        let buffer = terminal.backend().buffer();
        (0..12)
            .map(|y| (0..40).map(|x| buffer[(x, y)].symbol()).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// hrTSS asks for an LTHR only when the profile has none; with one it waits for samples
    /// (it used to ask for an LTHR already set while no strap was streaming).
    #[test]
    fn hr_tss_asks_for_an_lthr_only_when_none_is_set() {
        assert!(panel_text(None).contains("hrTSS – (set LTHR)"));
        let with = panel_text(Some(165));
        assert!(with.contains("hrTSS –"), "{with}");
        assert!(!with.contains("set LTHR"), "{with}");
    }

    #[test]
    fn the_strap_says_where_it_is_worn_beside_its_battery() {
        assert_eq!(
            strap_text(&connected("H10")).as_deref(),
            Some("chest · 80%")
        );
        let no_battery = Heart {
            battery: None,
            ..connected("H10")
        };
        assert_eq!(strap_text(&no_battery).as_deref(), Some("chest"));
        assert_eq!(strap_text(&Heart::default()), None);
        assert_eq!(
            top_border(connected("Polar H10 A1B2C3"), 36),
            "┌ ♥ Polar H10 A1B2C3 ─ chest · 80% ┐"
        );
    }

    #[test]
    fn a_long_link_name_keeps_the_battery_and_drops_the_location() {
        assert_eq!(
            top_border(connected("simulated strap (seed 1)"), 36),
            "┌ ♥ simulated strap (seed 1) ─ 80% ┐"
        );
    }

    #[test]
    fn every_zone_of_a_model_has_its_own_colour() {
        let models = [
            ZoneModel::karvonen(bpm(50), bpm(190)).unwrap(),
            ZoneModel::lthr(bpm(165), Sport::Run),
            ZoneModel::lthr(bpm(165), Sport::Bike),
        ];
        for model in models {
            let colors: Vec<Color> = model.bands().iter().map(|b| zone_color(b.zone)).collect();
            for (i, c) in colors.iter().enumerate() {
                assert!(!colors[..i].contains(c), "{model:?}: {colors:?}");
            }
        }
    }
}
