//! End-to-end, in a real terminal (tmux): what the terminal shows when the app starts, and what
//! a burst of typed or pasted text does to the entry line. Each test has its own tmux server and
//! home directory; without tmux the tests say so and pass (`.ci/run` installs it and makes a
//! skip fail).

#[path = "support/tmux.rs"]
mod tmux;

use std::ffi::OsString;
use std::path::Path;

use rusqlite::Connection;
use tempfile::TempDir;
use tmux::Tmux;

const BIN: &str = env!("CARGO_BIN_EXE_ironpulse");

/// `env` with a clean environment in `home`, then `program`.
fn argv(home: &Path, program: &[&str]) -> Vec<OsString> {
    let mut argv: Vec<OsString> = [
        "env",
        "-u",
        "NO_COLOR",
        "-u",
        "IRONPULSE_DB",
        "-u",
        "IRONPULSE_LOG",
    ]
    .map(OsString::from)
    .into();
    for (key, sub) in [
        ("HOME", ""),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ] {
        let mut pair = OsString::from(format!("{key}="));
        pair.push(home.join(sub));
        argv.push(pair);
    }
    argv.extend(program.iter().map(OsString::from));
    argv
}

fn db(home: &TempDir) -> String {
    home.path().join("test.db").display().to_string()
}

/// Fills in the first-run profile form and waits for the dashboard.
fn onboard(t: &Tmux) {
    t.wait_for("Welcome to ironpulse");
    t.send(&["Enter"]);
    t.type_text("80");
    t.send(&["Enter", "Enter"]);
    t.type_text("1990");
    t.send(&["Enter", "Enter"]);
    t.type_text("55");
    t.send(&["Enter", "Enter", "Enter", "Enter", "Enter"]);
    t.wait_for("No session running.");
}

/// What the terminal showed before (here: a terminal whose alternate screen keeps the old text)
/// is wiped when the app takes over, not left in the cells the first frame leaves blank.
#[test]
fn the_screen_is_cleared_when_the_app_starts() {
    if tmux::skip() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let db = db(&home);
    // The shell fills the screen with text, then waits for Enter before starting the app, so
    // the alternate screen can be turned off first.
    let script = format!(
        "for i in 1 2 3 4 5 6 7 8; do printf 'LEFTOVER %.0s' 1 2 3 4 5 6 7 8 9 10; echo; done; \
         read -r _; exec {BIN} --db {db}"
    );
    let t = Tmux::new(
        100,
        30,
        home.path(),
        &argv(home.path(), &["/bin/sh", "-c", &script]),
    );
    t.wait_for("LEFTOVER");
    t.run(&["set-option", "-w", "-t", "main", "alternate-screen", "off"]);
    t.send(&["Enter"]);
    let screen = t.wait_for("Welcome to ironpulse");
    assert!(
        !screen.contains("LEFTOVER"),
        "old text left on screen:\n{screen}"
    );
}

/// A 2,048-character burst typed into the entry line, then Enter: the line keeps the first 100
/// characters and says at once how long the line was and what a set looks like; Enter says it
/// again and logs nothing. A right-to-left override typed into the line never reaches the
/// screen. Exercise notes longer than their field scroll, the start behind a `…`.
#[test]
fn a_burst_of_2048_characters_then_enter_says_so_and_logs_nothing() {
    if tmux::skip() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let db = db(&home);
    let t = Tmux::new(80, 24, home.path(), &argv(home.path(), &[BIN, "--db", &db]));
    onboard(&t);
    t.send(&["s"]);
    t.wait_for("Add exercise — type to search");
    t.type_text("squat");
    t.wait_for("> squat");
    t.send(&["Enter"]);
    t.wait_for("Set — Back Squat");

    let burst: String = (1..=2048)
        .map(|i| if i % 10 == 0 { 'Z' } else { '1' })
        .collect();
    t.type_text(&burst);
    let message = "that line is 2,048 characters — a set is written like 100x5";
    let screen = t.wait_for(message);
    // 100 characters in a 76-column line: the end shows, the start is hidden behind a marker.
    assert!(
        screen.contains("│> …111Z111") && screen.contains("111111111Z │"),
        "{screen}"
    );
    t.send(&["Enter"]);
    t.wait_for(message);
    let sets: i64 = Connection::open(&db)
        .unwrap()
        .query_row("SELECT count(*) FROM set_entry", [], |r| r.get(0))
        .unwrap();
    assert_eq!(sets, 0, "nothing was logged");

    t.send(&["C-u"]);
    t.type_text("w 60\u{202E}x5");
    let screen = t.wait_for("> w 60x5");
    assert!(!screen.contains('\u{202E}'), "{screen}");
    assert!(!screen.contains(message), "{screen}");

    t.send(&["C-o"]);
    t.wait_for("Exercise notes");
    t.type_text("belt from the second set, knees out, slow on the way down, pause at the bottom");
    let screen = t.wait_for("pause at the bottom");
    assert!(screen.contains("Notes           …"), "{screen}");
    t.send(&["Enter"]);
    t.wait_for("Notes: belt from the second set, knees out, slow… │");
}
