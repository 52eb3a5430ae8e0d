//! Which heart-rate source to use, as written on the command line or in the config:
//! `sim`, `sim:<seed>`, `replay:<file>`, `ble` or `ble:<name or address>`.

use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

/// A heart-rate source chosen by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceSpec {
    /// The simulated strap; the same seed gives the same heart rate.
    Sim { seed: u64 },
    /// A raw recording played back.
    Replay(PathBuf),
    /// A Bluetooth LE strap, optionally a particular one.
    Ble { device: Option<String> },
}

/// The default simulator seed.
const DEFAULT_SEED: u64 = 1;

/// A source name that is not one of the known forms.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown heart-rate source {0:?}: use sim, sim:<seed>, replay:<file>, ble or ble:<name or address>"
)]
pub struct SpecError(String);

impl FromStr for SourceSpec {
    type Err = SpecError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || SpecError(s.to_owned());
        let (kind, rest) = match s.split_once(':') {
            Some((kind, rest)) => (kind, Some(rest)),
            None => (s, None),
        };
        match (kind.trim().to_ascii_lowercase().as_str(), rest) {
            ("sim", None) => Ok(SourceSpec::Sim { seed: DEFAULT_SEED }),
            ("sim", Some(seed)) => seed
                .trim()
                .parse()
                .map(|seed| SourceSpec::Sim { seed })
                .map_err(|_| bad()),
            ("replay", Some(path)) if !path.is_empty() => Ok(SourceSpec::Replay(path.into())),
            ("ble", None) => Ok(SourceSpec::Ble { device: None }),
            ("ble", Some(device)) if !device.trim().is_empty() => Ok(SourceSpec::Ble {
                device: Some(device.trim().to_owned()),
            }),
            _ => Err(bad()),
        }
    }
}

impl fmt::Display for SourceSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceSpec::Sim { seed } => write!(f, "sim:{seed}"),
            SourceSpec::Replay(path) => write!(f, "replay:{}", path.display()),
            SourceSpec::Ble { device: None } => f.write_str("ble"),
            SourceSpec::Ble {
                device: Some(device),
            } => write!(f, "ble:{device}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_parses() {
        let parse = |s: &str| s.parse::<SourceSpec>();
        assert_eq!(parse("sim"), Ok(SourceSpec::Sim { seed: 1 }));
        assert_eq!(parse("sim:42"), Ok(SourceSpec::Sim { seed: 42 }));
        assert_eq!(
            parse("replay:runs/a:b.hr"),
            Ok(SourceSpec::Replay("runs/a:b.hr".into()))
        );
        assert_eq!(parse("ble"), Ok(SourceSpec::Ble { device: None }));
        assert_eq!(
            parse("BLE:AA:BB:CC:DD:EE:FF"),
            Ok(SourceSpec::Ble {
                device: Some("AA:BB:CC:DD:EE:FF".into())
            })
        );
    }

    #[test]
    fn unknown_or_incomplete_names_are_refused() {
        for bad in ["", "wahoo", "replay", "replay:", "sim:x", "ble:  "] {
            assert!(bad.parse::<SourceSpec>().is_err(), "{bad:?}");
        }
        assert!(
            "wahoo"
                .parse::<SourceSpec>()
                .unwrap_err()
                .to_string()
                .starts_with("unknown heart-rate source \"wahoo\": use sim")
        );
    }

    #[test]
    fn display_round_trips() {
        for s in ["sim:7", "replay:a.hr", "ble", "ble:H10"] {
            assert_eq!(s.parse::<SourceSpec>().unwrap().to_string(), s);
        }
    }
}
