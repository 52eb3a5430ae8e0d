use proptest::prelude::*;

use super::*;
use crate::core::units::Unit;

const GZCLP_A1: &str = "\
# A comment, dropped.
program: GZCLP
origin: Cody Lefever
level: novice-intermediate
goal: strength
days: 3
schedule: rotate
periodization: linear
note: T1 heavy, T2 volume, T3 pump.

day A1: Squat day
  note: Squat first.
  Squat [T1]: 5x3+; start 75%; rest 3m; progress stages 5x3+ 6x2+ 10x1+ +5kg restart -15%
  Bench Press [T2]: 3x10; start 62%; progress stages 3x10 3x8 3x6 +2.5kg restart first +5kg
  Lat Pulldown [T3]: 2x15, 1x15+ \"last\"; progress amrap 25 +2.5kg; note to the chest; slowly
";

#[test]
fn a_program_reads_into_its_parts() {
    let p = parse(GZCLP_A1).unwrap();
    assert_eq!(p.meta.name, "GZCLP");
    assert_eq!(p.meta.level, vec![Level::Novice, Level::Intermediate]);
    assert_eq!(p.meta.schedule, Schedule::Rotate);
    assert_eq!(p.weeks.len(), 1);
    let day = &p.weeks[0].days[0];
    assert_eq!(day.name, "A1");
    assert_eq!(day.title.as_deref(), Some("Squat day"));
    assert_eq!(day.notes, vec!["Squat first."]);
    let squat = &day.lines[0];
    assert_eq!(squat.key(), "Squat [T1]");
    assert_eq!(squat.at, 13);
    assert_eq!(squat.rest, Some(180));
    assert_eq!(squat.start, Some(Load::OfMax(Num::hundredths(7500))));
    assert_eq!(
        squat.groups,
        vec![SetGroup {
            sets: 5,
            reps: RepTarget { min: 3, max: 3 },
            amrap: true,
            load: Load::Working,
            rpe: None,
            label: None,
        }]
    );
    let Some(Rule::Stages {
        stages, restart, ..
    }) = &squat.rule
    else {
        panic!("{:?}", squat.rule);
    };
    assert_eq!(stages.len(), 3);
    assert_eq!(*restart, Restart::Cut(Num::hundredths(1500)));
    let pulldown = &day.lines[2];
    assert_eq!(pulldown.groups[1].label.as_deref(), Some("last"));
    assert_eq!(pulldown.note.as_deref(), Some("to the chest; slowly"));
    assert_eq!(
        day.lines[1].rule,
        Some(Rule::Stages {
            stages: vec![
                (3, RepTarget { min: 10, max: 10 }, false),
                (3, RepTarget { min: 8, max: 8 }, false),
                (3, RepTarget { min: 6, max: 6 }, false),
            ],
            step: Step {
                amount: Num::hundredths(250),
                unit: Unit::Kg
            },
            restart: Restart::First(Step {
                amount: Num::hundredths(500),
                unit: Unit::Kg
            }),
        })
    );
}

