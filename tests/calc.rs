//! `ironpulse calc …` through the real binary: every calculator against the published checks in
//! science.md, and every kind of bad input refused with exit code 2 and a one-line reason.

#[path = "support/cli.rs"]
mod cli;

use std::fmt::Write as _;
use std::path::PathBuf;

use serde_json::Value;

use cli::{Run, Sandbox};

/// A throwaway home so the binary never touches the user's config, data or logs.
struct Calc {
    sandbox: Sandbox,
}

impl Calc {
    fn new() -> Self {
        Self {
            sandbox: Sandbox::new(),
        }
    }

    fn run(&self, args: &[&str]) -> Run {
        let mut command = self.sandbox.command(&["calc"]);
        Run::from(command.args(args).output().unwrap())
    }

    /// The JSON object printed for `args --json`; the command must succeed.
    #[track_caller]
    fn json(&self, args: &[&str]) -> Value {
        let mut args = args.to_vec();
        args.push("--json");
        let out = self.run(&args);
        assert_eq!(out.code, Some(0), "{args:?}\nstderr: {}", out.stderr);
        assert_eq!(
            out.stdout.lines().count(),
            1,
            "one JSON line: {}",
            out.stdout
        );
        let value: Value = serde_json::from_str(&out.stdout).unwrap();
        assert!(value.is_object(), "{value}");
        value
    }

    /// The text answer for `args`; the command must succeed.
    #[track_caller]
    fn text(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(out.code, Some(0), "{args:?}\nstderr: {}", out.stderr);
        out.stdout
    }

    /// `args` must exit 2 with one line on stderr containing `reason`, and print nothing.
    #[track_caller]
    fn refuses(&self, args: &[&str], reason: &str) {
        let out = self.run(args);
        assert_eq!(out.code, Some(2), "{args:?}\nstdout: {}", out.stdout);
        assert!(out.stdout.is_empty(), "{args:?}: {}", out.stdout);
        assert_eq!(out.stderr.lines().count(), 1, "{args:?}: {}", out.stderr);
        assert!(
            out.stderr.starts_with("ironpulse: ") && out.stderr.contains(reason),
            "{args:?}: expected {reason:?} in {:?}",
            out.stderr
        );
    }

    /// A file in the sandbox with `text` in it.
    fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.sandbox.path(name);
        std::fs::write(&path, text).unwrap();
        path
    }
}

#[track_caller]
fn num(value: &Value, key: &str) -> f64 {
    value[key]
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is not a number in {value}"))
}

#[track_caller]
fn close(got: f64, expected: f64, tolerance: f64) {
    assert!(
        (got - expected).abs() <= tolerance,
        "got {got}, expected {expected} ± {tolerance}"
    );
}

#[track_caller]
fn numbers(value: &Value) -> Vec<f64> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {value}"))
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect()
}

