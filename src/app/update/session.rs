//! The session screen: the entry line, exercise selection and order, the rest timer.

use std::collections::HashMap;

use chrono::Duration;

use super::{Command, Effect, Input, Modal, Screen, State, plausibility, say};
use crate::app::confirm::{Confirm, ConfirmAction};
use crate::app::dialog::{Dialog, notes_form};
use crate::app::finish_form::finish_form;
use crate::app::rule_form::rule_form;
use crate::app::state::PlateHint;
use crate::app::state::{EntryError, RestTimer, SessionScreen, read_only_refusal};
use crate::app::store_worker::{ExerciseRequest, SessionRequest};
use crate::app::text_input::TextInput;
use crate::core::strength::coaching::Coaching;
use crate::core::strength::progression::RuleConfig;
use crate::core::units::Unit;
use crate::core::workout::exercise::{Equipment, ExerciseId};
use crate::core::workout::plates::{Loader, Plates};
use crate::core::workout::rest::Rest;
use crate::core::workout::session::Slot;
use crate::core::workout::set::Load;
use crate::core::workout::set::SetSpec;
use crate::core::workout::shorthand;
use crate::core::workout::warmup::{WarmupScheme, warmups};

/// Enter the session screen, starting a session if none is running. A running one idle for
/// hours is asked about first (finish it where it stopped, or continue it); an empty one left idle
/// is replaced by a new one.
pub fn open_or_start(state: &mut State) -> Vec<Effect> {
    // A read-only database: a running session can be looked at, nothing started or finished.
    if let Some(why) = &state.read_only {
        if state.session.is_some() {
            return open(state);
        }
        let refusal = read_only_refusal(why, "no session can be started");
        say(state, refusal, true);
        return Vec::new();
    }
    let Some(session) = &state.session else {
        return start(state);
    };
    if session.idle_since(state.now).is_some() && session.set_count() == 0 {
        let abandon = Effect::Store(
            SessionRequest::Abandon {
                session: session.id,
                at: state.now,
            }
            .into(),
        );
        let mut effects = vec![abandon];
        effects.extend(start(state));
        return effects;
    }
    if let Some(question) = idle(state, ConfirmAction::ResumeSession) {
        state.modal = Some(Modal::Confirm(question));
        return Vec::new();
    }
    open(state)
}

/// The question for the running session when it has been idle for hours — unless the lifter
/// already chose to continue after that very gap.
fn idle(state: &State, carry_on: ConfirmAction) -> Option<Confirm> {
    let session = state.session.as_ref()?;
    if session.idle_since(state.now) == state.idle_continued {
        return None;
    }
    crate::app::resume::idle(session, state.now, state.utc_offset, carry_on)
}

/// The lifter carries on with the running session: the gap it may have had is not asked about
/// again.
pub fn carry_on(state: &mut State) {
    state.idle_continued = state.session.as_ref().and_then(|s| s.idle_since(state.now));
}

fn start(state: &mut State) -> Vec<Effect> {
    say(state, "Starting a session…", false);
    vec![Effect::Store(
        SessionRequest::Start {
            at: state.now,
            title: "Workout".into(),
        }
        .into(),
    )]
}

/// The session screen on the running session, its last exercise selected; the picker opens on
/// a session without exercises.
pub fn open(state: &mut State) -> Vec<Effect> {
    let Some(session) = &state.session else {
        return Vec::new();
    };
    let empty = session.slots.is_empty();
    state.screen = Screen::Session(SessionScreen {
        selected: session.slots.len().saturating_sub(1),
        ..SessionScreen::default()
    });
    prefill(state);
    if empty {
        super::picker::offer_exercises(state);
    }
    Vec::new()
}

/// Finish the running session at `at` (its last activity) and start a new one.
pub fn finish_idle(state: &mut State, at: chrono::DateTime<chrono::Utc>) -> Vec<Effect> {
    let Some(session) = &state.session else {
        return Vec::new();
    };
    let notes = session.notes.clone();
    let mut effects = finish_at(state, at, None, notes);
    effects.extend(start(state));
    effects
}

