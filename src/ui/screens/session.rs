//! The session screen: exercises on the left, the selected one's sets on the right, the entry
//! line and rest timer at the bottom.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::app::keymap::{Command, Context};
use crate::app::state::{PlateHint, SessionScreen, State};
use crate::core::heart::set_hr::SetHr;
use crate::core::units::{Unit, Weight};
use crate::core::workout::session::{LoggedSet, Session, Slot};
use crate::read::program_run::{DayLine, TargetSet, runs_text};
use crate::ui::text::cut_at_word;
use crate::ui::theme::Theme;
use crate::ui::widgets::entry_line;
use crate::ui::widgets::set_row::{self, Column};

pub fn render(frame: &mut Frame, area: Rect, state: &State, screen: &SessionScreen, theme: Theme) {
    let Some(session) = &state.session else {
        return;
    };
    // The entry line and, under it, its error or the plates wrapped whole: as many rows as
    // they take (at least one), within half the screen.
    let plates = screen
        .plates
        .as_ref()
        .map(|hint| plates_text(hint, state.unit()));
    let entry_height = (entry_line::height(
        &screen.entry,
        screen.error.as_ref(),
        plates.as_deref(),
        area.width.saturating_sub(2),
    ) + 2)
        .min(area.height / 2);
    let [top, entry] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(entry_height)]).areas(area);
    // Wide terminals get the heart-rate panel; narrow ones keep the badge in the header.
    let heart_width = if state.heart.is_on() && area.width >= 120 {
        36
    } else {
        0
    };
    let list_width = if heart_width > 0 {
        28
    } else {
        (area.width / 3).clamp(28, 40)
    };
    let [list, sets, heart] = Layout::horizontal([
        Constraint::Length(list_width),
        Constraint::Fill(1),
        Constraint::Length(heart_width),
    ])
    .areas(top);
    if heart_width > 0 {
        crate::ui::widgets::heart::panel(frame, heart, state, theme);
    }
    exercises(frame, list, state, session, screen.selected, theme);
    slot_sets(frame, sets, state, session, screen, theme);
    entry_block(
        frame,
        entry,
        state,
        session,
        screen,
        plates.as_deref(),
        theme,
    );
}

fn exercises(
    frame: &mut Frame,
    area: Rect,
    state: &State,
    session: &Session,
    selected: usize,
    theme: Theme,
) {
    let mut lines = Vec::new();
    for (i, slot) in session.slots.iter().enumerate() {
        // Supersets are bracketed: ┌ first, │ middle, └ last of a group.
        let prev = i
            .checked_sub(1)
            .and_then(|p| session.slots.get(p))
            .and_then(|s| s.superset);
        let next = session.slots.get(i + 1).and_then(|s| s.superset);
        let mark = match slot.superset {
            None => ' ',
            Some(g) if prev != Some(g) => '┌',
            Some(g) if next == Some(g) => '│',
            Some(_) => '└',
        };
        let working = slot
            .sets
            .iter()
            .filter(|s| s.spec.kind.is_working())
            .count();
        // A program lift counts its sets against its target: "2/5".
        let count = match state.program_session.as_ref().and_then(|p| p.line(slot.id)) {
            Some(line) => format!(
                "{working}/{}",
                line.sets.iter().filter(|t| !t.warmup).count()
            ),
            None => working.to_string(),
        };
        let name =
            crate::ui::text::truncate(&slot.name, usize::from(area.width.saturating_sub(14)));
        let text = format!(
            "{mark}{:>2} {name:<w$} {count:>5}",
            i + 1,
            w = usize::from(area.width.saturating_sub(14))
        );
        lines.push(if i == selected {
            Line::styled(text, theme.selected())
        } else {
            Line::raw(text)
        });
    }
    if session.slots.is_empty() {
        let key = state
            .keymap
            .key_for(Context::Session, Command::AddExercise)
            .map_or_else(String::new, |k| k.to_string());
        lines.push(Line::from(vec![
            Span::raw("Press "),
            Span::styled(key, theme.key()),
            Span::raw(" to add an exercise."),
        ]));
    }
    let title = format!(" Exercises ({}) ", session.slots.len());
    frame.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(title).border_style(theme.border())),
        area,
    );
}

