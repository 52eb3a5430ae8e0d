//! The `ironpulse` binary: parse the command line, run the command, map failure to an exit code:
//! 0 ok (also when the reader of stdout stops early, as in `| head`), 1 runtime failure, 2 bad
//! config / bad arguments / a refused database, 130 Ctrl-C.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    if let Err(err) = color_eyre::install() {
        cli::output::warn(format_args!(
            "warning: could not install the error reporter: {err}"
        ));
    }
    let args = cli::Cli::from_env();
    match cli::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            if !failure.is_quiet() {
                cli::output::warn(&failure);
            }
            failure.exit_code()
        }
    }
}
