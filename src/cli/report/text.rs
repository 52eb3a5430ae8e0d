//! The report as readable plain text: headings, aligned columns, weights in the profile's unit,
//! and the pieces `context` shares with it.

use std::fmt::Write as _;

use chrono::{Duration, NaiveDate};
use ironpulse::core::review::hrv::HrvTrend;
use ironpulse::core::review::insights::Insight;
use ironpulse::core::review::load::{
    LoadFigures, LoadSource, Monotony, Polarisation, ZoneTime, zone_labels,
};
use ironpulse::core::strength::records::{PrKind, PrValue};
use ironpulse::core::units::{Figure, Unit, thousands};

use ironpulse::read::DeloadCheck;

use super::super::deload::to_text as deload_text;
use super::super::program::running::summary_text;
use super::{Report, SessionLine};

/// Working volume (kg × reps) in `unit`, with thousands separated.
pub(crate) fn volume(volume_kg: f64, unit: Unit) -> String {
    thousands(volume_kg / unit.kg_factor())
}

/// Seconds as "1 h 05 min" or "42 min".
pub(crate) fn duration(seconds: f64) -> String {
    let minutes = (seconds / 60.0).round();
    if minutes < 60.0 {
        format!("{:.0} min", Figure(minutes))
    } else {
        format!(
            "{:.0} h {:02.0} min",
            (minutes / 60.0).floor(),
            minutes % 60.0
        )
    }
}

/// CTL, ATL, TSB and ACWR at the end of a view, one figure a line.
pub(crate) fn figures(end: Option<&LoadFigures>) -> String {
    let Some(f) = end else {
        return "  not enough data: no session with a load yet\n".to_owned();
    };
    let acwr = match (f.acwr, f.band) {
        (Some(r), Some(band)) => format!("{:>7.2}  {}", Figure(r), band.label()),
        _ => "not enough data (28 days of training needed)".to_owned(),
    };
    format!(
        "  fitness (CTL)  {:>7.1}\n  fatigue (ATL)  {:>7.1}\n  form (TSB)     {:>7.1}\n  \
         ACWR           {acwr}\n",
        Figure(f.ctl),
        Figure(f.atl),
        Figure(f.tsb)
    )
}

fn polarisation_text(p: &Polarisation) -> String {
    format!(
        "{:.0} % low (Z1–Z2), {:.0} % high (Z3 and up)",
        Figure(p.low_percent),
        Figure(p.high_percent)
    )
}

/// Time per zone with its share, then polarisation (and the cardio-only split when given).
pub(crate) fn zones(z: &ZoneTime, cardio: Option<&Polarisation>) -> String {
    let total: u64 = z.seconds.iter().sum();
    let Some(model) = z.model.filter(|_| total > 0) else {
        return "  no heart rate recorded\n".to_owned();
    };
    let labels = zone_labels(model);
    let mut out = format!(
        "  {} zones{}, {} with heart rate\n",
        model.label(),
        if z.mixed_models {
            " (sessions used more than one model; grouped by zone number)"
        } else {
            ""
        },
        duration(total as f64)
    );
    for (i, &s) in z.seconds.iter().enumerate() {
        if i >= labels.len() && s == 0 {
            continue;
        }
        let label = labels
            .get(i)
            .map_or_else(|| format!("zone {i}"), |l| (*l).to_owned());
        let _ = writeln!(
            out,
            "  {label:<5} {:>14} {:>4.0} %",
            duration(s as f64),
            Figure(s as f64 / total as f64 * 100.0)
        );
    }
    if let Some(p) = &z.polarisation {
        let _ = writeln!(out, "  polarisation: {}", polarisation_text(p));
    }
    if let Some(p) = cardio {
        let _ = writeln!(out, "  cardio sessions only: {}", polarisation_text(p));
    }
    out
}

/// Monotony and strain of the last 7 days.
pub(crate) fn monotony(m: Option<&Monotony>) -> String {
    m.map_or_else(
        || "  not enough data (no load, or the same load every day)\n".to_owned(),
        |m| {
            format!(
                "  {} to {}: monotony {:.2}, strain {:.0}{} (Foster; above 2.0 is monotonous)\n",
                m.from,
                m.to,
                Figure(m.monotony),
                Figure(m.strain),
                if m.estimated {
                    ", partly estimated"
                } else {
                    ""
                }
            )
        },
    )
}

