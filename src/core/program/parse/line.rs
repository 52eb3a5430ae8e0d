//! One exercise line: `Squat [T1]: 5x3+ 75%; rest 3m; progress …`, and the values inside it.

use super::rule::rule;
use super::{MAX_REPS, MAX_SETS, ProgramError, column, err, parts, tokens, trimmed};
use crate::core::program::{Line, Load, Num, RepTarget, Rule, SetGroup, Step, Warmup};
use crate::core::units::Unit;

pub(super) fn exercise_line(n: usize, raw: &str, start: usize) -> Result<Line, ProgramError> {
    let Some(colon) = raw[start..].find(':').map(|c| start + c) else {
        return Err(err(
            n,
            column(raw, start),
            format!(
                "expected an exercise line like `Squat: 3x5`, found `{}`",
                raw.trim()
            ),
        ));
    };
    let name_part = raw[start..colon].trim_end();
    let (exercise, label) = match name_part.strip_suffix(']') {
        Some(inner) => match inner.rfind('[') {
            Some(open) => (
                inner[..open].trim().to_string(),
                Some(inner[open + 1..].trim().to_string()),
            ),
            None => {
                return Err(err(
                    n,
                    column(raw, start + name_part.len() - 1),
                    "expected `[` to open the label that `]` closes",
                ));
            }
        },
        None => (name_part.to_string(), None),
    };
    if exercise.is_empty() || label.as_ref().is_some_and(String::is_empty) {
        return Err(err(
            n,
            column(raw, start),
            "expected an exercise name (and a label inside [ ], if any) before `:`",
        ));
    }
    // Options follow `;`. A note runs to the end of the line, `;` and all.
    let mut segments = Vec::new();
    let mut begin = colon + 1;
    let mut note = None;
    let mut quoted = false;
    let mut i = colon + 1;
    while i <= raw.len() {
        let at_end = i == raw.len();
        let b = if at_end { b';' } else { raw.as_bytes()[i] };
        if b == b'"' {
            quoted = !quoted;
        }
        if at_end || (b == b';' && !quoted) {
            let seg = trimmed(raw, begin, i);
            if !segments.is_empty() && seg.text.to_ascii_lowercase().starts_with("note ") {
                let from = begin + (raw[begin..].len() - raw[begin..].trim_start().len()) + 5;
                note = Some(raw[from..].trim().to_string());
                break;
            }
            segments.push((begin, i));
            begin = i + 1;
        }
        i += 1;
    }
    let (g_from, g_to) = segments[0];
    if raw[g_from..g_to].trim().is_empty() {
        return Err(err(
            n,
            column(raw, g_to),
            "expected set groups after `:`, like `3x5` or `1x5+ 85%TM`",
        ));
    }
    let groups = groups(n, raw, g_from, g_to)?;
    let mut line = Line {
        exercise,
        label,
        groups,
        warmup: Warmup::None,
        rest: None,
        start: None,
        superset: None,
        rule: None,
        note,
        at: n,
    };
    for &(from, to) in &segments[1..] {
        option(n, raw, from, to, &mut line)?;
    }
    // A stage's scheme replaces the line's sets: there must be one group for it to replace.
    if matches!(line.rule, Some(Rule::Stages { .. })) && line.groups.len() != 1 {
        return Err(err(
            n,
            column(raw, g_from) + 1,
            format!(
                "expected one set group on a line with a stages rule (each stage's sets replace \
                 it), found {}",
                line.groups.len()
            ),
        ));
    }
    Ok(line)
}

fn groups(n: usize, raw: &str, from: usize, to: usize) -> Result<Vec<SetGroup>, ProgramError> {
    parts(raw, from, to)
        .into_iter()
        .map(|(a, b)| group(n, raw, a, b))
        .collect()
}

