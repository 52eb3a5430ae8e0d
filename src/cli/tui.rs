//! `ironpulse [tui]`: open the database, read the settings and keys, hand over to the terminal UI.

use std::path::Path;
use std::time::Duration;

use clap::Args;

use color_eyre::eyre::WrapErr;
use ironpulse::app::HeartSource;
use ironpulse::app::state::Settings;
use ironpulse::core::units::Bpm;
use ironpulse::hr::{self, SourceSpec, Speed};
use ironpulse::store::{Store, StoreError};

use super::{Context, Failure};

/// How long the app waits for a `report`, `context` or other short command holding the database.
const LOCK_GRACE: Duration = Duration::from_secs(1);

/// Options of the terminal UI.
#[derive(Debug, Clone, Default, Args)]
pub struct TuiArgs {
    /// Heart-rate source: auto, off, sim[:SEED], replay:FILE, ble, ble:NAME-OR-ADDRESS
    /// [default: auto — the remembered strap if Bluetooth is available, else off]
    #[arg(long = "hr", value_name = "SOURCE")]
    hr: Option<String>,

    /// Play a simulated or replayed heart rate this many times faster than real time
    /// (e.g. 60 turns a two-hour recording into two minutes; also --hr-speed)
    #[arg(
        long = "speed",
        alias = "hr-speed",
        value_name = "N",
        default_value = "1"
    )]
    speed: Speed,
}

/// Starts the terminal UI on the database at `db`.
pub fn run(ctx: &Context, db: &Path, args: &TuiArgs) -> Result<(), Failure> {
    let config = &ctx.config().config;
    let settings = Settings {
        rest: config.rest.defaults(),
        rest_step: config.rest.step_secs(),
        bell: config.rest.bell,
        color: config
            .ui
            .color
            .enabled(std::env::var_os("NO_COLOR").as_deref()),
        ready_below: Bpm::try_from(config.rest.ready_below).ok(),
    };
    // Every refusal (locked, not ours, newer schema) happens here, before the terminal is touched.
    // A second's grace lets a `report` or `context` that holds the lock finish first.
    let store = open(db).map_err(|e| Failure::from_store(e, "open the database"))?;
    let remembered = store
        .remembered_strap()
        .map_err(|e| Failure::from_store(e, "read the remembered strap"))?;
    let heart = heart_source(args.hr.as_deref().unwrap_or("auto"), remembered, args.speed)?;
    tracing::info!(db = %db.display(), "starting the terminal UI");
    ironpulse::app::run(
        store,
        settings,
        ctx.keymap().clone(),
        heart,
        ironpulse::ui::render,
    )
    .wrap_err("the terminal UI stopped with an error")?;
    Ok(())
}

/// The database at `db` to log into; one that cannot be written opens for reviewing only (the
/// app says so and refuses every change), unless there is nothing in it to review.
fn open(db: &Path) -> Result<Store, StoreError> {
    match Store::open_when_free(db, LOCK_GRACE) {
        Err(StoreError::ReadOnly { path, why }) => {
            Store::open_read_only(db, why.clone()).map_err(|e| match e {
                StoreError::NoDatabase { .. } => StoreError::ReadOnly { path, why },
                other => other,
            })
        }
        opened => opened,
    }
}

/// The source `--hr` names; `auto` is the remembered strap, or off with a hint.
fn heart_source(
    choice: &str,
    remembered: Option<String>,
    speed: Speed,
) -> Result<HeartSource, Failure> {
    let spec = match choice.trim().to_ascii_lowercase().as_str() {
        "off" => return Ok(HeartSource::Off("heart rate off (--hr off)".into())),
        "auto" => match remembered {
            Some(strap) => SourceSpec::Ble {
                device: Some(strap),
            },
            None => {
                return Ok(HeartSource::Off(
                    "no strap: press d on the dashboard, or try --hr sim".into(),
                ));
            }
        },
        _ => choice
            .parse()
            .map_err(|e: hr::SpecError| Failure::Usage(format!("--hr {choice}: {e}")))?,
    };
    let source =
        hr::open(&spec, speed).map_err(|e| Failure::Usage(format!("--hr {choice}: {e}")))?;
    Ok(HeartSource::Source(source))
}
