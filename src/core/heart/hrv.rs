//! Heart-rate variability from RR intervals: artefact filtering, RMSSD and SDNN, and a rolling
//! RMSSD for the live view (science.md).
//!
//! Definitions: Task Force of the ESC and NASPE (1996), "Heart rate variability: standards of
//! measurement", Circulation 93:1043–1065. RMSSD = √(Σ(RRᵢ₊₁ − RRᵢ)² / (N − 1)) over the N − 1
//! successive differences; SDNN is the sample standard deviation (divisor N − 1).

use std::collections::VecDeque;

/// Shortest plausible RR interval in ms (200 bpm).
pub const MIN_RR_MS: f64 = 300.0;
/// Longest plausible RR interval in ms (30 bpm).
pub const MAX_RR_MS: f64 = 2000.0;
/// Largest accepted change from the previous accepted interval, as a fraction.
pub const MAX_CHANGE: f64 = 0.20;

/// Drops artefacts: RR outside 300–2000 ms, or more than 20 % away from the previous *accepted*
/// interval. Counts what it dropped.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArtefactFilter {
    previous: Option<f64>,
    dropped: usize,
}

impl ArtefactFilter {
    /// Whether `rr_ms` is clean; a clean interval becomes the new reference.
    pub fn accept(&mut self, rr_ms: f64) -> bool {
        let in_range = (MIN_RR_MS..=MAX_RR_MS).contains(&rr_ms);
        let steady = self
            .previous
            .is_none_or(|prev| (rr_ms - prev).abs() <= MAX_CHANGE * prev);
        if in_range && steady {
            self.previous = Some(rr_ms);
            true
        } else {
            self.dropped += 1;
            false
        }
    }

    /// How many intervals were dropped so far.
    pub fn dropped(&self) -> usize {
        self.dropped
    }
}

/// The clean intervals of a recording and how many were dropped.
#[derive(Debug, Clone, PartialEq)]
pub struct Cleaned {
    /// The accepted RR intervals in ms, in order.
    pub intervals: Vec<f64>,
    /// How many intervals the artefact filter dropped.
    pub dropped: usize,
}

/// Runs the artefact filter over a whole recording.
pub fn clean(rr_ms: &[f64]) -> Cleaned {
    let mut filter = ArtefactFilter::default();
    let intervals = rr_ms
        .iter()
        .copied()
        .filter(|&rr| filter.accept(rr))
        .collect();
    Cleaned {
        intervals,
        dropped: filter.dropped(),
    }
}

/// RMSSD in ms over successive differences (N − 1 of them). `None` with fewer than 2 intervals.
/// Pass clean intervals (see [`clean`]).
pub fn rmssd(rr_ms: &[f64]) -> Option<f64> {
    if rr_ms.len() < 2 {
        return None;
    }
    let sum: f64 = rr_ms.windows(2).map(|w| (w[1] - w[0]).powi(2)).sum();
    Some((sum / (rr_ms.len() - 1) as f64).sqrt())
}

/// SDNN in ms: the sample standard deviation (divisor N − 1). `None` with fewer than 2 intervals.
pub fn sdnn(rr_ms: &[f64]) -> Option<f64> {
    if rr_ms.len() < 2 {
        return None;
    }
    let n = rr_ms.len() as f64;
    let mean = rr_ms.iter().sum::<f64>() / n;
    let ss: f64 = rr_ms.iter().map(|rr| (rr - mean).powi(2)).sum();
    Some((ss / (n - 1.0)).sqrt())
}

/// RMSSD over the last `window` clean intervals, updated in O(1) per interval as the strap
/// streams. Artefacts are filtered on the way in and counted.
#[derive(Debug, Clone, PartialEq)]
pub struct RollingRmssd {
    window: usize,
    filter: ArtefactFilter,
    last: Option<f64>,
    /// Squared successive differences inside the window (at most `window − 1`).
    squares: VecDeque<f64>,
    sum: f64,
    pushes_since_resum: usize,
}

impl RollingRmssd {
    /// A rolling RMSSD over `window` intervals (at least 2).
    pub fn new(window: usize) -> Self {
        let window = window.max(2);
        RollingRmssd {
            window,
            filter: ArtefactFilter::default(),
            last: None,
            squares: VecDeque::with_capacity(window),
            sum: 0.0,
            pushes_since_resum: 0,
        }
    }