fn path_str(path: &std::path::Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn every_calculator_has_help_with_examples() {
    let calc = Calc::new();
    for sub in [
        "e1rm", "rpe", "load", "plates", "warmup", "dots", "wilks", "hrmax", "zones", "hrtss",
        "hrv", "pmc", "acwr", "vdot", "race", "paces",
    ] {
        let help = calc.text(&[sub, "--help"]);
        assert!(
            help.contains(&format!("Examples:\n  ironpulse calc {sub}")),
            "{sub}:\n{help}"
        );
    }
    let top = calc.text(&["--help"]);
    assert!(top.contains("e1rm") && top.contains("--json"), "{top}");
    assert_eq!(calc.run(&[]).code, Some(2), "a calculator must be named");
}

#[test]
fn e1rm_hundred_by_ten_by_every_formula_science_md() {
    let calc = Calc::new();
    let all = calc.json(&["e1rm", "100x10", "--formula", "all"]);
    close(num(&all, "epley"), 133.33, 1e-9);
    close(num(&all, "brzycki"), 133.33, 1e-9);
    close(num(&all, "lombardi"), 125.89, 1e-9);
    assert_eq!(all.as_object().unwrap().len(), 7, "{all}");
    let one = calc.json(&["e1rm", "100x10", "--formula", "Lombardi"]);
    assert_eq!(one, serde_json::json!({ "e1rm": 125.89 }));
}

#[test]
fn e1rm_defaults_brzycki_then_epley_then_the_rts_chart() {
    let calc = Calc::new();
    close(num(&calc.json(&["e1rm", "100x10"]), "e1rm"), 133.33, 1e-9);
    // 12 reps: Epley, 100 · (1 + 12/30) = 140.
    close(num(&calc.json(&["e1rm", "100x12"]), "e1rm"), 140.0, 1e-9);
    // 5 @ RPE 8 is 81.1 % of 1RM: 100 / 0.811 = 123.30.
    close(
        num(&calc.json(&["e1rm", "100x5", "--rpe", "8"]), "e1rm"),
        123.3,
        1e-9,
    );
    // An RPE under the chart falls back to the formula: Brzycki 100 · 36/32 = 112.5.
    close(
        num(&calc.json(&["e1rm", "100x5", "--rpe", "5"]), "e1rm"),
        112.5,
        1e-9,
    );
    // Pounds in, pounds out: Epley 225 · (1 + 5/30) = 262.5 lb.
    let lb = calc.json(&["e1rm", "225x5", "--unit", "lb", "--formula", "epley"]);
    close(num(&lb, "e1rm"), 262.5, 1e-9);
    let text = calc.text(&["e1rm", "100x5", "--rpe", "8"]);
    assert_eq!(
        text.trim(),
        "e1RM 123.3 kg (RTS chart: 5 @ RPE 8 is 81.1 % of 1RM)"
    );
    assert_eq!(
        calc.text(&["e1rm", "100x1"]).trim(),
        "e1RM 100 kg (brzycki)"
    );
}

#[test]
fn e1rm_takes_the_set_as_the_entry_line_does() {
    let calc = Calc::new();
    // The case, refused once: a unit for this set only. Brzycki 225 · 36/32 = 253.125 lb,
    // answered in the unit the set names.
    close(num(&calc.json(&["e1rm", "225lbx5"]), "e1rm"), 253.13, 1e-9);
    assert_eq!(
        calc.text(&["e1rm", "225lbx5"]).trim(),
        "e1RM 253.13 lb (brzycki)"
    );
    // --unit still decides: 253.125 lb in kg.
    close(
        num(&calc.json(&["e1rm", "225lbx5", "--unit", "kg"]), "e1rm"),
        253.125 * 0.453_592_37,
        0.005,
    );
    // The RPE in the set is the same as --rpe; RIR 2 is RPE 8.
    for set in ["100x5@8", "100x5 @ 8", "100x5rpe8", "100x5r2", "100×5@8"] {
        assert_eq!(
            calc.text(&["e1rm", set]).trim(),
            "e1RM 123.3 kg (RTS chart: 5 @ RPE 8 is 81.1 % of 1RM)",
            "{set}"
        );
    }
    // A decimal comma and a set kind, as typed in the gym.
    close(num(&calc.json(&["e1rm", "w 102,5x1"]), "e1rm"), 102.5, 1e-9);
    // Body weight plus 20 kg: 100 kg × 8 reps, Brzycki 100 · 36/29.
    close(
        num(
            &calc.json(&["e1rm", "bw+20x8", "--bodyweight", "80"]),
            "e1rm",
        ),
        100.0 * 36.0 / 29.0,
        0.005,
    );
}

#[test]
fn e1rm_bad_input_exits_2_with_the_reason() {
    let calc = Calc::new();
    // The set is read by the entry line's parser, with its words.
    calc.refuses(
        &["e1rm", "100x0"],
        "\"100x0\" is not a set: reps must be 1–100, got 0",
    );
    calc.refuses(&["e1rm", "100x13"], "no e1RM above 12 reps (got 13)");
    calc.refuses(
        &["e1rm", "100x13", "--formula", "lander"],
        "no e1RM above 12 reps",
    );
    calc.refuses(
        &["e1rm", "100x5", "--rpe", "11"],
        "RPE must be 1–10 in half steps, got 11",
    );
    calc.refuses(&["e1rm", "-100x5"], "no earlier set to add to or take from");
    calc.refuses(&["e1rm", "5000x5"], "weight must be at most 1000 kg");
    calc.refuses(&["e1rm", "800x10"], "the e1RM would be above 1000 kg");
    calc.refuses(
        &["e1rm", "100-5"],
        "\"100-5\" is not a set: missing 'x' and reps after the weight — e.g. 100x8",
    );
    calc.refuses(
        &["e1rm", "45s"],
        "\"45s\" has no reps to estimate from: type weight x reps, e.g. 100x5",
    );
    // Once "got inf kg".
    calc.refuses(
        &["e1rm", "1e308x1"],
        "\"1e308\" is not a weight a lifter can type: write it in digits, e.g. 100x5",
    );
    calc.refuses(
        &["e1rm", "100x5@8", "--rpe", "9"],
        "the set says RPE 8 and --rpe says 9: give it once",
    );
    calc.refuses(
        &["e1rm", "bw+20x8"],
        "\"bw+20x8\" is a body-weight set: give your body weight with --bodyweight",
    );
    calc.refuses(
        &["e1rm", "100x5", "--formula", "guess"],
        "unknown formula \"guess\": choose brzycki, epley, lombardi",
    );
}

#[test]
fn rpe_takes_reps_and_rpe_as_flags_like_load_and_e1rm() {
    let calc = Calc::new();
    assert_eq!(
        calc.text(&["rpe", "--reps", "5", "--rpe", "8"]),
        calc.text(&["rpe", "5", "8"])
    );
    close(
        num(
            &calc.json(&["rpe", "--rpe", "9.5", "--reps", "3"]),
            "percent",
        ),
        num(&calc.json(&["rpe", "3", "9.5"]), "percent"),
        1e-12,
    );
    calc.refuses(
        &["rpe", "--reps", "5", "--rpe", "11"],
        "--rpe: RPE must be 1–10 in half steps, got 11",
    );
    let out = calc.run(&["rpe", "--reps", "5"]);
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.contains("--rpe <P>"), "{}", out.stderr);
}