#[test]
fn every_kind_of_load_and_rule_reads() {
    let text = "\
program: Loads
tm: 90%
weeks: 12

week 1: Fives
day 1
  Squat: 1x5 65%TM, 1x5 75%TM, 1x5+ 85%TM \"top\"; progress tm +5kg fail -10%
  Bench Press: 1x8 @8, 2x8 -5%; rest 2m30s
  Deadlift: 1x5 140kg, 1x3 315lb, 1x1 +2.5%; warmup 1x5 40%, 1x3 60%
  Press: 3x8-12; progress double +1.25kg; superset A
  Chin-up: 3x5-10; progress sum 30 +2.5kg; superset A; warmup auto
  Front Squat: 8x3 70%TM, 1x3+ 65%TM; progress tm-table 2:+2.5kg 4:+5kg 6:+7.5kg
  Row: 1x10+ 75%TM; progress tm-reps +1.25kg cap 10

week 2 deload
day 1
  Squat [test]: 4x1+ 97.5%; progress max 1:100% 2:104% 3:107% 4:109%
  Dip: 5x5; start 20kg; progress linear +2.5kg fails 3 reset 10% double-at 10
";
    let p = parse(text).unwrap();
    assert_eq!(p.meta.tm, Some(Num::hundredths(9000)));
    assert_eq!(p.meta.length_weeks, Some(12));
    assert_eq!(p.weeks[0].title.as_deref(), Some("Fives"));
    assert!(p.weeks[1].deload);
    let l = &p.weeks[0].days[0].lines;
    assert_eq!(l[1].groups[0].rpe, Some(Num::hundredths(800)));
    assert_eq!(l[1].groups[1].load, Load::Relative(Num::hundredths(-500)));
    assert_eq!(l[1].rest, Some(150));
    assert_eq!(
        l[2].groups[1].load,
        Load::Fixed(Num::hundredths(31500), Unit::Lb)
    );
    assert_eq!(l[2].groups[2].load, Load::Relative(Num::hundredths(250)));
    assert!(matches!(&l[2].warmup, Warmup::Sets(s) if s.len() == 2));
    assert_eq!(l[3].groups[0].reps, RepTarget { min: 8, max: 12 });
    assert_eq!(l[4].warmup, Warmup::Auto);
    assert_eq!(l[4].superset.as_deref(), Some("A"));
    assert!(matches!(&l[5].rule, Some(Rule::TmTable { rows }) if rows.len() == 3));
    assert_eq!(
        l[6].rule,
        Some(Rule::TmReps {
            step: Step {
                amount: Num::hundredths(125),
                unit: Unit::Kg
            },
            cap: 10
        })
    );
    assert_eq!(
        p.weeks[1].days[0].lines[1].rule,
        Some(Rule::Linear {
            step: Step {
                amount: Num::hundredths(250),
                unit: Unit::Kg
            },
            fails: 3,
            reset: Num::hundredths(1000),
            double_at: Some(10),
        })
    );
    assert_eq!(parse(&p.to_string()).unwrap(), p, "{p}");
}

