//! The words after `progress`: one of the rules of programs.md §5 and its numbers.

use super::line::{amount, positive, scheme, step};
use super::{MAX_REPS, ProgramError, Tok, column, err};
use crate::core::program::{Num, Restart, Rule, Step};

const RULES: &str = "linear, double, sum, amrap, stages, tm, tm-table, tm-reps or max";

/// The rule written in `words` (which start after `progress`; the line's text ends at `end`).
pub(super) fn rule(
    line: usize,
    raw: &str,
    words: &[Tok<'_>],
    end: usize,
) -> Result<Rule, ProgramError> {
    let w = Words {
        line,
        list: words,
        end: column(raw, end),
    };
    let Some(kind) = words.first() else {
        return Err(w.fail(0, &format!("a rule after `progress`: {RULES}")));
    };
    match kind.text.to_ascii_lowercase().as_str() {
        "linear" => w.linear(),
        "double" => {
            let step = w.step(1)?;
            w.done(2)?;
            Ok(Rule::Double { step })
        }
        "sum" => {
            let target = w.count(1, "the target reps, like 30")?;
            let step = w.step(2)?;
            w.done(3)?;
            Ok(Rule::Sum { target, step })
        }
        "amrap" => {
            let target = w.count(1, "the target reps, like 25")?;
            let step = w.step(2)?;
            w.done(3)?;
            Ok(Rule::Amrap { target, step })
        }
        "stages" => w.stages(),
        "tm" => {
            let step = w.step(1)?;
            let fail = match w.text(2) {
                None => None,
                Some(t) if t.eq_ignore_ascii_case("fail") => Some(w.cut(3, "a cut like -10%")?),
                Some(_) => return Err(w.fail(2, "`fail -10%` or the end of the line")),
            };
            w.done(if fail.is_some() { 4 } else { 2 })?;
            Ok(Rule::Tm { step, fail })
        }
        "tm-table" => Ok(Rule::TmTable {
            rows: w.rows(
                |v| {
                    v.strip_prefix('+')
                        .and_then(amount)
                        .map(|(amount, unit)| Step { amount, unit })
                },
                "4:+5kg",
            )?,
        }),
        "max" => Ok(Rule::Max {
            rows: w.rows(|v| v.strip_suffix('%').and_then(positive), "3:107%")?,
        }),
        "tm-reps" => {
            let step = w.step(1)?;
            let cap = match w.text(2) {
                Some(t) if t.eq_ignore_ascii_case("cap") => {
                    Some(w.count(3, "the most reps that count, like 10")?)
                }
                Some(_) => return Err(w.fail(2, "`cap N` or the end of the line")),
                None => None,
            };
            w.done(if cap.is_some() { 4 } else { 2 })?;
            Ok(Rule::TmReps {
                step,
                cap: cap.unwrap_or(MAX_REPS),
            })
        }
        _ => Err(err(
            line,
            kind.col,
            format!("expected a rule: {RULES}; found `{}`", kind.text),
        )),
    }
}

/// The rule's words, read by position.
struct Words<'a> {
    line: usize,
    list: &'a [Tok<'a>],
    /// The column just past the text, where a missing word would go.
    end: usize,
}

