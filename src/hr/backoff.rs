//! How long to wait before the next attempt to reach a source again (a strap reconnecting, a
//! failed source started again): 1, 2, 4, 8 … seconds, at most 30.

use std::time::Duration;

/// The waits between reconnect attempts: `first`, doubling, capped at `max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    pub first: Duration,
    pub max: Duration,
}

impl Backoff {
    /// 1, 2, 4, 8, 16, 30, 30 … s.
    pub const PRODUCTION: Backoff = Backoff {
        first: Duration::from_secs(1),
        max: Duration::from_secs(30),
    };

    /// The wait before reconnect attempt `attempt` (counting from 1): doubling from `first`,
    /// capped at `max`.
    pub fn delay(&self, attempt: u32) -> Duration {
        let doublings = attempt.saturating_sub(1).min(16);
        self.first.saturating_mul(1 << doublings).min(self.max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_from_one_second_up_to_thirty() {
        let backoff = Backoff::PRODUCTION;
        let secs: Vec<u64> = (1..=8).map(|a| backoff.delay(a).as_secs()).collect();
        assert_eq!(secs, vec![1, 2, 4, 8, 16, 30, 30, 30]);
        assert_eq!(backoff.delay(u32::MAX), Duration::from_secs(30));
        assert_eq!(
            backoff.delay(0),
            Duration::from_secs(1),
            "attempt 0 is treated as the first"
        );
    }

    #[test]
    fn a_shorter_first_wait_doubles_the_same_way() {
        let backoff = Backoff {
            first: Duration::from_millis(100),
            max: Duration::from_millis(500),
        };
        let ms: Vec<u128> = (1..=5).map(|a| backoff.delay(a).as_millis()).collect();
        assert_eq!(ms, vec![100, 200, 400, 500, 500]);
    }
}