fn slot_sets(
    frame: &mut Frame,
    area: Rect,
    state: &State,
    session: &Session,
    screen: &SessionScreen,
    theme: Theme,
) {
    let selected = screen.selected;
    let unit = state.unit();
    let Some(slot) = session.slots.get(selected) else {
        frame.render_widget(
            Block::bordered()
                .title(" Sets ")
                .border_style(theme.border()),
            area,
        );
        return;
    };
    let inner_width = usize::from(area.width.saturating_sub(2));
    let mut lines = Vec::new();
    if slot.sets.is_empty() {
        lines.push(Line::styled(
            "No sets yet. Type one below, e.g. 100x8 or w 60x5.",
            theme.dim(),
        ));
    } else {
        let table = set_table(state, &slot.sets, unit, inner_width);
        lines.push(Line::styled(table.heading, theme.dim()));
        for (set, row) in slot.sets.iter().zip(table.rows) {
            let style = if set.spec.kind.is_working() {
                ratatui::style::Style::new()
            } else {
                theme.dim()
            };
            lines.push(Line::styled(row, style));
        }
    }
    if !slot.notes.is_empty() {
        const LABEL: &str = "Notes: ";
        lines.push(Line::raw(""));
        lines.push(Line::from(vec![
            Span::styled(LABEL, theme.title()),
            Span::raw(cut_at_word(
                &slot.notes,
                inner_width.saturating_sub(LABEL.len()),
            )),
        ]));
    }
    let info = state
        .exercise(slot.exercise)
        .map(|e| format!(" · {} · {}", e.equipment.code(), e.mechanics.code()))
        .unwrap_or_default();
    let superset = slot
        .superset
        .map(|g| format!(" · superset {g}"))
        .unwrap_or_default();
    let title = Line::from(vec![
        Span::styled(format!(" {} ", slot.name), theme.title()),
        Span::styled(format!("{info}{superset} "), theme.dim()),
    ]);
    let block = Block::bordered().title(title).border_style(theme.border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let coaching = coaching_lines(state, screen, slot, theme);
    let width = usize::from(inner.width.max(1));
    let wrapped: usize = coaching
        .iter()
        .map(|l| l.width().div_ceil(width).max(1))
        .sum();
    let coach_height = (wrapped as u16).min(inner.height / 2);
    let [coach, table] =
        Layout::vertical([Constraint::Length(coach_height), Constraint::Fill(1)]).areas(inner);
    frame.render_widget(Paragraph::new(coaching).wrap(Wrap { trim: true }), coach);
    // Keep the newest sets visible when the list is longer than the panel.
    let overflow = lines.len().saturating_sub(usize::from(table.height)) as u16;
    frame.render_widget(Paragraph::new(lines).scroll((overflow, 0)), table);
}

/// Records this exercise's last set just broke, else today's recommendation with its reasoning.
fn coaching_lines(
    state: &State,
    screen: &SessionScreen,
    slot: &Slot,
    theme: Theme,
) -> Vec<Line<'static>> {
    let exercise = slot.exercise;
    if let Some(records) = screen.records.as_ref().filter(|r| r.slot == slot.id) {
        return records
            .sentences
            .iter()
            .map(|r| Line::styled(format!("★ {r}"), theme.alarm()))
            .collect();
    }
    if let Some(line) = state.program_session.as_ref().and_then(|p| p.line(slot.id)) {
        return program_lines(line, slot, state.unit(), theme);
    }
    let Some(coaching) = state.coaching.get(&exercise) else {
        return Vec::new();
    };
    let Some(recommendation) = coaching.recommendation.as_ref() else {
        return Vec::new();
    };
    // A first-ever session of the lift: once a working set is in, "no history yet" is over.
    let first_done = coaching.last.is_none() && slot.sets.iter().any(|s| s.spec.kind.is_working());
    let reasoning = if first_done {
        "First session of this lift: next time's plan starts from today's sets.".to_string()
    } else {
        recommendation.reasoning.clone()
    };
    vec![Line::from(vec![
        Span::styled("Today: ", theme.title()),
        Span::raw(reasoning),
    ])]
}

/// A program lift: its slot, stage and target sets, then how far the session is through them.
fn program_lines(line: &DayLine, slot: &Slot, unit: Unit, theme: Theme) -> Vec<Line<'static>> {
    let mut parts = vec![format!("Program: {}", line.slot)];
    if let Some(stage) = &line.stage {
        parts.push(format!("stage {stage}"));
    }
    parts.push(runs_text(line.sets.iter().filter(|t| !t.warmup), unit));
    if let Some(rest) = line.rest {
        let rest = chrono::Duration::seconds(i64::from(rest));
        let secs = rest.num_seconds();
        parts.push(format!("rest {}:{:02}", secs / 60, secs % 60));
    }
    let head = parts.join(" · ");
    let mut lines = vec![
        Line::styled(head, theme.title()),
        Line::raw(progress_text(line, slot, unit)),
    ];
    if let Some(note) = &line.note {
        lines.push(Line::styled(note.clone(), theme.dim()));
    }
    lines
}

/// `3`, `8-12`, `5+`.
fn reps_text(t: &TargetSet) -> String {
    let reps = if t.reps_max > t.reps {
        format!("{}-{}", t.reps, t.reps_max)
    } else {
        t.reps.to_string()
    };
    format!("{reps}{}", if t.amrap { "+" } else { "" })
}

