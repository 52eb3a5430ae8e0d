//! Logging to a daily file under the state dir; never to the terminal the TUI draws on.

use std::path::Path;

use tracing_appender::non_blocking::WorkerGuard;
use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::EnvFilter;

/// The environment variable holding the log filter, e.g. `IRONPULSE_LOG=debug`.
const LOG_ENV: &str = "IRONPULSE_LOG";
/// How many daily files to keep.
const KEEP_FILES: usize = 14;

/// Sends `tracing` output to `dir/ironpulse.YYYY-MM-DD.log` at the level from `IRONPULSE_LOG`
/// (default `info`). Keep the guard alive until exit so the last lines are written.
pub fn init(dir: &Path) -> Result<WorkerGuard, String> {
    let shown = dir.display();
    std::fs::create_dir_all(dir)
        .map_err(|err| format!("cannot create the log folder {shown}: {err}"))?;
    let appender = RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix("ironpulse")
        .filename_suffix("log")
        .max_log_files(KEEP_FILES)
        .build(dir)
        .map_err(|err| format!("cannot open a log file in {shown}: {err}"))?;
    let (writer, guard) = tracing_appender::non_blocking(appender);
    let (filter, bad_filter) = match EnvFilter::try_from_env(LOG_ENV) {
        Ok(filter) => (filter, None),
        Err(err) => (
            EnvFilter::new("info"),
            std::env::var(LOG_ENV).ok().map(|v| (v, err)),
        ),
    };
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .with_ansi(false)
        .try_init()
        .map_err(|err| format!("cannot start logging: {err}"))?;
    if let Some((value, err)) = bad_filter {
        tracing::warn!("ignoring {LOG_ENV}={value:?} ({err}); logging at info");
    }
    Ok(guard)
}
