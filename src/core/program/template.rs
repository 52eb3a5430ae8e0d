//! A finished session kept as a program: one day, each lift a line of its working sets as done
//! (runs of equal sets become `NxR load`), warm-ups as the lifter's usual ramp, no rule — the
//! lifter adds one when they edit it.

use super::{Day, Line, Load, Meta, Num, Program, RepTarget, Schedule, SetGroup, Warmup, Week};
use crate::core::units::Unit;
use crate::core::workout::set::{Load as SetLoad, SetKind, SetSpec};

/// One lift of the session: its name and its sets in order.
pub struct DoneLift<'a> {
    pub exercise: &'a str,
    pub sets: &'a [SetSpec],
}

/// The program a session makes: named `name`, its day titled `title`, loads in `unit`.
pub fn from_session(
    name: &str,
    title: &str,
    origin: &str,
    lifts: &[DoneLift<'_>],
    unit: Unit,
) -> Program {
    let lines = lifts
        .iter()
        .filter(|l| {
            l.sets
                .iter()
                .any(|s| s.kind.is_working() && s.reps.is_some())
        })
        .map(|l| Line {
            exercise: l.exercise.to_string(),
            label: None,
            groups: groups(l.sets, unit),
            warmup: if l.sets.iter().any(|s| s.kind == SetKind::Warmup) {
                Warmup::Auto
            } else {
                Warmup::None
            },
            rest: None,
            start: None,
            superset: None,
            rule: None,
            note: None,
            at: 0,
        })
        .collect();
    Program {
        meta: Meta {
            name: name.to_string(),
            origin: Some(origin.to_string()),
            level: Vec::new(),
            goal: None,
            days: Some(1),
            schedule: Schedule::Weekly,
            periodization: None,
            tm: None,
            length_weeks: None,
            source: None,
            notes: Vec::new(),
        },
        weeks: vec![Week {
            deload: false,
            title: None,
            days: vec![Day {
                name: "A".into(),
                title: (!title.trim().is_empty()).then(|| title.trim().to_string()),
                notes: Vec::new(),
                lines,
            }],
        }],
    }
}

/// The working sets as runs of equal sets.
fn groups(sets: &[SetSpec], unit: Unit) -> Vec<SetGroup> {
    let mut out: Vec<SetGroup> = Vec::new();
    for s in sets.iter().filter(|s| s.kind.is_working()) {
        let Some(reps) = s.reps.map(crate::core::units::Reps::get) else {
            continue;
        };
        let load = match s.load {
            SetLoad::External(w) => Load::Fixed(
                Num::hundredths((w.in_unit(unit) * 100.0).round() as i64),
                unit,
            ),
            _ => Load::Working,
        };
        let group = SetGroup {
            sets: 1,
            reps: RepTarget {
                min: reps,
                max: reps,
            },
            amrap: s.kind == SetKind::Amrap,
            load,
            rpe: s
                .effort
                .map(|e| Num::hundredths((e.rpe().value() * 100.0).round() as i64)),
            label: None,
        };
        match out.last_mut() {
            Some(last)
                if SetGroup {
                    sets: last.sets,
                    ..group.clone()
                } == *last
                    && !last.amrap =>
            {
                last.sets += 1;
            }
            _ => out.push(group),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::program::parse;
    use crate::core::units::{Reps, Weight};

    fn set(kind: SetKind, kg: f64, reps: u32) -> SetSpec {
        SetSpec {
            kind,
            load: SetLoad::External(Weight::from_kg(kg).unwrap()),
            reps: Some(Reps::try_from(reps).unwrap()),
            ..SetSpec::default()
        }
    }

    #[test]
    fn a_session_becomes_a_one_day_program_that_reads_back() {
        use SetKind::{Amrap, Warmup, Working};
        let squat = [
            set(Warmup, 60.0, 5),
            set(Working, 100.0, 5),
            set(Working, 100.0, 5),
            set(Working, 100.0, 5),
            set(Amrap, 100.0, 8),
        ];
        let curl = [set(Working, 12.5, 10), set(Working, 12.5, 9)];
        let only_warmup = [set(Warmup, 20.0, 10)];
        let p = from_session(
            "Monday",
            "Legs",
            "saved from the session of 2026-12-07",
            &[
                DoneLift {
                    exercise: "Back Squat",
                    sets: &squat,
                },
                DoneLift {
                    exercise: "Dumbbell Curl",
                    sets: &curl,
                },
                DoneLift {
                    exercise: "Leg Press",
                    sets: &only_warmup,
                },
            ],
            Unit::Kg,
        );
        let text = p.to_string();
        assert!(
            text.contains("  Back Squat: 3x5 100kg, 1x8+ 100kg; warmup auto\n"),
            "{text}"
        );
        assert!(
            text.contains("  Dumbbell Curl: 1x10 12.5kg, 1x9 12.5kg\n"),
            "{text}"
        );
        assert!(
            !text.contains("Leg Press"),
            "a lift with only warm-ups is left out: {text}"
        );
        assert_eq!(parse(&text).unwrap(), p);
    }
}
