//! The running program in the "Today" box: where the lifter is in it and how closely they have
//! followed it, then the day to train (or the next one) with each exercise's work — two lines,
//! each cut to the box's width.

use chrono::NaiveDate;
use ratatui::text::{Line, Span};

use crate::app::state::State;
use crate::core::units::Unit;
use crate::read::program_summary::{DaySummary, ProgramSummary, WorkSummary};
use crate::store::RunStatus;
use crate::ui::text::{cut_at_word, truncate, width as columns};
use crate::ui::theme::Theme;

/// Columns a long program name keeps before the figures after it are cut.
const NAME_KEPT: usize = 16;

/// The program's two lines, `width` columns wide; none when no program runs.
pub fn lines(state: &State, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let Some(p) = &state.program else {
        return Vec::new();
    };
    vec![
        where_line(p, width, theme),
        day_line(p, state.unit(), state.now.date_naive(), width, theme),
    ]
}

/// "GZCLP · week 3 of 12 · 25 % done · sessions 11 of 12 · sets 92 %".
fn where_line(p: &ProgramSummary, width: usize, theme: Theme) -> Line<'static> {
    let mut parts = Vec::new();
    if p.status == RunStatus::Paused {
        parts.push("paused".to_string());
    }
    parts.push(match p.weeks {
        Some(total) => format!("week {} of {total}", p.week),
        None => format!("week {}", p.week),
    });
    if let Some(done) = p.progress {
        parts.push(format!("{done:.0} % done"));
    }
    let a = p.adherence;
    match a.sets_pct() {
        Some(sets) if a.sessions_planned > 0 => {
            parts.push(format!(
                "sessions {} of {}",
                a.sessions_done, a.sessions_planned
            ));
            parts.push(format!("sets {sets:.0} %"));
        }
        _ => parts.push("no day done or missed yet".to_string()),
    }
    let rest = format!(" · {}", parts.join(" · "));
    // A long name gives way to the figures, down to a few words of it.
    let room = width.saturating_sub(columns(&rest)).max(NAME_KEPT);
    let name = cut_at_word(&p.name, room);
    let rest = truncate(&rest, width.saturating_sub(columns(&name)));
    Line::from(vec![Span::styled(name, theme.title()), Span::raw(rest)])
}

/// "Today: Day A1 — Back Squat 5×3+ 105 kg, …", or the next day on a rest day.
fn day_line(
    p: &ProgramSummary,
    unit: Unit,
    today: NaiveDate,
    width: usize,
    theme: Theme,
) -> Line<'static> {
    if p.status == RunStatus::Paused {
        return Line::styled(
            truncate(
                "Paused: no days are planned until `ironpulse program resume`.",
                width,
            ),
            theme.dim(),
        );
    }
    let (label, day) = match (&p.today, &p.next) {
        (Some(d), _) if d.date < today => (format!("Today (from {}):", short_date(d.date)), d),
        (Some(d), _) => ("Today:".to_string(), d),
        (None, Some(d)) => (
            format!(
                "{} · next {}:",
                if p.done_today {
                    "Done today"
                } else {
                    "Rest day"
                },
                short_date(d.date)
            ),
            d,
        ),
        (None, None) => {
            return Line::styled(
                truncate(
                    "No more days planned: `ironpulse program finish` ends it with a summary.",
                    width,
                ),
                theme.dim(),
            );
        }
    };
    let head = format!(
        " Day {}{}",
        day.name,
        if day.deload { " (deload)" } else { "" }
    );
    let room = width.saturating_sub(columns(&label));
    Line::from(vec![
        Span::styled(label, theme.ok()),
        Span::raw(fit(&head, day, unit, room)),
    ])
}

/// " Day A1 — Back Squat 5×3+ 105 kg, Bench Press 3×10 62.5 kg, …": as many whole exercises as
/// fit in `room` columns.
fn fit(head: &str, day: &DaySummary, unit: Unit, room: usize) -> String {
    let items: Vec<String> = day.work.iter().map(|w| work_text(w, unit)).collect();
    if items.is_empty() {
        return truncate(head, room);
    }
    for n in (1..=items.len()).rev() {
        let more = if n < items.len() { ", …" } else { "" };
        let text = format!("{head} — {}{more}", items[..n].join(", "));
        if columns(&text) <= room {
            return text;
        }
    }
    truncate(&format!("{head} — {}", items[0]), room)
}

/// "Back Squat 5×3+ 105 kg", "Lat Pulldown 3×15+", "Squat 5/3/1+ up to 125 kg".
fn work_text(w: &WorkSummary, unit: Unit) -> String {
    let plus = if w.amrap { "+" } else { "" };
    let scheme = match w.reps.first() {
        Some(first) if w.reps.iter().all(|r| r == first) => format!("{}×{first}{plus}", w.sets),
        _ => {
            let reps: Vec<String> = w.reps.iter().map(u16::to_string).collect();
            format!("{}{plus}", reps.join("/"))
        }
    };
    let load = match w.top {
        Some(top) if w.ramped => format!(" up to {} {unit}", top.display(unit)),
        Some(top) => format!(" {} {unit}", top.display(unit)),
        None => String::new(),
    };
    format!("{} {scheme}{load}", w.exercise)
}

/// "Wed 14 Jan".
fn short_date(date: NaiveDate) -> String {
    date.format("%a %-d %b").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::units::Weight;

    fn work(reps: &[u16], amrap: bool, top: Option<f64>, ramped: bool) -> WorkSummary {
        WorkSummary {
            exercise: "Back Squat".into(),
            sets: reps.len(),
            reps: reps.to_vec(),
            amrap,
            top: top.map(|kg| Weight::from_kg(kg).unwrap()),
            ramped,
        }
    }

    #[test]
    fn an_exercise_reads_as_sets_by_reps_at_its_top_load() {
        let kg = Unit::Kg;
        assert_eq!(
            work_text(&work(&[3; 5], true, Some(105.0), false), kg),
            "Back Squat 5×3+ 105 kg"
        );
        assert_eq!(
            work_text(&work(&[15; 3], true, None, false), kg),
            "Back Squat 3×15+"
        );
        // 5/3/1's week 3: 5, 3 and 1+ at three loads.
        assert_eq!(
            work_text(&work(&[5, 3, 1], true, Some(125.0), true), kg),
            "Back Squat 5/3/1+ up to 125 kg"
        );
        assert_eq!(
            work_text(
                &work(&[5; 3], false, Some(225.0 * 0.453_592_37), false),
                Unit::Lb
            ),
            "Back Squat 3×5 225 lb"
        );
    }

    #[test]
    fn a_day_keeps_whole_exercises_and_marks_the_rest() {
        let day = DaySummary {
            date: NaiveDate::from_ymd_opt(2026, 1, 12).unwrap(),
            name: "A1".into(),
            title: None,
            deload: false,
            work: vec![
                work(&[3; 5], true, Some(105.0), false),
                work(&[10; 3], false, Some(62.5), false),
            ],
        };
        let all = " Day A1 — Back Squat 5×3+ 105 kg, Back Squat 3×10 62.5 kg";
        assert_eq!(fit(" Day A1", &day, Unit::Kg, 80), all);
        assert_eq!(
            fit(" Day A1", &day, Unit::Kg, columns(all) - 1),
            " Day A1 — Back Squat 5×3+ 105 kg, …"
        );
        assert_eq!(fit(" Day A1", &day, Unit::Kg, 20), " Day A1 — Back Squa…");
    }
}
