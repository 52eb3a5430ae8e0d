//! The 10-year demo database the review and start-up benches run on, and the fixed day it ends.
//! Include it with `#[path = "support/demo.rs"] mod demo;` (each bench is its own crate).

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use ironpulse::demo::{DemoOptions, generate};
use ironpulse::store::Store;

/// The day the demo history ends and the benches' "now": Sat 21 Nov 2026, 18:00 UTC.
pub fn today() -> DateTime<Utc> {
    DateTime::from_timestamp(1_795_284_000, 0).expect("a valid timestamp")
}

/// The 10-year demo database (seed 1, ending [`today`]): the file named by `REVIEW_DB` when that
/// is set (one made by `ironpulse demo --years 10 --seed 1`), else a new one generated into `dir`
/// (about 15 s). `REVIEW_DB` is the only variable any of the benches read for it.
pub fn demo_db(dir: &tempfile::TempDir) -> PathBuf {
    if let Some(path) = std::env::var_os("REVIEW_DB") {
        return PathBuf::from(path);
    }
    let path = dir.path().join("demo-10y.db");
    let store = Store::open(&path).expect("the demo database is created");
    let options = DemoOptions {
        years: 10,
        seed: 1,
        today: today(),
    };
    let report = generate(&store, &options).expect("the demo generates");
    eprintln!(
        "10-year demo: {} sessions, {} sets, {} HRV readings",
        report.sessions, report.sets, report.hrv_readings
    );
    path
}
