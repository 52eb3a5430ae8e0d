//! Set commit latency on disk: `Store::log_sets` for one set into a file database (WAL,
//! `synchronous=FULL`), timed one commit at a time and reported as percentiles, because the
//! budget is a tail (≤ 5 ms p99, docs/BENCHMARKS.md) and criterion reports means.
//!
//! Sessions are realistic: five exercises × five sets, then the session is finished and the next
//! one starts; once into a new database and once into the 10-year demo database. For comparison the same run times the floor the disk sets: appending 4 KiB to a
//! file and `fdatasync`-ing it, which is what every durable WAL commit has to do at least once.
//!
//! `cargo bench --bench commit` (add `-- N` for N commits, default 2,000). The database lives in
//! a temporary folder under `target/` (on the same disk as the build, not a tmpfs), or under
//! `$COMMIT_DIR` when set (a tmpfs there shows the cost without the disk).

use std::fs::File;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use ironpulse::core::workout::exercise::ExerciseId;
use ironpulse::core::workout::shorthand::{self, Context};
use ironpulse::demo::{DemoOptions, generate};
use ironpulse::store::Store;

const DEFAULT_COMMITS: usize = 2_000;
const WARM_UP: usize = 20;

fn at(secs: i64) -> DateTime<Utc> {
    // 2026-11-21 18:00 UTC, plus `secs`.
    DateTime::from_timestamp(1_795_284_000 + secs, 0).expect("a valid timestamp")
}

/// The value below which `p` percent of the sorted `samples` fall (nearest rank).
fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1_000.0
}

/// Prints percentiles of `samples` under `label`.
fn report(label: &str, mut samples: Vec<Duration>) {
    samples.sort_unstable();
    let mean = samples.iter().sum::<Duration>() / samples.len() as u32;
    println!(
        "{label:<44} n={:<5} p50 {:7.3} ms  p90 {:7.3} ms  p99 {:7.3} ms  max {:7.3} ms  mean {:7.3} ms",
        samples.len(),
        ms(percentile(&samples, 50.0)),
        ms(percentile(&samples, 90.0)),
        ms(percentile(&samples, 99.0)),
        ms(percentile(&samples, 100.0)),
        ms(mean),
    );
}

/// `commits` one-set commits into `store`, 25 sets per session, starting at `clock` seconds.
fn commits(store: &Store, commits: usize, mut clock: i64) -> Vec<Duration> {
    const EXERCISES: usize = 5;
    const SETS: usize = 5;
    let exercises: Vec<ExerciseId> = store
        .exercises()
        .expect("exercises load")
        .iter()
        .take(EXERCISES)
        .map(|e| e.id)
        .collect();
    let sets = shorthand::parse("100x5@8", &Context::default()).expect("a valid line");
    let mut samples = Vec::with_capacity(commits);
    let mut session = None;
    let mut slot = None;
    for i in 0..WARM_UP + commits {
        let in_session = i % (EXERCISES * SETS);
        if in_session == 0 {
            if let Some(done) = session {
                store
                    .finish_session(done, at(clock), Some(8), "")
                    .expect("the session finishes");
                clock += 86_400;
            }
            session = Some(
                store
                    .start_session(at(clock), "Bench")
                    .expect("a session starts"),
            );
        }
        if in_session.is_multiple_of(SETS)
            && let Some(session) = session
        {
            let exercise = exercises[in_session / SETS % exercises.len()];
            slot = Some(store.add_slot(session, exercise).expect("a slot").id);
        }
        let slot = slot.expect("a slot was added");
        clock += 150;
        let started = Instant::now();
        store
            .log_sets(slot, &sets, at(clock))
            .expect("the set is stored");
        let took = started.elapsed();
        if i >= WARM_UP {
            samples.push(took);
        }
    }
    samples
}

/// `n` appends of 4 KiB to a file in `dir`, each followed by `fdatasync`.
fn fdatasyncs(dir: &Path, n: usize) -> Vec<Duration> {
    let mut file = File::create(dir.join("fsync.bin")).expect("a scratch file");
    let page = [0x5a_u8; 4096];
    (0..WARM_UP + n)
        .map(|_| {
            let started = Instant::now();
            file.write_all(&page).expect("the write");
            file.sync_data().expect("fdatasync");
            started.elapsed()
        })
        .skip(WARM_UP)
        .collect()
}

fn main() {
    // `cargo bench` passes `--bench`; a bare number is the commit count.
    let n = std::env::args()
        .skip(1)
        .find_map(|a| a.parse::<usize>().ok())
        .unwrap_or(DEFAULT_COMMITS);
    let base = std::env::var_os("COMMIT_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_TARGET_TMPDIR")), PathBuf::from);
    let dir = tempfile::tempdir_in(&base).expect("a temporary folder");
    println!(
        "set commit latency in {} (WAL, synchronous=FULL; budget p99 ≤ 5 ms)",
        base.display()
    );
    let empty = Store::open(&dir.path().join("empty.db")).expect("the database opens");
    report("log_sets, 1 set, new database", commits(&empty, n, 0));
    drop(empty);

    let demo = Store::open(&dir.path().join("demo.db")).expect("the database opens");
    let options = DemoOptions {
        years: 10,
        seed: 1,
        today: at(0),
    };
    generate(&demo, &options).expect("the 10-year demo generates");
    report(
        "log_sets, 1 set, 10-year demo database",
        commits(&demo, n, 3_600),
    );
    drop(demo);

    report(
        "disk floor: 4 KiB append + fdatasync",
        fdatasyncs(dir.path(), n / 2),
    );
}
