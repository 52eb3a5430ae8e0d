//! A fake `BlueZ` for end-to-end tests of the Bluetooth path: the real stack (ironpulse,
//! btleplug, bluez-async, libdbus) talks to it over a private D-Bus, no radio needed.
//!
//! The fake runs on a thread of the test process and connects to the private bus by address;
//! the program under test runs as a child process with `DBUS_SYSTEM_BUS_ADDRESS` set (libdbus
//! reads it once per process). Test hooks go to the fake's thread over a channel: stream
//! notifications, send raw packets, drop the link, remove the device, never resolve services.
//! Dropping the fake stops its thread; dropping the bus kills the daemon.
#![allow(dead_code)]

#[path = "fake_bluez/bus.rs"]
mod bus;
#[path = "fake_bluez/objects.rs"]
mod objects;

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use dbus::blocking::SyncConnection;
use dbus::channel::Sender as _;
use dbus::message::MessageType;
use dbus_crossroads::Crossroads;

pub use bus::{PrivateBus, skip};
pub use objects::Strap;
use objects::{CHARACTERISTIC1, MEASUREMENT, Shared, Tokens, lock};

/// The strap every test uses unless it says otherwise.
pub fn polar_h10() -> Strap {
    Strap {
        name: "Polar H10 A1B2C3D4".into(),
        address: "A0:9E:1A:00:00:01".into(),
        rssi: -58,
        battery: 87,
    }
}

/// The heart rate the fake streams for beat `n`: 120–129 bpm, with one RR interval of
/// 60000 / bpm ms in 1/1024 s units.
pub fn beat(n: u32) -> (u8, Vec<u8>) {
    let bpm = 120 + (n % 10) as u8;
    let rr = (60_000.0 / f64::from(bpm) * 1024.0 / 1000.0).round() as u16;
    let [lo, hi] = rr.to_le_bytes();
    (bpm, vec![0x16, bpm, lo, hi])
}

enum Command {
    Stream(Option<Duration>),
    Notify(Vec<u8>),
    NotifyTimed(Vec<u8>, Sender<Option<Instant>>),
    DropLink,
    Remove,
    Reappear,
    NeverResolve(bool),
    Stop,
}

/// A running fake `BlueZ` offering one strap.
pub struct FakeBluez {
    commands: Sender<Command>,
    state: Shared,
    thread: Option<JoinHandle<()>>,
}

impl FakeBluez {
    /// Connects to the bus at `address`, owns `org.bluez` and serves `strap` (which appears
    /// when a scan starts). Returns once the name is owned.
    pub fn start(address: &str, strap: Strap) -> FakeBluez {
        let state = objects::new_state(strap);
        let (commands, rx) = channel();
        let (ready_tx, ready) = channel();
        let address = address.to_owned();
        let shared = state.clone();
        let thread = std::thread::spawn(move || serve(&address, &shared, &rx, &ready_tx));
        match ready.recv_timeout(Duration::from_secs(5)) {
            Ok(Ok(())) => {}
            Ok(Err(err)) => panic!("the fake BlueZ could not start: {err}"),
            Err(err) => panic!("the fake BlueZ did not start within 5 s: {err}"),
        }
        FakeBluez {
            commands,
            state,
            thread: Some(thread),
        }
    }

    fn send(&self, command: Command) {
        self.commands
            .send(command)
            .expect("the fake BlueZ thread is running");
    }

    /// Notifies a heart-rate packet every `every` while a client is subscribed.
    pub fn stream(&self, every: Duration) {
        self.send(Command::Stream(Some(every)));
    }

    /// Stops streaming: the strap goes silent but stays connected.
    pub fn silence(&self) {
        self.send(Command::Stream(None));
    }

    /// Notifies one raw 0x2A37 value now (if a client is subscribed).
    pub fn notify(&self, bytes: &[u8]) {
        self.send(Command::Notify(bytes.to_vec()));
    }

    /// Notifies one raw 0x2A37 value and returns the instant it was written to the bus socket
    /// (`None` if no client is subscribed): the start of a latency measurement.
    pub fn notify_timed(&self, bytes: &[u8]) -> Option<Instant> {
        let (tx, rx) = channel();
        self.send(Command::NotifyTimed(bytes.to_vec(), tx));
        rx.recv_timeout(Duration::from_secs(5)).ok().flatten()
    }

    /// The link drops: `Connected` goes false, as when the strap walks out of range.
    pub fn drop_link(&self) {
        self.send(Command::DropLink);
    }

