//! Stale-link detection shared by every live source: a strap that stops notifying (out of range,
//! removed from `BlueZ`, battery gone) often produces no event at all, so silence is timed.

use std::time::Duration;

use super::HrEvent;
use crate::core::heart::sample::GAP_AFTER;

/// Reports each silence once. Pure: the caller passes source time in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleTracker {
    after: Duration,
    reported: Option<Duration>,
}

impl Default for StaleTracker {
    fn default() -> Self {
        Self::after(GAP_AFTER)
    }
}

impl StaleTracker {
    /// A tracker that has reported nothing, counting [`GAP_AFTER`] of silence as stale.
    pub fn new() -> Self {
        Self::default()
    }

    /// A tracker that counts `after` of silence as stale (the Bluetooth source's is injectable).
    pub fn after(after: Duration) -> Self {
        StaleTracker {
            after,
            reported: None,
        }
    }

    /// `Stale` when `now` is at least the stale time past `last_sample` (the last sample's time,
    /// or when the source connected if none came yet) and this silence was not reported yet.
    pub fn check(&mut self, now: Duration, last_sample: Duration) -> Option<HrEvent> {
        let silent_for = now.saturating_sub(last_sample);
        if silent_for < self.after || self.reported == Some(last_sample) {
            return None;
        }
        self.reported = Some(last_sample);
        Some(HrEvent::Stale { silent_for })
    }

    /// When a link whose last sample came at `last_sample` turns stale.
    pub fn deadline(&self, last_sample: Duration) -> Duration {
        last_sample.saturating_add(self.after)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: u64) -> Duration {
        Duration::from_secs(v)
    }

    #[test]
    fn five_seconds_of_silence_is_stale_once() {
        let mut t = StaleTracker::new();
        assert_eq!(t.check(s(4), s(0)), None);
        assert_eq!(
            t.check(s(5), s(0)),
            Some(HrEvent::Stale { silent_for: s(5) })
        );
        assert_eq!(t.check(s(6), s(0)), None, "reported already");
        assert_eq!(t.check(s(60), s(0)), None);
    }

    #[test]
    fn a_new_sample_starts_a_new_silence() {
        let mut t = StaleTracker::new();
        t.check(s(5), s(0));
        assert_eq!(t.check(s(11), s(10)), None);
        assert_eq!(
            t.check(s(17), s(10)),
            Some(HrEvent::Stale { silent_for: s(7) })
        );
        assert_eq!(t.deadline(s(10)), s(15));
    }

    #[test]
    fn a_shorter_stale_time_reports_sooner() {
        let ms = Duration::from_millis;
        let mut t = StaleTracker::after(ms(800));
        assert_eq!(t.check(ms(799), s(0)), None);
        assert_eq!(
            t.check(ms(800), s(0)),
            Some(HrEvent::Stale {
                silent_for: ms(800)
            })
        );
        assert_eq!(t.deadline(s(2)), ms(2800));
    }

    #[test]
    fn a_clock_behind_the_sample_is_not_stale() {
        assert_eq!(StaleTracker::new().check(s(1), s(3)), None);
    }
}
