//! The store on its own thread: requests in, replies out. A closed request channel means
//! "shut down": the worker finishes what is queued (so no logged set is dropped), then exits.

mod review_screens;

use std::sync::mpsc;
use std::thread::JoinHandle;

use tokio::sync::mpsc::UnboundedSender;

use super::action::Action;
use super::effect::{HrNotSaved, StoreReply, StoreRequest};
use chrono::{DateTime, Utc};

use crate::core::hr_sample::{GapReason, HrGap, HrSample};
use crate::core::hr_settings::HrSettings;
use crate::core::session::{Session, SessionId};
use crate::read::DeloadCheck;
use crate::store::{Store, StoreError};

/// Moves `store` onto a thread of its own.
pub fn spawn(
    store: Store,
    replies: UnboundedSender<Action>,
) -> std::io::Result<(mpsc::Sender<StoreRequest>, JoinHandle<()>)> {
    let (tx, rx) = mpsc::channel::<StoreRequest>();
    let handle = std::thread::Builder::new()
        .name("store".into())
        .spawn(move || {
            for request in rx {
                let what = request.failure_kind();
                let reply = handle(&store, request).unwrap_or_else(|e| {
                    tracing::warn!(error = %e, "store request failed");
                    StoreReply::Failed {
                        what,
                        message: e.to_string(),
                    }
                });
                if replies.send(Action::Stored(reply)).is_err() {
                    // The app is gone; keep draining so queued writes still land.
                }
            }
        })?;
    Ok((tx, handle))
}

/// Runs one request; a failure becomes a `StoreReply::Failed` saying what went wrong.
pub fn answer(store: &Store, request: StoreRequest) -> StoreReply {
    let what = request.failure_kind();
    handle(store, request).unwrap_or_else(|e| {
        tracing::warn!(error = %e, "store request failed");
        StoreReply::Failed {
            what,
            message: e.to_string(),
        }
    })
}

/// Runs one request against the store.
/// A page of the session list and the length of the whole list.
fn history_page(store: &Store, offset: usize, limit: usize) -> Result<StoreReply, StoreError> {
    Ok(StoreReply::History {
        offset,
        sessions: store.recent_sessions(limit, offset)?,
        total: store.session_count()?,
    })
}