/// The latest resting HRV against its baseline.
pub(crate) fn hrv(t: &HrvTrend) -> String {
    let Some(latest) = t.latest else {
        return "  no resting HRV reading yet\n".to_owned();
    };
    let baseline = match (t.baseline, t.sds_from_baseline) {
        (Some(b), sds) => format!(
            "baseline {:.1} ± {:.1} ms over {} readings{}{}",
            Figure(b.mean_ms),
            Figure(b.sd_ms),
            b.readings,
            sds.map_or_else(String::new, |s| format!(", {:+.1} SD", Figure(s))),
            if t.below_baseline {
                " — more than 1 SD under"
            } else {
                ""
            }
        ),
        (None, _) => "no baseline yet (5 readings in the 30 days before needed)".to_owned(),
    };
    format!(
        "  latest {:.1} ms on {}; {baseline}\n",
        Figure(latest.rmssd_ms),
        latest.date
    )
}

/// Each insight with its rule, numbers and suggestion.
pub(crate) fn insights(list: &[Insight]) -> String {
    if list.is_empty() {
        return "  nothing stands out\n".to_owned();
    }
    let mut out = String::new();
    for i in list {
        let _ = write!(
            out,
            "  [{}] {}\n    rule: {}\n    numbers: {}\n    suggestion: {}\n",
            i.tone.label(),
            i.title,
            i.rule,
            i.numbers,
            i.suggestion
        );
    }
    out
}

/// The deload check, indented.
pub(crate) fn deload(check: &DeloadCheck) -> String {
    let mut out = String::new();
    if let Some((_, day)) = &check.running {
        let _ = writeln!(out, "  Deload week: {}.", day.describe());
    }
    for line in deload_text(&check.advice, check.today, check.acwr, check.last).lines() {
        let _ = writeln!(out, "  {line}");
    }
    out
}

fn session_line(s: &SessionLine, unit: Unit) -> String {
    let l = &s.load;
    let load = match s.score.source {
        LoadSource::Measured => format!("{:>6.1}", Figure(s.score.load)),
        LoadSource::Estimated => format!("{:>6.1} est", Figure(s.score.load)),
        LoadSource::NoLoad => format!("{:>6}", "–"),
    };
    let title: String = if s.load.title.is_empty() {
        "(untitled)".to_owned()
    } else {
        s.load.title.chars().take(22).collect()
    };
    format!(
        "  {}  {title:<22} {:>4.0} {:>5} {:>12} {:>4} {load}\n",
        l.date,
        Figure(l.minutes),
        l.sets,
        volume(l.volume_kg, unit),
        l.rpe.map_or_else(|| "–".to_owned(), |r| r.to_string()),
    )
}

/// "1 session", "4 sessions".
fn plural(n: u64, what: &str) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("{n} {what}{s}")
}

/// A note on a week the period covers only part of.
fn partial(monday: NaiveDate, r: &Report) -> String {
    let sunday = monday + Duration::days(6);
    let from = monday.max(r.period.since);
    let to = sunday.min(r.period.until);
    if (from, to) == (monday, sunday) {
        String::new()
    } else {
        format!("  ({from} to {to} only)")
    }
}

/// The period's sessions, one a line.
fn sessions(out: &mut String, r: &Report) {
    let unit = r.unit;
    let minutes: f64 = r.sessions.iter().map(|s| s.load.minutes).sum();
    let _ = writeln!(
        out,
        "\nSessions: {}, {}",
        r.sessions.len(),
        duration(minutes * 60.0)
    );
    if r.sessions.is_empty() {
        out.push_str("  no finished session in this period\n");
        return;
    }
    let _ = writeln!(
        out,
        "  {:<10}  {:<22} {:>4} {:>5} {:>12} {:>4} {:>6}",
        "date",
        "title",
        "min",
        "sets",
        format!("volume {unit}"),
        "RPE",
        "load"
    );
    for s in &r.sessions {
        out.push_str(&session_line(s, unit));
    }
    out.push_str(
        "  load: hrTSS from heart rate; \"est\" estimated from session RPE × minutes; \
         \"–\" neither\n",
    );
}

