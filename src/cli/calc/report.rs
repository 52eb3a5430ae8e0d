//! What a calculator prints: one JSON object with `--json`, a few lines of text without.

use serde_json::Value;

/// The result of one calculation, in both forms.
#[derive(Debug)]
pub struct Report {
    /// The object printed with `--json`.
    pub json: Value,
    /// The human-readable answer.
    pub text: String,
}

impl Report {
    /// A report from its JSON object and its text.
    pub fn new(json: Value, text: impl Into<String>) -> Self {
        Self {
            json,
            text: text.into(),
        }
    }

    /// The form asked for.
    pub fn render(&self, json: bool) -> String {
        if json {
            self.json.to_string()
        } else {
            self.text.clone()
        }
    }
}

/// `value` rounded to `places` decimals, for JSON numbers that stay numbers (never `-0.0`).
pub use ironpulse::core::units::round_to as round;

/// `value` rounded to 2 decimals: the default for loads, percentages, heart rates and scores.
pub fn r2(value: f64) -> f64 {
    round(value, 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_keeps_numbers_and_drops_negative_zero() {
        assert!((r2(133.333_33) - 133.33).abs() < 1e-12);
        assert!((round(2.352_816, 4) - 2.3528).abs() < 1e-12);
        assert_eq!(r2(-0.001).to_string(), "0");
        assert_eq!(serde_json::json!(r2(81.1)).to_string(), "81.1");
    }

    #[test]
    fn json_or_text_as_asked() {
        let report = Report::new(serde_json::json!({"hrmax": 180.0}), "HRmax 180 bpm");
        assert_eq!(report.render(true), r#"{"hrmax":180.0}"#);
        assert_eq!(report.render(false), "HRmax 180 bpm");
    }
}
