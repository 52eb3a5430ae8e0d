//! [`Program`] → text, in the canonical layout: the header keys in a fixed order, a blank line
//! before each week and day, two spaces before each exercise. Parsing the result gives back the
//! same program.

use std::fmt::{self, Display, Formatter, Write as _};

use super::{Line, Load, Program, RepTarget, Restart, Rule, SetGroup, Step, Warmup};

impl Display for Program {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let m = &self.meta;
        writeln!(f, "program: {}", m.name)?;
        if let Some(o) = &m.origin {
            writeln!(f, "origin: {o}")?;
        }
        if !m.level.is_empty() {
            let levels: Vec<&str> = m.level.iter().map(|l| l.code()).collect();
            writeln!(f, "level: {}", levels.join("-"))?;
        }
        if let Some(g) = m.goal {
            writeln!(f, "goal: {}", g.code())?;
        }
        if let Some(d) = m.days {
            writeln!(f, "days: {d}")?;
        }
        writeln!(f, "schedule: {}", m.schedule.code())?;
        if let Some(p) = m.periodization {
            writeln!(f, "periodization: {}", p.code())?;
        }
        if let Some(tm) = m.tm {
            writeln!(f, "tm: {tm}%")?;
        }
        if let Some(w) = m.length_weeks {
            writeln!(f, "weeks: {w}")?;
        }
        if let Some(s) = &m.source {
            writeln!(f, "source: {s}")?;
        }
        for n in &m.notes {
            writeln!(f, "note: {n}")?;
        }
        let plain = self.weeks.len() == 1 && !self.weeks[0].deload && self.weeks[0].title.is_none();
        for (i, week) in self.weeks.iter().enumerate() {
            if !plain {
                write!(f, "\nweek {}", i + 1)?;
                if week.deload {
                    write!(f, " deload")?;
                }
                match &week.title {
                    Some(t) => writeln!(f, ": {t}")?,
                    None => writeln!(f)?,
                }
            }
            for day in &week.days {
                write!(f, "\nday {}", day.name)?;
                match &day.title {
                    Some(t) => writeln!(f, ": {t}")?,
                    None => writeln!(f)?,
                }
                for n in &day.notes {
                    writeln!(f, "  note: {n}")?;
                }
                for line in &day.lines {
                    writeln!(f, "  {line}")?;
                }
            }
        }
        Ok(())
    }
}

impl Display for Line {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.key(), Groups(&self.groups))?;
        if let Some(s) = self.start {
            write!(f, "; start {}", LoadText(s))?;
        }
        match &self.warmup {
            Warmup::None => {}
            Warmup::Auto => write!(f, "; warmup auto")?,
            Warmup::Sets(sets) => write!(f, "; warmup {}", Groups(sets))?,
        }
        if let Some(r) = self.rest {
            write!(f, "; rest {}", rest(r))?;
        }
        if let Some(s) = &self.superset {
            write!(f, "; superset {s}")?;
        }
        if let Some(r) = &self.rule {
            write!(f, "; progress {r}")?;
        }
        if let Some(n) = &self.note {
            write!(f, "; note {n}")?;
        }
        Ok(())
    }
}

struct Groups<'a>(&'a [SetGroup]);

impl Display for Groups<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        for (i, g) in self.0.iter().enumerate() {
            if i > 0 {
                write!(f, ", ")?;
            }
            write!(f, "{g}")?;
        }
        Ok(())
    }
}

impl Display for SetGroup {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{}", scheme(self.sets, self.reps, self.amrap))?;
        if self.load != Load::Working {
            write!(f, " {}", LoadText(self.load))?;
        }
        if let Some(r) = self.rpe {
            write!(f, " @{r}")?;
        }
        if let Some(l) = &self.label {
            write!(f, " \"{l}\"")?;
        }
        Ok(())
    }
}

/// `5x3+`, `3x8-12`.
pub(super) fn scheme(sets: u16, reps: RepTarget, amrap: bool) -> String {
    let mut s = format!("{sets}x{}", reps.min);
    if reps.max != reps.min {
        let _ = write!(s, "-{}", reps.max);
    }
    if amrap {
        s.push('+');
    }
    s
}

struct LoadText(Load);

impl Display for LoadText {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self.0 {
            Load::Working => Ok(()),
            Load::Fixed(n, unit) => write!(f, "{n}{unit}"),
            Load::OfMax(p) => write!(f, "{p}%"),
            Load::OfTm(p) => write!(f, "{p}%TM"),
            Load::Relative(p) if p.is_negative() => write!(f, "{p}%"),
            Load::Relative(p) => write!(f, "+{p}%"),
        }
    }
}

impl Display for Step {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "+{}{}", self.amount, self.unit)
    }
}

/// `3m`, `90s` → `1m30s`.
fn rest(seconds: u32) -> String {
    match (seconds / 60, seconds % 60) {
        (0, s) => format!("{s}s"),
        (m, 0) => format!("{m}m"),
        (m, s) => format!("{m}m{s}s"),
    }
}

impl Display for Rule {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Rule::Linear {
                step,
                fails,
                reset,
                double_at,
            } => {
                write!(f, "linear {step} fails {fails} reset {reset}%")?;
                if let Some(d) = double_at {
                    write!(f, " double-at {d}")?;
                }
                Ok(())
            }
            Rule::Double { step } => write!(f, "double {step}"),
            Rule::Sum { target, step } => write!(f, "sum {target} {step}"),
            Rule::Amrap { target, step } => write!(f, "amrap {target} {step}"),
            Rule::Stages {
                stages,
                step,
                restart,
            } => {
                write!(f, "stages")?;
                for &(sets, reps, amrap) in stages {
                    write!(f, " {}", scheme(sets, reps, amrap))?;
                }
                write!(f, " {step} restart ")?;
                match restart {
                    Restart::Cut(p) => write!(f, "-{p}%"),
                    Restart::First(s) => write!(f, "first {s}"),
                }
            }
            Rule::Tm { step, fail } => {
                write!(f, "tm {step}")?;
                if let Some(p) = fail {
                    write!(f, " fail -{p}%")?;
                }
                Ok(())
            }
            Rule::TmTable { rows } => {
                write!(f, "tm-table")?;
                for (r, s) in rows {
                    write!(f, " {r}:{s}")?;
                }
                Ok(())
            }
            Rule::TmReps { step, cap } => write!(f, "tm-reps {step} cap {cap}"),
            Rule::Max { rows } => {
                write!(f, "max")?;
                for (r, p) in rows {
                    write!(f, " {r}:{p}%")?;
                }
                Ok(())
            }
        }
    }
}
