//! Running the binary as someone who may not write what a test made read-only. Root may write
//! any file whatever its mode, so under root the binary runs as `nobody` (through `setpriv`) on
//! files root owns; under any other user it runs as that user on files `chmod`ed read-only.
//! Include it with `#[path = "support/reader.rs"] mod reader;`.
#![allow(dead_code)]

use std::ffi::OsString;
use std::fs;
use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;
use std::process::Command;

/// Whether the tests run as root.
pub fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
}

/// What goes before the program to run it as the reader: `setpriv` to `nobody` under root.
pub fn prefix() -> Vec<OsString> {
    if is_root() {
        [
            "setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
        ]
        .map(OsString::from)
        .to_vec()
    } else {
        Vec::new()
    }
}

/// `program args…` as the reader.
pub fn command(program: &Path) -> Command {
    let mut argv = prefix();
    argv.push(program.into());
    let mut command = Command::new(&argv[0]);
    command.args(&argv[1..]);
    command
}

fn mode(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

/// The reader may read `path` but not write it.
pub fn read_only_file(path: &Path) {
    mode(path, if is_root() { 0o644 } else { 0o444 });
}

/// The reader may read and write `path`.
pub fn writable_file(path: &Path) {
    mode(path, 0o666);
}

/// The reader may list and enter `dir` but create nothing in it.
pub fn read_only_dir(dir: &Path) {
    mode(dir, if is_root() { 0o755 } else { 0o555 });
}

/// The reader may create files in `dir`.
pub fn writable_dir(dir: &Path) {
    mode(dir, 0o777);
}

/// Gives the test's user back the right to clean `dir` up.
pub fn restore_dir(dir: &Path) {
    mode(dir, 0o755);
}
