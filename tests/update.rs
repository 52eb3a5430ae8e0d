//! `update()` without a terminal: actions in, state and effects out.

#[path = "support/fixtures.rs"]
mod fixtures;

use chrono::Duration;
use fixtures::*;
use ironpulse::app::action::Action;
use ironpulse::app::effect::{Effect, Failed, StoreReply, StoreRequest};
use ironpulse::app::keymap::{Command, Context};
use ironpulse::app::state::{ConfirmAction, Modal, Screen, Startup};
use ironpulse::app::text_input::TextEdit;
use ironpulse::app::update::{HISTORY_LIMIT, update};
use ironpulse::core::exercise::ExerciseId;
use ironpulse::core::session::{LoggedSet, SessionId, SessionStatus, SetId, SlotId};
use ironpulse::core::set::{SetKind, SetSpec};

#[test]
fn first_run_asks_for_the_profile_and_saves_it() {
    let mut s = state(Startup::default());
    assert!(matches!(s.screen, Screen::Onboarding(_)));
    assert_eq!(s.context(), Context::Form);
    // Units (choice) → Body weight.
    cmd(&mut s, Command::Submit, 0);
    type_text(&mut s, "82");
    cmd(&mut s, Command::Submit, 0); // → Sex
    cmd(&mut s, Command::Submit, 0); // → Birth year
    type_text(&mut s, "1986");
    for _ in 0..2 {
        cmd(&mut s, Command::Submit, 0); // → Max HR (left empty: Tanaka), → Resting HR
    }
    type_text(&mut s, "52");
    for _ in 0..3 {
        cmd(&mut s, Command::Submit, 0); // → LTHR, Bar, Plates
    }
    let effects = cmd(&mut s, Command::Submit, 0);
    let [Effect::Store(StoreRequest::SaveProfile(saved))] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(saved.hr_max.get(), 180); // Tanaka at 40 (the test clock is in 2026)
    assert_eq!(saved.hr_rest.get(), 52);
    reply(&mut s, StoreReply::ProfileSaved(saved.clone()), 1);
    assert!(matches!(s.screen, Screen::Dashboard));
    assert!(s.profile.is_some());
}

#[test]
fn adding_an_exercise_prefills_todays_recommendation_and_enter_logs_it() {
    // Last time: 100 kg × 5 @ 8 on a 5–8 rep range → double progression says one more rep.
    let mut s = in_session();
    assert_eq!(entry(&s), "100x6");
    let coaching = &s.coaching[&ExerciseId(1)];
    let reasoning = &coaching.recommendation.as_ref().unwrap().reasoning;
    assert!(
        reasoning.contains("100"),
        "the reasoning quotes the numbers: {reasoning}"
    );
    let effects = cmd(&mut s, Command::Submit, 10);
    assert_eq!(
        effects,
        vec![Effect::Store(StoreRequest::LogSets {
            slot: SlotId(11),
            sets: vec![spec(100.0, 6, None)],
            at: t(10)
        })]
    );
    // `x5` still means "the weight of the last set" (100 kg from last time).
    type_text(&mut s, "x5");
    assert_eq!(
        cmd(&mut s, Command::Submit, 11).len(),
        0,
        "one save at a time"
    );
}

#[test]
fn a_heavier_set_is_flagged_as_a_record_the_moment_it_is_logged() {
    let mut s = in_session();
    let set = LoggedSet {
        id: SetId(1),
        spec: spec(110.0, 5, Some(9.0)),
        completed_at: t(5),
    };
    reply(
        &mut s,
        StoreReply::SetsLogged {
            slot: SlotId(11),
            sets: vec![set],
        },
        5,
    );
    let Screen::Session(screen) = &s.screen else {
        panic!()
    };
    assert!(!screen.records.is_empty(), "110 × 5 beats 100 × 5");
    assert!(
        screen.records.iter().any(|r| r.contains("110")),
        "{:?}",
        screen.records
    );
    // The same set again is no new record.
    let again = LoggedSet {
        id: SetId(2),
        spec: spec(110.0, 5, Some(9.0)),
        completed_at: t(6),
    };
    reply(
        &mut s,
        StoreReply::SetsLogged {
            slot: SlotId(11),
            sets: vec![again],
        },
        6,
    );
    let Screen::Session(screen) = &s.screen else {
        panic!()
    };
    assert!(screen.records.is_empty(), "{:?}", screen.records);
}

