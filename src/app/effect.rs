//! What `update()` asks the outside world to do, and what the store answers.

use chrono::{DateTime, Utc};

use crate::core::exercise::{Equipment, Exercise, ExerciseId, ExerciseKind, Mechanics};
use crate::core::history::Performance;
use crate::core::hr_sample::{HrGap, HrSample};
use crate::core::profile::Profile;
use crate::core::progression::RuleConfig;
use crate::core::session::{LoggedSet, Session, SessionId, SessionSummary, SetId, Slot, SlotId};
use crate::core::set::SetSpec;
use crate::core::set_hr::SetHr;

/// A side effect for the event loop to run.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Store(StoreRequest),
    /// Ring the terminal bell (rest over).
    Bell,
    /// Look for Bluetooth heart-rate straps; answered by `Action::Straps`.
    ScanStraps,
    /// Stream from this strap (address or name) from now on, or stop streaming.
    UseStrap(Option<String>),
}

/// Work for the store thread. Each request is answered by exactly one `StoreReply`.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreRequest {
    SaveProfile(Profile),
    StartSession {
        at: DateTime<Utc>,
        title: String,
    },
    AddSlot {
        session: SessionId,
        exercise: ExerciseId,
    },
    MoveSlot {
        session: SessionId,
        slot: SlotId,
        up: bool,
    },
    SetSuperset {
        session: SessionId,
        slot: SlotId,
        group: Option<u32>,
    },
    SetSlotNotes {
        session: SessionId,
        slot: SlotId,
        notes: String,
    },
    LogSets {
        slot: SlotId,
        sets: Vec<SetSpec>,
        at: DateTime<Utc>,
    },
    /// Edit or delete a set of `session` (active or from history); the session comes back reloaded.
    UpdateSet {
        session: SessionId,
        set: SetId,
        spec: SetSpec,
    },
    DeleteSet {
        session: SessionId,
        set: SetId,
    },
    Finish {
        session: SessionId,
        at: DateTime<Utc>,
        rpe: Option<u8>,
        notes: String,
    },
    Abandon {
        session: SessionId,
        at: DateTime<Utc>,
    },
    DeleteSession(SessionId),
    CreateExercise {
        name: String,
        kind: ExerciseKind,
        equipment: Equipment,
        mechanics: Mechanics,
    },
    /// A page of the session list, newest first: `limit` sessions after the first `offset`.
    LoadHistory {
        offset: usize,
        limit: usize,
    },
    /// A past session with its heart rate and the previous performance of its exercises;
    /// answered by `SessionLoaded`.
    LoadSession(SessionId),
    /// Today's insights for the dashboard; answered by `Insights`.
    LoadInsights {
        today: chrono::NaiveDate,
    },
    RememberStrap(Option<String>),
    LoadDeload {
        today: chrono::NaiveDate,
    },
    /// Record a deload week from `start` to `end` inclusive; answered by `DeloadStarted`.
    StartDeload {
        start: chrono::NaiveDate,
        end: chrono::NaiveDate,
    },
    /// End a running deload early, the day before `today`; answered by `DeloadEnded`.
    EndDeload {
        id: crate::core::deload::DeloadId,
        today: chrono::NaiveDate,
    },
    SetRule {
        exercise: ExerciseId,
        rule: RuleConfig,
    },
    /// The history of each of `exercises` (the running session's), so their coaching follows a
    /// deload started or ended mid-session; answered by `Recoached`.
    LoadCoaching {
        exercises: Vec<ExerciseId>,
    },
    /// Pin one e1RM formula (or go back to the defaults with `None`); stored e1RMs follow.
    PinFormula(Option<crate::core::e1rm::Formula>),
    /// A batch of the running session's heart rate (≤ 2 s old), and recorded gaps.
    AppendHr {
        session: SessionId,
        samples: Vec<HrSample>,
        gaps: Vec<HrGap>,
    },
    SetHr {
        set: SetId,
        hr: SetHr,
    },
    /// The progression screen's rows: `exercise`'s sessions (else the most recently trained
    /// lift's), and with `lists` the lifts trained and the muscle table; answered by
    /// `ProgressRows`.
    LoadProgress {
        exercise: Option<ExerciseId>,
        today: chrono::NaiveDate,
        lists: bool,
    },
    /// The training-load screen's rows; answered by `LoadRows`.
    LoadTrainingLoad {
        today: chrono::NaiveDate,
    },
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

