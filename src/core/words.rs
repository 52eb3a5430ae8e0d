//! How numbers read in a sentence: a count with its noun, a length of time in words.
//!
//! Two styles of time, each with one home: a clock that is running (the session, a rest, a live
//! zone counter) reads like a stopwatch, `41:07` or `1:02:03` ([`crate::core::workout::rest::clock`]); a length
//! that is over (a session's duration, time in a zone) reads in words, `1 h 12 min`
//! ([`duration`]) — to the second where the seconds are the point (a timed set:
//! [`duration_exact`]), or as `3h48` where a table column has no room for spaces
//! ([`duration_compact`]).

use chrono::Duration;

/// `1 set`, `2 sets`, `2,100 characters`: a count with its noun in the right number.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", grouped(n), if n == 1 { one } else { many })
}

/// A whole number with its thousands separated: `2,100`.
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `10 s`, `0.5 s`: a wait in seconds, to a tenth.
pub fn wait_seconds(wait: std::time::Duration) -> String {
    format!(
        "{} s",
        crate::core::units::format_number((wait.as_secs_f64() * 10.0).round() / 10.0)
    )
}

/// A length of time in words: `45 s` under a minute, `42 min` under an hour, else `1 h 05 min`
/// (to the nearest minute, never negative).
pub fn duration(length: Duration) -> String {
    let seconds = length.num_seconds().max(0);
    if seconds < 60 {
        return format!("{seconds} s");
    }
    let minutes = (seconds + 30) / 60;
    if minutes < 60 {
        format!("{minutes} min")
    } else {
        format!("{} h {:02} min", minutes / 60, minutes % 60)
    }
}

/// A length to the second, for a timed set: `45 s`, `1 min 30 s`, `30 min`; from an hour on as
/// [`duration`] (`1 h 05 min`).
pub fn duration_exact(length: Duration) -> String {
    let seconds = length.num_seconds().max(0);
    match (seconds / 60, seconds % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) if m < 60 => format!("{m} min"),
        (m, s) if m < 60 => format!("{m} min {s} s"),
        _ => duration(length),
    }
}

/// [`duration`] without its spaces, for a table column: `28s`, `53m`, `3h48`, and whole hours
/// from 100 h on (`192h`).
pub fn duration_compact(length: Duration) -> String {
    let seconds = length.num_seconds().max(0);
    if seconds < 60 {
        return format!("{seconds}s");
    }
    let minutes = (seconds + 30) / 60;
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m}m"),
        (h, m) if h < 100 => format!("{h}h{m:02}"),
        (h, _) => format!("{h}h"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_with_their_noun() {
        assert_eq!(count(1, "session", "sessions"), "1 session");
        assert_eq!(count(0, "set", "sets"), "0 sets");
        assert_eq!(count(2, "exercise", "exercises"), "2 exercises");
        assert_eq!(count(2100, "character", "characters"), "2,100 characters");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }

    #[test]
    fn lengths_read_in_words_to_the_nearest_minute() {
        let s = Duration::seconds;
        assert_eq!(duration(s(0)), "0 s");
        assert_eq!(duration(s(45)), "45 s");
        assert_eq!(duration(s(89)), "1 min");
        assert_eq!(duration(s(90)), "2 min");
        assert_eq!(duration(s(42 * 60 + 10)), "42 min");
        assert_eq!(duration(s(59 * 60 + 40)), "1 h 00 min");
        assert_eq!(duration(s(4494)), "1 h 15 min");
        assert_eq!(duration(s(72 * 3600 + 7)), "72 h 00 min");
        assert_eq!(duration(s(-5)), "0 s");
    }

    #[test]
    fn a_timed_set_reads_to_the_second() {
        let s = Duration::seconds;
        assert_eq!(duration_exact(s(45)), "45 s");
        assert_eq!(duration_exact(s(90)), "1 min 30 s");
        assert_eq!(duration_exact(s(120)), "2 min");
        assert_eq!(duration_exact(s(1800)), "30 min");
        assert_eq!(duration_exact(s(3600 + 300)), "1 h 05 min");
        assert_eq!(duration_exact(s(-1)), "0 s");
    }

    #[test]
    fn a_column_reads_the_same_words_without_spaces() {
        let s = Duration::seconds;
        assert_eq!(duration_compact(s(28)), "28s");
        assert_eq!(duration_compact(s(53 * 60 + 10)), "53m");
        assert_eq!(duration_compact(s(3 * 3600 + 48 * 60)), "3h48");
        assert_eq!(duration_compact(s(59 * 60 + 40)), "1h00");
        assert_eq!(duration_compact(s(42 * 3600 + 60)), "42h01");
        assert_eq!(duration_compact(s(192 * 3600 + 1800)), "192h");
        // The same rounding as the words.
        assert_eq!(duration(s(4494)), "1 h 15 min");
        assert_eq!(duration_compact(s(4494)), "1h15");
    }
}
