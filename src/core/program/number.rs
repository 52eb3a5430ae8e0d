//! A decimal as written in a program, kept exact to two places so the text reads back the same.

use std::fmt;

/// A number with at most two decimals: `62.5`, `-10`, `1.25`. Stored in hundredths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Num(i64);

impl Num {
    /// The largest magnitude a program number may have (a million).
    const LIMIT: i64 = 100_000_000;

    /// From hundredths: `Num::hundredths(6250)` is 62.5.
    pub fn hundredths(h: i64) -> Num {
        Num(h.clamp(-Self::LIMIT, Self::LIMIT))
    }

    pub fn value(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// The fraction a percent stands for: 62.5 → 0.625.
    pub fn fraction(self) -> f64 {
        self.value() / 100.0
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// Reads `62.5`, `-10`, `+2.5`, `1.25`; `None` for anything else (three decimals, letters,
    /// a number over a million).
    pub fn read(text: &str) -> Option<Num> {
        let (negative, digits) = match text.as_bytes().first()? {
            b'-' => (true, &text[1..]),
            b'+' => (false, &text[1..]),
            _ => (false, text),
        };
        let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !all_digits(whole) || !all_digits(frac) || frac.len() > 2 {
            return None;
        }
        if digits.ends_with('.') || whole.len() > 7 {
            return None;
        }
        let whole: i64 = whole.parse().ok()?;
        let frac: i64 = match frac.len() {
            0 => 0,
            1 => frac.parse::<i64>().ok()? * 10,
            _ => frac.parse().ok()?,
        };
        let h = whole * 100 + frac;
        (h <= Self::LIMIT).then_some(Num(if negative { -h } else { h }))
    }
}

impl fmt::Display for Num {
    /// The shortest exact form: `62.5`, `-10`, `1.25`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        let (whole, frac) = (a / 100, a % 100);
        match frac {
            0 => write!(f, "{sign}{whole}"),
            f2 if f2 % 10 == 0 => write!(f, "{sign}{whole}.{}", f2 / 10),
            f2 => write!(f, "{sign}{whole}.{f2:02}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Num;

    #[test]
    fn numbers_read_back_as_written() {
        for (text, h, shown) in [
            ("62.5", 6250, "62.5"),
            ("-10", -1000, "-10"),
            ("+2.5", 250, "2.5"),
            ("1.25", 125, "1.25"),
            ("0.05", 5, "0.05"),
            ("100", 10000, "100"),
            ("7.50", 750, "7.5"),
        ] {
            let n = Num::read(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(n, Num::hundredths(h), "{text}");
            assert_eq!(n.to_string(), shown, "{text}");
        }
        for bad in ["", "-", ".5", "5.", "1.255", "x", "1e3", "12345678", "1,5"] {
            assert_eq!(Num::read(bad), None, "{bad:?}");
        }
    }
}
