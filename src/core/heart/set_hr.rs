//! The heart rate of one set: at its start and end, its peak, and how far it fell 30 and 60 s
//! after the set (heart-rate recovery, the drop in bpm from the set's end).
//!
//! Every figure is `None` rather than a guess when the data is not there: no sample close enough
//! to the instant, a recorded gap over it, or the next set already under way.
//!
//! Only a set's end is logged; [`set_start`] is the one rule for where it began.

use std::cmp::Reverse;

use crate::core::heart::sample::{HrGap, HrSample};
use crate::core::units::Bpm;

/// How far (ms) a sample may be from an instant to stand for the heart rate at that instant.
/// Straps notify about once a second, so a missing notification or two is tolerated.
pub const NEAREST_MS: u32 = 3_000;

/// How long after the set's end (ms) its peak is still looked for: the heart rate goes on
/// climbing for a few seconds after the last rep.
pub const PEAK_AFTER_MS: u32 = 10_000;

/// How far back before a set's end (ms) its start is looked for.
pub const START_SEARCH_MS: u32 = 120_000;

/// A set's assumed length (ms) when no heart rate marks its start.
pub const SET_WITHOUT_HR_MS: u32 = 30_000;

/// When a set happened, in ms since the session started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SetWindow {
    pub start_ms: u32,
    pub end_ms: u32,
    /// When the next set started, if there is one: recovery is not measured into it.
    pub next_start_ms: Option<u32>,
}

/// The heart rate of a set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SetHr {
    pub start: Option<Bpm>,
    pub end: Option<Bpm>,
    /// The highest sample from the start to [`PEAK_AFTER_MS`] after the end.
    pub peak: Option<Bpm>,
    /// `end` minus the heart rate 30 s after the end (negative if it was still rising).
    pub recovery_30: Option<i16>,
    /// `end` minus the heart rate 60 s after the end.
    pub recovery_60: Option<i16>,
}

/// The heart rate at `at_ms`: the sample nearest to it within [`NEAREST_MS`] (the earlier on a
/// tie), or `None` when none is that close or a recorded gap covers the instant.
/// `samples` must be in time order.
pub fn hr_at(samples: &[HrSample], gaps: &[HrGap], at_ms: u32) -> Option<Bpm> {
    if gaps.iter().any(|g| g.covers(at_ms)) {
        return None;
    }
    let after = samples.partition_point(|s| s.offset_ms < at_ms);
    let before = after.checked_sub(1).and_then(|i| samples.get(i));
    let candidates = before.into_iter().chain(samples.get(after));
    candidates
        .map(|s| (s.offset_ms.abs_diff(at_ms), s.bpm))
        .filter(|(distance, _)| *distance <= NEAREST_MS)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, bpm)| bpm)
}

/// Where the set that ended at `end_ms` began: at the lowest heart rate in the
/// [`START_SEARCH_MS`] before its end (the latest sample of that rate), since the heart rate
/// climbs once the lifter is under the bar. Nothing before `not_before_ms` (the previous set's
/// end) is looked at; with no sample in that stretch, [`SET_WITHOUT_HR_MS`] before the end.
/// `samples` must be in time order.
pub fn set_start(samples: &[HrSample], not_before_ms: u32, end_ms: u32) -> u32 {
    let from = not_before_ms.max(end_ms.saturating_sub(START_SEARCH_MS));
    let first = samples.partition_point(|s| s.offset_ms < from);
    let last = samples.partition_point(|s| s.offset_ms < end_ms);
    samples
        .get(first..last)
        .unwrap_or_default()
        .iter()
        .min_by_key(|s| (s.bpm, Reverse(s.offset_ms)))
        .map_or(end_ms.saturating_sub(SET_WITHOUT_HR_MS), |s| s.offset_ms)
}

/// The heart rate of the set in `window`, from a session's samples (in time order) and gaps.
pub fn set_hr(samples: &[HrSample], gaps: &[HrGap], window: SetWindow) -> SetHr {
    let end = hr_at(samples, gaps, window.end_ms);
    let limit = window.next_start_ms.unwrap_or(u32::MAX);
    let recovery = |after_ms: u32| {
        let at = window.end_ms.checked_add(after_ms)?;
        let clear = at <= limit && !gaps.iter().any(|g| g.overlaps(window.end_ms, at));
        let later = hr_at(samples, gaps, at).filter(|_| clear)?;
        i16::try_from(i32::from(end?.get()) - i32::from(later.get())).ok()
    };
    SetHr {
        start: hr_at(samples, gaps, window.start_ms),
        end,
        peak: peak(samples, gaps, window, limit),
        recovery_30: recovery(30_000),
        recovery_60: recovery(60_000),
    }
}

