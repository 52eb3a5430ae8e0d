//! The running program in the app: today's day started as a session, its targets kept beside the
//! session's lifts, and the changes a finished day made (one can be suppressed for this time).

use super::{Effect, Screen, State, say, session};
use crate::app::state::{ProgramSession, SessionScreen};
use crate::app::store_worker::{ProgramReply, ProgramRequest, TodayStarted};
use crate::core::units::{Reps, Rpe, Weight};
use crate::core::workout::session::{Session, Slot};
use crate::core::workout::set::{Effort, Load, SetKind, SetSpec};
use crate::read::program_run::{DayLine, TargetSet};

/// Dashboard: today's program day — the running session if one is open, else a new session with
/// the day's lifts and targets.
pub fn start_today(state: &mut State) -> Vec<Effect> {
    if state.session.is_some() || state.read_only.is_some() {
        return session::open_or_start(state);
    }
    // No day due today (trained already, or a rest day): starting the next one early is asked.
    if let Some(program) = &state.program
        && program.today.is_none()
        && let Some(next) = &program.next
    {
        let why = if program.done_today {
            "Today's day is done."
        } else {
            "Today is a rest day."
        };
        let message = format!(
            "{why} Start the next, day {} of {} (planned {}), now?",
            next.name,
            program.name,
            next.date.format("%a %-d %b")
        );
        state.modal = Some(crate::app::state::Modal::Confirm(
            crate::app::confirm::Confirm::ask(
                message,
                "start it now",
                "not now",
                crate::app::confirm::ConfirmAction::StartProgramEarly,
            ),
        ));
        return Vec::new();
    }
    start_anyway(state)
}

/// Starts the day due, or the next one, as a session.
pub fn start_anyway(state: &mut State) -> Vec<Effect> {
    let today = state.local(state.now).date_naive();
    vec![Effect::Store(
        ProgramRequest::StartToday {
            at: state.now,
            today,
        }
        .into(),
    )]
}

pub fn stored(state: &mut State, reply: ProgramReply) -> Vec<Effect> {
    match reply {
        ProgramReply::TodayStarted(started_day) => {
            let TodayStarted {
                session,
                day,
                slots,
                early,
            } = *started_day;
            started(state, session, day, slots, early);
        }
        ProgramReply::Summary(summary) => state.program = summary.map(|s| *s),
        ProgramReply::Suppressed(id) => {
            if let Screen::Summary(summary) = &mut state.screen
                && let Some(program) = &mut summary.program
                && let Some(change) = program.changes.iter_mut().find(|c| c.id == id)
            {
                change.suppressed = true;
                let text = format!("{}: kept as it was for next time.", change.slot);
                say(state, text, false);
            }
            return refresh(state);
        }
    }
    Vec::new()
}

/// The dashboard's program lines read again (a day was trained, or a change kept off).
pub fn refresh(state: &State) -> Vec<Effect> {
    if state.program.is_none() {
        return Vec::new();
    }
    vec![Effect::Store(
        ProgramRequest::Summary {
            today: state.local(state.now).date_naive(),
        }
        .into(),
    )]
}

/// Today's day is a session: its lifts in order, each coached, the first selected and prefilled
/// with its first target.
fn started(
    state: &mut State,
    session: Session,
    day: crate::read::program_run::SessionDay,
    slots: Vec<(
        crate::core::workout::session::SlotId,
        Vec<crate::core::strength::history::Performance>,
        Option<crate::core::strength::progression::RuleConfig>,
    )>,
    early: Option<chrono::NaiveDate>,
) {
    for (slot, history, rule) in &slots {
        let Some(exercise) = session
            .slots
            .iter()
            .find(|s| s.id == *slot)
            .map(|s| s.exercise)
        else {
            continue;
        };
        if let Some(rule) = rule {
            state.rules.insert(exercise, *rule);
        }
        super::exercises::coach(state, exercise, history);
    }
    let title = day.title.clone();
    let lifts = slots.len();
    state.program_session = Some(ProgramSession {
        session: session.id,
        slots: slots.into_iter().map(|(s, _, _)| s).collect(),
        day,
    });
    state.session = Some(session);
    super::hr_log::session_started(state);
    state.screen = Screen::Session(SessionScreen::default());
    session::prefill(state);
    let early = early.map_or(String::new(), |d| {
        format!(" (planned for {}: started early)", d.format("%a %d %b"))
    });
    say(
        state,
        format!(
            "{title}: {} with their targets{early}.",
            crate::core::words::count(lifts, "lift", "lifts")
        ),
        false,
    );
}

/// Summary: suppress the selected change for this time.
pub fn suppress(state: &mut State) -> Vec<Effect> {
    let Screen::Summary(summary) = &state.screen else {
        return Vec::new();
    };
    let Some(program) = &summary.program else {
        return Vec::new();
    };
    let Some(change) = program.changes.get(summary.selected) else {
        return Vec::new();
    };
    if change.suppressed {
        let text = format!("{}: already kept as it was.", change.slot);
        say(state, text, false);
        return Vec::new();
    }
    let Some(assignment) = program.assignment else {
        return Vec::new();
    };
    vec![Effect::Store(
        ProgramRequest::Suppress {
            assignment,
            change: Box::new(change.clone()),
        }
        .into(),
    )]
}

/// The next target of a program line not yet done: its warm-ups while no working set is
/// logged, then each working set in turn (a target with no load — the lifter's choice — gives
/// none, so the line falls back to the last set or the recommendation).
pub fn next_target(line: &DayLine, slot: &Slot) -> Option<SetSpec> {
    let warmups: Vec<&TargetSet> = line.sets.iter().filter(|t| t.warmup).collect();
    let working: Vec<&TargetSet> = line.sets.iter().filter(|t| !t.warmup).collect();
    let done_warmups = slot
        .sets
        .iter()
        .filter(|s| s.spec.kind == SetKind::Warmup)
        .count();
    let done_working = slot
        .sets
        .iter()
        .filter(|s| s.spec.kind.is_working())
        .count();
    let (target, kind) = if done_working == 0 && done_warmups < warmups.len() {
        (warmups[done_warmups], SetKind::Warmup)
    } else {
        let t = working.get(done_working)?;
        (
            *t,
            if t.amrap {
                SetKind::Amrap
            } else {
                SetKind::Working
            },
        )
    };
    let weight = Weight::from_kg(target.weight_kg?).ok()?;
    Some(SetSpec {
        kind,
        load: Load::External(weight),
        reps: Reps::try_from(u32::from(target.reps)).ok(),
        effort: target
            .rpe
            .and_then(|r| Rpe::try_from(r).ok())
            .map(Effort::Rpe),
        duration: None,
    })
}