/// "Done 2 of 5 · next 105 kg × 3+ (top set)", or the warm-up next while none is done.
fn progress_text(line: &DayLine, slot: &Slot, unit: Unit) -> String {
    let warmups: Vec<&TargetSet> = line.sets.iter().filter(|t| t.warmup).collect();
    let working: Vec<&TargetSet> = line.sets.iter().filter(|t| !t.warmup).collect();
    let done = slot
        .sets
        .iter()
        .filter(|s| s.spec.kind.is_working())
        .count();
    let warmed = slot
        .sets
        .iter()
        .filter(|s| s.spec.kind == crate::core::workout::set::SetKind::Warmup)
        .count();
    let describe = |t: &TargetSet| {
        let load = t
            .weight_kg
            .and_then(|kg| Weight::from_kg(kg).ok())
            .map_or_else(
                || "your choice of load".to_string(),
                |w| format!("{} {unit}", w.display(unit)),
            );
        let label = t
            .label
            .as_ref()
            .map_or(String::new(), |l| format!(" ({l})"));
        let rpe = t.rpe.map_or_else(String::new, |r| {
            format!(" @{}", crate::core::units::format_number(r))
        });
        format!("{load} × {}{rpe}{label}", reps_text(t))
    };
    let next = if done == 0 && warmed < warmups.len() {
        format!(
            "next warm-up {} of {}: {}",
            warmed + 1,
            warmups.len(),
            describe(warmups[warmed])
        )
    } else {
        working.get(done).map_or_else(
            || "all target sets done".to_string(),
            |t| format!("next {}", describe(t)),
        )
    };
    format!(
        "Done {} of {} · {next}",
        done.min(working.len()),
        working.len()
    )
}

fn entry_block(
    frame: &mut Frame,
    area: Rect,
    state: &State,
    session: &Session,
    screen: &SessionScreen,
    plates: Option<&str>,
    theme: Theme,
) {
    let name = session
        .slots
        .get(screen.selected)
        .map_or("no exercise", |s| s.name.as_str());
    let mut title = vec![Span::styled(format!(" Set — {name} "), theme.title())];
    if screen.saving {
        title.push(Span::styled(" saving… ", theme.warn()));
    }
    let mut block = Block::bordered()
        .title(Line::from(title))
        .border_style(theme.focus_border());
    if let Some(timer) = &state.rest {
        block =
            block.title(Line::from(entry_line::rest_span(timer, state.now, theme)).right_aligned());
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let focused = state.modal.is_none();
    entry_line::render(
        frame,
        inner,
        (&screen.entry, screen.error.as_ref(), plates),
        focused,
        theme,
    );
}

/// `bar + 25 + 15 a side = 100 kg`, or the nearest loads when the weight cannot be made.
fn plates_text(hint: &PlateHint, unit: Unit) -> String {
    let w = |w: Weight| w.display(unit);
    let exact = [&hint.loadable.below, &hint.loadable.above]
        .into_iter()
        .flatten()
        .find(|l| (l.achieved.kg() - hint.target.kg()).abs() < 1e-6);
    match exact {
        Some(load) if load.per_side.is_empty() => {
            format!("the empty bar = {} {unit}", w(load.achieved))
        }
        Some(load) => format!(
            "bar + {} a side = {} {unit}",
            load.per_side
                .iter()
                .map(|p| w(*p))
                .collect::<Vec<_>>()
                .join(" + "),
            w(load.achieved)
        ),
        None => {
            let near: Vec<String> = [&hint.loadable.below, &hint.loadable.above]
                .into_iter()
                .flatten()
                .map(|l| w(l.achieved))
                .collect();
            format!(
                "{} {unit} can't be loaded with your plates; nearest: {}",
                w(hint.target),
                near.join(" or ")
            )
        }
    }
}

/// The slot's sets as a table: number, the set's own columns, the time it was done, and — once
/// a set has heart rate — its heart rate from start to peak and the drop 60 s after it.
fn set_table(state: &State, sets: &[LoggedSet], unit: Unit, width: usize) -> set_row::Table {
    let mut columns = vec![Column::new(
        "#",
        (1..=sets.len()).map(|n| n.to_string()).collect(),
    )];
    columns.extend(set_row::columns(sets.iter().map(|s| &s.spec), unit));
    columns.push(
        Column::new(
            "done",
            sets.iter()
                .map(|s| state.local(s.completed_at).format("%H:%M").to_string())
                .collect(),
        )
        .optional(set_row::TIME_STEPS_ASIDE),
    );
    let hr: Vec<Option<&SetHr>> = sets
        .iter()
        .map(|s| state.heart.live.log().set_hr(s.id))
        .collect();
    columns.push(Column::new(
        "HR",
        hr.iter()
            .map(|h| {
                h.map_or_else(String::new, |h| {
                    format!("{}→{}", set_row::bpm(h.start), set_row::bpm(h.peak))
                })
            })
            .collect(),
    ));
    columns.push(Column::new(
        "60 s",
        hr.iter()
            .map(|h| h.map_or_else(String::new, |h| set_row::recovery(h.recovery_60)))
            .collect(),
    ));
    set_row::table(columns, width)
}
