//! The real `ironpulse` binary, isolated from the user's files with `HOME` and `XDG_*` pointing
//! into a temporary directory.

#[path = "support/cli.rs"]
mod cli;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use cli::Run;

/// A throwaway home with its own XDG directories and `TMPDIR`, and no `NO_COLOR`.
struct Sandbox {
    home: cli::Sandbox,
}

impl Sandbox {
    fn new() -> Self {
        let home = cli::Sandbox::new();
        fs::create_dir(home.path("tmp")).unwrap();
        Self { home }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.home.path(rel)
    }

    fn config_file(&self) -> PathBuf {
        self.path("config/ironpulse/config.toml")
    }

    fn default_db(&self) -> PathBuf {
        self.path("data/ironpulse/ironpulse.db")
    }

    fn write_config(&self, text: &str) -> PathBuf {
        let path = self.config_file();
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, text).unwrap();
        path
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = self.home.command(args);
        cmd.env("TMPDIR", self.path("tmp")).env_remove("NO_COLOR");
        cmd
    }

    fn run(&self, args: &[&str]) -> Run {
        Run::from(self.command(args).output().unwrap())
    }

    fn run_with_env(&self, args: &[&str], key: &str, value: &Path) -> Run {
        Run::from(self.command(args).env(key, value).output().unwrap())
    }
}

impl Run {
    #[track_caller]
    fn assert_code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code,
            Some(code),
            "stdout:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    fn path_line(&self) -> PathBuf {
        PathBuf::from(self.stdout.trim_end())
    }
}

#[test]
fn help_lists_every_subcommand() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["--help"]);
    run.assert_code(0);
    for word in [
        "tui",
        "demo",
        "db",
        "--db",
        "--config",
        "IRONPULSE_DB",
        "Examples:",
    ] {
        assert!(
            run.stdout.contains(word),
            "{word} missing from:\n{}",
            run.stdout
        );
    }
    let db = sandbox.run(&["db", "--help"]);
    db.assert_code(0);
    for word in ["check", "backup", "path"] {
        assert!(
            db.stdout.contains(word),
            "{word} missing from:\n{}",
            db.stdout
        );
    }
}

#[test]
fn every_subcommand_has_help_with_examples() {
    let sandbox = Sandbox::new();
    for args in [
        &["tui", "--help"][..],
        &["demo", "--help"],
        &["db", "--help"],
        &["db", "check", "--help"],
        &["db", "backup", "--help"],
        &["db", "path", "--help"],
        &["help", "demo"],
    ] {
        let run = sandbox.run(args);
        run.assert_code(0);
        assert!(
            run.stdout.contains("Examples:\n  ironpulse"),
            "{args:?}:\n{}",
            run.stdout
        );
    }
    let demo = sandbox.run(&["demo", "--help"]);
    for word in ["--years", "--seed", "--no-tui", "--db"] {
        assert!(
            demo.stdout.contains(word),
            "{word} missing from:\n{}",
            demo.stdout
        );
    }
}

#[test]
fn version_prints_the_package_version() {
    let run = Sandbox::new().run(&["--version"]);
    run.assert_code(0);
    assert_eq!(
        run.stdout.trim(),
        format!("ironpulse {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn bad_arguments_exit_2() {
    let sandbox = Sandbox::new();
    sandbox.run(&["frobnicate"]).assert_code(2);
    sandbox.run(&["demo", "--years", "zero"]).assert_code(2);
    sandbox.run(&["db", "backup"]).assert_code(2);
}

#[test]
fn malformed_config_exits_2_naming_file_line_and_key_without_starting_the_tui() {
    let sandbox = Sandbox::new();
    let config = sandbox.write_config("[ui]\ncolour = 1\n");
    for args in [&[][..], &["tui"], &["db", "path"]] {
        let run = sandbox.run(args);
        run.assert_code(2);
        assert!(
            run.stderr.starts_with("ironpulse: config error in "),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr.contains(&config.display().to_string()),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains("line 2"), "{}", run.stderr);
        assert!(run.stderr.contains("\"colour\""), "{}", run.stderr);
        assert!(!run.stderr.contains("Backtrace"), "{}", run.stderr);
        assert!(
            !run.stdout.contains('\x1b'),
            "escape sequences on stdout: {:?}",
            run.stdout
        );
        assert!(run.stdout.is_empty(), "{:?}", run.stdout);
    }
}

#[test]
fn malformed_config_given_with_flag_is_reported_the_same_way() {
    let sandbox = Sandbox::new();
    let config = sandbox.path("elsewhere.toml");
    fs::write(&config, "# mine\n[ui]\ncolour = 1\n").unwrap();
    let run = sandbox.run(&["--config", config.to_str().unwrap(), "db", "path"]);
    run.assert_code(2);
    assert_eq!(
        run.stderr.trim_end(),
        format!(
            "ironpulse: config error in {} line 3: unknown key \"colour\" in [ui] — expected one of: color",
            config.display()
        )
    );
}

#[test]
fn bad_config_value_exits_2_naming_the_key() {
    let sandbox = Sandbox::new();
    sandbox.write_config("[rest]\nbell = true\ncompound = -5\n");
    let run = sandbox.run(&["db", "path"]);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("line 3: rest.compound: invalid value -5, expected 0–3600"),
        "{}",
        run.stderr
    );
}

#[test]
fn missing_config_given_with_flag_exits_2() {
    let sandbox = Sandbox::new();
    let missing = sandbox.path("nope.toml");
    let run = sandbox.run(&["--config", missing.to_str().unwrap(), "db", "path"]);
    run.assert_code(2);
    assert!(run.stderr.contains("does not exist"), "{}", run.stderr);
    assert!(run.stderr.contains("nope.toml"), "{}", run.stderr);
}

#[test]
fn missing_default_config_is_fine() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["db", "path"]);
    run.assert_code(0);
    assert_eq!(run.path_line(), sandbox.default_db());
}

