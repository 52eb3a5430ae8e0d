//! `ironpulse hr …` through the real binary, with `HOME` and `XDG_*` in a temporary directory so
//! no profile is found unless a test writes one.

#[path = "support/cli.rs"]
mod cli;
#[path = "support/tmux.rs"]
mod tmux;

use std::ffi::OsString;
use std::path::Path;
use std::time::{Duration, Instant};

use ironpulse::core::profile::Profile;
use ironpulse::store::Store;

use cli::Sandbox;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hr/short.hr");
const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample.hr");

fn lines(text: &str) -> Vec<&str> {
    text.lines().collect()
}

/// Whether a `hr monitor --json` line is a sample (link events and the config have an `event`).
fn is_sample(line: &str) -> bool {
    line.starts_with(r#"{"at_ms""#) && !line.contains(r#""event":"#)
}

/// `hr monitor --json` lines with the `at_ms` of link events taken out, after checking that every
/// event has one and that a link event's (its arrival, on the samples' clock) is never before
/// the sample that came ahead of it. A fast replay's arrival times depend on the scheduler.
fn without_link_times(text: &str) -> Vec<String> {
    let mut last_sample = 0;
    text.lines()
        .map(|line| {
            let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
            if v["event"] == "config" {
                assert!(v.get("at_ms").is_none(), "{line}");
                return line.to_owned();
            }
            let at = v["at_ms"]
                .as_u64()
                .unwrap_or_else(|| panic!("no at_ms: {line}"));
            if v.get("event").is_none() {
                last_sample = at;
                return line.to_owned();
            }
            assert!(
                at >= last_sample,
                "{line} is before the sample at {last_sample}"
            );
            v.as_object_mut().unwrap().remove("at_ms");
            v.to_string()
        })
        .collect()
}

#[test]
fn decode_prints_the_science_md_packets_as_json() {
    let s = Sandbox::new();
    let run = s.run(&["hr", "decode", "163c1104", "063C", "--json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        lines(&run.stdout),
        [
            r#"{"bpm":60,"contact":true,"energy_kj":null,"rr_ms":[1016.6]}"#,
            r#"{"bpm":60,"contact":true,"energy_kj":null,"rr_ms":[]}"#,
        ]
    );
}

#[test]
fn decode_reads_separate_bytes_as_one_packet() {
    let s = Sandbox::new();
    let run = s.run(&["hr", "decode", "16", "3C", "11", "04", "--json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "{\"bpm\":60,\"contact\":true,\"energy_kj\":null,\"rr_ms\":[1016.6]}\n"
    );
}

#[test]
fn decode_of_an_invalid_packet_exits_2_with_the_reason() {
    let s = Sandbox::new();
    let run = s.run(&["hr", "decode", "16"]);
    assert_eq!(run.code, Some(2));
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr.trim(),
        "ironpulse: 16: heart-rate packet is too short: its flags need 2 bytes, it has 1"
    );
    let run = s.run(&["hr", "decode", "063c", "nothex"]);
    assert_eq!(run.code, Some(2));
    assert_eq!(run.stdout, "063c  60 bpm, skin contact\n");
    assert!(
        run.stderr.contains("nothex: not a packet in hex"),
        "{}",
        run.stderr
    );
}

#[test]
fn monitor_streams_the_fixture_with_zones_and_hrtss() {
    let s = Sandbox::new();
    let source = format!("replay:{FIXTURE}");
    let run = s.run(&[
        "hr", "monitor", "--hr", &source, "--json", "--speed", "1000",
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    // The stale event's time is the silence's end; contact lost came with the sample at 3 s.
    for stamped in [
        r#"{"at_ms":8000,"event":"stale","silent_for_s":5.0}"#,
        r#"{"at_ms":3000,"event":"contact_lost"}"#,
    ] {
        assert!(run.stdout.contains(stamped), "{stamped} in {}", run.stdout);
    }
    // Defaults max 190, rest 60, LTHR 171 (90 % of max), male. 150 bpm is 69 % of HRR (Z2);
    // its first sample stands for 5 s (the 7 s gap is capped): TRIMP 5/60 · 0.692 · 0.64 ·
    // e^(1.92 · 0.692) = 0.1395, over 60 · 0.854 · 0.64 · e^(1.92 · 0.854) = 168.9 → 0.08;
    // one more second → 0.10. RMSSD restarts after the gap: |406.25 − 400.39| = 5.9 ms.
    assert_eq!(
        without_link_times(&run.stdout),
        [
            r#"{"event":"config","from":"defaults","lthr":171,"max":190,"rest":60,"sex":"m","source":"replay of short.hr","speed":1000.0,"zones":"karvonen"}"#,
            r#"{"address":null,"event":"connected","name":"replay of short.hr"}"#,
            r#"{"at_ms":0,"bpm":60,"contact":true,"energy_kj":null,"hrtss":0.0,"rmssd":null,"rr_ms":[],"zone":"Z0"}"#,
            r#"{"at_ms":1000,"bpm":60,"contact":true,"energy_kj":null,"hrtss":0.0,"rmssd":null,"rr_ms":[1016.6],"zone":"Z0"}"#,
            r#"{"event":"invalid_packet","reason":"heart-rate packet is too short: its flags need 2 bytes, it has 1"}"#,
            r#"{"event":"contact_lost"}"#,
            r#"{"at_ms":3000,"bpm":null,"contact":false,"energy_kj":null,"hrtss":0.0,"rmssd":null,"rr_ms":[],"zone":null}"#,
            r#"{"event":"stale","silent_for_s":5.0}"#,
            r#"{"at_ms":10000,"bpm":150,"contact":true,"energy_kj":null,"hrtss":0.08,"rmssd":null,"rr_ms":[400.4],"zone":"Z2"}"#,
            r#"{"at_ms":11000,"bpm":150,"contact":true,"energy_kj":400,"hrtss":0.1,"rmssd":5.9,"rr_ms":[406.3],"zone":"Z2"}"#,
            r#"{"event":"disconnected","reason":"end of recording"}"#,
        ]
    );
}

#[test]
fn monitor_uses_the_profile_unless_flags_are_given() {
    let s = Sandbox::new();
    let db = s.path("data/ironpulse/ironpulse.db");
    {
        let store = Store::open(&db).unwrap();
        store
            .save_profile(&Profile::example().female().hr(180, 50).lthr(160))
            .unwrap();
    }
    let source = format!("replay:{FIXTURE}");
    let args = [
        "hr", "monitor", "--hr", &source, "--json", "--speed", "1000",
    ];
    let run = s.run(&args);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stdout.starts_with(
            r#"{"event":"config","from":"profile","lthr":160,"max":180,"rest":50,"sex":"f","#
        ),
        "{}",
        run.stdout
    );
    // 150 bpm is 77 % of this reserve: Z3.
    assert!(run.stdout.contains(r#""bpm":150,"#) && run.stdout.contains(r#""zone":"Z3"}"#));

    let mut with_flag = args.to_vec();
    with_flag.extend(["--max", "200"]);
    let run = s.run(&with_flag);
    assert!(
        run.stdout.starts_with(
            r#"{"event":"config","from":"flags","lthr":180,"max":200,"rest":60,"sex":"m","#
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn monitor_follows_the_profiles_friel_zones_and_the_zones_flag() {
    let s = Sandbox::new();
    let db = s.path("data/ironpulse/ironpulse.db");
    {
        let store = Store::open(&db).unwrap();
        store
            .save_profile(
                &Profile::example()
                    .hr(185, 50)
                    .lthr(145)
                    .zones(ironpulse::core::profile::ZoneKind::FrielRun),
            )
            .unwrap();
    }
    let source = format!("replay:{FIXTURE}");
    let args = [
        "hr", "monitor", "--hr", &source, "--json", "--speed", "1000",
    ];
    let run = s.run(&args);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let out = lines(&run.stdout);
    assert!(out[0].ends_with(r#""zones":"friel_run"}"#), "{}", out[0]);
    // Friel run on LTHR 145: 60 bpm (41 %) is Z1, 150 bpm (103.4 %) is Z5b.
    assert!(
        out[2].contains(r#""bpm":60,"#) && out[2].ends_with(r#""zone":"Z1"}"#),
        "{}",
        out[2]
    );
    assert!(
        out[8].contains(r#""bpm":150,"#) && out[8].ends_with(r#""zone":"Z5b"}"#),
        "{}",
        out[8]
    );

    // The flag replaces the profile: defaults (LTHR 171) with the cycling table, 150 bpm = 87.7 %
    // is Z2 (81–89 %).
    let mut bike = args.to_vec();
    bike.extend(["--zones", "friel-bike"]);
    let run = s.run(&bike);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let out = lines(&run.stdout);
    assert!(
        out[0].contains(r#""from":"flags","lthr":171,"#)
            && out[0].ends_with(r#""zones":"friel_bike"}"#),
        "{}",
        out[0]
    );
    assert!(
        out[8].contains(r#""bpm":150,"#) && out[8].ends_with(r#""zone":"Z2"}"#),
        "{}",
        out[8]
    );

    let mut bad = args.to_vec();
    bad.extend(["--zones", "edwards"]);
    let run = s.run(&bad);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr
            .contains("zones must be karvonen, friel-run or friel-bike"),
        "{}",
        run.stderr
    );
}

#[test]
fn record_then_replay_round_trips() {
    let s = Sandbox::new();
    let file = s.path("session.hr");
    let file_arg = file.to_str().unwrap();
    let record = s.run(&[
        "hr",
        "record",
        file_arg,
        "--hr",
        "sim:5",
        "--duration",
        "30",
        "--speed",
        "1000",
    ]);
    assert_eq!(record.code, Some(0), "{}", record.stderr);
    assert!(
        record.stdout.starts_with("recorded 30 samples (0:30) to "),
        "{}",
        record.stdout
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("# ironpulse heart-rate recording"));
    assert!(text.contains("\n# source: simulated strap (seed 5)\n"));

    let live = s.run(&[
        "hr",
        "monitor",
        "--hr",
        "sim:5",
        "--json",
        "--duration",
        "30",
        "--speed",
        "1000",
    ]);
    let replay_source = format!("replay:{file_arg}");
    let replayed = s.run(&[
        "hr",
        "monitor",
        "--hr",
        &replay_source,
        "--json",
        "--speed",
        "1000",
    ]);
    assert_eq!(replayed.code, Some(0), "{}", replayed.stderr);
    let samples = |out: &str| -> Vec<String> {
        out.lines()
            .filter(|l| is_sample(l))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(samples(&live.stdout).len(), 30);
    assert_eq!(samples(&live.stdout), samples(&replayed.stdout));
    assert!(
        without_link_times(&replayed.stdout)
            .last()
            .is_some_and(|l| l == r#"{"event":"disconnected","reason":"end of recording"}"#),
        "{}",
        replayed.stdout
    );

    let again = s.run(&["hr", "record", file_arg, "--duration", "1"]);
    assert_eq!(again.code, Some(2));
    assert!(
        again.stderr.contains("refusing to overwrite"),
        "{}",
        again.stderr
    );
}

#[test]
fn the_sample_recording_replays_for_five_minutes() {
    let s = Sandbox::new();
    let source = format!("replay:{SAMPLE}");
    let run = s.run(&[
        "hr", "monitor", "--hr", &source, "--json", "--speed", "100000",
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let samples = run.stdout.lines().filter(|l| is_sample(l)).count();
    assert_eq!(samples, 300);
    assert!(!run.stdout.contains("invalid_packet") && !run.stdout.contains("stale"));
}

#[test]
fn a_duration_stops_a_replay_early() {
    let s = Sandbox::new();
    let source = format!("replay:{FIXTURE}");
    let run = s.run(&[
        "hr",
        "monitor",
        "--hr",
        &source,
        "--json",
        "--speed",
        "1000",
        "--duration",
        "5",
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    // The stale event comes at 8 s of source time (5 s after the sample at 3 s): past the limit.
    let last = run.stdout.lines().last().unwrap();
    assert!(last.starts_with(r#"{"at_ms":3000,"#), "{}", run.stdout);
    assert!(!run.stdout.contains("stale"));
}

/// `s`'s binary with `args`, on a system bus that does not exist: no D-Bus, so no Bluetooth.
fn without_a_bus(s: &Sandbox, args: &[&str]) -> cli::Run {
    let nowhere = format!("unix:path={}", s.path("no-bus.sock").display());
    let mut command = s.command(args);
    command.env("DBUS_SYSTEM_BUS_ADDRESS", nowhere);
    cli::Run::from(command.output().unwrap())
}

const NO_BUS: &str = "ironpulse: no heart rate from Bluetooth LE (first strap found): Bluetooth \
                      unavailable: cannot reach the system D-Bus";

#[test]
fn monitor_without_bluetooth_exits_1_saying_why() {
    let s = Sandbox::new();
    let run = without_a_bus(&s, &["hr", "monitor", "--hr", "ble", "--json"]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    assert!(run.stderr.starts_with(NO_BUS), "{}", run.stderr);
    assert!(
        run.stderr
            .trim_end()
            .ends_with("see \"Troubleshooting Bluetooth\" in the README, or try --hr sim"),
        "{}",
        run.stderr
    );
    // The event is there too, stamped like every event.
    let last: serde_json::Value = serde_json::from_str(run.stdout.lines().last().unwrap()).unwrap();
    assert_eq!(last["event"], "disconnected");
    assert!(last["at_ms"].is_u64(), "{last}");
    let text = without_a_bus(&s, &["hr", "monitor", "--hr", "ble"]);
    assert_eq!(text.code, Some(1));
    assert!(text.stderr.starts_with(NO_BUS), "{}", text.stderr);
}

#[test]
fn record_without_bluetooth_exits_1_and_leaves_no_file() {
    let s = Sandbox::new();
    let file = s.path("never.hr");
    let run = without_a_bus(&s, &["hr", "record", file.to_str().unwrap(), "--hr", "ble"]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    assert!(run.stderr.starts_with(NO_BUS), "{}", run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(
        !file.exists(),
        "a recording without heart rate was left behind"
    );
}

#[test]
fn bad_sources_are_refused_clearly() {
    // Bluetooth (available or not) is covered against a fake BlueZ in tests/ble_e2e.rs.
    let s = Sandbox::new();
    let run = s.run(&["hr", "monitor", "--hr", "wahoo"]);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.contains("unknown heart-rate source"),
        "{}",
        run.stderr
    );

    let bad = s.path("bad.hr");
    std::fs::write(&bad, "0 063c\n1000 06z\n").unwrap();
    let source = format!("replay:{}", bad.display());
    let run = s.run(&[
        "hr",
        "record",
        s.path("out.hr").to_str().unwrap(),
        "--hr",
        &source,
    ]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("line 2: "), "{}", run.stderr);
    assert!(
        !Path::new(&s.path("out.hr")).exists(),
        "nothing written for a refused source"
    );
}

/// `--speed N` (and its old name `--hr-speed`) plays a replay N× faster in the terminal UI: the
/// 11 s fixture ends within a few seconds at 1000× (at real time it would take 11 s, longer than
/// the screen wait allows).
#[test]
fn the_tui_plays_a_replay_at_the_given_speed() {
    if tmux::skip() {
        return;
    }
    for flag in ["--speed", "--hr-speed"] {
        let s = Sandbox::new();
        let mut argv: Vec<OsString> = ["env", "-u", "IRONPULSE_DB", "-u", "IRONPULSE_LOG"]
            .map(OsString::from)
            .to_vec();
        for (key, dir) in [
            ("HOME", "home"),
            ("XDG_CONFIG_HOME", "config"),
            ("XDG_DATA_HOME", "data"),
            ("XDG_STATE_HOME", "state"),
        ] {
            let mut pair = OsString::from(format!("{key}="));
            pair.push(s.path(dir));
            argv.push(pair);
        }
        argv.push(env!("CARGO_BIN_EXE_ironpulse").into());
        let source = format!("replay:{FIXTURE}");
        argv.extend(["--hr", &source, flag, "1000"].map(OsString::from));
        let started = Instant::now();
        let t = tmux::Tmux::new(100, 30, s.root(), &argv);
        t.wait_for("end of recording");
        assert!(
            started.elapsed() < Duration::from_secs(6),
            "{flag} 1000: the 11 s replay took {:?}",
            started.elapsed()
        );
    }
    // A bad value is refused before the terminal is touched, naming the range.
    let run = Sandbox::new().run(&["--speed", "0"]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("from 0.01 to 100000"), "{}", run.stderr);
}

#[test]
fn speed_is_documented_on_the_tui_and_hr_monitor() {
    let s = Sandbox::new();
    for args in [&["tui", "--help"][..], &["hr", "monitor", "--help"]] {
        let run = s.run(args);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        assert!(
            run.stdout.contains("--speed <N>"),
            "{args:?}: {}",
            run.stdout
        );
        assert!(
            run.stdout.contains("also --hr-speed"),
            "{args:?}: {}",
            run.stdout
        );
    }
    // The old name still works on `hr monitor` too.
    let source = format!("replay:{FIXTURE}");
    let run = s.run(&[
        "hr",
        "monitor",
        "--hr",
        &source,
        "--json",
        "--hr-speed",
        "1000",
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stdout.contains(r#""speed":1000.0"#), "{}", run.stdout);
}
