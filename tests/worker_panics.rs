//! The TUI's panic hook, in a process of its own (a panic hook is process-wide): a panic on the UI
//! thread restores the terminal and reaches the report hook installed before; a panic in a worker
//! thread or in a task on the UI thread's runtime is handed to the app instead, and the terminal
//! is left alone.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use ironpulse::app::terminal::{WorkerPanic, contain_worker_panics, restore_hook};

#[test]
fn only_a_panic_on_the_ui_thread_gives_the_terminal_back() {
    let reported = Arc::new(AtomicUsize::new(0));
    let restored = Arc::new(AtomicUsize::new(0));
    let workers: Arc<Mutex<Vec<WorkerPanic>>> = Arc::default();
    // Stands for color-eyre's report hook (and still shows a failing assertion).
    let count = Arc::clone(&reported);
    std::panic::set_hook(Box::new(move |info| {
        count.fetch_add(1, Ordering::SeqCst);
        eprintln!("reported: {info}");
    }));
    let seen = Arc::clone(&workers);
    let terminal = Arc::clone(&restored);
    let previous = contain_worker_panics(
        move |panic| seen.lock().unwrap().push(panic),
        move || {
            terminal.fetch_add(1, Ordering::SeqCst);
        },
    );

    // A worker thread (the store's, say).
    let store = std::thread::Builder::new()
        .name("store".into())
        .spawn(|| panic!("disk on fire"))
        .unwrap();
    assert!(store.join().is_err());
    // A task on the UI thread's own runtime (as bluez-async spawns its clean-up).
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let task = runtime.block_on(async {
        tokio::spawn(async {
            let message = String::from("Failed to send message");
            panic!("{message}")
        })
        .await
    });
    assert!(task.unwrap_err().is_panic());
    assert_eq!(
        *workers.lock().unwrap(),
        vec![
            WorkerPanic {
                thread: Some("store".into()),
                message: "disk on fire".into()
            },
            WorkerPanic {
                thread: None,
                message: "Failed to send message".into()
            },
        ]
    );
    assert_eq!(
        restored.load(Ordering::SeqCst),
        0,
        "the terminal is the app's"
    );
    assert_eq!(
        reported.load(Ordering::SeqCst),
        0,
        "no report on the screen"
    );
    assert_eq!(
        workers.lock().unwrap()[0].to_string(),
        "The database worker failed (disk on fire); the app goes on, details are in the log."
    );

    // The UI thread itself: the terminal first, then the report.
    let ui = catch_unwind(AssertUnwindSafe(|| panic!("a bug in update()")));
    assert!(ui.is_err());
    assert_eq!(restored.load(Ordering::SeqCst), 1);
    assert_eq!(reported.load(Ordering::SeqCst), 1);
    assert_eq!(workers.lock().unwrap().len(), 2);

    // Leaving the TUI puts the report hook back for everything.
    restore_hook(&previous);
    let after = std::thread::spawn(|| panic!("after the TUI"));
    assert!(after.join().is_err());
    assert_eq!(reported.load(Ordering::SeqCst), 2);
    assert_eq!(workers.lock().unwrap().len(), 2);
}