#[test]
fn warm_ups_are_planned_from_the_working_set_and_prefilled_one_by_one() {
    let mut s = in_session();
    type_text(&mut s, "100x5");
    cmd(&mut s, Command::Warmups, 2);
    // Bar × 10, then 40 / 60 / 80 % rounded down to the plates: 40, 60, 80 kg.
    for (i, expected) in ["w 20x10", "w 40x5", "w 60x3", "w 80x1", "100x5"]
        .into_iter()
        .enumerate()
    {
        assert_eq!(entry(&s), expected, "step {i}");
        let sets = match cmd(&mut s, Command::Submit, 3).as_slice() {
            [Effect::Store(StoreRequest::LogSets { sets, .. })] => sets.clone(),
            other => panic!("{other:?}"),
        };
        let logged = LoggedSet {
            id: SetId(i as i64 + 1),
            spec: sets[0],
            completed_at: t(3),
        };
        reply(
            &mut s,
            StoreReply::SetsLogged {
                slot: SlotId(11),
                sets: vec![logged],
            },
            3,
        );
    }
    assert_eq!(
        entry(&s),
        "100x5",
        "after the plan, Enter repeats the working set"
    );
    assert!(s.planned.is_empty());
}

#[test]
fn the_plates_for_the_line_are_worked_out_as_it_is_typed() {
    let mut s = in_session();
    type_text(&mut s, "102.5x5");
    let Screen::Session(screen) = &s.screen else {
        panic!()
    };
    let hint = screen
        .plates
        .as_ref()
        .expect("a barbell lift gets a plate hint");
    let exact = hint.loadable.below.as_ref().unwrap();
    assert!((exact.achieved.kg() - 102.5).abs() < 1e-9);
    let per_side: Vec<f64> = exact.per_side.iter().map(|p| p.kg()).collect();
    assert_eq!(per_side, vec![25.0, 15.0, 1.25], "20 kg bar + 41.25 a side");
    type_text(&mut s, "101x5");
    let Screen::Session(screen) = &s.screen else {
        panic!()
    };
    let hint = screen.plates.as_ref().unwrap();
    let near: Vec<f64> = [&hint.loadable.below, &hint.loadable.above]
        .into_iter()
        .flatten()
        .map(|l| l.achieved.kg())
        .collect();
    assert_eq!(near, vec![100.0, 102.5]);
}

#[test]
fn a_set_shows_as_logged_only_after_the_store_commits_it() {
    let mut s = in_session();
    type_text(&mut s, "102.5x5@8.5");
    let effects = cmd(&mut s, Command::Submit, 20);
    let [Effect::Store(StoreRequest::LogSets { sets, .. })] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(sets, &vec![spec(102.5, 5, Some(8.5))]);
    assert_eq!(
        s.session.as_ref().unwrap().set_count(),
        0,
        "not shown before the commit"
    );
    assert_eq!(
        entry(&s),
        "102.5x5@8.5",
        "the line stays until the store confirms"
    );
    // A second Enter while saving does not log twice.
    assert!(cmd(&mut s, Command::Submit, 20).is_empty());

    let logged = LoggedSet {
        id: SetId(1),
        spec: sets[0],
        completed_at: t(20),
    };
    reply(
        &mut s,
        StoreReply::SetsLogged {
            slot: SlotId(11),
            sets: vec![logged],
        },
        21,
    );
    assert_eq!(s.session.as_ref().unwrap().set_count(), 1);
    assert_eq!(
        entry(&s),
        "102.5x5@8.5",
        "prefilled with the set just logged"
    );
    let rest = s.rest.expect("a working set starts the rest timer");
    assert_eq!(rest.rest.target, Duration::seconds(180), "compound default");
}

