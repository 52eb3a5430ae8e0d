//! The built-in exercise catalogue, shipped in `assets/exercises.toml` and compiled into the binary.

use crate::core::workout::exercise::{Equipment, ExerciseKind, Mechanics};

/// Bump when `assets/exercises.toml` changes: existing databases then add new entries and update
/// their built-in rows (never custom exercises). 2: the one-word aliases Bench, Row, Press, Curl.
pub const CATALOGUE_VERSION: u32 = 2;

const SOURCE: &str = include_str!("../../../assets/exercises.toml");

/// One exercise as described in the catalogue file.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueEntry {
    pub name: String,
    pub kind: ExerciseKind,
    pub equipment: Equipment,
    pub mechanics: Mechanics,
    pub muscles: Vec<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueFile {
    exercise: Vec<CatalogueEntry>,
}

/// The built-in catalogue. The file is checked by tests, so an error here means a broken build.
pub fn builtin() -> Result<Vec<CatalogueEntry>, toml::de::Error> {
    toml::from_str::<CatalogueFile>(SOURCE).map(|f| f.exercise)
}

/// The muscle names the catalogue may use, as listed in the header of `assets/exercises.toml`.
pub const MUSCLES: &[&str] = &[
    "chest",
    "upper back",
    "lats",
    "traps",
    "front delts",
    "side delts",
    "rear delts",
    "biceps",
    "triceps",
    "forearms",
    "abs",
    "obliques",
    "lower back",
    "glutes",
    "quads",
    "hamstrings",
    "adductors",
    "calves",
    "cardio",
];

/// The entry whose name or one of whose aliases is `name`, ignoring case, spaces and punctuation:
/// `"Bench Press (Barbell)"`, `"bench press barbell"` and `"Bench-Press(BARBELL)"` are all the same.
/// This is how exercise names from a Strong or Hevy export are matched on import.
pub fn resolve<'a>(entries: &'a [CatalogueEntry], name: &str) -> Option<&'a CatalogueEntry> {
    let key = match_key(name);
    if key.is_empty() {
        return None;
    }
    entries.iter().find(|entry| {
        std::iter::once(&entry.name)
            .chain(&entry.aliases)
            .any(|known| key_chars(known).eq(key.chars()))
    })
}

/// The form of a name that [`resolve`] compares: lowercase letters and digits only, so
/// `"Pull-Up"` and `"pull up"` both give `"pullup"`. Useful as a map key when matching many rows.
pub fn match_key(name: &str) -> String {
    key_chars(name).collect()
}

