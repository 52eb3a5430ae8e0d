//! Writes a planned history the way the app records it as it happens: each program kept and put
//! on the calendar, each session started (a program day's with its day marked trained and what it
//! prescribed), each trained day's progression saved with its changes, days skipped, pauses and
//! ends recorded — all in the order they happened; then every session's sets in one transaction.

use super::plan::{Plan, Step};
use crate::core::program::schedule::{Mark, MissedPolicy};
use crate::core::workout::session::SessionId;
use crate::read::program_run::save_day;
use crate::store::{AssignmentId, ProgramId, Store, StoreError};

/// Writes `plan`'s sessions and programs; returns the sessions' ids, in plan order.
pub fn write(store: &Store, plan: &Plan) -> Result<Vec<SessionId>, StoreError> {
    let mut programs: Vec<(&str, ProgramId)> = Vec::new();
    let mut runs: Vec<AssignmentId> = Vec::with_capacity(plan.runs.len());
    let mut ids: Vec<SessionId> = Vec::with_capacity(plan.sessions.len());
    for step in &plan.steps {
        match step {
            Step::Start { run, at } => {
                let r = &plan.runs[*run];
                let kept = programs.iter().find(|(slug, _)| *slug == r.slug);
                let program = if let Some((_, id)) = kept {
                    *id
                } else {
                    let id = store.create_program(
                        &r.name,
                        Some(r.slug),
                        r.text,
                        "from the built-in library",
                        *at,
                    )?;
                    programs.push((r.slug, id));
                    id
                };
                runs.push(store.start_program(
                    program,
                    r.start,
                    &r.weekdays,
                    MissedPolicy::Mark,
                    &r.lifts,
                    *at,
                )?);
            }
            Step::Session(index) => {
                debug_assert_eq!(*index, ids.len());
                let s = &plan.sessions[*index].session;
                let id = match &plan.sessions[*index].program {
                    Some(day) => store.start_program_session(
                        runs[day.run],
                        day.seq,
                        s.started_at,
                        s.started_at.date_naive(),
                        &s.title,
                        &day.targets,
                    )?,
                    None => store.start_session(s.started_at, &s.title)?,
                };
                ids.push(id);
            }
            Step::Progress {
                run,
                after,
                changes,
                at,
            } => {
                save_day(store, runs[*run], after, changes, *at)?;
            }
            Step::Skip {
                run,
                seq,
                reason,
                at,
            } => store.mark_program_day(runs[*run], *seq, Mark::Skipped, reason, *at)?,
            Step::Status { run, to, day, at } => {
                store.set_program_status(runs[*run], *to, *day, *at)?;
            }
        }
    }
    store.fill_history(
        ids.iter()
            .copied()
            .zip(plan.sessions.iter().map(|p| &p.session)),
    )?;
    Ok(ids)
}