#[test]
fn a_failed_write_keeps_the_line_and_says_why() {
    let mut s = in_session();
    type_text(&mut s, "110x3");
    cmd(&mut s, Command::Submit, 5);
    reply(
        &mut s,
        StoreReply::Failed {
            what: Failed::LogSets,
            message: "could not save: the disk is full".into(),
        },
        6,
    );
    assert_eq!(entry(&s), "110x3");
    assert_eq!(
        entry_error(&s).as_deref(),
        Some("not saved: could not save: the disk is full")
    );
    assert_eq!(s.session.as_ref().unwrap().set_count(), 0);
    // The user can press Enter again once space is free.
    assert_eq!(cmd(&mut s, Command::Submit, 7).len(), 1);
}

#[test]
fn bad_shorthand_is_explained_and_kept() {
    let mut s = in_session();
    type_text(&mut s, "100x8@11");
    assert!(cmd(&mut s, Command::Submit, 5).is_empty());
    assert_eq!(entry(&s), "100x8@11");
    let message = entry_error(&s).unwrap();
    assert!(
        message.contains("RPE must be 1–10 in half steps, got 11"),
        "{message}"
    );
    // Typing clears the error.
    update(&mut s, Action::Edit(TextEdit::Backspace), t(6));
    assert_eq!(entry_error(&s), None);
}

#[test]
fn warm_ups_do_not_start_a_rest_and_isolation_rests_shorter() {
    let mut s = in_session();
    let warmup = SetSpec {
        kind: SetKind::Warmup,
        ..spec(60.0, 5, None)
    };
    reply(
        &mut s,
        StoreReply::SetsLogged {
            slot: SlotId(11),
            sets: vec![LoggedSet {
                id: SetId(1),
                spec: warmup,
                completed_at: t(5),
            }],
        },
        5,
    );
    assert!(s.rest.is_none());
    reply(
        &mut s,
        StoreReply::SlotAdded {
            slot: slot(12, 2, "Barbell Curl"),
            history: vec![],
            rule: None,
        },
        6,
    );
    assert_eq!(entry(&s), "", "no earlier set: an empty line");
    reply(
        &mut s,
        StoreReply::SetsLogged {
            slot: SlotId(12),
            sets: vec![LoggedSet {
                id: SetId(2),
                spec: spec(30.0, 12, None),
                completed_at: t(7),
            }],
        },
        7,
    );
    assert_eq!(s.rest.unwrap().rest.target, Duration::seconds(90));
}

#[test]
fn rest_timer_adjusts_skips_and_rings_once() {
    let mut s = in_session();
    reply(
        &mut s,
        StoreReply::SetsLogged {
            slot: SlotId(11),
            sets: vec![LoggedSet {
                id: SetId(1),
                spec: spec(100.0, 5, None),
                completed_at: t(0),
            }],
        },
        0,
    );
    cmd(&mut s, Command::RestMinus, 1);
    assert_eq!(s.rest.unwrap().rest.target, Duration::seconds(150));
    cmd(&mut s, Command::RestPlus, 1);
    cmd(&mut s, Command::RestPlus, 1);
    assert_eq!(s.rest.unwrap().rest.target, Duration::seconds(210));
    assert!(update(&mut s, Action::Tick, t(209)).is_empty());
    assert_eq!(update(&mut s, Action::Tick, t(210)), vec![Effect::Bell]);
    assert!(
        update(&mut s, Action::Tick, t(211)).is_empty(),
        "the bell rings once"
    );
    assert!(s.rest.is_some(), "overtime keeps counting");
    cmd(&mut s, Command::RestSkip, 212);
    assert!(s.rest.is_none());
}

