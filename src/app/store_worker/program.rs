//! The running program in the app: start today's day as a session (every line a lift with its
//! target sets), the day a resumed session trains, the changes a finished day made, and one of
//! them suppressed.

use chrono::{DateTime, NaiveDate, Utc};

use super::Request;
use crate::core::heart::settings::HrSettings;
use crate::core::program::slot::{LiftState, SlotState};
use crate::core::strength::history::Performance;
use crate::core::strength::progression::RuleConfig;
use crate::core::workout::session::{Session, SlotId};
use crate::read::program_lifter::find;
use crate::read::program_run::{RunError, SessionDay, save_session_day, targets_of};
use crate::read::{ProgramRun, ProgramSummary};
use crate::store::{AssignmentId, NewChange, Store, StoreError};

#[derive(Debug, Clone, PartialEq)]
pub enum ProgramRequest {
    /// Start the running program's day due `today` (or, on a rest day, the next one) as a session.
    StartToday { at: DateTime<Utc>, today: NaiveDate },
    /// The running program as the dashboard shows it, as of `today` (after a day was trained).
    Summary { today: NaiveDate },
    /// Take back a change made after a session, for this time.
    Suppress {
        assignment: AssignmentId,
        change: Box<ChangeLine>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum ProgramReply {
    /// Today's day as a session.
    TodayStarted(Box<TodayStarted>),
    /// The dashboard's program lines, read again (None: no program runs).
    Summary(Option<Box<ProgramSummary>>),
    Suppressed(i64),
}

/// Today's day as a session: its lifts in the program's order, each with its history and rule
/// for coaching, and the day's targets by slot.
#[derive(Debug, Clone, PartialEq)]
pub struct TodayStarted {
    pub session: Session,
    pub day: SessionDay,
    pub slots: Vec<(SlotId, Vec<Performance>, Option<RuleConfig>)>,
    /// The day was not due today: it was started early.
    pub early: Option<NaiveDate>,
}

/// A change a finished day made, as the summary lists it, with what taking it back restores.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeLine {
    pub id: i64,
    pub slot: String,
    pub exercise: String,
    pub reason: String,
    pub suppressed: bool,
    pub before_slot: Option<(String, SlotState)>,
    pub before_lift: Option<(String, LiftState)>,
}

/// What finishing a program day did: the day's title and its changes for next time.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgramFinish {
    pub title: String,
    pub assignment: Option<AssignmentId>,
    pub changes: Vec<ChangeLine>,
    /// Changes the program proposes now (id, reason): accepted or declined with
    /// `ironpulse program accept|decline ID`.
    pub proposals: Vec<(i64, String)>,
    /// The progression could not be saved: why (the session itself is finished).
    pub error: Option<String>,
}

fn invalid(e: RunError) -> StoreError {
    match e {
        RunError::Store(e) => e,
        RunError::Program(e) => StoreError::Invalid(format!(
            "the running program's text does not read ({e}); edit it with `ironpulse program edit`"
        )),
    }
}

impl Request for ProgramRequest {
    type Reply = ProgramReply;

    fn answer(self, store: &Store) -> Result<ProgramReply, StoreError> {
        match self {
            ProgramRequest::StartToday { at, today } => start_today(store, at, today),
            ProgramRequest::Summary { today } => {
                let Some(profile) = store.profile()? else {
                    return Ok(ProgramReply::Summary(None));
                };
                let run = ProgramRun::read(store, &profile, today).map_err(invalid)?;
                Ok(ProgramReply::Summary(
                    run.map(|r| Box::new(ProgramSummary::of(&r, today))),
                ))
            }
            ProgramRequest::Suppress { assignment, change } => {
                store.suppress_program_change(
                    assignment,
                    change.id,
                    change.before_slot.as_ref(),
                    change.before_lift.as_ref(),
                )?;
                Ok(ProgramReply::Suppressed(change.id))
            }
        }
    }
}