#[test]
fn db_path_precedence_is_flag_then_env_then_config_then_default() {
    let sandbox = Sandbox::new();
    assert_eq!(
        sandbox.run(&["db", "path"]).assert_code(0).path_line(),
        sandbox.default_db()
    );

    sandbox.write_config("[database]\npath = \"/srv/from-config.db\"\n");
    let from_config = sandbox.run(&["db", "path"]);
    assert_eq!(
        from_config.assert_code(0).path_line(),
        Path::new("/srv/from-config.db")
    );

    let env_db = Path::new("/srv/from-env.db");
    let from_env = sandbox.run_with_env(&["db", "path"], "IRONPULSE_DB", env_db);
    assert_eq!(from_env.assert_code(0).path_line(), env_db);

    let from_flag = sandbox.run_with_env(
        &["--db", "/srv/from-flag.db", "db", "path"],
        "IRONPULSE_DB",
        env_db,
    );
    assert_eq!(
        from_flag.assert_code(0).path_line(),
        Path::new("/srv/from-flag.db")
    );

    let empty_env = sandbox.run_with_env(&["db", "path"], "IRONPULSE_DB", Path::new(""));
    assert_eq!(
        empty_env.assert_code(0).path_line(),
        Path::new("/srv/from-config.db")
    );

    let flag_after = sandbox.run_with_env(
        &["db", "path", "--db", "/srv/after.db"],
        "IRONPULSE_DB",
        env_db,
    );
    assert_eq!(
        flag_after.assert_code(0).path_line(),
        Path::new("/srv/after.db")
    );
}

#[test]
fn db_paths_expand_the_home_directory() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["--db", "~/lifts.db", "db", "path"]);
    assert_eq!(
        run.assert_code(0).path_line(),
        sandbox.path("home/lifts.db")
    );
    sandbox.write_config("[database]\npath = \"~/gym/ironpulse.db\"\n");
    let run = sandbox.run(&["db", "path"]);
    assert_eq!(
        run.assert_code(0).path_line(),
        sandbox.path("home/gym/ironpulse.db")
    );
}

#[test]
fn logs_go_to_a_file_in_the_state_dir_not_the_terminal() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["db", "path"]);
    run.assert_code(0);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    let log_dir = sandbox.path("state/ironpulse");
    let logs: Vec<_> = fs::read_dir(&log_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(logs.len(), 1, "{logs:?}");
    let name = logs[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("ironpulse.") && logs[0].extension().is_some_and(|ext| ext == "log"),
        "{name}"
    );
    let text = fs::read_to_string(&logs[0]).unwrap();
    assert!(text.contains("INFO") && text.contains("start"), "{text}");
}

#[test]
fn demo_refuses_a_file_that_already_has_data() {
    let sandbox = Sandbox::new();
    let existing = sandbox.path("precious.db");
    fs::write(&existing, b"my lifts").unwrap();
    let run = sandbox.run(&["demo", "--no-tui", "--db", existing.to_str().unwrap()]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("refusing to write demo data"),
        "{}",
        run.stderr
    );
    assert_eq!(fs::read(&existing).unwrap(), b"my lifts");
}

