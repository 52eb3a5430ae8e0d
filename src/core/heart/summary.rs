//! A session's heart-rate summary from its samples: average and max, time in zones, Banister
//! TRIMP and HR-based (TRIMP-normalised) hrTSS, and RMSSD from the RR intervals (science.md).
//!
//! Time is counted exactly as [`LiveLoad`] counts it live, so the stored figures match what the
//! lifter saw: each sample stands for the time since the previous one, at most
//! [`LiveLoad::MAX_SAMPLE_SECONDS`]. A recorded gap counts nothing, and RR intervals on either side
//! of a gap or a silence are never differenced against each other.

use crate::core::heart::hrv::{clean, rmssd};
use crate::core::heart::load::{LiveLoad, LoadParams};
use crate::core::heart::sample::{HrGap, HrSample};
use crate::core::heart::zones::ZoneModel;
use crate::core::units::Bpm;

/// Zones a summary has room for: Karvonen uses 6 (Z0–Z5), Friel's tables 7.
pub const ZONE_SLOTS: usize = 7;

/// The longest time one sample stands for, in ms (see [`LiveLoad::MAX_SAMPLE_SECONDS`]).
const MAX_STEP_MS: u32 = (LiveLoad::MAX_SAMPLE_SECONDS * 1000.0) as u32;

/// What a session's heart rate added up to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HrSummary {
    /// Time-weighted average; the plain mean when no time was counted (a single sample).
    pub avg_bpm: f64,
    pub max_bpm: Bpm,
    /// Time with heart rate, gaps excluded, in whole seconds.
    pub seconds: u32,
    /// Banister TRIMP.
    pub trimp: f64,
    /// HR-based (TRIMP-normalised) hrTSS; `None` without an LTHR.
    pub hr_tss: Option<f64>,
    /// RMSSD over the clean RR intervals, in ms; `None` with fewer than two in a row.
    pub rmssd_ms: Option<f64>,
    /// RR intervals the artefact filter dropped.
    pub rr_dropped: u32,
    /// Seconds in each zone by zone index (Karvonen leaves the last slot at 0).
    pub zone_seconds: [u32; ZONE_SLOTS],
}

/// Summarises a session's samples (in time order) and gaps; `None` when there are no samples.
pub fn summarise(
    samples: &[HrSample],
    gaps: &[HrGap],
    load: LoadParams,
    zones: ZoneModel,
) -> Option<HrSummary> {
    let first = samples.first()?;
    let mut live = LiveLoad::new(load);
    let mut zone_ms = [0_u64; ZONE_SLOTS];
    let (mut counted_ms, mut weighted) = (0_u64, 0.0);
    let mut max = first.bpm;
    let mut hrv = Pooled::default();
    let mut run: Vec<f64> = first.rr.iter().map(|rr| rr.ms()).collect();
    for pair in samples.windows(2) {
        let (before, sample) = (&pair[0], &pair[1]);
        max = max.max(sample.bpm);
        let step = sample.offset_ms.saturating_sub(before.offset_ms);
        let in_gap = gaps
            .iter()
            .any(|g| g.overlaps(before.offset_ms, sample.offset_ms));
        if in_gap || step > MAX_STEP_MS {
            hrv.add(&run);
            run.clear();
        }
        run.extend(sample.rr.iter().map(|rr| rr.ms()));
        let held = if in_gap { 0 } else { step.min(MAX_STEP_MS) };
        if held == 0 {
            continue;
        }
        live.add(sample.bpm, f64::from(held) / 1000.0);
        let zone = usize::from(zones.zone_of(sample.bpm).index).min(ZONE_SLOTS - 1);
        zone_ms[zone] += u64::from(held);
        counted_ms += u64::from(held);
        weighted += f64::from(sample.bpm.get()) * f64::from(held);
    }
    hrv.add(&run);
    let avg_bpm = if counted_ms > 0 {
        weighted / counted_ms as f64
    } else {
        let sum: f64 = samples.iter().map(|s| f64::from(s.bpm.get())).sum();
        sum / samples.len() as f64
    };
    Some(HrSummary {
        avg_bpm,
        max_bpm: max,
        seconds: whole_seconds(counted_ms),
        trimp: live.trimp(),
        hr_tss: live.hr_tss(),
        rmssd_ms: hrv.rmssd(),
        rr_dropped: hrv.dropped,
        zone_seconds: zone_ms.map(whole_seconds),
    })
}

