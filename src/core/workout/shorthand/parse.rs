//! Reading one shorthand line into sets. Syntax is checked first, left to right; the weight that
//! depends on the last set (`x8`, `+2.5x8`) is worked out once the whole line has been read.

use super::cursor::{Cursor, Quantity, Suffix, is_times};
use super::{Context, MAX_REPEAT, ShorthandError};
use crate::core::units::{Reps, Rir, Rpe, Seconds, Unit, UnitError, Weight, format_number};
use crate::core::workout::set::{Effort, Load, SetKind, SetSpec};

const EXAMPLES: &str = "a set looks like 100x8, bw x12 or 45s";
const BW_HELP: &str =
    "after bw write x12 for reps, +20x8 for added load, -20x8 for assistance or 45s for a time";
const MISSING_X: &str = "missing 'x' and reps after the weight — e.g. 100x8";

/// Reads one line into its sets: one, or several for `100x5x3`.
pub fn parse(input: &str, ctx: &Context) -> Result<Vec<SetSpec>, ShorthandError> {
    let mut cur = Cursor::new(input);
    cur.skip_ws();
    if cur.at_end() {
        return Err(ShorthandError::new(0, "empty set — type e.g. 100x8"));
    }
    let prefix_at = cur.pos();
    let kind = prefix(&mut cur)?;
    cur.skip_ws();
    if cur.at_end() {
        let letter = cur.char_at(prefix_at);
        return Err(ShorthandError::new(
            cur.pos(),
            format!("'{letter}' needs a set after it, e.g. {letter} 60x5"),
        ));
    }
    let (pending, work) = body(&mut cur, ctx.unit)?;
    let tail = tail(&mut cur)?;
    let load = resolve(pending, kind.unwrap_or_default(), ctx)?;
    let (reps, duration) = match work {
        Work::Reps(reps) => (reps, None),
        Work::Time(seconds) => (None, Some(seconds)),
    };
    let spec = SetSpec {
        kind: kind.unwrap_or_default(),
        load,
        reps,
        effort: tail.effort,
        duration,
    };
    Ok(vec![spec; tail.count as usize])
}

/// The load as written, before the last set is consulted.
#[derive(Clone, Copy)]
enum Pending {
    Known(Load),
    /// `x8`: the last set's load.
    SameAsLast {
        at: usize,
    },
    /// `+2.5x8`, `-5x8`: the last set's load changed by `delta` in the display unit.
    Relative {
        delta: f64,
        at: usize,
    },
}

/// What the set was: reps (`None` for `?`) or a time.
enum Work {
    Reps(Option<Reps>),
    Time(Seconds),
}

struct Tail {
    effort: Option<Effort>,
    count: u32,
}

/// The optional kind letter: `w 60x5`, `w60x5`, `ax12`, `wbw x12`.
fn prefix(cur: &mut Cursor) -> Result<Option<SetKind>, ShorthandError> {
    let at = cur.pos();
    let letters = cur.letters();
    let starts_body = |s: &str| s.starts_with("bw") || s.starts_with('x');
    let Some(first) = letters.chars().next() else {
        return Ok(None);
    };
    if starts_body(&letters) {
        return Ok(None);
    }
    let rest = &letters[first.len_utf8()..];
    if !(rest.is_empty() || starts_body(rest)) {
        return Err(unreadable(cur, at));
    }
    let kind = SetKind::ALL
        .into_iter()
        .find(|k| k.prefix() == Some(first))
        .ok_or_else(|| {
            ShorthandError::new(
                at,
                format!(
                    "unknown prefix '{}' — use w (warm-up), d (drop), f (failure) or a (AMRAP)",
                    cur.char_at(at)
                ),
            )
        })?;
    cur.bump();
    Ok(Some(kind))
}

/// Load and reps (or time): everything before the RPE, RIR and set count.
fn body(cur: &mut Cursor, unit: Unit) -> Result<(Pending, Work), ShorthandError> {
    let at = cur.pos();
    match cur.peek() {
        Some('b') if cur.peek_nth(1) == Some('w') => {
            cur.bump();
            cur.bump();
            let load = bodyweight(cur, unit)?;
            cur.skip_ws();
            let work = if cur.peek().is_some_and(is_times) {
                cur.bump();
                after_times(cur)?
            } else {
                match cur.quantity()? {
                    Some(q) if q.suffix == Suffix::Time => Work::Time(seconds(q)?),
                    Some(q) => return Err(ShorthandError::new(q.at, BW_HELP)),
                    None => return Err(ShorthandError::new(cur.pos(), BW_HELP)),
                }
            };
            Ok((Pending::Known(load), work))
        }
        Some(sign @ ('+' | '-')) => {
            cur.bump();
            cur.skip_ws();
            let example = if sign == '+' { "+2.5x8" } else { "-5x8" };
            let q = cur.quantity()?.ok_or_else(|| {
                ShorthandError::new(
                    cur.pos(),
                    format!("'{sign}' needs a weight, e.g. {example}"),
                )
            })?;
            let magnitude = weight_value(q, unit)?;
            let delta = if sign == '-' { -magnitude } else { magnitude };
            let work = times_then_work(cur)?;
            Ok((Pending::Relative { delta, at }, work))
        }
        Some(c) if c.is_ascii_digit() => {
            let q = cur.quantity()?.ok_or_else(|| unreadable(cur, at))?;
            if q.suffix == Suffix::Time {
                return Ok((Pending::Known(Load::None), Work::Time(seconds(q)?)));
            }
            let weight = weight(q, unit)?;
            let work = times_then_work(cur)?;
            Ok((Pending::Known(Load::External(weight)), work))
        }
        Some(c) if is_times(c) => {
            let work = times_then_work(cur)?;
            Ok((Pending::SameAsLast { at }, work))
        }
        _ => Err(unreadable(cur, at)),
    }
}

