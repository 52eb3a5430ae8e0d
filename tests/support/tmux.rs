//! A real terminal for end-to-end tests: a private tmux server per test, driven the way a user
//! drives it (keys in, screen out). Waiting is always polling the screen for what should appear,
//! with a deadline; a timeout fails with the last screen. The server is killed on drop and its
//! socket lives in a temporary directory, so a failing test leaves nothing behind.
#![allow(dead_code)]

use std::ffi::{OsStr, OsString};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::thread;
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// How long anything may take to show up on the screen.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// How often the screen is read while waiting.
const POLL: Duration = Duration::from_millis(50);
/// The one session (and window, and pane) each server runs.
const TARGET: &str = "main";
/// Server options: keep a pane and its last screen after its program exits, so exit messages
/// and exit codes can be read; no status line.
const CONFIG: &str = "set -g remain-on-exit on\nset -g status off\n";

/// True when a `tmux` binary can be run.
pub fn installed() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|out| out.status.success())
}

/// Whether `tool` runs (`tool flag` succeeds). A missing tool fails the test under
/// [`REQUIRE_E2E`] and is skipped, with the reason, otherwise.
pub fn tool_installed(tool: &str, flag: &str) -> bool {
    if Command::new(tool)
        .arg(flag)
        .output()
        .is_ok_and(|out| out.status.success())
    {
        return true;
    }
    assert!(
        std::env::var_os(REQUIRE_E2E).is_none(),
        "{tool} is not installed but {REQUIRE_E2E} is set: an end-to-end test may not skip here"
    );
    println!("skipping: {tool} not installed (`.ci/run` installs it)");
    false
}

/// Returns true, after saying why, when tmux is missing and the calling test should return.
pub fn skip() -> bool {
    if installed() {
        return false;
    }
    assert!(
        std::env::var_os(REQUIRE_E2E).is_none(),
        "tmux is not installed but {REQUIRE_E2E} is set: an end-to-end test may not skip here"
    );
    println!("skipping: tmux not installed (`.ci/run` installs it)");
    true
}

/// Set by `.ci/run`: a missing tool then fails the test instead of skipping it.
pub const REQUIRE_E2E: &str = "IRONPULSE_REQUIRE_E2E";

/// One tmux server with one pane running the program under test.
pub struct Tmux {
    dir: TempDir,
    socket: PathBuf,
    config: PathBuf,
}

impl Tmux {
    /// Starts a detached server whose only pane is `width`×`height` and runs `argv` directly
    /// (no shell in between, so the pane's pid is the program's pid) in `cwd`.
    pub fn new(width: u16, height: u16, cwd: &Path, argv: &[OsString]) -> Tmux {
        let dir = tempfile::Builder::new()
            .prefix("ironpulse-tmux-")
            .tempdir()
            .expect("a temporary directory for the tmux socket");
        let socket = dir.path().join("sock");
        let config = dir.path().join("tmux.conf");
        fs::write(&config, CONFIG).expect("write tmux.conf");
        let tmux = Tmux {
            dir,
            socket,
            config,
        };
        let mut tmux_args: Vec<OsString> = vec![
            "new-session".into(),
            "-d".into(),
            "-s".into(),
            TARGET.into(),
            "-x".into(),
            width.to_string().into(),
            "-y".into(),
            height.to_string().into(),
            "-c".into(),
            cwd.into(),
            "--".into(),
        ];
        tmux_args.extend(argv.iter().cloned());
        tmux.run(&tmux_args);
        tmux
    }

    fn command(&self) -> Command {
        let mut cmd = Command::new("tmux");
        cmd.arg("-S")
            .arg(&self.socket)
            .arg("-f")
            .arg(&self.config)
            .env_remove("TMUX");
        cmd
    }

    /// Runs one tmux command and returns its stdout; panics with tmux's stderr on failure.
    pub fn run<S: AsRef<OsStr>>(&self, args: &[S]) -> String {
        let out = self
            .command()
            .args(args)
            .output()
            .expect("run tmux (is it installed?)");
        assert!(
            out.status.success(),
            "tmux {:?} failed: {}",
            args.iter().map(AsRef::as_ref).collect::<Vec<_>>(),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Presses keys by tmux name: `Enter`, `Escape`, `C-n`, `Up`, `y`.
    pub fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", TARGET];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Types `text` literally, one character after the other.
    pub fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", TARGET, "-l", "--", text]);
    }

    /// The visible screen as plain text.
    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", TARGET])
    }

