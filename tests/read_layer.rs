//! `read/` sits between the store and the app: it asks `store/` for rows and `core/` for
//! figures, and never reaches up into the app, the drawing or the command line, nor runs a query
//! of its own (ARCHITECTURE.md). This reads its sources.

use std::fs;
use std::path::{Path, PathBuf};

const FORBIDDEN: &[&str] = &[
    "crate::app",
    "crate::ui",
    "crate::cli",
    "crate::hr",
    "crate::demo",
    "rusqlite",
    "tokio",
    "ratatui",
    "crossterm",
    "Utc::now",
    "Local::now",
];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("read src/read") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn read_models_import_only_the_store_and_core() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![root.join("read.rs")];
    sources(&root.join("read"), &mut files);
    assert!(files.len() > 5, "found the read sources: {}", files.len());
    let mut found = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("read a read-model source");
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
        "read/ must stay between store/ and app/:\n{}",
        found.join("\n")
    );
}
