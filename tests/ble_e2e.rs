//! End-to-end: the real `ironpulse` binary, btleplug, bluez-async and libdbus against a fake
//! `BlueZ` on a private D-Bus. Each test has its own bus, fake and home directory, and bounded
//! waits well under bluez-async's 30 s; the daemon, the fake and the program are stopped on
//! drop. Without `dbus-daemon` the tests say so and pass (CI installs it).
//!
//! The program runs with shorter Bluetooth waits ([`FAST`], through `IRONPULSE_BLE_TIMING`): the
//! same paths — a connect that times out, a strap gone silent, a reconnect — in a fraction of the
//! production time.

#[path = "support/fake_bluez.rs"]
mod fake_bluez;
#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "support/tmux.rs"]
mod tmux;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use fake_bluez::{FakeBluez, PrivateBus, beat, polar_h10};
use ironpulse::store::Store;
use serde_json::Value;
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_ironpulse");
/// The longest any one expected line may take.
const WAIT: Duration = Duration::from_secs(10);
/// The Bluetooth waits the program runs with: a connect gives up after 1 s (10 s in
/// production), a strap silent for 1 s is lost (5 s), reconnects wait 0.1, 0.2, 0.4 s (1, 2, 4 …
/// 30 s), a scan for a strap lasts 3 s (10 s) and the devices screen listens for 1 s (5 s).
const FAST: &str = "connect=1s,stale=1s,backoff=100ms,backoff_max=400ms,find=3s,scan=1s";

/// `ironpulse` running as a child on the private bus, its stdout read line by line.
struct Ironpulse {
    child: Child,
    lines: Receiver<String>,
    seen: Vec<String>,
    _home: TempDir,
}

impl Ironpulse {
    fn start(bus: &str, args: &[&str]) -> Ironpulse {
        let home = tempfile::tempdir().expect("a temporary home");
        let mut child = Command::new(BIN)
            .args(args)
            .env("DBUS_SYSTEM_BUS_ADDRESS", bus)
            .env("IRONPULSE_BLE_TIMING", FAST)
            .env("HOME", home.path().join("home"))
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_STATE_HOME", home.path().join("state"))
            .env_remove("IRONPULSE_DB")
            .env_remove("IRONPULSE_LOG")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start ironpulse");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    return;
                }
            }
        });
        Ironpulse {
            child,
            lines,
            seen: Vec::new(),
            _home: home,
        }
    }

    /// `hr monitor --json` on `source`, with a generous duration (tests stop it earlier).
    fn monitor(bus: &str, source: &str) -> Ironpulse {
        Ironpulse::start(
            bus,
            &[
                "hr",
                "monitor",
                "--hr",
                source,
                "--json",
                "--duration",
                "120",
            ],
        )
    }

    /// The next JSON line satisfying `wanted` (within [`WAIT`]); every line read is kept.
    fn wait_for(&mut self, what: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    let value: Value = serde_json::from_str(&line)
                        .unwrap_or_else(|err| panic!("not JSON ({err}): {line}"));
                    if wanted(&value) {
                        return value;
                    }
                }
                Err(RecvTimeoutError::Timeout) => {
                    panic!(
                        "no {what} within {WAIT:?}; lines so far:\n{}",
                        self.transcript()
                    )
                }
                Err(RecvTimeoutError::Disconnected) => {
                    let _ = self.child.wait();
                    let mut stderr = String::new();
                    if let Some(mut err) = self.child.stderr.take() {
                        let _ = std::io::Read::read_to_string(&mut err, &mut stderr);
                    }
                    panic!(
                        "ironpulse exited before {what}; stderr: {stderr}\nlines:\n{}",
                        self.transcript()
                    )
                }
            }
        }
    }

    fn wait_event(&mut self, name: &str) -> Value {
        self.wait_for(&format!("{name} event"), |v| v["event"] == name)
    }

    fn wait_sample(&mut self) -> Value {
        self.wait_for("sample", |v| v.get("bpm").is_some())
    }

    fn transcript(&self) -> String {
        self.seen.join("\n")
    }

    /// Still running (no crash, no give-up).
    fn assert_running(&mut self) {
        let status = self.child.try_wait().expect("query the child");
        assert!(
            status.is_none(),
            "ironpulse exited: {status:?}\n{}",
            self.transcript()
        );
    }

    /// Waits for the program to exit by itself; its exit code, the rest of stdout and stderr.
    fn finish(mut self) -> (Option<i32>, String, String) {
        let deadline = Instant::now() + WAIT;
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("query the child") {
                break status;
            }
            assert!(
                Instant::now() < deadline,
                "ironpulse did not exit within {WAIT:?}:\n{}",
                self.transcript()
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        let mut stdout = self.seen.join("\n");
        while let Ok(line) = self.lines.recv_timeout(Duration::from_secs(1)) {
            if !stdout.is_empty() {
                stdout.push('\n');
            }
            stdout.push_str(&line);
        }
        let mut stderr = String::new();
        if let Some(mut err) = self.child.stderr.take() {
            let _ = std::io::Read::read_to_string(&mut err, &mut stderr);
        }
        (status.code(), stdout, stderr)
    }
}