fn whole_seconds(ms: u64) -> u32 {
    u32::try_from(ms.saturating_add(500) / 1000).unwrap_or(u32::MAX)
}

/// RMSSD pooled over unbroken runs of RR: every run is cleaned on its own, then
/// `√(Σ rmssdᵢ² · (nᵢ − 1) / Σ (nᵢ − 1))`, the RMSSD of all successive differences inside runs.
#[derive(Debug, Default)]
struct Pooled {
    squares: f64,
    differences: usize,
    dropped: u32,
}

impl Pooled {
    fn add(&mut self, run: &[f64]) {
        let cleaned = clean(run);
        self.dropped = self
            .dropped
            .saturating_add(u32::try_from(cleaned.dropped).unwrap_or(u32::MAX));
        if let Some(r) = rmssd(&cleaned.intervals) {
            let n = cleaned.intervals.len() - 1;
            self.squares += r * r * n as f64;
            self.differences += n;
        }
    }

    fn rmssd(&self) -> Option<f64> {
        (self.differences > 0).then(|| (self.squares / self.differences as f64).sqrt())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::heart::sample::{GapReason, Rr};
    use crate::core::profile::Sex;

    fn bpm(v: u32) -> Bpm {
        Bpm::try_from(v).unwrap()
    }

    fn sample(second: u32, b: u32) -> HrSample {
        HrSample {
            offset_ms: second * 1000,
            bpm: bpm(b),
            rr: vec![],
        }
    }

    /// Rest 50, max 190, LTHR 165, a man (the science.md example), Karvonen zones.
    fn run(samples: &[HrSample], gaps: &[HrGap]) -> HrSummary {
        let load = LoadParams::new(bpm(50), bpm(190), Some(bpm(165)), Sex::Male).unwrap();
        let zones = ZoneModel::karvonen(bpm(50), bpm(190)).unwrap();
        summarise(samples, gaps, load, zones).unwrap()
    }

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() < tolerance
    }

    #[test]
    fn an_hour_at_140_is_hrtss_55_5_science_md() {
        let samples: Vec<_> = (0..=3600).map(|s| sample(s, 140)).collect();
        let s = run(&samples, &[]);
        assert!(close(s.hr_tss.unwrap(), 55.54, 0.01), "{s:?}");
        assert!(close(s.trimp, 84.82, 0.01), "{s:?}");
        assert!(close(s.avg_bpm, 140.0, 1e-9));
        assert_eq!((s.max_bpm, s.seconds), (bpm(140), 3600));
        // 140 bpm is 64 % of heart-rate reserve: Karvonen Z2 (60–70 %).
        assert_eq!(s.zone_seconds, [0, 0, 3600, 0, 0, 0, 0]);
        assert_eq!((s.rmssd_ms, s.rr_dropped), (None, 0));
    }

    #[test]
    fn ten_minutes_in_zone_0_and_ten_in_zone_5_by_hand() {
        // 119 bpm = 49.3 % HRR (Z0), 176 bpm = exactly 90 % (Z5). The first sample counts no time.
        let mut samples = vec![sample(0, 100)];
        samples.extend((1..=600).map(|s| sample(s, 119)));
        samples.extend((601..=1200).map(|s| sample(s, 176)));
        let s = run(&samples, &[]);
        assert_eq!(s.zone_seconds, [600, 0, 0, 0, 0, 600, 0]);
        assert!(close(s.avg_bpm, 147.5, 1e-9));
        assert_eq!((s.max_bpm, s.seconds), (bpm(176), 1200));
        // 10 · x·0.64·e^(1.92x) at x = 69/140 and at x = 0.9: 40.551; / 152.703 (an hour at LTHR).
        assert!(close(s.trimp, 40.551, 0.001), "{s:?}");
        assert!(close(s.hr_tss.unwrap(), 26.556, 0.001), "{s:?}");
    }

