//! The event loop: wait for something to happen, apply every queued action, draw once.

use std::io::Write;
use std::sync::mpsc;
use std::time::Duration;

use chrono::Utc;
use crossterm::event::{Event as TermEvent, KeyEvent, KeyEventKind};
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::mpsc::{UnboundedSender, unbounded_channel};

use super::action::Action;
use super::effect::Effect;
use super::heart::Link;
use super::keymap::Key;
use super::source_worker::{self, SourceWorker};
use super::state::{Settings, State};
use super::store_worker::{StoreReply, StoreRequest, spawn};
use super::terminal::TerminalGuard;
use super::text_input::TextEdit;
use super::update::update;
use crate::hr::{self, HeartRateSource, HrEvent, SourceSpec, Speed};
use crate::read::Startup;
use crate::store::Store;

/// Errors that end the TUI. The store has already committed everything the user saw as saved.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("could not read the database: {0}")]
    Store(#[from] crate::store::StoreError),
    #[error("terminal error: {0}")]
    Terminal(#[from] std::io::Error),
}

/// The heart-rate source the TUI streams from, or why there is none.
pub enum HeartSource {
    Source(Box<dyn HeartRateSource>),
    /// No source; the text says why and how to get one.
    Off(String),
}

/// Draws a frame of the state: `ui::render`, handed in by the caller so the app below the
/// drawing layer never reaches up into it.
pub type Draw = fn(&mut ratatui::Frame, &State);

/// Runs the TUI on an opened store until the user quits or a signal arrives.
pub fn run(
    store: Store,
    settings: Settings,
    keymap: super::keymap::Keymap,
    heart: HeartSource,
    draw: Draw,
) -> Result<(), RunError> {
    let startup = Startup::read(&store, Utc::now().date_naive())?;
    let offset = *chrono::Local::now().offset();
    let mut state = State::new(startup, settings, keymap, Utc::now(), offset);
    let source = match heart {
        HeartSource::Source(source) => {
            state.heart.link = Link::Connecting(source.describe());
            Some(source)
        }
        HeartSource::Off(hint) => {
            state.heart.hint = Some(hint);
            None
        }
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(event_loop(state, store, source, draw))
}

/// How long quitting waits for the heart-rate source to let go of the strap.
const SOURCE_STOP: Duration = Duration::from_secs(2);

/// Set (to anything) to quit right after the first frame is drawn: how start-up time is measured
/// (docs/BENCHMARKS.md).
pub const EXIT_AFTER_FIRST_FRAME: &str = "IRONPULSE_EXIT_AFTER_FIRST_FRAME";

/// What wakes the loop: a terminal event from the input thread, or an action from a worker.
#[derive(Debug)]
pub enum Incoming {
    Terminal(TermEvent),
    Action(Action),
}

async fn event_loop(
    mut state: State,
    store: Store,
    source: Option<Box<dyn HeartRateSource>>,
    draw: Draw,
) -> Result<(), RunError> {
    let (incoming_tx, mut incoming) = unbounded_channel::<Incoming>();
    let (actions_tx, mut actions) = unbounded_channel::<Action>();
    let (hr_tx, mut hr_events) = unbounded_channel::<HrEvent>();
    let replies = actions_tx.clone();
    let (requests, worker) = spawn(store, move |reply| {
        // A send fails only once the app is gone; the worker still drains its queue.
        let _ = replies.send(Action::Stored(reply));
    })?;
    let mut workers = Workers {
        source: None,
        requests,
        actions: actions_tx,
        hr: hr_tx,
    };
    if let Some(source) = source {
        workers.start_source(source);
    }
    let mut sigterm = signal(SignalKind::terminate())?;
    let mut sighup = signal(SignalKind::hangup())?;
    let mut sigint = signal(SignalKind::interrupt())?;
    let mut clock = tokio::time::interval(Duration::from_secs(1));
    clock.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);

    let result = async {
        // A worker's panic is shown in words; the terminal stays the app's.
        let panics = incoming_tx.clone();
        let mut guard = TerminalGuard::enter(move |panic| {
            let _ = panics.send(Incoming::Action(Action::WorkerFailed(panic)));
        })?;
        // Starts crossterm's reader (and its SIGWINCH handler) before the size is read, so a
        // resize before the input thread's first read is queued, not lost.
        crossterm::event::poll(Duration::ZERO)?;
        spawn_input(incoming_tx)?;
        let size = guard.terminal.size()?;
        apply(
            &mut state,
            Action::Resize {
                width: size.width,
                height: size.height,
            },
            &mut workers,
        );
        guard.terminal.draw(|f| draw(f, &state))?;
        if std::env::var_os(EXIT_AFTER_FIRST_FRAME).is_some() {
            return Ok(());
        }
        apply(&mut state, Action::Started, &mut workers);
        loop {
            let first = tokio::select! {
                Some(event) = incoming.recv() => translate(&state, event),
                Some(action) = actions.recv() => Some(action),
                Some(event) = hr_events.recv() => Some(Action::Hr(event)),
                _ = clock.tick(), if state.needs_clock() => Some(Action::Tick),
                _ = sigterm.recv() => Some(Action::Shutdown),
                _ = sighup.recv() => Some(Action::Shutdown),
                _ = sigint.recv() => Some(Action::Shutdown),
            };
            let Some(first) = first else { continue };
            apply(&mut state, first, &mut workers);
            // Drain whatever else is already queued, then draw once.
            loop {
                if let Ok(action) = actions.try_recv() {
                    apply(&mut state, action, &mut workers);
                } else if let Ok(event) = hr_events.try_recv() {
                    apply(&mut state, Action::Hr(event), &mut workers);
                } else if let Ok(event) = incoming.try_recv() {
                    if let Some(action) = translate(&state, event) {
                        apply(&mut state, action, &mut workers);
                    }
                } else {
                    break;
                }
            }
            if state.quit {
                break;
            }
            guard.terminal.draw(|f| draw(f, &state))?;
            // The clock only needs to tick when nothing else redrew for a second (a strap at 1 Hz
            // already redraws every second).
            clock.reset();
        }
        Ok::<(), RunError>(())
    }
    .await;
    // The strap is let go of; closing the channel lets the store worker finish queued writes
    // (waited for, so none is lost).
    if let Some(source) = workers.source.take() {
        source.stop(SOURCE_STOP);
    }
    drop(workers);
    if worker.join().is_err() {
        tracing::error!("store thread panicked");
    }
    result
}

/// Reads the terminal on a thread of its own (a blocking read costs no CPU while idle).
/// A failed read means the terminal is gone: the loop is told to shut down.
fn spawn_input(tx: UnboundedSender<Incoming>) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            loop {
                let message = match crossterm::event::read() {
                    Ok(event) => Incoming::Terminal(event),
                    Err(_) => Incoming::Action(Action::Shutdown),
                };
                let stop = matches!(message, Incoming::Action(_));
                if tx.send(message).is_err() || stop {
                    break;
                }
            }
        })?;
    Ok(())
}

