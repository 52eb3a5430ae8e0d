//! `ironpulse demo`: generate demo history into a fresh database, then open it.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use chrono::Utc;
use color_eyre::eyre::eyre;
use ironpulse::core::words;
use ironpulse::demo::{self, DemoError, DemoOptions, DemoReport};
use ironpulse::store::Store;

use super::{Context, DemoArgs, Failure, output, tui};

/// Generates the demo database and, unless `--no-tui`, opens it in the terminal UI.
pub fn run(ctx: &Context, args: &DemoArgs) -> Result<(), Failure> {
    let path = match ctx.db_flag()? {
        Some(path) => refuse_unsafe_target(path, ctx.own_db_path().as_deref())?,
        None => fresh_temp_path(),
    };
    tracing::info!(db = %path.display(), years = args.years, seed = args.seed, "generating demo data");
    let report = generate(&path, args.years, args.seed)?;
    output::line(format_args!(
        "demo database: {} ({}, {}, {}, {})",
        path.display(),
        words::count(report.sessions, "session", "sessions"),
        words::count(report.sets, "set", "sets"),
        words::count(report.hr_samples, "heart-rate sample", "heart-rate samples"),
        words::count(report.programs, "program run", "program runs")
    ))?;
    if args.no_tui {
        return Ok(());
    }
    tui::run(ctx, &path, &tui::TuiArgs::default())
}

/// Writes the demo history into a new database at `path`; the store is closed on return.
fn generate(path: &Path, years: u32, seed: u64) -> Result<DemoReport, Failure> {
    let store =
        Store::open(path).map_err(|err| Failure::from_store(err, "create the demo database"))?;
    let options = DemoOptions {
        years,
        seed,
        today: Utc::now(),
    };
    let report = demo::generate(&store, &options).map_err(|err| match err {
        DemoError::NotEmpty | DemoError::Years(_) => Failure::Usage(err.to_string()),
        DemoError::Store(err) => Failure::from_store(err, "write the demo data"),
        other => Failure::Runtime(eyre!(other).wrap_err("could not generate the demo data")),
    })?;
    tracing::info!(
        sessions = report.sessions,
        sets = report.sets,
        "demo data written"
    );
    Ok(report)
}

/// Demo data only ever goes into a new (or empty) file that is not the user's database.
fn refuse_unsafe_target(path: PathBuf, own_db: Option<&Path>) -> Result<PathBuf, Failure> {
    if own_db.is_some_and(|own| same_file(own, &path)) {
        return Err(Failure::Usage(format!(
            "refusing to write demo data into your own database {}; pass --db with a new file, \
             or leave --db out to use a temporary file",
            path.display()
        )));
    }
    let has_data = std::fs::metadata(&path).is_ok_and(|meta| meta.len() > 0);
    if has_data {
        return Err(Failure::Usage(format!(
            "refusing to write demo data into {}: the file already exists. Nothing was changed; \
             pass --db with a new file, or leave --db out to use a temporary file",
            path.display()
        )));
    }
    Ok(path)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// A new file name in the temp dir, unique to this process and moment.
fn fresh_temp_path() -> PathBuf {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_nanos());
    std::env::temp_dir().join(format!("ironpulse-demo-{}-{nanos}.db", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_paths_are_new_and_distinct() {
        let (a, b) = (fresh_temp_path(), fresh_temp_path());
        assert_ne!(a, b);
        assert!(!a.exists());
        assert!(a.starts_with(std::env::temp_dir()));
    }

    #[test]
    fn the_users_own_database_is_refused() {
        let own = Path::new("/home/u/.local/share/ironpulse/ironpulse.db");
        let err = refuse_unsafe_target(own.to_path_buf(), Some(own)).unwrap_err();
        assert!(
            matches!(err, Failure::Usage(ref m) if m.contains("your own database")),
            "{err}"
        );
    }

    #[test]
    fn a_file_with_data_is_refused_and_a_new_one_accepted() {
        let dir = tempfile::tempdir().unwrap();
        let existing = dir.path().join("old.db");
        std::fs::write(&existing, b"SQLite format 3\0").unwrap();
        assert!(matches!(
            refuse_unsafe_target(existing, None),
            Err(Failure::Usage(_))
        ));
        let new = dir.path().join("new.db");
        assert_eq!(refuse_unsafe_target(new.clone(), None).unwrap(), new);
    }
}
