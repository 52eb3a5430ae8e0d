//! Writing a set back as its canonical shorthand line, the inverse of [`super::parse`].

use crate::core::units::{Seconds, Unit, Weight, format_number};
use crate::core::workout::set::{Effort, Load, SetSpec};

/// The canonical line for `spec` with weights in `unit`: `100x8`, `102.5x5@8.5`, `100x8r2`,
/// `w 60x5`, `bw x12`, `bw+20x8`, `bw-20x8`, `45s`, `20x45s`, `a 100x?`.
///
/// Parsing the result with the same unit gives `spec` back (weights to 0.01 of `unit`). Specs the
/// grammar cannot express (reps on a set with no load, reps *and* a time) are written as near as
/// it allows: the reps win.
pub fn format(spec: &SetSpec, unit: Unit) -> String {
    let prefix = spec
        .kind
        .prefix()
        .map_or_else(String::new, |letter| format!("{letter} "));
    let load = match spec.load {
        Load::None => String::new(),
        Load::External(w) => typed(w, unit),
        Load::Bodyweight { added, assisted } => match typed(added, unit).as_str() {
            "0" => "bw".to_owned(),
            shown => format!("bw{}{shown}", if assisted { '-' } else { '+' }),
        },
    };
    let bare = load.is_empty() || load == "bw";
    let gap = if load == "bw" { " " } else { "" };
    let work = match (spec.reps, spec.duration) {
        (Some(reps), _) => format!("x{}", reps.get()),
        (None, Some(time)) if bare => duration(time),
        (None, Some(time)) => format!("x{}", duration(time)),
        (None, None) => "x?".to_owned(),
    };
    let effort = match spec.effort {
        Some(Effort::Rpe(rpe)) => format!("@{}", format_number(rpe.value())),
        Some(Effort::Rir(rir)) => format!("r{}", format_number(rir.value())),
        None => String::new(),
    };
    format!("{prefix}{load}{gap}{work}{effort}")
}

/// A weight as the lifter would type it: in `unit` when it is a load in that unit's steps (a
/// quarter), else — a set typed in the other unit, `225lbx5` in a kg profile — in the other unit
/// with its suffix, so the prefill is `225lbx5` and not `102.06x5`.
fn typed(weight: Weight, unit: Unit) -> String {
    let other = match unit {
        Unit::Kg => Unit::Lb,
        Unit::Lb => Unit::Kg,
    };
    let on_step = |unit: Unit| {
        let quarters = weight.in_unit(unit) * 4.0;
        (quarters - quarters.round()).abs() < 1e-6
    };
    // Written in the other unit, the line must still read back as the same weight in `unit`.
    let same = || {
        Weight::from_unit(weight.in_unit(other), other)
            .is_ok_and(|back| back.display(unit) == weight.display(unit))
    };
    if !on_step(unit) && on_step(other) && same() {
        format!("{}{other}", weight.display(other))
    } else {
        weight.display(unit)
    }
}

/// `45s`, `2m`, `1:30`.
fn duration(time: Seconds) -> String {
    let total = time.get();
    match (total / 60, total % 60) {
        (0, seconds) => format!("{seconds}s"),
        (minutes, 0) => format!("{minutes}m"),
        (minutes, seconds) => format!("{minutes}:{seconds:02}"),
    }
}
