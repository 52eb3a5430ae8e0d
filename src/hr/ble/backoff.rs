//! How long to wait before the next reconnect attempt: 1, 2, 4, 8 … seconds, at most 30.

use std::time::Duration;

/// The longest wait between two attempts.
pub const MAX_DELAY: Duration = Duration::from_secs(30);

/// The wait before reconnect attempt `attempt` (counting from 1): doubling from one second,
/// capped at [`MAX_DELAY`].
pub fn delay(attempt: u32) -> Duration {
    let doublings = attempt.saturating_sub(1).min(5);
    Duration::from_secs(1 << doublings).min(MAX_DELAY)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_from_one_second_up_to_thirty() {
        let secs: Vec<u64> = (1..=8).map(|a| delay(a).as_secs()).collect();
        assert_eq!(secs, vec![1, 2, 4, 8, 16, 30, 30, 30]);
        assert_eq!(delay(u32::MAX), MAX_DELAY);
        assert_eq!(
            delay(0),
            Duration::from_secs(1),
            "attempt 0 is treated as the first"
        );
    }
}