    /// The visible screen with its colour and attribute escape sequences kept.
    pub fn screen_with_escapes(&self) -> String {
        self.run(&["capture-pane", "-p", "-e", "-t", TARGET])
    }

    /// Expands a tmux format such as `#{pane_pid}` for the pane.
    pub fn format(&self, format: &str) -> String {
        self.run(&["display-message", "-p", "-t", TARGET, format])
            .trim_end()
            .to_string()
    }

    /// The pid of the pane's process: the program itself when started without a shell.
    pub fn pane_pid(&self) -> u32 {
        let text = self.format("#{pane_pid}");
        text.parse()
            .unwrap_or_else(|_| panic!("pane_pid is not a number: {text:?}"))
    }

    /// True once the pane's program has exited (the pane stays, showing its last screen).
    pub fn pane_dead(&self) -> bool {
        self.format("#{pane_dead}") == "1"
    }

    /// Waits until `text` is on the screen and returns that screen.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?} on the screen"), |screen| {
            screen.contains(text)
        })
    }

    /// Waits until every one of `texts` is on the screen at once and returns that screen. Use
    /// this rather than waiting for one text and asserting the rest: a capture can land in the
    /// middle of a redraw.
    pub fn wait_for_all(&self, texts: &[&str]) -> String {
        self.wait_until(&format!("all of {texts:?} on the screen"), |screen| {
            texts.iter().all(|text| screen.contains(text))
        })
    }

    /// Waits until `done(screen)` holds and returns that screen; fails after [`TIMEOUT`] with
    /// `what` and the last screen.
    pub fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let screen = self.screen();
            if done(&screen) {
                return screen;
            }
            if Instant::now() >= deadline {
                let dead = if self.pane_dead() {
                    format!(
                        " (the program exited with status {})",
                        self.format("#{pane_dead_status}")
                    )
                } else {
                    String::new()
                };
                panic!(
                    "timed out after {TIMEOUT:?} waiting for {what}{dead}; last screen:\n{screen}"
                );
            }
            thread::sleep(POLL);
        }
    }

    /// Waits until the tmux format `format` expands to `expected`.
    pub fn wait_for_format(&self, format: &str, expected: &str) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let value = self.format(format);
            if value == expected {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {format} = {expected:?}, it is {value:?}; last screen:\n{}",
                self.screen()
            );
            thread::sleep(POLL);
        }
    }

    /// Resizes the window (the program sees SIGWINCH).
    pub fn resize(&self, width: u16, height: u16) {
        self.run(&[
            "resize-window",
            "-t",
            TARGET,
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
    }

    /// Starts `argv` again in the pane, killing whatever still runs there.
    pub fn respawn(&self, argv: &[OsString]) {
        let mut tmux_args: Vec<OsString> = vec![
            "respawn-pane".into(),
            "-k".into(),
            "-t".into(),
            TARGET.into(),
            "--".into(),
        ];
        tmux_args.extend(argv.iter().cloned());
        self.run(&tmux_args);
    }

    /// Stops the server and everything running in it.
    pub fn kill(&self) {
        let _ = self.command().arg("kill-server").output();
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Sends `signal` (a name such as `KILL` or `TERM`) to `pid`, with the shell's `kill`.
pub fn signal(pid: u32, signal: &str) {
    let out: Output = Command::new("sh")
        .arg("-c")
        .arg(format!("kill -s {signal} {pid}"))
        .output()
        .expect("run sh");
    assert!(
        out.status.success(),
        "kill -s {signal} {pid} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The pids of `parent`'s children, read from `/proc`.
pub fn children(parent: u32) -> Vec<u32> {
    let Ok(entries) = fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter_map(|entry| entry.file_name().to_str()?.parse::<u32>().ok())
        .filter(|&pid| parent_of(pid) == Some(parent))
        .collect()
}

/// The parent pid from `/proc/<pid>/stat` (the field after the parenthesised command name).
fn parent_of(pid: u32) -> Option<u32> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after_name = &stat[stat.rfind(')')? + 1..];
    after_name.split_whitespace().nth(1)?.parse().ok()
}

/// Waits until `parent` has exactly one child and returns its pid.
pub fn only_child(parent: u32) -> u32 {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        if let [child] = children(parent)[..] {
            return child;
        }
        assert!(
            Instant::now() < deadline,
            "process {parent} has children {:?}, expected exactly one",
            children(parent)
        );
        thread::sleep(POLL);
    }
}
