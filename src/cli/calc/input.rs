//! Reading what the lifter typed into validated core types, with a one-line reason when it is
//! wrong (exit code 2).

use std::fmt::Display;
use std::path::Path;

use clap::ValueEnum;
use ironpulse::core::profile::Sex;
use ironpulse::core::units::{Bpm, MAX_LOAD_KG, Rpe, Unit, Weight, format_number};
use ironpulse::core::workout::set::{Effort, Load};
use ironpulse::core::workout::shorthand::{self, Context};

use super::super::Failure;

/// A bad-input failure (exit code 2) from any error's message.
pub fn usage(err: impl Display) -> Failure {
    Failure::Usage(err.to_string())
}

/// The unit weights are typed and printed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum UnitArg {
    Kg,
    Lb,
}

impl From<UnitArg> for Unit {
    fn from(unit: UnitArg) -> Self {
        match unit {
            UnitArg::Kg => Unit::Kg,
            UnitArg::Lb => Unit::Lb,
        }
    }
}

/// Sex, for the formulas whose coefficients differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SexArg {
    #[value(alias = "male")]
    M,
    #[value(alias = "female")]
    F,
}

impl From<SexArg> for Sex {
    fn from(sex: SexArg) -> Self {
        match sex {
            SexArg::M => Sex::Male,
            SexArg::F => Sex::Female,
        }
    }
}

/// A weight typed in `unit`; `what` names the argument in the message (`--bar: …`). A number no
/// lifter types (`inf`, `nan`, `1e308`) is named as such rather than compared with the limit.
pub fn weight(value: f64, unit: Unit, what: &str) -> Result<Weight, Failure> {
    // Whole units, as the limit's own message says it (2204 lb).
    typeable(value, unit, what, (MAX_LOAD_KG / unit.kg_factor()).floor())?;
    Weight::from_unit(value, unit).map_err(|err| usage(format!("{what}: {err}")))
}

/// Refuses a number no lifter types as a weight — `inf`, `nan`, or a thousand times `limit` (in
/// `unit`) and more — saying the most the command takes, `limit`: the same limit a smaller
/// number is held to.
pub fn typeable(value: f64, unit: Unit, what: &str, limit: f64) -> Result<(), Failure> {
    if value.is_finite() && value.abs() <= 1_000.0 * limit {
        return Ok(());
    }
    Err(usage(format!(
        "{what}: {} is not a weight a lifter can type: give it in {unit}, e.g. 100 (at most {} \
         {unit})",
        format_number(value),
        format_number(limit)
    )))
}

/// An RPE typed on the command line (`--rpe 8`): 1–10 in half steps.
pub fn rpe(value: f64) -> Result<Rpe, Failure> {
    Rpe::try_from(value).map_err(|err| usage(format!("--rpe: {err}")))
}

/// A weight that must be more than zero (a body weight, a total, a plate).
pub fn positive_weight(value: f64, unit: Unit, what: &str) -> Result<Weight, Failure> {
    let w = weight(value, unit, what)?;
    if w.kg() > 0.0 {
        Ok(w)
    } else {
        Err(usage(format!(
            "{what}: must be more than 0 {unit}, got {}",
            format_number(value)
        )))
    }
}

/// A heart rate; `what` names the argument in the message.
pub fn bpm(value: u32, what: &str) -> Result<Bpm, Failure> {
    Bpm::try_from(value).map_err(|err| usage(format!("{what}: {err}")))
}

/// A set as the entry line reads it: the load moved, the reps and the RPE (from `@8` or `r2`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TypedSet {
    /// The load moved (body weight counted for `bw+20x8`).
    pub moved: Weight,
    pub reps: u16,
    pub rpe: Option<Rpe>,
}