    #[test]
    fn a_recorded_gap_adds_no_time_and_no_load() {
        // 150 bpm for 60 s, the strap gone from 60 s to 600 s, then 60 s more.
        let mut samples: Vec<_> = (0..=60).map(|s| sample(s, 150)).collect();
        samples.extend((600..=660).map(|s| sample(s, 150)));
        let gap = HrGap {
            from_ms: 60_000,
            to_ms: 600_000,
            reason: GapReason::Disconnected,
        };
        let s = run(&samples, &[gap]);
        assert_eq!(s.seconds, 120);
        // Two minutes at x = 100/140: 2 · 1.8016 = 3.603 TRIMP.
        assert!(close(s.trimp, 3.603, 0.001), "{s:?}");
        // Without the gap recorded, the silence still counts only the 5 s cap.
        assert_eq!(run(&samples, &[]).seconds, 125);
    }

    #[test]
    fn rmssd_pools_runs_and_never_differences_across_a_gap_task_force_1996() {
        // RR in the strap's 1/1024 s; 1 unit = 0.9765625 ms.
        let with_rr = |second, raw: &[u16]| HrSample {
            rr: raw.iter().map(|&r| Rr::from_raw(r)).collect(),
            ..sample(second, 75)
        };
        let samples = [
            with_rr(0, &[820, 830]),
            with_rr(1, &[810, 825]),
            with_rr(9, &[840]),
            with_rr(10, &[850]),
        ];
        // Runs [820 830 810 825] (squares 100 + 400 + 225) and [840 850] (100), split by the
        // 8 s silence: √(825 / 4) = 14.3614 units = 14.0248 ms.
        let s = run(&samples, &[]);
        assert!(close(s.rmssd_ms.unwrap(), 14.0248, 1e-4), "{s:?}");
        // Unbroken, 825 → 840 is one more difference: √(1050 / 5) = 14.4914 units = 14.1518 ms.
        let joined = [
            with_rr(0, &[820, 830]),
            with_rr(1, &[810, 825]),
            with_rr(2, &[840]),
            with_rr(3, &[850]),
        ];
        assert!(close(run(&joined, &[]).rmssd_ms.unwrap(), 14.1518, 1e-4));
        // A recorded gap splits a run just as a silence does.
        let gap = HrGap {
            from_ms: 1_000,
            to_ms: 2_000,
            reason: GapReason::NoContact,
        };
        assert!(close(run(&joined, &[gap]).rmssd_ms.unwrap(), 14.0248, 1e-4));
        // An artefact (2200 units = 2148 ms, over 2000 ms) is dropped and counted.
        let s = run(&[with_rr(0, &[820, 2_200, 830])], &[]);
        assert_eq!(s.rr_dropped, 1);
        assert!(close(s.rmssd_ms.unwrap(), 9.765_625, 1e-9));
    }

    #[test]
    fn one_sample_is_its_own_average_and_none_is_nothing() {
        let s = run(&[sample(5, 88)], &[]);
        assert_eq!((s.avg_bpm, s.max_bpm, s.seconds), (88.0, bpm(88), 0));
        assert!(s.trimp.abs() < 1e-12);
        let load = LoadParams::new(bpm(50), bpm(190), None, Sex::Male).unwrap();
        let zones = ZoneModel::karvonen(bpm(50), bpm(190)).unwrap();
        assert_eq!(summarise(&[], &[], load, zones), None);
        let s = summarise(&[sample(0, 88), sample(1, 88)], &[], load, zones).unwrap();
        assert_eq!(s.hr_tss, None, "no LTHR, no hrTSS");
    }

    #[test]
    fn friel_zones_fill_the_seventh_slot() {
        // LTHR 160 run table: 172 bpm = 107.5 % → Z5c (index 6).
        let load = LoadParams::new(bpm(50), bpm(190), Some(bpm(160)), Sex::Female).unwrap();
        let zones = ZoneModel::lthr(bpm(160), crate::core::heart::zones::Sport::Run);
        let samples: Vec<_> = (0..=30).map(|s| sample(s, 172)).collect();
        let s = summarise(&samples, &[], load, zones).unwrap();
        assert_eq!(s.zone_seconds, [0, 0, 0, 0, 0, 0, 30]);
    }
}
