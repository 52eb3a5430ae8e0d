//! Program text → [`Program`]. Line by line: the header (`key: value`), then `week` and `day`
//! headings, day notes and exercise lines. Every error names the line and column and says what
//! was expected there.

use std::collections::HashMap;
use std::fmt;

use super::{Day, Goal, Level, Line, Meta, Num, Periodization, Program, Rule, Schedule, Week};

mod line;
mod rule;

use line::exercise_line;

/// What was wrong with a program's text, and where (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ProgramError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ProgramError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

/// The most sets one group may ask for.
const MAX_SETS: u16 = 50;
/// The most reps one set may ask for (the log's own limit).
const MAX_REPS: u16 = crate::core::units::Reps::MAX;

/// Reads a whole program.
pub fn parse(text: &str) -> Result<Program, ProgramError> {
    // A byte-order mark some editors write is not part of the first line.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut p = Parser::default();
    for (i, raw) in text.lines().enumerate() {
        p.line(i + 1, raw)?;
    }
    p.finish()
}

/// A piece of a line and the column it starts at.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok<'a> {
    pub(super) text: &'a str,
    pub(super) col: usize,
}

pub(super) fn err(line: usize, col: usize, message: impl Into<String>) -> ProgramError {
    ProgramError {
        line,
        column: col,
        message: message.into(),
    }
}

/// 1-based column of byte `at` in `raw`.
pub(super) fn column(raw: &str, at: usize) -> usize {
    raw[..at].chars().count() + 1
}

/// `raw[from..]` trimmed, with the column it starts at.
pub(super) fn trimmed(raw: &str, from: usize, to: usize) -> Tok<'_> {
    let s = &raw[from..to];
    let lead = s.len() - s.trim_start().len();
    Tok {
        text: s.trim(),
        col: column(raw, from + lead),
    }
}

#[derive(Default)]
struct Parser {
    header: Header,
    weeks: Vec<Week>,
    /// The line each slot's rule was written on.
    rules: HashMap<String, (usize, Rule)>,
    /// Whether a `week` line has been seen (then every day needs one above it).
    weeks_written: bool,
}

#[derive(Default)]
struct Header {
    seen: HashMap<&'static str, usize>,
    name: Option<String>,
    origin: Option<String>,
    level: Vec<Level>,
    goal: Option<Goal>,
    days: Option<u8>,
    schedule: Schedule,
    periodization: Option<Periodization>,
    tm: Option<Num>,
    length_weeks: Option<u16>,
    source: Option<String>,
    notes: Vec<String>,
}

impl Header {
    /// Sets header `key` (already known to be one) from its value on line `n`.
    fn set(&mut self, key: &str, value: Tok<'_>, n: usize) -> Result<(), ProgramError> {
        let h = self;
        let v = value.text;
        let bad = |expected: &str| {
            err(
                n,
                value.col,
                format!("expected {expected} after `{key}:`, found `{v}`"),
            )
        };
        match key {
            "program" => h.name = Some(v.to_string()),
            "origin" => h.origin = Some(v.to_string()),
            "source" => h.source = Some(v.to_string()),
            "note" => h.notes.push(v.to_string()),
            "level" => {
                let levels: Option<Vec<Level>> = v.split('-').map(|l| level(l.trim())).collect();
                match levels {
                    Some(l) if (1..=2).contains(&l.len()) && l.windows(2).all(|w| w[0] < w[1]) => {
                        h.level = l;
                    }
                    _ => {
                        return Err(bad("novice, intermediate or advanced, or a span like \
                             novice-intermediate"));
                    }
                }
            }
            "goal" => h.goal = Some(goal(v).ok_or_else(|| bad("strength, hypertrophy or both"))?),
            "days" => {
                h.days = Some(
                    v.parse::<u8>()
                        .ok()
                        .filter(|d| (1..=7).contains(d))
                        .ok_or_else(|| bad("days a week, 1 to 7"))?,
                );
            }
            "schedule" => {
                h.schedule = match v.to_ascii_lowercase().as_str() {
                    "weekly" => Schedule::Weekly,
                    "rotate" => Schedule::Rotate,
                    _ => return Err(bad("weekly or rotate")),
                };
            }
            "periodization" => {
                h.periodization = Some(periodization(v).ok_or_else(|| {
                    bad("linear, weekly undulating, daily undulating, block, wave or conjugate")
                })?);
            }
            "tm" => {
                h.tm = Some(
                    v.strip_suffix('%')
                        .and_then(Num::read)
                        .filter(|p| p.value() > 0.0 && p.value() <= 100.0)
                        .ok_or_else(|| bad("a percent of the 1RM like 90%"))?,
                );
            }
            "weeks" => {
                h.length_weeks = Some(
                    v.parse::<u16>()
                        .ok()
                        .filter(|w| (1..=520).contains(w))
                        .ok_or_else(|| bad("how many weeks to run it, 1 to 520"))?,
                );
            }
            _ => unreachable!("every header key is matched"),
        }
        Ok(())
    }
}