fn start_today(
    store: &Store,
    at: DateTime<Utc>,
    today: NaiveDate,
) -> Result<ProgramReply, StoreError> {
    let profile = store
        .profile()?
        .ok_or_else(|| StoreError::Invalid("set up your profile first".into()))?;
    let run = ProgramRun::read(store, &profile, today)
        .map_err(invalid)?
        .ok_or_else(|| {
            StoreError::Invalid(
                "no program is running: start one with `ironpulse program start NAME`".into(),
            )
        })?;
    let (c, plan) = run
        .today
        .clone()
        .or_else(|| run.next.clone())
        .ok_or_else(|| {
            StoreError::Invalid(format!(
                "{} has no day left to train",
                run.program.meta.name
            ))
        })?;
    let day = run.session_day(&c, &plan);
    // A program's deload week is recorded as one (the dashboard, coaching and the deload check
    // all follow it), unless a deload already covers today.
    if plan.deload && store.current_deload(today)?.is_none() {
        let end = today
            .checked_add_days(chrono::Days::new(6))
            .unwrap_or(today);
        store.record_deload(
            today,
            Some(end),
            &format!("{}: deload week", run.program.meta.name),
        )?;
    }
    let targets = serde_json::to_string(&targets_of(&plan)).unwrap_or_else(|_| "[]".into());
    let id =
        store.start_program_session(run.assignment.id, c.seq, at, today, &day.title, &targets)?;
    store.set_hr_settings(id, &HrSettings::from_profile(&profile))?;
    let exercises = store.exercises()?;
    let mut slots = Vec::new();
    let mut groups: Vec<String> = Vec::new();
    for line in &day.lines {
        let Some(exercise) = find(&exercises, &line.exercise) else {
            continue;
        };
        let slot = store.add_slot(id, exercise.id)?;
        if let Some(name) = &line.superset {
            let group = groups.iter().position(|g| g == name).unwrap_or_else(|| {
                groups.push(name.clone());
                groups.len() - 1
            });
            store.set_superset(slot.id, Some(u32::try_from(group).unwrap_or(0)))?;
        }
        slots.push((
            slot.id,
            store.exercise_history(exercise.id)?,
            store.exercise_rule(exercise.id)?,
        ));
    }
    let session = store.session(id)?.ok_or(StoreError::NotFound {
        what: "session",
        id: id.0,
    })?;
    Ok(ProgramReply::TodayStarted(Box::new(TodayStarted {
        session,
        day,
        slots,
        early: (c.date > today).then_some(c.date),
    })))
}

/// After a session is finished: when it trained a program day, the day's progression applied
/// and saved, and its changes for the summary.
pub fn finish_day(store: &Store, session: &Session) -> Result<Option<ProgramFinish>, StoreError> {
    let Some((assignment, seq)) = store.program_day_of(session.id)? else {
        return Ok(None);
    };
    let Some(profile) = store.profile()? else {
        return Ok(None);
    };
    let today = session.started_at.date_naive();
    let Some(run) = ProgramRun::read(store, &profile, today).map_err(invalid)? else {
        return Ok(None);
    };
    if run.assignment.id != assignment {
        return Ok(None);
    }
    let outcome = run.after_session(seq, session);
    let title = session.title.clone();
    let ids = save_session_day(
        store,
        assignment,
        session.id,
        &outcome,
        session.ended_at.unwrap_or(session.started_at),
    )?;
    let changes = outcome
        .changes
        .into_iter()
        .zip(ids)
        .map(|(c, id)| ChangeLine {
            id,
            before_slot: outcome
                .before
                .state(&c.key)
                .map(|s| (c.key.clone(), s.clone())),
            before_lift: outcome
                .before
                .lift(&c.exercise)
                .map(|l| (c.exercise.clone(), l.clone())),
            slot: c.key,
            exercise: c.exercise,
            reason: c.reason,
            suppressed: false,
        })
        .collect();
    let proposals = propose(
        store,
        &profile,
        today,
        session.ended_at.unwrap_or(session.started_at),
    )?;
    Ok(Some(ProgramFinish {
        title,
        assignment: Some(assignment),
        changes,
        proposals,
        error: None,
    }))
}

/// Records what the program proposes after a day (a plateau, resets piling up, a short AMRAP,
/// the deload check) and returns every proposal still open.
pub fn propose(
    store: &Store,
    profile: &crate::core::profile::Profile,
    today: NaiveDate,
    at: DateTime<Utc>,
) -> Result<Vec<(i64, String)>, StoreError> {
    let Some(run) = ProgramRun::read(store, profile, today).map_err(invalid)? else {
        return Ok(Vec::new());
    };
    let check = crate::read::DeloadCheck::read(store, profile.unit, today)?;
    let recorded = store
        .deloads()?
        .iter()
        .any(|d| d.end.is_none_or(|e| e >= today));
    let new: Vec<NewChange> = run
        .proposals(&check.advice, recorded, today)
        .into_iter()
        .map(|(p, detail)| NewChange {
            kind: "adaptive",
            slot: p.proposal.slot().map(str::to_string),
            status: "proposed",
            reason: p.reason,
            detail,
        })
        .collect();
    if !new.is_empty() {
        store.propose_program_changes(run.assignment.id, &new, at)?;
    }
    let changes = store.program_changes(run.assignment.program.id)?;
    Ok(changes
        .into_iter()
        .filter(|c| c.kind == "adaptive" && c.status == "proposed")
        .map(|c| (c.id, c.reason))
        .collect())
}
