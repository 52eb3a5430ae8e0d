//! A shipped migration is never edited (docs/style.md, rule 11): a database that already ran it
//! would never see the change. This holds the SHA-256 of every file in `src/store/migrations/`
//! and fails, naming the file, when one is edited, removed or added without its hash here.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use sha2::{Digest, Sha256};

/// Every shipped migration and the SHA-256 of its text (line ends read as `\n`, so a checkout
/// that turns them into `\r\n` still matches). A new migration is added here once it ships.
const SHIPPED: &[(&str, &str)] = &[
    (
        "0001_initial.sql",
        "ae42734e88452c63e16e48144a53ea414210cd009251fbbb45496828e707aa7a",
    ),
    (
        "0002_progression.sql",
        "ae5786bc11609b516178c398097cb37bfe32dc31df927ccd2e312b373154beb5",
    ),
    (
        "0003_heart_rate.sql",
        "29bb228e631215ae23c81da6746ef866f832962fbde583a2779a921a89887859",
    ),
    (
        "0004_review.sql",
        "78b5d1594a23f7578edad19048b145efdc5043310a068c83dd017bb34de35f66",
    ),
    (
        "0005_slot_volume.sql",
        "5393a0d74aac8e069abf1602e9b7a43fb1f21f4cf35c783965f69a72afcc914e",
    ),
    (
        "0006_trained_time.sql",
        "41782d8fb054e4bc634c62353400ac763e64daef03358232e93222d6d62d1e3a",
    ),
    (
        "0007_hr_gap_not_saved.sql",
        "34a8922b4577ee5e52d435bb428e621ddfed191b8cc5c6e84ac9499989689622",
    ),
    (
        "0008_programs.sql",
        "15eb2ba0e3cc82cf0a0b309f76b713917e639a437a3a548d8fb47dff4f8e58cf",
    ),
];

fn sha256(text: &str) -> String {
    let digest = Sha256::digest(text.replace("\r\n", "\n").as_bytes());
    digest.iter().fold(String::new(), |mut hex, byte| {
        let _ = write!(hex, "{byte:02x}");
        hex
    })
}

/// What is wrong with the migrations found (`(file name, text)`), one line each.
fn problems(found: &[(String, String)]) -> Vec<String> {
    let mut problems = Vec::new();
    for (name, hash) in SHIPPED {
        match found.iter().find(|(n, _)| n == name) {
            None => problems.push(format!(
                "{name} was shipped and is gone: a database that ran it still has its schema; \
                 put it back and undo it in a new migration"
            )),
            Some((_, text)) if sha256(text) != *hash => problems.push(format!(
                "{name} was edited after it shipped: databases that already ran it will never \
                 see the change. Restore it and add a new migration (NNNN_what.sql) instead"
            )),
            Some(_) => {}
        }
    }
    for (name, text) in found {
        if !SHIPPED.iter().any(|(n, _)| n == name) {
            problems.push(format!(
                "{name} is new: once it ships, add (\"{name}\", \"{}\") to SHIPPED in {}",
                sha256(text),
                file!()
            ));
        }
    }
    problems
}

#[test]
fn no_shipped_migration_was_edited() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/migrations");
    let mut found = Vec::new();
    for entry in fs::read_dir(&dir).expect("read src/store/migrations") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_some_and(|e| e == "sql") {
            let name = path.file_name().expect("a file name").to_string_lossy();
            let text = fs::read_to_string(&path).expect("read a migration");
            found.push((name.into_owned(), text));
        }
    }
    let problems = problems(&found);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn an_edited_missing_or_unlisted_migration_is_named() {
    let shipped = |name: &str| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src/store/migrations")
            .join(name);
        (
            name.to_string(),
            fs::read_to_string(path).expect("read a migration"),
        )
    };
    let mut found: Vec<_> = SHIPPED.iter().map(|(name, _)| shipped(name)).collect();
    assert!(problems(&found).is_empty());
    // The same text with Windows line ends is the same migration.
    found[0].1 = found[0].1.replace('\n', "\r\n");
    assert!(problems(&found).is_empty());
    found[1]
        .1
        .push_str("\nALTER TABLE session ADD COLUMN mood TEXT;\n");
    found.remove(2);
    found.push(("0099_next.sql".into(), "-- why\nSELECT 1;\n".into()));
    let problems = problems(&found);
    assert_eq!(problems.len(), 3, "{problems:#?}");
    assert!(problems[0].starts_with("0002_progression.sql was edited after it shipped"));
    assert!(problems[0].contains("add a new migration"));
    assert!(problems[1].starts_with("0003_heart_rate.sql was shipped and is gone"));
    assert!(
        problems[2].starts_with("0099_next.sql is new: once it ships, add (\"0099_next.sql\", \"")
    );
}

#[test]
fn the_hash_is_sha256() {
    // FIPS 180-2, appendix B.1: SHA-256("abc").
    assert_eq!(
        sha256("abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}
