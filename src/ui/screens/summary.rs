//! After finishing: duration, sets, reps and volume per exercise, by the one definition
//! ([`crate::core::workout::set::Totals`]): every set counts as a set, warm-ups among them; reps and
//! volume count the working sets.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

use crate::app::state::{State, SummaryScreen};
use crate::app::store_worker::ProgramFinish;
use crate::core::units::format_number;
use crate::core::words;
use crate::core::workout::set::Load;
use crate::ui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, state: &State, summary: &SummaryScreen, theme: Theme) {
    let session = &summary.session;
    let unit = state.unit();
    let volume = |kg: f64| format!("{} {unit}", format_number((kg / unit.kg_factor()).round()));
    let totals = session.totals();
    let warmups = match totals.warmups {
        0 => String::new(),
        n => format!(" ({n} warm-up)"),
    };
    let mut lines = vec![
        Line::styled("Session finished — well done.", theme.ok()),
        Line::raw(""),
        Line::raw(format!(
            "Duration {}   Session RPE {}",
            words::duration(session.duration(state.now)),
            session.rpe.map_or("–".into(), |r| r.to_string())
        )),
        Line::raw(format!(
            "Sets {}{warmups}   Reps {}   Volume {}",
            totals.sets,
            totals.reps,
            volume(totals.volume_kg),
        )),
        Line::raw(""),
        Line::styled(
            format!(
                "{:<32} {:>5} {:>8} {:>6} {:>12}",
                "exercise", "sets", "warm-up", "reps", "volume"
            ),
            theme.dim(),
        ),
    ];
    for t in session.slot_totals() {
        lines.push(Line::raw(format!(
            "{:<32} {:>5} {:>8} {:>6} {:>12}",
            crate::ui::text::truncate(&t.name, 32),
            t.totals.sets,
            t.totals.warmups,
            t.totals.reps,
            volume(t.totals.volume_kg)
        )));
    }
    let bodyweight = session
        .sets()
        .any(|(_, s)| matches!(s.spec.load, Load::Bodyweight { .. }) && s.spec.kind.is_working());
    lines.push(Line::styled(
        match session.body_weight.filter(|_| bodyweight) {
            Some(body) => format!(
                "Reps and volume: working sets; bodyweight sets at {} {unit} ± their load.",
                body.display(unit)
            ),
            None => "Reps and volume: working sets (warm-ups aside).".to_string(),
        },
        theme.dim(),
    ));
    if !session.notes.is_empty() {
        const LABEL: &str = "Notes: ";
        lines.push(Line::raw(""));
        let width = usize::from(area.width.saturating_sub(2)).saturating_sub(LABEL.len());
        for (n, part) in crate::ui::text::wrap(&session.notes, width)
            .into_iter()
            .enumerate()
        {
            let lead = if n == 0 {
                LABEL.to_string()
            } else {
                " ".repeat(LABEL.len())
            };
            lines.push(Line::raw(format!("{lead}{part}")));
        }
    }
    if let Some(program) = &summary.program {
        program_lines(&mut lines, program, summary.selected, area, theme);
    }
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .title(" Summary ")
                .border_style(theme.border()),
        ),
        area,
    );
}

/// "Changes for next time": what the program's rules made of this day, each with its reason;
/// the selected one can be kept off for this time.
fn program_lines(
    lines: &mut Vec<Line<'static>>,
    program: &ProgramFinish,
    selected: usize,
    area: Rect,
    theme: Theme,
) {
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("{} — changes for next time", program.title),
        theme.title(),
    ));
    if let Some(error) = &program.error {
        lines.push(Line::styled(
            format!("The program's progression was not saved: {error}"),
            theme.alarm(),
        ));
        return;
    }
    if program.changes.is_empty() {
        lines.push(Line::styled(
            "No change: the lifts keep their loads (a lift not trained today moves nothing).",
            theme.dim(),
        ));
        proposal_lines(
            lines,
            program,
            usize::from(area.width.saturating_sub(4)),
            theme,
        );
        return;
    }
    let width = usize::from(area.width.saturating_sub(4));
    proposal_lines(lines, program, width, theme);
    for (i, c) in program.changes.iter().enumerate() {
        let mark = if i == selected { "▸" } else { " " };
        let kept = if c.suppressed {
            " — kept as it was"
        } else {
            ""
        };
        let text =
            crate::ui::text::truncate(&format!("{mark} {}: {}{kept}", c.slot, c.reason), width);
        lines.push(if c.suppressed {
            Line::styled(text, theme.dim())
        } else if i == selected {
            Line::styled(text, theme.selected())
        } else {
            Line::raw(text)
        });
    }
}

/// What the program proposes (a plateau, resets piling up, the deload check), each with the
/// command that answers it.
fn proposal_lines(
    lines: &mut Vec<Line<'static>>,
    program: &ProgramFinish,
    width: usize,
    theme: Theme,
) {
    for (id, reason) in &program.proposals {
        lines.push(Line::styled(
            crate::ui::text::truncate(&format!("Proposed #{id}: {reason}"), width),
            theme.alarm(),
        ));
    }
    if let Some((id, _)) = program.proposals.first() {
        lines.push(Line::styled(
            format!(
                "Answer with `ironpulse program accept {id}` or `ironpulse program decline {id}`."
            ),
            theme.dim(),
        ));
    }
}