/// A set typed as on the app's entry line (`core::workout::shorthand`, the one parser): `100x5`,
/// `225lbx5`, `100x5@8`, `100x5r2`, `bw+20x8` (with `body`), `w 60x5`. Bare numbers are in
/// `unit`. A set without reps (`45s`) or without a weight (`x8`, which repeats an earlier set the
/// command line does not have) is refused with the reason.
pub fn set(text: &str, unit: Unit, body: Option<Weight>) -> Result<TypedSet, Failure> {
    let shown = text.trim();
    // The entry line reads digits only; say so for a number written another way (`1e308`, `inf`)
    // rather than "missing 'x'" at its `e`.
    let first = shown
        .split(['x', 'X', '×', '*'])
        .next()
        .unwrap_or_default()
        .trim();
    if first.parse::<f64>().is_ok() && first.chars().any(char::is_alphabetic) {
        return Err(usage(format!(
            "{first:?} is not a weight a lifter can type: write it in digits, e.g. 100x5"
        )));
    }
    let specs = shorthand::parse(
        text,
        &Context {
            unit,
            ..Context::default()
        },
    )
    .map_err(|err| usage(format!("{shown:?} is not a set: {err}")))?;
    // `100x5x3` is three of the same set: one estimate.
    let Some(spec) = specs.first() else {
        return Err(usage(format!("{shown:?} is not a set: type e.g. 100x5")));
    };
    let Some(reps) = spec.reps else {
        return Err(usage(format!(
            "{shown:?} has no reps to estimate from: type weight x reps, e.g. 100x5"
        )));
    };
    let moved = match spec.load {
        Load::None => {
            return Err(usage(format!(
                "{shown:?} has no weight: type weight x reps, e.g. 100x5"
            )));
        }
        Load::External(weight) => weight,
        Load::Bodyweight { .. } => {
            let Some(body) = body else {
                return Err(usage(format!(
                    "{shown:?} is a body-weight set: give your body weight with --bodyweight"
                )));
            };
            Weight::from_kg(spec.load.moved_kg(Some(body))).map_err(|err| {
                usage(format!(
                    "{shown:?} with --bodyweight {}: {err}",
                    body.display(unit)
                ))
            })?
        }
    };
    Ok(TypedSet {
        moved,
        reps: reps.get(),
        rpe: spec.effort.map(Effort::rpe),
    })
}

/// The unit a set line names with a suffix (`225lbx5` → lb, `100kgx5` → kg), if it names only
/// one: the unit to answer in when `--unit` is not given.
pub fn named_unit(text: &str) -> Option<Unit> {
    let lower = text.to_lowercase();
    match (lower.contains("lb"), lower.contains("kg")) {
        (true, false) => Some(Unit::Lb),
        (false, true) => Some(Unit::Kg),
        _ => None,
    }
}

/// The text of a file the lifter named, or why it could not be read.
pub fn read_file(path: &Path) -> Result<String, Failure> {
    std::fs::read_to_string(path)
        .map_err(|err| usage(format!("could not read {}: {err}", path.display())))
}

/// One number per line (blank lines and `#` comments skipped), each finite and at least 0;
/// `what` names a value in the message (`daily load`, `RR interval`).
pub fn read_numbers(path: &Path, what: &str) -> Result<Vec<f64>, Failure> {
    let text = read_file(path)?;
    let numbers =
        numbers(&text, what).map_err(|reason| usage(format!("{}: {reason}", path.display())))?;
    if numbers.is_empty() {
        return Err(usage(format!("{}: no {what}s in the file", path.display())));
    }
    Ok(numbers)
}