/// The handles effects are carried out with.
struct Workers {
    requests: mpsc::Sender<StoreRequest>,
    actions: UnboundedSender<Action>,
    hr: UnboundedSender<HrEvent>,
    /// The heart-rate source on its own thread; dropping it stops the source.
    source: Option<SourceWorker>,
}

impl Workers {
    /// Runs `source` on a thread of its own, in place of the current one (which is stopped).
    fn start_source(&mut self, source: Box<dyn HeartRateSource>) {
        self.source = None;
        match SourceWorker::start(source, self.hr.clone()) {
            Ok(worker) => self.source = Some(worker),
            Err(err) => {
                tracing::error!("cannot start the heart-rate thread: {err}");
                let _ = self.hr.send(HrEvent::Disconnected {
                    reason: format!("cannot start the heart-rate source ({err})"),
                });
            }
        }
    }
}

impl Workers {
    /// Streams from the strap at `address`, built as every source is ([`hr::open`]).
    fn use_strap(&mut self, address: String) {
        let spec = SourceSpec::Ble {
            device: Some(address),
        };
        match hr::open(&spec, Speed::REAL_TIME) {
            Ok(source) => self.start_source(source),
            Err(err) => {
                let _ = self.hr.send(HrEvent::Disconnected {
                    reason: err.to_string(),
                });
            }
        }
    }
}

