//! Output helpers shared by the `hr` commands.

use ironpulse::core::hrm::Contact;

/// Contact as JSON: `true` in contact, `false` not in contact, `null` when the strap can't tell.
pub fn contact_json(contact: Contact) -> Option<bool> {
    match contact {
        Contact::Detected => Some(true),
        Contact::NotDetected => Some(false),
        Contact::NotSupported => None,
    }
}

/// `value` rounded to `digits` decimals, for output.
pub fn round_to(value: f64, digits: i32) -> f64 {
    let scale = 10f64.powi(digits);
    (value * scale).round() / scale
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_for_output() {
        assert!((round_to(1_016.601_562_5, 1) - 1_016.6).abs() < 1e-9);
        assert!((round_to(0.035_3, 2) - 0.04).abs() < 1e-12);
    }
}