const HEADER_KEYS: [&str; 11] = [
    "program",
    "origin",
    "level",
    "goal",
    "days",
    "schedule",
    "periodization",
    "tm",
    "weeks",
    "source",
    "note",
];

impl Parser {
    fn line(&mut self, n: usize, raw: &str) -> Result<(), ProgramError> {
        let body = raw.trim();
        if body.is_empty() || body.starts_with('#') {
            return Ok(());
        }
        let first = body.split_whitespace().next().unwrap_or("");
        let start = raw.len() - raw.trim_start().len();
        // Headings are lowercase, so an exercise may be called "Day Press" or "Note Curl".
        match first {
            "week" => self.week(n, raw, start),
            "day" => self.day(n, raw, start),
            _ if self.weeks.is_empty() => self.header(n, raw, start),
            _ => {
                if let Some(rest) = strip_key(body, "note") {
                    let day = self.current_day(n, column(raw, start))?;
                    day.notes.push(rest.to_string());
                    return Ok(());
                }
                let line = exercise_line(n, raw, start)?;
                self.remember_rule(&line)?;
                let day = self.current_day(n, column(raw, start))?;
                day.lines.push(line);
                Ok(())
            }
        }
    }

    fn current_day(&mut self, n: usize, col: usize) -> Result<&mut Day, ProgramError> {
        self.weeks
            .last_mut()
            .and_then(|w| w.days.last_mut())
            .ok_or_else(|| err(n, col, "expected `day NAME` before the first exercise"))
    }

    fn header(&mut self, n: usize, raw: &str, start: usize) -> Result<(), ProgramError> {
        let col = column(raw, start);
        let Some(colon) = raw[start..].find(':').map(|c| start + c) else {
            return Err(err(
                n,
                col,
                format!(
                    "expected a header line like `level: novice` ({}), or `week 1` / `day A`; \
                     found `{}`",
                    HEADER_KEYS.join(", "),
                    raw.trim()
                ),
            ));
        };
        let key = raw[start..colon].trim().to_ascii_lowercase();
        let Some(&key) = HEADER_KEYS.iter().find(|k| **k == key) else {
            return Err(err(
                n,
                col,
                format!(
                    "expected a header key ({}), found `{}`",
                    HEADER_KEYS.join(", "),
                    raw[start..colon].trim()
                ),
            ));
        };
        let value = trimmed(raw, colon + 1, raw.len());
        if value.text.is_empty() {
            return Err(err(
                n,
                column(raw, colon + 1) + 1,
                format!("expected a value after `{key}:`"),
            ));
        }
        if key != "note"
            && let Some(before) = self.header.seen.insert(key, n)
        {
            return Err(err(
                n,
                col,
                format!("`{key}:` is already given on line {before}"),
            ));
        }
        self.header.set(key, value, n)
    }

