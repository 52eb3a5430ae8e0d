//! The review screens: a lift's progression and the training load. Opening one asks the store for
//! its rows once; a range change recomputes from the rows held (pure core calls, no new read).

use super::{Command, Effect, Input, Modal, Screen, State, say};
use crate::app::review_state::{LoadScreen, ProgressScreen};
use crate::app::state::{Picker, PickerPurpose};
use crate::app::store_worker::{ReviewReply, ReviewRequest};
use crate::core::review::range::Range;
use crate::core::workout::exercise::ExerciseId;
use crate::core::workout::fuzzy;

/// Opens the progression screen on the most recently trained lift.
pub fn open_progress(state: &mut State) -> Vec<Effect> {
    let today = state.now.date_naive();
    state.screen = Screen::Progress(Box::new(ProgressScreen::new(today, Range::default())));
    vec![Effect::Store(
        ReviewRequest::Progress {
            exercise: None,
            today,
            lists: true,
        }
        .into(),
    )]
}

/// Opens the training-load screen.
pub fn open_load(state: &mut State) -> Vec<Effect> {
    let today = state.now.date_naive();
    state.screen = Screen::Load(Box::new(LoadScreen::new(today, Range::default())));
    vec![Effect::Store(ReviewRequest::TrainingLoad { today }.into())]
}

/// Keys on the progression screen.
pub fn progress(state: &mut State, input: Input) -> Vec<Effect> {
    let Screen::Progress(screen) = &mut state.screen else {
        return Vec::new();
    };
    match input {
        Input::Command(Command::RangeNext) => change_range(state, true),
        Input::Command(Command::RangePrev) => change_range(state, false),
        Input::Command(Command::NextLift) => return step(screen, 1),
        Input::Command(Command::PrevLift) => return step(screen, -1),
        Input::Command(Command::PickExercise | Command::Submit) => open_picker(state),
        Input::Command(Command::Back) => state.screen = Screen::Dashboard,
        Input::Command(_) | Input::Edit(_) => {}
    }
    Vec::new()
}

/// Keys on the training-load screen.
pub fn load(state: &mut State, input: Input) -> Vec<Effect> {
    let Screen::Load(screen) = &mut state.screen else {
        return Vec::new();
    };
    match input {
        Input::Command(Command::RangeNext) => change_range(state, true),
        Input::Command(Command::RangePrev) => change_range(state, false),
        Input::Command(Command::NextPanel) => screen.panel = screen.panel.next(),
        Input::Command(Command::PrevPanel) => screen.panel = screen.panel.prev(),
        Input::Command(Command::Back) => state.screen = Screen::Dashboard,
        Input::Command(_) | Input::Edit(_) => {}
    }
    Vec::new()
}

/// The range one step longer or shorter (4 w · 12 w · 6 m · 1 y · all), stopping at the ends:
/// `None` past "4 w" or "all".
fn stepped(range: Range, longer: bool) -> Option<Range> {
    let at = Range::ALL.iter().position(|&r| r == range)?;
    let to = if longer {
        at.checked_add(1)?
    } else {
        at.checked_sub(1)?
    };
    Range::ALL.get(to).copied()
}

/// `r`/`R` on a review screen: the next longer or shorter range; at an end the range stays and
/// the status line says why.
fn change_range(state: &mut State, longer: bool) {
    let range = match &state.screen {
        Screen::Progress(screen) => screen.range,
        Screen::Load(screen) => screen.range,
        _ => return,
    };
    let Some(next) = stepped(range, longer) else {
        let end = if longer { "longest" } else { "shortest" };
        say(
            state,
            format!("\"{}\" is the {end} range.", range.label()),
            false,
        );
        return;
    };
    match &mut state.screen {
        Screen::Progress(screen) => screen.set_range(next),
        Screen::Load(screen) => screen.set_range(next),
        _ => {}
    }
}

/// The lift `by` places along the list of lifts trained.
fn step(screen: &mut ProgressScreen, by: isize) -> Vec<Effect> {
    match screen.step(by) {
        Some(exercise) if Some(exercise) != screen.exercise => show(screen, exercise),
        _ => Vec::new(),
    }
}

/// Asks for `exercise`'s sessions; the chart on screen stays until they arrive.
fn show(screen: &mut ProgressScreen, exercise: ExerciseId) -> Vec<Effect> {
    screen.loading = true;
    vec![Effect::Store(
        ReviewRequest::Progress {
            exercise: Some(exercise),
            today: screen.today,
            lists: false,
        }
        .into(),
    )]
}

/// The fuzzy picker, on the lift on screen, lifts trained first.
fn open_picker(state: &mut State) {
    let results = rank_lifts(state, "");
    let current = match &state.screen {
        Screen::Progress(screen) => screen.exercise,
        _ => None,
    };
    let selected = current
        .and_then(|id| {
            results
                .iter()
                .position(|&i| state.exercises.get(i).is_some_and(|e| e.id == id))
        })
        .unwrap_or(0);
    state.modal = Some(Modal::Picker(Picker {
        results,
        selected,
        purpose: PickerPurpose::Progress,
        ..Picker::default()
    }));
}

/// An exercise chosen in the picker: its progression.
pub fn picked(state: &mut State, exercise: ExerciseId) -> Vec<Effect> {
    match &mut state.screen {
        Screen::Progress(screen) => show(screen, exercise),
        _ => Vec::new(),
    }
}

/// Catalogue indices ranked for a picker query, the lifts trained first (most recent first).
pub fn rank_lifts(state: &State, query: &str) -> Vec<usize> {
    let lifts: &[ExerciseId] = match &state.screen {
        Screen::Progress(screen) => &screen.lifts,
        _ => &[],
    };
    let items: Vec<(&str, &[String])> = state
        .exercises
        .iter()
        .map(|e| (e.name.as_str(), e.aliases.as_slice()))
        .collect();
    let trained: Vec<usize> = lifts
        .iter()
        .filter_map(|id| state.exercises.iter().position(|e| e.id == *id))
        .collect();
    fuzzy::rank(query, &items, &trained)
}

/// The store's rows for the review screens, and the dashboard's insights.
pub fn stored(state: &mut State, reply: ReviewReply) -> Vec<Effect> {
    match reply {
        ReviewReply::Progress(rows) => {
            if let Screen::Progress(screen) = &mut state.screen {
                screen.apply(*rows);
            }
        }
        ReviewReply::TrainingLoad(rows) => {
            if let Screen::Load(screen) = &mut state.screen {
                screen.apply(*rows);
            }
        }
        ReviewReply::Insights(insights) => {
            state.insight = state.insight.min(insights.len().saturating_sub(1));
            state.insights = Some(insights);
        }
    }
    Vec::new()
}

/// A read failed (the message is in the status line): stop waiting.
pub fn failed(state: &mut State) {
    match &mut state.screen {
        Screen::Progress(screen) => screen.loading = false,
        Screen::Load(screen) => screen.loading = false,
        _ => {}
    }
}
