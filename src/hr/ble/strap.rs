//! Which strap the user asked for.

use std::fmt;

use crate::hr::Strap;

/// The name used for a strap that advertises none.
pub const UNNAMED: &str = "unnamed strap";

/// Which strap to connect to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The first heart-rate strap found.
    Any,
    /// A strap by name or address as the user typed it: case-insensitive, and part of the name
    /// is enough (`h10` finds "Polar H10 A1B2C3D4").
    Named(String),
    /// Exactly this address: the strap found first, remembered for reconnects.
    Address(String),
}

impl Target {
    /// `None` means any strap.
    pub fn new(device: Option<&str>) -> Self {
        match device.map(str::trim) {
            Some(device) if !device.is_empty() => Target::Named(device.to_owned()),
            _ => Target::Any,
        }
    }

    /// Whether `strap` is the one asked for.
    pub fn matches(&self, strap: &Strap) -> bool {
        match self {
            Target::Any => true,
            Target::Named(wanted) => {
                same_address(wanted, &strap.address)
                    || strap.name.to_lowercase().contains(&wanted.to_lowercase())
            }
            Target::Address(address) => same_address(address, &strap.address),
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Any => f.write_str("any heart-rate strap"),
            Target::Named(name) => write!(f, "the strap \"{name}\""),
            Target::Address(address) => write!(f, "the strap at {address}"),
        }
    }
}

/// Addresses compared without case and separators: `a0-9e-1a-00-00-01` is `A0:9E:1A:00:00:01`.
fn same_address(a: &str, b: &str) -> bool {
    let digits = |s: &str| {
        s.chars()
            .filter(char::is_ascii_hexdigit)
            .map(|c| c.to_ascii_lowercase())
            .collect::<String>()
    };
    let a = digits(a);
    a.len() == 12 && a == digits(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h10() -> Strap {
        Strap {
            name: "Polar H10 A1B2C3D4".into(),
            address: "A0:9E:1A:00:00:01".into(),
            rssi: Some(-60),
        }
    }

    #[test]
    fn a_strap_is_found_by_name_part_or_address_in_any_case() {
        for wanted in [
            "Polar H10 A1B2C3D4",
            "polar h10",
            "H10",
            "a0:9e:1a:00:00:01",
            "A0-9E-1A-00-00-01",
        ] {
            assert!(Target::new(Some(wanted)).matches(&h10()), "{wanted}");
        }
        for other in ["Wahoo", "A0:9E:1A:00:00:02", "H10X"] {
            assert!(!Target::new(Some(other)).matches(&h10()), "{other}");
        }
    }

    #[test]
    fn no_device_means_any_strap_and_a_remembered_address_only_that_one() {
        assert_eq!(Target::new(None), Target::Any);
        assert_eq!(Target::new(Some("  ")), Target::Any);
        assert!(Target::Any.matches(&h10()));
        assert!(Target::Address("a0:9e:1a:00:00:01".into()).matches(&h10()));
        // A remembered address never matches by name.
        assert!(!Target::Address("H10".into()).matches(&h10()));
    }

    #[test]
    fn a_partial_address_is_not_an_address() {
        let strap = Strap {
            name: "HRM".into(),
            ..h10()
        };
        assert!(!Target::new(Some("A0:9E")).matches(&strap));
    }
}