#[test]
fn demo_never_uses_the_database_from_ironpulse_db() {
    let sandbox = Sandbox::new();
    let users = sandbox.path("users.db");
    fs::write(&users, b"my lifts").unwrap();
    let run = sandbox.run_with_env(&["demo", "--no-tui"], "IRONPULSE_DB", &users);
    assert!(!run.stderr.contains("users.db"), "{}", run.stderr);
    assert!(!run.stdout.contains("users.db"), "{}", run.stdout);
    assert_eq!(fs::read(&users).unwrap(), b"my lifts");
}

fn fresh_db(sandbox: &Sandbox, name: &str) -> PathBuf {
    let path = sandbox.path(name);
    drop(ironpulse::store::Store::open(&path).unwrap());
    path
}

#[test]
fn db_check_passes_on_a_fresh_database() {
    let sandbox = Sandbox::new();
    let db = fresh_db(&sandbox, "fresh.db");
    let run = sandbox.run(&["--db", db.to_str().unwrap(), "db", "check"]);
    run.assert_code(0);
    assert!(
        run.stdout.contains(&db.display().to_string()),
        "{}",
        run.stdout
    );
    let schema = format!("schema:    {}", ironpulse::store::SCHEMA_VERSION);
    assert!(run.stdout.contains(&schema), "{}", run.stdout);
    assert!(run.stdout.contains("0 sessions, 0 sets"), "{}", run.stdout);
    assert!(run.stdout.contains("integrity: ok"), "{}", run.stdout);
}

#[test]
fn db_check_on_a_damaged_database_exits_1() {
    let sandbox = Sandbox::new();
    let db = sandbox.path("damaged.db");
    let run = sandbox.run(&["--db", db.to_str().unwrap(), "demo", "--no-tui"]);
    run.assert_code(0);
    let mut bytes = fs::read(&db).unwrap();
    for page in (3..bytes.len() / 4096).step_by(7) {
        bytes[page * 4096 + 100..page * 4096 + 2100].fill(0xff);
    }
    fs::write(&db, bytes).unwrap();
    let run = sandbox.run(&["--db", db.to_str().unwrap(), "db", "check"]);
    run.assert_code(1);
    assert!(run.stderr.starts_with("ironpulse: "), "{}", run.stderr);
    assert!(run.stderr.contains("malformed"), "{}", run.stderr);
}

#[test]
fn db_check_refuses_a_file_that_is_not_a_database() {
    let sandbox = Sandbox::new();
    let junk = sandbox.path("notes.txt");
    fs::write(&junk, "bench 100x5\n").unwrap();
    let run = sandbox.run(&["--db", junk.to_str().unwrap(), "db", "check"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("is not an ironpulse database"),
        "{}",
        run.stderr
    );
    assert_eq!(fs::read_to_string(&junk).unwrap(), "bench 100x5\n");
}

#[test]
fn db_check_on_a_missing_database_exits_2() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["db", "check"]);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains(&sandbox.default_db().display().to_string()),
        "{}",
        run.stderr
    );
}

#[test]
fn db_backup_copies_a_fresh_database_and_refuses_to_overwrite() {
    let sandbox = Sandbox::new();
    let db = fresh_db(&sandbox, "fresh.db");
    let dest = sandbox.path("backup.db");
    let run = sandbox.run(&[
        "--db",
        db.to_str().unwrap(),
        "db",
        "backup",
        dest.to_str().unwrap(),
    ]);
    run.assert_code(0);
    assert!(run.stdout.contains("backup.db"), "{}", run.stdout);
    let check = sandbox.run(&["--db", dest.to_str().unwrap(), "db", "check"]);
    check.assert_code(0);

    let before = fs::read(&dest).unwrap();
    let again = sandbox.run(&[
        "--db",
        db.to_str().unwrap(),
        "db",
        "backup",
        dest.to_str().unwrap(),
    ]);
    again.assert_code(2);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
    assert_eq!(fs::read(&dest).unwrap(), before);
}

