//! Everything a command prints on stdout goes through here, so that a reader who stops reading
//! (`ironpulse report | head`) ends the command quietly rather than with a panic.
//!
//! Rust ignores `SIGPIPE`, so a write to a closed pipe is an `io::Error` of kind `BrokenPipe`
//! (and `println!` panics on it). [`Stdout`] turns that error into [`Failure::Closed`]: no
//! message, exit 0, as ripgrep does. Any other write error (a full disk behind `> file`) is a
//! runtime failure with the reason.

use std::fmt::Display;
use std::io::{self, Write};

use color_eyre::eyre::eyre;

use super::Failure;

/// The process's stdout, locked for the command's output. Every write is flushed, so a stream
/// (`hr monitor`) shows each line as it comes and a closed pipe is noticed at once.
pub struct Stdout {
    out: io::StdoutLock<'static>,
}

impl Stdout {
    /// Locks stdout for this command's output.
    pub fn lock() -> Self {
        Self {
            out: io::stdout().lock(),
        }
    }

    /// Writes `text` as it is (a report that ends in its own newline).
    pub fn text(&mut self, text: &str) -> Result<(), Failure> {
        write_to(&mut self.out, format_args!("{text}"))
    }

    /// Writes `text` and a newline.
    pub fn line(&mut self, text: impl Display) -> Result<(), Failure> {
        write_to(&mut self.out, format_args!("{text}\n"))
    }
}

/// Prints `text` as it is, for a command that prints one report.
pub fn text(text: &str) -> Result<(), Failure> {
    Stdout::lock().text(text)
}

/// Prints `text` and a newline, for a command that prints one line (or one JSON object).
pub fn line(text: impl Display) -> Result<(), Failure> {
    Stdout::lock().line(text)
}

/// `ironpulse: {message}` on stderr, for warnings and errors. A closed stderr
/// (`2>&1 | head`) is not worth a panic, so a failed write is ignored.
pub fn warn(message: impl Display) {
    let _ = writeln!(io::stderr(), "ironpulse: {message}");
}

/// Writes and flushes; a closed reader is [`Failure::Closed`], anything else a runtime failure.
fn write_to(out: &mut impl Write, args: std::fmt::Arguments<'_>) -> Result<(), Failure> {
    out.write_fmt(args)
        .and_then(|()| out.flush())
        .map_err(|err| match err.kind() {
            io::ErrorKind::BrokenPipe => Failure::Closed,
            _ => Failure::Runtime(eyre!(err).wrap_err("could not write the output")),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer whose reader has gone, or that fails in another way.
    struct Broken(io::ErrorKind);

    impl Write for Broken {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from(self.0))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_reader_is_a_quiet_stop_with_exit_0() {
        let err =
            write_to(&mut Broken(io::ErrorKind::BrokenPipe), format_args!("x\n")).unwrap_err();
        assert!(matches!(err, Failure::Closed), "{err:?}");
        assert_eq!(err.exit_code(), std::process::ExitCode::SUCCESS);
    }

    #[test]
    fn other_write_errors_are_failures_with_the_reason() {
        let err = write_to(&mut Broken(io::ErrorKind::StorageFull), format_args!("x")).unwrap_err();
        assert_eq!(err.exit_code(), std::process::ExitCode::from(1));
        assert!(
            err.to_string().starts_with("could not write the output: "),
            "{err}"
        );
    }

    #[test]
    fn text_is_written_and_flushed() {
        let mut out = Vec::new();
        write_to(&mut out, format_args!("a {}\n", 1)).unwrap();
        assert_eq!(out, b"a 1\n");
    }
}