#[test]
fn finishing_asks_for_session_rpe_and_validates_it() {
    let mut s = in_session();
    reply(
        &mut s,
        StoreReply::SetsLogged {
            slot: SlotId(11),
            sets: vec![LoggedSet {
                id: SetId(1),
                spec: spec(100.0, 5, None),
                completed_at: t(0),
            }],
        },
        0,
    );
    cmd(&mut s, Command::Finish, 100);
    assert!(matches!(s.screen, Screen::Finish(_)));
    type_text(&mut s, "11");
    cmd(&mut s, Command::Submit, 100); // → notes
    assert!(
        cmd(&mut s, Command::Submit, 100).is_empty(),
        "RPE 11 is refused"
    );
    let Screen::Finish(form) = &s.screen else {
        panic!()
    };
    assert_eq!(
        form.fields[0].error.as_deref(),
        Some("session RPE must be a whole number 0–10, got 11")
    );
    type_text(&mut s, "8");
    cmd(&mut s, Command::Submit, 100);
    type_text(&mut s, "felt strong");
    let effects = cmd(&mut s, Command::Submit, 100);
    assert_eq!(
        effects,
        vec![Effect::Store(StoreRequest::Finish {
            session: SessionId(7),
            at: t(100),
            rpe: Some(8),
            notes: "felt strong".into()
        })]
    );
    let mut finished = s.session.clone().unwrap();
    finished.ended_at = Some(t(100));
    finished.status = SessionStatus::Finished;
    reply(&mut s, StoreReply::Finished(finished), 101);
    assert!(matches!(s.screen, Screen::Summary(_)));
    assert!(s.session.is_none());
    assert_eq!(s.recent_sessions[0].sets, 1);
}

#[test]
fn an_empty_session_is_discarded_after_confirmation() {
    let mut s = state(startup());
    cmd(&mut s, Command::StartSession, 0);
    reply(&mut s, StoreReply::SessionStarted(empty_session()), 0);
    cmd(&mut s, Command::Back, 1); // close the picker
    cmd(&mut s, Command::Finish, 2);
    let Some(Modal::Confirm(confirm)) = &s.modal else {
        panic!("{:?}", s.modal)
    };
    assert_eq!(confirm.on_yes, ConfirmAction::AbandonSession);
    assert_eq!(
        cmd(&mut s, Command::Yes, 3),
        vec![Effect::Store(StoreRequest::Abandon {
            session: SessionId(7),
            at: t(3)
        })]
    );
}

#[test]
fn an_unfinished_session_is_offered_for_resume_with_its_sets() {
    let mut session = empty_session();
    let mut squat = slot(11, 1, "Back Squat");
    squat.sets = (1..=3)
        .map(|i| LoggedSet {
            id: SetId(i),
            spec: spec(100.0, 5, None),
            completed_at: t(i),
        })
        .collect();
    session.slots.push(squat);
    let mut s = state(Startup {
        active: Some(session),
        ..startup()
    });
    let Some(Modal::Confirm(confirm)) = &s.modal else {
        panic!("no resume offer")
    };
    assert!(
        confirm.message.contains("with 3 sets"),
        "{}",
        confirm.message
    );
    cmd(&mut s, Command::Yes, 10);
    assert_eq!(entry(&s), "100x5");
    assert_eq!(s.session.as_ref().unwrap().set_count(), 3);
}

#[test]
fn supersets_join_the_selected_exercise_with_the_one_above() {
    let mut s = in_session();
    reply(
        &mut s,
        StoreReply::SlotAdded {
            slot: slot(12, 2, "Barbell Curl"),
            history: vec![],
            rule: None,
        },
        2,
    );
    let effects = cmd(&mut s, Command::Superset, 3);
    assert_eq!(
        effects,
        vec![
            Effect::Store(StoreRequest::SetSuperset {
                session: SessionId(7),
                slot: SlotId(11),
                group: Some(1)
            }),
            Effect::Store(StoreRequest::SetSuperset {
                session: SessionId(7),
                slot: SlotId(12),
                group: Some(1)
            }),
        ]
    );
    cmd(&mut s, Command::Up, 4);
    let effects = cmd(&mut s, Command::MoveUp, 5);
    assert!(effects.is_empty(), "the first exercise cannot move up");
    let effects = cmd(&mut s, Command::MoveDown, 5);
    assert_eq!(
        effects,
        vec![Effect::Store(StoreRequest::MoveSlot {
            session: SessionId(7),
            slot: SlotId(11),
            up: false
        })]
    );
}

