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
                if code.contains(word) {
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