pub fn handle(store: &Store, request: StoreRequest) -> Result<StoreReply, StoreError> {
    use StoreRequest as R;
    let load =
        |id: crate::core::session::SessionId| -> Result<crate::core::session::Session, StoreError> {
            store.session(id)?.ok_or(StoreError::NotFound {
                what: "session",
                id: id.0,
            })
        };
    let reload = |id| load(id).map(StoreReply::SessionChanged);
    Ok(match request {
        R::SaveProfile(profile) => {
            store.save_profile(&profile)?;
            StoreReply::ProfileSaved(profile)
        }
        R::StartSession { at, title } => StoreReply::SessionStarted(start(store, at, &title)?),
        R::AddSlot { session, exercise } => {
            let history = store.exercise_history(exercise)?;
            StoreReply::SlotAdded {
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
        R::LogSets { slot, sets, at } => StoreReply::SetsLogged {
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
        } => StoreReply::Finished(finish(store, session, at, rpe, &notes)?),
        R::Abandon { session, at } => {
            store.abandon_session(session, at)?;
            StoreReply::Abandoned(session)
        }
        R::DeleteSession(id) => {
            store.delete_session(id)?;
            StoreReply::SessionDeleted(id)
        }
        R::CreateExercise {
            name,
            kind,
            equipment,
            mechanics,
        } => StoreReply::ExerciseCreated(store.create_exercise(
            &name,
            kind,
            equipment,
            mechanics,
            &[],
        )?),
        R::LoadHistory { offset, limit } => history_page(store, offset, limit)?,
        request @ (R::AppendHr { .. }
        | R::SetHr { .. }
        | R::SetRule { .. }
        | R::LoadCoaching { .. }
        | R::PinFormula(_)
        | R::LoadDeload { .. }
        | R::StartDeload { .. }
        | R::EndDeload { .. }
        | R::RememberStrap(_)) => {
            return training(store, request);
        }
        request @ (R::LoadSession(_) | R::LoadInsights { .. }) => {
            return looking_back(store, request);
        }
        request @ (R::LoadProgress { .. } | R::LoadTrainingLoad { .. }) => {
            return review_screens::answer(store, request);
        }
    })
}

/// A past session's detail and today's insights.
fn looking_back(store: &Store, request: StoreRequest) -> Result<StoreReply, StoreError> {
    Ok(match request {
        StoreRequest::LoadSession(id) => {
            StoreReply::SessionLoaded(Box::new(crate::read::SessionDetail::read(store, id)?))
        }
        StoreRequest::LoadInsights { today } => {
            StoreReply::Insights(crate::read::Insights::read(store, today)?.0)
        }
        other => unreachable_request(&other),
    })
}

/// Starts a session that keeps the heart-rate settings it is trained with.
fn start(store: &Store, at: DateTime<Utc>, title: &str) -> Result<Session, StoreError> {
    let id = store.start_session(at, title)?;
    if let Some(profile) = store.profile()? {
        store.set_hr_settings(id, &HrSettings::from_profile(&profile))?;
    }
    store.session(id)?.ok_or(StoreError::NotFound {
        what: "session",
        id: id.0,
    })
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

/// Heart rate, progression rules, the deload check and the remembered strap.
fn training(store: &Store, request: StoreRequest) -> Result<StoreReply, StoreError> {
    use StoreRequest as R;
    Ok(match request {
        R::AppendHr {
            session,
            samples,
            gaps,
        } => append_hr(store, session, samples, gaps),
        R::SetHr { set, hr } => {
            store.set_hr(set, &hr)?;
            StoreReply::HrSaved
        }
        R::PinFormula(formula) => {
            store.set_pinned_formula(formula)?;
            StoreReply::FormulaPinned(formula)
        }
        R::SetRule { exercise, rule } => {
            store.set_exercise_rule(exercise, Some(&rule))?;
            StoreReply::RuleSaved {
                exercise,
                rule,
                history: store.exercise_history(exercise)?,
            }
        }
        R::LoadCoaching { exercises } => StoreReply::Recoached(
            exercises
                .into_iter()
                .map(|exercise| Ok((exercise, store.exercise_history(exercise)?)))
                .collect::<Result<_, StoreError>>()?,
        ),
        R::LoadDeload { today } => StoreReply::Deload {
            advice: DeloadCheck::read(store, crate::read::unit(store)?, today)?.advice,
            current: store.current_deload(today)?,
        },
        R::StartDeload { start, end } => {
            let id = store.record_deload(start, Some(end), "")?;
            StoreReply::DeloadStarted(crate::core::deload::DeloadWeek {
                id,
                start,
                end: Some(end),
                note: String::new(),
            })
        }
        R::EndDeload { id, today } => StoreReply::DeloadEnded(store.end_deload(id, today)?),
        R::RememberStrap(strap) => {
            store.remember_strap(strap.as_deref())?;
            StoreReply::StrapRemembered(strap)
        }
        other => unreachable_request(&other),
    })
}

/// Stores a batch of heart rate, or hands it back whole (the transaction stored none of it)
/// saying whether a retry can help and what gap it becomes if it is given up.
fn append_hr(
    store: &Store,
    session: SessionId,
    samples: Vec<HrSample>,
    gaps: Vec<HrGap>,
) -> StoreReply {
    match store.append_hr(session, &samples, &gaps) {
        Ok(()) => StoreReply::HrAppended,
        Err(e) => {
            tracing::warn!(error = %e, samples = samples.len(), "heart rate not saved");
            StoreReply::HrNotSaved(HrNotSaved {
                session,
                samples,
                gaps,
                reason: if matches!(e, StoreError::DiskFull { .. }) {
                    GapReason::DiskFull
                } else {
                    GapReason::WriteFailed
                },
                retry: e.is_transient(),
                message: e.to_string(),
            })
        }
    }
}

/// `training` is only handed its own requests; anything else is a bug in `handle`.
fn unreachable_request(request: &StoreRequest) -> StoreReply {
    tracing::error!(?request, "store request routed to the wrong handler");
    StoreReply::Failed {
        what: request.failure_kind(),
        message: "internal error: misrouted store request".into(),
    }
}