    /// `BlueZ` forgets the strap (no event, later calls fail) and scans no longer find it.
    pub fn remove_device(&self) {
        self.send(Command::Remove);
    }

    /// Scans find the strap again.
    pub fn reappear(&self) {
        self.send(Command::Reappear);
    }

    /// Connect sets `Connected` but never `ServicesResolved`.
    pub fn never_resolve(&self, on: bool) {
        self.send(Command::NeverResolve(on));
    }

    /// How many times a client connected.
    pub fn connects(&self) -> u32 {
        lock(&self.state).connects
    }

    /// Whether a client is subscribed to heart-rate notifications right now.
    pub fn notifying(&self) -> bool {
        let st = lock(&self.state);
        st.connected && st.notifying
    }
}

impl Drop for FakeBluez {
    fn drop(&mut self) {
        let _ = self.commands.send(Command::Stop);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The fake's thread: answer method calls, apply test hooks, stream.
fn serve(
    address: &str,
    shared: &Shared,
    commands: &Receiver<Command>,
    ready: &Sender<Result<(), String>>,
) {
    let conn = match SyncConnection::new_address(address).and_then(|conn| {
        conn.request_name("org.bluez", false, true, true)?;
        Ok(conn)
    }) {
        Ok(conn) => Arc::new(conn),
        Err(err) => {
            let _ = ready.send(Err(err.to_string()));
            return;
        }
    };
    let mut cr = Crossroads::new();
    cr.set_object_manager_support(Some(conn.clone()));
    let tokens = objects::build(&mut cr, shared);
    let _ = ready.send(Ok(()));
    let mut stream: Option<Duration> = None;
    let mut next = Instant::now();
    let mut beats = 0;
    loop {
        if conn
            .channel()
            .read_write(Some(Duration::from_millis(5)))
            .is_err()
        {
            return;
        }
        while let Some(message) = conn.channel().pop_message() {
            if message.msg_type() == MessageType::MethodCall {
                let _ = cr.handle_message(message, &*conn);
            }
        }
        loop {
            match commands.try_recv() {
                Ok(Command::Stop) | Err(TryRecvError::Disconnected) => return,
                Ok(Command::Stream(every)) => {
                    stream = every;
                    next = Instant::now();
                }
                Ok(command) => apply(command, &mut cr, tokens, shared, &conn),
                Err(TryRecvError::Empty) => break,
            }
        }
        if let Some(every) = stream
            && Instant::now() >= next
        {
            next += every;
            let (_, packet) = beat(beats);
            if notify(shared, &conn, &packet) {
                beats += 1;
            }
        }
        conn.channel().flush();
    }
}

fn apply(
    command: Command,
    cr: &mut Crossroads,
    tokens: Tokens,
    shared: &Shared,
    conn: &SyncConnection,
) {
    let device = objects::device_path(&lock(shared).strap.address);
    match command {
        Command::Notify(bytes) => {
            notify(shared, conn, &bytes);
        }
        Command::NotifyTimed(bytes, sent) => {
            let at = notify(shared, conn, &bytes).then(|| {
                conn.channel().flush();
                Instant::now()
            });
            let _ = sent.send(at);
        }
        Command::DropLink => {
            if let Some(message) = objects::drop_link(shared, &device) {
                let _ = conn.send(message);
            }
        }
        Command::Remove => {
            lock(shared).hidden = true;
            objects::remove_device(cr, shared);
        }
        Command::Reappear => {
            let add = {
                let mut st = lock(shared);
                st.hidden = false;
                st.discovering && !st.present
            };
            if add {
                objects::add_device(cr, tokens, shared);
            }
        }
        Command::NeverResolve(on) => lock(shared).never_resolve = on,
        Command::Stream(_) | Command::Stop => {}
    }
}

/// Sends `bytes` as a heart-rate notification if a client is subscribed; true if sent.
fn notify(shared: &Shared, conn: &SyncConnection, bytes: &[u8]) -> bool {
    let device = {
        let mut st = lock(shared);
        if !(st.present && st.connected && st.notifying) {
            return false;
        }
        st.value = bytes.to_vec();
        objects::device_path(&st.strap.address)
    };
    let path = format!("{device}/{MEASUREMENT}");
    let message = objects::changed(
        &path,
        CHARACTERISTIC1,
        vec![("Value", Box::new(bytes.to_vec()))],
    );
    conn.send(message).is_ok()
}