fn numbers(text: &str, what: &str) -> Result<Vec<f64>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| {
            let line = line.trim();
            !line.is_empty() && !line.starts_with('#')
        })
        .map(|(i, line)| {
            let line = line.trim();
            match line.parse::<f64>() {
                Ok(v) if v.is_finite() && v >= 0.0 => Ok(v),
                _ => Err(format!(
                    "line {}: {what} must be a number 0 or more, got {line:?}",
                    i + 1
                )),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kg(value: f64) -> Weight {
        Weight::from_kg(value).unwrap()
    }

    fn typed(moved: f64, reps: u16, rpe: Option<f64>) -> TypedSet {
        TypedSet {
            moved: kg(moved),
            reps,
            rpe: rpe.map(|r| Rpe::try_from(r).unwrap()),
        }
    }

    #[test]
    fn sets_are_read_as_the_entry_line_reads_them() {
        assert_eq!(set("100x5", Unit::Kg, None).unwrap(), typed(100.0, 5, None));
        assert_eq!(
            set(" 102,5X3 ", Unit::Kg, None).unwrap(),
            typed(102.5, 3, None)
        );
        assert_eq!(set("100×5", Unit::Kg, None).unwrap(), typed(100.0, 5, None));
        assert_eq!(
            set("100x5@8", Unit::Kg, None).unwrap(),
            typed(100.0, 5, Some(8.0))
        );
        assert_eq!(
            set("100x5r2", Unit::Kg, None).unwrap(),
            typed(100.0, 5, Some(8.0))
        );
        assert_eq!(set("w 60x5", Unit::Kg, None).unwrap(), typed(60.0, 5, None));
        assert_eq!(
            set("100x5x3", Unit::Kg, None).unwrap(),
            typed(100.0, 5, None)
        );
        // The case: a unit for this set only, as the entry line takes it.
        let lb = set("225lbx5", Unit::Kg, None).unwrap();
        assert!((lb.moved.kg() - 225.0 * 0.453_592_37).abs() < 1e-9);
        assert_eq!(set("225x5", Unit::Lb, None).unwrap(), lb);
        // Body weight counts when given.
        assert_eq!(
            set("bw+20x8", Unit::Kg, Some(kg(80.0))).unwrap(),
            typed(100.0, 8, None)
        );
        assert_eq!(
            set("bw+20x8", Unit::Kg, None).unwrap_err().to_string(),
            "\"bw+20x8\" is a body-weight set: give your body weight with --bodyweight"
        );
    }

    #[test]
    fn what_is_not_a_set_says_why_in_the_entry_lines_words() {
        let err = |text: &str| set(text, Unit::Kg, None).unwrap_err().to_string();
        assert!(
            err("100-5").starts_with("\"100-5\" is not a set: "),
            "{}",
            err("100-5")
        );
        assert!(
            err("x5").contains("no earlier set to repeat"),
            "{}",
            err("x5")
        );
        assert!(
            err("100x0").starts_with("\"100x0\" is not a set: "),
            "{}",
            err("100x0")
        );
        // Once "got inf kg".
        assert_eq!(
            err("1e308x1"),
            "\"1e308\" is not a weight a lifter can type: write it in digits, e.g. 100x5"
        );
        assert!(err("infx1").starts_with("\"inf\" is not a weight a lifter can type"));
        assert!(err("NaN x 1").starts_with("\"NaN\" is not a weight a lifter can type"));
        // Relative sets are the entry line's own reason (nothing to add to here).
        assert!(
            err("+2.5x8").contains("no earlier set to add to"),
            "{}",
            err("+2.5x8")
        );
        assert_eq!(
            err("45s"),
            "\"45s\" has no reps to estimate from: type weight x reps, e.g. 100x5"
        );
        assert!(
            err("2000x1").contains("at most 1000 kg"),
            "{}",
            err("2000x1")
        );
    }

    #[test]
    fn the_answer_is_in_the_unit_the_set_names() {
        assert_eq!(named_unit("225lbx5"), Some(Unit::Lb));
        assert_eq!(named_unit("100KGx5"), Some(Unit::Kg));
        assert_eq!(named_unit("100x5@8"), None);
    }

    #[test]
    fn numbers_one_per_line_with_comments() {
        assert_eq!(
            numbers("# week 1\n100\n\n 0 \n55.5\n", "daily load").unwrap(),
            vec![100.0, 0.0, 55.5]
        );
        assert_eq!(
            numbers("100\n-5\n", "daily load").unwrap_err(),
            "line 2: daily load must be a number 0 or more, got \"-5\""
        );
        assert!(numbers("abc", "daily load").is_err());
        assert!(numbers("inf", "daily load").is_err());
    }

    #[test]
    fn numbers_no_lifter_types_are_named_as_such() {
        for value in [f64::INFINITY, f64::NAN, 1e308, -1e300] {
            let err = weight(value, Unit::Kg, "--e1rm").unwrap_err().to_string();
            assert!(
                err.contains(
                    "is not a weight a lifter can type: give it in kg, e.g. 100 (at most 1000 kg)"
                ),
                "{err}"
            );
        }
        assert_eq!(
            weight(1e308, Unit::Lb, "load").unwrap_err().to_string(),
            "load: 1e308 is not a weight a lifter can type: give it in lb, e.g. 100 (at most 2204 lb)"
        );
        assert_eq!(
            rpe(f64::INFINITY).unwrap_err().to_string(),
            "--rpe: RPE must be 1–10 in half steps, got inf"
        );
    }

    #[test]
    fn weights_name_the_argument() {
        assert_eq!(
            weight(-5.0, Unit::Kg, "--bar").unwrap_err().to_string(),
            "--bar: weight cannot be negative, got -5"
        );
        assert_eq!(
            positive_weight(0.0, Unit::Lb, "--bodyweight")
                .unwrap_err()
                .to_string(),
            "--bodyweight: must be more than 0 lb, got 0"
        );
        assert!(bpm(300, "--max").is_err());
    }
}
