//! The store on its own thread: requests in, replies out. A closed request channel means
//! "shut down": the worker finishes what is queued (so no logged set is dropped), then exits.
//!
//! Requests are grouped by feature. Each group is a file of its own here holding its request
//! enum, its reply enum and how the store answers it ([`Request`]); its replies are handled by
//! the feature's module in `update/`. A new query is a variant of its group's request, the arm
//! answering it, and the arm receiving its reply: the compiler checks every step.

mod deload;
mod devices;
mod exercises;
mod history;
mod hr;
mod program;
mod review;
mod session;
mod settings;

pub use deload::{DeloadReply, DeloadRequest};
pub use devices::{DevicesReply, DevicesRequest};
pub use exercises::{ExerciseReply, ExerciseRequest};
pub use history::{HistoryReply, HistoryRequest};
pub use hr::{HrNotSaved, HrReply, HrRequest};
pub use program::{ChangeLine, ProgramFinish, ProgramReply, ProgramRequest, TodayStarted};
pub use review::{ReviewReply, ReviewRequest};
pub use session::{SessionReply, SessionRequest};
pub use settings::{SettingsReply, SettingsRequest};

use std::sync::mpsc;
use std::thread::JoinHandle;

use crate::store::{Store, StoreError};

/// Work for the store thread, by feature. Each request is answered by exactly one `StoreReply`:
/// its feature's reply, or `Failed`.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreRequest {
    Session(SessionRequest),
    Exercise(ExerciseRequest),
    Hr(HrRequest),
    History(HistoryRequest),
    Review(ReviewRequest),
    Deload(DeloadRequest),
    Settings(SettingsRequest),
    Devices(DevicesRequest),
    Program(ProgramRequest),
}

/// The store's answer to one request: the feature's reply, or what failed.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreReply {
    Session(SessionReply),
    Exercise(ExerciseReply),
    Hr(HrReply),
    History(HistoryReply),
    Review(ReviewReply),
    Deload(DeloadReply),
    Settings(SettingsReply),
    Devices(DevicesReply),
    Program(ProgramReply),
    Failed { what: Failed, message: String },
}

/// What kind of request failed, so `update()` can put the message where the user is looking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failed {
    Profile,
    LogSets,
    EditSet,
    Exercise,
    Finish,
    Other,
}

/// A feature's requests: how the store answers each, and what a failure is reported as.
pub trait Request {
    /// The feature's replies.
    type Reply;
    /// Runs the request against the store.
    fn answer(self, store: &Store) -> Result<Self::Reply, StoreError>;
    /// Where a failure of this request is shown; most are said in the status line.
    fn failure(&self) -> Failed {
        Failed::Other
    }
}

/// Each feature's request and reply as the store's: `update()` sends
/// `Effect::Store(SessionRequest::LogSets { .. }.into())`.
macro_rules! feature {
    ($($group:ident: $request:ty => $reply:ty),* $(,)?) => {$(
        impl From<$request> for StoreRequest {
            fn from(request: $request) -> Self {
                StoreRequest::$group(request)
            }
        }
        impl From<$reply> for StoreReply {
            fn from(reply: $reply) -> Self {
                StoreReply::$group(reply)
            }
        }
    )*};
}

feature! {
    Session: SessionRequest => SessionReply,
    Exercise: ExerciseRequest => ExerciseReply,
    Hr: HrRequest => HrReply,
    History: HistoryRequest => HistoryReply,
    Review: ReviewRequest => ReviewReply,
    Deload: DeloadRequest => DeloadReply,
    Settings: SettingsRequest => SettingsReply,
    Devices: DevicesRequest => DevicesReply,
    Program: ProgramRequest => ProgramReply,
}

impl StoreRequest {
    /// The failure class reported if this request fails.
    pub fn failure_kind(&self) -> Failed {
        match self {
            StoreRequest::Session(request) => request.failure(),
            StoreRequest::Exercise(request) => request.failure(),
            StoreRequest::Hr(request) => request.failure(),
            StoreRequest::History(request) => request.failure(),
            StoreRequest::Review(request) => request.failure(),
            StoreRequest::Deload(request) => request.failure(),
            StoreRequest::Settings(request) => request.failure(),
            StoreRequest::Devices(request) => request.failure(),
            StoreRequest::Program(request) => request.failure(),
        }
    }
}

/// Moves `store` onto a thread of its own; each reply is handed to `reply`.
pub fn spawn(
    store: Store,
    reply: impl Fn(StoreReply) + Send + 'static,
) -> std::io::Result<(mpsc::Sender<StoreRequest>, JoinHandle<()>)> {
    let (tx, rx) = mpsc::channel::<StoreRequest>();
    let handle = std::thread::Builder::new()
        .name("store".into())
        .spawn(move || {
            // Once the app is gone, `reply` goes nowhere; the queue still drains, so queued
            // writes land.
            for request in rx {
                reply(answer(&store, request));
            }
        })?;
    Ok((tx, handle))
}

/// Runs one request: its feature's reply, or a `StoreReply::Failed` saying what went wrong.
pub fn answer(store: &Store, request: StoreRequest) -> StoreReply {
    match request {
        StoreRequest::Session(request) => run(store, request),
        StoreRequest::Exercise(request) => run(store, request),
        StoreRequest::Hr(request) => run(store, request),
        StoreRequest::History(request) => run(store, request),
        StoreRequest::Review(request) => run(store, request),
        StoreRequest::Deload(request) => run(store, request),
        StoreRequest::Settings(request) => run(store, request),
        StoreRequest::Devices(request) => run(store, request),
        StoreRequest::Program(request) => run(store, request),
    }
}

fn run<R: Request>(store: &Store, request: R) -> StoreReply
where
    StoreReply: From<R::Reply>,
{
    let what = request.failure();
    request.answer(store).map_or_else(
        |e| {
            tracing::warn!(error = %e, "store request failed");
            StoreReply::Failed {
                what,
                message: e.to_string(),
            }
        },
        StoreReply::from,
    )
}