fn apply(state: &mut State, action: Action, workers: &mut Workers) {
    for effect in update(state, action, Utc::now()) {
        match effect {
            Effect::ScanStraps => {
                let actions = workers.actions.clone();
                let reply = move |found| {
                    let _ = actions.send(Action::Straps(found));
                };
                if let Err(err) = source_worker::scan(reply) {
                    let _ = workers.actions.send(Action::Straps(Err(format!(
                        "cannot start a Bluetooth scan ({err})"
                    ))));
                }
            }
            Effect::UseStrap(strap) => match strap {
                Some(strap) => workers.use_strap(strap),
                None => workers.source = None,
            },
            Effect::Store(request) => to_store(workers, request),
            Effect::Bell => {
                let mut out = std::io::stdout();
                let _ = out.write_all(b"\x07").and_then(|()| out.flush());
            }
        }
    }
}

/// Hands `request` to the store thread. If that thread is gone (its panic was reported already),
/// the request is answered as failed, like every later one, so nothing shows as saved that was
/// not.
fn to_store(workers: &Workers, request: StoreRequest) {
    if let Err(mpsc::SendError(request)) = workers.requests.send(request) {
        tracing::error!("store thread is gone");
        let _ = workers.actions.send(Action::Stored(StoreReply::Failed {
            what: request.failure_kind(),
            message: STORE_GONE.to_owned(),
        }));
    }
}

/// Why nothing more can be saved once the store thread died.
const STORE_GONE: &str = "the database worker stopped, so nothing more can be saved this run: \
                          quit and start again (details are in the log)";

/// Turns a terminal event into an action: the keymap first, then typing into a focused line.
fn translate(state: &State, incoming: Incoming) -> Option<Action> {
    let event = match incoming {
        Incoming::Action(action) => return Some(action),
        Incoming::Terminal(event) => event,
    };
    match &event {
        TermEvent::Key(key) if key.kind != KeyEventKind::Release => key_action(state, *key),
        TermEvent::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

fn key_action(state: &State, event: KeyEvent) -> Option<Action> {
    let context = state.context();
    let key = Key::from_event(event);
    if let Some(command) = state.keymap.command(context, key) {
        return Some(Action::Command(command));
    }
    if !context.takes_text() {
        return None;
    }
    text_edit(key).map(Action::Edit)
}

fn text_edit(key: Key) -> Option<TextEdit> {
    use crossterm::event::{KeyCode, KeyModifiers};
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Char('u') if ctrl => TextEdit::Clear,
        KeyCode::Char('w') if ctrl => TextEdit::DeleteWord,
        KeyCode::Char('a') if ctrl => TextEdit::Home,
        KeyCode::Char('e') if ctrl => TextEdit::End,
        KeyCode::Char(c) if !ctrl && !key.modifiers.contains(KeyModifiers::ALT) => {
            TextEdit::Insert(c)
        }
        KeyCode::Backspace => TextEdit::Backspace,
        KeyCode::Delete => TextEdit::Delete,
        KeyCode::Left => TextEdit::Left,
        KeyCode::Right => TextEdit::Right,
        KeyCode::Home => TextEdit::Home,
        KeyCode::End => TextEdit::End,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::store_worker::{DevicesRequest, Failed};

    #[test]
    fn a_write_the_dead_store_thread_cannot_take_is_answered_as_failed() {
        let (requests, gone) = mpsc::channel();
        drop(gone);
        let (actions, mut replies) = unbounded_channel();
        let (hr, _) = unbounded_channel();
        let workers = Workers {
            requests,
            actions,
            hr,
            source: None,
        };
        to_store(&workers, DevicesRequest::RememberStrap(None).into());
        assert_eq!(
            replies.try_recv().ok(),
            Some(Action::Stored(StoreReply::Failed {
                what: Failed::Other,
                message: STORE_GONE.to_owned()
            }))
        );
        assert!(STORE_GONE.contains("saved this run: quit"), "{STORE_GONE}");
    }
}
