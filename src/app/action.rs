//! Everything that can happen to the app, as one enum fed to `update()`.

use super::keymap::Command;
use super::store_worker::StoreReply;
use super::text_input::TextEdit;

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A key the keymap turned into a command.
    Command(Command),
    /// Typing into the focused text line.
    Edit(TextEdit),
    /// The one-second clock (only running while a clock is on screen).
    Tick,
    Resize {
        width: u16,
        height: u16,
    },
    Stored(StoreReply),
    /// Something from the heart-rate source.
    Hr(crate::hr::HrEvent),
    /// The straps a scan found, or why Bluetooth could not scan.
    Straps(Result<Vec<crate::hr::Strap>, String>),
    /// SIGTERM, SIGHUP or the terminal going away: leave cleanly.
    Shutdown,
    /// The first frame is on screen: what reads the whole history (the deload check, the
    /// insights) is asked for now, so the start does not grow with the years.
    Started,
    /// A worker (a thread or a task other than the UI's) panicked; the app goes on.
    WorkerFailed(super::terminal::WorkerPanic),
}
