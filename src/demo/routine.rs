//! What the demo lifter trains beside the program they run: every lift they know with its role,
//! working sets, rep range and how strong they start and can become; their own days on the
//! weekdays the program leaves free; and the assistance they add to a program's short days.

use chrono::Weekday;

/// How a lift is trained: main lifts are warmed up fully and rested longest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The heavy barbell lift the day is built around.
    Main,
    /// A compound after the main lift.
    Secondary,
    /// Isolation and bodyweight work at the end.
    Accessory,
}

/// One lift the lifter knows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LiftSpec {
    /// The catalogue name.
    pub name: &'static str,
    pub role: Role,
    /// Working sets in a normal week, when the lifter programs it.
    pub sets: u8,
    /// The double-progression rep range (compound 4–8, isolation 8–15).
    pub reps: (u16, u16),
    /// Starting one-rep max of the moved load (body weight included for bodyweight lifts), in
    /// multiples of body weight.
    pub start: f64,
    /// The one-rep max the lifter tends towards over the years, in multiples of body weight.
    pub ceiling: f64,
    /// Kilograms added per successful session while a novice (0: double progression from the start).
    pub linear_step: f64,
}

const fn lift(
    name: &'static str,
    role: Role,
    sets: u8,
    reps: (u16, u16),
    start: f64,
    ceiling: f64,
) -> LiftSpec {
    LiftSpec {
        name,
        role,
        sets,
        reps,
        start,
        ceiling,
        linear_step: 0.0,
    }
}

const fn linear(spec: LiftSpec, step: f64) -> LiftSpec {
    LiftSpec {
        linear_step: step,
        ..spec
    }
}

use Role::{Accessory, Main, Secondary};

/// Every lift the demo lifter trains, in their own days or in a program.
pub const LIFTS: &[LiftSpec] = &[
    linear(lift("Bench Press", Main, 4, (4, 6), 0.85, 1.55), 2.5),
    linear(lift("Back Squat", Main, 4, (4, 6), 1.1, 2.1), 5.0),
    linear(lift("Deadlift", Main, 3, (3, 5), 1.3, 2.5), 5.0),
    lift("Overhead Press", Secondary, 3, (5, 8), 0.55, 0.95),
    linear(
        lift("Incline Bench Press", Main, 4, (6, 8), 0.75, 1.35),
        2.5,
    ),
    linear(lift("Front Squat", Main, 4, (5, 8), 0.9, 1.7), 2.5),
    lift("Barbell Row", Secondary, 4, (6, 8), 0.75, 1.35),
    lift("Romanian Deadlift", Secondary, 4, (6, 10), 1.0, 2.0),
    lift("Power Clean", Secondary, 5, (3, 3), 0.7, 1.25),
    lift("Leg Press", Secondary, 3, (8, 12), 2.0, 4.0),
    lift("Hip Thrust", Secondary, 3, (8, 12), 1.2, 2.8),
    lift("Lat Pulldown", Secondary, 4, (8, 10), 0.75, 1.3),
    lift("Seated Cable Row", Secondary, 3, (8, 12), 0.75, 1.4),
    lift("Dumbbell Row", Secondary, 3, (8, 12), 0.35, 0.7),
    lift("Dumbbell Shoulder Press", Secondary, 3, (8, 10), 0.25, 0.5),
    lift("Pull-Up", Accessory, 4, (5, 10), 1.35, 1.8),
    lift("Chin-Up", Accessory, 4, (5, 10), 1.35, 1.85),
    lift("Chest Dip", Accessory, 4, (6, 12), 1.25, 1.8),
    lift("Hanging Leg Raise", Accessory, 3, (8, 15), 1.35, 1.9),
    lift("Back Extension", Accessory, 3, (10, 15), 1.4, 2.2),
    lift("Barbell Curl", Accessory, 3, (8, 12), 0.4, 0.75),
    lift("Dumbbell Curl", Accessory, 4, (8, 12), 0.15, 0.3),
    lift("Hammer Curl", Accessory, 4, (8, 12), 0.17, 0.35),
    lift("Triceps Pushdown", Accessory, 4, (10, 12), 0.35, 0.7),
    lift("Lateral Raise", Accessory, 4, (10, 15), 0.13, 0.25),
    lift("Face Pull", Accessory, 4, (12, 15), 0.3, 0.55),
    lift("Lying Leg Curl", Accessory, 4, (8, 12), 0.45, 0.9),
    lift("Seated Leg Curl", Accessory, 4, (10, 12), 0.5, 1.0),
    lift("Leg Extension", Accessory, 4, (10, 15), 0.6, 1.2),
    lift("Standing Calf Raise", Accessory, 4, (10, 15), 1.0, 2.0),
    lift("Bulgarian Split Squat", Secondary, 3, (8, 10), 0.25, 0.6),
];

