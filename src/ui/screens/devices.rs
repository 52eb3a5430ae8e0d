//! Heart-rate straps in range: name, address, signal; the remembered one is marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::app::heart::Link;
use crate::app::state::{DevicesScreen, State};
use crate::ui::theme::Theme;
use crate::ui::widgets::heart::link_text;

pub fn render(frame: &mut Frame, area: Rect, state: &State, screen: &DevicesScreen, theme: Theme) {
    // Off: how to get a strap is this screen, so "Now" says only that none is connected
    // (the header's hint may send the lifter here).
    let now = match state.heart.link {
        Link::Off if screen.straps.is_empty() => "no strap connected".to_string(),
        Link::Off => "no strap connected — pick one below and press Enter".to_string(),
        _ => link_text(&state.heart),
    };
    let mut lines = vec![
        Line::raw(format!("Now: {now}")),
        Line::raw(format!(
            "Remembered: {}",
            state
                .strap
                .as_deref()
                .unwrap_or("none — pick a strap and press Enter")
        )),
        Line::raw(""),
    ];
    if let Some(error) = &screen.error {
        lines.push(Line::styled(error.clone(), theme.error()));
        lines.push(Line::styled(
            "See “Troubleshooting Bluetooth” in the README.",
            theme.dim(),
        ));
    } else if screen.scanning {
        lines.push(Line::styled("Scanning for heart-rate straps (5 s)… wear the strap: most sleep until the electrodes are wet.", theme.warn()));
    } else if screen.straps.is_empty() {
        lines.push(Line::styled(
            "No strap found. Wear it (wet the electrodes) and scan again.",
            theme.dim(),
        ));
    } else {
        lines.push(Line::styled(
            format!("  {:<28} {:<19} {:>8}", "name", "address", "signal"),
            theme.dim(),
        ));
        for (i, strap) in screen.straps.iter().enumerate() {
            let mark = if state.strap.as_deref() == Some(strap.address.as_str()) {
                "•"
            } else {
                " "
            };
            let signal = strap
                .rssi
                .map_or_else(|| "–".to_string(), |r| format!("{r} dBm"));
            let text = format!(
                "{mark} {:<28} {:<19} {signal:>8}",
                strap.name, strap.address
            );
            lines.push(if i == screen.selected {
                Line::styled(text, theme.selected())
            } else {
                Line::raw(text)
            });
        }
    }
    let heart = &state.heart;
    let strap: Vec<String> = [
        heart.location.map(|l| format!("worn on the {l}")),
        heart.battery.map(|b| format!("battery {b}%")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !strap.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::raw(format!("Connected strap: {}", strap.join(", "))));
    }
    let block = Block::bordered()
        .title(" Heart-rate straps ")
        .border_style(theme.border());
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        area,
    );
}