/// (program text, line, column, message).
const INVALID: &[(&str, usize, usize, &str)] = &[
    ("", 1, 1, "expected `program: NAME` in the header"),
    (
        "program: X\n",
        1,
        1,
        "expected at least one `day NAME` with exercises",
    ),
    (
        "program: X\nlevel: expert\nday A\n  Squat: 3x5\n",
        2,
        8,
        "expected novice, intermediate or advanced, or a span like novice-intermediate after `level:`, found `expert`",
    ),
    (
        "program: X\ncolour: red\n",
        2,
        1,
        "expected a header key (program, origin, level, goal, days, schedule, periodization, tm, weeks, source, note), found `colour`",
    ),
    (
        "program: X\nprogram: Y\n",
        2,
        1,
        "`program:` is already given on line 1",
    ),
    (
        "program: X\ndays: 9\n",
        2,
        7,
        "expected days a week, 1 to 7 after `days:`, found `9`",
    ),
    (
        "program: X\ntm: 90\n",
        2,
        5,
        "expected a percent of the 1RM like 90% after `tm:`, found `90`",
    ),
    (
        "program: X\nday A\n  Squat: 5xfive\n",
        3,
        10,
        "expected sets x reps like 5x5, 3x8-12 or 1x5+ (1–50 sets of 1–100 reps), found `5xfive`",
    ),
    (
        "program: X\nday A\n  Squat: 3x12-8\n",
        3,
        10,
        "expected sets x reps like 5x5, 3x8-12 or 1x5+ (1–50 sets of 1–100 reps), found `3x12-8`",
    ),
    (
        "program: X\nday A\n  Squat: 3x5 100kgs\n",
        3,
        14,
        "expected a load (100kg, 225lb, 75%, 85%TM, -10%), an RPE like @8 or a label in quotes, found `100kgs`",
    ),
    (
        "program: X\nday A\n  Squat: 3x5 @11\n",
        3,
        14,
        "expected an RPE from 1 to 10 in half steps, like @8, found `@11`",
    ),
    (
        "program: X\nday A\n  Squat: 3x5 80% 90%\n",
        3,
        18,
        "a set group has one load; found a second, `90%`",
    ),
    (
        "program: X\nday A\n  Squat: 3x5,\n",
        3,
        14,
        "expected a set group like 3x5 between the commas",
    ),
    (
        "program: X\nday A\n  Squat: 3x5; rest forever\n",
        3,
        20,
        "expected a rest like 90s, 3m or 2m30s (at most 60m), found `forever`",
    ),
    (
        "program: X\nday A\n  Squat: 3x5; progress linear 2.5kg\n",
        3,
        31,
        "expected a step like +2.5kg or +5lb, found `2.5kg`",
    ),
    (
        "program: X\nday A\n  Squat: 3x5; progress magic\n",
        3,
        24,
        "expected a rule: linear, double, sum, amrap, stages, tm, tm-table, tm-reps or max; found `magic`",
    ),
    (
        "program: X\nday A\n  Squat: 3x5; tempo 3010\n",
        3,
        15,
        "expected rest, start, warmup, superset, progress or note after `;`, found `tempo`",
    ),
    (
        "program: X\nday A\n  Squat: 3x5; progress linear +2.5kg\n  Squat: 1x5; progress double +5kg\n",
        4,
        1,
        "`Squat` already progresses by another rule on line 3: one slot has one rule (give this line a label, like `Squat [heavy]`, to make it its own slot)",
    ),
    (
        "program: X\n  Squat: 3x5\n",
        2,
        3,
        "expected a header key (program, origin, level, goal, days, schedule, periodization, tm, weeks, source, note), found `Squat`",
    ),
    (
        "program: X\nweek 2\nday A\n  Squat: 3x5\n",
        2,
        6,
        "expected week 1, found `2`",
    ),
    (
        "program: X\nday A\n  Squat: 3x5\nweek 1\n",
        4,
        1,
        "expected `week 1` above the first day: once weeks are written, every day belongs to one",
    ),
    (
        "program: X\nday A\nday a\n",
        3,
        5,
        "day `a` is already in this week",
    ),
    (
        "program: X\nday A\n",
        1,
        1,
        "day A of week 1 has no exercises",
    ),
    (
        "program: X\nday Leg day\n",
        2,
        9,
        "expected `:` before the day's title, found `day` (a day's name is one word)",
    ),
    (
        "program: X\nday A\n  Squat: 3x5; progress stages 5x3+ +5kg restart -15%\n",
        3,
        36,
        "expected two or more stages like 5x3+ 6x2+ 10x1+, found `+5kg`",
    ),
    (
        "program: X\nday A\n  Squat: 3x5; progress tm-table 4:+5kg 2:+2.5kg\n",
        3,
        33,
        "expected rows in rising reps, like 2:+2.5kg 4:+5kg or 1:100% 2:104%",
    ),
    (
        "program: X\nday A\n  Squat: 3x5; start 85%TM\n",
        3,
        21,
        "expected a start load like 60kg, 135lb or 45% (of the 1RM), found `85%TM`",
    ),
    (
        "program: X\nday A\n  Squat 3x5\n",
        3,
        3,
        "expected an exercise line like `Squat: 3x5`, found `Squat 3x5`",
    ),
    (
        "program: X\nday A\n  Squat: 3x5 \"top\n",
        3,
        14,
        "expected a label closed by `\"`",
    ),
];

