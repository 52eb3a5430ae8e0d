//! A private `dbus-daemon` per test: a permissive system-type bus on a socket in a temporary
//! directory, killed on drop.

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};

use tempfile::TempDir;

/// Listens on LISTEN (filled in per bus) and allows every connection to own any name and talk to anyone. XML comments in a bus config
/// must not contain two dashes, so there are none.
const CONFIG: &str = r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>LISTEN</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow own="*"/>
    <allow send_type="method_call"/>
    <allow send_type="method_return"/>
    <allow send_type="signal"/>
    <allow send_type="error"/>
    <allow receive_type="method_call"/>
    <allow receive_type="method_return"/>
    <allow receive_type="signal"/>
    <allow receive_type="error"/>
  </policy>
</busconfig>
"#;

/// True when `dbus-daemon` can be run.
pub fn installed() -> bool {
    Command::new("dbus-daemon")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// Returns true, after saying why, when `dbus-daemon` is missing and the test should return.
pub fn skip() -> bool {
    if installed() {
        return false;
    }
    assert!(
        std::env::var_os(REQUIRE_E2E).is_none(),
        "dbus-daemon is not installed but {REQUIRE_E2E} is set: an end-to-end test may not skip here"
    );
    println!("skipping: dbus-daemon not installed (`.ci/run` installs it)");
    true
}

/// Set by `.ci/run`: a missing tool then fails the test instead of skipping it.
pub const REQUIRE_E2E: &str = "IRONPULSE_REQUIRE_E2E";

/// One running bus.
pub struct PrivateBus {
    daemon: Child,
    address: String,
    dir: TempDir,
}

impl PrivateBus {
    /// Starts the daemon and waits for the address it prints.
    pub fn start() -> PrivateBus {
        let dir = tempfile::Builder::new()
            .prefix("ironpulse-dbus-")
            .tempdir()
            .expect("a temporary directory for the bus");
        let config = dir.path().join("bus.conf");
        let listen = format!("unix:path={}", dir.path().join("bus.sock").display());
        std::fs::write(&config, CONFIG.replace("LISTEN", &listen)).expect("write the bus config");
        let daemon = daemon(&config);
        // The listening address, without the daemon's GUID: a bus started again at the same
        // place (see `restart`) has another GUID, and libdbus refuses a mismatch.
        PrivateBus {
            daemon,
            address: listen,
            dir,
        }
    }

    /// The address to connect to, for `DBUS_SYSTEM_BUS_ADDRESS`.
    pub fn address(&self) -> &str {
        &self.address
    }

    /// The bus goes away: the daemon is killed (as when the system's dbus dies) and every
    /// connection to it breaks.
    pub fn kill(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }

    /// A new daemon at the same address, as when the system's dbus is started again.
    pub fn restart(&mut self) {
        self.kill();
        let _ = std::fs::remove_file(self.dir.path().join("bus.sock"));
        self.daemon = daemon(&self.dir.path().join("bus.conf"));
    }
}

/// Runs `dbus-daemon` with `config` and waits until it prints its address (it listens then).
fn daemon(config: &std::path::Path) -> Child {
    let mut daemon = Command::new("dbus-daemon")
        .arg(format!("--config-file={}", config.display()))
        .args(["--nofork", "--nopidfile", "--print-address=1"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start dbus-daemon");
    let mut line = String::new();
    let stdout = daemon.stdout.take().expect("the daemon's stdout");
    let _ = BufReader::new(stdout).read_line(&mut line);
    let address = line.trim().to_owned();
    if address.is_empty() {
        let _ = daemon.kill();
        let mut err = String::new();
        if let Some(mut stderr) = daemon.stderr.take() {
            let _ = stderr.read_to_string(&mut err);
        }
        let _ = daemon.wait();
        panic!("dbus-daemon printed no address: {err}");
    }
    daemon
}

impl Drop for PrivateBus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}