#[derive(Debug, Clone, PartialEq)]
pub enum StoreReply {
    ProfileSaved(Profile),
    SessionStarted(Session),
    /// A new exercise in the session, with its whole history for coaching.
    SlotAdded {
        slot: Slot,
        history: Vec<Performance>,
        /// The exercise's own progression rule, if one was chosen.
        rule: Option<RuleConfig>,
    },
    /// A progression rule was saved; the history comes back so coaching can follow it.
    RuleSaved {
        exercise: ExerciseId,
        rule: RuleConfig,
        history: Vec<Performance>,
    },
    /// Each exercise's whole history, for its coaching again (a deload started or ended).
    Recoached(Vec<(ExerciseId, Vec<Performance>)>),
    /// A structural change to a session (order, supersets, notes, an edited or deleted set).
    SessionChanged(Session),
    SetsLogged {
        slot: SlotId,
        sets: Vec<LoggedSet>,
    },
    Finished(Session),
    Abandoned(SessionId),
    SessionDeleted(SessionId),
    ExerciseCreated(Exercise),
    /// A page of the session list from `offset`, and how many sessions there are in all.
    History {
        offset: usize,
        sessions: Vec<SessionSummary>,
        total: usize,
    },
    SessionLoaded(Box<crate::read::SessionDetail>),
    /// Today's insights, warnings first.
    Insights(Vec<crate::core::review::insights::Insight>),
    StrapRemembered(Option<String>),
    FormulaPinned(Option<crate::core::e1rm::Formula>),
    /// The deload check, and the recorded deload covering today, if any.
    Deload {
        advice: crate::core::deload::DeloadAdvice,
        current: Option<crate::core::deload::DeloadWeek>,
    },
    DeloadStarted(crate::core::deload::DeloadWeek),
    /// A deload ended early, as it now stands; `None` when it started today and was removed.
    DeloadEnded(Option<crate::core::deload::DeloadWeek>),
    /// A set's heart rate stored (nothing to show).
    HrSaved,
    /// A batch of the running session's heart rate (`AppendHr`) was committed.
    HrAppended,
    /// A batch of heart rate could not be stored; it comes back whole.
    HrNotSaved(HrNotSaved),
    ProgressRows(Box<crate::read::ProgressRows>),
    LoadRows(Box<crate::read::LoadRows>),
    Failed {
        what: Failed,
        message: String,
    },
}

/// A batch of heart rate the store could not write, back whole (none of it was stored), to be
/// tried again when `retry`, or given up as a gap with `reason`.
#[derive(Debug, Clone, PartialEq)]
pub struct HrNotSaved {
    pub session: SessionId,
    pub samples: Vec<HrSample>,
    pub gaps: Vec<HrGap>,
    /// `DiskFull` or `WriteFailed`.
    pub reason: crate::core::hr_sample::GapReason,
    pub retry: bool,
    /// The store's words.
    pub message: String,
}

impl StoreRequest {
    /// The failure class reported if this request fails.
    pub fn failure_kind(&self) -> Failed {
        match self {
            StoreRequest::SaveProfile(_) => Failed::Profile,
            StoreRequest::LogSets { .. } => Failed::LogSets,
            StoreRequest::UpdateSet { .. } | StoreRequest::DeleteSet { .. } => Failed::EditSet,
            StoreRequest::CreateExercise { .. } => Failed::Exercise,
            StoreRequest::Finish { .. } => Failed::Finish,
            _ => Failed::Other,
        }
    }
}
