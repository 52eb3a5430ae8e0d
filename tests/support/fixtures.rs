//! Shared fixtures: a profile, a tiny catalogue, sessions and sets at fixed times.
#![allow(dead_code)]

use chrono::{DateTime, FixedOffset, Utc};

use ironpulse::app::action::Action;
use ironpulse::app::effect::Effect;
use ironpulse::app::keymap::{Command, Keymap};
use ironpulse::app::state::{Modal, Screen, Settings, Startup, State};
use ironpulse::app::store_worker::{SessionReply, SessionRequest, StoreReply, StoreRequest};
use ironpulse::app::text_input::TextEdit;
use ironpulse::app::update::update;
use ironpulse::core::profile::Profile;
use ironpulse::core::strength::history::Performance;
use ironpulse::core::units::{Reps, Rpe, Weight};
use ironpulse::core::workout::exercise::{
    Equipment, Exercise, ExerciseId, ExerciseKind, Mechanics,
};
use ironpulse::core::workout::session::{Session, SessionId, SessionStatus, Slot, SlotId};
use ironpulse::core::workout::set::{Effort, Load, SetKind, SetSpec};

pub fn t(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_790_000_000 + secs, 0).unwrap()
}

pub fn profile() -> Profile {
    Profile::example().hr(183, 55)
}

pub fn exercise(id: i64, name: &str, mechanics: Mechanics) -> Exercise {
    let muscles = if mechanics == Mechanics::Compound {
        "quads"
    } else {
        "biceps"
    };
    Exercise {
        id: ExerciseId(id),
        name: name.into(),
        kind: ExerciseKind::Strength,
        equipment: Equipment::Barbell,
        mechanics,
        muscles: vec![muscles.into()],
        aliases: vec![],
        custom: false,
    }
}

pub fn startup() -> Startup {
    Startup {
        profile: Some(profile()),
        exercises: vec![
            Exercise {
                kind: ExerciseKind::Bodyweight,
                equipment: Equipment::Bodyweight,
                muscles: vec!["chest".into(), "triceps".into()],
                ..exercise(3, "Dip", Mechanics::Compound)
            },
            exercise(1, "Back Squat", Mechanics::Compound),
            exercise(2, "Barbell Curl", Mechanics::Isolation),
        ],
        ..Startup::default()
    }
}

pub fn state(startup: Startup) -> State {
    State::new(
        startup,
        Settings::default(),
        Keymap::default(),
        t(0),
        FixedOffset::east_opt(0).unwrap(),
    )
}

pub fn spec(kg: f64, reps: u32, rpe: Option<f64>) -> SetSpec {
    SetSpec {
        kind: SetKind::Working,
        load: Load::External(Weight::from_kg(kg).unwrap()),
        reps: Some(Reps::try_from(reps).unwrap()),
        effort: rpe.map(|r| Effort::Rpe(Rpe::try_from(r).unwrap())),
        duration: None,
    }
}

pub fn empty_session() -> Session {
    Session {
        body_weight: None,
        id: SessionId(7),
        started_at: t(0),
        ended_at: None,
        status: SessionStatus::Active,
        title: "Workout".into(),
        rpe: None,
        notes: String::new(),
        slots: vec![],
    }
}

pub fn slot(id: i64, exercise: i64, name: &str) -> Slot {
    Slot {
        id: SlotId(id),
        exercise: ExerciseId(exercise),
        name: name.into(),
        superset: None,
        notes: String::new(),
        sets: vec![],
    }
}

/// An exercise's history: one earlier session, two days before `t(0)`, with this one set.
pub fn past(set: SetSpec) -> Vec<Performance> {
    vec![Performance {
        session: SessionId(1),
        started_at: t(-2 * 86_400),
        sets: vec![set],
    }]
}

pub fn cmd(state: &mut State, command: Command, at: i64) -> Vec<Effect> {
    update(state, Action::Command(command), t(at))
}

pub fn type_text(state: &mut State, text: &str) {
    update(state, Action::Edit(TextEdit::Clear), t(1));
    for c in text.chars() {
        update(state, Action::Edit(TextEdit::Insert(c)), t(1));
    }
}

/// Hands `reply` (a feature's, or a `StoreReply`) to `update()` as the store worker does.
pub fn reply(state: &mut State, reply: impl Into<StoreReply>, at: i64) -> Vec<Effect> {
    update(state, Action::Stored(reply.into()), t(at))
}

/// The store committed one set, `id`, of `slot` at second `at`: what `update()` hears back.
pub fn logged(state: &mut State, slot: i64, id: i64, spec: SetSpec, at: i64) -> Vec<Effect> {
    reply(
        state,
        SessionReply::SetsLogged {
            slot: SlotId(slot),
            sets: vec![ironpulse::core::workout::session::LoggedSet {
                id: ironpulse::core::workout::session::SetId(id),
                spec,
                completed_at: t(at),
            }],
        },
        at,
    )
}

/// A state on the session screen with Back Squat added; the last squat was 100x5@8.
pub fn in_session() -> State {
    let mut s = state(startup());
    assert_eq!(
        cmd(&mut s, Command::StartSession, 0),
        vec![Effect::Store(StoreRequest::Session(
            SessionRequest::Start {
                at: t(0),
                title: "Workout".into()
            }
        ))]
    );
    reply(&mut s, SessionReply::Started(empty_session()), 0);
    assert!(
        matches!(s.modal, Some(Modal::Picker(_))),
        "the picker opens on a new session"
    );
    reply(
        &mut s,
        SessionReply::SlotAdded {
            slot: slot(11, 1, "Back Squat"),
            history: past(spec(100.0, 5, Some(8.0))),
            rule: None,
        },
        1,
    );
    s
}

pub fn entry(state: &State) -> &str {
    match &state.screen {
        Screen::Session(screen) => screen.entry.text(),
        other => panic!("not on the session screen: {other:?}"),
    }
}

pub fn entry_error(state: &State) -> Option<String> {
    match &state.screen {
        Screen::Session(screen) => screen.error.as_ref().map(|e| e.message.clone()),
        _ => None,
    }
}

/// What `HistoryRequest::Detail` answers for a session without heart rate or earlier performances.
pub fn without_hr(session: Session) -> Box<ironpulse::read::SessionDetail> {
    Box::new(ironpulse::read::SessionDetail {
        session,
        hr: None,
        set_hr: std::collections::HashMap::new(),
        previous: Vec::new(),
    })
}
