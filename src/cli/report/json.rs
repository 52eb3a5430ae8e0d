//! The report as one JSON object, and the pieces `context` shares with it. Weights and volumes
//! are in kilograms (keys end in `_kg`; volume is kg × reps) with a `unit` field for display;
//! dates are ISO; a figure core cannot give (too little data) is `null`, never NaN.

use chrono::NaiveDate;
use ironpulse::core::load::acwr::Band;
use ironpulse::core::profile::ZoneKind;
use ironpulse::core::review::hrv::HrvTrend;
use ironpulse::core::review::insights::{Insight, InsightData};
use ironpulse::core::review::load::{
    LoadFigures, LoadSource, LoadWeek, Monotony, Polarisation, RpeScale, ScaleSource, TrainingLoad,
    ZoneTime, zone_labels,
};
use ironpulse::core::strength::records::{PrKind, PrValue};
use ironpulse::core::units::{Weight, round_to};
use serde_json::{Value, json};

use super::super::deload::check_json;
use super::super::program::running::summary_json;
use super::{Report, SessionLine};

/// `value` rounded to `places` decimals; `null` when it is not a finite number.
pub(crate) fn num(value: f64, places: i32) -> Value {
    if !value.is_finite() {
        return Value::Null;
    }
    json!(round_to(value, places))
}

/// [`num`] of an optional value.
pub(crate) fn opt(value: Option<f64>, places: i32) -> Value {
    value.map_or(Value::Null, |v| num(v, places))
}

/// A weight in kg to 2 decimals.
pub(crate) fn kg(weight: Weight) -> Value {
    num(weight.kg(), 2)
}

/// An ISO date.
pub(crate) fn date(day: NaiveDate) -> Value {
    json!(day.to_string())
}

/// The stable code of an ACWR band: `under_training`, `sweet_spot`, `caution`, `high_risk`.
pub(crate) fn band_code(band: Band) -> &'static str {
    match band {
        Band::UnderTraining => "under_training",
        Band::SweetSpot => "sweet_spot",
        Band::Caution => "caution",
        Band::HighRisk => "high_risk",
    }
}

/// The stable code of where a load came from: `measured`, `estimated`, `none`.
pub(crate) fn source_code(source: LoadSource) -> &'static str {
    match source {
        LoadSource::Measured => "measured",
        LoadSource::Estimated => "estimated",
        LoadSource::NoLoad => "none",
    }
}

fn pr_kind_code(kind: PrKind) -> String {
    match kind {
        PrKind::E1rm => "e1rm".to_owned(),
        PrKind::Heaviest => "heaviest".to_owned(),
        PrKind::Reps(n) => format!("reps_{n}"),
        PrKind::SessionVolume => "session_volume".to_owned(),
    }
}

fn pr_value(value: PrValue) -> Value {
    match value {
        PrValue::Load(w) => kg(w),
        PrValue::VolumeKg(v) => num(v, 1),
    }
}

/// CTL, ATL, TSB and ACWR at the end of a view; every field `null` without a session.
pub(crate) fn figures(end: Option<&LoadFigures>) -> Value {
    match end {
        Some(f) => json!({
            "date": date(f.date),
            "ctl": num(f.ctl, 4),
            "atl": num(f.atl, 4),
            "tsb": num(f.tsb, 4),
            "acwr": opt(f.acwr, 4),
            "band": f.band.map(band_code),
        }),
        None => json!({
            "date": null, "ctl": null, "atl": null, "tsb": null, "acwr": null, "band": null,
        }),
    }
}

/// The scale from Foster load to estimated hrTSS.
pub(crate) fn scale(scale: &RpeScale) -> Value {
    let calibrated_from = match scale.source {
        ScaleSource::Default => Value::Null,
        ScaleSource::Calibrated { sessions } => json!(sessions),
    };
    json!({
        "hrtss_per_foster_unit": num(scale.factor, 6),
        "calibrated_from_sessions": calibrated_from,
    })
}

/// Low versus high intensity time; `null` without time in zones 1 and up.
pub(crate) fn polarisation(p: Option<&Polarisation>) -> Value {
    p.map_or(Value::Null, |p| {
        json!({
            "low_seconds": p.low_seconds,
            "high_seconds": p.high_seconds,
            "low_percent": num(p.low_percent, 1),
            "high_percent": num(p.high_percent, 1),
        })
    })
}

