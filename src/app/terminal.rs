//! The terminal's one lifecycle: taken over after color-eyre is installed, restored on every exit
//! path — normal quit, error return, panic and signals (the loop exits cleanly).
//!
//! Panics: one on the UI thread (the thread that entered the terminal, outside any task spawned
//! on its runtime) ends the app, so the terminal is restored first and the report printed after
//! it. A panic anywhere else — a worker thread (heart rate, store, input) or a task spawned on the
//! UI's runtime — is a worker's: it is logged and handed to the app to show in words, and the
//! terminal stays the app's. The worker's owner deals with the rest (a heart-rate source is
//! started again, a store request is answered as failed).

use std::io::stdout;
use std::panic::PanicHookInfo;
use std::sync::Arc;
use std::thread::ThreadId;

use ratatui::DefaultTerminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{Clear, ClearType, EnterAlternateScreen, enable_raw_mode};

/// A panic the UI survived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkerPanic {
    /// The thread's name (`heart-rate`, `store` …), or `None` for a task on the UI's runtime.
    pub thread: Option<String>,
    /// What the panic said.
    pub message: String,
}

impl std::fmt::Display for WorkerPanic {
    /// `The heart-rate worker failed (…); the app goes on, details are in the log.`
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let worker = match self.thread.as_deref() {
            Some("heart-rate") => "The heart-rate worker",
            Some("store") => "The database worker",
            Some("input") => "The keyboard reader",
            Some("strap-scan") => "The Bluetooth scan",
            Some(_) | None => "A background task",
        };
        write!(
            f,
            "{worker} failed ({}); the app goes on, details are in the log.",
            self.message
        )
    }
}

type Hook = Box<dyn Fn(&PanicHookInfo<'_>) + Sync + Send + 'static>;

/// Owns the terminal while the TUI runs; restores it (and the panic hook before it) when dropped.
pub struct TerminalGuard {
    pub terminal: DefaultTerminal,
    previous_hook: Arc<Hook>,
}

impl TerminalGuard {
    /// Raw mode + alternate screen, with the panic hook described above: `on_worker_panic` hears
    /// of every panic the UI survives (it runs on the panicking thread, so it must only send).
    pub fn enter(
        on_worker_panic: impl Fn(WorkerPanic) + Sync + Send + 'static,
    ) -> std::io::Result<TerminalGuard> {
        let previous_hook = contain_worker_panics(on_worker_panic, ratatui::restore);
        let terminal = enable_raw_mode()
            // Cleared: the first frame only draws what differs from a blank screen, so whatever the
            // terminal showed before (where the alternate screen is not a fresh one) would stay in
            // every cell the app leaves blank. Not `Terminal::clear`, which first asks the terminal
            // where its cursor is and waits up to 2 s for a terminal that never answers.
            .and_then(|()| execute!(stdout(), EnterAlternateScreen, Clear(ClearType::All)))
            .and_then(|()| ratatui::Terminal::new(CrosstermBackend::new(stdout())));
        match terminal {
            Ok(terminal) => Ok(TerminalGuard {
                terminal,
                previous_hook,
            }),
            Err(err) => {
                ratatui::restore();
                restore_hook(&previous_hook);
                Err(err)
            }
        }
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        ratatui::restore();
        restore_hook(&self.previous_hook);
    }
}

/// Installs the hook that tells the UI thread's panics (`restore`, then the hook installed before,
/// which prints the report) from the workers' (logged, then `on_worker_panic`), and returns the
/// hook it replaced. The UI thread is the calling thread.
pub fn contain_worker_panics(
    on_worker_panic: impl Fn(WorkerPanic) + Sync + Send + 'static,
    restore: impl Fn() + Sync + Send + 'static,
) -> Arc<Hook> {
    let ui = std::thread::current().id();
    let previous: Arc<Hook> = Arc::new(std::panic::take_hook());
    let report = Arc::clone(&previous);
    std::panic::set_hook(Box::new(move |info| {
        if on_ui(ui) {
            restore();
            report(info);
            return;
        }
        let panic = WorkerPanic {
            thread: std::thread::current()
                .name()
                .filter(|_| std::thread::current().id() != ui)
                .map(str::to_owned),
            message: payload_text(info.payload()),
        };
        let worker = panic.thread.as_deref().unwrap_or("a task on the UI thread");
        let at = info
            .location()
            .map_or_else(|| "an unknown place".to_owned(), ToString::to_string);
        tracing::error!(worker, %at, "a worker panicked: {}", panic.message);
        on_worker_panic(panic);
    }));
    previous
}

/// Puts back the hook [`contain_worker_panics`] replaced (not while panicking: that would abort).
pub fn restore_hook(previous: &Arc<Hook>) {
    if std::thread::panicking() {
        return;
    }
    let previous = Arc::clone(previous);
    std::panic::set_hook(Box::new(move |info| previous(info)));
}

/// On the UI thread, and not inside a task spawned on its runtime.
fn on_ui(ui: ThreadId) -> bool {
    std::thread::current().id() == ui && tokio::task::try_id().is_none()
}

/// What a panic said, when it is text (its payload is almost always a `&str` or a `String`).
pub fn payload_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".to_owned())
}
