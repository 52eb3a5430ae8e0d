//! Reading what the lifter typed into validated core types, with a one-line reason when it is
//! wrong (exit code 2).

use std::fmt::Display;
use std::path::Path;

use clap::ValueEnum;
use ironpulse::core::profile::Sex;
use ironpulse::core::units::{Bpm, Unit, Weight, format_number};

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

/// A weight typed in `unit`; `what` names the argument in the message (`--bar: …`).
pub fn weight(value: f64, unit: Unit, what: &str) -> Result<Weight, Failure> {
    Weight::from_unit(value, unit).map_err(|err| usage(format!("{what}: {err}")))
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

/// A set written `WxR`: `100x5`, `102.5x3`, `225X5` or `100×5`.
pub fn set(text: &str) -> Result<(f64, u16), Failure> {
    let bad = || {
        usage(format!(
            "{:?} is not a set: write weight x reps, e.g. 100x5",
            text.trim()
        ))
    };
    let lower = text.trim().to_lowercase();
    let (weight, reps) = lower
        .split_once('x')
        .or_else(|| lower.split_once('×'))
        .ok_or_else(bad)?;
    let weight: f64 = weight.trim().parse().map_err(|_| bad())?;
    let reps: u16 = reps.trim().parse().map_err(|_| bad())?;
    Ok((weight, reps))
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

    #[test]
    fn sets_are_weight_x_reps() {
        assert_eq!(set("100x5").unwrap(), (100.0, 5));
        assert_eq!(set(" 102.5X3 ").unwrap(), (102.5, 3));
        assert_eq!(set("100×5").unwrap(), (100.0, 5));
        assert_eq!(set("100x0").unwrap(), (100.0, 0));
        assert_eq!(
            set("100-5").unwrap_err().to_string(),
            "\"100-5\" is not a set: write weight x reps, e.g. 100x5"
        );
        assert!(set("x5").is_err());
        assert!(set("100x5.5").is_err());
        assert!(set("100x-5").is_err());
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
