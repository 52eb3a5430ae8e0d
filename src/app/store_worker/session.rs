//! The running session's writes (and an edit of a past session's sets): each comes back with
//! what the screen shows once it is committed.

use chrono::{DateTime, Utc};

use super::program::ProgramFinish;
use super::{Failed, Request};
use crate::core::heart::settings::HrSettings;
use crate::core::strength::history::Performance;
use crate::core::strength::progression::RuleConfig;
use crate::core::workout::exercise::ExerciseId;
use crate::core::workout::session::{LoggedSet, Session, SessionId, SetId, Slot, SlotId};
use crate::core::workout::set::SetSpec;
use crate::store::{Store, StoreError};

#[derive(Debug, Clone, PartialEq)]
pub enum SessionRequest {
    Start {
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
}

#[derive(Debug, Clone, PartialEq)]
pub enum SessionReply {
    Started(Session),
    /// A new exercise in the session, with its whole history for coaching.
    SlotAdded {
        slot: Slot,
        history: Vec<Performance>,
        /// The exercise's own progression rule, if one was chosen.
        rule: Option<RuleConfig>,
    },
    /// A structural change to a session (order, supersets, notes, an edited or deleted set).
    Changed(Session),
    SetsLogged {
        slot: SlotId,
        sets: Vec<LoggedSet>,
    },
    /// The session finished, and what it changed in the running program if it trained a day.
    Finished(Session, Option<Box<ProgramFinish>>),
    Abandoned(SessionId),
}

impl Request for SessionRequest {
    type Reply = SessionReply;

    fn answer(self, store: &Store) -> Result<SessionReply, StoreError> {
        use SessionRequest as R;
        let reload = |id| load(store, id).map(SessionReply::Changed);
        Ok(match self {
            R::Start { at, title } => SessionReply::Started(start(store, at, &title)?),
            R::AddSlot { session, exercise } => {
                let history = store.exercise_history(exercise)?;
                SessionReply::SlotAdded {
                    slot: store.add_slot(session, exercise)?,
                    history,
                    rule: store.exercise_rule(exercise)?,
                }
            }
            R::MoveSlot { session, slot, up } => {
                store.move_slot(slot, up)?;
                reload(session)?
            }
            R::SetSuperset {
                session,
                slot,
                group,
            } => {
                store.set_superset(slot, group)?;
                reload(session)?
            }
            R::SetSlotNotes {
                session,
                slot,
                notes,
            } => {
                store.set_slot_notes(slot, &notes)?;
                reload(session)?
            }
            R::LogSets { slot, sets, at } => SessionReply::SetsLogged {
                slot,
                sets: store.log_sets(slot, &sets, at)?,
            },
            R::UpdateSet { session, set, spec } => {
                store.update_set(set, &spec)?;
                reload(session)?
            }
            R::DeleteSet { session, set } => {
                store.delete_set(set)?;
                reload(session)?
            }
            R::Finish {
                session,
                at,
                rpe,
                notes,
            } => {
                let finished = finish(store, session, at, rpe, &notes)?;
                // The session is finished whatever happens to the program's progression.
                let program = super::program::finish_day(store, &finished).unwrap_or_else(|e| {
                    tracing::warn!(error = %e, "the program's progression was not saved");
                    Some(ProgramFinish {
                        title: finished.title.clone(),
                        assignment: None,
                        changes: Vec::new(),
                        proposals: Vec::new(),
                        error: Some(e.to_string()),
                    })
                });
                SessionReply::Finished(finished, program.map(Box::new))
            }
            R::Abandon { session, at } => {
                store.abandon_session(session, at)?;
                SessionReply::Abandoned(session)
            }
        })
    }

    fn failure(&self) -> Failed {
        match self {
            SessionRequest::LogSets { .. } => Failed::LogSets,
            SessionRequest::UpdateSet { .. } | SessionRequest::DeleteSet { .. } => Failed::EditSet,
            SessionRequest::Finish { .. } => Failed::Finish,
            _ => Failed::Other,
        }
    }
}

fn load(store: &Store, id: SessionId) -> Result<Session, StoreError> {
    store.session(id)?.ok_or(StoreError::NotFound {
        what: "session",
        id: id.0,
    })
}

/// Starts a session that keeps the heart-rate settings it is trained with.
fn start(store: &Store, at: DateTime<Utc>, title: &str) -> Result<Session, StoreError> {
    let id = store.start_session(at, title)?;
    if let Some(profile) = store.profile()? {
        store.set_hr_settings(id, &HrSettings::from_profile(&profile))?;
    }
    load(store, id)
}

/// Finishes a session, then summarises its heart rate (average, max, time in zones, TRIMP,
/// hrTSS, RMSSD) from the stored samples — none without heart rate. The session is finished
/// even if that summary fails.
fn finish(
    store: &Store,
    id: SessionId,
    at: DateTime<Utc>,
    rpe: Option<u8>,
    notes: &str,
) -> Result<Session, StoreError> {
    let finished = store.finish_session(id, at, rpe, notes)?;
    if let Err(e) = store.finish_hr(id) {
        tracing::warn!(error = %e, "no heart-rate summary for the session");
    }
    Ok(finished)
}
