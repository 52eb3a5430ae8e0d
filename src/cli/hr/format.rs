//! Output helpers shared by the `hr` commands.

use ironpulse::core::heart::hrm::Contact;

/// Contact as JSON: `true` in contact, `false` not in contact, `null` when the strap can't tell.
pub fn contact_json(contact: Contact) -> Option<bool> {
    match contact {
        Contact::Detected => Some(true),
        Contact::NotDetected => Some(false),
        Contact::NotSupported => None,
    }
}

/// `value` rounded to some decimals for output, never negative zero.
pub use ironpulse::core::units::round_to;