/// Seconds per zone label of the model most of the time was counted in, and polarisation.
pub(crate) fn zones(z: &ZoneTime) -> Value {
    let labels = z.model.map(zone_labels).unwrap_or_default();
    let seconds: Vec<Value> = z
        .seconds
        .iter()
        .enumerate()
        .filter(|&(i, &s)| i < labels.len() || s > 0)
        .map(|(i, &s)| {
            let zone = labels
                .get(i)
                .map_or_else(|| format!("zone {i}"), |l| (*l).to_owned());
            json!({"zone": zone, "seconds": s})
        })
        .collect();
    json!({
        "model": z.model.map(ZoneKind::code),
        "mixed_models": z.mixed_models,
        "total_seconds": z.seconds.iter().sum::<u64>(),
        "seconds": seconds,
        "polarisation": polarisation(z.polarisation.as_ref()),
    })
}

/// One week's load, measured and estimated apart.
pub(crate) fn load_week(w: &LoadWeek) -> Value {
    json!({
        "start": date(w.start),
        "sessions": w.sessions,
        "measured": num(w.measured, 1),
        "estimated": num(w.estimated, 1),
        "total": num(w.total, 1),
        "no_load_sessions": w.no_load_sessions,
    })
}

/// Monotony and strain of the last 7 days; `null` without load or without variation.
pub(crate) fn monotony(m: Option<&Monotony>) -> Value {
    m.map_or(Value::Null, |m| {
        json!({
            "from": date(m.from),
            "to": date(m.to),
            "total": num(m.total, 1),
            "mean": num(m.mean, 2),
            "sd": num(m.sd, 2),
            "monotony": num(m.monotony, 2),
            "strain": num(m.strain, 1),
            "estimated": m.estimated,
        })
    })
}

/// The latest resting HRV against its 30-day baseline.
pub(crate) fn hrv(t: &HrvTrend) -> Value {
    json!({
        "latest": t.latest.map(|l| json!({"date": date(l.date), "rmssd_ms": num(l.rmssd_ms, 1)})),
        "baseline": t.baseline.map(|b| json!({
            "from": date(b.from),
            "to": date(b.to),
            "readings": b.readings,
            "mean_ms": num(b.mean_ms, 1),
            "sd_ms": num(b.sd_ms, 1),
        })),
        "sds_from_baseline": opt(t.sds_from_baseline, 2),
        "below_baseline": t.below_baseline,
    })
}

/// Every insight with its rule, numbers, suggestion and data.
pub(crate) fn insights(list: &[Insight]) -> Value {
    Value::Array(
        list.iter()
            .map(|i| {
                json!({
                    "kind": i.kind.code(),
                    "tone": i.tone.label(),
                    "title": i.title,
                    "rule": i.rule,
                    "numbers": i.numbers,
                    "suggestion": i.suggestion,
                    "data": insight_data(&i.data),
                })
            })
            .collect(),
    )
}

fn insight_data(data: &InsightData) -> Value {
    match data {
        InsightData::E1rmTrend(lifts) => json!({
            "lifts": lifts
                .iter()
                .map(|l| json!({
                    "exercise_id": l.exercise.0,
                    "exercise": l.name,
                    "weeks": l.weeks,
                    "days": l.days,
                    "start_kg": kg(l.start),
                    "end_kg": kg(l.end),
                    "percent_per_month": num(l.percent_per_month, 2),
                    "t_value": l.t_value.filter(|t| t.is_finite()).map(|t| num(t, 2)),
                }))
                .collect::<Vec<_>>(),
        }),
        InsightData::VolumeSpike {
            last_kg,
            previous_kg,
            percent,
        } => json!({
            "last_kg": num(*last_kg, 1),
            "previous_kg": num(*previous_kg, 1),
            "percent": num(*percent, 1),
        }),
        InsightData::Acwr {
            ratio,
            acute,
            chronic,
            band,
        } => json!({
            "ratio": num(*ratio, 4),
            "acute": num(*acute, 2),
            "chronic": num(*chronic, 2),
            "band": band_code(*band),
        }),
        InsightData::Monotony(m) => monotony(Some(m)),
        InsightData::Polarisation {
            polarisation: p,
            sessions,
        } => {
            let mut out = polarisation(Some(p));
            out["sessions"] = json!(sessions);
            out
        }
        InsightData::Untrained(list) => json!({
            "muscles": list.iter().map(|u| json!({
                "muscle": u.muscle,
                "last": date(u.last),
                "days": u.days,
            })).collect::<Vec<_>>(),
        }),
        InsightData::Hrv {
            latest,
            baseline,
            sds,
        } => json!({
            "date": date(latest.date),
            "rmssd_ms": num(latest.rmssd_ms, 1),
            "baseline_mean_ms": num(baseline.mean_ms, 1),
            "baseline_sd_ms": num(baseline.sd_ms, 1),
            "baseline_readings": baseline.readings,
            "sds": num(*sds, 2),
        }),
        InsightData::PrStreak { streak, names } => json!({
            "weeks": streak.weeks,
            "first_week": date(streak.first_week),
            "last_week": date(streak.last_week),
            "prs": streak.prs,
            "exercises": names,
        }),
    }
}

