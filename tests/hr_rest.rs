//! `ironpulse hr rest` through the real binary: a reading from the simulator or a replay is
//! measured, stored and compared with the baseline; unusable readings exit 2 and store nothing.
//! `HOME` and `XDG_*` point into a temporary directory.

#[path = "support/cli.rs"]
mod cli;

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

use chrono::{Days, Utc};
use ironpulse::core::heart::hrm::{Contact, Measurement};
use ironpulse::core::review::HrvReading;
use ironpulse::hr::packet::encode;
use ironpulse::hr::recording;
use ironpulse::store::Store;
use serde_json::Value;

use cli::{Run, Sandbox};

const ARTEFACTS: &str = "too many artefacts — check the strap's contact and lie still";

/// A sandbox whose commands all run with `--db <sandbox>/ironpulse.db`.
fn sandbox() -> Sandbox {
    Sandbox::new().with_db("ironpulse.db")
}

impl Sandbox {
    fn db(&self) -> PathBuf {
        self.path("ironpulse.db")
    }

    /// Every stored reading's (rmssd, sdnn, beats, dropped, duration), oldest first; none when
    /// there is no database.
    fn rows(&self) -> Vec<(f64, Option<f64>, i64, i64, i64)> {
        if !self.db().exists() {
            return Vec::new();
        }
        let conn = rusqlite::Connection::open(self.db()).unwrap();
        let mut stmt = conn
            .prepare(
                "SELECT rmssd_ms, sdnn_ms, beats, dropped, duration_s FROM hrv_reading ORDER BY id",
            )
            .unwrap();
        stmt.query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
    }

    /// A recording with one packet a second from 1 s, with `rr(second)` as its RR intervals (ms).
    fn replay(&self, name: &str, seconds: u64, rr: impl Fn(u64) -> Vec<f64>) -> String {
        let mut text = recording::header("a test strap", "2026-03-01T06:30:00Z");
        for s in 1..=seconds {
            let packet = encode(&Measurement {
                heart_rate: 58,
                contact: Contact::Detected,
                energy_kj: None,
                rr_ms: rr(s),
            });
            text.push_str(&recording::line(Duration::from_secs(s), &packet));
            text.push('\n');
        }
        let path = self.path(name);
        std::fs::write(&path, text).unwrap();
        format!("replay:{}", path.display())
    }
}

