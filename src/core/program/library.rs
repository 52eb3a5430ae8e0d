//! The built-in programs, shipped as text in `assets/programs/` and compiled into the binary.
//! Facts (loads, sets, progressions) are from `programs.md` and the sources each file names;
//! the text is ours.

use super::{Program, ProgramError, parse};

/// One built-in program's file.
#[derive(Debug, Clone, Copy)]
pub struct Builtin {
    /// Its file name without `.txt`: `gzclp`.
    pub slug: &'static str,
    pub text: &'static str,
}

macro_rules! builtins {
    ($($slug:literal),* $(,)?) => {
        &[$(Builtin {
            slug: $slug,
            text: include_str!(concat!("../../../assets/programs/", $slug, ".txt")),
        }),*]
    };
}

/// Every built-in, easiest first.
pub const BUILTINS: &[Builtin] = builtins![
    "starting-strength",
    "stronglifts-5x5",
    "greyskull-lp",
    "basic-beginner-routine",
    "gzclp",
    "reddit-ppl",
    "531-beginners",
    "nsuns-531-lp",
    "texas-method",
    "madcow-5x5",
    "lyle-generic-bulking",
    "phul",
    "531",
    "531-bbb",
    "531-fsl",
    "rhea-linear",
    "zourdos-dup",
    "phat",
    "candito-6-week",
    "juggernaut-2",
    "smolov-jr",
    "calgary-barbell-16",
    "westside-conjugate",
];

impl Builtin {
    /// The program. The files are checked by tests, so an error here means a broken build.
    pub fn program(&self) -> Result<Program, ProgramError> {
        parse(self.text)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::core::workout::catalogue;

    #[test]
    fn every_builtin_parses_names_catalogue_exercises_and_says_what_it_is() {
        let catalogue = catalogue::builtin().unwrap();
        let known: HashSet<String> = catalogue
            .iter()
            .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases))
            .map(|n| n.to_lowercase())
            .collect();
        let mut names = HashSet::new();
        for b in BUILTINS {
            let p = b.program().unwrap_or_else(|e| panic!("{}: {e}", b.slug));
            let m = &p.meta;
            assert!(
                names.insert(m.name.to_lowercase()),
                "{}: name repeated",
                b.slug
            );
            assert!(m.origin.is_some(), "{}: origin", b.slug);
            assert!(!m.level.is_empty(), "{}: level", b.slug);
            assert!(m.goal.is_some(), "{}: goal", b.slug);
            assert!(m.days.is_some(), "{}: days", b.slug);
            assert!(m.periodization.is_some(), "{}: periodization", b.slug);
            assert!(m.source.is_some(), "{}: source", b.slug);
            for line in p.weeks.iter().flat_map(|w| &w.days).flat_map(|d| &d.lines) {
                assert!(
                    known.contains(&line.exercise.to_lowercase()),
                    "{} line {}: `{}` is not in the catalogue",
                    b.slug,
                    line.at,
                    line.exercise
                );
            }
            assert_eq!(
                parse(&p.to_string()).unwrap(),
                p,
                "{}: formats and parses back",
                b.slug
            );
        }
    }
}
