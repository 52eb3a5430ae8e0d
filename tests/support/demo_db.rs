//! One small deterministic demo database per test binary: a year of `ironpulse::demo` history
//! (seed 1, ending on a fixed day) in memory, generated on first use (a few seconds in a debug
//! build) and shared by every test of the binary. Read it through the same store calls the app
//! makes, e.g. `with_demo(|store| store_worker::answer(store, request))`.
#![allow(dead_code)]

use std::sync::{Mutex, OnceLock, PoisonError};

use chrono::{DateTime, NaiveDate, Utc};
use ironpulse::demo::{DemoOptions, DemoReport, generate};
use ironpulse::store::Store;

/// The day the demo history ends: Sat 21 Nov 2026, 18:00 UTC.
pub fn demo_today() -> DateTime<Utc> {
    DateTime::from_timestamp(1_795_284_000, 0).unwrap()
}

/// [`demo_today`] as a date.
pub fn demo_day() -> NaiveDate {
    demo_today().date_naive()
}

/// What the demo wrote, and the store holding it.
struct Demo {
    report: DemoReport,
    store: Mutex<Store>,
}

fn demo() -> &'static Demo {
    static DEMO: OnceLock<Demo> = OnceLock::new();
    DEMO.get_or_init(|| {
        let store = Store::open_in_memory().unwrap();
        let options = DemoOptions {
            years: 1,
            seed: 1,
            today: demo_today(),
        };
        let report = generate(&store, &options).unwrap();
        Demo {
            report,
            store: Mutex::new(store),
        }
    })
}

/// Runs `f` on the demo store (one test at a time; a test that panicked does not spoil it for
/// the others, since nothing here writes to it).
pub fn with_demo<R>(f: impl FnOnce(&Store) -> R) -> R {
    let store = demo().store.lock().unwrap_or_else(PoisonError::into_inner);
    f(&store)
}

/// What the demo generated: sessions, sets, heart-rate samples.
pub fn demo_report() -> DemoReport {
    demo().report
}