/// The highest sample from the set's start to [`PEAK_AFTER_MS`] after its end (not into the
/// next set); `None` if there is none or a gap hides part of that stretch.
fn peak(samples: &[HrSample], gaps: &[HrGap], window: SetWindow, limit: u32) -> Option<Bpm> {
    let to = window
        .end_ms
        .saturating_add(PEAK_AFTER_MS)
        .min(limit.max(window.end_ms));
    if gaps.iter().any(|g| g.overlaps(window.start_ms, to)) {
        return None;
    }
    let first = samples.partition_point(|s| s.offset_ms < window.start_ms);
    samples[first..]
        .iter()
        .take_while(|s| s.offset_ms <= to)
        .map(|s| s.bpm)
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::heart::sample::GapReason;

    fn bpm(v: u32) -> Bpm {
        Bpm::try_from(v).unwrap()
    }

    /// One sample a second from 0 s, with the given heart rates.
    fn every_second(rates: &[u32]) -> Vec<HrSample> {
        (0..)
            .zip(rates)
            .map(|(i, &b)| HrSample {
                offset_ms: i * 1000,
                bpm: bpm(b),
                rr: vec![],
            })
            .collect()
    }

    /// A set from 10 s to 40 s: 100 bpm before, climbing 3 bpm a second to 190 at 40 s, 2 more
    /// seconds up to 194 at 42 s, then falling 1 bpm a second.
    fn set_trace() -> Vec<u32> {
        let mut rates = vec![100; 10];
        rates.extend((0..=30).map(|i| 100 + 3 * i)); // 10 s … 40 s: 100 … 190
        rates.extend([192, 194]); // 41, 42 s
        rates.extend((1..=120).map(|i| 194 - i)); // 43 s: 193 … 162 s: 74
        rates
    }

    const SET: SetWindow = SetWindow {
        start_ms: 10_000,
        end_ms: 40_000,
        next_start_ms: None,
    };

    #[test]
    fn start_end_peak_and_recovery_by_hand() {
        let samples = every_second(&set_trace());
        let hr = set_hr(&samples, &[], SET);
        // 70 s: 194 − (70 − 42) = 166, so 30 s recovery is 190 − 166 = 24; at 100 s: 136 → 54.
        assert_eq!(
            hr,
            SetHr {
                start: Some(bpm(100)),
                end: Some(bpm(190)),
                peak: Some(bpm(194)),
                recovery_30: Some(24),
                recovery_60: Some(54),
            }
        );
    }

    #[test]
    fn the_nearest_sample_within_three_seconds_stands_for_an_instant() {
        let samples = vec![
            HrSample {
                offset_ms: 1_000,
                bpm: bpm(80),
                rr: vec![],
            },
            HrSample {
                offset_ms: 5_000,
                bpm: bpm(90),
                rr: vec![],
            },
        ];
        assert_eq!(hr_at(&samples, &[], 0), Some(bpm(80)));
        assert_eq!(hr_at(&samples, &[], 2_900), Some(bpm(80)));
        assert_eq!(
            hr_at(&samples, &[], 3_000),
            Some(bpm(80)),
            "a tie: the earlier"
        );
        assert_eq!(hr_at(&samples, &[], 3_001), Some(bpm(90)));
        assert_eq!(hr_at(&samples, &[], 8_000), Some(bpm(90)));
        assert_eq!(hr_at(&samples, &[], 8_001), None, "too far from any sample");
        assert_eq!(hr_at(&[], &[], 0), None);
    }

    #[test]
    fn a_gap_after_the_set_leaves_recovery_unknown_not_invented() {
        let mut samples = every_second(&set_trace());
        // The strap drops out from 55 s to 80 s: no samples in between.
        samples.retain(|s| !(55_001..80_000).contains(&s.offset_ms));
        let gap = HrGap {
            from_ms: 55_000,
            to_ms: 80_000,
            reason: GapReason::NoContact,
        };
        let hr = set_hr(&samples, &[gap], SET);
        assert_eq!(hr.end, Some(bpm(190)));
        assert_eq!(hr.peak, Some(bpm(194)));
        assert_eq!(hr.recovery_30, None, "70 s lies in the gap");
        assert_eq!(
            hr.recovery_60, None,
            "the gap lies between the end and 100 s"
        );
    }

    #[test]
    fn a_gap_inside_the_set_hides_its_peak() {
        let samples = every_second(&set_trace());
        let gap = HrGap {
            from_ms: 20_000,
            to_ms: 25_000,
            reason: GapReason::Silent,
        };
        let hr = set_hr(&samples, &[gap], SET);
        assert_eq!(hr.peak, None);
        assert_eq!(hr.start, Some(bpm(100)));
        assert_eq!(hr.recovery_30, Some(24));
    }

    #[test]
    fn recovery_is_not_measured_into_the_next_set() {
        let samples = every_second(&set_trace());
        let hr = set_hr(
            &samples,
            &[],
            SetWindow {
                next_start_ms: Some(85_000),
                ..SET
            },
        );
        assert_eq!(hr.recovery_30, Some(24));
        assert_eq!(hr.recovery_60, None);
        // The peak window stops at the next set too: a next set 1 s after the end.
        let hr = set_hr(
            &samples,
            &[],
            SetWindow {
                next_start_ms: Some(41_000),
                ..SET
            },
        );
        assert_eq!(hr.peak, Some(bpm(192)));
    }

    #[test]
    fn too_little_data_gives_nothing() {
        // Heart rate only during the set: nothing after it to measure recovery with.
        let samples: Vec<_> = every_second(&set_trace())
            .into_iter()
            .filter(|s| s.offset_ms <= 40_000)
            .collect();
        let hr = set_hr(&samples, &[], SET);
        assert_eq!((hr.recovery_30, hr.recovery_60), (None, None));
        assert_eq!(set_hr(&[], &[], SET), SetHr::default());
    }

    #[test]
    fn a_set_starts_at_the_lowest_heart_rate_before_its_end() {
        // 0–60 s: 150 falling 1 bpm a second to 90 at 60 s, 90 again at 61 and 62 s, then
        // climbing 2 bpm a second under the bar to 126 at 80 s.
        let mut rates: Vec<u32> = (0..=60).map(|i| 150 - i).collect();
        rates.extend([90, 90]);
        rates.extend((1..=18).map(|i| 90 + 2 * i));
        let samples = every_second(&rates);
        assert_eq!(samples[80].bpm, bpm(126));
        // The lowest rate, 90, at 60, 61 and 62 s: the latest of them.
        assert_eq!(set_start(&samples, 0, 80_000), 62_000);
        // The set's own end is not part of the search: a set ending at 62 s began at 61 s.
        assert_eq!(set_start(&samples, 0, 62_000), 61_000);
        // Not before the previous set's end: from 70 s the lowest is 70 s itself (106 bpm).
        assert_eq!(set_start(&samples, 70_000, 80_000), 70_000);
        // Only the two minutes before the end: the low at 60–62 s is too early for a set ending
        // at 200 s, whose search starts at 80 s (126 bpm, the only sample left).
        assert_eq!(set_start(&samples, 0, 200_000), 80_000);
    }

    #[test]
    fn without_heart_rate_a_set_is_taken_to_have_lasted_thirty_seconds() {
        assert_eq!(set_start(&[], 0, 100_000), 70_000);
        assert_eq!(set_start(&[], 0, 10_000), 0, "not before the session");
        // Samples only before the previous set's end.
        let samples = every_second(&[100; 50]);
        assert_eq!(set_start(&samples, 50_000, 90_000), 60_000);
        // A previous end after this one (out of order): nothing to search, no panic.
        let samples = every_second(&[100; 100]);
        assert_eq!(
            set_start(&samples, 0, 90_000),
            89_000,
            "the latest of equal rates"
        );
        assert_eq!(set_start(&samples, 95_000, 90_000), 60_000);
    }

    #[test]
    fn a_rising_heart_rate_gives_a_negative_recovery() {
        // 120 at the end, 130 thirty seconds later.
        let mut rates = vec![120; 41];
        rates.extend(vec![130; 40]);
        let hr = set_hr(&every_second(&rates), &[], SET);
        assert_eq!(hr.recovery_30, Some(-10));
        assert_eq!(hr.recovery_60, None, "no sample near 100 s");
    }
}
