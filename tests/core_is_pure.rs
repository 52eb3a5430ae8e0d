//! `core/` is the pure domain: no terminal, database, Bluetooth, file system, async runtime or
//! clock, and nothing from the layers above it (architecture.md). This reads its sources.

use std::fs;
use std::path::Path;

const FORBIDDEN: &[&str] = &[
    "tokio",
    "ratatui",
    "crossterm",
    "rusqlite",
    "btleplug",
    "std::fs",
    "std::net",
    "Utc::now",
    "Local::now",
    "SystemTime::now",
    "Instant::now",
    "crate::app",
    "crate::read",
    "crate::store",
    "crate::ui",
    "crate::hr",
    "crate::cli",
    "crate::demo",
    // The layers that read the store for screens and commands sit above core too.
    "crate::review",
    "crate::read",
    "crate::config",
];

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("read src/core") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `code` names `word`, also inside a grouped import: `use crate::{config::Keys, core::units}`
/// names `crate::config`. `crate::reading` is not `crate::read`.
fn mentions(code: &str, word: &str) -> bool {
    let grouped = code.find("crate::{").map(|at| {
        let inner = &code[at + "crate::{".len()..];
        inner
            .split([',', '{', '}'])
            .map(|part| format!("crate::{}", part.trim()))
            .collect::<Vec<_>>()
    });
    let named = |text: &str| {
        text.match_indices(word).any(|(at, _)| {
            !text[at + word.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
        })
    };
    named(code) || grouped.is_some_and(|parts| parts.iter().any(|p| named(p)))
}

#[test]
fn the_guard_sees_plain_and_grouped_imports_and_nothing_else() {
    assert!(mentions("use crate::review::ReviewRows;", "crate::review"));
    assert!(mentions(
        "use crate::{config::Keys, core::units};",
        "crate::config"
    ));
    assert!(mentions("use crate::{core::units, read};", "crate::read"));
    assert!(mentions("let t = Instant::now();", "Instant::now"));
    assert!(!mentions("use crate::reading::X;", "crate::read"));
    assert!(!mentions("use super::review::load;", "crate::review"));
    assert!(!mentions("use crate::{core::units};", "crate::config"));
}

#[test]
fn core_uses_no_io_clock_or_upper_layer() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![root.join("core.rs")];
    sources(&root.join("core"), &mut files);
    assert!(files.len() > 20, "found the core sources: {}", files.len());
    let mut found = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("read a core source");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in FORBIDDEN {
                if mentions(code, word) {
                    found.push(format!("{}:{}: {word}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "core must stay pure:\n{}",
        found.join("\n")
    );
}