/// Everything that finishing the running session at `at` takes: the last heart rate and each
/// set's figures go in before the session is summarised.
pub fn finish_at(
    state: &mut State,
    at: chrono::DateTime<chrono::Utc>,
    rpe: Option<u8>,
    notes: String,
) -> Vec<Effect> {
    let Some(session) = state.session.as_ref().map(|s| s.id) else {
        return Vec::new();
    };
    let mut effects = super::hr_log::settle(state, u32::MAX);
    effects.extend(super::hr_log::flush(state));
    effects.push(Effect::Store(
        SessionRequest::Finish {
            session,
            at,
            rpe,
            notes,
        }
        .into(),
    ));
    effects
}

pub fn session(state: &mut State, input: Input) -> Vec<Effect> {
    if let (Some(why), Input::Command(command)) = (&state.read_only, input)
        && changes_the_session(command)
    {
        let refusal = read_only_refusal(why, "this session cannot be changed");
        say(state, refusal, true);
        return Vec::new();
    }
    let Screen::Session(screen) = &mut state.screen else {
        return Vec::new();
    };
    let Some(session) = &state.session else {
        state.screen = Screen::Dashboard;
        return Vec::new();
    };
    match input {
        Input::Edit(edit) => {
            screen.entry.apply(edit);
            screen.error = None;
            plate_hint(state);
        }
        Input::Command(Command::Warmups) => plan_warmups(state),
        Input::Command(Command::Rule) => rule(state),
        Input::Command(Command::Submit) => {
            if let Some(question) = idle(state, ConfirmAction::LogAnyway) {
                state.modal = Some(Modal::Confirm(question));
                return Vec::new();
            }
            return log(state);
        }
        Input::Command(Command::Up) => {
            screen.selected = screen.selected.saturating_sub(1);
            prefill(state);
        }
        Input::Command(Command::Down) => {
            screen.selected = (screen.selected + 1).min(session.slots.len().saturating_sub(1));
            prefill(state);
        }
        Input::Command(Command::Back) => {
            if screen.error.is_some() {
                screen.error = None;
            } else {
                state.screen = Screen::Dashboard;
            }
        }
        Input::Command(Command::AddExercise) => {
            super::picker::offer_exercises(state);
        }
        Input::Command(Command::MoveUp) => return move_slot(state, true),
        Input::Command(Command::MoveDown) => return move_slot(state, false),
        Input::Command(Command::Superset) => return superset(state),
        Input::Command(Command::Notes) => notes(state),
        Input::Command(Command::RestMinus) => adjust_rest(state, false),
        Input::Command(Command::RestPlus) => adjust_rest(state, true),
        Input::Command(Command::RestSkip) => {
            let said = if state.rest.take().is_some() {
                "Rest skipped: next set when you are ready."
            } else {
                "No rest is running."
            };
            say(state, said, false);
        }
        Input::Command(Command::Finish) => return finish(state),
        Input::Command(Command::DeleteLastSet) => delete_last_set(state),
        Input::Command(_) => {}
    }
    Vec::new()
}

/// The session keys that would write to the database (refused at once on a read-only one).
fn changes_the_session(command: Command) -> bool {
    matches!(
        command,
        Command::Submit
            | Command::AddExercise
            | Command::MoveUp
            | Command::MoveDown
            | Command::Superset
            | Command::Notes
            | Command::Rule
            | Command::Finish
            | Command::DeleteLastSet
    )
}

/// Swap the selected exercise with its neighbour; the selection follows it.
fn move_slot(state: &mut State, up: bool) -> Vec<Effect> {
    let (Screen::Session(screen), Some(session)) = (&mut state.screen, &state.session) else {
        return Vec::new();
    };
    let Some(slot) = session.slots.get(screen.selected) else {
        return Vec::new();
    };
    let target = if up {
        screen.selected.checked_sub(1)
    } else {
        Some(screen.selected + 1)
    };
    match target.filter(|t| *t < session.slots.len()) {
        Some(target) => {
            screen.selected = target;
            vec![Effect::Store(
                SessionRequest::MoveSlot {
                    session: session.id,
                    slot: slot.id,
                    up,
                }
                .into(),
            )]
        }
        None => Vec::new(),
    }
}

fn notes(state: &mut State) {
    let (Screen::Session(screen), Some(session)) = (&state.screen, &state.session) else {
        return;
    };
    if let Some(slot) = session.slots.get(screen.selected) {
        state.modal = Some(Modal::Form(Dialog::SlotNotes {
            slot: slot.id,
            form: notes_form(&slot.notes),
        }));
    }
}

