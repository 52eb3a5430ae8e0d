//! The session's writes coming back from the store: only now does the screen show a change as
//! saved (a set as logged, a lift as added, the session as finished).

use super::{Effect, Screen, State, say, session};
use crate::app::state::{SessionScreen, SlotRecords};
use crate::app::store_worker::SessionReply;
use crate::core::strength::history::Performance;
use crate::core::workout::session::{LoggedSet, Session, SlotId};
use crate::core::workout::shorthand;

pub fn stored(state: &mut State, reply: SessionReply) -> Vec<Effect> {
    match reply {
        SessionReply::Started(started) => session_started(state, started),
        SessionReply::SlotAdded {
            slot,
            history,
            rule,
        } => slot_added(state, slot, &history, rule),
        SessionReply::Changed(changed) => return replace_session(state, changed),
        SessionReply::SetsLogged { slot, sets } => logged(state, slot, sets),
        SessionReply::Finished(session, program) => return finished(state, session, program),
        SessionReply::Abandoned(id) => {
            state.recent_sessions.retain(|s| s.id != id);
            state.session = None;
            state.program_session = None;
            state.rest = None;
            state.screen = Screen::Dashboard;
            say(state, "Empty session discarded.", false);
        }
    }
    Vec::new()
}

/// A new exercise in the session: select it and prefill its last set.
fn slot_added(
    state: &mut State,
    slot: crate::core::workout::session::Slot,
    history: &[Performance],
    rule: Option<crate::core::strength::progression::RuleConfig>,
) {
    if let Some(rule) = rule {
        state.rules.insert(slot.exercise, rule);
    }
    super::exercises::coach(state, slot.exercise, history);
    state.recent_exercises.retain(|id| *id != slot.exercise);
    state.recent_exercises.insert(0, slot.exercise);
    let Some(session) = &mut state.session else {
        return;
    };
    let name = slot.name.clone();
    session.slots.push(slot);
    let selected = session.slots.len() - 1;
    state.modal = None;
    if let Screen::Session(screen) = &mut state.screen {
        screen.selected = selected;
    }
    session::prefill(state);
    say(state, format!("Added {name}."), false);
}

/// A new session: its heart-rate figures start from its first sample; the picker opens.
fn session_started(state: &mut State, started: Session) {
    // Right after an idle session was finished where it stopped: say so.
    let finished = match &state.screen {
        Screen::Summary(summary) => summary.session.ended_at.map(|end| {
            let done = &summary.session;
            format!(
                "The session of {} was finished at {} ({} trained); this is a new one.",
                state.local(done.started_at).format("%a %d %b"),
                state.local(end).format("%H:%M"),
                crate::core::words::duration(done.duration(end))
            )
        }),
        _ => None,
    };
    state.session = Some(started);
    super::hr_log::session_started(state);
    state.status = finished.map(|text| crate::app::state::Status { text, error: false });
    state.screen = Screen::Session(SessionScreen::default());
    super::picker::offer_exercises(state);
}

/// The session is closed: show its summary and put it at the top of the recent list. It
/// changes the weekly RPE, the loads and the insights: check them again.
fn finished(
    state: &mut State,
    session: Session,
    program: Option<Box<crate::app::store_worker::ProgramFinish>>,
) -> Vec<Effect> {
    state.recent_sessions.retain(|s| s.id != session.id);
    state.recent_sessions.insert(0, session.summary());
    state.session = None;
    state.program_session = None;
    state.rest = None;
    state.status = None;
    let mut effects = super::hr_log::session_over(state, &session);
    state.screen = Screen::Summary(Box::new(crate::app::state::SummaryScreen {
        session,
        program: program.map(|p| *p),
        selected: 0,
    }));
    effects.extend(super::deload::check_again(state));
    effects.extend(super::program::refresh(state));
    effects
}