/// `3x8-12+ 75% @8 "top"`.
fn group(n: usize, raw: &str, from: usize, to: usize) -> Result<SetGroup, ProgramError> {
    let words = tokens(raw, from, to);
    let Some(first) = words.first() else {
        return Err(err(
            n,
            column(raw, from),
            "expected a set group like 3x5 between the commas",
        ));
    };
    let (sets, reps, amrap) = scheme(first.text).ok_or_else(|| {
        err(
            n,
            first.col,
            format!(
                "expected sets x reps like 5x5, 3x8-12 or 1x5+ (1–{MAX_SETS} sets of \
                 1–{MAX_REPS} reps), found `{}`",
                first.text
            ),
        )
    })?;
    let mut g = SetGroup {
        sets,
        reps,
        amrap,
        load: Load::Working,
        rpe: None,
        label: None,
    };
    for w in &words[1..] {
        let t = w.text;
        if let Some(inner) = t.strip_prefix('"') {
            let Some(label) = inner.strip_suffix('"').filter(|l| !l.trim().is_empty()) else {
                return Err(err(n, w.col, "expected a label closed by `\"`"));
            };
            if g.label.is_some() {
                return Err(err(n, w.col, "a set group has one label"));
            }
            g.label = Some(label.to_string());
        } else if let Some(r) = t.strip_prefix('@') {
            if g.rpe.is_some() {
                return Err(err(n, w.col, "a set group has one RPE"));
            }
            g.rpe = Some(rpe(r).ok_or_else(|| {
                err(
                    n,
                    w.col,
                    format!("expected an RPE from 1 to 10 in half steps, like @8, found `{t}`"),
                )
            })?);
        } else {
            if g.load != Load::Working {
                return Err(err(
                    n,
                    w.col,
                    format!("a set group has one load; found a second, `{t}`"),
                ));
            }
            g.load = load(t).ok_or_else(|| {
                err(
                    n,
                    w.col,
                    format!(
                        "expected a load (100kg, 225lb, 75%, 85%TM, -10%), an RPE like @8 or a \
                         label in quotes, found `{t}`"
                    ),
                )
            })?;
        }
    }
    Ok(g)
}

/// `5x3+` → (5, 3–3, AMRAP).
pub(super) fn scheme(t: &str) -> Option<(u16, RepTarget, bool)> {
    let (sets, reps) = t.split_once(['x', 'X', '×'])?;
    let sets: u16 = sets.parse().ok().filter(|s| (1..=MAX_SETS).contains(s))?;
    let (reps, amrap) = match reps.strip_suffix('+') {
        Some(r) => (r, true),
        None => (reps, false),
    };
    let (min, max) = if let Some((a, b)) = reps.split_once('-') {
        (a.parse().ok()?, b.parse().ok()?)
    } else {
        let r: u16 = reps.parse().ok()?;
        (r, r)
    };
    ((1..=MAX_REPS).contains(&min) && min <= max && max <= MAX_REPS).then_some((
        sets,
        RepTarget { min, max },
        amrap,
    ))
}

fn rpe(t: &str) -> Option<Num> {
    Num::read(t).filter(|r| {
        let v = r.value();
        (1.0..=10.0).contains(&v) && (v * 2.0).fract() == 0.0 && !t.starts_with(['+', '-'])
    })
}

/// `100kg`, `225lb`, `75%`, `85%TM`, `-10%`, `+2.5%`.
fn load(t: &str) -> Option<Load> {
    if let Some(p) = t
        .strip_suffix("%TM")
        .or_else(|| t.strip_suffix("%tm"))
        .and_then(positive)
    {
        return Some(Load::OfTm(p));
    }
    if let Some(p) = t.strip_suffix('%') {
        return if p.starts_with(['+', '-']) {
            Num::read(p)
                .filter(|r| r.value() != 0.0 && r.value() > -100.0)
                .map(Load::Relative)
        } else {
            positive(p).map(Load::OfMax)
        };
    }
    amount(t).map(|(n, u)| Load::Fixed(n, u))
}

/// A percent over 0 and at most 200, written without a sign.
pub(super) fn positive(t: &str) -> Option<Num> {
    (!t.starts_with(['+', '-']))
        .then(|| Num::read(t))
        .flatten()
        .filter(|p| p.value() > 0.0 && p.value() <= 200.0)
}

/// `100kg`, `2.5lb` (not negative, at most 1000 kg's worth).
pub(super) fn amount(t: &str) -> Option<(Num, Unit)> {
    let (num, unit) = if let Some(n) = t.strip_suffix("kg") {
        (n, Unit::Kg)
    } else {
        (t.strip_suffix("lb")?, Unit::Lb)
    };
    if num.starts_with(['+', '-']) {
        return None;
    }
    let n = Num::read(num)?;
    crate::core::units::Weight::from_unit(n.value(), unit).ok()?;
    Some((n, unit))
}