/// The optional `+20` / `-20` after `bw`.
fn bodyweight(cur: &mut Cursor, unit: Unit) -> Result<Load, ShorthandError> {
    cur.skip_ws();
    let Some(sign @ ('+' | '-')) = cur.peek() else {
        return Ok(Load::Bodyweight {
            added: Weight::ZERO,
            assisted: false,
        });
    };
    cur.bump();
    cur.skip_ws();
    let q = cur.quantity()?.ok_or_else(|| {
        ShorthandError::new(
            cur.pos(),
            format!("'{sign}' needs a weight, e.g. bw{sign}20x8"),
        )
    })?;
    let added = weight(q, unit)?;
    Ok(Load::Bodyweight {
        added,
        assisted: sign == '-' && added.kg() > 0.0,
    })
}

/// `x` then reps, `?` or a time.
fn times_then_work(cur: &mut Cursor) -> Result<Work, ShorthandError> {
    cur.skip_ws();
    if !cur.peek().is_some_and(is_times) {
        return Err(ShorthandError::new(cur.pos(), MISSING_X));
    }
    cur.bump();
    after_times(cur)
}

/// What follows the first `x`: `8`, `?` or `45s`.
fn after_times(cur: &mut Cursor) -> Result<Work, ShorthandError> {
    cur.skip_ws();
    if cur.peek() == Some('?') {
        cur.bump();
        return Ok(Work::Reps(None));
    }
    let q = cur
        .quantity()?
        .ok_or_else(|| ShorthandError::new(cur.pos(), "missing reps after 'x' — e.g. 100x8"))?;
    match q.suffix {
        Suffix::Time => Ok(Work::Time(seconds(q)?)),
        Suffix::Weight(_) => Err(ShorthandError::new(
            q.at,
            "the unit goes on the weight, not the reps — e.g. 225lbx5",
        )),
        Suffix::None => {
            if q.value.fract() != 0.0 {
                return Err(ShorthandError::new(
                    q.at,
                    format!(
                        "reps must be a whole number, got {}",
                        format_number(q.value)
                    ),
                ));
            }
            let reps = Reps::try_from(q.value as u32).map_err(|e| unit_error(e, q.at))?;
            Ok(Work::Reps(Some(reps)))
        }
    }
}

/// RPE (`@8.5`, `rpe8.5`), RIR (`r2`, `rir2`) and set count (`x3`), in any order, each at most once.
fn tail(cur: &mut Cursor) -> Result<Tail, ShorthandError> {
    let mut effort: Option<Effort> = None;
    let mut count: Option<u32> = None;
    loop {
        cur.skip_ws();
        let at = cur.pos();
        match cur.peek() {
            None => break,
            Some(c) if is_times(c) => {
                if count.is_some() {
                    return Err(ShorthandError::new(
                        at,
                        "number of sets given twice — use one, e.g. 100x5x3",
                    ));
                }
                cur.bump();
                count = Some(set_count(cur)?);
            }
            Some(marker @ ('@' | 'r')) => {
                let is_rpe = marker == '@' || cur.letters().starts_with("rpe");
                if let Some(given) = effort {
                    let message = match (given, is_rpe) {
                        (Effort::Rpe(_), true) => "RPE given twice — use one",
                        (Effort::Rir(_), false) => "RIR given twice — use one",
                        _ => "both RPE and RIR given — use one",
                    };
                    return Err(ShorthandError::new(at, message));
                }
                effort = Some(if is_rpe {
                    if !cur.eat_word("rpe") {
                        cur.bump();
                    }
                    Effort::Rpe(rating(
                        cur,
                        "'@' needs an RPE, e.g. 100x8@8",
                        Rpe::try_from,
                    )?)
                } else {
                    if !cur.eat_word("rir") {
                        cur.bump();
                    }
                    Effort::Rir(rating(
                        cur,
                        "'r' needs reps in reserve, e.g. 100x8r2",
                        Rir::try_from,
                    )?)
                });
            }
            Some(_) => {
                return Err(ShorthandError::new(
                    at,
                    format!(
                        "unexpected '{}' — a set ends with its reps, RPE or RIR, e.g. 100x8@8",
                        cur.word_at(at)
                    ),
                ));
            }
        }
    }
    Ok(Tail {
        effort,
        count: count.unwrap_or(1),
    })
}

