//! Which program NAME means: a built-in by its name or file name (a few letters will do, and a
//! typo when only one program could be meant), or a program file by its path.

use std::path::Path;

use ironpulse::core::program::library::BUILTINS;
use ironpulse::core::program::{Program, parse};
use ironpulse::core::workout::catalogue::match_key;
use ironpulse::core::workout::fuzzy;

use crate::cli::Failure;

/// A program found, and what to call it in messages.
pub struct Found {
    pub program: Program,
    /// The built-in's file name, or None for a file.
    pub slug: Option<&'static str>,
}

/// The program `name` means.
pub fn find(name: &str) -> Result<Found, Failure> {
    let path = Path::new(name);
    if path.is_file() {
        return read_file(path).map(|program| Found {
            program,
            slug: None,
        });
    }
    let programs: Vec<Program> = BUILTINS
        .iter()
        .map(|b| {
            b.program()
                .map_err(|e| Failure::Usage(format!("built-in {}: {e}", b.slug)))
        })
        .collect::<Result<_, _>>()?;
    let key = match_key(name);
    if key.is_empty() {
        return Err(Failure::Usage(
            "name a program: `ironpulse program list` shows them".into(),
        ));
    }
    let exact = BUILTINS
        .iter()
        .zip(&programs)
        .position(|(b, p)| match_key(&p.meta.name) == key || match_key(b.slug) == key);
    let index = if let Some(i) = exact {
        i
    } else {
        {
            let slugs: Vec<Vec<String>> =
                BUILTINS.iter().map(|b| vec![b.slug.to_string()]).collect();
            let items: Vec<(&str, &[String])> = programs
                .iter()
                .zip(&slugs)
                .map(|(p, s)| (p.meta.name.as_str(), s.as_slice()))
                .collect();
            let found = fuzzy::matches(name, &items, &[]);
            match found.as_slice() {
                [only] => only.index,
                [best, ..] if best.typos == 0 => best.index,
                [] => {
                    return Err(Failure::Usage(format!(
                        "no program matches {name:?}, even allowing for a typo; \
                         `ironpulse program list` shows them"
                    )));
                }
                several => {
                    let names: Vec<&str> = several
                        .iter()
                        .take(3)
                        .map(|m| programs[m.index].meta.name.as_str())
                        .collect();
                    return Err(Failure::Usage(format!(
                        "no program matches {name:?} exactly; did you mean {}?",
                        names.join(" or ")
                    )));
                }
            }
        }
    };
    Ok(Found {
        program: programs[index].clone(),
        slug: Some(BUILTINS[index].slug),
    })
}

/// A program file, read and parsed; a syntax error names the file, line and column (exit 2).
pub fn read_file(path: &Path) -> Result<Program, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::Usage(format!("cannot read {}: {e}", path.display())))?;
    parse(&text).map_err(|e| Failure::Usage(format!("{}: {e}", path.display())))
}
