use proptest::prelude::*;

use super::{Context, ShorthandError, format, parse};
use crate::core::units::{Reps, Rir, Rpe, Seconds, Unit, Weight};
use crate::core::workout::set::{Effort, Load, SetKind, SetSpec};

fn weight(value: f64, unit: Unit) -> Weight {
    Weight::from_unit(value, unit).unwrap()
}

fn ext(kg: f64) -> SetSpec {
    SetSpec {
        load: Load::External(weight(kg, Unit::Kg)),
        ..SetSpec::default()
    }
}

fn bw(added_kg: f64, assisted: bool) -> SetSpec {
    SetSpec {
        load: Load::Bodyweight {
            added: weight(added_kg, Unit::Kg),
            assisted,
        },
        ..SetSpec::default()
    }
}

fn timed(seconds: u32) -> SetSpec {
    SetSpec::default().secs(seconds)
}

/// Builder steps for the expected sets.
trait Build {
    fn reps(self, reps: u32) -> Self;
    fn rpe(self, rpe: f64) -> Self;
    fn rir(self, rir: f64) -> Self;
    fn secs(self, seconds: u32) -> Self;
    fn kind(self, kind: SetKind) -> Self;
}

impl Build for SetSpec {
    fn reps(self, reps: u32) -> Self {
        SetSpec {
            reps: Some(Reps::try_from(reps).unwrap()),
            ..self
        }
    }
    fn rpe(self, rpe: f64) -> Self {
        SetSpec {
            effort: Some(Effort::Rpe(Rpe::try_from(rpe).unwrap())),
            ..self
        }
    }
    fn rir(self, rir: f64) -> Self {
        SetSpec {
            effort: Some(Effort::Rir(Rir::try_from(rir).unwrap())),
            ..self
        }
    }
    fn secs(self, seconds: u32) -> Self {
        SetSpec {
            duration: Some(Seconds::try_from(seconds).unwrap()),
            ..self
        }
    }
    fn kind(self, kind: SetKind) -> Self {
        SetSpec { kind, ..self }
    }
}

fn kg() -> Context {
    Context {
        unit: Unit::Kg,
        last: None,
        last_working: None,
    }
}

fn lb() -> Context {
    Context {
        unit: Unit::Lb,
        last: None,
        last_working: None,
    }
}

fn after(last: SetSpec) -> Context {
    Context {
        unit: Unit::Kg,
        last: Some(last),
        last_working: None,
    }
}