/// `]` lengthens the rest (or starts one), `[` shortens it.
fn adjust_rest(state: &mut State, longer: bool) {
    let step = i64::from(state.settings.rest_step);
    let delta = if longer { step } else { -step };
    match &mut state.rest {
        Some(timer) => {
            timer.rest = timer.rest.adjusted(delta);
            timer.rung = false;
        }
        None if longer => {
            let rest = Rest {
                started: state.now,
                target: Duration::seconds(delta),
            };
            state.rest = Some(RestTimer {
                rest,
                rung: false,
                ready: false,
            });
        }
        None => {}
    }
    let said = match &state.rest {
        Some(timer) => format!(
            "Rest {} s: {} in all.",
            if longer {
                format!("+{step}")
            } else {
                format!("−{step}")
            },
            crate::core::workout::rest::clock(timer.rest.target)
        ),
        None => "No rest is running.".to_string(),
    };
    say(state, said, false);
}

fn delete_last_set(state: &mut State) {
    let unit = state.unit();
    let (Screen::Session(screen), Some(session)) = (&state.screen, &state.session) else {
        return;
    };
    let last = session
        .slots
        .get(screen.selected)
        .and_then(|s| s.sets.last().map(|set| (set, &s.name)));
    if let Some((set, name)) = last {
        state.modal = Some(Modal::Confirm(Confirm::ask(
            format!(
                "Delete the last set of {name} ({})?",
                shorthand::format(&set.spec, unit)
            ),
            "delete",
            "keep",
            ConfirmAction::DeleteSet { set: set.id },
        )));
    } else {
        say(state, "This exercise has no sets to delete.", true);
    }
}

/// Enter on the entry line: parse, then ask the store to commit. The line is cleared only when
/// the store confirms, so a failed write loses nothing the user typed.
pub fn log(state: &mut State) -> Vec<Effect> {
    let unit = state.unit();
    let (Screen::Session(screen), Some(session)) = (&state.screen, &state.session) else {
        return Vec::new();
    };
    if screen.saving {
        return Vec::new();
    }
    let Some(slot) = session.slots.get(screen.selected) else {
        let key = state
            .keymap
            .key_for(crate::app::keymap::Context::Session, Command::AddExercise);
        let message = format!(
            "add an exercise first ({} opens the list)",
            key.map_or_else(|| "add_exercise".into(), |k| k.to_string())
        );
        if let Screen::Session(screen) = &mut state.screen {
            screen.error = Some(EntryError { message, at: None });
        }
        return Vec::new();
    };
    let line = screen.entry.text().to_string();
    let slot_id = slot.id;
    let parsed = read_entry(&line, unit, slot, &state.coaching)
        .map_err(|e| EntryError {
            message: e.message,
            at: Some(e.at),
        })
        .and_then(|sets| {
            plausibility::check(state, slot.exercise, &sets, &line, screen.asked.as_deref())?;
            Ok(sets)
        });
    let at = state.now;
    let Screen::Session(screen) = &mut state.screen else {
        return Vec::new();
    };
    match parsed {
        Ok(sets) => {
            screen.saving = true;
            screen.error = None;
            screen.asked = None;
            vec![Effect::Store(
                SessionRequest::LogSets {
                    slot: slot_id,
                    sets,
                    at,
                }
                .into(),
            )]
        }
        Err(error) => {
            // A question (not a refusal) is asked once: the same line again logs it.
            screen.asked = Some(line);
            screen.error = Some(error);
            Vec::new()
        }
    }
}

