//! Units as types: every number that crosses a module boundary carries its unit and was validated
//! on the way in, with a message a lifter understands.

use std::fmt;

/// Kilograms in one pound (exact, by definition of the international pound).
pub const KG_PER_LB: f64 = 0.453_592_37;

/// Heaviest load we accept for one set, in kilograms. Above the all-time records with margin.
pub const MAX_LOAD_KG: f64 = 1_000.0;

/// A value a lifter typed that is outside what makes sense.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct UnitError(pub String);

/// The unit weights are shown and typed in. Storage is always kilograms.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    #[default]
    Kg,
    Lb,
}

impl Unit {
    pub fn label(self) -> &'static str {
        match self {
            Unit::Kg => "kg",
            Unit::Lb => "lb",
        }
    }

    /// How many kilograms one of this unit is.
    pub fn kg_factor(self) -> f64 {
        match self {
            Unit::Kg => 1.0,
            Unit::Lb => KG_PER_LB,
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl std::str::FromStr for Unit {
    type Err = UnitError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "kg" | "kgs" => Ok(Unit::Kg),
            "lb" | "lbs" => Ok(Unit::Lb),
            other => Err(UnitError(format!("unit must be kg or lb, got {other:?}"))),
        }
    }
}

/// A non-negative load in kilograms (0–1000 kg).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default)]
pub struct Weight(f64);

impl Weight {
    pub const ZERO: Weight = Weight(0.0);

    pub fn from_kg(kg: f64) -> Result<Self, UnitError> {
        if !kg.is_finite() {
            return Err(UnitError("weight must be a number".into()));
        }
        if kg < 0.0 {
            return Err(UnitError(format!(
                "weight cannot be negative, got {}",
                format_number(kg)
            )));
        }
        if kg > MAX_LOAD_KG {
            return Err(UnitError(format!(
                "weight must be at most {} kg, got {} kg",
                MAX_LOAD_KG,
                format_number(kg)
            )));
        }
        Ok(Weight(kg))
    }

    /// A weight typed in `unit`.
    pub fn from_unit(value: f64, unit: Unit) -> Result<Self, UnitError> {
        if !value.is_finite() {
            return Err(UnitError("weight must be a number".into()));
        }
        Self::from_kg(value * unit.kg_factor()).map_err(|_| {
            UnitError(if value < 0.0 {
                format!("weight cannot be negative, got {}", format_number(value))
            } else {
                format!(
                    "weight must be at most {} {unit}, got {} {unit}",
                    format_number(MAX_LOAD_KG / unit.kg_factor())
                        .split('.')
                        .next()
                        .unwrap_or("0"),
                    format_number(value)
                )
            })
        })
    }

    pub fn kg(self) -> f64 {
        self.0
    }

    /// The value in `unit`, rounded to 0.01 so that 225 lb stored as kg reads back as 225.
    pub fn in_unit(self, unit: Unit) -> f64 {
        (self.0 / unit.kg_factor() * 100.0).round() / 100.0
    }

    /// `102.5`, `225`, `101.25` — the number as a lifter writes it, without the unit.
    pub fn display(self, unit: Unit) -> String {
        format_number(self.in_unit(unit))
    }
}

/// Formats a number with at most two decimals and no trailing zeros: `100`, `102.5`, `101.25`.
/// A number no lifter types (a quadrillion or more) keeps its exponent, `1e308`, rather than
/// three hundred digits; one past `f64` is `inf`.
pub fn format_number(value: f64) -> String {
    if value.is_finite() && value.abs() >= 1e15 {
        return format!("{value:e}");
    }
    let text = format!("{:.2}", Figure(value));
    text.trim_end_matches('0').trim_end_matches('.').into()
}

/// `value` rounded to `places` decimals for output (JSON numbers), never negative zero: an
/// empty sum is −0.0 in Rust, and −0.004 rounds to −0.0, which `serde_json` prints as `-0.0`.
pub fn round_to(value: f64, places: i32) -> f64 {
    let scale = 10_f64.powi(places);
    let rounded = (value * scale).round() / scale;
    // Too large to scale (1e308 × 100 is infinite): already a whole number, kept as it is.
    let rounded = if rounded.is_finite() { rounded } else { value };
    // −0.0 + 0.0 is +0.0; every other value is unchanged.
    rounded + 0.0
}

/// A whole number for text with its thousands separated, `1,163`: rounded as every screen rounds
/// (half away from zero, [`round_to`], so a 1162.5 kg volume is `1,163` here and `1163` on the
/// summary — Rust's `{:.0}` alone rounds half to even, `1162`), never `-0`. A number past `f64`'s
/// whole digits (`inf`) is printed as it is.
pub fn thousands(value: f64) -> String {
    let whole = format!("{:.0}", Figure(value));
    let (sign, digits) = match whole.strip_prefix('-') {
        Some(digits) => ("-", digits),
        None => ("", whole.as_str()),
    };
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return whole;
    }
    let mut out = String::with_capacity(whole.len() + digits.len() / 3);
    out.push_str(sign);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A number for text: formats as an `f64` does, with the format's precision, width, alignment