    /// Offers one RR interval; returns whether it was accepted as clean.
    pub fn push(&mut self, rr_ms: f64) -> bool {
        if !self.filter.accept(rr_ms) {
            return false;
        }
        if let Some(last) = self.last {
            let square = (rr_ms - last).powi(2);
            self.squares.push_back(square);
            self.sum += square;
            if self.squares.len() > self.window - 1 {
                self.sum -= self.squares.pop_front().unwrap_or(0.0);
            }
            // Re-add from scratch once per window so rounding drift cannot build up: amortised O(1).
            self.pushes_since_resum += 1;
            if self.pushes_since_resum >= self.window {
                self.sum = self.squares.iter().sum();
                self.pushes_since_resum = 0;
            }
        }
        self.last = Some(rr_ms);
        true
    }

    /// RMSSD of the current window, `None` until two clean intervals arrived.
    pub fn value(&self) -> Option<f64> {
        if self.squares.is_empty() {
            return None;
        }
        Some((self.sum.max(0.0) / self.squares.len() as f64).sqrt())
    }

    /// Artefacts dropped so far.
    pub fn dropped(&self) -> usize {
        self.filter.dropped()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn rmssd_and_sdnn_by_the_task_force_1996_definitions() {
        // Differences 10, −20, 15: (100 + 400 + 225) / 3 = 241.67 → 15.546.
        let rr = [800.0, 810.0, 790.0, 805.0];
        assert!((rmssd(&rr).unwrap() - 15.5456).abs() < 1e-4);
        // Mean 801.25; squared deviations 1.5625 + 76.5625 + 126.5625 + 14.0625 = 218.75;
        // / 3 = 72.917 → 8.539.
        assert!((sdnn(&rr).unwrap() - 8.5391).abs() < 1e-4);
        assert_eq!(rmssd(&[800.0]), None);
        assert_eq!(sdnn(&[]), None);
    }

    #[test]
    fn artefacts_out_of_range_or_jumping_are_dropped_science_md() {
        let c = clean(&[250.0, 800.0, 1000.0, 810.0, 2100.0, 650.0, 648.0, 790.0]);
        // 250 out of range; 1000 is +25 % from 800; 2100 out of range; 650 is −19.8 % from 810
        // (kept); 648 kept; 790 is +21.9 % from 648 (dropped).
        assert_eq!(c.intervals, vec![800.0, 810.0, 650.0, 648.0]);
        assert_eq!(c.dropped, 4);
    }

    #[test]
    fn exactly_twenty_percent_and_the_range_edges_are_kept() {
        let c = clean(&[1000.0, 1200.0, 960.0, 300.0]);
        assert_eq!(c.intervals, vec![1000.0, 1200.0, 960.0]);
        let c = clean(&[300.0, 2000.0]);
        assert_eq!(c.intervals, vec![300.0]);
        assert_eq!(clean(&[2000.0]).intervals, vec![2000.0]);
    }

    #[test]
    fn rolling_matches_the_batch_value_on_its_window() {
        let mut rolling = RollingRmssd::new(3);
        assert_eq!(rolling.value(), None);
        for rr in [800.0, 810.0, 790.0] {
            assert!(rolling.push(rr));
        }
        assert!((rolling.value().unwrap() - rmssd(&[800.0, 810.0, 790.0]).unwrap()).abs() < 1e-9);
        assert!(!rolling.push(1500.0), "a 90 % jump is an artefact");
        assert!(rolling.push(805.0));
        assert!((rolling.value().unwrap() - rmssd(&[810.0, 790.0, 805.0]).unwrap()).abs() < 1e-9);
        assert_eq!(rolling.dropped(), 1);
    }

    proptest! {
        #[test]
        fn rolling_equals_batch_over_the_last_window(
            rr in proptest::collection::vec(200.0..2200.0f64, 0..300),
            window in 2usize..40,
        ) {
            let mut rolling = RollingRmssd::new(window);
            for &x in &rr {
                rolling.push(x);
            }
            let c = clean(&rr);
            prop_assert_eq!(rolling.dropped(), c.dropped);
            let tail = &c.intervals[c.intervals.len().saturating_sub(window)..];
            match (rolling.value(), rmssd(tail)) {
                (Some(a), Some(b)) => prop_assert!((a - b).abs() < 1e-6 * b.max(1.0)),
                (a, b) => prop_assert_eq!(a, b),
            }
        }

        #[test]
        fn clean_intervals_respect_the_rules(rr in proptest::collection::vec(0.0..3000.0f64, 0..200)) {
            let c = clean(&rr);
            prop_assert_eq!(c.intervals.len() + c.dropped, rr.len());
            prop_assert!(c.intervals.iter().all(|x| (MIN_RR_MS..=MAX_RR_MS).contains(x)));
            for w in c.intervals.windows(2) {
                prop_assert!((w[1] - w[0]).abs() <= MAX_CHANGE * w[0]);
            }
        }
    }
}
