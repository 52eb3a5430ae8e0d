//! How a command failed, and which exit code that means.

use std::fmt;
use std::process::ExitCode;

use ironpulse::config::{ConfigError, PathError};
use ironpulse::store::StoreError;

/// A failed command. `main` prints it as `ironpulse: {failure}` and exits with its code.
#[derive(Debug)]
pub enum Failure {
    /// Bad config, bad arguments or a database we refuse to touch: exit code 2.
    Usage(String),
    /// Something went wrong while doing the work: exit code 1.
    Runtime(color_eyre::Report),
    /// Ctrl-C stopped the work before it was done (nothing was saved): exit code 130, as shells
    /// report a SIGINT.
    Interrupted(String),
    /// The reader of stdout went away (`ironpulse report | head`): stop quietly, without a
    /// message, and exit 0 as ripgrep does — the reader stopped on purpose.
    Closed,
}

impl Failure {
    /// 2 for [`Failure::Usage`], 1 for [`Failure::Runtime`], 130 for [`Failure::Interrupted`],
    /// 0 for [`Failure::Closed`].
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Self::Usage(_) => ExitCode::from(2),
            Self::Runtime(_) => ExitCode::from(1),
            Self::Interrupted(_) => ExitCode::from(130),
            Self::Closed => ExitCode::SUCCESS,
        }
    }

    /// Whether the failure has something to tell (all but [`Failure::Closed`]).
    pub fn is_quiet(&self) -> bool {
        matches!(self, Self::Closed)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Usage(message) | Self::Interrupted(message) => f.write_str(message),
            Self::Runtime(report) => f.write_str(&one_line(report)),
            Self::Closed => f.write_str("the output was closed"),
        }
    }
}

impl Failure {
    /// A store error while trying to `doing`: refusals (not ours, newer schema, locked, missing,
    /// backup target taken) are exit 2, anything else exit 1.
    pub fn from_store(err: StoreError, doing: &'static str) -> Self {
        match err {
            StoreError::Locked { .. }
            | StoreError::NotADatabase { .. }
            | StoreError::NotIronpulse { .. }
            | StoreError::NewerSchema { .. }
            | StoreError::NoDatabase { .. }
            | StoreError::BackupExists { .. }
            | StoreError::NotAFile { .. }
            | StoreError::ReadOnly { .. }
            | StoreError::ReadOnlyOutdated { .. } => Self::Usage(err.to_string()),
            other => {
                Self::Runtime(color_eyre::Report::new(other).wrap_err(format!("could not {doing}")))
            }
        }
    }
}

impl Failure {
    /// No heart rate ever came from `source` — no Bluetooth, no strap found, never connected —
    /// for every command that reads one (`hr monitor`, `hr record`, `hr rest`): exit 1, with the
    /// reason the source gave (`down`) and what to try.
    pub fn no_heart_rate(source: &str, down: Option<&str>) -> Self {
        let reason =
            down.unwrap_or("nothing arrived: is the strap on (wet electrodes) and in range?");
        let hint = if reason.starts_with("Bluetooth unavailable") {
            " — see \"Troubleshooting Bluetooth\" in the README, or try --hr sim"
        } else {
            ""
        };
        Self::Runtime(color_eyre::eyre::eyre!(
            "no heart rate from {source}: {reason}{hint}"
        ))
    }
}

/// The chain of causes on one line, without a backtrace. Many errors already print their source
/// in their own message; once a cause's text is already shown, the rest of the chain is skipped.
fn one_line(report: &color_eyre::Report) -> String {
    let mut out = String::new();
    for cause in report.chain() {
        let text = cause.to_string();
        if out.contains(&text) {
            break;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&text);
    }
    out
}

impl From<ConfigError> for Failure {
    fn from(err: ConfigError) -> Self {
        Self::Usage(err.to_string())
    }
}

impl From<PathError> for Failure {
    fn from(err: PathError) -> Self {
        Self::Usage(err.to_string())
    }
}

impl From<color_eyre::Report> for Failure {
    fn from(report: color_eyre::Report) -> Self {
        Self::Runtime(report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use color_eyre::eyre::{WrapErr, eyre};

    #[test]
    fn runtime_failures_show_the_cause_chain_and_exit_1() {
        let report = Err::<(), _>(eyre!("disk on fire"))
            .wrap_err("could not back up")
            .unwrap_err();
        let failure = Failure::from(report);
        assert_eq!(failure.to_string(), "could not back up: disk on fire");
        assert_eq!(failure.exit_code(), ExitCode::from(1));
    }

    #[test]
    fn refused_databases_exit_2_and_other_store_errors_1() {
        let refused = Failure::from_store(
            StoreError::NewerSchema {
                path: "/x.db".into(),
                found: 9,
                supported: 1,
            },
            "open the database",
        );
        assert_eq!(refused.exit_code(), ExitCode::from(2));
        assert!(
            refused
                .to_string()
                .starts_with("/x.db was written by a newer ironpulse")
        );
        let broken =
            Failure::from_store(StoreError::Invalid("bad".to_owned()), "open the database");
        assert_eq!(broken.exit_code(), ExitCode::from(1));
        assert_eq!(broken.to_string(), "could not open the database: bad");
    }

    #[test]
    fn causes_already_in_the_message_are_not_repeated() {
        #[derive(Debug, thiserror::Error)]
        #[error("reading the log failed: {source}")]
        struct Outer {
            source: std::io::Error,
        }
        let io = std::io::Error::other("disk unplugged");
        let report = color_eyre::Report::new(Outer { source: io }).wrap_err("could not start");
        assert_eq!(
            Failure::from(report).to_string(),
            "could not start: reading the log failed: disk unplugged"
        );
    }

    #[test]
    fn config_errors_exit_2() {
        let failure = Failure::from(PathError::NoHome);
        assert_eq!(failure.exit_code(), ExitCode::from(2));
        assert!(failure.to_string().contains("home directory"));
    }
}