    fn week(&mut self, n: usize, raw: &str, start: usize) -> Result<(), ProgramError> {
        let (head, title) = split_title(raw, start);
        let words = tokens(raw, head.0, head.1);
        let number = words.get(1).copied();
        let expected = self.weeks.len() + 1;
        if !self.weeks_written && !self.weeks.is_empty() {
            return Err(err(
                n,
                column(raw, start),
                "expected `week 1` above the first day: once weeks are written, every day \
                 belongs to one",
            ));
        }
        let Some(number) = number else {
            return Err(err(
                n,
                column(raw, head.1) + 1,
                format!("expected a week number, `week {expected}`"),
            ));
        };
        if number.text.parse::<usize>().ok() != Some(expected) {
            return Err(err(
                n,
                number.col,
                format!("expected week {expected}, found `{}`", number.text),
            ));
        }
        let deload = match words.get(2) {
            None => false,
            Some(t) if t.text.eq_ignore_ascii_case("deload") && words.len() == 3 => true,
            Some(t) => {
                let t = words.get(3).unwrap_or(t);
                return Err(err(
                    n,
                    t.col,
                    format!(
                        "expected `deload` or `: title` after the week number, found `{}`",
                        t.text
                    ),
                ));
            }
        };
        self.weeks_written = true;
        self.weeks.push(Week {
            deload,
            title,
            days: Vec::new(),
        });
        Ok(())
    }

    fn day(&mut self, n: usize, raw: &str, start: usize) -> Result<(), ProgramError> {
        let (head, title) = split_title(raw, start);
        let words = tokens(raw, head.0, head.1);
        let Some(name) = words.get(1).copied() else {
            return Err(err(
                n,
                column(raw, head.1) + 1,
                "expected the day's name, like `day A` or `day Mon`",
            ));
        };
        if let Some(extra) = words.get(2) {
            return Err(err(
                n,
                extra.col,
                format!(
                    "expected `:` before the day's title, found `{}` (a day's name is one word)",
                    extra.text
                ),
            ));
        }
        if self.weeks.is_empty() {
            self.weeks.push(Week {
                deload: false,
                title: None,
                days: Vec::new(),
            });
        }
        let week = self.weeks.last_mut().expect("a week was just ensured");
        if week
            .days
            .iter()
            .any(|d| d.name.eq_ignore_ascii_case(name.text))
        {
            return Err(err(
                n,
                name.col,
                format!("day `{}` is already in this week", name.text),
            ));
        }
        week.days.push(Day {
            name: name.text.to_string(),
            title,
            notes: Vec::new(),
            lines: Vec::new(),
        });
        Ok(())
    }

    /// One rule per slot: written once, or the same wherever it is repeated.
    fn remember_rule(&mut self, line: &Line) -> Result<(), ProgramError> {
        let Some(rule) = &line.rule else {
            return Ok(());
        };
        let key = line.key();
        if let Some((at, before)) = self.rules.get(&key)
            && before != rule
        {
            return Err(err(
                line.at,
                1,
                format!(
                    "`{key}` already progresses by another rule on line {at}: one slot has one \
                     rule (give this line a label, like `{} [heavy]`, to make it its own slot)",
                    line.exercise
                ),
            ));
        }
        self.rules.insert(key, (line.at, rule.clone()));
        Ok(())
    }

