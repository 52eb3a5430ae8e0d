//! The rules on load and recovery: ACWR, monotony, cardio polarisation, HRV.

use super::{Insight, InsightData, InsightInput, InsightKind, Tone};
use crate::core::load::acwr::{self, ACUTE_DAYS, Band, CHRONIC_DAYS, Method};
use crate::core::review::hrv::hrv_trend;
use crate::core::review::load::{DailyLoads, MONOTONY_HIGH, Polarisation, monotony, split};
use crate::core::review::range::Range;
use crate::core::trend_line::minus_days;

/// ACWR above this is a warning (science.md's "high risk").
pub const ACWR_HIGH: f64 = 1.5;
/// Days of cardio the polarisation rule looks at.
pub const POLARISATION_DAYS: u64 = 28;
/// Seconds in zones 1 and up needed before polarisation is judged (60 minutes).
pub const POLARISATION_MIN_SECONDS: u64 = 3600;
/// A low-intensity share under this (percent) is far from 80/20.
pub const POLARISATION_LOW_MIN_PERCENT: f64 = 70.0;
/// The HRV rule reads a reading at most this many days old.
pub const HRV_RECENT_DAYS: i64 = 3;

/// Today's rolling ACWR above 1.5.
pub(super) fn acwr_high(daily: &DailyLoads) -> Option<Insight> {
    let loads = daily.loads();
    let ratio = acwr::latest(Method::Rolling, &loads)?;
    if ratio <= ACWR_HIGH {
        return None;
    }
    let mean = |n: usize| loads[loads.len() - n..].iter().sum::<f64>() / n as f64;
    let (acute, chronic) = (mean(ACUTE_DAYS), mean(CHRONIC_DAYS));
    let estimated = if daily.days[loads.len() - CHRONIC_DAYS..]
        .iter()
        .any(|d| d.estimated)
    {
        " (some load estimated from session RPE)"
    } else {
        ""
    };
    Some(Insight {
        kind: InsightKind::AcwrHigh,
        tone: Tone::Warning,
        title: "Load rising fast (ACWR)".to_string(),
        rule: "acute:chronic workload ratio above 1.5 (7-day vs 28-day mean daily load)"
            .to_string(),
        numbers: format!(
            "ACWR {ratio:.2}: 7-day mean {acute:.0} / 28-day mean {chronic:.0} a day{estimated}"
        ),
        suggestion: "Ease off for a few days so the week's load falls back towards the 28-day \
                     mean (ACWR 0.8–1.3)."
            .to_string(),
        data: InsightData::Acwr {
            ratio,
            acute,
            chronic,
            band: Band::of(ratio),
        },
    })
}

/// Foster monotony of the last 7 days above 2.0.
pub(super) fn monotony_high(input: &InsightInput<'_>, daily: &DailyLoads) -> Option<Insight> {
    let m = monotony(&daily.days, input.today).filter(|m| m.monotony > MONOTONY_HIGH)?;
    Some(Insight {
        kind: InsightKind::Monotony,
        tone: Tone::Warning,
        title: "Monotonous week".to_string(),
        rule: "Foster monotony (mean daily load / its SD over the last 7 days) above 2.0"
            .to_string(),
        numbers: format!(
            "monotony {:.1} (mean {:.0} / SD {:.0} a day), strain {:.0}, week load {:.0}",
            m.monotony, m.mean, m.sd, m.strain, m.total
        ),
        suggestion: "Make easy days easier and hard days harder, and keep at least one full rest \
                     day a week."
            .to_string(),
        data: InsightData::Monotony(m),
    })
}

/// Cardio of the last 28 days with under 70 % of its zone time in zones 1–2.
pub(super) fn polarisation(input: &InsightInput<'_>) -> Option<Insight> {
    let from = minus_days(input.today, POLARISATION_DAYS - 1);
    let (mut low, mut high, mut sessions) = (0, 0, 0);
    for s in input
        .sessions
        .iter()
        .filter(|s| s.cardio && s.date >= from && s.date <= input.today)
    {
        if let Some(hr) = &s.hr {
            let (l, h) = split(hr.zones, &hr.zone_seconds);
            low += l;
            high += h;
            sessions += 1;
        }
    }
    let p = Polarisation::of(low, high)?;
    if p.seconds() < POLARISATION_MIN_SECONDS || p.low_percent >= POLARISATION_LOW_MIN_PERCENT {
        return None;
    }
    let minutes = p.seconds() / 60;
    Some(Insight {
        kind: InsightKind::Polarisation,
        tone: Tone::Warning,
        title: "Cardio too hard for 80/20".to_string(),
        rule: "under 70 % of cardio time in zones 1–2 over the last 28 days (80/20 aims for about \
               80 %)"
            .to_string(),
        numbers: format!(
            "{:.0} % low / {:.0} % high over {} h {:02} min in zones 1+ ({})",
            p.low_percent,
            p.high_percent,
            minutes / 60,
            minutes % 60,
            crate::core::words::count(sessions, "session", "sessions")
        ),
        suggestion: "Do most cardio easy (zone 2, able to talk) and keep the hard sessions few \
                     and truly hard."
            .to_string(),
        data: InsightData::Polarisation {
            polarisation: p,
            sessions,
        },
    })
}

/// The latest resting HRV (at most 3 days old) more than one SD under its 30-day baseline.
pub(super) fn hrv_low(input: &InsightInput<'_>) -> Option<Insight> {
    let trend = hrv_trend(input.hrv, Range::Weeks4, input.today);
    let latest = trend.latest?;
    let baseline = trend.baseline?;
    let sds = trend.sds_from_baseline?;
    if !trend.below_baseline || (input.today - latest.date).num_days() > HRV_RECENT_DAYS {
        return None;
    }
    Some(Insight {
        kind: InsightKind::HrvLow,
        tone: Tone::Warning,
        title: "Resting HRV low".to_string(),
        rule: "latest resting RMSSD more than one SD under the mean of the 30 days before it \
               (5+ readings)"
            .to_string(),
        numbers: format!(
            "RMSSD {:.0} ms on {} vs baseline {:.0} ± {:.0} ms ({} readings), {:.1} SD under",
            latest.rmssd_ms, latest.date, baseline.mean_ms, baseline.sd_ms, baseline.readings, -sds
        ),
        suggestion: "Keep today easy or rest; if it stays low for several days, look at sleep, \
                     stress and load."
            .to_string(),
        data: InsightData::Hrv {
            latest,
            baseline,
            sds,
        },
    })
}