#[test]
fn logging_without_an_exercise_says_how_to_add_one() {
    let mut s = state(startup());
    cmd(&mut s, Command::StartSession, 0);
    reply(&mut s, StoreReply::SessionStarted(empty_session()), 0);
    cmd(&mut s, Command::Back, 1);
    type_text(&mut s, "100x5");
    assert!(cmd(&mut s, Command::Submit, 2).is_empty());
    assert_eq!(
        entry_error(&s).as_deref(),
        Some("add an exercise first (Ctrl-N opens the list)")
    );
}

#[test]
fn history_edits_and_deletes_sets_after_confirmation() {
    let mut s = state(startup());
    let effects = cmd(&mut s, Command::History, 0);
    assert_eq!(
        effects,
        vec![Effect::Store(StoreRequest::LoadHistory {
            limit: HISTORY_LIMIT
        })]
    );
    let mut past = empty_session();
    past.status = SessionStatus::Finished;
    let mut squat = slot(11, 1, "Back Squat");
    squat.sets.push(LoggedSet {
        id: SetId(5),
        spec: spec(100.0, 5, None),
        completed_at: t(1),
    });
    past.slots.push(squat);
    reply(&mut s, StoreReply::History(vec![past.summary(None)]), 1);
    assert_eq!(
        cmd(&mut s, Command::Submit, 2),
        vec![Effect::Store(StoreRequest::LoadSession(SessionId(7)))]
    );
    reply(&mut s, StoreReply::SessionLoaded(past), 2);
    assert_eq!(s.context(), Context::Detail);

    cmd(&mut s, Command::EditSet, 3);
    assert_eq!(s.context(), Context::Form);
    type_text(&mut s, "105x5");
    assert_eq!(
        cmd(&mut s, Command::Submit, 4),
        vec![Effect::Store(StoreRequest::UpdateSet {
            session: SessionId(7),
            set: SetId(5),
            spec: spec(105.0, 5, None)
        })]
    );
    cmd(&mut s, Command::Back, 5);
    cmd(&mut s, Command::Delete, 6);
    assert!(
        matches!(&s.modal, Some(Modal::Confirm(c)) if c.on_yes == ConfirmAction::DeleteSet { set: SetId(5) })
    );
    assert!(cmd(&mut s, Command::No, 7).is_empty(), "no keeps the set");
    cmd(&mut s, Command::Delete, 8);
    assert_eq!(
        cmd(&mut s, Command::Yes, 9),
        vec![Effect::Store(StoreRequest::DeleteSet {
            session: SessionId(7),
            set: SetId(5)
        })]
    );
}

#[test]
fn quit_and_signals_end_the_loop_from_anywhere() {
    let mut s = in_session();
    update(&mut s, Action::Shutdown, t(1));
    assert!(s.quit);
}

#[test]
fn a_superset_moves_to_its_next_exercise_and_rests_after_the_round() {
    let mut s = in_session();
    reply(
        &mut s,
        StoreReply::SlotAdded {
            slot: slot(12, 2, "Barbell Curl"),
            history: past(spec(30.0, 12, None)),
            rule: None,
        },
        2,
    );
    let mut session = s.session.clone().unwrap();
    session.slots[0].superset = Some(1);
    session.slots[1].superset = Some(1);
    reply(&mut s, StoreReply::SessionChanged(session), 3);
    cmd(&mut s, Command::Up, 4);
    assert_eq!(entry(&s), "100x6", "today's recommendation");
    let squat = LoggedSet {
        id: SetId(1),
        spec: spec(100.0, 5, Some(8.0)),
        completed_at: t(5),
    };
    reply(
        &mut s,
        StoreReply::SetsLogged {
            slot: SlotId(11),
            sets: vec![squat],
        },
        5,
    );
    assert_eq!(entry(&s), "30x12", "on to the curl, prefilled");
    assert!(s.rest.is_none(), "no rest in the middle of a round");
    let curl = LoggedSet {
        id: SetId(2),
        spec: spec(30.0, 12, None),
        completed_at: t(6),
    };
    reply(
        &mut s,
        StoreReply::SetsLogged {
            slot: SlotId(12),
            sets: vec![curl],
        },
        6,
    );
    assert_eq!(entry(&s), "100x5@8", "back to the squat for round two");
    assert_eq!(
        s.rest.unwrap().rest.target,
        Duration::seconds(90),
        "rest after the round, by its last exercise"
    );
}