/// Working volume in total, per week and per lift.
fn volumes(out: &mut String, r: &Report) {
    let unit = r.unit;
    let total: f64 = r.sessions.iter().map(|s| s.load.volume_kg).sum();
    let _ = writeln!(
        out,
        "\nVolume: {} {unit} × reps of working sets",
        volume(total, unit)
    );
    out.push_str("  per week (Monday to Sunday)\n");
    for (w, v) in r.load.weeks.iter().zip(&r.week_volume) {
        let _ = writeln!(
            out,
            "    {}  {:>12}{}",
            w.start,
            volume(*v, unit),
            partial(w.start, r)
        );
    }
    if !r.lifts.is_empty() {
        out.push_str("  per lift\n");
    }
    for l in &r.lifts {
        let _ = writeln!(
            out,
            "    {:<24} {:>12} {:>9} {:>12}",
            l.name.chars().take(24).collect::<String>(),
            plural(l.sessions as u64, "session"),
            plural(u64::from(l.sets), "set"),
            volume(l.volume_kg, unit)
        );
    }
}

/// The PRs set in the period, with the best each beat.
fn prs(out: &mut String, r: &Report) {
    let unit = r.unit;
    let _ = writeln!(out, "\nPRs in the period: {}", r.prs.len());
    for pr in &r.prs {
        let what = match pr.kind {
            PrKind::E1rm => "e1RM".to_owned(),
            PrKind::Heaviest => "heaviest".to_owned(),
            PrKind::Reps(n) => format!("{n}-rep best"),
            PrKind::SessionVolume => "session volume".to_owned(),
        };
        let suffix = match pr.value {
            PrValue::Load(_) => format!(" {unit}"),
            PrValue::VolumeKg(_) => format!(" {unit} × reps"),
        };
        let _ = writeln!(
            out,
            "  {}  {:<24} {:<15} {}{suffix} (was {})",
            pr.date,
            r.name(pr.exercise).chars().take(24).collect::<String>(),
            what,
            pr.kind.show(pr.value, unit),
            pr.kind.show(pr.previous, unit)
        );
    }
}

/// The figures at the end and the weekly hrTSS.
fn load(out: &mut String, r: &Report) {
    let _ = writeln!(out, "\nTraining load on {}", r.period.until);
    out.push_str(&figures(r.load.end.as_ref()));
    let c = r.load.counts;
    if c.sessions > 0 {
        let _ = writeln!(
            out,
            "  loads: {} from heart rate, {} estimated from session RPE, {} with neither",
            c.measured, c.estimated, c.no_load
        );
    }
    let _ = writeln!(
        out,
        "\nWeekly hrTSS  {:>8} {:>9} {:>10} {:>8}",
        "sessions", "measured", "estimated", "total"
    );
    for w in &r.load.weeks {
        let _ = writeln!(
            out,
            "  {}  {:>8} {:>9.1} {:>10.1} {:>8.1}{}",
            w.start,
            w.sessions,
            Figure(w.measured),
            Figure(w.estimated),
            Figure(w.total),
            partial(w.start, r)
        );
    }
}

/// The whole report.
pub(crate) fn report(r: &Report) -> String {
    let p = r.period;
    let mut out = format!(
        "ironpulse report: {} to {} ({}), as of {}\n",
        p.since,
        p.until,
        plural(u64::try_from(p.days()).unwrap_or(0), "day"),
        p.until
    );
    if let Some((run, weeks)) = &r.program {
        out.push_str("\nProgram\n");
        out.push_str(&summary_text(
            run,
            weeks,
            "by program week (the weeks with a day in this period)",
        ));
    }
    if r.nothing_yet {
        let _ = writeln!(
            out,
            "\nNothing logged yet: no finished session up to {}. Log a workout in the app, or try \
             `ironpulse demo` to see a report on generated history.",
            p.until
        );
        return out;
    }
    sessions(&mut out, r);
    volumes(&mut out, r);
    prs(&mut out, r);
    load(&mut out, r);
    out.push_str("\nTime in zones\n");
    out.push_str(&zones(&r.load.zones, r.load.cardio_polarisation.as_ref()));
    out.push_str("\nMonotony and strain (last 7 days)\n");
    out.push_str(&monotony(r.load.monotony.as_ref()));
    let _ = writeln!(
        out,
        "\nResting HRV ({} readings in the period)",
        r.hrv_in_period
    );
    out.push_str(&hrv(&r.hrv));
    let _ = writeln!(out, "\nInsights ({})", r.insights.len());
    out.push_str(&insights(&r.insights));
    out.push_str("\nDeload\n");
    out.push_str(&deload(&r.deload));
    out
}