impl Words<'_> {
    fn text(&self, i: usize) -> Option<&str> {
        self.list.get(i).map(|w| w.text)
    }

    /// "expected {what}, found `…`" at word `i` (or at the end when there is none).
    fn fail(&self, i: usize, what: &str) -> ProgramError {
        match self.list.get(i) {
            Some(w) => err(
                self.line,
                w.col,
                format!("expected {what}, found `{}`", w.text),
            ),
            None => err(
                self.line,
                self.end,
                format!("expected {what}, found the end of the line"),
            ),
        }
    }

    fn step(&self, i: usize) -> Result<Step, ProgramError> {
        self.text(i)
            .and_then(step)
            .ok_or_else(|| self.fail(i, "a step like +2.5kg or +5lb"))
    }

    fn count(&self, i: usize, what: &str) -> Result<u16, ProgramError> {
        self.text(i)
            .and_then(|t| t.parse::<u16>().ok())
            .filter(|c| (1..=1000).contains(c))
            .ok_or_else(|| self.fail(i, what))
    }

    /// `-10%` → 10.
    fn cut(&self, i: usize, what: &str) -> Result<Num, ProgramError> {
        self.text(i)
            .and_then(|t| t.strip_prefix('-'))
            .and_then(|p| p.strip_suffix('%'))
            .and_then(positive)
            .filter(|p| p.value() < 100.0)
            .ok_or_else(|| self.fail(i, what))
    }

    fn done(&self, i: usize) -> Result<(), ProgramError> {
        match self.list.get(i) {
            Some(_) => Err(self.fail(i, "`;` or the end of the line")),
            None => Ok(()),
        }
    }

    /// `linear +2.5kg [fails N] [reset P%] [double-at R]`.
    fn linear(&self) -> Result<Rule, ProgramError> {
        let step = self.step(1)?;
        let (mut fails, mut reset, mut double_at) = (1, Num::hundredths(1000), None);
        let mut i = 2;
        while let Some(t) = self.text(i) {
            match t.to_ascii_lowercase().as_str() {
                "fails" => fails = self.count(i + 1, "how many misses in a row, like 3")?,
                "reset" => {
                    reset = self
                        .text(i + 1)
                        .and_then(|t| t.strip_suffix('%'))
                        .and_then(positive)
                        .filter(|p| p.value() < 100.0)
                        .ok_or_else(|| self.fail(i + 1, "a percent to take off, like 10%"))?;
                }
                "double-at" => {
                    double_at =
                        Some(self.count(i + 1, "the AMRAP reps that double the step, like 10")?);
                }
                _ => return Err(self.fail(i, "fails, reset or double-at")),
            }
            i += 2;
        }
        Ok(Rule::Linear {
            step,
            fails,
            reset,
            double_at,
        })
    }

    /// `stages 5x3+ 6x2+ 10x1+ +5kg restart -15%` or `… restart first +7.5kg`.
    fn stages(&self) -> Result<Rule, ProgramError> {
        let stages: Vec<_> = self.list[1..]
            .iter()
            .map_while(|w| scheme(w.text))
            .collect();
        let i = stages.len() + 1;
        if stages.len() < 2 {
            return Err(self.fail(i, "two or more stages like 5x3+ 6x2+ 10x1+"));
        }
        let step = self.step(i)?;
        if !self
            .text(i + 1)
            .is_some_and(|t| t.eq_ignore_ascii_case("restart"))
        {
            return Err(self.fail(i + 1, "`restart -15%` or `restart first +7.5kg`"));
        }
        let restart = if self
            .text(i + 2)
            .is_some_and(|t| t.eq_ignore_ascii_case("first"))
        {
            let s = self.step(i + 3)?;
            self.done(i + 4)?;
            Restart::First(s)
        } else {
            let cut = self.cut(i + 2, "`-15%` or `first +7.5kg` after restart")?;
            self.done(i + 3)?;
            Restart::Cut(cut)
        };
        Ok(Rule::Stages {
            stages,
            step,
            restart,
        })
    }

    /// `reps:value` rows in rising reps.
    fn rows<T>(
        &self,
        value: impl Fn(&str) -> Option<T>,
        example: &str,
    ) -> Result<Vec<(u16, T)>, ProgramError> {
        let mut rows = Vec::new();
        for (i, w) in self.list.iter().enumerate().skip(1) {
            let row = w.text.split_once(':').and_then(|(r, v)| {
                let r = r.parse::<u16>().ok().filter(|r| *r <= MAX_REPS)?;
                Some((r, value(v)?))
            });
            match row {
                Some(row) => rows.push(row),
                None => return Err(self.fail(i, &format!("reps:value like {example}"))),
            }
        }
        if rows.is_empty() || rows.windows(2).any(|w| w[0].0 >= w[1].0) {
            return Err(err(
                self.line,
                self.list.get(1).map_or(self.end, |w| w.col),
                "expected rows in rising reps, like 2:+2.5kg 4:+5kg or 1:100% 2:104%",
            ));
        }
        Ok(rows)
    }
}