/// The lift named `name` (the catalogue's name).
pub fn spec(name: &str) -> Option<LiftSpec> {
    LIFTS.iter().find(|l| l.name == name).copied()
}

/// One of the lifter's own training days.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OwnDay {
    /// The session title.
    pub title: &'static str,
    pub lifts: &'static [&'static str],
}

/// The days the lifter trains on: Wednesday and Sunday are rest days.
pub const TRAINING_DAYS: [Weekday; 5] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
];

/// Next to a three-day program: an upper day on Tuesday…
const UPPER: OwnDay = OwnDay {
    title: "Upper",
    lifts: &[
        "Incline Bench Press",
        "Seated Cable Row",
        "Dumbbell Shoulder Press",
        "Pull-Up",
        "Dumbbell Curl",
    ],
};

/// …and legs on Friday.
const LEGS: OwnDay = OwnDay {
    title: "Legs",
    lifts: &[
        "Front Squat",
        "Romanian Deadlift",
        "Leg Press",
        "Seated Leg Curl",
        "Standing Calf Raise",
    ],
};

/// Next to a four-day program: the lifts it leaves out, on Saturday.
const EXTRAS: OwnDay = OwnDay {
    title: "Extras",
    lifts: &[
        "Front Squat",
        "Incline Bench Press",
        "Hip Thrust",
        "Lateral Raise",
        "Hammer Curl",
    ],
};

/// The lifter's own day on `weekday`, which the program leaves free (its training days are
/// `program`).
pub fn own_day(weekday: Weekday, program: &[Weekday]) -> Option<OwnDay> {
    if program.contains(&weekday) {
        return None;
    }
    match (program.len(), weekday) {
        (..=3, Weekday::Tue) => Some(UPPER),
        (..=3, Weekday::Fri) => Some(LEGS),
        (..=3, _) => None,
        (_, Weekday::Sat) => Some(EXTRAS),
        _ => None,
    }
}

/// The assistance the lifter adds after a program's lines, by the day's first lift, in order.
pub fn assistance(first: &str) -> &'static [&'static str] {
    match first {
        "Back Squat" | "Front Squat" => &[
            "Leg Press",
            "Lying Leg Curl",
            "Standing Calf Raise",
            "Leg Extension",
        ],
        "Deadlift" => &[
            "Lat Pulldown",
            "Seated Cable Row",
            "Face Pull",
            "Hammer Curl",
        ],
        "Bench Press" => &[
            "Triceps Pushdown",
            "Lateral Raise",
            "Dumbbell Curl",
            "Chest Dip",
        ],
        "Overhead Press" => &[
            "Lateral Raise",
            "Face Pull",
            "Triceps Pushdown",
            "Dumbbell Curl",
        ],
        _ => &["Face Pull", "Dumbbell Curl", "Standing Calf Raise"],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::workout::catalogue::{builtin, resolve};

    #[test]
    fn every_lift_is_in_the_built_in_catalogue_under_its_own_name() {
        let catalogue = builtin().unwrap();
        for lift in LIFTS {
            let entry = resolve(&catalogue, lift.name)
                .unwrap_or_else(|| panic!("{} is missing", lift.name));
            assert_eq!(entry.name, lift.name);
            assert!(lift.ceiling > lift.start, "{}", lift.name);
            assert!(lift.reps.0 <= lift.reps.1, "{}", lift.name);
        }
        let days = [UPPER, LEGS, EXTRAS];
        let named = days.iter().flat_map(|d| d.lifts).chain(
            [
                "Back Squat",
                "Deadlift",
                "Bench Press",
                "Overhead Press",
                "Other",
            ]
            .iter()
            .flat_map(|first| assistance(first)),
        );
        for name in named {
            assert!(spec(name).is_some(), "{name} has no strength");
        }
    }

    #[test]
    fn own_days_fill_the_week_around_the_program() {
        use Weekday::{Fri, Mon, Sat, Thu, Tue};
        let three = [Mon, Thu, Sat];
        let own: Vec<_> = TRAINING_DAYS
            .iter()
            .filter_map(|d| own_day(*d, &three).map(|o| o.title))
            .collect();
        assert_eq!(own, ["Upper", "Legs"]);
        let four = [Mon, Tue, Thu, Fri];
        let own: Vec<_> = TRAINING_DAYS
            .iter()
            .filter_map(|d| own_day(*d, &four).map(|o| o.title))
            .collect();
        assert_eq!(own, ["Extras"]);
        for day in [UPPER, LEGS, EXTRAS] {
            assert_eq!(day.lifts.len(), 5, "{}", day.title);
        }
    }
}
