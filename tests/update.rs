//! `update()` without a terminal: actions in, state and effects out.

#[path = "support/fixtures.rs"]
mod fixtures;

use chrono::Duration;
use fixtures::*;
use ironpulse::app::action::Action;
use ironpulse::app::confirm::ConfirmAction;
use ironpulse::app::dialog::Dialog;
use ironpulse::app::effect::Effect;
use ironpulse::app::keymap::{Command, Context};
use ironpulse::app::profile_form::ProfileField;
use ironpulse::app::rule_form::RuleField;
use ironpulse::app::state::{Modal, Screen, Startup};
use ironpulse::app::store_worker::{
    DeloadReply, DeloadRequest, DevicesReply, DevicesRequest, ExerciseReply, ExerciseRequest,
    Failed, HistoryReply, HistoryRequest, HrRequest, ReviewReply, ReviewRequest, SessionReply,
    SessionRequest, SettingsReply, SettingsRequest, StoreReply, StoreRequest,
};
use ironpulse::app::text_input::TextEdit;
use ironpulse::app::update::{HISTORY_PAGE, update};
use ironpulse::core::workout::exercise::ExerciseId;
use ironpulse::core::workout::session::{LoggedSet, SessionId, SessionStatus, SetId, SlotId};
use ironpulse::core::workout::set::{SetKind, SetSpec};

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
    for _ in 0..4 {
        cmd(&mut s, Command::Submit, 0); // → LTHR, Zones, Bar, Plates
    }
    let effects = cmd(&mut s, Command::Submit, 0);
    let [Effect::Store(StoreRequest::Settings(SettingsRequest::SaveProfile(saved)))] =
        effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(saved.hr_max.get(), 180); // Tanaka at 40 (the test clock is in 2026)
    assert_eq!(saved.hr_rest.get(), 52);
    reply(&mut s, SettingsReply::ProfileSaved(saved.clone()), 1);
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
        vec![Effect::Store(StoreRequest::Session(
            SessionRequest::LogSets {
                slot: SlotId(11),
                sets: vec![spec(100.0, 6, None)],
                at: t(10)
            }
        ))]
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
        SessionReply::SetsLogged {
            slot: SlotId(11),
            sets: vec![set],
        },
        5,
    );
    let Screen::Session(screen) = &s.screen else {
        panic!()
    };
    let records = screen.records.as_ref().expect("110 × 5 beats 100 × 5");
    assert_eq!(records.slot, SlotId(11));
    assert!(
        records.sentences.iter().any(|r| r.contains("110")),
        "{records:?}"
    );
    // The same set again is no new record.
    let again = LoggedSet {
        id: SetId(2),
        spec: spec(110.0, 5, Some(9.0)),
        completed_at: t(6),
    };
    reply(
        &mut s,
        SessionReply::SetsLogged {
            slot: SlotId(11),
            sets: vec![again],
        },
        6,
    );
    let Screen::Session(screen) = &s.screen else {
        panic!()
    };
    assert_eq!(screen.records, None);
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
            [Effect::Store(StoreRequest::Session(SessionRequest::LogSets { sets, .. }))] => {
                sets.clone()
            }
            other => panic!("{other:?}"),
        };
        let logged = LoggedSet {
            id: SetId(i as i64 + 1),
            spec: sets[0],
            completed_at: t(3),
        };
        reply(
            &mut s,
            SessionReply::SetsLogged {
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
fn a_working_set_typed_over_the_warm_ups_ends_the_plan() {
    let mut s = in_session();
    type_text(&mut s, "100x5");
    cmd(&mut s, Command::Warmups, 2);
    assert_eq!(entry(&s), "w 20x10");
    // Warm-ups skipped: the lifter types the working set straight away.
    type_text(&mut s, "100x5");
    let sets = match cmd(&mut s, Command::Submit, 3).as_slice() {
        [Effect::Store(StoreRequest::Session(SessionRequest::LogSets { sets, .. }))] => {
            sets.clone()
        }
        other => panic!("{other:?}"),
    };
    logged(&mut s, 11, 1, sets[0], 3);
    assert!(s.planned.is_empty());
    assert_eq!(
        entry(&s),
        "100x5",
        "no warm-up comes back after the working set"
    );
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
    let [Effect::Store(StoreRequest::Session(SessionRequest::LogSets { sets, .. }))] =
        effects.as_slice()
    else {
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
        SessionReply::SetsLogged {
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
    logged(&mut s, 11, 1, warmup, 5);
    assert!(s.rest.is_none());
    reply(
        &mut s,
        SessionReply::SlotAdded {
            slot: slot(12, 2, "Barbell Curl"),
            history: vec![],
            rule: None,
        },
        6,
    );
    assert_eq!(entry(&s), "", "no earlier set: an empty line");
    logged(&mut s, 12, 2, spec(30.0, 12, None), 7);
    assert_eq!(s.rest.unwrap().rest.target, Duration::seconds(90));
}

#[test]
fn rest_timer_adjusts_skips_and_rings_once() {
    let mut s = in_session();
    logged(&mut s, 11, 1, spec(100.0, 5, None), 0);
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
    logged(&mut s, 11, 1, spec(100.0, 5, None), 0);
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
        vec![Effect::Store(StoreRequest::Session(
            SessionRequest::Finish {
                session: SessionId(7),
                at: t(100),
                rpe: Some(8),
                notes: "felt strong".into()
            }
        ))]
    );
    let mut finished = s.session.clone().unwrap();
    finished.ended_at = Some(t(100));
    finished.status = SessionStatus::Finished;
    reply(&mut s, SessionReply::Finished(finished, None), 101);
    assert!(matches!(s.screen, Screen::Summary(_)));
    assert!(s.session.is_none());
    assert_eq!(s.recent_sessions[0].sets, 1);
}

#[test]
fn an_empty_session_is_discarded_after_confirmation() {
    let mut s = state(startup());
    cmd(&mut s, Command::StartSession, 0);
    reply(&mut s, SessionReply::Started(empty_session()), 0);
    reply(
        &mut s,
        SessionReply::SlotAdded {
            slot: slot(11, 1, "Back Squat"),
            history: vec![],
            rule: None,
        },
        1,
    );
    cmd(&mut s, Command::Finish, 2);
    let Some(Modal::Confirm(confirm)) = &s.modal else {
        panic!("{:?}", s.modal)
    };
    assert_eq!(confirm.on_yes, ConfirmAction::AbandonSession);
    assert_eq!(
        cmd(&mut s, Command::Yes, 3),
        vec![Effect::Store(StoreRequest::Session(
            SessionRequest::Abandon {
                session: SessionId(7),
                at: t(3)
            }
        ))]
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

/// A session started three days before `t(0)` with squats at +10 and +60 minutes, never finished.
fn left_open_for_days() -> ironpulse::core::workout::session::Session {
    let started = -3 * 86_400;
    let mut session = ironpulse::core::workout::session::Session {
        started_at: t(started),
        ..empty_session()
    };
    let mut squat = slot(11, 1, "Back Squat");
    squat.sets = [600, 3600]
        .into_iter()
        .zip(1..)
        .map(|(offset, id)| LoggedSet {
            id: SetId(id),
            spec: spec(100.0, 5, None),
            completed_at: t(started + offset),
        })
        .collect();
    session.slots.push(squat);
    session
}

#[test]
fn a_session_left_open_for_days_is_finished_where_it_stopped_and_a_new_one_starts() {
    let session = left_open_for_days();
    let last = t(-3 * 86_400 + 3600);
    let mut s = state(Startup {
        active: Some(session.clone()),
        ..startup()
    });
    let Some(Modal::Confirm(question)) = &s.modal else {
        panic!("{:?}", s.modal)
    };
    assert_eq!(question.on_yes, ConfirmAction::FinishIdle { at: last });
    assert!(
        question.message.contains("nothing logged since")
            && question.message.contains("3 days ago")
            && question.message.contains("1 h 00 min trained"),
        "{}",
        question.message
    );
    let effects = cmd(&mut s, Command::Yes, 10);
    assert_eq!(
        effects,
        vec![
            Effect::Store(StoreRequest::Session(SessionRequest::Finish {
                session: SessionId(7),
                at: last,
                rpe: None,
                notes: String::new()
            })),
            Effect::Store(StoreRequest::Session(SessionRequest::Start {
                at: t(10),
                title: "Workout".into()
            }))
        ],
        "finished at its last set, not three days later"
    );
    let finished = ironpulse::core::workout::session::Session {
        ended_at: Some(last),
        status: SessionStatus::Finished,
        ..session
    };
    reply(&mut s, SessionReply::Finished(finished, None), 11);
    let new = ironpulse::core::workout::session::Session {
        id: SessionId(8),
        started_at: t(11),
        ..empty_session()
    };
    reply(&mut s, SessionReply::Started(new), 11);
    assert!(matches!(s.screen, Screen::Session(_)));
    assert!(matches!(s.modal, Some(Modal::Picker(_))));
    let status = &s.status.as_ref().unwrap().text;
    assert!(
        status.contains("finished at") && status.contains("1 h 00 min trained"),
        "{status}"
    );
}

#[test]
fn a_session_left_open_for_days_can_be_continued() {
    let mut s = state(Startup {
        active: Some(left_open_for_days()),
        ..startup()
    });
    assert_eq!(cmd(&mut s, Command::No, 10), vec![]);
    assert!(matches!(s.screen, Screen::Session(_)), "{:?}", s.screen);
    assert_eq!(entry(&s), "100x5");
    // Continuing was the answer: the first set is logged without the same question again.
    let effects = cmd(&mut s, Command::Submit, 20);
    assert!(s.modal.is_none(), "{:?}", s.modal);
    assert!(
        matches!(
            effects.as_slice(),
            [Effect::Store(StoreRequest::Session(
                SessionRequest::LogSets { .. }
            ))]
        ),
        "{effects:?}"
    );
}

#[test]
fn a_set_logged_after_hours_of_idle_asks_first_and_can_go_in_anyway() {
    let mut s = in_session();
    let first = enter_and_commit(&mut s, 1, 10).0;
    assert_eq!(first, SlotId(11));
    // The laptop stayed open overnight: the next Enter is ten hours later.
    let later = 10 + 10 * 3600;
    assert_eq!(cmd(&mut s, Command::Submit, later), vec![]);
    let Some(Modal::Confirm(question)) = &s.modal else {
        panic!("{:?}", s.modal)
    };
    assert_eq!(question.on_no, Some(ConfirmAction::LogAnyway));
    assert!(
        question.message.contains("10 h ago"),
        "{}",
        question.message
    );
    let effects = cmd(&mut s, Command::No, later);
    assert!(
        matches!(
            effects.as_slice(),
            [Effect::Store(StoreRequest::Session(
                SessionRequest::LogSets { .. }
            ))]
        ),
        "{effects:?}"
    );
}

#[test]
fn an_empty_session_never_lingers() {
    // Esc in the picker of a new session discards it.
    let mut s = state(startup());
    cmd(&mut s, Command::StartSession, 0);
    reply(&mut s, SessionReply::Started(empty_session()), 0);
    assert_eq!(
        cmd(&mut s, Command::Back, 1),
        vec![Effect::Store(StoreRequest::Session(
            SessionRequest::Abandon {
                session: SessionId(7),
                at: t(1)
            }
        ))]
    );
    reply(&mut s, SessionReply::Abandoned(SessionId(7)), 1);
    assert!(s.session.is_none() && matches!(s.screen, Screen::Dashboard));

    // One found at start is not offered for resume; `s` reopens it with the picker.
    let mut s = state(Startup {
        active: Some(empty_session()),
        ..startup()
    });
    assert_eq!(s.modal, None, "nothing to resume");
    assert_eq!(cmd(&mut s, Command::StartSession, 60), vec![]);
    assert!(matches!(s.screen, Screen::Session(_)));
    assert!(matches!(s.modal, Some(Modal::Picker(_))), "{:?}", s.modal);

    // Left empty for hours, it is replaced by a new one.
    let mut s = state(Startup {
        active: Some(empty_session()),
        ..startup()
    });
    assert_eq!(
        cmd(&mut s, Command::StartSession, 2 * 3600),
        vec![
            Effect::Store(StoreRequest::Session(SessionRequest::Abandon {
                session: SessionId(7),
                at: t(2 * 3600)
            })),
            Effect::Store(StoreRequest::Session(SessionRequest::Start {
                at: t(2 * 3600),
                title: "Workout".into()
            }))
        ]
    );
}

#[test]
fn an_impossible_load_is_refused_with_the_reason_and_the_line_is_kept() {
    let mut s = in_session();
    reply(
        &mut s,
        SessionReply::SlotAdded {
            slot: slot(12, 3, "Dip"),
            history: vec![],
            rule: None,
        },
        2,
    );
    for (line, why) in [
        ("1000x5", "1000 kg is more than anyone has ever lifted"),
        (
            "bw-999x8",
            "assisted by 999 kg, at least your body weight (80 kg)",
        ),
    ] {
        type_text(&mut s, line);
        for _ in 0..2 {
            assert_eq!(
                cmd(&mut s, Command::Submit, 3),
                vec![],
                "{line} is never saved"
            );
        }
        let error = entry_error(&s).unwrap();
        assert!(error.starts_with(why), "{error}");
        assert_eq!(entry(&s), line, "the line stays to be fixed");
    }
    type_text(&mut s, "bw+20x8");
    assert_eq!(
        cmd(&mut s, Command::Submit, 4).len(),
        1,
        "a real dip goes in"
    );
}

#[test]
fn after_a_set_in_the_other_unit_the_line_is_what_the_lifter_typed() {
    let mut s = in_session(); // a kg profile
    type_text(&mut s, "225lbx5");
    enter_and_commit(&mut s, 1, 2);
    assert_eq!(entry(&s), "225lbx5", "not 102.06x5");
}

#[test]
fn a_first_ever_lift_stops_saying_no_history_once_a_set_is_in() {
    let mut s = in_session();
    reply(
        &mut s,
        SessionReply::SlotAdded {
            slot: slot(12, 2, "Barbell Curl"),
            history: vec![],
            rule: None,
        },
        2,
    );
    assert!(screen_text(&s, 120, 40).contains("No history for this lift yet"));
    type_text(&mut s, "30x12");
    enter_and_commit(&mut s, 1, 3);
    // A first-ever set breaks no record (there was none to beat): no ★, as in `report`.
    let Screen::Session(screen) = &s.screen else {
        panic!()
    };
    assert_eq!(screen.records, None);
    assert_eq!(status(&s), "Logged Barbell Curl 30x12");
    enter_and_commit(&mut s, 2, 4);
    let text = screen_text(&s, 120, 40);
    assert!(!text.contains("No history for this lift yet"), "{text}");
    assert!(text.contains("First session of this lift"), "{text}");
}

#[test]
fn a_pound_lifter_with_kilogram_plates_is_prefilled_a_load_on_the_bar() {
    use ironpulse::core::profile::{default_bar, default_plates};
    use ironpulse::core::units::Unit;
    // Settings switched to lb, the plates still the kilogram ones they own.
    let mut start = startup();
    if let Some(p) = start.profile.as_mut() {
        p.unit = Unit::Lb;
        p.bar = default_bar(Unit::Kg);
        p.plates = default_plates(Unit::Kg);
    }
    let mut s = state(start);
    cmd(&mut s, Command::StartSession, 0);
    reply(&mut s, SessionReply::Started(empty_session()), 0);
    reply(
        &mut s,
        SessionReply::SlotAdded {
            slot: slot(11, 1, "Back Squat"),
            history: past(spec(100.0, 5, None)),
            rule: None,
        },
        1,
    );
    // Stay at the load of last time: exactly 100 kg, not 220.45 lb = 99.99 kg.
    assert_eq!(entry(&s), "100kgx6");
    let effects = cmd(&mut s, Command::Submit, 2);
    let [Effect::Store(StoreRequest::Session(SessionRequest::LogSets { sets, .. }))] =
        effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(sets[0], spec(100.0, 6, None));
}

#[test]
fn a_unit_switch_mid_session_replans_the_lifts_in_it() {
    use ironpulse::core::units::Unit;
    let mut s = in_session(); // kg: "stay at 100 kg and aim for 6"
    let mut lb = s.profile.clone().unwrap();
    lb.unit = Unit::Lb;
    let effects = reply(&mut s, SettingsReply::ProfileSaved(lb), 2);
    assert_eq!(
        effects.first(),
        Some(&Effect::Store(StoreRequest::Exercise(
            ExerciseRequest::Recoach {
                exercises: vec![ExerciseId(1)]
            }
        )))
    );
    reply(
        &mut s,
        ExerciseReply::Recoached(vec![(ExerciseId(1), past(spec(100.0, 5, Some(8.0))))]),
        3,
    );
    let reasoning = &s.coaching[&ExerciseId(1)]
        .recommendation
        .as_ref()
        .unwrap()
        .reasoning;
    assert!(
        reasoning.contains("220.46 lb") && !reasoning.contains("kg"),
        "{reasoning}"
    );
}

#[test]
fn a_bodyweight_lift_is_held_against_its_own_history() {
    let mut s = in_session();
    let dip = |added: f64, reps: u32| SetSpec {
        load: ironpulse::core::workout::set::Load::Bodyweight {
            added: ironpulse::core::units::Weight::from_kg(added).unwrap(),
            assisted: false,
        },
        ..spec(0.0, reps, None)
    };
    // Dips with 60 kg on the belt before: 80 + 60 = 140 kg moved.
    reply(
        &mut s,
        SessionReply::SlotAdded {
            slot: slot(12, 3, "Dip"),
            history: past(dip(60.0, 8)),
            rule: None,
        },
        2,
    );
    // 80 + 120 = 200 kg is 1.4× that: no question (it was "3.5× your body weight, with no
    // history on this lift" before).
    type_text(&mut s, "bw+120x5");
    assert_eq!(
        cmd(&mut s, Command::Submit, 3).len(),
        1,
        "{:?}",
        entry_error(&s)
    );
    let mut s = in_session();
    reply(
        &mut s,
        SessionReply::SlotAdded {
            slot: slot(12, 3, "Dip"),
            history: past(dip(20.0, 8)),
            rule: None,
        },
        2,
    );
    type_text(&mut s, "bw+200x5");
    assert_eq!(cmd(&mut s, Command::Submit, 3), vec![]);
    assert!(
        entry_error(&s)
            .unwrap()
            .starts_with("280 kg is 2.8× your best on this lift (100 kg)"),
        "{:?}",
        entry_error(&s)
    );
}

#[test]
fn a_load_far_beyond_the_lifts_best_is_asked_about_once() {
    let mut s = in_session(); // Back Squat, best 100 kg
    type_text(&mut s, "240x5");
    assert_eq!(cmd(&mut s, Command::Submit, 2), vec![]);
    assert_eq!(
        entry_error(&s).as_deref(),
        Some("240 kg is 2.4× your best on this lift (100 kg): Enter again logs it")
    );
    // Fixing the line asks again about the new number…
    type_text(&mut s, "250x5");
    assert_eq!(cmd(&mut s, Command::Submit, 3), vec![]);
    assert!(entry_error(&s).unwrap().starts_with("250 kg is 2.5×"));
    // …and Enter on the same line logs it.
    let effects = cmd(&mut s, Command::Submit, 4);
    assert!(
        matches!(effects.as_slice(), [Effect::Store(StoreRequest::Session(SessionRequest::LogSets { sets, .. }))] if sets[0] == spec(250.0, 5, None)),
        "{effects:?}"
    );
    // A plausible jump is not asked about.
    let mut s = in_session();
    type_text(&mut s, "150x5");
    assert_eq!(cmd(&mut s, Command::Submit, 2).len(), 1);
}

#[test]
fn supersets_join_the_selected_exercise_with_the_one_above() {
    let mut s = in_session();
    reply(
        &mut s,
        SessionReply::SlotAdded {
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
            Effect::Store(StoreRequest::Session(SessionRequest::SetSuperset {
                session: SessionId(7),
                slot: SlotId(11),
                group: Some(1)
            })),
            Effect::Store(StoreRequest::Session(SessionRequest::SetSuperset {
                session: SessionId(7),
                slot: SlotId(12),
                group: Some(1)
            })),
        ]
    );
    cmd(&mut s, Command::Up, 4);
    let effects = cmd(&mut s, Command::MoveUp, 5);
    assert!(effects.is_empty(), "the first exercise cannot move up");
    let effects = cmd(&mut s, Command::MoveDown, 5);
    assert_eq!(
        effects,
        vec![Effect::Store(StoreRequest::Session(
            SessionRequest::MoveSlot {
                session: SessionId(7),
                slot: SlotId(11),
                up: false
            }
        ))]
    );
}

#[test]
fn logging_without_an_exercise_says_how_to_add_one() {
    let mut s = state(startup());
    cmd(&mut s, Command::StartSession, 0);
    reply(&mut s, SessionReply::Started(empty_session()), 0);
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
        vec![Effect::Store(StoreRequest::History(HistoryRequest::Page {
            offset: 0,
            limit: HISTORY_PAGE
        }))]
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
    reply(
        &mut s,
        HistoryReply::Page {
            offset: 0,
            sessions: vec![past.summary()],
            total: 1,
        },
        1,
    );
    assert_eq!(
        cmd(&mut s, Command::Submit, 2),
        vec![Effect::Store(StoreRequest::History(
            HistoryRequest::Detail(SessionId(7))
        ))]
    );
    reply(&mut s, HistoryReply::Detail(without_hr(past)), 2);
    assert_eq!(s.context(), Context::Detail);

    cmd(&mut s, Command::EditSet, 3);
    assert_eq!(s.context(), Context::Form);
    // An impossible load is refused in an edit as in a new set.
    type_text(&mut s, "1000x5");
    assert_eq!(cmd(&mut s, Command::Submit, 4), vec![]);
    let Screen::History(h) = &s.screen else {
        panic!()
    };
    let error = h
        .detail
        .as_ref()
        .unwrap()
        .edit
        .as_ref()
        .unwrap()
        .error
        .clone();
    assert!(
        error.is_some_and(|e| e.message.contains("more than anyone has ever lifted")),
        "{:?}",
        h.detail
    );
    type_text(&mut s, "105x5");
    assert_eq!(
        cmd(&mut s, Command::Submit, 4),
        vec![Effect::Store(StoreRequest::Session(
            SessionRequest::UpdateSet {
                session: SessionId(7),
                set: SetId(5),
                spec: spec(105.0, 5, None)
            }
        ))]
    );
    let Screen::History(h) = &s.screen else {
        panic!()
    };
    let mut edited = h.detail.as_ref().unwrap().session.clone();
    edited.slots[0].sets[0].spec = spec(105.0, 5, None);
    s.recent_sessions = vec![h.detail.as_ref().unwrap().session.summary()];
    reply(&mut s, SessionReply::Changed(edited), 4);
    assert_eq!(status(&s), "Saved: Back Squat 100x5 → 105x5.");
    assert!(
        (s.recent_sessions[0].volume_kg - 525.0).abs() < 1e-9,
        "the dashboard's list follows the edit: {:?}",
        s.recent_sessions
    );
    assert_eq!(
        s.context(),
        Context::Detail,
        "the edit line closed with the save"
    );
    cmd(&mut s, Command::Delete, 6);
    assert!(
        matches!(&s.modal, Some(Modal::Confirm(c)) if c.on_yes == ConfirmAction::DeleteSet { set: SetId(5) })
    );
    assert!(cmd(&mut s, Command::No, 7).is_empty(), "no keeps the set");
    cmd(&mut s, Command::Delete, 8);
    assert_eq!(
        cmd(&mut s, Command::Yes, 9),
        vec![Effect::Store(StoreRequest::Session(
            SessionRequest::DeleteSet {
                session: SessionId(7),
                set: SetId(5)
            }
        ))]
    );
}

/// `count` finished sessions, newest first, starting at id `from`.
fn summaries(from: i64, count: usize) -> Vec<ironpulse::core::workout::session::SessionSummary> {
    (0..count as i64)
        .map(|i| {
            let mut session = empty_session();
            session.id = SessionId(from + i);
            session.started_at = t(-86_400 * (from + i));
            session.ended_at = Some(session.started_at + Duration::minutes(60));
            session.status = SessionStatus::Finished;
            session.summary()
        })
        .collect()
}

#[test]
fn history_reaches_every_session_a_page_at_a_time() {
    let mut s = state(startup());
    cmd(&mut s, Command::History, 0);
    reply(
        &mut s,
        HistoryReply::Page {
            offset: 0,
            sessions: summaries(0, 200),
            total: 500,
        },
        1,
    );
    assert!(screen_text(&s, 120, 40).contains("History · 500 sessions"));
    // Down through the first page: the next one is read before the end is reached.
    let mut effects = Vec::new();
    for _ in 0..150 {
        effects.extend(cmd(&mut s, Command::Down, 2));
    }
    assert_eq!(
        effects,
        vec![Effect::Store(StoreRequest::History(HistoryRequest::Page {
            offset: 200,
            limit: HISTORY_PAGE
        }))],
        "read once, ahead of the selection"
    );
    reply(
        &mut s,
        HistoryReply::Page {
            offset: 200,
            sessions: summaries(200, 200),
            total: 500,
        },
        3,
    );
    // End reads the rest and lands on the oldest session.
    assert_eq!(
        cmd(&mut s, Command::Last, 4),
        vec![Effect::Store(StoreRequest::History(HistoryRequest::Page {
            offset: 400,
            limit: 100
        }))]
    );
    reply(
        &mut s,
        HistoryReply::Page {
            offset: 400,
            sessions: summaries(400, 100),
            total: 500,
        },
        5,
    );
    let Screen::History(h) = &s.screen else {
        panic!()
    };
    assert_eq!((h.sessions.len(), h.selected), (500, 499));
    assert_eq!(h.sessions[499].id, SessionId(499));
    assert!(cmd(&mut s, Command::PageDown, 6).is_empty(), "all loaded");
    cmd(&mut s, Command::First, 7);
    cmd(&mut s, Command::PageDown, 8);
    let Screen::History(h) = &s.screen else {
        panic!()
    };
    assert_eq!(h.selected, 18, "a screenful: 24 rows less the chrome");
}

fn status(s: &ironpulse::app::state::State) -> String {
    s.status
        .as_ref()
        .map(|st| st.text.clone())
        .unwrap_or_default()
}

#[test]
fn every_session_action_says_what_it_did_and_nothing_stale_stays() {
    let mut s = in_session();
    type_text(&mut s, "100x5@8");
    enter_and_commit(&mut s, 1, 2);
    assert_eq!(status(&s), "Logged Back Squat 100x5@8");
    // Rest ±, skip.
    cmd(&mut s, Command::RestPlus, 3);
    assert_eq!(status(&s), "Rest +30 s: 3:30 in all.");
    cmd(&mut s, Command::RestMinus, 3);
    assert_eq!(status(&s), "Rest −30 s: 3:00 in all.");
    cmd(&mut s, Command::RestSkip, 4);
    assert_eq!(status(&s), "Rest skipped: next set when you are ready.");
    // The set is deleted: "Logged …" must not stay.
    let mut changed = s.session.clone().unwrap();
    changed.slots[0].sets.clear();
    reply(&mut s, SessionReply::Changed(changed.clone()), 5);
    assert_eq!(status(&s), "Deleted Back Squat 100x5@8.");
    // Notes, supersets.
    changed.slots[0].notes = "belt from the 3rd set".into();
    reply(&mut s, SessionReply::Changed(changed.clone()), 6);
    assert_eq!(status(&s), "Notes of Back Squat saved.");
    reply(
        &mut s,
        SessionReply::SlotAdded {
            slot: slot(12, 2, "Barbell Curl"),
            history: vec![],
            rule: None,
        },
        7,
    );
    let mut changed = s.session.clone().unwrap();
    changed.slots[0].superset = Some(1);
    changed.slots[1].superset = Some(1);
    reply(&mut s, SessionReply::Changed(changed.clone()), 8);
    assert_eq!(status(&s), "Back Squat and Barbell Curl are a superset.");
    changed.slots[1].superset = None;
    reply(&mut s, SessionReply::Changed(changed), 9);
    assert_eq!(status(&s), "Barbell Curl left its superset.");
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
        SessionReply::SlotAdded {
            slot: slot(12, 2, "Barbell Curl"),
            history: past(spec(30.0, 12, None)),
            rule: None,
        },
        2,
    );
    let mut session = s.session.clone().unwrap();
    session.slots[0].superset = Some(1);
    session.slots[1].superset = Some(1);
    reply(&mut s, SessionReply::Changed(session), 3);
    cmd(&mut s, Command::Up, 4);
    assert_eq!(entry(&s), "100x6", "today's recommendation");
    let squat = LoggedSet {
        id: SetId(1),
        spec: spec(100.0, 5, Some(8.0)),
        completed_at: t(5),
    };
    reply(
        &mut s,
        SessionReply::SetsLogged {
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
        SessionReply::SetsLogged {
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

/// Logs what Enter sends and answers as the store would; returns the slot it was logged to.
fn enter_and_commit(s: &mut ironpulse::app::state::State, id: i64, at: i64) -> (SlotId, SetSpec) {
    let (slot, sets) = match cmd(s, Command::Submit, at).as_slice() {
        [Effect::Store(StoreRequest::Session(SessionRequest::LogSets { slot, sets, .. }))] => {
            (*slot, sets.clone())
        }
        other => panic!("{other:?}"),
    };
    let logged = LoggedSet {
        id: SetId(id),
        spec: sets[0],
        completed_at: t(at),
    };
    reply(
        s,
        StoreReply::Session(SessionReply::SetsLogged {
            slot,
            sets: vec![logged],
        }),
        at,
    );
    (slot, sets[0])
}

#[test]
fn warm_ups_in_a_superset_stay_on_their_lift_and_the_rotation_starts_with_working_sets() {
    let mut s = in_session();
    reply(
        &mut s,
        SessionReply::SlotAdded {
            slot: slot(12, 2, "Barbell Curl"),
            history: past(spec(30.0, 12, None)),
            rule: None,
        },
        2,
    );
    let mut session = s.session.clone().unwrap();
    session.slots[0].superset = Some(1);
    session.slots[1].superset = Some(1);
    reply(&mut s, SessionReply::Changed(session), 3);
    cmd(&mut s, Command::Up, 4); // Back Squat
    type_text(&mut s, "100x5");
    cmd(&mut s, Command::Warmups, 4);
    for (i, expected) in ["w 20x10", "w 40x5", "w 60x3", "w 80x1"]
        .into_iter()
        .enumerate()
    {
        assert_eq!(entry(&s), expected, "warm-up {i} is the squat's");
        let (slot, set) = enter_and_commit(&mut s, i as i64 + 1, 5 + i as i64);
        assert_eq!(slot, SlotId(11), "warm-up {i} is logged to the squat");
        assert_eq!(set.kind, SetKind::Warmup);
        assert!(s.rest.is_none(), "no rest after a warm-up");
    }
    assert_eq!(entry(&s), "100x5", "the squat's working set comes next");
    let (slot, set) = enter_and_commit(&mut s, 5, 10);
    assert_eq!((slot, set.kind), (SlotId(11), SetKind::Working));
    assert_eq!(entry(&s), "30x12", "only now on to the curl");
}

#[test]
fn a_record_shows_on_its_own_lift_only_and_the_status_line_names_the_lift() {
    let mut s = in_session();
    reply(
        &mut s,
        SessionReply::SlotAdded {
            slot: slot(12, 2, "Barbell Curl"),
            history: past(spec(30.0, 12, None)),
            rule: None,
        },
        2,
    );
    let mut session = s.session.clone().unwrap();
    session.slots[0].superset = Some(1);
    session.slots[1].superset = Some(1);
    reply(&mut s, SessionReply::Changed(session), 3);
    // On the curl (second of the superset): 40 × 12 beats 30 × 12.
    type_text(&mut s, "40x12");
    let (slot, _) = enter_and_commit(&mut s, 1, 4);
    assert_eq!(slot, SlotId(12));
    let Screen::Session(screen) = &s.screen else {
        panic!()
    };
    assert_eq!(screen.selected, 0, "the round goes back to the squat");
    assert_eq!(screen.records.as_ref().map(|r| r.slot), Some(SlotId(12)));
    let status = s.status.as_ref().unwrap().text.clone();
    assert!(
        status.starts_with("Logged Barbell Curl 40x12 — ★ "),
        "{status}"
    );
    // The status line credits the curl; the squat's panel shows no record.
    let text = screen_text(&s, 120, 40);
    assert_eq!(
        text.matches("★ New").count(),
        1,
        "the curl's record is not shown under the squat:\n{text}"
    );
    cmd(&mut s, Command::Down, 5); // back to the curl: its record is in its panel too
    let on_curl = screen_text(&s, 120, 40);
    assert!(on_curl.matches("★ New").count() > 1, "{on_curl}");
}

/// The whole screen as text.
fn screen_text(state: &ironpulse::app::state::State, width: u16, height: u16) -> String {
    let backend = ratatui::backend::TestBackend::new(width, height);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    terminal
        .draw(|frame| ironpulse::ui::render(frame, state))
        .unwrap();
    terminal.backend().to_string()
}

#[test]
fn keys_do_nothing_while_the_terminal_is_too_small_but_help_and_quit() {
    let mut s = in_session();
    update(
        &mut s,
        Action::Resize {
            width: 60,
            height: 20,
        },
        t(2),
    );
    type_text(&mut s, "120x5");
    assert_eq!(entry(&s), "100x6", "typing does not reach the hidden line");
    for _ in 0..2 {
        assert_eq!(cmd(&mut s, Command::Submit, 3), vec![], "no invisible set");
    }
    cmd(&mut s, Command::Back, 3);
    assert!(matches!(s.screen, Screen::Session(_)), "Esc does nothing");
    cmd(&mut s, Command::Help, 3);
    assert!(
        matches!(s.modal, Some(Modal::Help { .. })),
        "help still opens"
    );
    cmd(&mut s, Command::Help, 3);
    update(
        &mut s,
        Action::Resize {
            width: 80,
            height: 24,
        },
        t(4),
    );
    assert!(
        !cmd(&mut s, Command::Submit, 5).is_empty(),
        "big enough again"
    );
    cmd(&mut s, Command::Quit, 6);
    assert!(s.quit);
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
        Effect::Store(StoreRequest::Exercise(ExerciseRequest::Create {
            name, equipment, ..
        })),
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
    let Some(Modal::Form(Dialog::NewExercise(form))) = &s.modal else {
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
    use ironpulse::hr::Strap;
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
            Effect::Store(StoreRequest::Devices(DevicesRequest::RememberStrap(Some(
                "A0:00:00:00:00:02".into()
            )))),
            Effect::UseStrap(Some("A0:00:00:00:00:02".into())),
        ]
    );
    reply(
        &mut s,
        DevicesReply::StrapRemembered(Some("A0:00:00:00:00:02".into())),
        8,
    );
    assert_eq!(s.strap.as_deref(), Some("A0:00:00:00:00:02"));
    assert_eq!(
        cmd(&mut s, Command::Forget, 9),
        vec![
            Effect::Store(StoreRequest::Devices(DevicesRequest::RememberStrap(None))),
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
    use ironpulse::core::heart::hrm::Contact;
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
                Effect::Store(StoreRequest::Hr(HrRequest::Append { samples, .. })) => {
                    assert!(samples.len() <= 3, "batches stay small: {}", samples.len());
                    stored_samples += samples.len();
                }
                Effect::Store(StoreRequest::Hr(HrRequest::SetHr { hr, .. })) => set_hr = Some(hr),
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
        SessionReply::SetsLogged {
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
            Effect::Store(StoreRequest::Hr(HrRequest::Append { samples, .. })) => samples.len(),
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
    use ironpulse::core::heart::hrm::Contact;
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
        SessionReply::SetsLogged {
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
    // Already low the instant the rest starts (a light set): not "ready" yet, the heart rate
    // still rises for a few seconds after a set.
    update(&mut s, Action::Hr(sample(100, 5)), t(5));
    assert!(!s.rest.unwrap().ready);
    update(&mut s, Action::Hr(sample(140, 10)), t(10));
    assert!(!s.rest.unwrap().ready);
    update(&mut s, Action::Hr(sample(108, 40)), t(40));
    assert!(s.rest.unwrap().ready, "108 < 110: ready");
    assert_eq!(
        status(&s),
        "Heart rate 108 is below 110: ready for the next set."
    );
    // A beat or two above the level is noise; back up to 133 takes "ready" back, in words.
    update(&mut s, Action::Hr(sample(112, 45)), t(45));
    assert!(s.rest.unwrap().ready);
    update(&mut s, Action::Hr(sample(133, 50)), t(50));
    assert!(!s.rest.unwrap().ready);
    assert_eq!(
        status(&s),
        "Heart rate back up to 133 (ready below 110): give it a little longer."
    );
}

#[test]
fn an_exercise_gets_its_own_progression_rule_and_todays_plan_follows_it() {
    use ironpulse::core::strength::progression::Rule;
    let mut s = in_session();
    assert_eq!(entry(&s), "100x6", "double progression by default");
    cmd(&mut s, Command::Rule, 2);
    let Some(Modal::Form(Dialog::Rule { form, .. })) = &s.modal else {
        panic!("{:?}", s.modal)
    };
    assert_eq!(form.value(RuleField::Rule), "double_progression");
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
    let Some(Modal::Form(Dialog::Rule { form, .. })) = &s.modal else {
        panic!()
    };
    assert!(form.fields[2].error.is_some(), "{:?}", form.fields[2]);
    assert_eq!(form.focus, 2, "the form goes back to the field in error");
    type_text(&mut s, "5");
    for _ in 0..3 {
        cmd(&mut s, Command::Submit, 4);
    }
    let effects = cmd(&mut s, Command::Submit, 4);
    let [Effect::Store(StoreRequest::Exercise(ExerciseRequest::SetRule { exercise, rule }))] =
        effects.as_slice()
    else {
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
    let three_fives = vec![ironpulse::core::strength::history::Performance {
        session: SessionId(1),
        started_at: t(-2 * 86_400),
        sets: vec![spec(100.0, 5, Some(8.0)); 3],
    }];
    reply(
        &mut s,
        ExerciseReply::RuleSaved {
            exercise: ExerciseId(1),
            rule: *rule,
            history: three_fives,
        },
        5,
    );
    assert!(s.modal.is_none());
    assert_eq!(entry(&s), "102.5x5");
}

/// Settings with the focus moved to `label`.
fn settings_at(s: &mut ironpulse::app::state::State, label: &str) {
    cmd(s, Command::Settings, 0);
    let Screen::Settings(form) = &mut s.screen else {
        panic!("{:?}", s.screen)
    };
    form.focus = form.fields.iter().position(|f| f.label() == label).unwrap();
}

#[test]
fn friel_zones_without_an_lthr_are_refused_on_the_zones_field() {
    let mut s = state(startup());
    assert_eq!(s.profile.as_ref().unwrap().lthr, None);
    settings_at(&mut s, "Zones");
    update(&mut s, Action::Edit(TextEdit::Right), t(1)); // karvonen → friel-run
    let mut effects = Vec::new();
    for _ in 0..4 {
        effects.extend(cmd(&mut s, Command::Submit, 1));
    }
    assert!(effects.is_empty(), "nothing is saved: {effects:?}");
    let Screen::Settings(form) = &s.screen else {
        panic!("{:?}", s.screen)
    };
    assert_eq!(form.value(ProfileField::Zones), "friel-run");
    let zones = form.fields.iter().find(|f| f.label() == "Zones").unwrap();
    assert_eq!(
        zones.error.as_deref(),
        Some("Friel zones need a threshold heart rate (LTHR); set one or use karvonen")
    );
    assert_eq!(
        form.fields[form.focus].label(),
        "Zones",
        "focus goes back to it"
    );
}

#[test]
fn friel_zones_with_an_lthr_are_saved_on_the_profile() {
    use ironpulse::core::profile::ZoneKind;
    let mut s = state(startup());
    settings_at(&mut s, "LTHR");
    type_text(&mut s, "165");
    cmd(&mut s, Command::Submit, 1); // → Zones
    update(&mut s, Action::Edit(TextEdit::Left), t(1)); // karvonen → friel-bike
    let mut effects = Vec::new();
    for _ in 0..4 {
        effects.extend(cmd(&mut s, Command::Submit, 1));
    }
    let [Effect::Store(StoreRequest::Settings(SettingsRequest::SaveProfile(saved)))] =
        effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(saved.zones, ZoneKind::FrielBike);
    assert_eq!(saved.lthr.map(ironpulse::core::units::Bpm::get), Some(165));
    reply(&mut s, SettingsReply::ProfileSaved(saved.clone()), 2);
    cmd(&mut s, Command::Settings, 3);
    let Screen::Settings(form) = &s.screen else {
        panic!("{:?}", s.screen)
    };
    assert_eq!(
        form.value(ProfileField::Zones),
        "friel-bike",
        "the form shows the saved model"
    );
}

#[test]
fn settings_pin_an_e1rm_formula_and_stored_estimates_follow() {
    use ironpulse::core::strength::e1rm::Formula;
    let mut s = state(startup());
    cmd(&mut s, Command::Settings, 0);
    let Screen::Settings(form) = &s.screen else {
        panic!()
    };
    assert_eq!(form.value(ProfileField::Formula), "auto");
    // Walk to the formula field (the last), pick Epley, save.
    for _ in 0..10 {
        cmd(&mut s, Command::Submit, 1);
    }
    update(&mut s, Action::Edit(TextEdit::Insert('e')), t(1));
    let effects = cmd(&mut s, Command::Submit, 2);
    assert!(
        matches!(
            effects.first(),
            Some(Effect::Store(StoreRequest::Settings(
                SettingsRequest::SaveProfile(_)
            )))
        ),
        "{effects:?}"
    );
    assert_eq!(
        effects.get(1),
        Some(&Effect::Store(StoreRequest::Settings(
            SettingsRequest::PinFormula(Some(Formula::Epley))
        )))
    );
    reply(
        &mut s,
        SettingsReply::FormulaPinned(Some(Formula::Epley)),
        3,
    );
    assert_eq!(s.pinned, Some(Formula::Epley));
    // Saving again without a change pins nothing.
    cmd(&mut s, Command::Settings, 4);
    for _ in 0..10 {
        cmd(&mut s, Command::Submit, 4);
    }
    assert_eq!(
        cmd(&mut s, Command::Submit, 5).len(),
        1,
        "only the profile is saved"
    );
}

#[test]
fn switching_to_pounds_in_settings_keeps_the_stored_body_weight_bar_and_plates() {
    use ironpulse::core::units::Unit;
    let mut s = state(startup());
    let before = s.profile.clone().unwrap();
    cmd(&mut s, Command::Settings, 0);
    update(&mut s, Action::Edit(TextEdit::Right), t(1)); // Units: kg → lb
    let Screen::Settings(form) = &s.screen else {
        panic!("{:?}", s.screen)
    };
    assert_eq!(
        form.value(ProfileField::Body),
        "176.37",
        "80 kg shown in lb"
    );
    assert_eq!(form.value(ProfileField::Bar), "44.09");
    let mut effects = Vec::new();
    for _ in 0..11 {
        effects.extend(cmd(&mut s, Command::Submit, 2));
    }
    let [Effect::Store(StoreRequest::Settings(SettingsRequest::SaveProfile(saved)))] =
        effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(saved.unit, Unit::Lb);
    assert_eq!(saved.body_weight, before.body_weight, "not 36.29 kg");
    assert_eq!(saved.bar, before.bar, "not 9.07 kg");
    assert_eq!(saved.plates, before.plates);
}

/// The dashboard as text, 100 columns wide.
fn dashboard_text(state: &ironpulse::app::state::State) -> String {
    screen_text(state, 100, 30)
}

fn two_signals() -> ironpulse::core::strength::deload::DeloadAdvice {
    use ironpulse::core::strength::deload::{DeloadAdvice, PLAN, Signal, SignalKind, Urgency};
    DeloadAdvice {
        signals: vec![
            Signal {
                kind: SignalKind::HighRpe,
                message:
                    "Mean working-set RPE has been 9 or higher for 2 weeks in a row (9.2, 9.4)."
                        .into(),
            },
            Signal {
                kind: SignalKind::WeeksSinceDeload,
                message: "6 weeks since your last deload (the guide is every 5).".into(),
            },
        ],
        urgency: Urgency::Medium,
        plan: Some(PLAN),
        summary: "2 deload signals: a lighter week would help — cut volume by 40 % for 7 days."
            .into(),
    }
}

#[test]
fn a_deload_week_is_started_from_the_dashboard() {
    use chrono::NaiveDate;
    use ironpulse::core::strength::deload::{DeloadId, DeloadWeek};
    let day = |d| NaiveDate::from_ymd_opt(2026, 9, d).unwrap();
    let mut s = state(Startup {
        deload: Some(two_signals()),
        ..startup()
    });
    assert!(dashboard_text(&s).contains("Press w to start a deload week today."));
    // t(0) is Monday 21 September 2026.
    assert!(cmd(&mut s, Command::Deload, 0).is_empty());
    let Some(Modal::Confirm(confirm)) = &s.modal else {
        panic!("{:?}", s.modal)
    };
    assert_eq!(
        confirm.message,
        "Start a deload week? Deload Mon 21 Sep – Sun 27 Sep: cut volume by ~40 % (2 of every 3 \
         working sets, at your usual loads)."
    );
    let (start, end) = (day(21), day(27));
    assert_eq!(confirm.on_yes, ConfirmAction::StartDeload { start, end });
    assert_eq!(
        cmd(&mut s, Command::Yes, 1),
        vec![Effect::Store(StoreRequest::Deload(DeloadRequest::Start {
            start,
            end
        }))]
    );
    let week = DeloadWeek {
        id: DeloadId(4),
        start,
        end: Some(end),
        note: String::new(),
    };
    assert_eq!(
        reply(&mut s, DeloadReply::Started(week.clone()), 2),
        vec![
            Effect::Store(StoreRequest::Deload(DeloadRequest::Check { today: start })),
            Effect::Store(StoreRequest::Review(ReviewRequest::Insights {
                today: start
            }))
        ]
    );
    assert_eq!(
        s.status.as_ref().unwrap().text,
        "Deload week recorded: Mon 21 Sep – Sun 27 Sep."
    );
    // The signals still fire (the deload has only just begun); the dashboard stops nagging.
    reply(
        &mut s,
        DeloadReply::Checked {
            advice: two_signals(),
            current: Some(week.clone()),
        },
        3,
    );
    let text = dashboard_text(&s);
    assert!(
        text.contains(
            "Deload week: day 1 of 7, until Sun 27 Sep — cut volume by ~40 %, same loads."
        ),
        "{text}"
    );
    assert!(text.contains("Press w to end it early."), "{text}");
    assert!(!text.contains("RPE has been 9"), "{text}");
}

#[test]
fn a_running_deload_is_ended_early_and_the_signals_return() {
    use chrono::NaiveDate;
    use ironpulse::core::strength::deload::{DeloadId, DeloadWeek};
    let day = |d| NaiveDate::from_ymd_opt(2026, 9, d).unwrap();
    // Started on Monday 21 September; t(0) is that Monday.
    let week = DeloadWeek {
        id: DeloadId(4),
        start: day(21),
        end: Some(day(27)),
        note: String::new(),
    };
    let mut s = state(Startup {
        deload: Some(two_signals()),
        deload_week: Some(week.clone()),
        ..startup()
    });
    // Two days in, the same key offers to end it: it will have covered the 21st and 22nd.
    let wednesday = 2 * 86_400;
    update(&mut s, Action::Tick, t(wednesday));
    let text = dashboard_text(&s);
    assert!(
        text.contains("Deload week: day 3 of 7, until Sun 27 Sep"),
        "{text}"
    );
    cmd(&mut s, Command::Deload, wednesday);
    let Some(Modal::Confirm(confirm)) = &s.modal else {
        panic!("{:?}", s.modal)
    };
    assert_eq!(
        confirm.message,
        "End the deload early? It will have run Mon 21 Sep – Tue 22 Sep; you train normally from \
         today."
    );
    assert_eq!(
        cmd(&mut s, Command::Yes, wednesday),
        vec![Effect::Store(StoreRequest::Deload(DeloadRequest::End {
            id: DeloadId(4),
            today: day(23)
        }))]
    );
    let ended = DeloadWeek {
        end: Some(day(22)),
        ..week
    };
    assert_eq!(
        reply(&mut s, DeloadReply::Ended(Some(ended)), wednesday),
        vec![
            Effect::Store(StoreRequest::Deload(DeloadRequest::Check {
                today: day(23)
            })),
            Effect::Store(StoreRequest::Review(ReviewRequest::Insights {
                today: day(23)
            }))
        ]
    );
    assert_eq!(
        s.status.as_ref().unwrap().text,
        "Deload ended: it ran Mon 21 Sep – Tue 22 Sep."
    );
    reply(
        &mut s,
        DeloadReply::Checked {
            advice: ironpulse::core::strength::deload::DeloadAdvice {
                signals: vec![],
                urgency: ironpulse::core::strength::deload::Urgency::None,
                plan: None,
                summary: "No deload signals.".into(),
            },
            current: None,
        },
        wednesday,
    );
    let text = dashboard_text(&s);
    assert!(text.contains("Recovery: No deload signals."), "{text}");
    assert!(!text.contains("Deload week:"), "{text}");
}

#[test]
fn a_deload_started_by_mistake_is_cancelled_the_same_day() {
    use ironpulse::core::strength::deload::{DeloadId, DeloadWeek};
    let today = t(0).date_naive();
    let mut s = state(Startup {
        deload_week: Some(DeloadWeek {
            id: DeloadId(9),
            start: today,
            end: None,
            note: String::new(),
        }),
        ..startup()
    });
    cmd(&mut s, Command::Deload, 10);
    let Some(Modal::Confirm(confirm)) = &s.modal else {
        panic!("{:?}", s.modal)
    };
    assert!(
        confirm
            .message
            .starts_with("Cancel the deload week you started today?")
    );
    // "No" keeps it.
    assert!(cmd(&mut s, Command::No, 11).is_empty());
    assert!(s.modal.is_none());
    cmd(&mut s, Command::Deload, 12);
    assert_eq!(
        cmd(&mut s, Command::Yes, 13),
        vec![Effect::Store(StoreRequest::Deload(DeloadRequest::End {
            id: DeloadId(9),
            today
        }))]
    );
    reply(&mut s, DeloadReply::Ended(None), 14);
    assert_eq!(s.status.as_ref().unwrap().text, "Deload cancelled.");
    assert_eq!(s.deload_week, None);
}

#[test]
fn in_a_deload_week_the_session_plans_fewer_sets_at_the_usual_load() {
    use ironpulse::core::strength::deload::{DeloadId, DeloadWeek};
    use ironpulse::core::strength::progression::RecommendationKind;
    // The deload began yesterday; last squat session: 100 kg × 5 @ 8 (double progression, 5–8:
    // one more rep). In the deload week: 2 of the 3 sets, still 100 kg × 6.
    let yesterday = t(-86_400).date_naive();
    let mut s = state(Startup {
        deload_week: Some(DeloadWeek {
            id: DeloadId(1),
            start: yesterday,
            end: None,
            note: String::new(),
        }),
        ..startup()
    });
    cmd(&mut s, Command::StartSession, 0);
    reply(&mut s, SessionReply::Started(empty_session()), 0);
    reply(
        &mut s,
        SessionReply::SlotAdded {
            slot: slot(11, 1, "Back Squat"),
            history: past(spec(100.0, 5, Some(8.0))),
            rule: None,
        },
        1,
    );
    let r = s.coaching[&ExerciseId(1)].recommendation.clone().unwrap();
    assert_eq!(r.kind, RecommendationKind::Deload);
    assert_eq!(r.suggestion.sets, Some(2));
    assert_eq!(
        r.reasoning,
        "Deload week, day 2 of 7, until Sat 26 Sep: cut volume by 40 % — 2 of your 3 working sets \
         at 100 kg × 6."
    );
    assert_eq!(entry(&s), "100x6");
}

#[test]
fn a_deload_started_mid_session_replans_the_lifts_already_in_it() {
    use ironpulse::core::strength::deload::{DeloadId, DeloadWeek};
    use ironpulse::core::strength::progression::RecommendationKind;
    // Squat is in the session under the usual plan (3 sets); then a deload week starts today.
    let mut s = state(startup());
    cmd(&mut s, Command::StartSession, 0);
    reply(&mut s, SessionReply::Started(empty_session()), 0);
    let history = past(spec(100.0, 5, Some(8.0)));
    reply(
        &mut s,
        SessionReply::SlotAdded {
            slot: slot(11, 1, "Back Squat"),
            history: history.clone(),
            rule: None,
        },
        1,
    );
    let sets = |s: &ironpulse::app::state::State| {
        let r = s.coaching[&ExerciseId(1)].recommendation.clone().unwrap();
        (r.kind, r.suggestion.sets)
    };
    assert_ne!(sets(&s).0, RecommendationKind::Deload);
    assert_eq!(sets(&s).1, Some(3));
    let today = t(0).date_naive();
    let week = DeloadWeek {
        id: DeloadId(2),
        start: today,
        end: None,
        note: String::new(),
    };
    let effects = reply(&mut s, DeloadReply::Started(week), 2);
    assert_eq!(
        effects.last(),
        Some(&Effect::Store(StoreRequest::Exercise(
            ExerciseRequest::Recoach {
                exercises: vec![ExerciseId(1)]
            }
        )))
    );
    reply(
        &mut s,
        ExerciseReply::Recoached(vec![(ExerciseId(1), history.clone())]),
        3,
    );
    assert_eq!(sets(&s), (RecommendationKind::Deload, Some(2)));
    // Cancelled the same day: the usual plan again.
    let effects = reply(&mut s, DeloadReply::Ended(None), 4);
    assert!(effects.contains(&Effect::Store(StoreRequest::Exercise(
        ExerciseRequest::Recoach {
            exercises: vec![ExerciseId(1)]
        }
    ))));
    reply(
        &mut s,
        ExerciseReply::Recoached(vec![(ExerciseId(1), history)]),
        5,
    );
    assert_ne!(sets(&s).0, RecommendationKind::Deload);
    assert_eq!(sets(&s).1, Some(3));
}

/// A finished squat session (id 7) of two 100×5 sets, with heart rate and an earlier 95×5 one.
fn squat_detail() -> ironpulse::read::SessionDetail {
    use ironpulse::core::heart::set_hr::SetHr;
    use ironpulse::core::strength::history::{Performance, summarise};
    use ironpulse::core::units::Bpm;
    use ironpulse::read::{DetailHr, SessionDetail};
    let mut session = empty_session();
    session.status = SessionStatus::Finished;
    session.ended_at = Some(t(600));
    let mut squat = slot(11, 1, "Back Squat");
    squat.sets = (0..2)
        .map(|i| LoggedSet {
            id: SetId(20 + i),
            spec: spec(100.0, 5, Some(8.0)),
            completed_at: t(120 + 180 * i),
        })
        .collect();
    session.slots.push(squat);
    let before = summarise(
        &Performance {
            session: SessionId(3),
            started_at: t(-3 * 86_400),
            sets: vec![spec(95.0, 5, Some(8.0)); 2],
        },
        None,
    );
    let bpm = |v| Some(Bpm::try_from(v).unwrap());
    SessionDetail {
        session,
        hr: Some(DetailHr {
            points: (0..600)
                .map(|s| (s * 1000, 100 + (s % 60) as u16))
                .collect(),
            gaps: vec![],
            rests: vec![(120_000, 270_000)],
            summary: None,
            model: None,
            zones: vec![],
        }),
        set_hr: [(
            SetId(20),
            SetHr {
                start: bpm(98),
                end: bpm(141),
                peak: bpm(150),
                recovery_30: Some(22),
                recovery_60: Some(35),
            },
        )]
        .into(),
        previous: vec![(ExerciseId(1), before)],
    }
}

#[test]
fn enter_on_a_history_row_loads_the_detail_and_tab_switches_its_view() {
    use ironpulse::app::state::DetailView;
    let mut s = state(startup());
    cmd(&mut s, Command::History, 0);
    let detail = squat_detail();
    reply(
        &mut s,
        HistoryReply::Page {
            offset: 0,
            sessions: vec![detail.session.summary()],
            total: 1,
        },
        1,
    );
    assert_eq!(
        cmd(&mut s, Command::Submit, 2),
        vec![Effect::Store(StoreRequest::History(
            HistoryRequest::Detail(SessionId(7))
        ))]
    );
    reply(&mut s, HistoryReply::Detail(Box::new(detail)), 3);
    let detail_of = |s: &ironpulse::app::state::State| match &s.screen {
        Screen::History(h) => h.detail.clone().expect("the detail is open"),
        other => panic!("{other:?}"),
    };
    let d = detail_of(&s);
    assert_eq!(s.context(), Context::Detail);
    assert_eq!(d.view, DetailView::Sets, "the sets come first");
    assert_eq!(d.hr.as_ref().unwrap().points.len(), 600);
    assert_eq!(d.set_hr[&SetId(20)].recovery_60, Some(35));
    // 95×5 → 100×5 at the same RPE: +5 kg on the top set, e1RM +5.3 %.
    let [c] = d.comparisons.as_slice() else {
        panic!("{:?}", d.comparisons)
    };
    assert!((c.top_set_kg.unwrap() - 5.0).abs() < 1e-9);
    assert!((c.e1rm.unwrap().percent.unwrap() - 500.0 / 95.0).abs() < 1e-6);

    assert!(cmd(&mut s, Command::SwitchView, 4).is_empty());
    assert_eq!(detail_of(&s).view, DetailView::HeartRate);
    cmd(&mut s, Command::SwitchView, 5);
    assert_eq!(detail_of(&s).view, DetailView::Sets);

    // An edited set comes back as the reloaded session: the comparison follows it.
    let mut edited = detail_of(&s).session;
    edited.slots[0].sets[1].spec = spec(105.0, 5, Some(8.0));
    reply(&mut s, SessionReply::Changed(edited), 6);
    let d = detail_of(&s);
    assert!((d.comparisons[0].top_set_kg.unwrap() - 10.0).abs() < 1e-9);
    assert_eq!(d.set_hr.len(), 1, "the sets' heart rate stays");
}

#[test]
fn insights_arriving_update_the_dashboard_and_a_finished_session_reloads_them() {
    use ironpulse::core::review::insights::{Insight, InsightData, InsightKind, Tone};
    let insight = |title: &str, tone| Insight {
        kind: InsightKind::VolumeSpike,
        tone,
        title: title.into(),
        rule: "more than 30 % above the week before".into(),
        numbers: "12000 kg vs 8000 kg (+50 %)".into(),
        suggestion: format!("{title}: hold the volume steady next week."),
        data: InsightData::VolumeSpike {
            last_kg: 12_000.0,
            previous_kg: 8_000.0,
            percent: 50.0,
        },
    };
    let mut s = state(startup());
    assert!(
        !dashboard_text(&s).contains("Insights"),
        "nothing until loaded"
    );
    reply(&mut s, ReviewReply::Insights(vec![]), 1);
    assert!(dashboard_text(&s).contains("No warnings — keep training."));

    let insights = vec![
        insight("Volume spike", Tone::Warning),
        insight("Squat plateau", Tone::Info),
    ];
    reply(&mut s, ReviewReply::Insights(insights.clone()), 2);
    assert_eq!(s.insights.as_deref(), Some(insights.as_slice()));
    let text = dashboard_text(&s);
    assert!(
        text.contains("warning  Volume spike — 12000 kg vs 8000 kg (+50 %)"),
        "{text}"
    );
    assert!(
        text.contains("Try: Volume spike: hold the volume"),
        "{text}"
    );
    // Down picks the next one: its suggestion shows.
    cmd(&mut s, Command::Down, 3);
    cmd(&mut s, Command::Down, 3);
    assert_eq!(s.insight, 1, "stops at the last");
    assert!(dashboard_text(&s).contains("Try: Squat plateau: hold"));
    // Fewer insights later: the selection stays on the list.
    reply(
        &mut s,
        ReviewReply::Insights(vec![insight("Volume spike", Tone::Warning)]),
        4,
    );
    assert_eq!(s.insight, 0);

    let mut session = in_session();
    let mut finished = session.session.clone().unwrap();
    finished.status = SessionStatus::Finished;
    let effects = reply(&mut session, SessionReply::Finished(finished, None), 100);
    assert!(
        effects.contains(&Effect::Store(StoreRequest::Review(
            ReviewRequest::Insights {
                today: t(100).date_naive()
            }
        ))),
        "{effects:?}"
    );
}

#[test]
fn history_edits_recheck_deloads_and_insights_running_session_edits_do_not() {
    let check_again = |at: i64| {
        let today = t(at).date_naive();
        vec![
            Effect::Store(StoreRequest::Deload(DeloadRequest::Check { today })),
            Effect::Store(StoreRequest::Review(ReviewRequest::Insights { today })),
        ]
    };
    let mut s = state(startup());
    cmd(&mut s, Command::History, 0);
    let detail = squat_detail();
    reply(
        &mut s,
        HistoryReply::Page {
            offset: 0,
            sessions: vec![detail.session.summary()],
            total: 1,
        },
        1,
    );
    cmd(&mut s, Command::Submit, 2);
    let mut edited = detail.session.clone();
    reply(&mut s, HistoryReply::Detail(Box::new(detail)), 3);

    // A set edited (or deleted: the store answers the same way) in the detail.
    edited.slots[0].sets[1].spec = spec(105.0, 5, Some(8.0));
    assert_eq!(
        reply(&mut s, SessionReply::Changed(edited), 4),
        check_again(4)
    );
    // The whole session deleted from the list.
    cmd(&mut s, Command::Back, 5);
    cmd(&mut s, Command::Delete, 6);
    assert_eq!(
        cmd(&mut s, Command::Yes, 7),
        vec![Effect::Store(StoreRequest::History(
            HistoryRequest::Delete(SessionId(7))
        ))]
    );
    assert_eq!(
        reply(&mut s, HistoryReply::Deleted(SessionId(7)), 8),
        check_again(8)
    );

    // Changes to the running session wait for it to finish.
    let mut running = in_session();
    let mut session = running.session.clone().unwrap();
    session.slots[0].notes = "belt from the third set".into();
    let effects = reply(&mut running, SessionReply::Changed(session), 9);
    assert!(
        !effects.iter().any(|e| matches!(
            e,
            Effect::Store(StoreRequest::Review(ReviewRequest::Insights { .. }))
        )),
        "{effects:?}"
    );
}

/// Thirty weekly squat sessions up to today (Monday 21 Sep 2026), e1RM rising 1 kg a week.
fn squat_history() -> Vec<ironpulse::core::strength::history::PerformanceSummary> {
    use ironpulse::core::strength::history::{PerformanceSummary, TopSet};
    use ironpulse::core::units::{Reps, Weight};
    (0..30u64)
        .map(|k| PerformanceSummary {
            session: SessionId(100 + k as i64),
            date: t(0).date_naive() - chrono::Days::new(7 * k),
            sets: 3,
            top_set: Some(TopSet {
                weight: Weight::from_kg(90.0 - k as f64).unwrap(),
                reps: Reps::try_from(5).unwrap(),
            }),
            e1rm: Some(Weight::from_kg(130.0 - k as f64).unwrap()),
            volume_kg: 4000.0,
            mean_rpe: None,
            reader: ironpulse::core::strength::e1rm::Reader::default(),
        })
        .collect()
}

fn progress_screen(
    s: &ironpulse::app::state::State,
) -> &ironpulse::app::review_state::ProgressScreen {
    match &s.screen {
        Screen::Progress(screen) => screen,
        other => panic!("not on the progression screen: {other:?}"),
    }
}

/// `g` on the dashboard asks for the lifts and the latest lift's sessions; a range switch
/// recomputes from the rows held, with no new read.
#[test]
fn the_progression_screen_opens_on_the_latest_lift_and_switches_range_without_a_read() {
    use ironpulse::core::review::progress::progress;
    use ironpulse::core::review::range::Range;
    use ironpulse::read::ProgressRows;
    let today = t(0).date_naive();
    let mut s = state(startup());
    assert_eq!(
        cmd(&mut s, Command::Progress, 0),
        vec![Effect::Store(StoreRequest::Review(
            ReviewRequest::Progress {
                exercise: None,
                today,
                lists: true
            }
        ))]
    );
    assert!(progress_screen(&s).loading);
    assert_eq!(s.context(), Context::Progress);
    let history = squat_history();
    reply(
        &mut s,
        ReviewReply::Progress(Box::new(ProgressRows {
            exercise: Some(ExerciseId(1)),
            history: history.clone(),
            lifts: Some(vec![ExerciseId(1), ExerciseId(2)]),
            muscles: Some(Vec::new()),
            deloads: Some(Vec::new()),
        })),
        0,
    );
    let screen = progress_screen(&s);
    assert!(!screen.loading);
    assert_eq!(screen.exercise, Some(ExerciseId(1)));
    // 12 weeks from Monday 6 Jul: twelve Mondays.
    assert_eq!(screen.range, Range::Weeks12);
    assert_eq!(screen.progress.sessions.len(), 12);
    assert_eq!(
        screen.progress,
        progress(&history, &[], Range::Weeks12, today)
    );
    // 6 months back from Mon 21 Sep is Sat 21 Mar, in the week from Mon 16 Mar: 28 Mondays.
    assert_eq!(cmd(&mut s, Command::RangeNext, 1), Vec::new());
    let screen = progress_screen(&s);
    assert_eq!(screen.range, Range::Months6);
    assert_eq!(screen.progress.sessions.len(), 28);
    assert_eq!(
        screen.progress,
        progress(&history, &[], Range::Months6, today)
    );
    assert_eq!(cmd(&mut s, Command::RangePrev, 2), Vec::new());
    assert_eq!(cmd(&mut s, Command::RangePrev, 2), Vec::new());
    assert_eq!(progress_screen(&s).range, Range::Weeks4);
    assert_eq!(progress_screen(&s).progress.sessions.len(), 4);
    cmd(&mut s, Command::Back, 3);
    assert_eq!(s.screen, Screen::Dashboard);
}

/// Down/Up step through the lifts trained; the picker finds any exercise and Enter charts it.
#[test]
fn another_lift_by_stepping_or_from_the_picker() {
    use ironpulse::app::state::PickerPurpose;
    use ironpulse::read::ProgressRows;
    let today = t(0).date_naive();
    let load = |exercise: i64| {
        vec![Effect::Store(StoreRequest::Review(
            ReviewRequest::Progress {
                exercise: Some(ExerciseId(exercise)),
                today,
                lists: false,
            },
        ))]
    };
    let mut s = state(startup());
    cmd(&mut s, Command::Progress, 0);
    reply(
        &mut s,
        ReviewReply::Progress(Box::new(ProgressRows {
            exercise: Some(ExerciseId(1)),
            history: squat_history(),
            lifts: Some(vec![ExerciseId(1), ExerciseId(2)]),
            muscles: Some(Vec::new()),
            deloads: Some(Vec::new()),
        })),
        0,
    );
    assert_eq!(cmd(&mut s, Command::NextLift, 1), load(2));
    assert!(
        progress_screen(&s).loading,
        "the squat chart stays until the curls arrive"
    );
    reply(
        &mut s,
        ReviewReply::Progress(Box::new(ProgressRows {
            exercise: Some(ExerciseId(2)),
            ..ProgressRows::default()
        })),
        1,
    );
    let screen = progress_screen(&s);
    assert_eq!(screen.exercise, Some(ExerciseId(2)));
    assert_eq!(screen.lifts, [ExerciseId(1), ExerciseId(2)], "kept");
    assert!(screen.progress.sessions.is_empty());
    // Down again wraps to the first lift; Up from the curls goes back to it too.
    assert_eq!(cmd(&mut s, Command::NextLift, 2), load(1));
    assert_eq!(cmd(&mut s, Command::PrevLift, 2), load(1));

    // The picker opens on the lift on screen, lifts trained first.
    cmd(&mut s, Command::PickExercise, 3);
    let Some(Modal::Picker(picker)) = &s.modal else {
        panic!("no picker: {:?}", s.modal);
    };
    assert_eq!(picker.purpose, PickerPurpose::Progress);
    let names: Vec<&str> = picker
        .results
        .iter()
        .map(|&i| s.exercises[i].name.as_str())
        .collect();
    assert_eq!(names, ["Back Squat", "Barbell Curl", "Dip"]);
    assert_eq!(names[picker.selected], "Barbell Curl");
    assert_eq!(s.context(), Context::Picker);
    type_text(&mut s, "dip");
    assert_eq!(
        cmd(&mut s, Command::CreateExercise, 4),
        Vec::new(),
        "no new exercise from here"
    );
    assert_eq!(cmd(&mut s, Command::Submit, 4), load(3));
    assert_eq!(s.modal, None);
    assert_eq!(s.context(), Context::Progress);
}

/// `l` reads the review rows once; range and panel switches recompute and redraw only.
#[test]
fn the_training_load_screen_reads_once_and_switches_range_and_panel() {
    use ironpulse::app::review_state::LoadPanel;
    use ironpulse::core::load::acwr::Method;
    use ironpulse::core::review::SessionLoad;
    use ironpulse::core::review::load::training_load;
    use ironpulse::core::review::range::Range;
    use ironpulse::read::LoadRows;
    let today = t(0).date_naive();
    let mut s = state(startup());
    assert_eq!(
        cmd(&mut s, Command::TrainingLoad, 0),
        vec![Effect::Store(StoreRequest::Review(
            ReviewRequest::TrainingLoad { today }
        ))]
    );
    assert_eq!(s.context(), Context::Load);
    // An hour at session RPE 7 every fourth day for 200 days: estimated loads of 100.
    let sessions: Vec<SessionLoad> = (0..50u64)
        .map(|k| SessionLoad {
            session: SessionId(k as i64 + 1),
            date: today - chrono::Days::new(4 * k),
            minutes: 60.0,
            rpe: Some(7),
            hr: None,
            sets: 20,
            volume_kg: 5000.0,
            cardio: false,
            title: String::new(),
        })
        .collect();
    reply(
        &mut s,
        ReviewReply::TrainingLoad(Box::new(LoadRows {
            sessions: sessions.clone(),
            ..LoadRows::default()
        })),
        0,
    );
    let screen = |s: &ironpulse::app::state::State| match &s.screen {
        Screen::Load(screen) => (**screen).clone(),
        other => panic!("not on the training-load screen: {other:?}"),
    };
    let shown = screen(&s);
    assert!(!shown.loading);
    let load = shown.load.expect("computed");
    assert_eq!(
        load,
        training_load(&sessions, Range::Weeks12, today, Method::Rolling)
    );
    // 12 weeks from Monday 6 Jul to Monday 21 Sep: 78 days, every session estimated.
    assert_eq!(load.days.len(), 78);
    assert!(
        load.days
            .iter()
            .filter(|d| d.load > 0.0)
            .all(|d| d.estimated)
    );
    assert_eq!(load.counts.estimated, 20);
    assert!(shown.hrv.expect("computed").readings.is_empty());

    assert_eq!(cmd(&mut s, Command::RangeNext, 1), Vec::new());
    let load = screen(&s).load.expect("computed");
    assert_eq!(load.range, Range::Months6);
    assert_eq!(load.days.len(), 190, "Mon 16 Mar to Mon 21 Sep");
    assert_eq!(cmd(&mut s, Command::NextPanel, 2), Vec::new());
    assert_eq!(screen(&s).panel, LoadPanel::Weekly);
    cmd(&mut s, Command::NextPanel, 2);
    cmd(&mut s, Command::NextPanel, 2);
    assert_eq!(screen(&s).panel, LoadPanel::LoadForm, "wraps");
    cmd(&mut s, Command::PrevPanel, 2);
    assert_eq!(screen(&s).panel, LoadPanel::ZonesHrv);
    cmd(&mut s, Command::Back, 3);
    assert_eq!(s.screen, Screen::Dashboard);
}

/// A failed read stops the waiting and says why; the review keys are where the help says.
#[test]
fn a_failed_review_read_is_reported_and_the_keys_resolve() {
    use ironpulse::app::keymap::Key;
    let mut s = state(startup());
    cmd(&mut s, Command::TrainingLoad, 0);
    reply(
        &mut s,
        StoreReply::Failed {
            what: Failed::Other,
            message: "database is locked".into(),
        },
        1,
    );
    match &s.screen {
        Screen::Load(screen) => assert!(!screen.loading && screen.load.is_none()),
        other => panic!("{other:?}"),
    }
    assert!(
        s.status
            .as_ref()
            .is_some_and(|m| m.error && m.text == "database is locked")
    );
    let key = |text: &str| Key::parse(text).unwrap();
    let keymap = &s.keymap;
    assert_eq!(
        keymap.command(Context::Dashboard, key("g")),
        Some(Command::Progress)
    );
    assert_eq!(
        keymap.command(Context::Dashboard, key("l")),
        Some(Command::TrainingLoad)
    );
    assert_eq!(
        keymap.command(Context::Load, key("r")),
        Some(Command::RangeNext)
    );
    assert_eq!(
        keymap.command(Context::Progress, key("R")),
        Some(Command::RangePrev)
    );
    assert_eq!(
        keymap.command(Context::Progress, key("left")),
        Some(Command::RangePrev)
    );
    assert_eq!(
        keymap.command(Context::Progress, key("j")),
        Some(Command::NextLift)
    );
    assert_eq!(
        keymap.command(Context::Progress, key("/")),
        Some(Command::PickExercise)
    );
    assert_eq!(
        keymap.command(Context::Load, key("tab")),
        Some(Command::NextPanel)
    );
    assert_eq!(
        keymap.command(Context::Load, key("backtab")),
        Some(Command::PrevPanel)
    );
}

// ── Screens: the clock, ranges, help, first run, text inputs (issue 10, items 18 and 20) ──

/// The header shows the session's clock on every screen while a session runs, so the 1 s tick
/// runs there too (it froze on the straps screen).
#[test]
fn the_header_clock_ticks_on_every_screen_while_a_session_runs() {
    let mut s = state(startup());
    assert!(!s.needs_clock(), "no session, no rest: no tick");
    let mut s2 = in_session();
    cmd(&mut s2, Command::Back, 2);
    assert_eq!(s2.screen, Screen::Dashboard);
    for open in [
        Command::Devices,
        Command::History,
        Command::Progress,
        Command::TrainingLoad,
        Command::Settings,
    ] {
        cmd(&mut s2, open, 3);
        assert_ne!(s2.screen, Screen::Dashboard, "{open:?} opened a screen");
        assert!(s2.needs_clock(), "{:?}", s2.screen);
        cmd(&mut s2, Command::Back, 3);
        s2.screen = Screen::Dashboard;
    }
    cmd(&mut s, Command::Devices, 3);
    assert!(!s.needs_clock());
}

/// `r` / `R` step through 4 w · 12 w · 6 m · 1 y · all and stop at the ends, saying so.
#[test]
fn range_keys_stop_at_the_shortest_and_longest_range() {
    use ironpulse::core::review::range::Range;
    let range = |s: &ironpulse::app::state::State| match &s.screen {
        Screen::Load(screen) => screen.range,
        Screen::Progress(screen) => screen.range,
        other => panic!("{other:?}"),
    };
    let mut s = state(startup());
    cmd(&mut s, Command::TrainingLoad, 0);
    reply(&mut s, ReviewReply::TrainingLoad(Box::default()), 0);
    assert_eq!(range(&s), Range::Weeks12);
    cmd(&mut s, Command::RangePrev, 1);
    assert_eq!(range(&s), Range::Weeks4);
    cmd(&mut s, Command::RangePrev, 1);
    assert_eq!(range(&s), Range::Weeks4, "no wrap to \"all\"");
    assert_eq!(
        s.status.as_ref().map(|m| m.text.as_str()),
        Some("\"4 w\" is the shortest range.")
    );
    for _ in 0..6 {
        cmd(&mut s, Command::RangeNext, 1);
    }
    assert_eq!(range(&s), Range::All, "no wrap to \"4 w\"");
    assert_eq!(
        s.status.as_ref().map(|m| m.text.as_str()),
        Some("\"all\" is the longest range.")
    );
    cmd(&mut s, Command::Back, 2);
    cmd(&mut s, Command::Progress, 2);
    cmd(&mut s, Command::RangePrev, 2);
    cmd(&mut s, Command::RangePrev, 2);
    assert_eq!(range(&s), Range::Weeks4);
}

/// `?` opens the help on the section of the screen it was pressed on; a dialog without a
/// section of its own opens it at the top.
#[test]
fn help_opens_at_the_section_of_the_screen_you_are_on() {
    let first = |s: &ironpulse::app::state::State| match &s.modal {
        Some(Modal::Help { first, .. }) => *first,
        other => panic!("{other:?}"),
    };
    let mut s = in_session();
    cmd(&mut s, Command::Help, 2);
    assert_eq!(first(&s), Some(Context::Session));
    cmd(&mut s, Command::Back, 2);
    cmd(&mut s, Command::Back, 2);
    cmd(&mut s, Command::History, 2);
    cmd(&mut s, Command::Help, 2);
    assert_eq!(first(&s), Some(Context::History));
    let mut s = state(startup());
    cmd(&mut s, Command::Help, 0);
    assert_eq!(first(&s), Some(Context::Dashboard));
    cmd(&mut s, Command::Back, 0);
    cmd(&mut s, Command::Settings, 0);
    cmd(&mut s, Command::Help, 0);
    assert_eq!(first(&s), Some(Context::Form));
}

/// The first-run form cannot be cancelled into an app without a profile: Esc stays and says
/// how to quit; the quit key quits.
#[test]
fn esc_on_the_first_run_form_says_how_to_quit() {
    let mut s = state(Startup::default());
    assert_eq!(cmd(&mut s, Command::Back, 0), Vec::new());
    assert!(matches!(s.screen, Screen::Onboarding(_)));
    let said = s
        .status
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert_eq!(
        said,
        "The profile comes first — Ctrl-C quits without saving."
    );
    cmd(&mut s, Command::Quit, 0);
    assert!(s.quit);
}

/// A 2,048-character burst into the entry line: the line keeps 100, says at once how long the
/// line was, and Enter logs nothing and says it again; Ctrl-U clears it all.
#[test]
fn an_overlong_set_line_is_refused_in_words_and_logs_nothing() {
    let mut s = in_session();
    update(&mut s, Action::Edit(TextEdit::Clear), t(2));
    for i in 0..2048 {
        let c = if i % 10 == 9 { 'x' } else { '1' };
        update(&mut s, Action::Edit(TextEdit::Insert(c)), t(2));
    }
    assert_eq!(entry(&s).chars().count(), 100);
    let message = "that line is 2,048 characters — a set is written like 100x5";
    assert_eq!(entry_error(&s).as_deref(), Some(message), "said at once");
    assert_eq!(
        cmd(&mut s, Command::Submit, 3),
        Vec::new(),
        "nothing logged"
    );
    assert_eq!(entry_error(&s).as_deref(), Some(message));
    update(&mut s, Action::Edit(TextEdit::Clear), t(4));
    assert_eq!((entry(&s), entry_error(&s)), ("", None));
    type_text(&mut s, "100x5");
    assert!(matches!(
        cmd(&mut s, Command::Submit, 5).as_slice(),
        [Effect::Store(StoreRequest::Session(
            SessionRequest::LogSets { .. }
        ))]
    ));
}

/// A right-to-left override, an escape or a tab typed or pasted into a line never reaches it.
#[test]
fn control_and_bidi_characters_never_reach_a_line() {
    let mut s = in_session();
    type_text(&mut s, "w 60\u{202E}x5\u{1b}[2J\t\u{2066}");
    assert_eq!(entry(&s), "w 60x5[2J");
    update(&mut s, Action::Edit(TextEdit::Clear), t(2));
    assert_eq!(entry(&s), "");
}

/// Notes past the 1,000 characters a field holds: the form says so and will not save a cut
/// copy; once the lifter edits, it saves what the field holds.
#[test]
fn a_field_that_refused_characters_does_not_save_until_edited() {
    let mut s = in_session();
    cmd(&mut s, Command::Notes, 2);
    for _ in 0..1_005 {
        update(&mut s, Action::Edit(TextEdit::Insert('a')), t(2));
    }
    assert_eq!(cmd(&mut s, Command::Submit, 3), Vec::new());
    let Some(Modal::Form(Dialog::SlotNotes { form, .. })) = &s.modal else {
        panic!("{:?}", s.modal)
    };
    assert_eq!(
        form.fields[0].error.as_deref(),
        Some("5 characters past the limit were not added: this field holds 1,000 characters")
    );
    update(&mut s, Action::Edit(TextEdit::Backspace), t(4));
    let effects = cmd(&mut s, Command::Submit, 4);
    let [Effect::Store(StoreRequest::Session(SessionRequest::SetSlotNotes { notes, .. }))] =
        effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(notes.chars().count(), 999);
}

/// The picker's query holds an exercise name at most (60 characters); past that it says so and
/// Enter does nothing rather than add or create from a cut query.
#[test]
fn the_picker_query_holds_an_exercise_name_at_most() {
    let mut s = in_session();
    cmd(&mut s, Command::AddExercise, 2);
    for _ in 0..70 {
        update(&mut s, Action::Edit(TextEdit::Insert('q')), t(2));
    }
    let Some(Modal::Picker(picker)) = &s.modal else {
        panic!("{:?}", s.modal)
    };
    assert_eq!(picker.query.text().chars().count(), 60);
    assert_eq!(picker.query.refused(), 10);
    assert_eq!(cmd(&mut s, Command::Submit, 3), Vec::new());
    assert!(matches!(s.modal, Some(Modal::Picker(_))));
}

/// Heart-rate values outside 20–250 bpm sent with skin contact are dropped and counted; a
/// strap without contact sending 0 is not counted (it says why already).
#[test]
fn out_of_range_heart_rate_values_are_counted() {
    use ironpulse::core::heart::hrm::Contact;
    use ironpulse::hr::HrEvent;
    let mut s = in_session();
    for (at, contact) in [
        (1, Contact::Detected),
        (2, Contact::NotDetected),
        (3, Contact::NotSupported),
    ] {
        let event = HrEvent::Sample {
            at: std::time::Duration::from_secs(at),
            bpm: None,
            rr_ms: vec![],
            contact,
            energy_kj: None,
        };
        update(&mut s, Action::Hr(event), t(at as i64));
    }
    assert_eq!(s.heart.live.out_of_range(), 2);
}

/// Counts agree with their noun in what the app asks.
#[test]
fn a_session_of_one_set_is_one_set() {
    let mut s = state(startup());
    cmd(&mut s, Command::History, 0);
    let mut past = empty_session();
    past.status = SessionStatus::Finished;
    let mut squat = slot(11, 1, "Back Squat");
    squat.sets.push(LoggedSet {
        id: SetId(5),
        spec: spec(100.0, 5, None),
        completed_at: t(1),
    });
    past.slots.push(squat);
    reply(
        &mut s,
        HistoryReply::Page {
            offset: 0,
            sessions: vec![past.summary()],
            total: 1,
        },
        1,
    );
    cmd(&mut s, Command::Delete, 2);
    let Some(Modal::Confirm(confirm)) = &s.modal else {
        panic!("{:?}", s.modal)
    };
    assert!(
        confirm.message.contains("with 1 set?"),
        "{}",
        confirm.message
    );
}

/// The straps screen with nothing to act on says so: `f` with no strap remembered, Enter while
/// it scans and with no strap in the list; and its "Now" line never sends the lifter to the
/// screen they are on (the start's hint says "press d on the dashboard").
#[test]
fn the_straps_screen_answers_every_key_and_never_points_to_itself() {
    let mut s = state(startup());
    s.heart.hint = Some("no strap: press d on the dashboard, or try --hr sim".into());
    cmd(&mut s, Command::Devices, 0);
    assert_eq!(cmd(&mut s, Command::Submit, 1), vec![]);
    assert!(status(&s).starts_with("Still scanning"), "{}", status(&s));
    update(&mut s, Action::Straps(Ok(Vec::new())), t(5));
    assert_eq!(cmd(&mut s, Command::Submit, 6), vec![]);
    assert_eq!(
        status(&s),
        "No strap listed: wear it (wet the electrodes), then press r to scan again."
    );
    update(
        &mut s,
        Action::Straps(Err("Bluetooth unavailable".into())),
        t(6),
    );
    cmd(&mut s, Command::Submit, 6);
    assert_eq!(
        status(&s),
        "No strap listed: the scan failed (see above); press r to scan again."
    );
    assert_eq!(cmd(&mut s, Command::Forget, 7), vec![]);
    assert_eq!(status(&s), "No strap is remembered.");
    let screen = screen_text(&s, 80, 24);
    let now = screen
        .lines()
        .find(|l| l.contains("Now:"))
        .unwrap_or_default()
        .to_string();
    assert!(now.contains("Now: no strap connected"), "{screen}");
    assert!(!now.contains("press d"), "{screen}");

    // Forgetting a remembered strap: the hint left behind points nowhere either.
    s.strap = Some("A0:00:00:00:00:02".into());
    assert_eq!(
        cmd(&mut s, Command::Forget, 8),
        vec![
            Effect::Store(StoreRequest::Devices(DevicesRequest::RememberStrap(None))),
            Effect::UseStrap(None)
        ]
    );
    let screen = screen_text(&s, 80, 24);
    assert!(!screen.contains("dashboard"), "{screen}");
    assert!(screen.contains("Now: no strap connected"), "{screen}");
}

/// A message belongs to the screen it was said on: leaving that screen drops it, so "\"4 w\" is
/// the shortest range." does not follow the lifter to the dashboard or the straps screen.
#[test]
fn a_message_does_not_follow_the_lifter_to_another_screen() {
    let mut s = state(startup());
    cmd(&mut s, Command::TrainingLoad, 0);
    for _ in 0..6 {
        cmd(&mut s, Command::RangePrev, 1);
    }
    assert_eq!(status(&s), "\"4 w\" is the shortest range.");
    // Keys that stay on the screen keep it.
    cmd(&mut s, Command::NextPanel, 2);
    assert_eq!(status(&s), "\"4 w\" is the shortest range.");
    cmd(&mut s, Command::Back, 3);
    assert!(matches!(s.screen, Screen::Dashboard));
    assert_eq!(s.status, None);
    cmd(&mut s, Command::Devices, 4);
    assert_eq!(s.status, None);
}

/// First run: an error said about a weight in kg is said again in lb once the unit switches
/// (not left reading "type a number in kg"), and each heart-rate field's example is one that
/// fits it (a max HR of "e.g. 60" would mislead).
#[test]
fn profile_errors_follow_the_unit_and_give_fitting_examples() {
    let mut s = state(Startup::default());
    let Screen::Onboarding(form) = &mut s.screen else {
        panic!("{:?}", s.screen)
    };
    for (field, text) in [
        (ProfileField::Body, "80"),
        (ProfileField::Born, "1990"),
        (ProfileField::HrMax, "fast"),
        (ProfileField::HrRest, "55"),
        (ProfileField::Bar, "heavy"),
    ] {
        form.field_mut(field).unwrap().input.set(text);
    }
    form.focus = form.fields.len() - 1;
    assert_eq!(cmd(&mut s, Command::Submit, 1), vec![]);
    let error = |s: &ironpulse::app::state::State, label: &str| {
        let Screen::Onboarding(form) = &s.screen else {
            panic!("{:?}", s.screen)
        };
        form.fields
            .iter()
            .find(|f| f.label() == label)
            .and_then(|f| f.error.clone())
    };
    assert_eq!(
        error(&s, "Bar weight").as_deref(),
        Some("type a number in kg, e.g. 80")
    );
    assert_eq!(
        error(&s, "Max HR").as_deref(),
        Some("type beats per minute, e.g. 185")
    );
    if let Screen::Onboarding(form) = &mut s.screen {
        form.focus = 0;
    }
    update(&mut s, Action::Edit(TextEdit::Right), t(2));
    let Screen::Onboarding(form) = &s.screen else {
        panic!()
    };
    assert_eq!(form.value(ProfileField::Units), "lb");
    assert_eq!(form.value(ProfileField::Body), "176.37");
    assert_eq!(
        error(&s, "Bar weight").as_deref(),
        Some("type a number in lb, e.g. 80")
    );
}

#[test]
fn a_read_only_session_can_be_looked_at_and_every_change_is_refused_at_the_key() {
    let read_only = || {
        Some(ironpulse::store::ReadOnly::File(
            "/data/ironpulse.db".into(),
        ))
    };
    // With a session left running: no question to resume or finish it (neither could be saved).
    let mut active = left_open_for_days();
    active.started_at = t(-600);
    let mut s = state(Startup {
        active: Some(active),
        read_only: read_only(),
        ..startup()
    });
    assert_eq!(s.modal, None);
    assert_eq!(cmd(&mut s, Command::StartSession, 1), vec![]);
    assert!(
        matches!(s.screen, Screen::Session(_)),
        "it opens to be read"
    );
    for key in [
        Command::Submit,
        Command::DeleteLastSet,
        Command::Notes,
        Command::Finish,
        Command::AddExercise,
    ] {
        assert_eq!(cmd(&mut s, key, 2), vec![], "{key:?}");
        assert_eq!(s.modal, None, "{key:?} opens nothing");
        assert!(
            matches!(s.screen, Screen::Session(_)),
            "{key:?} stays on the session"
        );
        assert_eq!(
            status(&s),
            "Read-only database: this session cannot be changed — the file is read-only."
        );
    }
    // Without one, none can be started.
    let mut s = state(Startup {
        read_only: read_only(),
        ..startup()
    });
    assert_eq!(cmd(&mut s, Command::StartSession, 1), vec![]);
    assert_eq!(
        status(&s),
        "Read-only database: no session can be started — the file is read-only."
    );
}

#[test]
fn the_history_wide_reads_wait_for_the_first_frame() {
    let mut s = state(startup());
    assert_eq!(s.insights, None, "not read before the first frame");
    assert_eq!(
        update(&mut s, Action::Started, t(0)),
        vec![
            Effect::Store(StoreRequest::Deload(DeloadRequest::Check {
                today: t(0).date_naive()
            })),
            Effect::Store(StoreRequest::Review(ReviewRequest::Insights {
                today: t(0).date_naive()
            })),
        ]
    );
    reply(&mut s, ReviewReply::Insights(vec![]), 1);
    assert!(screen_text(&s, 80, 24).contains("No warnings — keep training."));
}

/// The dashboard's insights quote weights in the lifter's unit and read every stored e1RM: a
/// saved profile (a unit switch) or a pinned formula reads them again, with the deload check.
#[test]
fn a_saved_profile_or_pinned_formula_reads_the_insights_and_deload_check_again() {
    use ironpulse::core::strength::e1rm::Formula;
    let mut s = state(startup());
    let lb = ironpulse::core::profile::Profile {
        unit: ironpulse::core::units::Unit::Lb,
        ..profile()
    };
    let again = [
        Effect::Store(
            DeloadRequest::Check {
                today: t(2).date_naive(),
            }
            .into(),
        ),
        Effect::Store(
            ReviewRequest::Insights {
                today: t(2).date_naive(),
            }
            .into(),
        ),
    ];
    let effects = reply(&mut s, SettingsReply::ProfileSaved(lb), 2);
    assert_eq!(effects, again, "after a saved profile");
    let effects = reply(
        &mut s,
        SettingsReply::FormulaPinned(Some(Formula::Epley)),
        2,
    );
    assert_eq!(effects, again, "after a pinned formula");
}

/// Deleting the set that made a record takes its banner away, and the lift's coaching reads its
/// history again, so the next set is judged against what is stored.
#[test]
fn a_deleted_record_set_takes_its_banner_away_and_the_lift_is_coached_again() {
    let mut s = in_session();
    let set = LoggedSet {
        id: SetId(1),
        spec: spec(110.0, 5, Some(9.0)),
        completed_at: t(5),
    };
    reply(
        &mut s,
        SessionReply::SetsLogged {
            slot: SlotId(11),
            sets: vec![set],
        },
        5,
    );
    let Screen::Session(screen) = &s.screen else {
        panic!()
    };
    assert!(screen.records.is_some(), "110 × 5 beats 100 × 5");
    // The store answers the delete with the session as it is now: the slot without the set.
    let mut after = s.session.clone().unwrap();
    after.slots[0].sets.clear();
    let effects = reply(&mut s, SessionReply::Changed(after.clone()), 6);
    let Screen::Session(screen) = &s.screen else {
        panic!()
    };
    assert_eq!(screen.records, None, "the record is gone with its set");
    assert_eq!(
        effects,
        vec![Effect::Store(StoreRequest::Exercise(
            ExerciseRequest::Recoach {
                exercises: vec![ExerciseId(1)]
            }
        ))]
    );
    // Moving or noting a slot changes no set: nothing is read again.
    let effects = reply(&mut s, SessionReply::Changed(after), 7);
    assert_eq!(effects, Vec::new());
}

/// Leaving a superset of two leaves no exercise in a superset of one (it used to stay marked,
/// alone, in the list and in the database).
#[test]
fn leaving_a_superset_of_two_leaves_no_superset_of_one() {
    let mut s = in_session();
    reply(
        &mut s,
        SessionReply::SlotAdded {
            slot: slot(12, 2, "Barbell Curl"),
            history: vec![],
            rule: None,
        },
        2,
    );
    let mut grouped = s.session.clone().unwrap();
    for slot in &mut grouped.slots {
        slot.superset = Some(1);
    }
    reply(&mut s, SessionReply::Changed(grouped), 3);
    let leave = |slot| {
        Effect::Store(StoreRequest::Session(SessionRequest::SetSuperset {
            session: SessionId(7),
            slot: SlotId(slot),
            group: None,
        }))
    };
    assert_eq!(
        cmd(&mut s, Command::Superset, 4),
        vec![leave(11), leave(12)]
    );
}

/// `+2.5x5` typed after the warm-ups adds to the working weight (last time's 100 kg), not to
/// the last warm-up; `w +10x2` still ramps from the warm-up.
#[test]
fn a_relative_working_set_after_warm_ups_builds_on_the_working_weight() {
    use ironpulse::core::workout::set::SetKind;
    let mut s = in_session(); // last time: 100 × 5 @ 8
    let warm_up = SetSpec {
        kind: SetKind::Warmup,
        ..spec(60.0, 5, None)
    };
    logged(&mut s, 11, 1, warm_up, 5);
    let logged = |s: &mut ironpulse::app::state::State, line: &str, at| {
        let Screen::Session(screen) = &mut s.screen else {
            panic!()
        };
        screen.entry = ironpulse::app::text_input::TextInput::new(line);
        match cmd(s, Command::Submit, at).as_slice() {
            [Effect::Store(StoreRequest::Session(SessionRequest::LogSets { sets, .. }))] => {
                sets[0].load
            }
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(logged(&mut s, "+2.5x5", 6), spec(102.5, 5, None).load);
    let Screen::Session(screen) = &mut s.screen else {
        panic!()
    };
    screen.saving = false;
    assert_eq!(logged(&mut s, "w +10x2", 7), spec(70.0, 2, None).load);
}