enum Expect {
    Sets(Vec<SetSpec>),
    Error(&'static str, usize),
}

fn ok(spec: SetSpec) -> Expect {
    Expect::Sets(vec![spec])
}

fn err(message: &'static str, at: usize) -> Expect {
    Expect::Error(message, at)
}

#[test]
#[allow(clippy::too_many_lines)]
fn every_form_of_the_grammar_reads_as_documented() {
    use SetKind::{Amrap, Drop, Failure, Warmup};
    let last100 = after(ext(100.0).reps(5));
    let last_bw20 = after(bw(20.0, false).reps(8));
    let last_cardio = after(timed(600));
    let cases: Vec<(&str, Context, Expect)> = vec![
        // weight × reps, effort
        ("100x8", kg(), ok(ext(100.0).reps(8))),
        ("100X8", kg(), ok(ext(100.0).reps(8))),
        ("  100 x 8  ", kg(), ok(ext(100.0).reps(8))),
        ("100×8", kg(), ok(ext(100.0).reps(8))),
        ("100x8@9", kg(), ok(ext(100.0).reps(8).rpe(9.0))),
        ("100x8@8.5", kg(), ok(ext(100.0).reps(8).rpe(8.5))),
        ("100x8 @ 8,5", kg(), ok(ext(100.0).reps(8).rpe(8.5))),
        ("100x8 RPE 9", kg(), ok(ext(100.0).reps(8).rpe(9.0))),
        ("100x8r2", kg(), ok(ext(100.0).reps(8).rir(2.0))),
        ("100x8 RIR2", kg(), ok(ext(100.0).reps(8).rir(2.0))),
        ("100x8r0", kg(), ok(ext(100.0).reps(8).rir(0.0))),
        ("102,5x5", kg(), ok(ext(102.5).reps(5))),
        ("0x10", kg(), ok(ext(0.0).reps(10))),
        // the last set's weight
        ("x8", last100, ok(ext(100.0).reps(8))),
        ("x8", last_bw20, ok(bw(20.0, false).reps(8))),
        (
            "x8",
            after(bw(20.0, true).reps(5)),
            ok(bw(20.0, true).reps(8)),
        ),
        ("+2.5x8", last100, ok(ext(102.5).reps(8))),
        ("-5x8", last100, ok(ext(95.0).reps(8))),
        ("-100x8", last100, ok(ext(0.0).reps(8))),
        ("+5x8", last_bw20, ok(bw(25.0, false).reps(8))),
        ("-30x8", last_bw20, ok(bw(10.0, true).reps(8))),
        // bodyweight
        ("bw x12", kg(), ok(bw(0.0, false).reps(12))),
        ("bwx12", kg(), ok(bw(0.0, false).reps(12))),
        ("BW+20x8", kg(), ok(bw(20.0, false).reps(8))),
        ("bw + 20 x 8", kg(), ok(bw(20.0, false).reps(8))),
        ("bw-20x8", kg(), ok(bw(20.0, true).reps(8))),
        ("bw-0x8", kg(), ok(bw(0.0, false).reps(8))),
        // unit override for one number
        (
            "225lbx5",
            kg(),
            ok(ext(0.0).reps(5).with_weight(225.0, Unit::Lb)),
        ),
        (
            "225lb x 5",
            kg(),
            ok(ext(0.0).reps(5).with_weight(225.0, Unit::Lb)),
        ),
        (
            "225LBSx5",
            kg(),
            ok(ext(0.0).reps(5).with_weight(225.0, Unit::Lb)),
        ),
        ("100kgx5", lb(), ok(ext(100.0).reps(5))),
        (
            "225x5",
            lb(),
            ok(ext(0.0).reps(5).with_weight(225.0, Unit::Lb)),
        ),
        // timed sets
        ("45s", kg(), ok(timed(45))),
        ("90s", kg(), ok(timed(90))),
        ("2m", kg(), ok(timed(120))),
        ("1:30", kg(), ok(timed(90))),
        ("bw 45s", kg(), ok(bw(0.0, false).secs(45))),
        ("20x45s", kg(), ok(ext(20.0).secs(45))),
        ("20x1:30@9", kg(), ok(ext(20.0).secs(90).rpe(9.0))),
        ("45s@8", kg(), ok(timed(45).rpe(8.0))),
        // repeats
        ("100x5x3", kg(), Expect::Sets(vec![ext(100.0).reps(5); 3])),
        (
            "100x5x3@8",
            kg(),
            Expect::Sets(vec![ext(100.0).reps(5).rpe(8.0); 3]),
        ),
        (
            "100x5@8 x2",
            kg(),
            Expect::Sets(vec![ext(100.0).reps(5).rpe(8.0); 2]),
        ),
        // prefixes
        ("w 60x5", kg(), ok(ext(60.0).reps(5).kind(Warmup))),
        ("w60x5", kg(), ok(ext(60.0).reps(5).kind(Warmup))),
        ("W bw x10", kg(), ok(bw(0.0, false).reps(10).kind(Warmup))),
        ("d 80x10", kg(), ok(ext(80.0).reps(10).kind(Drop))),
        ("f 100x6", kg(), ok(ext(100.0).reps(6).kind(Failure))),
        ("ax12", last100, ok(ext(100.0).reps(12).kind(Amrap))),
        ("a 100x?", kg(), ok(ext(100.0).kind(Amrap))),
        // junk and out-of-range values
        ("", kg(), err("empty set — type e.g. 100x8", 0)),
        ("   ", kg(), err("empty set — type e.g. 100x8", 0)),
        (
            "abc",
            kg(),
            err(
                "can't read 'abc' — a set looks like 100x8, bw x12 or 45s",
                0,
            ),
        ),
        ("100x", kg(), err("missing reps after 'x' — e.g. 100x8", 4)),
        ("x", kg(), err("missing reps after 'x' — e.g. 100x8", 1)),
        (
            "100",
            kg(),
            err("missing 'x' and reps after the weight — e.g. 100x8", 3),
        ),
        (
            "100 8",
            kg(),
            err("missing 'x' and reps after the weight — e.g. 100x8", 4),
        ),
        ("100x8@", kg(), err("'@' needs an RPE, e.g. 100x8@8", 6)),
        (
            "100x8@11",
            kg(),
            err("RPE must be 1–10 in half steps, got 11", 6),
        ),
        (
            "100x8@8.3",
            kg(),
            err("RPE must be 1–10 in half steps, got 8.3", 6),
        ),
        (
            "100x8r",
            kg(),
            err("'r' needs reps in reserve, e.g. 100x8r2", 6),
        ),
        (
            "100x8r11",
            kg(),
            err("RIR must be 0–10 in half steps, got 11", 6),
        ),
        ("100x0", kg(), err("reps must be 1–100, got 0", 4)),
        ("100x101", kg(), err("reps must be 1–100, got 101", 4)),
        (
            "100x8.5",
            kg(),
            err("reps must be a whole number, got 8.5", 4),
        ),
        (
            "100x8kg",
            kg(),
            err(
                "the unit goes on the weight, not the reps — e.g. 225lbx5",
                4,
            ),
        ),
        (
            "-200x5",
            last100,
            err(
                "that goes below zero (last set: 100 kg) — type the weight, e.g. 60x8",
                0,
            ),
        ),
        (
            "1001x1",
            kg(),
            err("weight must be at most 1000 kg, got 1001 kg", 0),
        ),
        (
            "2300lbx1",
            kg(),
            err("weight must be at most 2204 lb, got 2300 lb", 0),
        ),
        (
            "100x5x0",
            kg(),
            err("number of sets must be 1–20, got 0", 6),
        ),
        (
            "100x5x21",
            kg(),
            err("number of sets must be 1–20, got 21", 6),
        ),
        (
            "100x5x",
            kg(),
            err("missing number of sets after 'x' — e.g. 100x5x3", 6),
        ),
        (
            "100x5x3x2",
            kg(),
            err("number of sets given twice — use one, e.g. 100x5x3", 7),
        ),
        (
            "100x8@9r1",
            kg(),
            err("both RPE and RIR given — use one", 7),
        ),
        ("100x8@9@8", kg(), err("RPE given twice — use one", 7)),
        (
            "q100x8",
            kg(),
            err(
                "unknown prefix 'q' — use w (warm-up), d (drop), f (failure) or a (AMRAP)",
                0,
            ),
        ),
        ("w", kg(), err("'w' needs a set after it, e.g. w 60x5", 1)),
        (
            "100x8 extra",
            kg(),
            err(
                "unexpected 'extra' — a set ends with its reps, RPE or RIR, e.g. 100x8@8",
                6,
            ),
        ),
        (
            "0s",
            kg(),
            err("a timed set must last 1 s – 24 h, got 0 s", 0),
        ),
        (
            "25:61",
            kg(),
            err("seconds after ':' must be 00–59, got 61 — e.g. 1:30", 3),
        ),
        (
            "1:5",
            kg(),
            err("write two digits after ':' — e.g. 1:30", 2),
        ),
        (
            "45.5s",
            kg(),
            err("a time must be whole seconds — e.g. 45s or 1:30", 0),
        ),
        (
            "+5s x8",
            last100,
            err(
                "a time can't go here — put it after the 'x', e.g. 20x45s",
                1,
            ),
        ),
        (
            "x8",
            kg(),
            err(
                "no earlier set to repeat the weight from — type it, e.g. 100x8",
                0,
            ),
        ),
        (
            "+2.5x8",
            kg(),
            err(
                "no earlier set to add to or take from — type the weight, e.g. 100x8",
                0,
            ),
        ),
        (
            "x8",
            last_cardio,
            err(
                "the last set had no weight to repeat — type it, e.g. 100x8",
                0,
            ),
        ),
        (
            "bw 12",
            kg(),
            err(
                "after bw write x12 for reps, +20x8 for added load, -20x8 for assistance or 45s for a time",
                3,
            ),
        ),
        ("bw+x8", kg(), err("'+' needs a weight, e.g. bw+20x8", 3)),
        (
            "12345678x1",
            kg(),
            err("'12345678' has too many digits for a set — e.g. 100x8", 0),
        ),
    ];
    assert!(cases.len() >= 40, "only {} cases", cases.len());
    for (input, ctx, expect) in cases {
        let got = parse(input, &ctx);
        match expect {
            Expect::Sets(sets) => assert_eq!(got, Ok(sets), "input {input:?}"),
            Expect::Error(message, at) => assert_eq!(
                got,
                Err(ShorthandError {
                    message: message.to_owned(),
                    at
                }),
                "input {input:?}"
            ),
        }
    }
}

trait WithWeight {
    fn with_weight(self, value: f64, unit: Unit) -> Self;
}

impl WithWeight for SetSpec {
    fn with_weight(self, value: f64, unit: Unit) -> Self {
        SetSpec {
            load: Load::External(weight(value, unit)),
            ..self
        }
    }
}

#[test]
fn a_pound_override_in_a_kilogram_session_stores_the_exact_pounds() {
    let sets = parse("225lbx5", &kg()).unwrap();
    let Load::External(w) = sets[0].load else {
        panic!("expected an external load, got {:?}", sets[0].load);
    };
    assert!((w.kg() - 102.058_283_25).abs() < 1e-9);
}

#[test]
fn a_set_typed_in_the_other_unit_is_written_back_in_it() {
    // The prefill after `225lbx5` in a kg profile is what the lifter typed, not `102.06x5`.
    let sets = parse("225lbx5", &kg()).unwrap();
    assert_eq!(format(&sets[0], Unit::Kg), "225lbx5");
    assert_eq!(parse("225lbx5", &kg()).unwrap(), sets);
    let sets = parse("bw+45lbx8", &kg()).unwrap();
    assert_eq!(format(&sets[0], Unit::Kg), "bw+45lbx8");
    // And the other way round; a load in the profile's own steps stays in its unit.
    let ctx = Context {
        unit: Unit::Lb,
        last: None,
        last_working: None,
    };
    let sets = parse("100kgx5", &ctx).unwrap();
    assert_eq!(format(&sets[0], Unit::Lb), "100kgx5");
    assert_eq!(format(&ext(102.5).reps(5), Unit::Kg), "102.5x5");
    assert_eq!(
        format(&ext(20.0).reps(5), Unit::Lb),
        "20kgx5",
        "44.09 lb is no lb step"
    );
    assert_eq!(
        format(&ext(33.33).reps(5), Unit::Kg),
        "33.33x5",
        "neither: as it is"
    );
}

#[test]
fn plus_five_pounds_on_a_pound_session_adds_to_the_shown_weight() {
    let ctx = Context {
        unit: Unit::Lb,
        last: Some(ext(0.0).with_weight(225.0, Unit::Lb).reps(5)),
        last_working: None,
    };
    let sets = parse("+5x5", &ctx).unwrap();
    assert_eq!(sets, vec![ext(0.0).with_weight(230.0, Unit::Lb).reps(5)]);
}

#[test]
fn canonical_lines() {
    use SetKind::{Amrap, Drop, Warmup};
    let cases = [
        (ext(100.0).reps(8), Unit::Kg, "100x8"),
        (ext(102.5).reps(5).rpe(8.5), Unit::Kg, "102.5x5@8.5"),
        (ext(100.0).reps(8).rir(2.0), Unit::Kg, "100x8r2"),
        (ext(60.0).reps(5).kind(Warmup), Unit::Kg, "w 60x5"),
        (bw(0.0, false).reps(12), Unit::Kg, "bw x12"),
        (bw(20.0, false).reps(8), Unit::Kg, "bw+20x8"),
        (bw(20.0, true).reps(8), Unit::Kg, "bw-20x8"),
        (timed(45), Unit::Kg, "45s"),
        (timed(90), Unit::Kg, "1:30"),
        (timed(120), Unit::Kg, "2m"),
        (bw(0.0, false).secs(45), Unit::Kg, "bw 45s"),
        (ext(20.0).secs(45), Unit::Kg, "20x45s"),
        (ext(80.0).reps(10).kind(Drop), Unit::Kg, "d 80x10"),
        (ext(100.0).kind(Amrap), Unit::Kg, "a 100x?"),
        (
            ext(0.0).with_weight(225.0, Unit::Lb).reps(5),
            Unit::Lb,
            "225x5",
        ),
        (
            ext(0.0).with_weight(225.0, Unit::Lb).reps(5),
            Unit::Kg,
            "225lbx5",
        ),
    ];
    for (spec, unit, line) in cases {
        assert_eq!(format(&spec, unit), line, "{spec:?}");
    }
}

#[test]
fn the_error_message_is_the_display_text() {
    let error = parse("100x", &kg()).unwrap_err();
    assert_eq!(error.to_string(), "missing reps after 'x' — e.g. 100x8");
}

/// A load compared the way the lifter sees it: weights in hundredths of the display unit.
#[derive(Debug, PartialEq)]
enum Shown {
    None,
    External(i64),
    Bodyweight(i64, bool),
}

fn shown(load: Load, unit: Unit) -> Shown {
    let hundredths = |w: Weight| (w.in_unit(unit) * 100.0).round() as i64;
    match load {
        Load::None => Shown::None,
        Load::External(w) => Shown::External(hundredths(w)),
        Load::Bodyweight { added, assisted } => Shown::Bodyweight(hundredths(added), assisted),
    }
}

fn any_unit() -> impl Strategy<Value = Unit> {
    prop_oneof![Just(Unit::Kg), Just(Unit::Lb)]
}

/// A weight typed to 0.01 in `unit`, within 0–1000 kg.
fn any_weight(unit: Unit) -> impl Strategy<Value = Weight> {
    let max = match unit {
        Unit::Kg => 100_000_u32,
        Unit::Lb => 220_462,
    };
    (0..=max).prop_map(move |h| weight(f64::from(h) / 100.0, unit))
}

fn any_load(unit: Unit) -> impl Strategy<Value = Load> {
    prop_oneof![
        Just(Load::None),
        any_weight(unit).prop_map(Load::External),
        (any_weight(unit), any::<bool>()).prop_map(|(added, assisted)| Load::Bodyweight {
            added,
            assisted: assisted && added.kg() > 0.0,
        }),
    ]
}

fn any_effort() -> impl Strategy<Value = Option<Effort>> {
    prop_oneof![
        Just(None),
        (2..=20_u8).prop_map(|h| Some(Effort::Rpe(Rpe::try_from(f64::from(h) / 2.0).unwrap()))),
        (0..=20_u8).prop_map(|h| Some(Effort::Rir(Rir::try_from(f64::from(h) / 2.0).unwrap()))),
    ]
}

/// Any set the grammar can express, with the unit it is shown in.
fn any_spec() -> impl Strategy<Value = (SetSpec, Unit)> {
    let seconds = (1..=Seconds::MAX).prop_map(|s| Seconds::try_from(s).unwrap());
    let reps = (1..=u32::from(Reps::MAX)).prop_map(|r| Reps::try_from(r).unwrap());
    // 0: reps, 1: `?`, 2: a time.
    let work = prop_oneof![
        reps.prop_map(|r| (Some(r), None)),
        Just((None, None)),
        seconds.prop_map(|s| (None, Some(s))),
    ];
    any_unit().prop_flat_map(move |unit| {
        (
            proptest::sample::select(SetKind::ALL.to_vec()),
            any_load(unit),
            work.clone(),
            any_effort(),
            Just(unit),
        )
            .prop_map(|(kind, load, (reps, duration), effort, unit)| {
                // A set with no load is a timed set; it has no reps.
                let (reps, duration) = match (load, duration) {
                    (Load::None, None) => (None, Some(Seconds::try_from(60).unwrap())),
                    (Load::None, d) => (None, d),
                    _ => (reps, duration),
                };
                let spec = SetSpec {
                    kind,
                    load,
                    reps,
                    effort,
                    duration,
                };
                (spec, unit)
            })
    })
}

proptest! {
    #[test]
    fn format_then_parse_gives_the_set_back((spec, unit) in any_spec()) {
        let line = format(&spec, unit);
        let ctx = Context { unit, ..Context::default() };
        let parsed = parse(&line, &ctx);
        prop_assert!(parsed.is_ok(), "{line:?} did not parse: {parsed:?}");
        let sets = parsed.unwrap_or_default();
        prop_assert_eq!(sets.len(), 1, "{:?}", line);
        let back = sets[0];
        prop_assert_eq!(shown(back.load, unit), shown(spec.load, unit), "{:?}", line);
        prop_assert_eq!(
            SetSpec { load: Load::None, ..back },
            SetSpec { load: Load::None, ..spec },
            "{:?}", line
        );
        prop_assert_eq!(format(&back, unit), line);
    }

    #[test]
    fn parse_never_panics_and_points_inside_the_line(input in "[0-9a-zA-Z@:+\\-.,?x× ]{0,16}") {
        let ctx = after(ext(100.0).reps(5));
        if let Err(e) = parse(&input, &ctx) {
            prop_assert!(e.at <= input.chars().count(), "{input:?}: {e:?}");
            prop_assert!(!e.message.is_empty());
        }
    }
}

/// A working line builds on the last working set; a warm-up line on the last set of any kind,
/// so warm-ups ramp from each other and `+2.5x5` after them adds to the working weight.
#[test]
fn a_working_line_builds_on_the_last_working_set_and_a_warm_up_on_the_last_set() {
    let warm_up = SetSpec {
        kind: SetKind::Warmup,
        ..ext(62.5).reps(3)
    };
    let ctx = Context {
        unit: Unit::Kg,
        last: Some(warm_up),
        last_working: Some(ext(80.0).reps(5)),
    };
    assert_eq!(parse("+2.5x5", &ctx).unwrap(), vec![ext(82.5).reps(5)]);
    assert_eq!(parse("x5", &ctx).unwrap(), vec![ext(80.0).reps(5)]);
    assert_eq!(
        parse("w +10x2", &ctx).unwrap(),
        vec![SetSpec {
            kind: SetKind::Warmup,
            ..ext(72.5).reps(2)
        }]
    );
    // Without a working set yet, every line builds on the last set.
    let ctx = Context {
        last_working: None,
        ..ctx
    };
    assert_eq!(parse("+2.5x5", &ctx).unwrap(), vec![ext(65.0).reps(5)]);
}