impl Drop for Ironpulse {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A bus with the fake strap on it, or `None` (after saying so) without `dbus-daemon`.
fn bus_with_strap() -> Option<(PrivateBus, FakeBluez)> {
    if fake_bluez::skip() {
        return None;
    }
    let bus = PrivateBus::start();
    let fake = FakeBluez::start(bus.address(), polar_h10());
    Some((bus, fake))
}

fn is_sample(v: &Value) -> bool {
    v.get("bpm").is_some()
}

/// The source time of the last sample read so far.
fn last_sample_ms(run: &Ironpulse) -> u64 {
    run.seen
        .iter()
        .rev()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        // Link events carry an `at_ms` too: a sample is what has no `event`.
        .filter(|v| v.get("event").is_none())
        .find_map(|v| v["at_ms"].as_u64())
        .expect("a sample was read")
}

#[test]
fn devices_lists_the_strap_with_name_address_and_rssi() {
    let Some((bus, _fake)) = bus_with_strap() else {
        return;
    };
    let run = Ironpulse::start(bus.address(), &["devices", "--json", "--scan-seconds", "1"]);
    let (code, stdout, stderr) = run.finish();
    assert_eq!(code, Some(0), "stderr: {stderr}");
    let straps: Value = serde_json::from_str(&stdout).expect("one JSON array");
    assert_eq!(
        straps,
        serde_json::json!([{"name": "Polar H10 A1B2C3D4", "address": "A0:9E:1A:00:00:01", "rssi": -58}])
    );

    let run = Ironpulse::start(bus.address(), &["devices", "--scan-seconds", "1"]);
    let (code, stdout, _) = run.finish();
    assert_eq!(code, Some(0));
    assert!(
        stdout.contains("Polar H10 A1B2C3D4  A0:9E:1A:00:00:01  -58 dBm"),
        "{stdout}"
    );
}

#[test]
fn a_connected_strap_streams_samples_with_rr_intervals() {
    let Some((bus, fake)) = bus_with_strap() else {
        return;
    };
    fake.stream(Duration::from_millis(50));
    // By part of the name, in another case.
    let mut run = Ironpulse::monitor(bus.address(), "ble:h10");
    let connected = run.wait_event("connected");
    assert_eq!(connected["name"], "Polar H10 A1B2C3D4");
    assert_eq!(connected["address"], "A0:9E:1A:00:00:01");
    assert_eq!(run.wait_event("battery")["percent"], 87);
    // The fake's Body Sensor Location (0x2A38) reads 1: chest.
    assert_eq!(run.wait_event("sensor_location")["location"], "chest");
    for n in 0..12 {
        let sample = run.wait_sample();
        let (bpm, _) = beat(n);
        assert_eq!(sample["bpm"], u64::from(bpm), "sample {n}");
        let rr = sample["rr_ms"].as_array().expect("rr_ms");
        assert_eq!(rr.len(), 1, "{sample}");
        let expected = 60_000.0 / f64::from(bpm);
        let got = rr[0].as_f64().expect("a number");
        assert!((got - expected).abs() < 1.0, "rr {got} for {bpm} bpm");
        assert_eq!(sample["contact"], true);
    }
    assert_eq!(fake.connects(), 1);
    run.assert_running();
}

#[test]
fn link_loss_is_a_gap_then_an_automatic_reconnect() {
    let Some((bus, fake)) = bus_with_strap() else {
        return;
    };
    fake.stream(Duration::from_millis(50));
    let mut run = Ironpulse::monitor(bus.address(), "ble");
    run.wait_event("connected");
    run.wait_sample();
    fake.drop_link();
    let gone = run.wait_event("disconnected");
    assert!(
        gone["reason"]
            .as_str()
            .unwrap_or("")
            .contains("dropped the connection"),
        "{gone}"
    );
    let again = run.wait_event("reconnecting");
    assert_eq!(again["attempt"], 1);
    assert_eq!(again["delay_s"], 0.1);
    let back = run.wait_event("connected");
    assert_eq!(back["address"], "A0:9E:1A:00:00:01");
    // Samples resume, and only after the reconnect.
    let before = last_sample_ms(&run);
    let sample = run.wait_sample();
    assert!(
        sample["at_ms"].as_u64().unwrap_or(0) >= before + 100,
        "{sample}"
    );
    assert_eq!(fake.connects(), 2);
    run.assert_running();
}

#[test]
fn a_strap_that_goes_silent_is_stale_and_reconnected() {
    let Some((bus, fake)) = bus_with_strap() else {
        return;
    };
    fake.stream(Duration::from_millis(50));
    let mut run = Ironpulse::monitor(bus.address(), "ble");
    run.wait_event("connected");
    run.wait_sample();
    fake.silence();
    let stale = run.wait_event("stale");
    assert!(
        stale["silent_for_s"].as_f64().unwrap_or(0.0) >= 1.0,
        "{stale}"
    );
    let gone = run.wait_event("disconnected");
    assert_eq!(gone["reason"], "no heart rate for 1 s");
    assert_eq!(run.wait_event("reconnecting")["attempt"], 1);
    run.wait_event("connected");
    fake.stream(Duration::from_millis(50));
    run.wait_sample();
    assert_eq!(fake.connects(), 2);
    run.assert_running();
}

#[test]
fn a_strap_removed_from_bluez_is_stale_then_found_again() {
    let Some((bus, fake)) = bus_with_strap() else {
        return;
    };
    fake.stream(Duration::from_millis(50));
    let mut run = Ironpulse::monitor(bus.address(), "ble");
    run.wait_event("connected");
    run.wait_sample();
    // BlueZ forgets the device: no event at all, only silence.
    fake.remove_device();
    run.wait_event("stale");
    run.wait_event("disconnected");
    assert_eq!(run.wait_event("reconnecting")["attempt"], 1);
    run.assert_running();
    fake.reappear();
    run.wait_event("connected");
    run.wait_sample();
    run.assert_running();
}

#[test]
fn malformed_packets_are_reported_and_skipped() {
    let Some((bus, fake)) = bus_with_strap() else {
        return;
    };
    let mut run = Ironpulse::monitor(bus.address(), "ble");
    run.wait_event("connected");
    let (_, good) = beat(0);
    let bad: [&[u8]; 3] = [&[0x16], &[], &[0x01, 0x3C]];
    fake.notify(&good);
    for packet in bad {
        fake.notify(packet);
    }
    fake.notify(&good);
    let mut invalid = Vec::new();
    let mut samples = 0;
    while samples < 2 {
        let v = run.wait_for("sample or invalid packet", |v| {
            is_sample(v) || v["event"] == "invalid_packet"
        });
        if is_sample(&v) {
            assert_eq!(v["bpm"], 120);
            samples += 1;
        } else {
            invalid.push(v["reason"].as_str().unwrap_or("").to_owned());
        }
    }
    assert_eq!(invalid.len(), 3, "{invalid:?}");
    assert_eq!(
        invalid[0],
        "heart-rate packet is too short: its flags need 2 bytes, it has 1"
    );
    assert!(invalid.iter().all(|r| !r.is_empty()));
    run.assert_running();
}

#[test]
fn services_that_never_resolve_time_out_with_a_message() {
    let Some((bus, fake)) = bus_with_strap() else {
        return;
    };
    fake.never_resolve(true);
    let started = Instant::now();
    let mut run = Ironpulse::monitor(bus.address(), "ble");
    let gone = run.wait_event("disconnected");
    let reason = gone["reason"].as_str().unwrap_or("");
    assert_eq!(
        reason,
        "timed out after 1 s while connecting (the strap's services never resolved)"
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(run.wait_event("reconnecting")["attempt"], 1);
    assert!(!run.seen.iter().any(|l| l.contains("\"connected\"")));
    run.assert_running();
}

#[test]
fn without_bluez_on_the_bus_bluetooth_is_unavailable() {
    if fake_bluez::skip() {
        return;
    }
    let bus = PrivateBus::start();
    let said = "Bluetooth unavailable: BlueZ is not running (the system's Bluetooth service: \
                `sudo systemctl start bluetooth`)";
    let run = Ironpulse::start(bus.address(), &["devices", "--json", "--scan-seconds", "1"]);
    let (code, stdout, stderr) = run.finish();
    assert_ne!(code, Some(0), "stdout: {stdout}");
    assert!(
        stderr.lines().any(|l| l == format!("ironpulse: {said}")),
        "{stderr}"
    );

    let mut run = Ironpulse::monitor(bus.address(), "ble");
    let gone = run.wait_event("disconnected");
    assert_eq!(gone["reason"], said, "in words, no D-Bus error");
    // One clear event, then the source ends and so does the monitor: exit 1, saying why.
    let (code, rest, stderr) = run.finish();
    assert_eq!(code, Some(1));
    assert!(!rest.contains("reconnecting"), "{rest}");
    assert!(
        stderr.contains(&format!(
            "ironpulse: no heart rate from Bluetooth LE (first strap found): {said}"
        )),
        "{stderr}"
    );
}

#[test]
fn without_a_system_bus_bluetooth_is_unavailable() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let nowhere = format!("unix:path={}", dir.path().join("no-bus.sock").display());
    let run = Ironpulse::start(&nowhere, &["devices"]);
    let (code, _, stderr) = run.finish();
    assert_ne!(code, Some(0));
    assert!(
        stderr.lines().any(|l| l
            == "ironpulse: Bluetooth unavailable: cannot reach the system D-Bus (is the dbus \
                service running?)"),
        "{stderr}"
    );
}

/// The devices screen as a lifter uses it, in the real TUI: `d` scans and lists the strap with its
/// signal, Enter connects (and remembers it), the screen then shows where it is worn and its
/// battery, the live heart rate reaches the header, and `f` forgets it.
#[test]
fn the_devices_screen_scans_connects_shows_the_strap_and_forgets_it() {
    if tmux::skip() {
        return;
    }
    let Some((bus, fake)) = bus_with_strap() else {
        return;
    };
    // Often enough that the 1 s stale time never passes between two values.
    fake.stream(Duration::from_millis(200));
    let home = tempfile::tempdir().expect("a temporary home");
    let argv = tui_argv(&bus, home.path(), &["--hr", "off"]);
    let t = tmux::Tmux::new(120, 40, home.path(), &argv);
    // First run: fill in the profile (body weight, birth year, resting HR; the rest as offered).
    t.wait_for("Welcome to ironpulse");
    t.send(&["Enter"]);
    t.type_text("80");
    t.send(&["Enter", "Enter"]);
    t.type_text("1990");
    t.send(&["Enter", "Enter"]);
    t.type_text("55");
    t.send(&["Enter", "Enter", "Enter", "Enter", "Enter"]);
    t.wait_for("No session running.");

    t.send(&["d"]);
    t.wait_for_all(&["Polar H10 A1B2C3D4", "A0:9E:1A:00:00:01", "-58 dBm"]);
    t.send(&["Enter"]);
    let screen = t.wait_for_all(&[
        "Now: Polar H10 A1B2C3D4",
        "Remembered: A0:9E:1A:00:00:01",
        "Connected strap: worn on the chest, battery 87%",
    ]);
    assert!(
        screen.contains("• Polar H10 A1B2C3D4"),
        "marked as remembered:\n{screen}"
    );
    // The fake streams 120–129 bpm: the header shows it.
    t.wait_until("a heart rate in the header", |s| {
        s.lines()
            .next()
            .and_then(|h| h.split('♥').nth(1))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|n| n.parse::<u32>().ok())
            .is_some_and(|bpm| (120..=129).contains(&bpm))
    });
    t.send(&["f"]);
    let screen = t.wait_for_all(&["Strap forgotten", "Remembered: none"]);
    assert!(!screen.contains("Connected strap:"), "{screen}");
}