/// `+2.5kg`: a step up (the `+` is required, so a step reads as one).
pub(super) fn step(t: &str) -> Option<Step> {
    let (amount, unit) = amount(t.strip_prefix('+')?)?;
    (amount.value() > 0.0).then_some(Step { amount, unit })
}

fn option(
    n: usize,
    raw: &str,
    from: usize,
    to: usize,
    line: &mut Line,
) -> Result<(), ProgramError> {
    let words = tokens(raw, from, to);
    let Some(key) = words.first() else {
        return Err(err(
            n,
            column(raw, from),
            "expected an option after `;` (rest, start, warmup, superset, progress or note)",
        ));
    };
    let value = words.get(1);
    let missing = |what: &str| {
        err(
            n,
            column(raw, to),
            format!("expected {what} after `{}`", key.text),
        )
    };
    let once = |taken: bool| {
        if taken {
            Err(err(
                n,
                key.col,
                format!("`{}` is already given on this line", key.text),
            ))
        } else {
            Ok(())
        }
    };
    let extra = |at: usize| -> Result<(), ProgramError> {
        match words.get(at) {
            Some(w) => Err(err(
                n,
                w.col,
                format!("expected `;` or the end of the line, found `{}`", w.text),
            )),
            None => Ok(()),
        }
    };
    match key.text.to_ascii_lowercase().as_str() {
        "rest" => {
            once(line.rest.is_some())?;
            let v = value.ok_or_else(|| missing("a rest like 90s, 3m or 2m30s"))?;
            line.rest = Some(duration(v.text).ok_or_else(|| {
                err(
                    n,
                    v.col,
                    format!(
                        "expected a rest like 90s, 3m or 2m30s (at most 60m), found `{}`",
                        v.text
                    ),
                )
            })?);
            extra(2)
        }
        "start" => {
            once(line.start.is_some())?;
            let v = value.ok_or_else(|| missing("a start load like 60kg or 45%"))?;
            let l = load(v.text)
                .filter(|l| matches!(l, Load::Fixed(..) | Load::OfMax(_)))
                .ok_or_else(|| {
                    err(n, v.col, format!("expected a start load like 60kg, 135lb or 45% (of the 1RM), found `{}`", v.text))
                })?;
            line.start = Some(l);
            extra(2)
        }
        "superset" => {
            once(line.superset.is_some())?;
            let v = value.ok_or_else(|| missing("the superset's name, like `superset A`"))?;
            line.superset = Some(v.text.to_string());
            extra(2)
        }
        "warmup" => {
            once(line.warmup != Warmup::None)?;
            let v = value.ok_or_else(|| missing("`auto` or warm-up sets like 1x5 40%, 1x3 60%"))?;
            if v.text.eq_ignore_ascii_case("auto") {
                line.warmup = Warmup::Auto;
                return extra(2);
            }
            let at = from + raw[from..to].find(v.text).unwrap_or(0);
            line.warmup = Warmup::Sets(groups(n, raw, at, to)?);
            Ok(())
        }
        "progress" => {
            once(line.rule.is_some())?;
            line.rule = Some(rule(n, raw, &words[1..], to)?);
            Ok(())
        }
        other => Err(err(
            n,
            key.col,
            format!(
                "expected rest, start, warmup, superset, progress or note after `;`, found `{other}`"
            ),
        )),
    }
}

/// `90s`, `3m`, `2m30s` → seconds (1 s – 60 min).
fn duration(t: &str) -> Option<u32> {
    let (m, s) = match t.split_once('m') {
        Some((m, s)) => (m.parse::<u32>().ok()?, s),
        None => (0, t),
    };
    let s = match s {
        "" => 0,
        s => s.strip_suffix('s')?.parse::<u32>().ok()?,
    };
    if t.contains('m') && !t.split_once('m')?.1.is_empty() && s >= 60 {
        return None;
    }
    let total = m.checked_mul(60)?.checked_add(s)?;
    (1..=3600).contains(&total).then_some(total)
}