/// The store committed these sets: show them, refill the line, start the rest.
fn logged(state: &mut State, slot_id: SlotId, sets: Vec<LoggedSet>) {
    let unit = state.unit();
    super::hr_log::sets_logged(state, &sets);
    let Some(session) = &mut state.session else {
        return;
    };
    let Some(slot) = session.slots.iter_mut().find(|s| s.id == slot_id) else {
        return;
    };
    let working = sets.iter().any(|s| s.spec.kind.is_working());
    let summary = match sets.as_slice() {
        [one] => shorthand::format(&one.spec, unit),
        [first, ..] => format!(
            "{} × {} sets",
            shorthand::format(&first.spec, unit),
            sets.len()
        ),
        [] => String::new(),
    };
    let (exercise, name) = (slot.exercise, slot.name.clone());
    // Records broken, judged against everything before this set.
    let records: Vec<String> = match state.coaching.get_mut(&exercise) {
        Some(coaching) => sets
            .iter()
            .flat_map(|s| coaching.log(&s.spec))
            .map(|pr| pr.sentence(unit))
            .collect(),
        None => Vec::new(),
    };
    // Each logged set takes the next planned one off the plan; a working set ends the warm-ups
    // (the lifter skipped the rest of them), so the plan is done.
    if let Some(plan) = state.planned.get_mut(&slot_id) {
        plan.drain(..sets.len().min(plan.len()));
        if plan.is_empty() || working {
            state.planned.remove(&slot_id);
        }
    }
    slot.sets.extend(sets);
    let index = session
        .slots
        .iter()
        .position(|s| s.id == slot_id)
        .unwrap_or(0);
    // In a superset, a working set goes straight to the next exercise of the group (rest after
    // the round); warm-ups stay on the lift they were planned for.
    let next = session.superset_next(index).filter(|_| working);
    let round_done = next.is_none_or(|n| n <= index);
    // A program lift whose target sets are all done hands over to the next lift with targets
    // left, so the gym floor needs no key between lifts.
    let next = next.or_else(|| {
        let program = state.program_session.as_ref()?;
        let left = |i: usize| {
            let slot = session.slots.get(i)?;
            let line = program.line(slot.id)?;
            let targets = line.sets.iter().filter(|t| !t.warmup).count();
            let done = slot
                .sets
                .iter()
                .filter(|s| s.spec.kind.is_working())
                .count();
            Some(done < targets)
        };
        if !working || left(index) != Some(false) {
            return None;
        }
        (index + 1..session.slots.len()).find(|&i| left(i) == Some(true))
    });
    // The status line names the lift, so a record is credited to it even after the superset moved on.
    let handed = next
        .filter(|n| {
            *n > index
                && session.slots[*n]
                    .superset
                    .is_none_or(|g| Some(g) != session.slots[index].superset)
        })
        .map(|n| format!(" · next: {}", session.slots[n].name))
        .unwrap_or_default();
    let summary = format!("{summary}{handed}");
    let message = match records.as_slice() {
        [] => format!("Logged {name} {summary}"),
        [one] => format!("Logged {name} {summary} — ★ {one}"),
        [one, rest @ ..] => format!("Logged {name} {summary} — ★ {one} (+{} more)", rest.len()),
    };
    if let Screen::Session(screen) = &mut state.screen {
        screen.saving = false;
        screen.records = (!records.is_empty()).then_some(SlotRecords {
            slot: slot_id,
            sentences: records,
        });
        if screen.entry_slot == Some(slot_id) {
            screen.selected = next.unwrap_or(index);
            session::prefill(state);
        }
    }
    if working && round_done {
        session::start_rest(state, exercise);
    }
    say(state, message, false);
}

/// A session came back from the store after an edit: show it where it is open. An edit of a
/// past session (from History) changes what the deload check and the insights read: check them
/// again.
fn replace_session(state: &mut State, changed: Session) -> Vec<Effect> {
    let running = state.session.as_ref().is_some_and(|s| s.id == changed.id);
    let before = match &state.screen {
        Screen::History(h) => h.detail.as_ref().map(|d| &d.session),
        _ => state.session.as_ref(),
    }
    .filter(|s| s.id == changed.id);
    if let Some(said) = before.and_then(|old| super::change::describe(old, &changed, state.unit()))
    {
        say(state, said, false);
    }
    // A set of the running session edited or deleted: a record it announced may no longer
    // stand, and what the lift's coaching counts as its best moved with it.
    let sets_changed: Vec<SlotId> = match state.session.as_ref().filter(|_| running) {
        Some(old) => changed
            .slots
            .iter()
            .filter(|slot| {
                old.slots
                    .iter()
                    .find(|o| o.id == slot.id)
                    .is_none_or(|o| o.sets != slot.sets)
            })
            .map(|slot| slot.id)
            .collect(),
        None => Vec::new(),
    };
    let effects = if !running {
        super::deload::check_again(state)
    } else if sets_changed.is_empty() {
        Vec::new()
    } else {
        if let Screen::Session(screen) = &mut state.screen
            && screen
                .records
                .as_ref()
                .is_some_and(|r| sets_changed.contains(&r.slot))
        {
            screen.records = None;
        }
        super::session::recoach(state).into_iter().collect()
    };
    // Every list that shows the session shows it as it is now (the dashboard's too).
    if let Some(line) = state
        .recent_sessions
        .iter_mut()
        .find(|s| s.id == changed.id)
    {
        *line = changed.summary();
    }
    if let Screen::History(history) = &mut state.screen
        && let Some(detail) = &mut history.detail
        && detail.session.id == changed.id
    {
        if let Some(line) = history.sessions.iter_mut().find(|s| s.id == changed.id) {
            *line = changed.summary();
        }
        detail.replace_session(changed.clone(), state.pinned);
    }
    if running {
        state.session = Some(changed);
        if let Screen::Session(screen) = &mut state.screen {
            let len = state.session.as_ref().map_or(0, |s| s.slots.len());
            screen.selected = screen.selected.min(len.saturating_sub(1));
        }
        state.modal = None;
        if !matches!(&state.screen, Screen::Session(s) if s.saving) {
            session::prefill(state);
        }
    }
    effects
}