/// The system bus goes away mid-stream (its daemon is killed, and the fake `BlueZ` with it), then
/// comes back at the same address, `BlueZ` a little later: the monitor says each in words, keeps
/// trying, and streams again — no panic, no backtrace.
#[test]
fn the_bus_going_away_is_said_and_the_strap_streams_again_when_it_is_back() {
    let Some((mut bus, fake)) = bus_with_strap() else {
        return;
    };
    fake.stream(Duration::from_millis(50));
    let mut run = Ironpulse::monitor(bus.address(), "ble");
    run.wait_event("connected");
    run.wait_sample();
    bus.kill();
    drop(fake);
    let gone = run.wait_event("disconnected");
    assert_eq!(gone["reason"], "Bluetooth lost: the system bus went away");
    assert_eq!(run.wait_event("reconnecting")["attempt"], 1);
    // Still no bus: the same words, the next wait.
    let again = run.wait_event("disconnected");
    assert_eq!(again["reason"], "Bluetooth lost: the system bus went away");
    assert_eq!(run.wait_event("reconnecting")["attempt"], 2);
    run.assert_running();

    // The bus is back before BlueZ is: that is what is missing now.
    bus.restart();
    run.wait_for("BlueZ missing on the new bus", |v| {
        v["reason"]
            .as_str()
            .is_some_and(|r| r.starts_with("Bluetooth unavailable: BlueZ is not running"))
    });
    let fake = FakeBluez::start(bus.address(), polar_h10());
    fake.stream(Duration::from_millis(50));
    let back = run.wait_event("connected");
    assert_eq!(back["address"], "A0:9E:1A:00:00:01");
    run.wait_sample();
    assert_eq!(fake.connects(), 1, "connected to the new BlueZ");
    run.assert_running();
    let _ = run.child.kill();
    let (_, _, stderr) = run.finish();
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// The bus lost and back ten times: the monitor's memory does not grow with each loss (each lost
/// session, its D-Bus connection and streams, is freed; a panic report per loss once added
/// tens of MB). Measured: about 4 KB a loss once settled, like a plain reconnect's allocator noise.
#[test]
fn losing_the_bus_again_and_again_does_not_grow_the_monitor() {
    let Some((mut bus, fake)) = bus_with_strap() else {
        return;
    };
    fake.stream(Duration::from_millis(50));
    let mut run = Ironpulse::monitor(bus.address(), "ble");
    let mut fake = Some(fake);
    let mut rss = Vec::new();
    for _ in 0..10 {
        run.wait_event("connected");
        run.wait_sample();
        rss.push(resident_kib(run.child.id()));
        bus.kill();
        drop(fake.take());
        run.wait_for("the bus loss", |v| {
            v["reason"] == "Bluetooth lost: the system bus went away"
        });
        bus.restart();
        let next = FakeBluez::start(bus.address(), polar_h10());
        next.stream(Duration::from_millis(50));
        fake = Some(next);
    }
    run.wait_event("connected");
    run.wait_sample();
    rss.push(resident_kib(run.child.id()));
    // Allocator noise aside (a page batch of 128 KB now and then), nothing stays per loss.
    let settled = rss[2];
    let last = rss[rss.len() - 1];
    assert!(
        last <= settled + 1024,
        "resident memory after each return (KiB): {rss:?}"
    );
}

/// Resident memory of process `pid` in KiB, from `/proc`.
fn resident_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("/proc status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmRSS in /proc status")
}