fn session(s: &SessionLine) -> Value {
    let l = &s.load;
    let load = match s.score.source {
        LoadSource::NoLoad => Value::Null,
        _ => num(s.score.load, 1),
    };
    json!({
        "id": l.session.0,
        "date": date(l.date),
        "title": s.load.title,
        "minutes": num(l.minutes, 1),
        "sets": l.sets,
        "volume_kg": num(l.volume_kg, 1),
        "rpe": l.rpe,
        "load": load,
        "load_source": source_code(s.score.source),
        "estimated": s.score.source == LoadSource::Estimated,
        "hr_tss": opt(l.hr.and_then(|h| h.hr_tss), 1),
        "avg_bpm": opt(l.hr.map(|h| h.avg_bpm), 0),
        "cardio": l.cardio,
    })
}

/// The training-load part: figures at the end, weeks, zones, monotony, counts.
fn load(view: &TrainingLoad, week_volume: &[f64]) -> Value {
    let weeks: Vec<Value> = view
        .weeks
        .iter()
        .zip(week_volume.iter().copied().chain(std::iter::repeat(0.0)))
        .map(|(w, volume)| {
            let mut out = load_week(w);
            out["volume_kg"] = num(volume, 1);
            out["zones"] = zones(&w.zones);
            out
        })
        .collect();
    json!({
        "method": "rolling",
        "end": figures(view.end.as_ref()),
        "weeks": weeks,
        "counts": {
            "sessions": view.counts.sessions,
            "measured": view.counts.measured,
            "estimated": view.counts.estimated,
            "no_load": view.counts.no_load,
        },
        "rpe_scale": scale(&view.scale),
    })
}

/// The whole report.
pub(crate) fn report(r: &Report) -> Value {
    let minutes: f64 = r.sessions.iter().map(|s| s.load.minutes).sum();
    let volume: f64 = r.sessions.iter().map(|s| s.load.volume_kg).sum();
    let weeks: Vec<Value> = r
        .load
        .weeks
        .iter()
        .zip(&r.week_volume)
        .map(|(w, v)| json!({"start": date(w.start), "volume_kg": num(*v, 1)}))
        .collect();
    let lifts: Vec<Value> = r
        .lifts
        .iter()
        .map(|l| {
            json!({
                "id": l.exercise.0,
                "exercise": l.name,
                "sessions": l.sessions,
                "sets": l.sets,
                "volume_kg": num(l.volume_kg, 1),
            })
        })
        .collect();
    let prs: Vec<Value> = r
        .prs
        .iter()
        .map(|p| {
            json!({
                "date": date(p.date),
                "session": p.session.0,
                "exercise_id": p.exercise.0,
                "exercise": r.name(p.exercise),
                "kind": pr_kind_code(p.kind),
                "measure": match p.value {
                    PrValue::Load(_) => "kg",
                    PrValue::VolumeKg(_) => "kg_x_reps",
                },
                "value": pr_value(p.value),
                "previous": pr_value(p.previous),
            })
        })
        .collect();
    let mut resting = hrv(&r.hrv);
    resting["readings_in_period"] = json!(r.hrv_in_period);
    json!({
        "period": {
            "since": date(r.period.since),
            "until": date(r.period.until),
            "days": r.period.days(),
        },
        "unit": r.unit.label(),
        "nothing_yet": r.nothing_yet,
        "sessions": {
            "count": r.sessions.len(),
            "minutes": num(minutes, 1),
            "list": r.sessions.iter().map(session).collect::<Vec<_>>(),
        },
        "volume": {
            "total_kg": num(volume, 1),
            "weeks": weeks,
            "lifts": lifts,
        },
        "prs": prs,
        "load": load(&r.load, &r.week_volume),
        "zones": zones(&r.load.zones),
        "cardio_polarisation": polarisation(r.load.cardio_polarisation.as_ref()),
        "monotony": monotony(r.load.monotony.as_ref()),
        "hrv": resting,
        "insights": insights(&r.insights),
        "deload": check_json(&r.deload),
        "program": r.program.as_ref().map(|(run, weeks)| summary_json(run, weeks)),
    })
}