#[test]
fn refused_database_exits_2_before_any_terminal_output() {
    let sandbox = Sandbox::new();
    let junk = sandbox.path("photo.jpg");
    fs::write(&junk, [0xff, 0xd8, 0xff, 0xe0, 0, 0x10]).unwrap();
    let run = sandbox.run(&["--db", junk.to_str().unwrap()]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("is not an ironpulse database"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty(), "{:?}", run.stdout);
}

#[test]
fn demo_without_db_writes_a_new_temp_file_and_says_where() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["demo", "--no-tui", "--seed", "7"]);
    run.assert_code(0);
    let line = run.stdout.trim_end();
    let path = line
        .strip_prefix("demo database: ")
        .and_then(|rest| rest.split(" (").next())
        .map_or_else(|| panic!("unexpected output {line:?}"), PathBuf::from);
    assert!(path.starts_with(sandbox.path("tmp")), "{path:?}");
    assert!(!sandbox.default_db().exists());
    let check = sandbox.run(&["--db", path.to_str().unwrap(), "db", "check"]);
    check.assert_code(0);
    assert!(!check.stdout.contains(" 0 sessions"), "{}", check.stdout);
}

#[test]
fn unknown_key_action_exits_2_naming_the_line_before_the_tui_starts() {
    let sandbox = Sandbox::new();
    sandbox.write_config("[keys]\nquit = \"q\"\nfrobnicate = \"x\"\n");
    let run = sandbox.run(&[]);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("line 3: keys.frobnicate: unknown action"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty(), "{:?}", run.stdout);
    assert!(!sandbox.default_db().exists());
}

#[test]
fn a_closed_stdout_ends_every_printing_command_quietly_with_exit_0() {
    // As `ironpulse report | head` once `head` has had enough: no panic (exit 101), no message.
    let sandbox = Sandbox::new();
    let db = fresh_db(&sandbox, "fresh.db");
    let db = db.to_str().unwrap();
    let packets: Vec<&str> = std::iter::repeat_n("163c1104", 3000).collect();
    let mut decode = vec!["hr", "decode"];
    decode.extend(&packets);
    let commands: [&[&str]; 14] = [
        &["report"],
        &["report", "--json"],
        &["context"],
        &["context", "--json"],
        &["recommend"],
        &["recommend", "--json"],
        &["deload", "--json"],
        &["db", "path"],
        &["db", "check"],
        &["calc", "e1rm", "100x5", "--json"],
        &decode,
        &["hr", "decode", "163c1104", "--json"],
        &[
            "hr",
            "monitor",
            "--hr",
            "sim",
            "--speed",
            "100",
            "--duration",
            "5",
        ],
        &["hr", "monitor", "--hr", "sim", "--speed", "100", "--json"],
    ];
    for args in commands {
        let mut command = sandbox.command(&["--db", db]);
        command.args(args);
        let run = cli::with_stdout_closed(&mut command);
        assert_eq!(run.code, Some(0), "{:?}: {}", &args[..2], run.stderr);
        assert_eq!(run.stderr, "", "{:?}", &args[..2]);
    }
}

#[test]
fn a_stdout_that_fails_otherwise_is_exit_1_with_the_reason() {
    let sandbox = Sandbox::new();
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let run = Run::from(
        sandbox
            .command(&["calc", "e1rm", "100x5"])
            .stdout(full)
            .output()
            .unwrap(),
    );
    run.assert_code(1);
    assert!(
        run.stderr
            .starts_with("ironpulse: could not write the output: No space left on device"),
        "{}",
        run.stderr
    );
}

#[test]
fn every_command_checks_the_keys_the_way_the_app_does() {
    // Once, `db path` and `calc` passed a [keys] section the app refused.
    let sandbox = Sandbox::new();
    let config = sandbox.write_config("[ui]\ncolor = \"never\"\n\n[keys]\nquit = \"s\"\n");
    let expected = format!(
        "ironpulse: config error in {} line 5: keys.quit: \"s\" is also start_session on the \
         dashboard: one key does one thing on a screen; choose another key for quit (or remap \
         start_session too)\n",
        config.display()
    );
    let db = sandbox.path("lifts.db");
    let db = db.to_str().unwrap();
    for args in [
        &["db", "path"][..],
        &["calc", "e1rm", "100x5"],
        &["--db", db, "report"],
        &["hr", "decode", "163c1104"],
        &[],
    ] {
        let run = sandbox.run(args);
        run.assert_code(2);
        assert_eq!(run.stderr, expected, "{args:?}");
        assert!(run.stdout.is_empty(), "{args:?}: {}", run.stdout);
    }
    assert!(!sandbox.default_db().exists());

    sandbox.write_config("[keys]\nsubmit = []\n");
    let run = sandbox.run(&["db", "path"]);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("line 2: keys.submit: submit needs a key"),
        "{}",
        run.stderr
    );
    sandbox.write_config("[keys]\nhelp = \"ctrl-\"\n");
    let run = sandbox.run(&["calc", "plates", "100"]);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("line 2: keys.help: unknown key \"ctrl-\""),
        "{}",
        run.stderr
    );
}