/// The bus goes away in the middle of a session, in the real TUI: the terminal stays the app's
/// (alternate screen, keys read one by one: a set is still logged, and lands in the database),
/// the header says the bus went away, and once the bus is back the strap streams into the header
/// again.
#[test]
fn losing_the_bus_mid_session_keeps_the_app_and_the_strap_comes_back() {
    if tmux::skip() {
        return;
    }
    let Some((mut bus, fake)) = bus_with_strap() else {
        return;
    };
    fake.stream(Duration::from_millis(200));
    let home = tempfile::tempdir().expect("a temporary home");
    let db = home.path().join("data/ironpulse/ironpulse.db");
    std::fs::create_dir_all(db.parent().expect("a parent")).expect("the data folder");
    Store::open(&db)
        .and_then(|store| store.save_profile(&fixtures::profile()))
        .expect("save a profile");
    let argv = tui_argv(&bus, home.path(), &["--hr", "ble:h10"]);
    let t = tmux::Tmux::new(120, 40, home.path(), &argv);
    t.wait_for("No session running.");
    t.send(&["s"]);
    t.wait_for("Add exercise — type to search");
    t.type_text("squat");
    t.wait_for("> squat");
    t.send(&["Enter"]);
    t.wait_for("Set — Back Squat");
    t.wait_until("the strap's heart rate in the header", |s| {
        header_bpm(s).is_some_and(|bpm| (120..=129).contains(&bpm))
    });

    bus.kill();
    drop(fake);
    let screen = t.wait_until("the header to say the bus went away", |s| {
        s.lines()
            .next()
            .is_some_and(|h| h.contains("♥ Bluetooth lost: the system bus went away"))
    });
    assert!(!screen.contains("panicked"), "{screen}");
    assert_eq!(t.format("#{alternate_on}"), "1", "still the app's screen");
    // Keys still arrive one at a time (raw mode): the line shows them before Enter.
    t.type_text("100x5");
    t.wait_for("> 100x5");
    t.send(&["Enter"]);
    t.wait_until("the set in the table", |s| {
        s.lines().any(|line| {
            let words: Vec<&str> = line.split_whitespace().collect();
            words.join(" ").contains("1 work 100 kg 5")
        })
    });

    bus.restart();
    let fake = FakeBluez::start(bus.address(), polar_h10());
    fake.stream(Duration::from_millis(200));
    let screen = t.wait_until("the heart rate back in the header", |s| {
        header_bpm(s).is_some_and(|bpm| (120..=129).contains(&bpm))
    });
    assert!(!screen.contains("panicked"), "{screen}");
    assert_eq!(fake.connects(), 1);

    tmux::signal(t.pane_pid(), "TERM");
    t.wait_until("ironpulse to exit", |_| t.pane_dead());
    let sets: Vec<(f64, i64)> = rusqlite::Connection::open(&db)
        .expect("open the database")
        .prepare("SELECT weight_kg, reps FROM set_entry")
        .and_then(|mut stmt| {
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()
        })
        .expect("read the sets");
    assert_eq!(sets, vec![(100.0, 5)]);
}

/// The TUI's command line for tmux: a clean environment in `home`, the private bus and [`FAST`].
fn tui_argv(bus: &PrivateBus, home: &std::path::Path, extra: &[&str]) -> Vec<std::ffi::OsString> {
    let mut argv: Vec<std::ffi::OsString> = vec!["env".into()];
    argv.extend(
        [
            "-u",
            "IRONPULSE_DB",
            "-u",
            "IRONPULSE_LOG",
            "-u",
            "NO_COLOR",
        ]
        .map(Into::into),
    );
    argv.push(format!("DBUS_SYSTEM_BUS_ADDRESS={}", bus.address()).into());
    argv.push(format!("IRONPULSE_BLE_TIMING={FAST}").into());
    for (key, sub) in [
        ("HOME", "home"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
    ] {
        let mut pair = std::ffi::OsString::from(format!("{key}="));
        pair.push(home.join(sub));
        argv.push(pair);
    }
    argv.push(BIN.into());
    argv.extend(extra.iter().map(Into::into));
    argv
}

/// The BPM in the header badge (`♥ 142 Z3`), if there is one.
fn header_bpm(screen: &str) -> Option<u32> {
    screen
        .lines()
        .next()?
        .split('♥')
        .nth(1)?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}
