//! `ironpulse [tui]`: open the database, read the settings and keys, hand over to the terminal UI.

use std::path::Path;

use color_eyre::eyre::WrapErr;
use ironpulse::app::keymap::Keymap;
use ironpulse::app::state::Settings;
use ironpulse::store::Store;

use super::{Context, Failure};

/// Starts the terminal UI on the database at `db`.
pub fn run(ctx: &Context, db: &Path) -> Result<(), Failure> {
    let loaded = ctx.config();
    let config = &loaded.config;
    let mut keymap = Keymap::default();
    for (action, spec) in &config.keys {
        keymap = keymap
            .with_overrides([(action.as_str(), spec.keys().collect())])
            .map_err(|message| {
                loaded.error_at(spec.span.clone(), &format!("keys.{action}"), &message)
            })?;
    }
    let settings = Settings {
        rest: config.rest.defaults(),
        rest_step: config.rest.step_secs(),
        bell: config.rest.bell,
        color: config
            .ui
            .color
            .enabled(std::env::var_os("NO_COLOR").as_deref()),
    };
    // Every refusal (locked, not ours, newer schema) happens here, before the terminal is touched.
    let store = Store::open(db).map_err(|e| Failure::from_store(e, "open the database"))?;
    tracing::info!(db = %db.display(), "starting the terminal UI");
    ironpulse::app::run(store, settings, keymap)
        .wrap_err("the terminal UI stopped with an error")?;
    Ok(())
}
