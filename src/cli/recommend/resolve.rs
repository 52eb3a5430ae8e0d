//! Which exercise a name on the command line means: the exact name or alias (ignoring case,
//! spaces and punctuation), else the picker's fuzzy match; unknown names get the closest ones.

use ironpulse::core::catalogue::match_key;
use ironpulse::core::exercise::{Exercise, ExerciseId};
use ironpulse::core::fuzzy;

/// How many names an unknown name suggests.
const SUGGESTIONS: usize = 3;

/// The exercise `query` names, or the closest names when none matches. `recent` (most recent
/// first) breaks fuzzy ties, as in the picker.
pub fn resolve<'a>(
    query: &str,
    exercises: &'a [Exercise],
    recent: &[ExerciseId],
) -> Result<&'a Exercise, Vec<String>> {
    let key = match_key(query);
    if let Some(exact) = exercises.iter().find(|e| {
        !key.is_empty()
            && std::iter::once(&e.name)
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
    // The picker's subsequence match is generous ("sqaut" finds "Safety Bar Squat"); a command
    // takes the best match only when every word of the query appears as typed.
    let words: Vec<String> = query.split_whitespace().map(match_key).collect();
    fuzzy::rank(query, &items, &recent)
        .into_iter()
        .map(|i| &exercises[i])
        .find(|e| {
            std::iter::once(&e.name)
                .chain(&e.aliases)
                .any(|name| contains_words(&name.to_lowercase(), &words))
        })
        .filter(|_| !key.is_empty())
        .ok_or_else(|| closest(&key, exercises))
}

/// Whether every word's key is part of `name` (lowercase), in any order.
fn contains_words(name: &str, words: &[String]) -> bool {
    let name = match_key(name);
    words.iter().all(|w| name.contains(w.as_str()))
}

/// The names nearest `key` by edit distance, to the whole name, an alias, or one word of them.
fn closest(key: &str, exercises: &[Exercise]) -> Vec<String> {
    let mut scored: Vec<(usize, &str)> = exercises
        .iter()
        .map(|e| {
            let distance = std::iter::once(&e.name)
                .chain(&e.aliases)
                .flat_map(|name| {
                    std::iter::once(match_key(name))
                        .chain(name.split_whitespace().map(match_key))
                        .collect::<Vec<_>>()
                })
                .map(|candidate| levenshtein(key, &candidate))
                .min()
                .unwrap_or(usize::MAX);
            (distance, e.name.as_str())
        })
        .collect();
    scored.sort_unstable();
    scored
        .into_iter()
        .take(SUGGESTIONS)
        .map(|(_, name)| name.to_owned())
        .collect()
}

/// Edits (insert, delete, substitute) between two strings, by characters.
fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use ironpulse::core::exercise::{Equipment, ExerciseKind, Mechanics};

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
        // "press" is in one name only; "squat" in two, and recency picks Front Squat.
        assert_eq!(resolve("press", &list, &[]).unwrap().id, ExerciseId(3));
        let recent = [ExerciseId(2)];
        assert_eq!(resolve("squa", &list, &recent).unwrap().id, ExerciseId(2));
    }

    #[test]
    fn an_unknown_name_gets_the_closest_ones() {
        let list = list();
        let closest = resolve("sqaut", &list, &[]).unwrap_err();
        assert_eq!(closest[0], "Back Squat");
        assert_eq!(closest.len(), 3);
        assert!(resolve("", &list, &[]).is_err());
    }

    #[test]
    fn edit_distance_known_values() {
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("squat", "squat"), 0);
        assert_eq!(levenshtein("sqaut", "squat"), 2);
    }
}
