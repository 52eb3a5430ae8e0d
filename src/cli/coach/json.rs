//! The context as one JSON object: weights in kg (keys end in `_kg`) with a `unit` field for
//! display, dates ISO, `null` where there is no data.

use ironpulse::core::review::strength::{Direction, LiftTrend, VolumeTrend};
use serde_json::{Value, json};

use super::super::deload::check_json;
use super::super::program::running::{
    CONTEXT_CHANGES, change_json, changes_until, day_json, summary_json,
};
use super::super::recommend::advice_json;
use super::super::report::json::{
    date, figures, hrv, insights, kg, load_week, monotony, num, opt, polarisation, zones,
};
use super::{Coach, ENDURANCE_WEEKS, Endurance};

fn volume_trend(v: &VolumeTrend) -> Value {
    json!({
        "weeks": v.weeks.iter().map(|w| json!({
            "from": date(w.from),
            "to": date(w.to),
            "volume_kg": num(w.volume_kg, 1),
            "deload": w.deload,
        })).collect::<Vec<_>>(),
        "percent_per_month": opt(v.percent_per_month, 2),
        "direction": v.direction.map(Direction::label),
    })
}

fn lift(l: &LiftTrend) -> Value {
    json!({
        "id": l.exercise.0,
        "exercise": l.name,
        "weeks": l.trend.weeks,
        "e1rm": {
            "first": date(l.trend.e1rm.line.first),
            "last": date(l.trend.e1rm.line.last),
            "start_kg": kg(l.trend.e1rm.start),
            "end_kg": kg(l.trend.e1rm.end),
            "change_percent": num(l.trend.change_percent, 2),
            "percent_per_month": num(l.trend.percent_per_month, 2),
            "percent_per_month_se": opt(l.trend.percent_per_month_se, 2),
            "direction": l.trend.direction.label(),
        },
        "volume": volume_trend(&l.volume),
    })
}

fn strength(c: &Coach<'_>) -> Value {
    let s = &c.strength;
    let pick = |id: Option<ironpulse::core::workout::exercise::ExerciseId>| {
        id.and_then(|id| s.lifts.iter().find(|l| l.exercise == id))
            .map_or(Value::Null, |l| {
                json!({
                    "id": l.exercise.0,
                    "exercise": l.name,
                    "change_percent": num(l.trend.change_percent, 2),
                })
            })
    };
    json!({
        "from": date(s.from),
        "to": date(s.to),
        "lifts": s.lifts.iter().map(lift).collect::<Vec<_>>(),
        "volume": volume_trend(&s.volume),
        "strongest_by_e1rm_change": pick(s.strongest),
        "weakest_by_e1rm_change": pick(s.weakest),
    })
}

fn endurance(e: &Endurance) -> Value {
    let v = &e.view;
    let trend = e.trend.map_or(Value::Null, |t| {
        json!({
            "weeks": t.points,
            "per_week": num(t.slope_per_day * 7.0, 2),
            "percent_per_month": opt(t.percent_per_month, 2),
            "direction": e.direction.map(Direction::label),
        })
    });
    json!({
        "from": v.from.map(date),
        "to": date(v.today),
        "weeks": ENDURANCE_WEEKS,
        "weekly_hrtss": v.weeks.iter().map(load_week).collect::<Vec<_>>(),
        "hrtss_trend": trend,
        "ctl_now": v.end.map(|f| num(f.ctl, 4)),
        "ctl_8_weeks_ago": e.ctl_then.map(|(day, ctl)| json!({"date": date(day), "ctl": num(ctl, 4)})),
        "zones": zones(&v.zones),
        "cardio_polarisation": polarisation(v.cardio_polarisation.as_ref()),
        "cardio_sessions": e.cardio_sessions,
        "race_results": null,
        "vdot": null,
    })
}

fn recovery(c: &Coach<'_>) -> Value {
    json!({
        "load": figures(c.load.end.as_ref()),
        "monotony": monotony(c.load.monotony.as_ref()),
        "hrv": hrv(&c.hrv),
        "deload": check_json(&c.deload),
    })
}

/// The whole context.
pub(super) fn coach(c: &Coach<'_>) -> Value {
    json!({
        "as_of": date(c.today),
        "unit": c.unit.label(),
        "nothing_yet": c.nothing_yet,
        "strength": strength(c),
        "endurance": endurance(&c.endurance),
        "recovery": recovery(c),
        "recommendations": c.recommendations.iter().map(|a| advice_json(a, c.unit)).collect::<Vec<_>>(),
        "insights": insights(&c.insights),
        "program": c.program.as_ref().map(|(run, weeks)| {
            let mut out = summary_json(run, weeks);
            out["today"] = day_json(run.today.as_ref());
            out["next"] = day_json(run.next.as_ref());
            let (total, changes) = changes_until(run, c.today, CONTEXT_CHANGES);
            out["changes"] = changes.into_iter().map(change_json).collect();
            out["changes_total"] = json!(total);
            out
        }),
    })
}
