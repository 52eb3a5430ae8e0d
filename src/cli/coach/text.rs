//! The context as compact readable text.

use std::fmt::Write as _;

use chrono::NaiveDate;
use ironpulse::core::program::adherence::Counts;
use ironpulse::core::review::strength::{LiftTrend, VolumeTrend};
use ironpulse::core::units::{Figure, Unit};
use ironpulse::read::ProgramRun;

use super::super::program::running::{
    CONTEXT_CHANGES, change, changes_until, days_text, summary_text,
};
use super::super::recommend::advice_text;
use super::super::report::text::{deload, figures, hrv, insights, monotony, volume, zones};
use super::{Coach, Endurance};

fn trend_words(v: &VolumeTrend) -> String {
    match (v.direction, v.percent_per_month) {
        (Some(d), Some(p)) => format!("{} ({:+.1} %/month)", d.label(), Figure(p)),
        _ => "no trend yet".to_owned(),
    }
}

/// "−0.84 ± 1.20 %/month, plateau": the slope with its standard error, and the verdict.
fn e1rm_words(l: &LiftTrend) -> String {
    let se = l
        .trend
        .percent_per_month_se
        .map_or_else(String::new, |se| format!(" ± {:.2}", Figure(se)));
    format!(
        "{:+.2}{se} %/month, {}",
        Figure(l.trend.percent_per_month),
        l.trend.direction.label()
    )
}

fn strength(c: &Coach<'_>, unit: Unit) -> String {
    let s = &c.strength;
    let mut out = format!(
        "Strength, {} to {} (e1RM trend over 8 weeks, %/month ± its standard error)\n",
        s.from, s.to
    );
    if s.lifts.is_empty() {
        out.push_str("  no lift with 3+ sessions with an e1RM in these 8 weeks\n");
    }
    for l in &s.lifts {
        let _ = writeln!(
            out,
            "  {:<24} {:>7} → {:<7} {unit}  {:+5.1} % ({})  volume {}",
            l.name.chars().take(24).collect::<String>(),
            format!("{:.1}", Figure(l.trend.e1rm.start.in_unit(unit))),
            format!("{:.1}", Figure(l.trend.e1rm.end.in_unit(unit))),
            Figure(l.trend.change_percent),
            e1rm_words(l),
            trend_words(&l.volume)
        );
    }
    let last_week = s.volume.weeks.last().map_or(0.0, |w| w.volume_kg);
    let _ = writeln!(
        out,
        "  all lifts: {} {unit} × reps in the last 7 days; weekly volume {}",
        volume(last_week, unit),
        trend_words(&s.volume)
    );
    if let Some(id) = s.strongest {
        let _ = writeln!(out, "  strongest by e1RM change: {}", c.lift_name(id));
    }
    if let Some(id) = s.weakest {
        let _ = writeln!(out, "  weakest by e1RM change: {}", c.lift_name(id));
    }
    out
}

fn endurance(e: &Endurance) -> String {
    let v = &e.view;
    let mut out = String::from("Endurance, the last 8 weeks\n");
    let totals: Vec<String> = v
        .weeks
        .iter()
        .map(|w| format!("{:.0}", Figure(w.total)))
        .collect();
    let _ = writeln!(
        out,
        "  weekly hrTSS (oldest first): {}",
        if totals.is_empty() {
            "none".to_owned()
        } else {
            totals.join(", ")
        }
    );
    if let (Some(t), Some(d)) = (e.trend, e.direction) {
        let _ = writeln!(
            out,
            "  trend: {} ({:+.1} a week over {} whole weeks)",
            d.label(),
            Figure(t.slope_per_day * 7.0),
            t.points
        );
    }
    match (v.end, e.ctl_then) {
        (Some(now), Some((day, then))) => {
            let _ = writeln!(
                out,
                "  fitness (CTL): {:.1} now, {:.1} on {day}",
                Figure(now.ctl),
                Figure(then)
            );
        }
        (Some(now), None) => {
            let _ = writeln!(
                out,
                "  fitness (CTL): {:.1} now (training began under 8 weeks ago)",
                Figure(now.ctl)
            );
        }
        _ => {}
    }
    let _ = writeln!(out, "  cardio sessions: {}", e.cardio_sessions);
    out.push_str(&zones(&v.zones, v.cardio_polarisation.as_ref()));
    out
}

/// The running program: where the lifter is, adherence overall and over the last 4 weeks,
/// today's and the next day's work with loads, and the latest changes with their reasons.
fn program(run: &ProgramRun, weeks: &[(u16, Counts)], unit: Unit, today: NaiveDate) -> String {
    let mut out = String::from("Program\n");
    out.push_str(&summary_text(
        run,
        weeks,
        "by program week (the weeks with a day in the last 4 weeks)",
    ));
    for line in days_text(run, unit, today).lines() {
        let _ = writeln!(out, "  {line}");
    }
    let (total, changes) = changes_until(run, today, CONTEXT_CHANGES);
    if !changes.is_empty() {
        let _ = writeln!(out, "  Recent changes ({} of {total})", changes.len());
        for c in changes {
            let _ = writeln!(out, "    {}", change(c));
        }
    }
    out
}

/// The whole context.
pub(super) fn coach(c: &Coach<'_>) -> String {
    let unit = c.unit;
    let mut out = format!("ironpulse context as of {}\n", c.today);
    if let Some((run, weeks)) = &c.program {
        out.push('\n');
        out.push_str(&program(run, weeks, unit, c.today));
    }
    if c.nothing_yet {
        let _ = writeln!(
            out,
            "\nNothing logged yet up to {}: log a few workouts, or try `ironpulse demo`.",
            c.today
        );
        return out;
    }
    out.push('\n');
    out.push_str(&strength(c, unit));
    out.push('\n');
    out.push_str(&endurance(&c.endurance));
    out.push_str("\nRecovery\n");
    out.push_str(&figures(c.load.end.as_ref()));
    let _ = write!(
        out,
        "  monotony: {}  resting HRV: {}",
        monotony(c.load.monotony.as_ref()).trim_start(),
        hrv(&c.hrv).trim_start()
    );
    out.push_str(&deload(&c.deload));
    let _ = writeln!(out, "\nRecommendations ({})", c.recommendations.len());
    for a in &c.recommendations {
        for line in advice_text(a, unit).lines() {
            let _ = writeln!(out, "  {line}");
        }
    }
    let _ = writeln!(out, "\nInsights ({})", c.insights.len());
    out.push_str(&insights(&c.insights));
    out
}