/// and sign (`{:>7.1}`, `{:+.2}`), but never as negative zero (`-0`, `-0.0 min`) — a value that
/// rounds to zero at that precision prints as zero.
///
/// `format!("{:.1}", Figure(-0.04)) == "0.0"`, where `format!("{:.1}", -0.04) == "-0.0"`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure(pub f64);

impl fmt::Display for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = match f.precision().and_then(|p| i32::try_from(p).ok()) {
            Some(places) if places <= 15 && self.0.is_finite() => round_to(self.0, places),
            _ => self.0 + 0.0,
        };
        fmt::Display::fmt(&value, f)
    }
}

/// Repetitions in one set (1–100).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Reps(u16);

impl Reps {
    pub const MAX: u16 = 100;

    pub fn get(self) -> u16 {
        self.0
    }
}

impl TryFrom<u32> for Reps {
    type Error = UnitError;
    fn try_from(value: u32) -> Result<Self, Self::Error> {
        if (1..=u32::from(Self::MAX)).contains(&value) {
            Ok(Reps(value as u16))
        } else {
            Err(UnitError(format!(
                "reps must be 1–{}, got {value}",
                Self::MAX
            )))
        }
    }
}

/// Rating of perceived exertion, 1–10 in half steps. Stored as half steps (2–20).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rpe(u8);

impl Rpe {
    /// RPE 8 (two reps in reserve): the usual target for strength work.
    pub const EIGHT: Rpe = Rpe(16);

    pub fn value(self) -> f64 {
        f64::from(self.0) / 2.0
    }

    /// RPE implied by reps in reserve: RPE = 10 − RIR (RIR above 9 maps to RPE 1).
    pub fn from_rir(rir: Rir) -> Rpe {
        Rpe(20u8.saturating_sub(rir.0).max(2))
    }
}

impl TryFrom<f64> for Rpe {
    type Error = UnitError;
    fn try_from(value: f64) -> Result<Self, Self::Error> {
        let halves = value * 2.0;
        if value.is_finite() && (1.0..=10.0).contains(&value) && halves.fract() == 0.0 {
            Ok(Rpe(halves as u8))
        } else {
            Err(UnitError(format!(
                "RPE must be 1–10 in half steps, got {}",
                format_number(value)
            )))
        }
    }
}

/// Reps in reserve, 0–10 in half steps. Stored as half steps (0–20).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rir(u8);

impl Rir {
    pub fn value(self) -> f64 {
        f64::from(self.0) / 2.0
    }

    /// RIR implied by an RPE: RIR = 10 − RPE.
    pub fn from_rpe(rpe: Rpe) -> Rir {
        Rir(20 - rpe.0)
    }
}

impl TryFrom<f64> for Rir {
    type Error = UnitError;
    fn try_from(value: f64) -> Result<Self, Self::Error> {
        let halves = value * 2.0;
        if value.is_finite() && (0.0..=10.0).contains(&value) && halves.fract() == 0.0 {
            Ok(Rir(halves as u8))
        } else {
            Err(UnitError(format!(
                "RIR must be 0–10 in half steps, got {}",
                format_number(value)
            )))
        }
    }
}

/// A duration in whole seconds (1 s – 24 h), for timed sets and rests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Seconds(u32);

impl Seconds {
    pub const MAX: u32 = 24 * 3600;

    pub fn get(self) -> u32 {
        self.0
    }
}

impl TryFrom<u32> for Seconds {
    type Error = UnitError;
    fn try_from(value: u32) -> Result<Self, Self::Error> {
        if (1..=Self::MAX).contains(&value) {
            Ok(Seconds(value))
        } else {
            Err(UnitError(format!(
                "a timed set must last 1 s – 24 h, got {value} s"
            )))
        }
    }
}

/// Beats per minute (20–250).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Bpm(u16);

impl Bpm {
    pub fn get(self) -> u16 {
        self.0
    }

    /// The nearest valid heart rate to a modelled value: rounded, then clamped to 20–250
    /// (NaN gives 20). For simulations, never for measured input.
    pub fn saturating(value: f64) -> Bpm {
        if value.is_nan() {
            return Bpm(20);
        }
        Bpm(value.round().clamp(20.0, 250.0) as u16)
    }
}