fn json(stdout: &str) -> Value {
    serde_json::from_str(stdout.trim()).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

fn number(v: &Value, key: &str) -> f64 {
    v[key]
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is not a number in {v}"))
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The simulator lying still (science of src/hr/sim/model.rs): resting HR 60, starting at 72.5
/// and settling with τ = 50 s, so over the first minute the mean HR is 60 + 12.5 · (50/60) ·
/// (1 − e^−1.2) ≈ 67 bpm (RR ≈ 895 ms). Beat-to-beat RR spread is 3 % × vagal tone (≈ 0.94 here),
/// drawn independently, so RMSSD ≈ √2 · 0.03 · 0.94 · 895 ≈ 36 ms; over ~67 beats its sampling
/// spread is about ±11 %, so 28–44 ms is ±2 SD. Differences that small never reach the 20 %
/// artefact rule, so nothing is dropped. SDNN adds the settling trend (828 → 940 ms, SD ≈ 32 ms)
/// to the 25 ms spread: ≈ 41 ms.
#[test]
fn a_simulated_minute_is_measured_stored_and_printed_as_json() {
    let s = sandbox();
    let run = s.run(&[
        "hr",
        "rest",
        "--hr",
        "sim",
        "--speed",
        "60",
        "--duration",
        "60",
        "--json",
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stderr.is_empty(),
        "no progress with --json: {}",
        run.stderr
    );
    let v = json(&run.stdout);
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "baseline",
            "beats",
            "below_baseline",
            "dropped",
            "duration_s",
            "mean_bpm",
            "rmssd_ms",
            "saved",
            "sdnn_ms"
        ]
    );
    let rmssd = number(&v, "rmssd_ms");
    let sdnn = number(&v, "sdnn_ms");
    let bpm = number(&v, "mean_bpm");
    assert!((28.0..=44.0).contains(&rmssd), "RMSSD {rmssd}");
    assert!((30.0..=55.0).contains(&sdnn), "SDNN {sdnn}");
    assert!((63.0..=71.0).contains(&bpm), "mean HR {bpm}");
    let beats = v["beats"].as_u64().unwrap();
    // A minute at the mean heart rate, give or take a beat at each end.
    assert!(
        beats.abs_diff(bpm.round() as u64) <= 2,
        "{beats} beats at {bpm} bpm"
    );
    assert_eq!(v["dropped"], 0);
    assert_eq!(v["duration_s"], 60);
    assert_eq!(v["saved"], true);
    assert_eq!(v["baseline"], Value::Null, "no earlier readings");
    assert_eq!(v["below_baseline"], Value::Null);

    let rows = s.rows();
    assert_eq!(rows.len(), 1);
    let (stored_rmssd, stored_sdnn, stored_beats, stored_dropped, stored_secs) = rows[0];
    assert!(
        (round1(stored_rmssd) - rmssd).abs() < 1e-9,
        "{stored_rmssd}"
    );
    assert!((round1(stored_sdnn.unwrap()) - sdnn).abs() < 1e-9);
    assert_eq!(
        (stored_beats, stored_dropped, stored_secs),
        (beats as i64, 0, 60)
    );
}

#[test]
fn a_clean_replay_gives_the_task_force_figures_in_text() {
    // RR alternating 1000 and 1062.5 ms (exact in 1/1024 s): every successive difference is
    // 62.5 ms, so RMSSD = 62.5. Seconds 1–61 give 31 × 1000 and 30 × 1062.5: mean 1030.74 ms
    // (58.2 bpm), SDNN = √((31 · 30.74² + 30 · 31.76²) / 60) = 31.5 ms.
    let s = sandbox();
    let source = s.replay("clean.hr", 90, |k| {
        vec![if k % 2 == 1 { 1000.0 } else { 1062.5 }]
    });
    let run = s.run(&[
        "hr",
        "rest",
        "--hr",
        &source,
        "--speed",
        "100",
        "--duration",
        "60",
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "resting HRV: RMSSD 62.5 ms, SDNN 31.5 ms, mean HR 58 bpm\n\
         61 clean beats over 1:00, 0 dropped as artefacts\n\
         no 30-day baseline yet: it takes 5 readings on the 30 days before today\n\
         saved\n"
    );
    // Progress went to stderr as plain lines (not a terminal).
    assert!(
        run.stderr
            .starts_with("measuring resting HRV for 1:00 from replay of clean.hr"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("\n0:30 left   58 bpm  31 clean beats\n"),
        "{}",
        run.stderr
    );
    let rows = s.rows();
    assert_eq!(rows.len(), 1);
    assert!((rows[0].0 - 62.5).abs() < 1e-9);
    assert!((rows[0].1.unwrap() - 31.505_106).abs() < 1e-5);
    assert_eq!((rows[0].2, rows[0].3, rows[0].4), (61, 0, 60));
}

#[test]
fn the_reading_is_compared_with_the_thirty_day_baseline() {
    let s = sandbox();
    {
        // Five earlier mornings: 80, 82, 78, 84, 76 → mean 80, SD √10 = 3.16.
        let store = Store::open(&s.db()).unwrap();
        let now = Utc::now();
        let earlier: Vec<_> = [80.0, 82.0, 78.0, 84.0, 76.0]
            .iter()
            .enumerate()
            .map(|(i, &rmssd_ms)| {
                let at = now.checked_sub_days(Days::new(i as u64 + 1)).unwrap();
                let reading = HrvReading {
                    date: at.date_naive(),
                    rmssd_ms,
                    sdnn_ms: Some(70.0),
                    beats: 170,
                    dropped: 1,
                    duration_s: 180,
                };
                (at, reading)
            })
            .collect();
        store
            .record_hrv_readings(earlier.iter().map(|(at, r)| (*at, r)))
            .unwrap();
    }
    let args = [
        "hr",
        "rest",
        "--hr",
        "sim",
        "--speed",
        "60",
        "--duration",
        "60",
    ];
    let run = s.run(&[&args[..], &["--json", "--no-save"]].concat());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let v = json(&run.stdout);
    assert_eq!(
        v["baseline"],
        serde_json::json!({"mean_ms": 80.0, "sd_ms": 3.2, "readings": 5})
    );
    // The simulator's ~36 ms is far under 80 − 3.2.
    assert_eq!(v["below_baseline"], true);
    assert_eq!(v["saved"], false);
    assert_eq!(s.rows().len(), 5, "--no-save stored nothing");

    let run = s.run(&args);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let line = run.stdout.lines().nth(2).unwrap();
    assert!(
        line.starts_with("30-day baseline 80.0 ± 3.2 ms (5 readings): this reading is ")
            && line.ends_with(" SD under it — more than one SD under: keep today easy or rest"),
        "{line}"
    );
    assert_eq!(run.stdout.lines().last(), Some("saved"));
    assert_eq!(s.rows().len(), 6);
}

#[test]
fn no_save_without_a_database_creates_nothing() {
    let s = sandbox();
    let run = s.run(&[
        "hr",
        "rest",
        "--hr",
        "sim",
        "--speed",
        "60",
        "--duration",
        "60",
        "--no-save",
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stdout.ends_with("not saved (--no-save)\n"),
        "{}",
        run.stdout
    );
    assert!(!s.db().exists());
}

#[test]
fn a_strap_without_rr_intervals_exits_1_and_stores_nothing() {
    let s = sandbox();
    let source = s.replay("no-rr.hr", 200, |_| Vec::new());
    let run = s.run(&["hr", "rest", "--hr", &source, "--speed", "100", "--json"]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    assert_eq!(
        run.stderr,
        "ironpulse: replay of no-rr.hr sends heart rate but no RR intervals, which HRV is \
         computed from: use a strap that sends them (most chest straps do)\n"
    );
    assert!(run.stdout.is_empty());
    assert!(s.rows().is_empty());
}

#[test]
fn heavy_artefacts_exit_1_and_store_nothing() {
    // Each second a good beat and then two that jump (+90 %, −50 %): a third is clean.
    let s = sandbox();
    let source = s.replay("noisy.hr", 70, |k| {
        vec![1000.0 + (k % 2) as f64 * 20.0, 1900.0, 500.0]
    });
    let run = s.run(&[
        "hr",
        "rest",
        "--hr",
        &source,
        "--speed",
        "100",
        "--duration",
        "60",
    ]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    let last = run.stderr.lines().last().unwrap();
    assert_eq!(
        last,
        format!(
            "ironpulse: {ARTEFACTS} (61 of 183 beats clean; a reading needs at least 30 and \
             half of them)"
        )
    );
    assert!(run.stdout.is_empty());
    assert!(s.rows().is_empty());
}

#[test]
fn a_recording_shorter_than_the_reading_exits_1() {
    let s = sandbox();
    let source = s.replay("short.hr", 40, |k| vec![1000.0 + (k % 3) as f64 * 10.0]);
    let run = s.run(&["hr", "rest", "--hr", &source, "--speed", "100"]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.lines().last().unwrap().starts_with(
            "ironpulse: the recording ends 0:39 into the reading, before its 180 s: pass a \
             shorter --duration"
        ),
        "{}",
        run.stderr
    );
    assert!(s.rows().is_empty());
}

#[test]
fn durations_outside_60_to_600_seconds_are_refused() {
    let s = sandbox();
    for bad in ["5", "59", "601"] {
        let run = s.run(&["hr", "rest", "--hr", "sim", "--duration", bad]);
        assert_eq!(run.code, Some(2), "{bad}");
        assert!(run.stderr.contains("60..=600"), "{}", run.stderr);
    }
    assert!(!s.db().exists());
}

#[test]
fn without_bluetooth_it_says_so_and_exits_1() {
    let s = sandbox();
    let nowhere = format!("unix:path={}", s.path("no-bus.sock").display());
    let mut command = s.command(&["hr", "rest", "--hr", "ble"]);
    command.env("DBUS_SYSTEM_BUS_ADDRESS", nowhere);
    let run = Run::from(command.output().unwrap());
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    assert!(
        run.stderr.lines().last().unwrap().starts_with(
            "ironpulse: no heart rate from Bluetooth LE (first strap found): Bluetooth \
                 unavailable: cannot reach the system D-Bus"
        ),
        "{}",
        run.stderr
    );
    assert!(s.rows().is_empty());
}

#[test]
fn ctrl_c_stops_without_saving_and_exits_130() {
    let s = sandbox();
    let mut child = s
        .command(&["hr", "rest", "--hr", "sim", "--duration", "60"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    // Wait for the first progress line: the reading is under way (and the handler installed).
    while !line.contains(" left ") {
        line.clear();
        assert!(
            stderr.read_line(&mut line).unwrap() > 0,
            "stderr ended early"
        );
    }
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stderr, &mut rest).unwrap();
    assert_eq!(status.code(), Some(130), "{rest}");
    assert!(
        rest.ends_with("ironpulse: interrupted: the reading was not saved\n"),
        "{rest}"
    );
    assert!(s.rows().is_empty());
}

#[test]
fn help_explains_and_gives_examples() {
    let s = sandbox();
    let run = s.run(&["hr", "rest", "--help"]);
    assert_eq!(run.code, Some(0));
    for expected in [
        "--duration <SECONDS>",
        "--no-save",
        "auto (the remembered strap, else the first found)",
        "Examples:",
        "ironpulse hr rest --hr sim --speed 60 --duration 60 --json --no-save",
    ] {
        assert!(run.stdout.contains(expected), "{expected}: {}", run.stdout);
    }
}