#[test]
fn rpe_chart_and_loads_tuchscherer() {
    let calc = Calc::new();
    close(num(&calc.json(&["rpe", "5", "8"]), "percent"), 81.1, 1e-9);
    close(num(&calc.json(&["rpe", "1", "10"]), "percent"), 100.0, 1e-9);
    close(
        num(&calc.json(&["rpe", "12", "6.5"]), "percent"),
        58.6,
        1e-9,
    );
    assert_eq!(
        calc.text(&["rpe", "5", "8"]).trim(),
        "5 reps @ RPE 8 = 81.1 % of 1RM"
    );
    let load = calc.json(&["load", "--e1rm", "200", "--reps", "5", "--rpe", "8"]);
    close(num(&load, "load"), 162.2, 1e-9);
    calc.refuses(
        &["rpe", "5", "11"],
        "RPE must be 1–10 in half steps, got 11",
    );
    calc.refuses(
        &["rpe", "5", "-1"],
        "RPE must be 1–10 in half steps, got -1",
    );
    calc.refuses(
        &["rpe", "13", "8"],
        "the RPE chart covers 1–12 reps, got 13",
    );
    calc.refuses(&["rpe", "0", "8"], "the RPE chart covers 1–12 reps, got 0");
    calc.refuses(&["rpe", "5", "6"], "the RPE chart covers RPE 6.5–10, got 6");
    calc.refuses(
        &["load", "--e1rm", "-5", "--reps", "5", "--rpe", "8"],
        "--e1rm: weight cannot be negative",
    );
    calc.refuses(
        &["load", "--e1rm", "200", "--reps", "5", "--rpe", "8.3"],
        "got 8.3",
    );
}

#[test]
fn plates_find_the_nearest_load_and_its_plates() {
    let calc = Calc::new();
    let hundred = calc.json(&["plates", "100"]);
    assert_eq!(numbers(&hundred["per_side"]), [25.0, 15.0]);
    close(num(&hundred, "achieved"), 100.0, 1e-9);
    assert_eq!(hundred["unit"], "kg");
    // 101 is nearer 100 than 102.5.
    let between = calc.json(&["plates", "101"]);
    close(num(&between, "achieved"), 100.0, 1e-9);
    close(num(&between, "below"), 100.0, 1e-9);
    close(num(&between, "above"), 102.5, 1e-9);
    // Greedy heaviest-first cannot make 60 from 15s and 10s; 10 + 10 a side does.
    let odd = calc.json(&["plates", "60", "--plates", "15,10"]);
    assert_eq!(numbers(&odd["per_side"]), [10.0, 10.0]);
    let lb = calc.json(&["plates", "315", "--unit", "lb"]);
    assert_eq!(numbers(&lb["per_side"]), [45.0, 45.0, 45.0]);
    close(num(&lb, "achieved"), 315.0, 1e-9);
    // Under the bar: the empty bar, nothing below it.
    let light = calc.json(&["plates", "10"]);
    assert_eq!(numbers(&light["per_side"]), Vec::<f64>::new());
    close(num(&light, "achieved"), 20.0, 1e-9);
    assert!(light["below"].is_null());
    assert_eq!(
        calc.text(&["plates", "100"]).trim(),
        "100 kg: 25 + 15 a side on a 20 kg bar"
    );
    calc.refuses(
        &["plates", "-20"],
        "load: weight cannot be negative, got -20",
    );
    // Every load past the record hears of the record, never of the 1000 kg any weight is held to.
    calc.refuses(
        &["plates", "2000"],
        "load: 2000 kg is more than anyone has ever lifted (record: 635.48 kg",
    );
    calc.refuses(
        &["warmup", "1001"],
        "load: 1001 kg is more than anyone has ever lifted (record: 635.48 kg",
    );
    // Once 19 × 25 a side without a word: past the heaviest lift ever made there is no plan.
    calc.refuses(
        &["plates", "1000"],
        "load: 1000 kg is more than anyone has ever lifted (record: 635.48 kg, a 2023 bench)",
    );
    calc.refuses(
        &["plates", "1500", "--unit", "lb"],
        "load: 1500 lb is more than anyone has ever lifted (record: 1401 lb",
    );
    // Once "(at most 1000 kg)" beside a record of 635.48 kg.
    calc.refuses(
        &["plates", "1e308"],
        "load: 1e308 is not a weight a lifter can type: give it in kg, e.g. 100 (at most 635.48 \
         kg)",
    );
    calc.refuses(
        &["warmup", "1e308", "--unit", "lb"],
        "load: 1e308 is not a weight a lifter can type: give it in lb, e.g. 100 (at most 1401 lb)",
    );
    calc.refuses(
        &["plates", "inf"],
        "load: inf is not a weight a lifter can type: give it in kg, e.g. 100 (at most 635.48 kg)",
    );
    // The record itself is a load someone has lifted.
    assert!(
        calc.text(&["plates", "1401", "--unit", "lb"])
            .starts_with("1400 lb: "),
    );
    calc.refuses(
        &["plates", "100", "--plates", "20,0"],
        "--plates: must be more than 0 kg, got 0",
    );
    calc.refuses(
        &["plates", "100", "--bar", "-5"],
        "--bar: weight cannot be negative",
    );
}