#[test]
fn invalid_programs_say_where_and_what_was_expected() {
    let wrong: Vec<String> = INVALID
        .iter()
        .filter_map(|(text, line, column, message)| {
            let e = parse(text).expect_err(text);
            ((e.line, e.column, e.message.as_str()) != (*line, *column, *message))
                .then(|| format!("{text:?}\n  got {}:{} {}", e.line, e.column, e.message))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    let e = parse("program: X\nday A\n  Squat: 5xfive\n").unwrap_err();
    assert_eq!(
        e.to_string(),
        "line 3, column 10: expected sets x reps like 5x5, 3x8-12 or 1x5+ (1–50 sets of 1–100 reps), found `5xfive`"
    );
}

#[test]
fn headings_are_lowercase_so_an_exercise_may_start_with_their_words() {
    let p = parse("program: X\nday A\n  Day [slot0]: 1x1\n  Note Curl: 3x8\n  Week Row: 3x5\n")
        .unwrap();
    let names: Vec<&str> = p.weeks[0].days[0]
        .lines
        .iter()
        .map(|l| l.exercise.as_str())
        .collect();
    assert_eq!(names, ["Day", "Note Curl", "Week Row"]);
}

#[test]
fn formatting_then_parsing_gives_the_same_program() {
    let p = parse(GZCLP_A1).unwrap();
    let text = p.to_string();
    assert_eq!(parse(&text).unwrap(), p, "{text}");
    assert_eq!(
        parse(&text).unwrap().to_string(),
        text,
        "the layout is stable"
    );
}

// ---- proptest: any program the model can hold formats to text that parses back to it ----

fn word() -> impl Strategy<Value = String> {
    "[A-Z][a-z]{0,6}( [A-Z]?[a-z]{1,6}){0,2}"
}

fn text() -> impl Strategy<Value = String> {
    "[A-Za-z0-9][A-Za-z0-9 ,.;:/()'+%-]{0,30}".prop_map(|s| s.trim_end().to_string())
}

fn num(lo: i64, hi: i64) -> impl Strategy<Value = Num> {
    (lo..=hi).prop_map(Num::hundredths)
}

fn unit() -> impl Strategy<Value = Unit> {
    prop_oneof![Just(Unit::Kg), Just(Unit::Lb)]
}

fn step() -> impl Strategy<Value = Step> {
    (num(1, 2000), unit()).prop_map(|(amount, unit)| Step { amount, unit })
}

fn reps() -> impl Strategy<Value = RepTarget> {
    (1u16..=20, 0u16..=10).prop_map(|(min, extra)| RepTarget {
        min,
        max: min + extra,
    })
}

fn load() -> impl Strategy<Value = Load> {
    prop_oneof![
        Just(Load::Working),
        (num(0, 30000), unit()).prop_map(|(n, u)| Load::Fixed(n, u)),
        num(1, 20000).prop_map(Load::OfMax),
        num(1, 20000).prop_map(Load::OfTm),
        prop_oneof![num(-9999, -1), num(1, 5000)].prop_map(Load::Relative),
    ]
}

fn group() -> impl Strategy<Value = SetGroup> {
    (
        1u16..=10,
        reps(),
        any::<bool>(),
        load(),
        proptest::option::of((2i64..=20).prop_map(|h| Num::hundredths(h * 50))),
        proptest::option::of(word()),
    )
        .prop_map(|(sets, reps, amrap, load, rpe, label)| SetGroup {
            sets,
            reps,
            amrap,
            load,
            rpe,
            label,
        })
}

fn rule() -> impl Strategy<Value = Rule> {
    let scheme = (1u16..=10, reps(), any::<bool>());
    prop_oneof![
        (
            step(),
            1u16..=5,
            num(1, 9999),
            proptest::option::of(1u16..=20)
        )
            .prop_map(|(step, fails, reset, double_at)| Rule::Linear {
                step,
                fails,
                reset,
                double_at
            }),
        step().prop_map(|step| Rule::Double { step }),
        (1u16..=100, step()).prop_map(|(target, step)| Rule::Sum { target, step }),
        (1u16..=100, step()).prop_map(|(target, step)| Rule::Amrap { target, step }),
        (
            proptest::collection::vec(scheme, 2..4),
            step(),
            prop_oneof![
                num(1, 9999).prop_map(Restart::Cut),
                step().prop_map(Restart::First)
            ]
        )
            .prop_map(|(stages, step, restart)| Rule::Stages {
                stages,
                step,
                restart
            }),
        (step(), proptest::option::of(num(1, 9999)))
            .prop_map(|(step, fail)| Rule::Tm { step, fail }),
        proptest::collection::vec(step(), 1..4).prop_map(|steps| Rule::TmTable {
            rows: steps
                .into_iter()
                .enumerate()
                .map(|(i, s)| (i as u16 * 2, s))
                .collect()
        }),
        (step(), 1u16..=100).prop_map(|(step, cap)| Rule::TmReps { step, cap }),
        proptest::collection::vec(num(1, 20000), 1..4).prop_map(|pcts| Rule::Max {
            rows: pcts
                .into_iter()
                .enumerate()
                .map(|(i, p)| (i as u16 + 1, p))
                .collect()
        }),
    ]
}

fn line() -> impl Strategy<Value = Line> {
    (
        word(),
        proptest::option::of(word()),
        proptest::collection::vec(group(), 1..4),
        prop_oneof![
            Just(Warmup::None),
            Just(Warmup::Auto),
            proptest::collection::vec(group(), 1..3).prop_map(Warmup::Sets)
        ],
        proptest::option::of(1u32..=3600),
        proptest::option::of(prop_oneof![
            (num(0, 30000), unit()).prop_map(|(n, u)| Load::Fixed(n, u)),
            num(1, 20000).prop_map(Load::OfMax),
        ]),
        proptest::option::of("[A-Z][0-9]?"),
        proptest::option::of(text()),
    )
        .prop_map(
            |(exercise, label, groups, warmup, rest, start, superset, note)| Line {
                exercise,
                label,
                groups,
                warmup,
                rest,
                start,
                superset,
                rule: None,
                note: note.filter(|n| !n.is_empty()),
                at: 0,
            },
        )
}

fn program() -> impl Strategy<Value = Program> {
    let day = (
        "[A-Z][a-z0-9]{0,3}",
        proptest::option::of(text()),
        proptest::collection::vec(text(), 0..2),
        proptest::collection::vec(line(), 1..4),
    )
        .prop_map(|(name, title, notes, lines)| Day {
            name,
            title: title.filter(|t| !t.is_empty()),
            notes: notes.into_iter().filter(|n| !n.is_empty()).collect(),
            lines,
        });
    let week = (
        any::<bool>(),
        proptest::option::of(text()),
        proptest::collection::vec(day, 1..3),
    )
        .prop_map(|(deload, title, mut days)| {
            for (i, d) in days.iter_mut().enumerate() {
                d.name = format!("{}{i}", d.name);
            }
            Week {
                deload,
                title: title.filter(|t| !t.is_empty()),
                days,
            }
        });
    (
        (
            word(),
            proptest::option::of(text()),
            prop_oneof![
                Just(vec![]),
                Just(vec![Level::Novice]),
                Just(vec![Level::Novice, Level::Advanced]),
                Just(vec![Level::Intermediate])
            ],
            proptest::option::of(prop_oneof![
                Just(Goal::Strength),
                Just(Goal::Hypertrophy),
                Just(Goal::Both)
            ]),
            proptest::option::of(1u8..=7),
            prop_oneof![Just(Schedule::Weekly), Just(Schedule::Rotate)],
        ),
        (
            proptest::option::of(proptest::sample::select(Periodization::ALL.to_vec())),
            proptest::option::of(num(1, 10000)),
            proptest::option::of(1u16..=52),
            proptest::option::of(text()),
            proptest::collection::vec(text(), 0..2),
        ),
        proptest::collection::vec(week, 1..3),
        proptest::collection::vec(rule(), 0..3),
    )
        .prop_map(
            |(
                (name, origin, level, goal, days, schedule),
                (periodization, tm, length_weeks, source, notes),
                weeks,
                rules,
            )| {
                let mut p = Program {
                    meta: Meta {
                        name,
                        origin: origin.filter(|o| !o.is_empty()),
                        level,
                        goal,
                        days,
                        schedule,
                        periodization,
                        tm,
                        length_weeks,
                        source: source.filter(|s| !s.is_empty()),
                        notes: notes.into_iter().filter(|n| !n.is_empty()).collect(),
                    },
                    weeks,
                };
                give_rules(&mut p, rules);
                p
            },
        )
}

/// Rules go to distinct slots, so no slot is given two; a stage ladder gets a line of one group
/// and a rule that reads an AMRAP a line with one.
fn give_rules(p: &mut Program, rules: Vec<Rule>) {
    for (slot, rule) in rules.into_iter().enumerate() {
        let Some(line) = p
            .weeks
            .iter_mut()
            .flat_map(|w| w.days.iter_mut())
            .flat_map(|d| d.lines.iter_mut())
            .nth(slot)
        else {
            continue;
        };
        line.label = Some(format!("slot{slot}"));
        if matches!(rule, Rule::Stages { .. }) {
            line.groups.truncate(1);
        }
        if matches!(
            rule,
            Rule::Amrap { .. } | Rule::TmTable { .. } | Rule::TmReps { .. } | Rule::Max { .. }
        ) {
            line.groups[0].amrap = true;
        }
        line.rule = Some(rule);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn any_program_formats_to_text_that_parses_back_to_it(p in program()) {
        let text = p.to_string();
        let back = parse(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(back, p, "{}", text);
    }

    #[test]
    fn any_text_is_read_or_refused_without_a_panic(lines in proptest::collection::vec("[ -~×\"]{0,40}", 0..8)) {
        let text = format!("program: X\nday A\n{}", lines.join("\n"));
        let _ = parse(&text);
        let _ = parse(&lines.join("\n"));
    }
}
