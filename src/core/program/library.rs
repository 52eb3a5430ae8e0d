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
mod tests;