#[test]
fn warmups_ramp_to_the_working_weight() {
    let calc = Calc::new();
    let ramp = |args: &[&str]| -> Vec<(f64, u64)> {
        calc.json(args)["sets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| (s["weight"].as_f64().unwrap(), s["reps"].as_u64().unwrap()))
            .collect()
    };
    assert_eq!(
        ramp(&["warmup", "100"]),
        [(20.0, 10), (40.0, 5), (60.0, 3), (80.0, 1)]
    );
    assert_eq!(
        ramp(&["warmup", "225", "--unit", "lb"]),
        [(45.0, 10), (90.0, 5), (135.0, 3), (180.0, 1)]
    );
    assert_eq!(ramp(&["warmup", "20"]), []);
    assert_eq!(
        calc.text(&["warmup", "60"]),
        "20 kg x 10\n22.5 kg x 5\n35 kg x 3\n47.5 kg x 1\n"
    );
    calc.refuses(&["warmup", "-5"], "weight cannot be negative");
    calc.refuses(
        &["warmup", "700"],
        "load: 700 kg is more than anyone has ever lifted",
    );
    calc.refuses(
        &["warmup", "100", "--plates", "-2.5"],
        "--plates: weight cannot be negative",
    );
}

#[test]
fn hrmax_tanaka_and_fox_agree_at_forty_science_md() {
    let calc = Calc::new();
    close(
        num(&calc.json(&["hrmax", "--age", "40"]), "hrmax"),
        180.0,
        1e-9,
    );
    let fox = calc.json(&["hrmax", "--age", "40", "--formula", "fox"]);
    close(num(&fox, "hrmax"), 180.0, 1e-9);
    close(
        num(&calc.json(&["hrmax", "--age", "30"]), "hrmax"),
        187.0,
        1e-9,
    );
    let fox = calc.json(&["hrmax", "--age", "30", "--formula", "fox"]);
    close(num(&fox, "hrmax"), 190.0, 1e-9);
    calc.refuses(
        &["hrmax", "--age", "150"],
        "--age: must be 10–100 years, got 150",
    );
}

#[test]
fn zones_karvonen_and_friel() {
    let calc = Calc::new();
    let k = calc.json(&["zones", "--max", "190", "--rest", "50"]);
    let zones = k["zones"].as_array().unwrap();
    let labels: Vec<&str> = zones.iter().map(|z| z["zone"].as_str().unwrap()).collect();
    assert_eq!(labels, ["0", "1", "2", "3", "4", "5"]);
    let lows: Vec<f64> = zones.iter().map(|z| z["low"].as_f64().unwrap()).collect();
    assert_eq!(lows, [0.0, 120.0, 134.0, 148.0, 162.0, 176.0]);
    close(num(&zones[1], "high"), 134.0, 1e-9);
    assert!(zones[5]["high"].is_null());
    let run = calc.json(&["zones", "--lthr", "160", "--model", "friel-run"]);
    let zones = run["zones"].as_array().unwrap();
    let labels: Vec<&str> = zones.iter().map(|z| z["zone"].as_str().unwrap()).collect();
    assert_eq!(labels, ["1", "2", "3", "4", "5a", "5b", "5c"]);
    close(num(&zones[1], "low"), 136.0, 1e-9);
    close(num(&zones[5], "low"), 164.8, 1e-9);
    let bike = calc.json(&["zones", "--lthr", "150", "--model", "friel-bike"]);
    close(num(&bike["zones"][1], "low"), 121.5, 1e-9);
    let text = calc.text(&["zones", "--max", "190", "--rest", "50"]);
    assert!(text.contains("Z1    120–133 bpm  Recovery"), "{text}");
    calc.refuses(
        &["zones", "--max", "50", "--rest", "190"],
        "resting heart rate (190 bpm) must be below max heart rate (50 bpm)",
    );
    calc.refuses(&["zones", "--rest", "50"], "Karvonen zones need --max");
    calc.refuses(
        &["zones", "--model", "friel-run"],
        "Friel zones need --lthr",
    );
    calc.refuses(
        &["zones", "--max", "300", "--rest", "50"],
        "--max: heart rate must be 20–250 bpm, got 300",
    );
}

#[test]
fn hrtss_an_hour_at_140_is_55_5_science_md() {
    let calc = Calc::new();
    let anchors = ["--rest", "50", "--max", "190", "--lthr", "165"];
    let steady = |minutes: &str, hr: &str, sex: &str| {
        let mut args = vec!["hrtss", "--minutes", minutes, "--avg-hr", hr, "--sex", sex];
        args.extend(anchors);
        calc.json(&args)
    };
    let hour = steady("60", "140", "m");
    close(num(&hour, "hrtss"), 55.5, 0.05);
    // TRIMP by hand: x = 90/140, 60 · x · 0.64 · e^(1.92x) = 84.82.
    close(num(&hour, "trimp"), 84.82, 0.01);
    close(num(&hour, "minutes"), 60.0, 1e-9);
    // One hour at LTHR is 100 by construction, for either sex.
    close(num(&steady("60", "165", "m"), "hrtss"), 100.0, 1e-9);
    close(num(&steady("60", "165", "f"), "hrtss"), 100.0, 1e-9);
    close(num(&steady("30", "165", "f"), "hrtss"), 50.0, 1e-9);
    let mut args = vec!["hrtss", "--minutes", "60", "--avg-hr", "140"];
    args.extend(anchors);
    let text = calc.text(&args);
    assert!(text.starts_with("hrTSS 55.5"), "{text}");
    assert!(text.contains("HR-based"), "{text}");

    let refuse = |extra: &[&str], reason: &str| {
        let mut args = vec!["hrtss"];
        args.extend(extra);
        calc.refuses(&args, reason);
    };
    refuse(
        &[
            "--minutes",
            "60",
            "--avg-hr",
            "140",
            "--rest",
            "50",
            "--max",
            "190",
            "--lthr",
            "200",
        ],
        "threshold heart rate (200 bpm) must be between resting (50) and max (190)",
    );
    refuse(
        &[
            "--minutes",
            "0",
            "--avg-hr",
            "140",
            "--rest",
            "50",
            "--max",
            "190",
            "--lthr",
            "165",
        ],
        "--minutes: a session must last more than 0",
    );
    refuse(
        &[
            "--minutes",
            "60",
            "--avg-hr",
            "10",
            "--rest",
            "50",
            "--max",
            "190",
            "--lthr",
            "165",
        ],
        "--avg-hr: heart rate must be 20–250 bpm, got 10",
    );
    refuse(
        &[
            "--minutes",
            "60",
            "--avg-hr",
            "140",
            "--rest",
            "90",
            "--max",
            "80",
            "--lthr",
            "85",
        ],
        "resting heart rate (90 bpm) must be below max heart rate (80 bpm)",
    );
}

#[test]
fn hrtss_from_a_raw_recording() {
    let calc = Calc::new();
    let anchors = ["--rest", "50", "--max", "190", "--lthr", "165"];
    let run = |path: &PathBuf| {
        let mut args = vec!["hrtss", "--file", path_str(path)];
        args.extend(anchors);
        calc.json(&args)
    };
    // An hour of 140 bpm (0x8C) once a second: the same load as the average-HR form.
    let mut text = String::from("# Polar H10, steady hour\n");
    for second in 0..=3600 {
        writeln!(text, "{} 06 8c", second * 1000).unwrap();
    }
    let hour = run(&calc.file("hour.hrm", &text));
    close(num(&hour, "hrtss"), 55.5, 0.05);
    close(num(&hour, "minutes"), 60.0, 1e-9);
    assert_eq!(hour["samples"], 3601);
    assert_eq!(hour["skipped"], 0);

    // science.md's vectors: `06 3C` and `16 3C 11 04` are both 60 bpm with contact. Ten minutes
    // of them load 10 · x · 0.64 · e^(1.92x) with x = 10/140: TRIMP 0.5243, hrTSS 0.3434.
    // A strap without contact (`04 00`), a packet too short for its flags (`06`) and a
    // 16-bit rate out of range (`01 02 01`, 258) are skipped and counted, not invented.
    let mut text = String::from("0 06 3C\n");
    for second in 1..=600 {
        let packet = if second % 2 == 0 { "06 3C" } else { "163c1104" };
        writeln!(text, "{} {packet}", second * 1000).unwrap();
    }
    text.push_str("600500 04 00\n600700 06\n600900 01 02 01\n\n");
    let vectors = run(&calc.file("vectors.hrm", &text));
    close(num(&vectors, "trimp"), 0.52, 0.005);
    close(num(&vectors, "hrtss"), 0.34, 0.005);
    close(num(&vectors, "minutes"), 10.0, 1e-9);
    assert_eq!(vectors["samples"], 601);
    assert_eq!(vectors["skipped"], 3);

    // A gap longer than five seconds counts as five.
    let gap = run(&calc.file("gap.hrm", "0 06 8c\n1000 06 8c\n61000 06 8c\n"));
    close(num(&gap, "minutes"), 6.0 / 60.0, 0.005);

    let refuse = |path: &str, reason: &str| {
        let mut args = vec!["hrtss", "--file", path];
        args.extend(anchors);
        calc.refuses(&args, reason);
    };
    let missing = calc.sandbox.path("missing.hrm");
    refuse(path_str(&missing), "could not read");
    let bad = calc.file("bad.hrm", "0 06 8c\nsoon 06 8c\n");
    refuse(
        path_str(&bad),
        "line 2: recording line \"soon 06 8c\" does not start with a time in milliseconds",
    );
    let junk = calc.file("junk.hrm", "0 04 00\n1000 06\n");
    refuse(path_str(&junk), "no usable heart-rate samples (2 skipped)");
    let both = calc.run(&[
        "hrtss",
        "--file",
        path_str(&bad),
        "--minutes",
        "60",
        "--avg-hr",
        "140",
        "--rest",
        "50",
        "--max",
        "190",
        "--lthr",
        "165",
    ]);
    assert_eq!(both.code, Some(2), "--file and --minutes together");
}

#[test]
fn hrv_task_force_1996_with_artefacts_dropped() {
    let calc = Calc::new();
    let clean = calc.json(&["hrv", "800", "810", "790", "805"]);
    close(num(&clean, "rmssd"), 15.55, 1e-9);
    close(num(&clean, "sdnn"), 8.54, 1e-9);
    assert_eq!(clean["dropped"], 0);
    // science.md's rules: 250 and 2100 out of range, 1000 and 790 jump > 20 %.
    let rr = ["250", "800", "1000", "810", "2100", "650", "648", "790"];
    let mut args = vec!["hrv"];
    args.extend(rr);
    let filtered = calc.json(&args);
    assert_eq!(filtered["dropped"], 4);
    assert_eq!(filtered["used"], 4);
    // Kept 800, 810, 650, 648: differences 10, −160, −2 → √(25704/3) = 92.56.
    close(num(&filtered, "rmssd"), 92.56, 1e-9);
    close(num(&filtered, "sdnn"), 90.16, 1e-9);
    args.push("--raw");
    let raw = calc.json(&args);
    assert_eq!(raw["dropped"], 0);
    assert_eq!(raw["used"], 8);
    let file = calc.file("rr.txt", "# morning\n800\n810\n790\n805\n");
    assert_eq!(calc.json(&["hrv", "--file", path_str(&file)]), clean);

    calc.refuses(
        &["hrv", "800"],
        "HRV needs at least 2 clean RR intervals, got 1",
    );
    calc.refuses(&["hrv", "800", "2500"], "got 1 (1 dropped as artefacts)");
    calc.refuses(
        &["hrv", "800", "-5"],
        "RR intervals must be more than 0 ms, got -5",
    );
    let bad = calc.file("bad.txt", "800\n81O\n");
    calc.refuses(
        &["hrv", "--file", path_str(&bad)],
        "line 2: RR interval must be a number 0 or more, got \"81O\"",
    );
    let missing = calc.sandbox.path("none.txt");
    calc.refuses(&["hrv", "--file", path_str(&missing)], "could not read");
}

#[test]
fn pmc_single_hundred_science_md() {
    let calc = Calc::new();
    let file = calc.file("one.txt", "100\n0\n");
    let pmc = calc.json(&["pmc", "--loads", path_str(&file)]);
    let (ctl, atl, tsb) = (
        numbers(&pmc["ctl"]),
        numbers(&pmc["atl"]),
        numbers(&pmc["tsb"]),
    );
    close(ctl[0], 2.3528, 1e-9);
    close(atl[0], 13.3122, 1e-9);
    close(tsb[0], 0.0, 1e-9);
    // Form on day 2 is day 1's CTL − ATL.
    close(tsb[1], 2.3528 - 13.3122, 1e-4);
    assert_eq!(ctl.len(), 2);
    let text = calc.text(&["pmc", "--loads", path_str(&file)]);
    assert!(text.starts_with("day 2: fitness (CTL) 2.3"), "{text}");

    let bad = calc.file("bad.txt", "100\n-20\n");
    calc.refuses(
        &["pmc", "--loads", path_str(&bad)],
        "line 2: daily load must be a number 0 or more, got \"-20\"",
    );
    let empty = calc.file("empty.txt", "# nothing yet\n");
    calc.refuses(
        &["pmc", "--loads", path_str(&empty)],
        "no daily loads in the file",
    );
    let missing = calc.sandbox.path("nope.txt");
    calc.refuses(&["pmc", "--loads", path_str(&missing)], "could not read");
}

#[test]
fn acwr_needs_28_days_and_doubling_the_last_week_is_1_6_hulin_2016() {
    let calc = Calc::new();
    let short = calc.file("short.txt", &"100\n".repeat(27));
    let ratios = calc.json(&["acwr", "--loads", path_str(&short)]);
    let ratios = ratios["acwr"].as_array().unwrap();
    assert_eq!(ratios.len(), 27);
    assert!(ratios.iter().all(Value::is_null));
    let text = calc.text(&["acwr", "--loads", path_str(&short)]);
    assert!(text.contains("not enough data"), "{text}");

    let doubled = calc.file("doubled.txt", &("100\n".repeat(21) + &"200\n".repeat(7)));
    let rolling = calc.json(&["acwr", "--loads", path_str(&doubled)]);
    let rolling = rolling["acwr"].as_array().unwrap();
    assert!(rolling[26].is_null());
    close(rolling[27].as_f64().unwrap(), 1.6, 1e-9);
    let text = calc.text(&["acwr", "--loads", path_str(&doubled)]);
    assert!(text.contains("1.6 — high risk"), "{text}");

    // EWMA (Williams 2017): one 100 then 27 rest days, λa = 2/8, λc = 2/29.
    let single = calc.file("single.txt", &("100\n".to_owned() + &"0\n".repeat(27)));
    let ewma = calc.json(&["acwr", "--loads", path_str(&single), "--model", "ewma"]);
    let (la, lc): (f64, f64) = (0.25, 2.0 / 29.0);
    let expected = (la * (1.0 - la).powi(27)) / (lc * (1.0 - lc).powi(27));
    close(ewma["acwr"][27].as_f64().unwrap(), expected, 1e-4);

    let bad = calc.file("bad.txt", "100\nlots\n");
    calc.refuses(&["acwr", "--loads", path_str(&bad)], "line 2: daily load");
}

#[test]
fn running_vdot_predictions_and_paces_daniels() {
    let calc = Calc::new();
    close(
        num(&calc.json(&["vdot", "5k", "20:00"]), "vdot"),
        49.8,
        0.05,
    );
    assert_eq!(calc.text(&["vdot", "5k", "20:00"]).trim(), "VDOT 49.8");
    // VDOT 50 in Daniels' table 3.1: 5k 19:57, half 1:31:35.
    close(
        num(&calc.json(&["vdot", "half", "1:31:35"]), "vdot"),
        50.0,
        0.1,
    );
    close(
        num(&calc.json(&["vdot", "5000m", "19:57"]), "vdot"),
        50.0,
        0.1,
    );
    let race = calc.json(&["race", "5k", "20:00", "--to", "10k"]);
    // Riegel: 1200 · 2^1.06 = 2501.92 s.
    close(num(&race, "riegel_s"), 2501.92, 1e-9);
    // Daniels' table 3.1: 19:57 for 5k (VDOT 50) is 41:21 (2481 s) for 10k.
    let table = calc.json(&["race", "5k", "19:57", "--to", "10k"]);
    close(num(&table, "vdot_s"), 2481.0, 0.0025 * 2481.0);
    let text = calc.text(&["race", "5k", "20:00", "--to", "10k"]);
    assert!(text.starts_with("10k: 41:42 by Riegel"), "{text}");
    // VDOT 49 (Daniels' Running Formula): T 4:20/km, I 3:59/km, M 7:24/mi, E 8:40/mi inside.
    let paces = calc.json(&["paces", "--vdot", "49"]);
    close(num(&paces, "threshold"), 260.0, 5.0);
    close(num(&paces, "interval"), 239.0, 5.0);
    close(num(&paces, "marathon"), 444.0 / 1.609_344, 5.0);
    let easy = numbers(&paces["easy"]);
    assert!(easy[0] <= 323.1 && 323.1 <= easy[1], "{easy:?}");
    assert!(num(&paces, "repetition") < num(&paces, "interval"));

    calc.refuses(
        &["vdot", "5furlongs", "20:00"],
        "\"5furlongs\" is not a distance: try 5k, 10k, half, marathon, 5000m or 3mi",
    );
    calc.refuses(
        &["vdot", "5k", "25:61"],
        "25:61 is not a time: seconds must be under 60",
    );
    calc.refuses(
        &["vdot", "5k", "5:00"],
        "outside 10–100: check the distance and time",
    );
    calc.refuses(
        &["race", "5k", "20:00", "--to", "far"],
        "\"far\" is not a distance",
    );
    calc.refuses(
        &["race", "5k", "20:00", "--to", "10k", "--exponent", "3"],
        "the Riegel exponent must be 0.8–1.5, got 3",
    );
    calc.refuses(
        &["paces", "--vdot", "120"],
        "VDOT must be 10–100 for predictions, got 120.0",
    );
}

#[test]
fn strength_scores_openpowerlifting() {
    let calc = Calc::new();
    let dots = calc.json(&[
        "dots",
        "--bodyweight",
        "100",
        "--total",
        "1000",
        "--sex",
        "m",
    ]);
    close(num(&dots, "points"), 615.52, 1e-9);
    let dots = calc.json(&["dots", "--bodyweight", "63", "--total", "380", "--sex", "f"]);
    close(num(&dots, "points"), 408.7, 1e-9);
    // Wilks2020 men at 100 kg: coefficient 0.7294 in the published table.
    let wilks = calc.json(&[
        "wilks",
        "--bodyweight",
        "100",
        "--total",
        "700",
        "--sex",
        "m",
    ]);
    close(num(&wilks, "points"), 510.6, 0.1);
    // The same lifter in pounds scores the same: 100 kg is 220.462 lb, 600 kg 1322.774 lb.
    let kg = calc.json(&[
        "dots",
        "--bodyweight",
        "100",
        "--total",
        "600",
        "--sex",
        "m",
    ]);
    let lb = calc.json(&[
        "dots",
        "--bodyweight",
        "220.462",
        "--total",
        "1322.774",
        "--sex",
        "male",
        "--unit",
        "lb",
    ]);
    close(num(&lb, "points"), num(&kg, "points"), 0.011);
    close(num(&kg, "points"), 0.6 * 615.52, 0.01);
    calc.refuses(
        &["dots", "--bodyweight", "0", "--total", "500", "--sex", "m"],
        "--bodyweight: must be more than 0 kg, got 0",
    );
    calc.refuses(
        &[
            "wilks",
            "--bodyweight",
            "90",
            "--total",
            "-500",
            "--sex",
            "f",
        ],
        "--total: weight cannot be negative, got -500",
    );
    let out = calc.run(&["dots", "--bodyweight", "90", "--total", "500", "--sex", "x"]);
    assert_eq!(out.code, Some(2), "{}", out.stderr);
}

/// A database whose profile lifts in pounds on a 35 lb bar with 45, 25, 10 and 5 lb plates.
fn pound_profile(path: &std::path::Path) {
    use ironpulse::core::profile::Profile;
    use ironpulse::core::units::{Unit, Weight};
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let lb = |v: f64| Weight::from_unit(v, Unit::Lb).unwrap();
    let store = ironpulse::store::Store::open(path).unwrap();
    store
        .save_profile(&Profile {
            bar: lb(35.0),
            plates: [45.0, 25.0, 10.0, 5.0].map(lb).to_vec(),
            ..Profile::example()
                .in_unit(Unit::Lb)
                .weighing(180.0)
                .female()
        })
        .unwrap();
}

/// The names in `dir`, sorted.
fn entries(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    names
}

#[test]
fn your_plates_are_the_profiles_of_the_database_named() {
    let calc = Calc::new();
    let folder = calc.sandbox.path("gym");
    let db = folder.join("lb.db");
    pound_profile(&db);
    let before = std::fs::read(&db).unwrap();
    let with_db = |args: &[&str]| -> Vec<String> {
        let mut all: Vec<String> = args.iter().map(ToString::to_string).collect();
        all.extend(["--db".to_owned(), db.display().to_string()]);
        all
    };
    let text = |args: &[&str]| {
        let all = with_db(args);
        calc.text(&all.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let json = |args: &[&str]| {
        let all = with_db(args);
        calc.json(&all.iter().map(String::as_str).collect::<Vec<_>>())
    };

    // Once "225 kg: 25 + 25 + 25 + 25 + 2.5 a side on a 20 kg bar" for a pound profile.
    assert_eq!(
        text(&["plates", "225"]),
        "225 lb: 45 + 45 + 5 a side on a 35 lb bar\n"
    );
    let plan = json(&["plates", "225"]);
    assert_eq!(plan["unit"], "lb");
    close(num(&plan, "bar"), 35.0, 1e-9);
    assert_eq!(numbers(&plan["plates"]), [45.0, 25.0, 10.0, 5.0]);
    assert_eq!(
        text(&["warmup", "225"]),
        "35 lb x 10\n85 lb x 5\n135 lb x 3\n175 lb x 1\n"
    );
    // Once "253.13 kg": bare numbers are in the lifter's unit.
    assert_eq!(text(&["e1rm", "225x5"]), "e1RM 253.13 lb (brzycki)\n");
    assert_eq!(
        json(&["load", "--e1rm", "300", "--reps", "5", "--rpe", "8"])["load"],
        243.3
    );
    assert!(text(&["load", "--e1rm", "300", "--reps", "5", "--rpe", "8"]).starts_with("243.3 lb"));

    // Each flag wins for its part; another unit is that unit's standard kit.
    assert_eq!(
        text(&["plates", "225", "--bar", "45"]),
        "225 lb: 45 + 45 a side on a 45 lb bar\n"
    );
    assert_eq!(
        text(&["plates", "225", "--plates", "45,2.5"]),
        "225 lb: 45 + 45 + 2.5 + 2.5 a side on a 35 lb bar\n"
    );
    assert_eq!(
        text(&["plates", "100", "--unit", "kg"]),
        "100 kg: 25 + 15 a side on a 20 kg bar\n"
    );
    assert_eq!(text(&["e1rm", "100kgx5"]), "e1RM 112.5 kg (brzycki)\n");
    assert_eq!(
        text(&["e1rm", "100x5", "--unit", "kg"]),
        "e1RM 112.5 kg (brzycki)\n"
    );

    // Read only: the file is as it was and nothing was left beside it.
    assert_eq!(std::fs::read(&db).unwrap(), before);
    assert_eq!(entries(&folder), std::slice::from_ref(&db));

    // Beside the running app (which holds the lock) it reads the same.
    let app = ironpulse::store::Store::open(&db).unwrap();
    assert_eq!(
        text(&["plates", "225"]),
        "225 lb: 45 + 45 + 5 a side on a 35 lb bar\n"
    );
    drop(app);
}

#[test]
fn your_plates_come_from_the_default_database_and_a_missing_one_is_the_standard_kit() {
    let calc = Calc::new();
    // The default database of the sandbox's home (XDG_DATA_HOME/ironpulse/ironpulse.db).
    let default_db = calc.sandbox.path("data/ironpulse/ironpulse.db");
    assert_eq!(
        calc.text(&["plates", "100"]),
        "100 kg: 25 + 15 a side on a 20 kg bar\n",
        "no database: kilograms and the standard kit"
    );
    assert!(!default_db.exists(), "a calculator creates no database");
    let missing = calc.sandbox.path("missing.db");
    let out = calc.run(&["plates", "100", "--db", path_str(&missing)]);
    assert_eq!(out.stdout, "100 kg: 25 + 15 a side on a 20 kg bar\n");
    assert!(!missing.exists());
    assert!(!calc.sandbox.path("missing.db.lock").exists());

    pound_profile(&default_db);
    assert_eq!(
        calc.text(&["plates", "225"]),
        "225 lb: 45 + 45 + 5 a side on a 35 lb bar\n"
    );
    assert_eq!(
        entries(default_db.parent().unwrap()),
        std::slice::from_ref(&default_db)
    );
}

#[test]
fn a_database_that_needs_upgrading_is_left_alone_and_said_so() {
    let calc = Calc::new();
    let db = calc.sandbox.path("old.db");
    pound_profile(&db);
    let older = ironpulse::store::SCHEMA_VERSION - 1;
    rusqlite::Connection::open(&db)
        .unwrap()
        .pragma_update(None, "user_version", older)
        .unwrap();
    let before = std::fs::read(&db).unwrap();
    calc.refuses(
        &["plates", "225", "--db", path_str(&db)],
        "old.db must be upgraded by this ironpulse before its profile (your unit, bar and plates) \
         can be read: start ironpulse once, or give --unit, --bar and --plates",
    );
    assert_eq!(std::fs::read(&db).unwrap(), before, "nothing was upgraded");
    // With every part given there is nothing to read.
    let all = [
        "plates", "225", "--unit", "lb", "--bar", "45", "--plates", "45,25", "--db",
    ];
    let mut args = all.to_vec();
    args.push(path_str(&db));
    assert_eq!(calc.text(&args), "225 lb: 45 + 45 a side on a 45 lb bar\n");
}