/// Toggle a superset between the selected exercise and the one above it.
fn superset(state: &mut State) -> Vec<Effect> {
    let (Screen::Session(screen), Some(session)) = (&state.screen, &state.session) else {
        return Vec::new();
    };
    let Some(slot) = session.slots.get(screen.selected) else {
        return Vec::new();
    };
    if let Some(group) = slot.superset {
        // Leaving: an exercise left alone in the group is no superset either.
        let rest: Vec<_> = session
            .slots
            .iter()
            .filter(|s| s.superset == Some(group) && s.id != slot.id)
            .collect();
        let alone = match rest.as_slice() {
            [one] => Some(one.id),
            _ => None,
        };
        // The partner first, so the last word on the status line names the lift the key was on.
        return [alone, Some(slot.id)]
            .into_iter()
            .flatten()
            .map(|slot| {
                Effect::Store(
                    SessionRequest::SetSuperset {
                        session: session.id,
                        slot,
                        group: None,
                    }
                    .into(),
                )
            })
            .collect();
    }
    let Some(above) = screen
        .selected
        .checked_sub(1)
        .and_then(|i| session.slots.get(i))
    else {
        say(
            state,
            "A superset joins an exercise with the one above it: select the second exercise.",
            true,
        );
        return Vec::new();
    };
    let group = above.superset.unwrap_or_else(|| {
        session
            .slots
            .iter()
            .filter_map(|s| s.superset)
            .max()
            .unwrap_or(0)
            + 1
    });
    let mut effects = Vec::new();
    if above.superset.is_none() {
        effects.push(Effect::Store(
            SessionRequest::SetSuperset {
                session: session.id,
                slot: above.id,
                group: Some(group),
            }
            .into(),
        ));
    }
    effects.push(Effect::Store(
        SessionRequest::SetSuperset {
            session: session.id,
            slot: slot.id,
            group: Some(group),
        }
        .into(),
    ));
    effects
}

fn finish(state: &mut State) -> Vec<Effect> {
    let Some(session) = &state.session else {
        return Vec::new();
    };
    if session.set_count() == 0 {
        state.modal = Some(Modal::Confirm(Confirm::ask(
            "This session has no sets. Discard it?".into(),
            "discard",
            "keep training",
            ConfirmAction::AbandonSession,
        )));
    } else {
        state.screen = Screen::Finish(finish_form(&session.notes));
    }
    Vec::new()
}

/// Fill the entry line for the selected exercise: the next planned set, else the program's next
/// target for it, else the set just done (so Enter repeats it), else today's recommendation or
/// the last set from before.
pub fn prefill(state: &mut State) {
    let unit = state.unit();
    let (Screen::Session(screen), Some(session)) = (&mut state.screen, &state.session) else {
        return;
    };
    let slot = session.slots.get(screen.selected);
    let next: Option<SetSpec> = slot.and_then(|s| {
        let planned = state.planned.get(&s.id).and_then(|p| p.first().copied());
        let coaching = state.coaching.get(&s.exercise);
        let target = state
            .program_session
            .as_ref()
            .and_then(|p| p.line(s.id))
            .and_then(|line| super::program::next_target(line, s));
        planned
            .or(target)
            .or_else(|| s.sets.last().map(|l| l.spec))
            .or_else(|| coaching.and_then(Coaching::suggested_set))
    });
    screen.entry = TextInput::suggest(
        next.map(|s| shorthand::format(&s, unit))
            .unwrap_or_default(),
    );
    screen.entry_slot = slot.map(|s| s.id);
    screen.error = None;
    plate_hint(state);
}

/// How the weight on the entry line goes on the bar (barbell exercises only).
pub fn plate_hint(state: &mut State) {
    let unit = state.unit();
    let (Screen::Session(screen), Some(session), Some(profile)) =
        (&mut state.screen, &state.session, &state.profile)
    else {
        return;
    };
    let slot = session.slots.get(screen.selected);
    let barbell = slot
        .and_then(|s| state.exercises.iter().find(|e| e.id == s.exercise))
        .is_some_and(|e| e.equipment == Equipment::Barbell);
    let weight = slot
        .and_then(|slot| read_entry(screen.entry.text(), unit, slot, &state.coaching).ok())
        .and_then(|sets| sets.first().map(|s| s.load))
        .and_then(|load| match load {
            Load::External(w) if barbell => Some(w),
            _ => None,
        });
    screen.plates = weight.map(|target| PlateHint {
        target,
        loadable: Plates::from_profile(profile).loadable(target),
    });
}

/// The selected exercise's progression rule, for editing.
fn rule(state: &mut State) {
    let (Screen::Session(screen), Some(session), Some(profile)) =
        (&state.screen, &state.session, &state.profile)
    else {
        return;
    };
    let Some(exercise) = session
        .slots
        .get(screen.selected)
        .and_then(|s| state.exercise(s.exercise))
    else {
        return;
    };
    let rule = RuleConfig::resolve(
        state.rules.get(&exercise.id).copied(),
        exercise,
        profile.unit,
    );
    state.modal = Some(Modal::Form(Dialog::Rule {
        exercise: exercise.id,
        form: rule_form(&rule, profile.unit),
    }));
}