fn key_chars(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{HashMap, HashSet};

    fn entries() -> Vec<CatalogueEntry> {
        builtin().expect("the built-in catalogue parses")
    }

    fn names_of(entry: &CatalogueEntry) -> impl Iterator<Item = &String> {
        std::iter::once(&entry.name).chain(&entry.aliases)
    }

    #[test]
    fn the_file_parses_and_is_large_enough() {
        assert!(entries().len() >= 120, "only {} exercises", entries().len());
    }

    #[test]
    fn every_kind_and_equipment_is_used() {
        let entries = entries();
        let kinds: HashSet<ExerciseKind> = entries.iter().map(|e| e.kind).collect();
        let equipment: HashSet<Equipment> = entries.iter().map(|e| e.equipment).collect();
        let mechanics: HashSet<Mechanics> = entries.iter().map(|e| e.mechanics).collect();
        for kind in [
            ExerciseKind::Strength,
            ExerciseKind::Bodyweight,
            ExerciseKind::Cardio,
        ] {
            // An exhaustive match, so a new variant breaks this test until it is listed above.
            match kind {
                ExerciseKind::Strength | ExerciseKind::Bodyweight | ExerciseKind::Cardio => {}
            }
            assert!(kinds.contains(&kind), "no {kind} exercise");
        }
        for eq in [
            Equipment::Barbell,
            Equipment::Dumbbell,
            Equipment::Machine,
            Equipment::Cable,
            Equipment::Kettlebell,
            Equipment::Bodyweight,
            Equipment::Band,
            Equipment::Cardio,
            Equipment::Other,
        ] {
            match eq {
                Equipment::Barbell
                | Equipment::Dumbbell
                | Equipment::Machine
                | Equipment::Cable
                | Equipment::Kettlebell
                | Equipment::Bodyweight
                | Equipment::Band
                | Equipment::Cardio
                | Equipment::Other => {}
            }
            assert!(equipment.contains(&eq), "no {eq} exercise");
        }
        assert!(mechanics.contains(&Mechanics::Compound));
        assert!(mechanics.contains(&Mechanics::Isolation));
    }

    #[test]
    fn names_and_aliases_are_unique_ignoring_case() {
        let mut seen: HashMap<String, &str> = HashMap::new();
        for entry in &entries() {
            for name in names_of(entry) {
                if let Some(first) = seen.insert(name.to_lowercase(), &entry.name) {
                    panic!("{name:?} (in {:?}) is also in {first:?}", entry.name);
                }
            }
        }
    }

    #[test]
    fn match_keys_never_point_at_two_entries() {
        let entries = entries();
        let mut owner: HashMap<String, &str> = HashMap::new();
        for entry in &entries {
            for name in names_of(entry) {
                let key = match_key(name);
                assert!(!key.is_empty(), "{name:?} has no letters");
                if let Some(other) = owner.insert(key, &entry.name) {
                    assert_eq!(other, entry.name, "{name:?} is ambiguous");
                }
            }
        }
    }

    #[test]
    fn names_are_clean() {
        for entry in &entries() {
            for name in names_of(entry) {
                assert_eq!(name.trim(), name, "stray spaces in {name:?}");
                assert!(!name.contains("  "), "double space in {name:?}");
            }
            assert!(!entry.muscles.is_empty(), "{} lists no muscles", entry.name);
        }
    }

    #[test]
    fn muscles_come_from_the_vocabulary() {
        for entry in &entries() {
            for muscle in &entry.muscles {
                assert!(
                    MUSCLES.contains(&muscle.as_str()),
                    "{}: unknown muscle {muscle:?}",
                    entry.name
                );
            }
        }
    }

    #[test]
    fn the_file_header_lists_the_same_muscles() {
        let listed = SOURCE
            .lines()
            .skip_while(|line| !line.starts_with("# muscles:"))
            .nth(1)
            .expect("the header has a muscles line followed by the list");
        let listed: Vec<&str> = listed
            .trim_start_matches('#')
            .split(',')
            .map(str::trim)
            .collect();
        assert_eq!(listed, MUSCLES);
    }

    #[test]
    fn strong_and_hevy_names_resolve() {
        let entries = entries();
        let cases = [
            ("Bench Press (Barbell)", "Bench Press"),
            ("Squat (Barbell)", "Back Squat"),
            ("Deadlift (Barbell)", "Deadlift"),
            ("Lat Pulldown (Cable)", "Lat Pulldown"),
            ("Bicep Curl (Dumbbell)", "Dumbbell Curl"),
            ("Pull Up", "Pull-Up"),
            ("Chin Up", "Chin-Up"),
            ("Running", "Running"),
            ("Rowing (Machine)", "Rowing Machine"),
            ("Rowing Machine", "Rowing Machine"),
            ("Triceps Pushdown", "Triceps Pushdown"),
            (
                "Triceps Pushdown (Cable - Straight Bar)",
                "Triceps Pushdown",
            ),
            ("Triceps Rope Pushdown", "Rope Pushdown"),
            ("Leg Press (Machine)", "Leg Press"),
            ("Romanian Deadlift (Barbell)", "Romanian Deadlift"),
            ("Overhead Press (Barbell)", "Overhead Press"),
            ("Hip Thrust (Barbell)", "Hip Thrust"),
            ("Plank", "Plank"),
            ("Treadmill", "Treadmill Run"),
            ("Running (Treadmill)", "Treadmill Run"),
            ("Incline Bench Press (Dumbbell)", "Incline Dumbbell Press"),
            ("Bent Over Row (Barbell)", "Barbell Row"),
            ("Seated Row (Cable)", "Seated Cable Row"),
            ("Seated Cable Row - V Grip (Cable)", "Seated Cable Row"),
            ("Bent Over One Arm Row (Dumbbell)", "Dumbbell Row"),
            ("Butterfly (Pec Deck)", "Pec Deck"),
            ("Lying Leg Curl (Machine)", "Lying Leg Curl"),
            ("Hip Abductor (Machine)", "Hip Abduction"),
            ("Elliptical Trainer", "Elliptical"),
            ("Cycling (Indoor)", "Stationary Bike"),
            ("Goblet Squat (Kettlebell)", "Kettlebell Goblet Squat"),
            ("Face Pull (Cable)", "Face Pull"),
            ("Skullcrusher (Barbell)", "Skull Crusher"),
        ];
        for (exported, expected) in cases {
            let found = resolve(&entries, exported).map(|e| e.name.as_str());
            assert_eq!(found, Some(expected), "{exported:?}");
        }
    }

    #[test]
    fn resolve_ignores_case_spacing_and_punctuation() {
        let entries = entries();
        let name = |query| resolve(&entries, query).map(|e| e.name.as_str());
        assert_eq!(name("  bench-press   (BARBELL) "), Some("Bench Press"));
        assert_eq!(name("PULLUP"), Some("Pull-Up"));
        assert_eq!(name("Farmer\u{2019}s Walk"), Some("Farmer's Walk"));
        assert_eq!(name("t bar row"), Some("T-Bar Row"));
    }

    #[test]
    fn resolve_does_not_guess() {
        let entries = entries();
        assert!(resolve(&entries, "Underwater Basket Weaving").is_none());
        assert!(resolve(&entries, "").is_none());
        assert!(resolve(&entries, " (-) ").is_none());
        // A variant the catalogue does not know stays unknown rather than matching its base lift.
        assert!(resolve(&entries, "Bench Press (Kettlebell)").is_none());
    }

    #[test]
    fn match_key_keeps_letters_and_digits_only() {
        assert_eq!(
            match_key("Lat Pulldown - Close Grip (Cable)"),
            "latpulldownclosegripcable"
        );
        assert_eq!(match_key("45 Degree Leg Press"), "45degreelegpress");
        assert_eq!(match_key("--"), "");
    }
}

#[cfg(test)]
mod picker_tests {
    use super::builtin;
    use crate::core::workout::fuzzy::rank;

    /// A new lifter's one-word searches put the staple lift first (no recent history yet).
    #[test]
    fn one_word_searches_find_the_staple_lift_first() {
        let entries = builtin().unwrap();
        let items: Vec<(&str, &[String])> = entries
            .iter()
            .map(|e| (e.name.as_str(), e.aliases.as_slice()))
            .collect();
        for (query, expected) in [
            ("bench", "Bench Press"),
            ("squat", "Back Squat"),
            ("deadlift", "Deadlift"),
            ("row", "Barbell Row"),
            ("press", "Overhead Press"),
            ("ohp", "Overhead Press"),
            ("curl", "Barbell Curl"),
            ("pulldown", "Lat Pulldown"),
            ("rdl", "Romanian Deadlift"),
            ("pull up", "Pull-Up"),
            ("dip", "Chest Dip"),
        ] {
            let first = rank(query, &items, &[])
                .first()
                .map(|i| entries[*i].name.as_str());
            assert_eq!(first, Some(expected), "query {query:?}");
        }
    }
}
