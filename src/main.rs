//! The `ironpulse` binary: parse the command line, run the command, map failure to an exit code:
//! 0 ok, 1 runtime failure, 2 bad config / bad arguments / a refused database.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    if let Err(err) = color_eyre::install() {
        eprintln!("ironpulse: warning: could not install the error reporter: {err}");
    }
    let args = cli::Cli::from_env();
    match cli::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("ironpulse: {failure}");
            failure.exit_code()
        }
    }
}
