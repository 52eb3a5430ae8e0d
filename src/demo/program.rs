//! The demo lifter's programme: a five-day upper/lower + push/pull/legs week, and for each lift
//! its role, working sets, rep range and how strong the lifter starts and can become.

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

/// One lift of a training day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LiftSpec {
    /// The catalogue name.
    pub name: &'static str,
    pub role: Role,
    /// Working sets in a normal week.
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

/// One training day of the week.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DayPlan {
    /// The session title.
    pub title: &'static str,
    pub weekday: Weekday,
    pub lifts: &'static [LiftSpec],
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

/// The week, Monday first; Wednesday and Sunday are rest days.
pub const WEEK: [DayPlan; 5] = [
    DayPlan {
        title: "Upper",
        weekday: Weekday::Mon,
        lifts: &[
            linear(lift("Bench Press", Main, 4, (4, 6), 0.85, 1.55), 2.5),
            lift("Barbell Row", Secondary, 4, (6, 8), 0.75, 1.35),
            lift("Overhead Press", Secondary, 3, (5, 8), 0.55, 0.95),
            lift("Pull-Up", Accessory, 4, (5, 10), 1.35, 1.8),
            lift("Dumbbell Curl", Accessory, 4, (8, 12), 0.15, 0.3),
        ],
    },
    DayPlan {
        title: "Lower",
        weekday: Weekday::Tue,
        lifts: &[
            linear(lift("Back Squat", Main, 4, (4, 6), 1.1, 2.1), 5.0),
            lift("Romanian Deadlift", Secondary, 4, (6, 10), 1.0, 2.0),
            lift("Leg Press", Secondary, 3, (8, 12), 2.0, 4.0),
            lift("Lying Leg Curl", Accessory, 4, (8, 12), 0.45, 0.9),
            lift("Standing Calf Raise", Accessory, 4, (10, 15), 1.0, 2.0),
        ],
    },
    DayPlan {
        title: "Push",
        weekday: Weekday::Thu,
        lifts: &[
            linear(
                lift("Incline Bench Press", Main, 4, (6, 8), 0.75, 1.35),
                2.5,
            ),
            lift("Dumbbell Shoulder Press", Secondary, 3, (8, 10), 0.25, 0.5),
            lift("Chest Dip", Accessory, 4, (6, 12), 1.25, 1.8),
            lift("Lateral Raise", Accessory, 4, (10, 15), 0.13, 0.25),
            lift("Triceps Pushdown", Accessory, 4, (10, 12), 0.35, 0.7),
        ],
    },
    DayPlan {
        title: "Pull",
        weekday: Weekday::Fri,
        lifts: &[
            linear(lift("Deadlift", Main, 3, (3, 5), 1.3, 2.5), 5.0),
            lift("Lat Pulldown", Secondary, 4, (8, 10), 0.75, 1.3),
            lift("Seated Cable Row", Secondary, 3, (8, 12), 0.75, 1.4),
            lift("Face Pull", Accessory, 4, (12, 15), 0.3, 0.55),
            lift("Hammer Curl", Accessory, 4, (8, 12), 0.17, 0.35),
        ],
    },
    DayPlan {
        title: "Legs",
        weekday: Weekday::Sat,
        lifts: &[
            linear(lift("Front Squat", Main, 4, (5, 8), 0.9, 1.7), 2.5),
            lift("Hip Thrust", Secondary, 3, (8, 12), 1.2, 2.8),
            lift("Bulgarian Split Squat", Secondary, 3, (8, 10), 0.25, 0.6),
            lift("Leg Extension", Accessory, 4, (10, 15), 0.6, 1.2),
            lift("Seated Leg Curl", Accessory, 4, (10, 12), 0.5, 1.0),
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::workout::catalogue::{builtin, resolve};

    #[test]
    fn every_lift_is_in_the_built_in_catalogue_under_its_own_name() {
        let catalogue = builtin().unwrap();
        for lift in WEEK.iter().flat_map(|day| day.lifts) {
            let entry = resolve(&catalogue, lift.name)
                .unwrap_or_else(|| panic!("{} is missing", lift.name));
            assert_eq!(entry.name, lift.name);
        }
    }

    #[test]
    fn each_day_starts_with_its_main_lift_and_can_grow() {
        for day in &WEEK {
            assert_eq!(day.lifts[0].role, Role::Main, "{}", day.title);
            assert_eq!(day.lifts.len(), 5, "{}", day.title);
            for lift in day.lifts {
                assert!(lift.ceiling > lift.start, "{}", lift.name);
                assert!(lift.reps.0 < lift.reps.1, "{}", lift.name);
            }
        }
    }
}