/// The number after `@` or `r`, checked by the unit type.
fn rating<T>(
    cur: &mut Cursor,
    missing: &str,
    check: impl Fn(f64) -> Result<T, UnitError>,
) -> Result<T, ShorthandError> {
    cur.skip_ws();
    let (value, at) = cur
        .number()?
        .ok_or_else(|| ShorthandError::new(cur.pos(), missing))?;
    check(value).map_err(|e| unit_error(e, at))
}

/// The `3` of `100x5x3`.
fn set_count(cur: &mut Cursor) -> Result<u32, ShorthandError> {
    cur.skip_ws();
    let (value, at) = cur.number()?.ok_or_else(|| {
        ShorthandError::new(cur.pos(), "missing number of sets after 'x' — e.g. 100x5x3")
    })?;
    if value.fract() != 0.0 || !(1.0..=f64::from(MAX_REPEAT)).contains(&value) {
        return Err(ShorthandError::new(
            at,
            format!(
                "number of sets must be 1–{MAX_REPEAT}, got {}",
                format_number(value)
            ),
        ));
    }
    Ok(value as u32)
}

/// Works out `x8`, `+2.5x8` and `-5x8` from the last set: a warm-up from the last set of any
/// kind, a working set from the last working set when there is one.
fn resolve(pending: Pending, kind: SetKind, ctx: &Context) -> Result<Load, ShorthandError> {
    let source = if kind.is_working() {
        ctx.last_working.or(ctx.last)
    } else {
        ctx.last
    };
    let (last, at) = match pending {
        Pending::Known(load) => return Ok(load),
        Pending::SameAsLast { at } | Pending::Relative { at, .. } => (source.map(|s| s.load), at),
    };
    let Some(last) = last else {
        let message = match pending {
            Pending::Relative { .. } => {
                "no earlier set to add to or take from — type the weight, e.g. 100x8"
            }
            _ => "no earlier set to repeat the weight from — type it, e.g. 100x8",
        };
        return Err(ShorthandError::new(at, message));
    };
    let Pending::Relative { delta, .. } = pending else {
        return match last {
            Load::None => Err(ShorthandError::new(
                at,
                "the last set had no weight to repeat — type it, e.g. 100x8",
            )),
            load => Ok(load),
        };
    };
    let unit = ctx.unit;
    let to_hundredths = |v: f64| (v * 100.0).round() / 100.0;
    match last {
        Load::None => Err(ShorthandError::new(
            at,
            "the last set had no weight to change — type it, e.g. 100x8",
        )),
        Load::External(w) => {
            let value = to_hundredths(w.in_unit(unit) + delta);
            if value < 0.0 {
                return Err(ShorthandError::new(
                    at,
                    format!(
                        "that goes below zero (last set: {} {unit}) — type the weight, e.g. 60x8",
                        w.display(unit)
                    ),
                ));
            }
            Weight::from_unit(value, unit)
                .map(Load::External)
                .map_err(|e| unit_error(e, at))
        }
        Load::Bodyweight { added, assisted } => {
            let signed = if assisted {
                -added.in_unit(unit)
            } else {
                added.in_unit(unit)
            };
            let value = to_hundredths(signed + delta);
            let added = Weight::from_unit(value.abs(), unit).map_err(|e| unit_error(e, at))?;
            Ok(Load::Bodyweight {
                added,
                assisted: value < 0.0,
            })
        }
    }
}

/// A weight from a number and its optional unit (`225lb`); bare numbers are in `unit`.
fn weight(q: Quantity, unit: Unit) -> Result<Weight, ShorthandError> {
    let typed_in = match q.suffix {
        Suffix::Time => return Err(time_here(q.at)),
        Suffix::Weight(u) => u,
        Suffix::None => unit,
    };
    Weight::from_unit(q.value, typed_in).map_err(|e| unit_error(e, q.at))
}

/// A weight's value converted to `unit` (`+5lb` in a kg session is `+2.27`).
fn weight_value(q: Quantity, unit: Unit) -> Result<f64, ShorthandError> {
    match q.suffix {
        Suffix::Time => Err(time_here(q.at)),
        Suffix::Weight(typed_in) => Ok(q.value * typed_in.kg_factor() / unit.kg_factor()),
        Suffix::None => Ok(q.value),
    }
}

/// A time quantity as whole seconds in range.
fn seconds(q: Quantity) -> Result<Seconds, ShorthandError> {
    let rounded = q.value.round();
    if (q.value - rounded).abs() > 1e-6 {
        return Err(ShorthandError::new(
            q.at,
            "a time must be whole seconds — e.g. 45s or 1:30",
        ));
    }
    Seconds::try_from(rounded as u32).map_err(|e| unit_error(e, q.at))
}

fn time_here(at: usize) -> ShorthandError {
    ShorthandError::new(
        at,
        "a time can't go here — put it after the 'x', e.g. 20x45s",
    )
}

fn unit_error(error: UnitError, at: usize) -> ShorthandError {
    ShorthandError::new(at, error.0)
}

fn unreadable(cur: &Cursor, at: usize) -> ShorthandError {
    ShorthandError::new(at, format!("can't read '{}' — {EXAMPLES}", cur.word_at(at)))
}
