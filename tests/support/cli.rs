//! Running the real `ironpulse` binary in a throwaway home: `HOME` and `XDG_*` point into a
//! temporary folder and `IRONPULSE_DB` / `IRONPULSE_LOG` are removed, so a test never touches the
//! user's config, data or logs. Include it with `#[path = "support/cli.rs"] mod cli;`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use tempfile::TempDir;

/// What a finished run left: its exit code (none when killed by a signal) and its output.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(out: Output) -> Self {
        Self {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

/// Runs `command` with its stdout a pipe whose reading end is already closed, as when
/// `| head` has exited: every write to stdout fails with `EPIPE`, whatever the output's size.
/// The run's `stdout` is empty; its `stderr` is captured.
pub fn with_stdout_closed(command: &mut Command) -> Run {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = command
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    Run::from(out)
}

/// The binary, not yet run, with its home and XDG folders under `home` (`home/home`,
/// `home/config`, `home/data`, `home/state`, `home/cache`) and no `IRONPULSE_DB` / `IRONPULSE_LOG`.
pub fn command(home: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ironpulse"));
    command
        .env("HOME", home.join("home"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env_remove("IRONPULSE_DB")
        .env_remove("IRONPULSE_LOG");
    command
}

/// Runs `ironpulse --db db args…` in the throwaway home under `home` and waits for it.
pub fn run(home: &Path, db: &Path, args: &[&str]) -> Run {
    Run::from(
        command(home)
            .arg("--db")
            .arg(db)
            .args(args)
            .output()
            .unwrap(),
    )
}

/// Runs `ironpulse --db db args… --json`, asserts a clean exit and exactly one line of JSON
/// without NaN, and parses it.
#[track_caller]
pub fn json(home: &Path, db: &Path, args: &[&str]) -> serde_json::Value {
    let mut args = args.to_vec();
    args.push("--json");
    let out = run(home, db, &args);
    assert_eq!(out.code, Some(0), "{args:?}: {}", out.stderr);
    assert_eq!(
        out.stdout.lines().count(),
        1,
        "one JSON line: {}",
        out.stdout
    );
    assert!(!out.stdout.contains("NaN"), "{}", out.stdout);
    serde_json::from_str(&out.stdout).unwrap()
}

/// A temporary folder holding the throwaway home, removed when dropped; optionally with a
/// database passed as `--db` to every command.
pub struct Sandbox {
    dir: TempDir,
    db: Option<PathBuf>,
}

impl Sandbox {
    /// A new empty sandbox; the binary finds its database the usual way (config, XDG data).
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
            db: None,
        }
    }

    /// Passes `--db <sandbox>/<name>` ahead of every command's arguments.
    pub fn with_db(self, name: &str) -> Self {
        let db = self.path(name);
        Self {
            db: Some(db),
            ..self
        }
    }

    /// The sandbox folder itself.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// `rel` inside the sandbox.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// The binary with `args` (after `--db …` when set), ready for more env or pipes.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = command(self.root());
        if let Some(db) = &self.db {
            command.arg("--db").arg(db);
        }
        command.args(args);
        command
    }

    /// Runs the binary with `args` and waits for it.
    pub fn run(&self, args: &[&str]) -> Run {
        Run::from(self.command(args).output().unwrap())
    }
}