    fn finish(self) -> Result<Program, ProgramError> {
        let h = self.header;
        let name = h
            .name
            .ok_or_else(|| err(1, 1, "expected `program: NAME` in the header"))?;
        if self.weeks.is_empty() {
            return Err(err(1, 1, "expected at least one `day NAME` with exercises"));
        }
        // A rule that reads an AMRAP needs its slot to have one somewhere.
        for (key, (at, rule)) in &self.rules {
            let reads_amrap = matches!(
                rule,
                Rule::Amrap { .. } | Rule::TmTable { .. } | Rule::TmReps { .. } | Rule::Max { .. }
            );
            let has_amrap = self
                .weeks
                .iter()
                .flat_map(|w| &w.days)
                .flat_map(|d| &d.lines)
                .filter(|l| &l.key() == key)
                .any(|l| l.groups.iter().any(|g| g.amrap));
            if reads_amrap && !has_amrap {
                return Err(err(
                    *at,
                    1,
                    format!("expected an AMRAP set (like 1x5+) for `{key}`: its rule reads one"),
                ));
            }
        }
        for (i, week) in self.weeks.iter().enumerate() {
            if week.days.is_empty() {
                return Err(err(1, 1, format!("week {} has no days", i + 1)));
            }
            if let Some(day) = week.days.iter().find(|d| d.lines.is_empty()) {
                return Err(err(
                    1,
                    1,
                    format!("day {} of week {} has no exercises", day.name, i + 1),
                ));
            }
        }
        Ok(Program {
            meta: Meta {
                name,
                origin: h.origin,
                level: h.level,
                goal: h.goal,
                days: h.days,
                schedule: h.schedule,
                periodization: h.periodization,
                tm: h.tm,
                length_weeks: h.length_weeks,
                source: h.source,
                notes: h.notes,
            },
            weeks: self.weeks,
        })
    }
}

/// `note: text` → `text`.
fn strip_key<'a>(body: &'a str, key: &str) -> Option<&'a str> {
    let (k, rest) = body.split_once(':')?;
    (k.trim() == key).then(|| rest.trim())
}

/// `week 2 deload: Heavy` → the head's byte range and the title.
fn split_title(raw: &str, start: usize) -> ((usize, usize), Option<String>) {
    match raw[start..].find(':') {
        Some(c) => {
            let title = raw[start + c + 1..].trim();
            (
                (start, start + c),
                (!title.is_empty()).then(|| title.to_string()),
            )
        }
        None => ((start, raw.len()), None),
    }
}

/// Whitespace-separated words of `raw[from..to]` with their columns; a `"quoted label"` is one.
pub(super) fn tokens(raw: &str, from: usize, to: usize) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let s = &raw[from..to];
    let mut i = 0;
    let bytes = s.as_bytes();
    while i < bytes.len() {
        if bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let begin = i;
        if bytes[i] == b'"' {
            i += 1;
            while i < bytes.len() && bytes[i] != b'"' {
                i += 1;
            }
            i = (i + 1).min(bytes.len());
        } else {
            while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                i += 1;
            }
        }
        out.push(Tok {
            text: &s[begin..i],
            col: column(raw, from + begin),
        });
    }
    out
}

/// Splits `raw[from..to]` at commas outside quotes, each part trimmed with its column.
pub(super) fn parts(raw: &str, from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut quoted = false;
    let mut begin = from;
    for (i, b) in raw[from..to].bytes().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => {
                out.push((begin, from + i));
                begin = from + i + 1;
            }
            _ => {}
        }
    }
    out.push((begin, to));
    out
}

/// `Squat [T1]: 5x3+ 75%; rest 3m; progress …`.
fn level(t: &str) -> Option<Level> {
    match t.to_ascii_lowercase().as_str() {
        "novice" => Some(Level::Novice),
        "intermediate" => Some(Level::Intermediate),
        "advanced" => Some(Level::Advanced),
        _ => None,
    }
}

fn goal(t: &str) -> Option<Goal> {
    match t.to_ascii_lowercase().as_str() {
        "strength" => Some(Goal::Strength),
        "hypertrophy" => Some(Goal::Hypertrophy),
        "both" => Some(Goal::Both),
        _ => None,
    }
}

fn periodization(t: &str) -> Option<Periodization> {
    Periodization::ALL
        .into_iter()
        .find(|p| p.code().eq_ignore_ascii_case(t.trim()))
}
