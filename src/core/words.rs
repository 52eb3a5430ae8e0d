//! How numbers read in a sentence: a count with its noun, a length of time in words.
//!
//! Two styles of time, each with one home: a clock that is running (the session, a rest) reads
//! like a stopwatch, `41:07` or `1:02:03` ([`super::rest::clock`]); a length that is over (a
//! session's duration, time in a zone) reads in words, `1 h 12 min` ([`duration`]).

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
}