impl TryFrom<u32> for Bpm {
    type Error = UnitError;
    fn try_from(value: u32) -> Result<Self, Self::Error> {
        if (20..=250).contains(&value) {
            Ok(Bpm(value as u16))
        } else {
            Err(UnitError(format!(
                "heart rate must be 20–250 bpm, got {value}"
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_never_print_negative_zero() {
        // An empty sum of f64 is −0.0, which `{:.0}` prints as "-0".
        let empty: f64 = std::iter::empty::<f64>().sum();
        assert_eq!(format!("{empty:.0}"), "-0", "the trap this guards against");
        assert_eq!(format!("{:.0} min", Figure(empty)), "0 min");
        assert_eq!(format!("{:.1}", Figure(-0.04)), "0.0");
        assert_eq!(format!("{:>7.1}", Figure(-0.04)), "    0.0");
        assert_eq!(format!("{:+.1}", Figure(-0.04)), "+0.0");
        assert_eq!(format!("{:.1}", Figure(-0.05)), "-0.1");
        assert_eq!(format!("{:>6.2}", Figure(-1.234)), " -1.23");
        assert_eq!(format!("{}", Figure(2.5)), "2.5");
        assert_eq!(format!("{}", Figure(-0.0)), "0");
        assert_eq!(format!("{:.3}", Figure(f64::INFINITY)), "inf");
        assert_eq!(serde_json::json!(round_to(empty, 1)).to_string(), "0.0");
        assert_eq!(serde_json::json!(round_to(-0.004, 2)).to_string(), "0.0");
        assert!((round_to(101.256, 2) - 101.26).abs() < 1e-9);
        assert!((round_to(-1.234_56, 3) + 1.235).abs() < 1e-9);
    }

    #[test]
    fn whole_numbers_round_half_away_from_zero_as_the_screens_do() {
        // 77.5 kg × 15: the summary's `format_number(v.round())` shows 1163; so must `report`.
        assert_eq!(format!("{:.0}", 1162.5), "1162", "the half-to-even trap");
        assert_eq!(thousands(1162.5), "1,163");
        assert_eq!(thousands(2.5), "3");
        assert_eq!(thousands(0.5), "1");
        assert_eq!(thousands(-1162.5), "-1,163");
        assert_eq!(thousands(95_320.4), "95,320");
        assert_eq!(thousands(999.5), "1,000");
        assert_eq!(thousands(1_234_567.0), "1,234,567");
        assert_eq!(thousands(-0.4), "0");
        assert_eq!(thousands(std::iter::empty::<f64>().sum()), "0");
        assert_eq!(thousands(f64::INFINITY), "inf");
    }

    #[test]
    fn pounds_round_trip_through_kilograms() {
        let w = Weight::from_unit(225.0, Unit::Lb).unwrap();
        assert!((w.kg() - 102.058_283_25).abs() < 1e-6);
        assert_eq!(w.display(Unit::Lb), "225");
        assert_eq!(w.display(Unit::Kg), "102.06");
    }

    #[test]
    fn numbers_are_written_as_lifters_write_them() {
        assert_eq!(format_number(100.0), "100");
        assert_eq!(format_number(102.5), "102.5");
        assert_eq!(format_number(101.25), "101.25");
        assert_eq!(format_number(-0.0001), "0");
        assert_eq!(format_number(-0.0), "0");
        assert_eq!(format_number(-2.5), "-2.5");
        // Once "got inf kg" for 1e308: a number that large keeps its exponent.
        assert_eq!(format_number(1e308), "1e308");
        assert_eq!(format_number(-2.5e20), "-2.5e20");
        assert_eq!(format_number(123_456_789.0), "123456789");
        assert_eq!(format_number(f64::INFINITY), "inf");
        assert!((round_to(1e308, 2) - 1e308).abs() < 1e292);
    }

    #[test]
    fn rpe_and_rir_mirror_each_other() {
        let rpe = Rpe::try_from(8.5).unwrap();
        assert!((Rir::from_rpe(rpe).value() - 1.5).abs() < f64::EPSILON);
        let rir = Rir::try_from(2.0).unwrap();
        assert!((Rpe::from_rir(rir).value() - 8.0).abs() < f64::EPSILON);
        assert_eq!(
            Rpe::try_from(11.0).unwrap_err().0,
            "RPE must be 1–10 in half steps, got 11"
        );
        assert_eq!(
            Rpe::try_from(8.3).unwrap_err().0,
            "RPE must be 1–10 in half steps, got 8.3"
        );
    }

    #[test]
    fn weights_out_of_range_are_refused() {
        assert!(Weight::from_kg(-1.0).is_err());
        assert!(Weight::from_kg(1000.5).is_err());
        assert!(Weight::from_kg(f64::NAN).is_err());
        assert_eq!(
            Reps::try_from(0).unwrap_err().0,
            "reps must be 1–100, got 0"
        );
    }

    #[test]
    fn saturating_bpm_rounds_and_clamps() {
        assert_eq!(Bpm::saturating(141.5).get(), 142);
        assert_eq!(Bpm::saturating(3.0).get(), 20);
        assert_eq!(Bpm::saturating(400.0).get(), 250);
        assert_eq!(Bpm::saturating(f64::NAN).get(), 20);
    }
}