#[test]
fn a_custom_exercise_is_created_from_the_picker_and_added() {
    let mut s = in_session();
    cmd(&mut s, Command::AddExercise, 2);
    type_text(&mut s, "Zercher Squat");
    cmd(&mut s, Command::CreateExercise, 3);
    assert_eq!(s.context(), Context::Form);
    // Name is prefilled from the query; cycle equipment to dumbbell; Enter moves on, then saves.
    cmd(&mut s, Command::Down, 3);
    cmd(&mut s, Command::Down, 3);
    update(&mut s, Action::Edit(TextEdit::Right), t(3));
    assert!(
        cmd(&mut s, Command::Submit, 4).is_empty(),
        "Enter on Equipment moves to Mechanics"
    );
    let effects = cmd(&mut s, Command::Submit, 4);
    let [
        Effect::Store(StoreRequest::CreateExercise {
            name, equipment, ..
        }),
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(name, "Zercher Squat");
    assert_eq!(equipment.code(), "dumbbell");

    // A name that exists (also as an alias) is refused in the form.
    cmd(&mut s, Command::AddExercise, 5);
    type_text(&mut s, "back squat");
    cmd(&mut s, Command::CreateExercise, 5);
    for _ in 0..4 {
        assert!(cmd(&mut s, Command::Submit, 5).is_empty());
    }
    let Some(Modal::Form { form, .. }) = &s.modal else {
        panic!("{:?}", s.modal)
    };
    assert_eq!(
        form.fields[0].error.as_deref(),
        Some("\"Back Squat\" already exists — pick it from the list")
    );
}

#[test]
fn the_session_detail_reads_letters_as_commands() {
    let keymap = ironpulse::app::keymap::Keymap::default();
    let key = |k| ironpulse::app::keymap::Key::parse(k).unwrap();
    assert_eq!(
        keymap.command(Context::Detail, key("e")),
        Some(Command::EditSet)
    );
    assert_eq!(
        keymap.command(Context::Detail, key("d")),
        Some(Command::Delete)
    );
    assert_eq!(
        keymap.command(Context::Detail, key("?")),
        Some(Command::Help)
    );
}

#[test]
fn straps_are_scanned_chosen_remembered_and_forgotten() {
    use ironpulse::hr::ble::Strap;
    let mut s = state(startup());
    assert_eq!(cmd(&mut s, Command::Devices, 0), vec![Effect::ScanStraps]);
    let strap = |name: &str, address: &str, rssi| Strap {
        name: name.into(),
        address: address.into(),
        rssi,
    };
    update(
        &mut s,
        Action::Straps(Ok(vec![
            strap("Polar H10 A1", "A0:00:00:00:00:01", Some(-58)),
            strap("TICKR", "A0:00:00:00:00:02", None),
        ])),
        t(5),
    );
    cmd(&mut s, Command::Down, 6);
    assert_eq!(
        cmd(&mut s, Command::Submit, 7),
        vec![
            Effect::Store(StoreRequest::RememberStrap(Some(
                "A0:00:00:00:00:02".into()
            ))),
            Effect::UseStrap(Some("A0:00:00:00:00:02".into())),
        ]
    );
    reply(
        &mut s,
        StoreReply::StrapRemembered(Some("A0:00:00:00:00:02".into())),
        8,
    );
    assert_eq!(s.strap.as_deref(), Some("A0:00:00:00:00:02"));
    assert_eq!(
        cmd(&mut s, Command::Forget, 9),
        vec![
            Effect::Store(StoreRequest::RememberStrap(None)),
            Effect::UseStrap(None)
        ]
    );
    // A failed scan says why and keeps the screen usable.
    assert_eq!(cmd(&mut s, Command::Rescan, 10), vec![Effect::ScanStraps]);
    update(
        &mut s,
        Action::Straps(Err(
            "Bluetooth unavailable: no Bluetooth adapter found".into()
        )),
        t(11),
    );
    let Screen::Devices(screen) = &s.screen else {
        panic!()
    };
    assert_eq!(
        screen.error.as_deref(),
        Some("Bluetooth unavailable: no Bluetooth adapter found")
    );
    cmd(&mut s, Command::Back, 12);
    assert!(matches!(s.screen, Screen::Dashboard));
}

#[test]
fn heart_rate_is_batched_to_the_store_and_each_set_gets_its_heart_rate() {
    use ironpulse::core::hrm::Contact;
    use ironpulse::core::units::Bpm;
    use ironpulse::hr::HrEvent;
    use std::time::Duration;

    let mut s = in_session();
    let mut stored_samples = 0;
    let mut set_hr = None;
    let mut feed = |s: &mut ironpulse::app::state::State, i: u32, bpm: u32| {
        let event = HrEvent::Sample {
            at: Duration::from_secs(u64::from(i)),
            bpm: Bpm::try_from(bpm).ok(),
            rr_ms: vec![60_000.0 / f64::from(bpm)],
            contact: Contact::Detected,
            energy_kj: None,
        };
        for effect in update(s, Action::Hr(event), t(i64::from(i))) {
            match effect {
                Effect::Store(StoreRequest::AppendHr { samples, .. }) => {
                    assert!(samples.len() <= 3, "batches stay small: {}", samples.len());
                    stored_samples += samples.len();
                }
                Effect::Store(StoreRequest::SetHr { hr, .. }) => set_hr = Some(hr),
                other => panic!("{other:?}"),
            }
        }
    };
    // Resting at 90, a set from 60 s to 90 s climbing to 150, then recovery of 1 bpm a second.
    for i in 0..60 {
        feed(&mut s, i, 90);
    }
    for i in 60..=90 {
        feed(&mut s, i, 90 + (i - 60) * 2);
    }
    let set = LoggedSet {
        id: SetId(1),
        spec: spec(100.0, 5, None),
        completed_at: t(90),
    };
    reply(
        &mut s,
        StoreReply::SetsLogged {
            slot: SlotId(11),
            sets: vec![set],
        },
        90,
    );
    for i in 91..=160 {
        feed(&mut s, i, 150 - (i - 90));
    }
    let hr = set_hr.expect("the set's heart rate is stored once its recovery minute is over");
    assert_eq!(hr.start.map(Bpm::get), Some(90));
    assert_eq!(hr.end.map(Bpm::get), Some(150));
    assert_eq!(hr.peak.map(Bpm::get), Some(150));
    assert_eq!(hr.recovery_30, Some(30));
    assert_eq!(hr.recovery_60, Some(60));
    // Quitting hands over what is still waiting: nothing is lost beyond the last second.
    let last = update(&mut s, Action::Shutdown, t(161));
    let waiting: usize = last
        .iter()
        .map(|e| match e {
            Effect::Store(StoreRequest::AppendHr { samples, .. }) => samples.len(),
            _ => 0,
        })
        .sum();
    assert_eq!(
        stored_samples + waiting,
        161,
        "every sample reaches the store"
    );
}

#[test]
fn heart_rate_gated_rest_says_ready_once_hr_falls_below_the_level() {
    use ironpulse::core::hrm::Contact;
    use ironpulse::core::units::Bpm;
    use ironpulse::hr::HrEvent;
    use std::time::Duration;

    let mut s = in_session();
    s.settings.ready_below = Bpm::try_from(110).ok();
    let set = LoggedSet {
        id: SetId(1),
        spec: spec(100.0, 5, None),
        completed_at: t(0),
    };
    reply(
        &mut s,
        StoreReply::SetsLogged {
            slot: SlotId(11),
            sets: vec![set],
        },
        0,
    );
    let sample = |bpm: u32, at: u64| HrEvent::Sample {
        at: Duration::from_secs(at),
        bpm: Bpm::try_from(bpm).ok(),
        rr_ms: vec![],
        contact: Contact::Detected,
        energy_kj: None,
    };
    update(&mut s, Action::Hr(sample(140, 10)), t(10));
    assert!(!s.rest.unwrap().ready);
    update(&mut s, Action::Hr(sample(108, 40)), t(40));
    assert!(s.rest.unwrap().ready, "108 < 110: ready");
    assert!(
        s.status
            .as_ref()
            .unwrap()
            .text
            .contains("ready for the next set")
    );
}

#[test]
fn an_exercise_gets_its_own_progression_rule_and_todays_plan_follows_it() {
    use ironpulse::core::progression::Rule;
    let mut s = in_session();
    assert_eq!(entry(&s), "100x6", "double progression by default");
    cmd(&mut s, Command::Rule, 2);
    let Some(Modal::Form { form, .. }) = &s.modal else {
        panic!("{:?}", s.modal)
    };
    assert_eq!(form.value("Rule"), "double_progression");
    // Linear, 5 × 5 … but a rep range upside down is refused first.
    update(&mut s, Action::Edit(TextEdit::Insert('l')), t(2));
    cmd(&mut s, Command::Down, 2);
    type_text(&mut s, "5");
    cmd(&mut s, Command::Down, 2);
    type_text(&mut s, "3");
    for _ in 0..4 {
        assert!(
            cmd(&mut s, Command::Submit, 3).is_empty(),
            "Enter walks to the last field and tries to save"
        );
    }
    let Some(Modal::Form { form, .. }) = &s.modal else {
        panic!()
    };
    assert!(form.fields[2].error.is_some(), "{:?}", form.fields[2]);
    assert_eq!(form.focus, 2, "the form goes back to the field in error");
    type_text(&mut s, "5");
    for _ in 0..3 {
        cmd(&mut s, Command::Submit, 4);
    }
    let effects = cmd(&mut s, Command::Submit, 4);
    let [Effect::Store(StoreRequest::SetRule { exercise, rule })] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(
        (
            *exercise,
            rule.rule,
            rule.rep_range.min(),
            rule.rep_range.max()
        ),
        (ExerciseId(1), Rule::Linear, 5, 5)
    );
    // Saved: the plan follows the new rule (linear adds the increment after a successful session).
    let three_fives = vec![ironpulse::core::history::Performance {
        session: SessionId(1),
        started_at: t(-2 * 86_400),
        sets: vec![spec(100.0, 5, Some(8.0)); 3],
    }];
    reply(
        &mut s,
        StoreReply::RuleSaved {
            exercise: ExerciseId(1),
            rule: *rule,
            history: three_fives,
        },
        5,
    );
    assert!(s.modal.is_none());
    assert_eq!(entry(&s), "102.5x5");
}

#[test]
fn settings_pin_an_e1rm_formula_and_stored_estimates_follow() {
    use ironpulse::core::e1rm::Formula;
    let mut s = state(startup());
    cmd(&mut s, Command::Settings, 0);
    let Screen::Settings(form) = &s.screen else {
        panic!()
    };
    assert_eq!(form.value("e1RM formula"), "auto");
    // Walk to the formula field (the last), pick Epley, save.
    for _ in 0..9 {
        cmd(&mut s, Command::Submit, 1);
    }
    update(&mut s, Action::Edit(TextEdit::Insert('e')), t(1));
    let effects = cmd(&mut s, Command::Submit, 2);
    assert!(
        matches!(
            effects.first(),
            Some(Effect::Store(StoreRequest::SaveProfile(_)))
        ),
        "{effects:?}"
    );
    assert_eq!(
        effects.get(1),
        Some(&Effect::Store(StoreRequest::PinFormula(Some(
            Formula::Epley
        ))))
    );
    reply(&mut s, StoreReply::FormulaPinned(Some(Formula::Epley)), 3);
    assert_eq!(s.pinned, Some(Formula::Epley));
    // Saving again without a change pins nothing.
    cmd(&mut s, Command::Settings, 4);
    for _ in 0..9 {
        cmd(&mut s, Command::Submit, 4);
    }
    assert_eq!(
        cmd(&mut s, Command::Submit, 5).len(),
        1,
        "only the profile is saved"
    );
}
