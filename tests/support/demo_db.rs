//! The demo databases tests run on, generated once per source tree and shared by every test
//! binary of every run: a year of `ironpulse::demo` history (seed 1) ending on a fixed day
//! ([`demo_today`], for snapshots and known values) or ending today (for commands and the app,
//! which read the clock). Each is written once into the target directory's scratch folder, keyed
//! by a hash of the sources, the years, the seed and the day, and made atomically (a lock file,
//! then a rename), so test binaries running side by side never generate it twice or see half of
//! it. Tests open a copy ([`demo_copy`]); the shared file itself is never opened.
//!
//! [`with_demo`] reads one copy through the same store calls the app makes, e.g.
//! `with_demo(|store| store_worker::answer(store, request))`.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::fs::{self, File, OpenOptions};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock, PoisonError};
use std::time::{Duration, SystemTime};

use chrono::{DateTime, NaiveDate, Utc};
use ironpulse::demo::{DemoOptions, generate};
use ironpulse::store::Store;
use sha2::{Digest, Sha256};
use tempfile::TempDir;

/// The day the demo history ends: Sat 21 Nov 2026, 18:00 UTC.
pub fn demo_today() -> DateTime<Utc> {
    DateTime::from_timestamp(1_795_284_000, 0).unwrap()
}

/// [`demo_today`] as a date.
pub fn demo_day() -> NaiveDate {
    demo_today().date_naive()
}

/// The day a demo history ends.
#[derive(Debug, Clone, Copy)]
pub enum Ending {
    /// [`demo_today`]: the same rows on every run.
    Fixed,
    /// Today (UTC), as `ironpulse demo` makes it: for what reads the clock.
    Today,
}

/// The years and seed of every shared demo: what `ironpulse demo --years 1 --seed 1` writes.
const YEARS: u32 = 1;
const SEED: u64 = 1;

/// A copy of the shared demo database in `dir`, for a test to open (and write) as it likes.
pub fn demo_copy(dir: &Path, ending: Ending) -> PathBuf {
    let copy = dir.join("demo.db");
    fs::copy(shared(ending), &copy).expect("copy the demo database");
    copy
}

/// The shared file, generated on first use by whichever test binary gets there first.
fn shared(ending: Ending) -> PathBuf {
    let today = match ending {
        Ending::Fixed => demo_today(),
        Ending::Today => Utc::now(),
    };
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR")).join("demo-db");
    fs::create_dir_all(&folder).expect("create the demo folder");
    let day = match ending {
        Ending::Fixed => demo_today().format("%Y%m%dT%H%M").to_string(),
        Ending::Today => today.format("%Y%m%d").to_string(),
    };
    let path = folder.join(format!(
        "demo-{}-y{YEARS}-s{SEED}-{day}.db",
        &sources_hash()[..16]
    ));
    let lock = path.with_extension("lock");
    loop {
        if path.exists() {
            return path;
        }
        match OpenOptions::new().write(true).create_new(true).open(&lock) {
            Ok(_) => break,
            // Another binary is writing it: wait, unless its lock is so old it must have died.
            Err(e) if e.kind() == ErrorKind::AlreadyExists => {
                if stale(&lock) {
                    let _ = fs::remove_file(&lock);
                } else {
                    std::thread::sleep(Duration::from_millis(100));
                }
            }
            Err(e) => panic!("lock {}: {e}", lock.display()),
        }
    }
    if !path.exists() {
        let partial = path.with_extension(format!("partial-{}", std::process::id()));
        let _ = fs::remove_file(&partial);
        {
            let store = Store::open(&partial).expect("create the demo database");
            generate(
                &store,
                &DemoOptions {
                    years: YEARS,
                    seed: SEED,
                    today,
                },
            )
            .expect("generate the demo history");
        }
        // The store is closed: its write-ahead log is folded in and gone, so one file is whole.
        File::open(&partial)
            .and_then(|f| f.sync_all())
            .expect("sync the demo database");
        fs::rename(&partial, &path).expect("publish the demo database");
    }
    let _ = fs::remove_file(&lock);
    path
}

/// A lock left by a test binary that died while generating (generating takes seconds).
fn stale(lock: &Path) -> bool {
    fs::metadata(lock)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|at| SystemTime::now().duration_since(at).ok())
        .is_some_and(|age| age > Duration::from_secs(300))
}

/// SHA-256 of every source the demo depends on (all of `src/` and the lock file): an edit to the
/// generator, the store or the domain gives a new file rather than a stale one.
fn sources_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = vec![root.join("Cargo.lock")];
        collect(&root.join("src"), &mut files);
        files.sort();
        let mut hasher = Sha256::new();
        for file in files {
            hasher.update(
                file.strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .as_bytes(),
            );
            hasher.update(fs::read(&file).unwrap_or_default());
        }
        hasher
            .finalize()
            .iter()
            .fold(String::new(), |mut hex, byte| {
                let _ = write!(hex, "{byte:02x}");
                hex
            })
    })
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("read the sources") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// A store on a copy of the fixed-day demo, and the folder the copy is in.
struct Demo {
    _dir: TempDir,
    store: Mutex<Store>,
}

fn demo() -> &'static Demo {
    static DEMO: OnceLock<Demo> = OnceLock::new();
    DEMO.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&demo_copy(dir.path(), Ending::Fixed)).unwrap();
        Demo {
            _dir: dir,
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