/// Plan warm-ups up to the working weight on the line (or today's recommendation), then the
/// working set itself; Enter logs them one by one.
fn plan_warmups(state: &mut State) {
    let unit = state.unit();
    let (Screen::Session(screen), Some(session), Some(profile)) =
        (&state.screen, &state.session, &state.profile)
    else {
        return;
    };
    let Some(slot) = session.slots.get(screen.selected) else {
        return;
    };
    let Some(exercise) = state.exercises.iter().find(|e| e.id == slot.exercise) else {
        return;
    };
    let coaching = state.coaching.get(&slot.exercise);
    let typed = read_entry(screen.entry.text(), unit, slot, &state.coaching)
        .ok()
        .and_then(|s| s.first().copied());
    let working = typed
        .filter(|s| s.kind.is_working())
        .or_else(|| coaching.and_then(Coaching::suggested_set));
    let Some((work, Load::External(weight))) = working.map(|w| (w, w.load)) else {
        say(
            state,
            "Type the working set first (e.g. 100x5), then plan its warm-ups.",
            true,
        );
        return;
    };
    let loader = Loader::for_equipment(exercise.equipment, profile);
    let mut plan = warmups(weight, &WarmupScheme::default(), &loader);
    if plan.is_empty() {
        say(
            state,
            format!("{} needs no warm-up.", shorthand::format(&work, unit)),
            false,
        );
        return;
    }
    let text = plan
        .iter()
        .map(|s| shorthand::format(s, unit))
        .collect::<Vec<_>>()
        .join(", ");
    plan.push(work);
    state.planned.insert(slot.id, plan);
    say(
        state,
        format!("Warm-ups planned: {text} — Enter logs each, then the working set."),
        false,
    );
    prefill(state);
}

/// The coaching of every exercise in the running session, read again — after what it depends on
/// changed (a deload started or ended, the profile's unit, bar, plates or body weight).
pub fn recoach(state: &State) -> Option<Effect> {
    let session = state.session.as_ref().filter(|s| !s.slots.is_empty())?;
    let mut exercises: Vec<_> = session.slots.iter().map(|s| s.exercise).collect();
    exercises.sort_unstable_by_key(|e| e.0);
    exercises.dedup();
    Some(Effect::Store(ExerciseRequest::Recoach { exercises }.into()))
}

/// After a working set: start the exercise's rest (none for a 0 s default).
pub fn start_rest(state: &mut State, exercise: crate::core::workout::exercise::ExerciseId) {
    // A program line's own rest wins over the defaults by exercise type.
    let program_rest = state.program_session.as_ref().and_then(|p| {
        let session = state.session.as_ref()?;
        let slot = session.slots.iter().find(|s| s.exercise == exercise)?;
        p.line(slot.id)?.rest
    });
    let seconds = program_rest.unwrap_or_else(|| {
        state
            .exercise(exercise)
            .map_or(state.settings.rest.compound, |e| {
                state.settings.rest.for_exercise(e)
            })
    });
    state.rest = (seconds > 0).then(|| RestTimer {
        rest: Rest {
            started: state.now,
            target: Duration::seconds(i64::from(seconds)),
        },
        rung: false,
        ready: false,
    });
}

/// The entry line read for `slot`: `x8`, `+2.5x8` and `-5x8` build on the slot's last set (a
/// working line on its last working set), or, before its first set today, on the last set of
/// the lift's history. Logging, the plate hint
/// and the warm-up plan all read the line so.
fn read_entry(
    line: &str,
    unit: Unit,
    slot: &Slot,
    coaching: &HashMap<ExerciseId, Coaching>,
) -> Result<Vec<SetSpec>, shorthand::ShorthandError> {
    let before = coaching.get(&slot.exercise).and_then(|c| c.last);
    let last = slot.sets.last().map(|set| set.spec).or(before);
    let last_working = slot
        .sets
        .iter()
        .rev()
        .map(|set| set.spec)
        .find(|spec| spec.kind.is_working())
        .or(before.filter(|spec| spec.kind.is_working()));
    shorthand::parse(
        line,
        &shorthand::Context {
            unit,
            last,
            last_working,
        },
    )
}
