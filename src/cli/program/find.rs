//! Which program NAME means: one of the lifter's own programs or a built-in, by its name or the
//! built-in's file name (a few letters will do, and a typo when only one program could be
//! meant), or a program file by its path. The lifter's own come first.

use std::path::Path;

use ironpulse::core::program::library::BUILTINS;
use ironpulse::core::program::{Program, parse};
use ironpulse::core::workout::catalogue::match_key;
use ironpulse::core::workout::fuzzy;
use ironpulse::store::{ProgramId, Store, StoredProgram};

use crate::cli::Failure;

/// Where a program came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    /// One of the lifter's, as stored.
    Stored(StoredProgram),
    /// A built-in, by its file name.
    Builtin(&'static str),
    /// A file on disk.
    File(String),
}

/// A program found.
pub struct Found {
    pub program: Program,
    /// Its text as found.
    pub text: String,
    pub origin: Origin,
}

impl Found {
    /// The built-in's file name, if it is one.
    pub fn slug(&self) -> Option<&'static str> {
        match self.origin {
            Origin::Builtin(slug) => Some(slug),
            _ => None,
        }
    }
}

/// The program `name` means, among the lifter's own (when `store` is given) and the built-ins.
pub fn find(store: Option<&Store>, name: &str) -> Result<Found, Failure> {
    let path = Path::new(name);
    if path.is_file() {
        let (program, text) = read_file(path)?;
        return Ok(Found {
            program,
            text,
            origin: Origin::File(name.to_string()),
        });
    }
    let mut candidates: Vec<(String, Vec<String>, Origin, String)> = Vec::new();
    if let Some(store) = store {
        let mut own = store
            .programs()
            .map_err(|e| Failure::from_store(e, "read your programs"))?;
        // Two of yours with one name: the one running comes first, then the newest.
        let running = store
            .running_program()
            .map_err(|e| Failure::from_store(e, "read the running program"))?
            .map(|a| a.program.id);
        own.sort_by_key(|p| (Some(p.id) != running, std::cmp::Reverse(p.id)));
        for p in own.into_iter().filter(|p| !p.archived) {
            candidates.push((
                p.name.clone(),
                vec![],
                Origin::Stored(p.clone()),
                p.text.clone(),
            ));
        }
    }
    for b in BUILTINS {
        let program = b
            .program()
            .map_err(|e| Failure::Usage(format!("built-in {}: {e}", b.slug)))?;
        candidates.push((
            program.meta.name.clone(),
            vec![b.slug.to_string()],
            Origin::Builtin(b.slug),
            b.text.to_string(),
        ));
    }
    let key = match_key(name);
    if key.is_empty() {
        return Err(Failure::Usage(
            "name a program: `ironpulse program list` shows them".into(),
        ));
    }
    let exact = candidates.iter().position(|(n, aliases, _, _)| {
        match_key(n) == key || aliases.iter().any(|a| match_key(a) == key)
    });
    let index = if let Some(i) = exact {
        i
    } else {
        let items: Vec<(&str, &[String])> = candidates
            .iter()
            .map(|(n, a, _, _)| (n.as_str(), a.as_slice()))
            .collect();
        let found = fuzzy::matches(name, &items, &[]);
        let exact: Vec<_> = found.iter().filter(|m| m.typos == 0).collect();
        match found.as_slice() {
            [only] => only.index,
            // A few letters name a program when only one program has them.
            _ if exact.len() == 1 => exact[0].index,
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
                    .map(|m| candidates[m.index].0.as_str())
                    .collect();
                return Err(Failure::Usage(format!(
                    "{name:?} could be more than one program: {}? Give more of the name",
                    names.join(" or ")
                )));
            }
        }
    };
    let (_, _, origin, text) = candidates.swap_remove(index);
    let program = parse(&text).map_err(|e| Failure::Usage(format!("{name}: {e}")))?;
    Ok(Found {
        program,
        text,
        origin,
    })
}

/// The lifter's own program for what was found: theirs as it is; a built-in's copy they already
/// keep (same text), else a new copy noted `note`; a file saved as theirs.
pub fn keep(
    store: &Store,
    found: &Found,
    note: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<ProgramId, Failure> {
    let save = |builtin: Option<&str>, note: &str| {
        store
            .create_program(&found.program.meta.name, builtin, &found.text, note, now)
            .map_err(|e| Failure::from_store(e, "save the program"))
    };
    match &found.origin {
        Origin::Stored(p) => Ok(p.id),
        Origin::Builtin(slug) => {
            let own = store
                .programs()
                .map_err(|e| Failure::from_store(e, "read your programs"))?;
            match own
                .iter()
                .find(|p| p.builtin.as_deref() == Some(*slug) && p.text == found.text)
            {
                Some(p) => Ok(p.id),
                None => save(Some(slug), note),
            }
        }
        Origin::File(path) => save(None, &format!("from {path}")),
    }
}

/// A program file, read and parsed; a syntax error names the file, line and column (exit 2).
pub fn read_file(path: &Path) -> Result<(Program, String), Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::Usage(format!("cannot read {}: {e}", path.display())))?;
    let program = parse(&text).map_err(|e| Failure::Usage(format!("{}: {e}", path.display())))?;
    Ok((program, text))
}
