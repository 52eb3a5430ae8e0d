//! A cursor over one shorthand line, and the numbers in it. Positions are char columns, so an
//! error's `at` lines up with what the lifter typed.

use super::ShorthandError;
use crate::core::units::Unit;

/// Longest run of integer digits we read; anything longer is a typo, not a set.
const MAX_DIGITS: usize = 7;

/// What came straight after a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Suffix {
    /// A bare number.
    None,
    /// `kg`, `kgs`, `lb`, `lbs`: a weight in that unit.
    Weight(Unit),
    /// `s`, `m`, `m:ss`: a time; the quantity's value is in seconds.
    Time,
}

/// A number with what followed it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Quantity {
    pub value: f64,
    pub suffix: Suffix,
    /// Column of the number's first digit.
    pub at: usize,
}

/// Suffix words, longest spelling first so `kgs` is not read as `kg` + `s`.
const SUFFIXES: [(&str, Suffix, f64); 10] = [
    ("kgs", Suffix::Weight(Unit::Kg), 1.0),
    ("kg", Suffix::Weight(Unit::Kg), 1.0),
    ("lbs", Suffix::Weight(Unit::Lb), 1.0),
    ("lb", Suffix::Weight(Unit::Lb), 1.0),
    ("secs", Suffix::Time, 1.0),
    ("sec", Suffix::Time, 1.0),
    ("s", Suffix::Time, 1.0),
    ("mins", Suffix::Time, 60.0),
    ("min", Suffix::Time, 60.0),
    ("m", Suffix::Time, 60.0),
];

/// Reads a line left to right, case-insensitively, remembering the original text for messages.
pub(super) struct Cursor {
    original: Vec<char>,
    lower: Vec<char>,
    pos: usize,
}

impl Cursor {
    pub fn new(input: &str) -> Self {
        let original: Vec<char> = input.chars().collect();
        let lower = original.iter().map(char::to_ascii_lowercase).collect();
        Cursor {
            original,
            lower,
            pos: 0,
        }
    }

    pub fn pos(&self) -> usize {
        self.pos
    }

    pub fn peek(&self) -> Option<char> {
        self.peek_nth(0)
    }

    pub fn peek_nth(&self, n: usize) -> Option<char> {
        self.lower.get(self.pos + n).copied()
    }

    pub fn bump(&mut self) {
        self.pos = (self.pos + 1).min(self.lower.len());
    }

    pub fn at_end(&self) -> bool {
        self.pos >= self.lower.len()
    }

    pub fn skip_ws(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.bump();
        }
    }

    /// Consumes `word` (lower case) if the line continues with it.
    pub fn eat_word(&mut self, word: &str) -> bool {
        let len = word.chars().count();
        let matches = self
            .lower
            .get(self.pos..self.pos + len)
            .is_some_and(|slice| slice.iter().copied().eq(word.chars()));
        if matches {
            self.pos += len;
        }
        matches
    }

    /// The ASCII letters from the cursor on, lower-cased: `abc` in `abc123`.
    pub fn letters(&self) -> String {
        self.lower[self.pos..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect()
    }

    /// The original text from `at` to the next space, for quoting in a message.
    pub fn word_at(&self, at: usize) -> String {
        self.original
            .get(at..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| !c.is_whitespace())
            .collect()
    }

    /// The character at `at` as typed.
    pub fn char_at(&self, at: usize) -> char {
        self.original.get(at).copied().unwrap_or(' ')
    }

    /// A plain number (`100`, `102.5`, `102,5`), or `None` if no digit is next.
    pub fn number(&mut self) -> Result<Option<(f64, usize)>, ShorthandError> {
        let at = self.pos;
        if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
            return Ok(None);
        }
        let mut text = self.digits();
        if text.len() > MAX_DIGITS {
            return Err(ShorthandError::new(
                at,
                format!("'{text}' has too many digits for a set — e.g. 100x8"),
            ));
        }
        if matches!(self.peek(), Some('.' | ','))
            && self.peek_nth(1).is_some_and(|c| c.is_ascii_digit())
        {
            self.bump();
            text.push('.');
            text.push_str(&self.digits());
        }
        text.parse::<f64>()
            .map(|value| Some((value, at)))
            .map_err(|_| ShorthandError::new(at, format!("can't read the number '{text}'")))
    }

    /// A number and its suffix: `225lb`, `45s`, `2m`, `1:30`, or a bare `100`.
    pub fn quantity(&mut self) -> Result<Option<Quantity>, ShorthandError> {
        let Some((value, at)) = self.number()? else {
            return Ok(None);
        };
        if self.peek() == Some(':') && self.peek_nth(1).is_some_and(|c| c.is_ascii_digit()) {
            return self.minutes_seconds(value, at).map(Some);
        }
        let before = self.pos;
        self.skip_ws();
        for (word, suffix, factor) in SUFFIXES {
            if self.eat_word(word) {
                return Ok(Some(Quantity {
                    value: value * factor,
                    suffix,
                    at,
                }));
            }
        }
        self.pos = before;
        Ok(Some(Quantity {
            value,
            suffix: Suffix::None,
            at,
        }))
    }

    /// The `:ss` of `m:ss`, the cursor on the `:`.
    fn minutes_seconds(&mut self, minutes: f64, at: usize) -> Result<Quantity, ShorthandError> {
        if minutes.fract() != 0.0 {
            return Err(ShorthandError::new(
                at,
                "minutes before ':' must be whole — e.g. 1:30",
            ));
        }
        self.bump();
        let seconds_at = self.pos;
        let seconds = self.digits();
        if seconds.len() != 2 {
            return Err(ShorthandError::new(
                seconds_at,
                "write two digits after ':' — e.g. 1:30",
            ));
        }
        let seconds: u32 = seconds.parse().map_err(|_| {
            ShorthandError::new(seconds_at, "write two digits after ':' — e.g. 1:30")
        })?;
        if seconds > 59 {
            return Err(ShorthandError::new(
                seconds_at,
                format!("seconds after ':' must be 00–59, got {seconds} — e.g. 1:30"),
            ));
        }
        Ok(Quantity {
            value: minutes * 60.0 + f64::from(seconds),
            suffix: Suffix::Time,
            at,
        })
    }

    fn digits(&mut self) -> String {
        let mut text = String::new();
        while let Some(c) = self.peek().filter(char::is_ascii_digit) {
            text.push(c);
            self.bump();
        }
        text
    }
}

/// `x`, `×` or `*`: the "times" between weight, reps and set count.
pub(super) fn is_times(c: char) -> bool {
    matches!(c, 'x' | '×' | '*')
}
