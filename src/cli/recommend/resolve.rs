//! Which exercise a name on the command line means: the exact name or alias (ignoring case,
//! spaces and punctuation), else the best match of the app's fuzzy matcher (`core::workout::fuzzy`, the
//! pickers' own) when it needed no typo forgiven; a typo or an unknown name gets the matches as
//! suggestions instead, best first, so a command never acts on a guess.

use ironpulse::core::workout::catalogue::match_key;
use ironpulse::core::workout::exercise::{Exercise, ExerciseId};
use ironpulse::core::workout::fuzzy;

/// How many names an unknown name suggests.
const SUGGESTIONS: usize = 3;

/// The exercise `query` names, or the names it probably meant (best first; none when nothing
/// matches even with typos forgiven). `recent` (most recent first) breaks fuzzy ties, as in the
/// picker.
pub fn resolve<'a>(
    query: &str,
    exercises: &'a [Exercise],
    recent: &[ExerciseId],
) -> Result<&'a Exercise, Vec<String>> {
    let key = match_key(query);
    if key.is_empty() {
        return Err(Vec::new());
    }
    if let Some(exact) = exercises.iter().find(|e| {
        std::iter::once(&e.name)
            .chain(&e.aliases)
            .any(|n| match_key(n) == key)
    }) {
        return Ok(exact);
    }
    let items: Vec<(&str, &[String])> = exercises
        .iter()
        .map(|e| (e.name.as_str(), e.aliases.as_slice()))
        .collect();
    let recent: Vec<usize> = recent
        .iter()
        .filter_map(|id| exercises.iter().position(|e| e.id == *id))
        .collect();
    let found = fuzzy::matches(query, &items, &recent);
    match found.first() {
        Some(best) if best.typos == 0 => Ok(&exercises[best.index]),
        _ => Err(found
            .iter()
            .take(SUGGESTIONS)
            .map(|m| exercises[m.index].name.clone())
            .collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ironpulse::core::workout::exercise::{Equipment, ExerciseKind, Mechanics};

    fn exercise(id: i64, name: &str, aliases: &[&str]) -> Exercise {
        Exercise {
            id: ExerciseId(id),
            name: name.into(),
            kind: ExerciseKind::Strength,
            equipment: Equipment::Barbell,
            mechanics: Mechanics::Compound,
            muscles: vec![],
            aliases: aliases.iter().map(|a| (*a).into()).collect(),
            custom: false,
        }
    }

    fn list() -> Vec<Exercise> {
        vec![
            exercise(1, "Back Squat", &["squat"]),
            exercise(2, "Front Squat", &[]),
            exercise(3, "Bench Press", &["bench"]),
            exercise(4, "Deadlift", &[]),
        ]
    }

    #[test]
    fn exact_names_and_aliases_ignore_case_and_punctuation() {
        let list = list();
        assert_eq!(resolve("back-squat", &list, &[]).unwrap().id, ExerciseId(1));
        assert_eq!(resolve("SQUAT", &list, &[]).unwrap().id, ExerciseId(1));
        assert_eq!(resolve("bench", &list, &[]).unwrap().id, ExerciseId(3));
    }

    #[test]
    fn a_partial_name_takes_the_fuzzy_best_and_recency_breaks_ties() {
        let list = list();
        assert_eq!(resolve("dead", &list, &[]).unwrap().id, ExerciseId(4));
        assert_eq!(resolve("fr sq", &list, &[]).unwrap().id, ExerciseId(2));
        assert_eq!(resolve("bp", &list, &[]).unwrap().id, ExerciseId(3));
        // "press" is in one name only; "squat" in two, and recency picks Front Squat.
        assert_eq!(resolve("press", &list, &[]).unwrap().id, ExerciseId(3));
        let recent = [ExerciseId(2)];
        assert_eq!(resolve("squa", &list, &recent).unwrap().id, ExerciseId(2));
    }

    #[test]
    fn a_typo_is_not_acted_on_but_suggests_the_lift_first() {
        let list = list();
        // The case: once Bench Press came third after two names nearer by edits.
        assert_eq!(resolve("benhc", &list, &[]).unwrap_err(), ["Bench Press"]);
        let closest = resolve("sqaut", &list, &[]).unwrap_err();
        assert_eq!(closest, ["Back Squat", "Front Squat"]);
    }

    #[test]
    fn nothing_near_suggests_nothing() {
        let list = list();
        assert_eq!(
            resolve("zzzz", &list, &[]).unwrap_err(),
            Vec::<String>::new()
        );
        assert_eq!(resolve("", &list, &[]).unwrap_err(), Vec::<String>::new());
        assert_eq!(resolve("--", &list, &[]).unwrap_err(), Vec::<String>::new());
    }
}
