//! Morning resting HRV for the demo: on most days a 2–5 minute reading lying down, its RMSSD
//! around the lifter's baseline (about 55 ms), lower while training load runs ahead of fitness
//! (after hard weeks) and higher when it falls behind (deloads, weeks off).
//!
//! Each reading is a simulated RR series (breathing, a slow drift and beat-to-beat noise, with the
//! odd missed or ectopic beat) run through the same artefact filter, RMSSD and SDNN the app uses,
//! so the stored figures agree with one another.

use std::f64::consts::TAU;

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};

use super::plan::SessionPlan;
use crate::core::heart::hrv::{clean, rmssd, sdnn};
use crate::core::review::HrvReading;
use crate::core::rng::Rng;
use crate::core::units::Bpm;
use crate::store::{Store, StoreError};

/// Share of mornings the lifter remembers to measure.
const MEASURED: f64 = 0.88;
/// How far RMSSD falls (in ln ms) per unit of form deficit (acute − chronic load, over chronic).
const FATIGUE_EFFECT: f64 = 0.5;
/// Chance per beat of a missed or ectopic beat.
const ARTEFACT_RATE: f64 = 0.004;

/// The readings for the days of `plans` up to `today`, deterministic for `seed`.
pub fn readings(
    plans: &[SessionPlan],
    rest: Bpm,
    seed: u64,
    today: DateTime<Utc>,
) -> Vec<(DateTime<Utc>, HrvReading)> {
    let Some(first) = plans.first().map(|p| p.session.started_at.date_naive()) else {
        return Vec::new();
    };
    let mut rng = Rng::new(seed ^ 0x4852_565F_4D4F_524E); // "HRV_MORN"
    let baseline = rng.normal(55.0, 3.0).ln();
    let loads = daily_loads(plans, first, today.date_naive());
    // Fitness and fatigue start level at the first month's mean load.
    let start = loads.iter().take(28).sum::<f64>() / loads.len().clamp(1, 28) as f64;
    let (mut acute, mut chronic) = (start, start);
    let mut drift = 0.0;
    let mut out = Vec::with_capacity(loads.len());
    for (offset, load) in (0_u64..).zip(&loads) {
        let date = first + Days::new(offset);
        // The morning reading sees yesterday's training, not today's.
        let deficit = ((acute - chronic) / chronic.max(60.0)).clamp(-0.6, 0.8);
        drift = 0.9 * drift + rng.normal(0.0, 0.025);
        let target = (baseline - FATIGUE_EFFECT * deficit + drift + rng.normal(0.0, 0.08)).exp();
        let bpm = f64::from(rest.get()) + rng.normal(0.0, 1.5) + 6.0 * deficit.max(0.0);
        let minute = rng.normal(6.75 * 60.0, 20.0).clamp(5.5 * 60.0, 8.5 * 60.0);
        let duration = rng.inclusive(120, 300);
        let measured = rng.chance(MEASURED);
        let at = date
            .and_time(
                NaiveTime::from_num_seconds_from_midnight_opt((minute * 60.0) as u32, 0)
                    .unwrap_or(NaiveTime::MIN),
            )
            .and_utc();
        if measured && at <= today {
            out.extend(reading(date, target, bpm, duration, &mut rng).map(|r| (at, r)));
        }
        acute += (load - acute) / 7.0;
        chronic += (load - chronic) / 42.0;
    }
    out
}

/// Simulates, writes and counts the readings, in one transaction.
pub fn write(
    store: &Store,
    plans: &[SessionPlan],
    rest: Bpm,
    seed: u64,
    today: DateTime<Utc>,
) -> Result<usize, StoreError> {
    let readings = readings(plans, rest, seed, today);
    store.record_hrv_readings(readings.iter().map(|(at, r)| (*at, r)))?;
    Ok(readings.len())
}

/// Foster load (session RPE × minutes) of each day from `first` to `last`.
fn daily_loads(plans: &[SessionPlan], first: NaiveDate, last: NaiveDate) -> Vec<f64> {
    let days = usize::try_from((last - first).num_days() + 1).unwrap_or(0);
    let mut loads = vec![0.0; days];
    for plan in plans {
        let s = &plan.session;
        let day = (s.started_at.date_naive() - first).num_days();
        if let Some(load) = usize::try_from(day).ok().and_then(|d| loads.get_mut(d)) {
            let minutes = (s.ended_at - s.started_at).num_seconds() as f64 / 60.0;
            *load += f64::from(s.rpe.unwrap_or(0)) * minutes;
        }
    }
    loads
}

/// One reading of `seconds` at about `bpm`, its RMSSD near `target` ms.
fn reading(
    date: NaiveDate,
    target: f64,
    bpm: f64,
    seconds: u32,
    rng: &mut Rng,
) -> Option<HrvReading> {
    let mean = 60_000.0 / bpm;
    let beats = (f64::from(seconds) * bpm / 60.0) as usize;
    // The shape: breathing (4–6 s a breath), a slow drift and beat-to-beat noise.
    let breath = rng.between(4.0, 6.0);
    let phase = rng.between(0.0, TAU);
    let (mut t, mut slow) = (0.0, 0.0);
    let shape: Vec<f64> = (0..beats)
        .map(|_| {
            t += mean / 1000.0;
            slow = 0.97 * slow + rng.normal(0.0, 0.3);
            (TAU * t / breath + phase).sin() + slow + rng.normal(0.0, 0.35)
        })
        .collect();
    let scale = target / rmssd(&shape)?;
    let mut rr: Vec<f64> = Vec::with_capacity(beats);
    let mut i = 0;
    while i < shape.len() {
        let interval = mean + scale * shape[i];
        if rng.chance(ARTEFACT_RATE) && i + 1 < shape.len() {
            let next = mean + scale * shape[i + 1];
            if rng.chance(0.5) {
                rr.push(interval + next); // a missed beat: two intervals as one
            } else {
                rr.extend([0.65 * interval, next + 0.35 * interval]); // an ectopic beat
            }
            i += 2;
        } else {
            rr.push(interval);
            i += 1;
        }
    }
    let cleaned = clean(&rr);
    Some(HrvReading {
        date,
        rmssd_ms: rmssd(&cleaned.intervals)?,
        sdnn_ms: sdnn(&cleaned.intervals),
        beats: u32::try_from(cleaned.intervals.len()).ok()?,
        dropped: u32::try_from(cleaned.dropped).ok()?,
        duration_s: seconds,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rest() -> Bpm {
        Bpm::try_from(55).unwrap()
    }

    #[test]
    fn a_reading_hits_its_target_with_sdnn_in_step() {
        let mut rng = Rng::new(3);
        let date = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        for target in [30.0, 55.0, 80.0] {
            let r = reading(date, target, 55.0, 180, &mut rng).unwrap();
            assert!((r.rmssd_ms / target - 1.0).abs() < 0.15, "{target}: {r:?}");
            let sdnn = r.sdnn_ms.unwrap();
            // The slow drift adds to SDNN what breathing adds to RMSSD: the two stay close.
            assert!(sdnn > 0.8 * r.rmssd_ms && sdnn < 3.0 * r.rmssd_ms, "{r:?}");
            // 3 minutes at 55 bpm: 165 beats, a few dropped as artefacts.
            assert!((150..=165).contains(&(r.beats + r.dropped)), "{r:?}");
            assert!(r.dropped * 10 <= r.beats, "{r:?}");
        }
    }

    #[test]
    fn no_plans_no_readings() {
        let today = DateTime::from_timestamp(1_795_284_000, 0).unwrap();
        assert!(readings(&[], rest(), 1, today).is_empty());
    }
}
