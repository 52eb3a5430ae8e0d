//! Every screen drawn into a test buffer at 80×24 and 120×40 and compared with its snapshot.

#[path = "support/demo_db.rs"]
mod demo_db;
#[path = "support/fixtures.rs"]
mod fixtures;

use fixtures::*;
use ironpulse::app::action::Action;
use ironpulse::app::keymap::Command;
use ironpulse::app::state::{Startup, State};
use ironpulse::app::store_worker::{HistoryReply, ReviewReply, SessionReply};
use ironpulse::app::update::update;
use ironpulse::core::units::{Seconds, Weight};
use ironpulse::core::workout::session::{LoggedSet, SessionStatus, SetId, SlotId};
use ironpulse::core::workout::set::{Load, SetKind, SetSpec};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn draw(state: &State, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| ironpulse::ui::render(frame, state))
        .unwrap();
    terminal.backend().to_string()
}

/// Snapshots `state` at both sizes the layout is designed for.
fn snap(name: &str, state: &State) {
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), draw(state, w, h));
    }
}

fn logged(id: i64, spec: SetSpec, at: i64) -> LoggedSet {
    LoggedSet {
        id: SetId(id),
        spec,
        completed_at: t(at),
    }
}

/// A session with warm-ups, working sets, a bodyweight superset partner and a rest running.
fn busy_session() -> State {
    let mut s = in_session();
    let warmup = SetSpec {
        kind: SetKind::Warmup,
        ..spec(60.0, 5, None)
    };
    let sets = vec![
        logged(1, warmup, 60),
        logged(2, spec(100.0, 5, Some(8.0)), 300),
        logged(3, spec(100.0, 5, Some(8.5)), 500),
        logged(
            4,
            SetSpec {
                kind: SetKind::Amrap,
                ..spec(90.0, 9, Some(10.0))
            },
            700,
        ),
    ];
    reply(
        &mut s,
        SessionReply::SetsLogged {
            slot: SlotId(11),
            sets,
        },
        700,
    );
    reply(
        &mut s,
        SessionReply::SlotAdded {
            slot: slot(12, 3, "Dip"),
            history: past(spec(30.0, 12, None)),
            rule: None,
        },
        710,
    );
    let dips = SetSpec {
        load: Load::Bodyweight {
            added: Weight::from_kg(20.0).unwrap(),
            assisted: false,
        },
        ..spec(0.0, 8, Some(9.0))
    };
    reply(
        &mut s,
        SessionReply::SetsLogged {
            slot: SlotId(12),
            sets: vec![logged(5, dips, 760)],
        },
        760,
    );
    update(&mut s, Action::Tick, t(800));
    s
}

#[test]
fn onboarding() {
    let mut s = state(Startup::default());
    snap("onboarding", &s);
    for _ in 0..9 {
        cmd(&mut s, Command::Submit, 0);
    }
    type_text(&mut s, "20, ten");
    cmd(&mut s, Command::Submit, 0);
    snap("onboarding_errors", &s);
}

#[test]
fn dashboard() {
    snap("dashboard_empty", &state(startup()));
    let mut finished = empty_session();
    finished.status = SessionStatus::Finished;
    finished.ended_at = Some(t(4200));
    finished.rpe = Some(8);
    let mut squat = slot(11, 1, "Back Squat");
    squat.sets = (1..=5)
        .map(|i| logged(i, spec(100.0, 5, Some(8.0)), i * 600))
        .collect();
    finished.slots.push(squat);
    let mut s = state(Startup {
        recent_sessions: vec![finished.summary()],
        ..startup()
    });
    snap("dashboard_recent", &s);
    cmd(&mut s, Command::Help, 0);
    snap("help", &s);
}

#[test]
fn resume_offer() {
    let mut active = empty_session();
    let mut squat = slot(11, 1, "Back Squat");
    squat.sets = (1..=3)
        .map(|i| logged(i, spec(100.0, 5, None), i * 60))
        .collect();
    active.slots.push(squat);
    let mut s = state(Startup {
        active: Some(active),
        ..startup()
    });
    snap("resume_offer", &s);
    cmd(&mut s, Command::No, 10);
    snap("dashboard_session_running", &s);
}

#[test]
fn session() {
    let mut s = busy_session();
    snap("session", &s);
    type_text(&mut s, "100x8@11");
    cmd(&mut s, Command::Submit, 801);
    snap("session_bad_input", &s);
    update(&mut s, Action::Tick, t(2000));
    snap("session_rest_over", &s);
}

#[test]
fn session_timed_and_assisted_sets() {
    let mut s = in_session();
    let plank = SetSpec {
        load: Load::None,
        reps: None,
        duration: Some(Seconds::try_from(45).unwrap()),
        ..SetSpec::default()
    };
    let assisted = SetSpec {
        load: Load::Bodyweight {
            added: Weight::from_kg(25.0).unwrap(),
            assisted: true,
        },
        ..spec(0.0, 6, None)
    };
    reply(
        &mut s,
        SessionReply::SetsLogged {
            slot: SlotId(11),
            sets: vec![logged(1, plank, 10), logged(2, assisted, 20)],
        },
        20,
    );
    snap("session_timed_assisted", &s);
}

#[test]
fn picker() {
    let mut s = busy_session();
    cmd(&mut s, Command::AddExercise, 801);
    type_text(&mut s, "cu");
    snap("picker", &s);
}

#[test]
fn finish_and_summary() {
    let mut s = busy_session();
    cmd(&mut s, Command::Finish, 900);
    type_text(&mut s, "12");
    cmd(&mut s, Command::Submit, 900);
    cmd(&mut s, Command::Submit, 900);
    snap("finish", &s);
    let mut finished = s.session.clone().unwrap();
    finished.status = SessionStatus::Finished;
    finished.ended_at = Some(t(4000));
    finished.rpe = Some(8);
    finished.notes = "Squats moved fast today.".into();
    // The store hands back the finished session with the body weight it was finished at.
    finished.body_weight = Some(ironpulse::core::units::Weight::from_kg(80.0).unwrap());
    reply(&mut s, SessionReply::Finished(finished, None), 4000);
    snap("summary", &s);
}

#[test]
fn history() {
    let mut s = busy_session();
    let mut past = s.session.clone().unwrap();
    past.status = SessionStatus::Finished;
    past.ended_at = Some(t(4000));
    cmd(&mut s, Command::Back, 900);
    cmd(&mut s, Command::History, 900);
    reply(
        &mut s,
        HistoryReply::Page {
            offset: 0,
            sessions: vec![past.summary()],
            total: 1,
        },
        900,
    );
    snap("history", &s);
    cmd(&mut s, Command::Submit, 901);
    reply(&mut s, HistoryReply::Detail(without_hr(past)), 901);
    cmd(&mut s, Command::Down, 902);
    snap("history_detail", &s);
    cmd(&mut s, Command::EditSet, 903);
    type_text(&mut s, "100x");
    cmd(&mut s, Command::Submit, 904);
    snap("history_edit", &s);
}

#[test]
fn settings() {
    let mut s = state(startup());
    cmd(&mut s, Command::Settings, 0);
    snap("settings", &s);
}

#[test]
fn too_small() {
    insta::assert_snapshot!("too_small_60x20", draw(&busy_session(), 60, 20));
}

#[test]
fn session_coaching() {
    // Added Back Squat: today's recommendation above the table, the plates under the line.
    let mut s = in_session();
    snap("session_recommendation", &s);
    let record = logged(1, spec(110.0, 5, Some(9.0)), 60);
    reply(
        &mut s,
        SessionReply::SetsLogged {
            slot: SlotId(11),
            sets: vec![record],
        },
        60,
    );
    snap("session_record", &s);
}

/// `s` connected to a chest strap at 80 % battery, then three minutes of heart rate: two at rest
/// climbing into a set, a 20 s drop-out, then recovery.
fn with_heart_rate(mut s: State) -> State {
    use ironpulse::core::heart::hrm::Contact;
    use ironpulse::core::units::Bpm;
    use ironpulse::hr::HrEvent;
    use std::time::Duration;

    update(
        &mut s,
        Action::Hr(HrEvent::Connected {
            name: "Polar H10 A1B2C3".into(),
            address: None,
        }),
        t(200),
    );
    update(&mut s, Action::Hr(HrEvent::Battery(80)), t(200));
    update(&mut s, Action::Hr(HrEvent::SensorLocation("chest")), t(200));
    for i in 0..180u32 {
        if (120..140).contains(&i) {
            continue;
        }
        let bpm = if i < 60 {
            95 + i / 3
        } else if i < 120 {
            115 + (i - 60)
        } else {
            170 - (i - 140) / 2
        };
        let event = HrEvent::Sample {
            at: Duration::from_secs(u64::from(i)),
            bpm: Bpm::try_from(bpm).ok(),
            rr_ms: vec![60_000.0 / f64::from(bpm)],
            contact: Contact::Detected,
            energy_kj: None,
        };
        update(&mut s, Action::Hr(event), t(200 + i64::from(i)));
    }
    s
}

#[test]
fn heart_rate_panel() {
    snap("session_heart_rate", &with_heart_rate(busy_session()));
}

/// The squat's four sets with their heart rate (start→peak, the change 60 s after; one set
/// without a recovery yet), the strap on: every column whole at 80×24 (no panel), at 120×40 and
/// 140×40 beside the heart-rate panel.
#[test]
fn per_set_heart_rate_columns_read_whole_at_every_width() {
    use ironpulse::core::heart::set_hr::SetHr;
    use ironpulse::core::units::Bpm;
    let mut s = with_heart_rate(busy_session());
    let bpm = |b: u32| Some(Bpm::try_from(b).unwrap());
    for (id, start, peak, fall) in [
        (1, 96, 118, Some(12)),
        (2, 104, 158, Some(34)),
        (3, 112, 163, Some(29)),
        (4, 118, 171, None),
        (5, 121, 152, Some(-3)),
    ] {
        s.heart.live.log_mut().know_set(
            SetId(id),
            SetHr {
                start: bpm(start),
                end: bpm(peak - 2),
                peak: bpm(peak),
                recovery_30: fall.map(|f| f / 2),
                recovery_60: fall,
            },
        );
    }
    cmd(&mut s, Command::Up, 800);
    for (w, h) in [(80, 24), (120, 40), (140, 40)] {
        let screen = draw(&s, w, h);
        for whole in [
            "type",
            "load",
            "reps",
            "RPE",
            "done",
            "HR",
            "60 s",
            "warmup",
            "amrap",
            "60 kg",
            "96→118",
            "104→158",
            "−34",
            "112→163",
            "−29",
            "118→171",
            "90 kg",
        ] {
            assert!(screen.contains(whole), "{whole:?} at {w}×{h}:\n{screen}");
        }
        insta::assert_snapshot!(format!("session_set_heart_rate_{w}x{h}"), screen);
    }
}

/// Friel's running zones on an LTHR of 160: seven bands Z1 … Z5c; the last sample (151 bpm,
/// 94 % of LTHR) is Z3 "Tempo".
#[test]
fn heart_rate_panel_friel_zones() {
    use ironpulse::core::profile::ZoneKind;
    use ironpulse::core::units::Bpm;

    let mut s = busy_session();
    if let Some(p) = s.profile.as_mut() {
        p.lthr = Some(Bpm::try_from(160).unwrap());
        p.zones = ZoneKind::FrielRun;
    }
    let s = with_heart_rate(s);
    let screen = draw(&s, 120, 40);
    for label in ["Z1", "Z2", "Z3", "Z4", "Z5a", "Z5b", "Z5c"] {
        assert!(
            screen.contains(&format!("│{label:<4}")),
            "zone bar {label} missing:\n{screen}"
        );
    }
    assert!(!screen.contains("│Z0 "), "Friel has no zone 0:\n{screen}");
    snap("session_heart_rate_friel", &s);
}

#[test]
fn devices() {
    use ironpulse::hr::Strap;
    let mut s = state(startup());
    cmd(&mut s, Command::Devices, 0);
    snap("devices_scanning", &s);
    let found = vec![
        Strap {
            name: "Polar H10 A1B2C3D4".into(),
            address: "A0:9E:1A:00:00:01".into(),
            rssi: Some(-58),
        },
        Strap {
            name: "TICKR 4F2A".into(),
            address: "C4:00:00:00:00:02".into(),
            rssi: None,
        },
    ];
    update(&mut s, Action::Straps(Ok(found)), t(5));
    // Connected to the first: where it is worn and its battery show under the list.
    for event in [
        ironpulse::hr::HrEvent::Connected {
            name: "Polar H10 A1B2C3D4".into(),
            address: Some("A0:9E:1A:00:00:01".into()),
        },
        ironpulse::hr::HrEvent::Battery(80),
        ironpulse::hr::HrEvent::SensorLocation("chest"),
    ] {
        update(&mut s, Action::Hr(event), t(6));
    }
    snap("devices", &s);
}

#[test]
fn dashboard_with_a_deload_recommendation() {
    use ironpulse::core::strength::deload::{DeloadAdvice, PLAN, Signal, SignalKind, Urgency};
    let advice = DeloadAdvice {
        signals: vec![
            Signal {
                kind: SignalKind::HighRpe,
                message:
                    "Mean working-set RPE 9.2 and 9.4 in the last 2 weeks (9 or more for 2+ weeks)."
                        .into(),
            },
            Signal {
                kind: SignalKind::WeeksSinceDeload,
                message: "7 weeks since the last deload (every 5).".into(),
            },
        ],
        urgency: Urgency::Medium,
        plan: Some(PLAN),
        summary: "2 of 4 signals: cut volume by 40 % for 7 days.".into(),
    };
    let s = state(Startup {
        deload: Some(advice),
        ..startup()
    });
    snap("dashboard_deload", &s);
}

/// A recorded deload covers today (it began two days ago): the dashboard counts its days and
/// offers to end it, instead of listing the signals.
#[test]
fn dashboard_during_a_deload_week() {
    use ironpulse::core::strength::deload::{
        DeloadAdvice, DeloadId, DeloadWeek, PLAN, Signal, SignalKind, Urgency,
    };
    let start = t(-2 * 86_400).date_naive();
    let s = state(Startup {
        deload: Some(DeloadAdvice {
            signals: vec![
                Signal {
                    kind: SignalKind::WeeksSinceDeload,
                    message: "6 weeks since your last deload (the guide is every 5).".into(),
                },
                Signal {
                    kind: SignalKind::HighRpe,
                    message:
                        "Mean working-set RPE has been 9 or higher for 2 weeks in a row (9.2, 9.4)."
                            .into(),
                },
            ],
            urgency: Urgency::Medium,
            plan: Some(PLAN),
            summary: "2 deload signals: a lighter week would help — cut volume by 40 % for 7 days."
                .into(),
        }),
        deload_week: Some(DeloadWeek {
            id: DeloadId(1),
            start,
            end: None,
            note: String::new(),
        }),
        ..startup()
    });
    let screen = draw(&s, 80, 24);
    assert!(
        screen.contains("Deload week: day 3 of 7, until Fri 25 Sep"),
        "{screen}"
    );
    assert!(!screen.contains("weeks since your last deload"), "{screen}");
    snap("dashboard_deload_week", &s);
}

/// The demo lifter on the demo's last day, in `unit`, on the dashboard.
fn demo_state(unit: ironpulse::core::units::Unit) -> State {
    let (exercises, profile) = demo_db::with_demo(|store| {
        (
            store.exercises().unwrap(),
            store.profile().unwrap().unwrap(),
        )
    });
    let profile = ironpulse::core::profile::Profile { unit, ..profile };
    let mut s = State::new(
        Startup {
            profile: Some(profile),
            exercises,
            ..Startup::default()
        },
        ironpulse::app::state::Settings::default(),
        ironpulse::app::keymap::Keymap::default(),
        demo_db::demo_today(),
        chrono::FixedOffset::east_opt(0).unwrap(),
    );
    s.status = None;
    s
}

/// Presses `command`, then runs every store request it leads to on the demo database through the
/// worker, as the app does, and feeds the replies back.
fn demo_cmd(state: &mut State, command: Command) {
    use ironpulse::app::effect::Effect;
    let now = demo_db::demo_today();
    let mut queue: std::collections::VecDeque<Effect> =
        update(state, Action::Command(command), now).into();
    while let Some(effect) = queue.pop_front() {
        if let Effect::Store(request) = effect {
            let reply =
                demo_db::with_demo(|store| ironpulse::app::store_worker::answer(store, request));
            queue.extend(update(state, Action::Stored(reply), now));
        }
    }
}

#[test]
fn progression_on_the_demo() {
    use ironpulse::core::units::Unit;
    let mut s = demo_state(Unit::Kg);
    demo_cmd(&mut s, Command::Progress);
    let screen = draw(&s, 80, 24);
    assert!(
        screen.contains("e1RM (kg)") && screen.contains("12 w"),
        "{screen}"
    );
    snap("progress", &s);
    // The next lift over a year, in pounds: the same history, the labels follow the unit.
    let mut s = demo_state(Unit::Lb);
    demo_cmd(&mut s, Command::Progress);
    demo_cmd(&mut s, Command::NextLift);
    demo_cmd(&mut s, Command::RangeNext);
    demo_cmd(&mut s, Command::RangeNext);
    let screen = draw(&s, 120, 40);
    assert!(
        screen.contains("e1RM (lb)") && screen.contains("[1 y]"),
        "{screen}"
    );
    assert!(screen.contains("Volume / week (lb × reps)"), "{screen}");
    snap("progress_lb_1y", &s);
    // The picker lists the lifts trained first.
    demo_cmd(&mut s, Command::PickExercise);
    snap("progress_picker", &s);
}

#[test]
fn progression_empty_and_single_session() {
    use ironpulse::core::strength::history::{PerformanceSummary, TopSet};
    use ironpulse::core::units::Reps;
    use ironpulse::core::workout::session::SessionId;
    use ironpulse::read::ProgressRows;
    let mut s = state(startup());
    cmd(&mut s, Command::Progress, 0);
    reply(
        &mut s,
        ReviewReply::Progress(Box::new(ProgressRows {
            lifts: Some(Vec::new()),
            muscles: Some(Vec::new()),
            ..ProgressRows::default()
        })),
        0,
    );
    snap("progress_nothing_yet", &s);
    // One squat session two days ago: its numbers, and no trend yet.
    let one = PerformanceSummary {
        session: SessionId(1),
        date: t(-2 * 86_400).date_naive(),
        sets: 3,
        top_set: Some(TopSet {
            weight: Weight::from_kg(100.0).unwrap(),
            reps: Reps::try_from(5).unwrap(),
        }),
        e1rm: Some(Weight::from_kg(112.5).unwrap()),
        volume_kg: 1500.0,
        mean_rpe: Some(8.0),
        reader: ironpulse::core::strength::e1rm::Reader::default(),
    };
    reply(
        &mut s,
        ReviewReply::Progress(Box::new(ProgressRows {
            exercise: Some(ironpulse::core::workout::exercise::ExerciseId(1)),
            history: vec![one],
            lifts: Some(vec![ironpulse::core::workout::exercise::ExerciseId(1)]),
            muscles: None,
            deloads: None,
        })),
        0,
    );
    let screen = draw(&s, 80, 24);
    assert!(
        screen.contains("not enough sessions for a trend") && screen.contains("100×5"),
        "{screen}"
    );
    snap("progress_one_session", &s);
}

#[test]
fn years_of_weeks_are_drawn_as_the_best_of_each_few_and_deloads_are_marked() {
    use ironpulse::core::strength::deload::{DeloadId, DeloadWeek};
    use ironpulse::core::strength::history::PerformanceSummary;
    use ironpulse::core::workout::session::SessionId;
    use ironpulse::read::ProgressRows;
    // A squat session every week for four years, 100 → 140 kg, and a recorded deload week
    // three weeks ago at 60 kg.
    let weeks = 208;
    let history: Vec<PerformanceSummary> = (0..weeks)
        .map(|w| {
            let deload = w == weeks - 3;
            let e1rm = if deload {
                60.0
            } else {
                100.0 + 40.0 * f64::from(w) / f64::from(weeks)
            };
            PerformanceSummary {
                session: SessionId(i64::from(w) + 1),
                date: t(-i64::from(weeks - w) * 7 * 86_400).date_naive(),
                sets: 3,
                top_set: None,
                e1rm: Some(Weight::from_kg(e1rm).unwrap()),
                volume_kg: 1500.0,
                mean_rpe: None,
                reader: ironpulse::core::strength::e1rm::Reader::default(),
            }
        })
        .collect();
    let start = history[usize::try_from(weeks - 3).unwrap()].date;
    let mut s = state(startup());
    cmd(&mut s, Command::Progress, 0);
    reply(
        &mut s,
        ReviewReply::Progress(Box::new(ProgressRows {
            exercise: Some(ironpulse::core::workout::exercise::ExerciseId(1)),
            history,
            lifts: Some(vec![ironpulse::core::workout::exercise::ExerciseId(1)]),
            muscles: Some(Vec::new()),
            deloads: Some(vec![DeloadWeek {
                id: DeloadId(1),
                start,
                end: None,
                note: String::new(),
            }]),
        })),
        0,
    );
    let screen = draw(&s, 80, 24);
    assert!(
        screen.contains("weekly best") && screen.contains("▾ deload"),
        "{screen}"
    );
    for _ in 0..3 {
        cmd(&mut s, Command::RangeNext, 0);
    }
    let screen = draw(&s, 80, 24);
    assert!(
        screen.contains("[all]") || screen.contains(" all "),
        "{screen}"
    );
    assert!(
        screen.contains("best of ") && !screen.contains("weekly best"),
        "{screen}"
    );
    // The deload's 60 kg is off the axis: it starts near the first year's 100 kg.
    assert!(
        !screen.contains("│60 ") && !screen.contains("│50 "),
        "{screen}"
    );
}

#[test]
fn training_load_on_the_demo() {
    use ironpulse::core::units::Unit;
    let mut s = demo_state(Unit::Kg);
    demo_cmd(&mut s, Command::TrainingLoad);
    let screen = draw(&s, 80, 24);
    assert!(
        screen.contains("[Load & form]") && screen.contains("estimated from session RPE"),
        "{screen}"
    );
    snap("load", &s);
    demo_cmd(&mut s, Command::NextPanel);
    insta::assert_snapshot!("load_weekly_80x24", draw(&s, 80, 24));
    demo_cmd(&mut s, Command::NextPanel);
    insta::assert_snapshot!("load_zones_hrv_80x24", draw(&s, 80, 24));
    demo_cmd(&mut s, Command::RangeNext);
    demo_cmd(&mut s, Command::RangeNext);
    snap("load_1y", &s);
}

#[test]
fn training_load_without_sessions() {
    let mut s = state(startup());
    cmd(&mut s, Command::TrainingLoad, 0);
    // No sessions, no HRV readings.
    reply(&mut s, ReviewReply::TrainingLoad(Box::default()), 0);
    snap("load_empty", &s);
}

/// The app on the small demo database at the end of its year, a moment after it started:
/// everything `Startup::read` reads, and the deload check and insights read after the first frame.
fn demo_startup() -> State {
    use ironpulse::read::{DeloadCheck, Insights, Startup};
    let startup = demo_db::with_demo(|store| {
        let day = demo_db::demo_day();
        let unit = ironpulse::read::unit(store).unwrap();
        Startup {
            deload: Some(DeloadCheck::read(store, unit, day).unwrap().advice),
            insights: Some(Insights::read(store, day).unwrap().0),
            ..Startup::read(store, day).unwrap()
        }
    });
    State::new(
        startup,
        ironpulse::app::state::Settings::default(),
        ironpulse::app::keymap::Keymap::default(),
        demo_db::demo_today(),
        chrono::FixedOffset::east_opt(0).unwrap(),
    )
}

/// The demo's latest session opened from History: the sets with their heart rate and the
/// comparison with last time; both halves at 120×40, the sets first at 80×24 and the heart rate
/// after the view key.
#[test]
fn session_detail_with_heart_rate() {
    let mut s = demo_startup();
    demo_cmd(&mut s, Command::History);
    demo_cmd(&mut s, Command::Submit);
    let small = draw(&s, 80, 24);
    assert!(small.contains("last time "), "{small}");
    assert!(small.contains("Tab: heart rate"), "{small}");
    let large = draw(&s, 120, 40);
    for part in [
        "HR-based hrTSS",
        "TRIMP",
        "RMSSD",
        "karvonen zones",
        "Z2  Endurance",
    ] {
        assert!(large.contains(part), "{part} missing:\n{large}");
    }
    snap("session_detail_hr", &s);
    demo_cmd(&mut s, Command::SwitchView);
    insta::assert_snapshot!("session_detail_hr_view_80x24", draw(&s, 80, 24));
}

/// A session without heart rate, with notes, and a squat done 95×5 three days before.
#[test]
fn session_detail_without_heart_rate() {
    use ironpulse::core::strength::history::{Performance, summarise};
    use ironpulse::core::workout::exercise::ExerciseId;
    use ironpulse::core::workout::session::SessionId;
    use ironpulse::read::SessionDetail;

    let mut s = busy_session();
    let mut past = s.session.clone().unwrap();
    past.status = SessionStatus::Finished;
    past.ended_at = Some(t(4000));
    past.rpe = Some(8);
    past.notes = "Knee felt fine; squats moved fast.".into();
    past.slots[0].notes = "belt from the 2nd set".into();
    let before = summarise(
        &Performance {
            session: SessionId(3),
            started_at: t(-3 * 86_400),
            sets: vec![spec(95.0, 5, Some(8.0)); 3],
        },
        None,
    );
    cmd(&mut s, Command::Back, 900);
    cmd(&mut s, Command::History, 900);
    reply(
        &mut s,
        HistoryReply::Page {
            offset: 0,
            sessions: vec![past.summary()],
            total: 1,
        },
        900,
    );
    cmd(&mut s, Command::Submit, 901);
    let detail = SessionDetail {
        previous: vec![(ExerciseId(1), before)],
        ..*without_hr(past)
    };
    reply(&mut s, HistoryReply::Detail(Box::new(detail)), 901);
    let screen = draw(&s, 80, 24);
    assert!(screen.contains("No heart rate recorded"), "{screen}");
    assert!(!screen.contains("bpm"), "no empty chart:\n{screen}");
    snap("session_detail_no_hr", &s);
    cmd(&mut s, Command::SwitchView, 902);
    insta::assert_snapshot!("session_detail_no_hr_view_80x24", draw(&s, 80, 24));
}

/// The dashboard as the demo lifter opens the app: the deload check and the top insights.
#[test]
fn dashboard_with_insights() {
    let s = demo_startup();
    assert!(
        s.insights.as_ref().is_some_and(|i| !i.is_empty()),
        "the demo year fires some insights"
    );
    snap("dashboard_insights", &s);
}

/// Five insights with the fourth selected: 3 lines at 80×24 (scrolled to it), all at 120×40,
/// each tone with its word, the selected one's rule and suggestion.
#[test]
fn dashboard_with_many_insights() {
    use ironpulse::core::review::insights::{Insight, InsightData, InsightKind, Tone};
    let insight = |kind, tone, title: &str, numbers: &str, suggestion: &str| Insight {
        kind,
        tone,
        title: title.into(),
        rule: format!("the rule behind \"{title}\""),
        numbers: numbers.into(),
        suggestion: suggestion.into(),
        data: InsightData::VolumeSpike {
            last_kg: 0.0,
            previous_kg: 0.0,
            percent: 0.0,
        },
    };
    let mut s = state(Startup {
        insights: Some(vec![
            insight(
                InsightKind::AcwrHigh,
                Tone::Warning,
                "Load rising fast",
                "ACWR 1.62 (acute 80, chronic 49)",
                "Hold this week's load.",
            ),
            insight(
                InsightKind::VolumeSpike,
                Tone::Warning,
                "Volume spike",
                "+42 % week over week (14200 vs 10000 kg)",
                "Keep next week's volume flat.",
            ),
            insight(
                InsightKind::E1rmPlateau,
                Tone::Info,
                "Back Squat: e1RM plateau",
                "+0.2 %/month over 8 weeks, 140 → 140.3 kg",
                "Change one thing: rep range, variation or frequency, for 4–6 weeks.",
            ),
            insight(
                InsightKind::UntrainedMuscles,
                Tone::Info,
                "Not trained for 2+ weeks",
                "hamstrings 19 days, calves 23 days",
                "Add a set or two for these groups this week.",
            ),
            insight(
                InsightKind::PrStreak,
                Tone::Good,
                "PR streak: 4 weeks",
                "Bench Press, Deadlift",
                "Keep doing what you are doing.",
            ),
        ]),
        ..startup()
    });
    for _ in 0..3 {
        cmd(&mut s, Command::Down, 0);
    }
    let screen = draw(&s, 80, 24);
    assert!(screen.contains("Try: Add a set or two"), "{screen}");
    assert!(!screen.contains("Load rising fast"), "scrolled:\n{screen}");
    snap("dashboard_many_insights", &s);
}

/// Five weeks of sessions, the first three weeks with a strap (hrTSS), then session RPE only: the
/// later loads are estimates and are drawn shaded, with the legend saying so.
#[test]
fn training_load_estimated_from_session_rpe() {
    use ironpulse::core::profile::ZoneKind;
    use ironpulse::core::review::{HrTotals, SessionLoad};
    use ironpulse::core::workout::session::SessionId;
    use ironpulse::read::LoadRows;
    let today = t(0).date_naive();
    let sessions: Vec<SessionLoad> = (0..15)
        .map(|i| {
            let date = today - chrono::Days::new(35 - i / 3 * 7 - i % 3 * 2);
            let strap = i < 9;
            SessionLoad {
                session: SessionId(i as i64 + 1),
                date,
                minutes: 60.0,
                rpe: Some(7),
                hr: strap.then_some(HrTotals {
                    hr_tss: Some(60.0 + 5.0 * i as f64),
                    trimp: 80.0,
                    avg_bpm: 120.0,
                    max_bpm: 165,
                    zones: ZoneKind::Karvonen,
                    zone_seconds: [900, 1200, 900, 450, 150, 0, 0],
                }),
                sets: 20,
                volume_kg: 8000.0,
                cardio: false,
                title: String::new(),
            }
        })
        .collect();
    let mut s = state(startup());
    cmd(&mut s, Command::TrainingLoad, 0);
    reply(
        &mut s,
        ReviewReply::TrainingLoad(Box::new(LoadRows {
            sessions,
            ..LoadRows::default()
        })),
        0,
    );
    let screen = draw(&s, 80, 24);
    assert!(
        screen.contains('▒') && screen.contains("loads: 9 measured, 6 estimated"),
        "{screen}"
    );
    snap("load_estimated", &s);
}

/// The demo lifter at 80×24 with a deload recommended (its signals fill the Today box) and the
/// second insight selected: the insight's explanation replaces the list rather than pushing
/// Recent sessions off the screen — three sessions stay listed.
#[test]
fn a_selected_insight_never_pushes_recent_sessions_off_a_small_screen() {
    use ironpulse::core::strength::deload::{DeloadAdvice, PLAN, Signal, SignalKind, Urgency};
    let mut s = demo_startup();
    s.deload = Some(DeloadAdvice {
        signals: vec![
            Signal {
                kind: SignalKind::HighRpe,
                message: "Mean working-set RPE 9.2 and 9.4 in the last 2 weeks.".into(),
            },
            Signal {
                kind: SignalKind::WeeksSinceDeload,
                message: "7 weeks since the last deload (every 5).".into(),
            },
        ],
        urgency: Urgency::Medium,
        plan: Some(PLAN),
        summary: "2 of 4 signals: cut volume by 40 % for 7 days.".into(),
    });
    cmd(&mut s, Command::Down, 0);
    let screen = draw(&s, 80, 24);
    let sessions = screen.lines().filter(|l| l.contains(" 2026 ")).count();
    assert!(screen.contains("Recent sessions"), "{screen}");
    assert_eq!(sessions, 3, "three sessions stay listed:\n{screen}");
    assert!(screen.contains("Insights · 2 of 3"), "{screen}");
    snap("dashboard_insight_selected_deload", &s);
}

/// The progression-rule dialog: rules read as words, and at 120 columns the dialog is wide
/// enough for the whole choice hint; at 80 it wraps instead of cutting it.
#[test]
fn the_rule_dialog_names_rules_in_words_and_never_cuts_its_hint() {
    let mut s = busy_session();
    cmd(&mut s, Command::Rule, 800);
    for _ in 0..2 {
        update(
            &mut s,
            Action::Edit(ironpulse::app::text_input::TextEdit::Right),
            t(800),
        );
    }
    let wide = draw(&s, 120, 40);
    assert!(wide.contains("‹ RPE autoregulation ›"), "{wide}");
    assert!(
        wide.contains("←/→: double progression / linear / RPE autoregulation / RPE target"),
        "{wide}"
    );
    assert!(!wide.contains("rpe_autoregulation"), "{wide}");
    let narrow = draw(&s, 80, 24);
    assert!(
        narrow.contains("linear / RPE autoregulation /") && narrow.contains("      RPE target "),
        "the hint wraps whole:\n{narrow}"
    );
    snap("rule_form", &s);
}

/// Exercise notes longer than their field: the field scrolls with the cursor, the start hidden
/// behind `…`; the saved notes on the session screen are cut at a word, with `…`.
#[test]
fn long_notes_scroll_while_typed_and_are_cut_at_a_word_when_shown() {
    let notes = "belt from the second set, knees out, slow on the way down, pause at the bottom";
    let mut s = busy_session();
    cmd(&mut s, Command::Notes, 800);
    for c in notes.chars() {
        update(
            &mut s,
            Action::Edit(ironpulse::app::text_input::TextEdit::Insert(c)),
            t(800),
        );
    }
    let typing = draw(&s, 80, 24);
    assert!(typing.contains("Notes           …"), "{typing}");
    assert!(typing.contains("pause at the bottom"), "{typing}");
    snap("notes_typing", &s);
    s.modal = None;
    if let Some(session) = s.session.as_mut() {
        session.slots[1].notes = notes.into();
    }
    let shown = draw(&s, 80, 24);
    assert!(
        shown.contains("Notes: belt from the second set, knees out, slow… "),
        "{shown}"
    );
}

/// The help overlay opens on the keys of the screen it was opened on.
#[test]
fn help_opens_at_the_section_of_the_screen() {
    let mut s = busy_session();
    cmd(&mut s, Command::Help, 800);
    let screen = draw(&s, 80, 24);
    let first = screen.lines().nth(2).unwrap_or_default();
    assert!(first.contains("│Session "), "{screen}");
    snap("help_session", &s);
}

/// Heart-rate values out of 20–250 bpm are dropped and counted, with unreadable packets, as
/// "dropped" in the panel.
#[test]
fn dropped_heart_rate_values_are_counted_as_dropped() {
    use ironpulse::core::heart::hrm::Contact;
    use ironpulse::hr::HrEvent;
    let mut s = with_heart_rate(busy_session());
    for (i, packet) in [None, None].into_iter().enumerate() {
        let event = HrEvent::Sample {
            at: std::time::Duration::from_secs(181 + i as u64),
            bpm: packet,
            rr_ms: vec![],
            contact: Contact::Detected,
            energy_kj: None,
        };
        update(&mut s, Action::Hr(event), t(381 + i as i64));
    }
    update(
        &mut s,
        Action::Hr(HrEvent::InvalidPacket {
            reason: "heart-rate packet is empty".into(),
        }),
        t(383),
    );
    let screen = draw(&s, 120, 40);
    assert!(screen.contains("dropped 3"), "{screen}");
    assert!(!screen.contains("invalid"), "{screen}");
}

/// A paste longer than the notes hold, then Enter: the note that characters were left out is
/// said once under the field, not twice (once as the field's note, once as Enter's error).
#[test]
fn characters_left_out_of_a_field_are_reported_once() {
    let mut s = busy_session();
    cmd(&mut s, Command::Notes, 800);
    for _ in 0..2_000 {
        update(
            &mut s,
            Action::Edit(ironpulse::app::text_input::TextEdit::Insert('a')),
            t(800),
        );
    }
    cmd(&mut s, Command::Submit, 801);
    let screen = draw(&s, 80, 24);
    assert_eq!(
        screen.matches("past the limit").count(),
        1,
        "said once:\n{screen}"
    );
}

/// The demo lifter with a fourth insight as long as the tester's PR streak (48 PRs, 18 lifts
/// named) selected: at 80×24 and at 120×40 its title, numbers, rule and suggestion all read
/// whole — never "Dumbbell Cu…" — while Recent sessions keep three rows at 80×24 and fill the
/// rest of a 120×40 screen instead of leaving it empty.
#[test]
fn a_selected_insight_reads_whole_and_recent_sessions_fill_what_is_left() {
    use ironpulse::core::review::insights::{Insight, InsightData, InsightKind, Tone};
    let mut s = demo_startup();
    let lifts = "Dumbbell Curl, Overhead Press, Standing Calf Raise, Lying Leg Curl, Leg Press, \
                 Romanian Deadlift, Dumbbell Shoulder Press, Chest Dip, Bulgarian Split Squat, \
                 Hip Thrust, Seated Leg Curl, Leg Extension, Front Squat, Deadlift, Barbell Row, \
                 Bench Press, Lateral Raise, Incline Bench Press";
    let streak = Insight {
        kind: InsightKind::PrStreak,
        tone: Tone::Good,
        title: "PR streak: 7 weeks".into(),
        rule: "a personal record in each of 3+ weeks in a row, up to this week".into(),
        numbers: format!("48 PRs in 7 weeks since 2026-10-19: {lifts}"),
        suggestion: "Keep doing what works, and keep recovery as steady as the training.".into(),
        data: InsightData::VolumeSpike {
            last_kg: 0.0,
            previous_kg: 0.0,
            percent: 0.0,
        },
    };
    s.insights
        .as_mut()
        .expect("the demo fires insights")
        .push(streak);
    for _ in 0..3 {
        cmd(&mut s, Command::Down, 0);
    }
    assert_eq!(s.insight, 3);
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = draw(&s, w, h);
        // The screen's text, one string, so words wrapped onto the next line still read.
        let text: String = screen
            .lines()
            .map(|l| l.trim_matches(['"', '│', ' ']).to_string())
            .collect::<Vec<_>>()
            .join(" ");
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for part in [
            "PR streak: 7 weeks — 48 PRs in 7 weeks since 2026-10-19:",
            "Front Squat, Deadlift, Barbell Row, Bench Press, Lateral Raise, Incline Bench Press",
            "Rule: a personal record in each of 3+ weeks in a row, up to this week",
            "Try: Keep doing what works, and keep recovery as steady as the training.",
        ] {
            assert!(text.contains(part), "{w}×{h}: {part:?} missing:\n{screen}");
        }
        assert!(!screen.contains("Cu…"), "{w}×{h}: cut:\n{screen}");
        let sessions = screen.lines().filter(|l| l.contains(" 2026 ")).count();
        assert!(sessions >= 3, "{w}×{h}: {sessions} sessions:\n{screen}");
        let blank = format!("\"│{}│\"", " ".repeat(usize::from(w) - 2));
        assert!(
            !screen.lines().any(|l| l == blank),
            "{w}×{h}: an empty row:\n{screen}"
        );
    }
    snap("dashboard_insight_long_selected", &s);
}

/// One deload signal, not yet a deload: the dashboard names it with its numbers under the
/// verdict, as it does for several, without offering a deload week.
#[test]
fn a_single_deload_signal_is_listed_with_its_numbers() {
    use ironpulse::core::strength::deload::{DeloadAdvice, Signal, SignalKind, Urgency};
    let s = state(Startup {
        deload: Some(DeloadAdvice {
            signals: vec![Signal {
                kind: SignalKind::WeeksSinceDeload,
                message: "7 weeks since your last deload (the guide is every 5).".into(),
            }],
            urgency: Urgency::None,
            plan: None,
            summary: "1 deload signal: no deload yet, keep an eye on it.".into(),
        }),
        ..startup()
    });
    let screen = draw(&s, 80, 24);
    assert!(
        screen.contains("Recovery: 1 deload signal: no deload yet, keep an eye on it."),
        "{screen}"
    );
    assert!(
        screen.contains("  • 7 weeks since your last deload (the guide is every 5)."),
        "{screen}"
    );
    assert!(!screen.contains("to start a deload week"), "{screen}");
}

/// Nothing fired: the calm line carries a tone word the README lists (`good`), not a fourth one.
#[test]
fn no_insight_reads_good() {
    let s = state(Startup {
        insights: Some(Vec::new()),
        ..startup()
    });
    let screen = draw(&s, 80, 24);
    assert!(
        screen.contains("│good     No warnings — keep training."),
        "{screen}"
    );
}

/// Settings on a database that cannot be written read as shown only, from the first frame: no
/// "saves on the last", no cursor in a field.
#[test]
fn read_only_settings_say_so_before_a_key_is_typed() {
    let mut s = state(Startup {
        read_only: Some(ironpulse::store::ReadOnly::File(
            "/data/ironpulse.db".into(),
        )),
        ..startup()
    });
    cmd(&mut s, Command::Settings, 0);
    // On Body weight, a text field.
    cmd(&mut s, Command::Down, 0);
    let screen = draw(&s, 80, 24);
    assert!(
        screen.contains("Read-only database: shown only — nothing here can be changed or"),
        "{screen}"
    );
    assert!(!screen.contains("saves on the last"), "{screen}");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|frame| ironpulse::ui::render(frame, &s))
        .unwrap();
    assert!(
        !terminal.backend().cursor_visible(),
        "no cursor: nothing can be typed"
    );
}

/// A lift done only for 13–14 reps (a calf raise at 75 kg) has no e1RM, and the progression
/// screen gives the reason that applies: sets over 12 reps give none.
#[test]
fn a_lift_without_an_e1rm_says_why_for_that_lift() {
    use ironpulse::core::strength::history::{PerformanceSummary, TopSet};
    use ironpulse::core::units::Reps;
    use ironpulse::core::workout::session::SessionId;
    use ironpulse::read::ProgressRows;
    let session = |id: i64, days: i64, reps: u16| PerformanceSummary {
        session: SessionId(id),
        date: t(-days * 86_400).date_naive(),
        sets: 3,
        top_set: Some(TopSet {
            weight: Weight::from_kg(75.0).unwrap(),
            reps: Reps::try_from(u32::from(reps)).unwrap(),
        }),
        e1rm: None,
        volume_kg: 75.0 * 3.0 * f64::from(reps),
        mean_rpe: None,
        reader: ironpulse::core::strength::e1rm::Reader::default(),
    };
    let mut s = state(startup());
    cmd(&mut s, Command::Progress, 0);
    reply(
        &mut s,
        ReviewReply::Progress(Box::new(ProgressRows {
            exercise: Some(ironpulse::core::workout::exercise::ExerciseId(1)),
            history: vec![session(1, 9, 13), session(2, 2, 14)],
            lifts: Some(vec![ironpulse::core::workout::exercise::ExerciseId(1)]),
            muscles: Some(Vec::new()),
            deloads: None,
        })),
        0,
    );
    let screen = draw(&s, 120, 40);
    assert!(
        screen.contains("No e1RM for Back Squat: its sets are over 12 reps, and only sets of 1–12"),
        "{screen}"
    );
    assert!(
        !screen.contains("only sets with a weight and reps"),
        "{screen}"
    );
}

/// At 80 columns nothing the lifter needs is cut: a long message under the set line wraps onto
/// the next row, and the picker's note that a search holds 60 characters is whole.
#[test]
fn messages_under_a_line_wrap_whole_at_80_columns() {
    use ironpulse::app::state::{EntryError, Screen};
    let message = "240 kg is 2.4× your best on this lift (100 kg) — Enter again to log it, or fix \
                   the line";
    let mut s = busy_session();
    if let Screen::Session(screen) = &mut s.screen {
        screen.error = Some(EntryError {
            message: message.into(),
            at: Some(0),
        });
    }
    let screen = draw(&s, 80, 24);
    let text = screen
        .lines()
        .map(|l| l.trim_matches(['"', '│', ' ']))
        .collect::<Vec<_>>()
        .join(" ");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains(&format!("^ {message}")), "{screen}");
    snap("session_long_error", &s);

    s.screen = Screen::Session(ironpulse::app::state::SessionScreen::default());
    cmd(&mut s, Command::AddExercise, 801);
    for _ in 0..70 {
        update(
            &mut s,
            Action::Edit(ironpulse::app::text_input::TextEdit::Insert('q')),
            t(801),
        );
    }
    let screen = draw(&s, 80, 24);
    let lines: Vec<&str> = screen.lines().collect();
    let at = lines
        .iter()
        .position(|l| {
            l.contains("│ 10 characters past the limit were not added: this field holds 60 ")
        })
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(
        lines
            .get(at + 1)
            .is_some_and(|l| l.contains("│ characters ")),
        "{screen}"
    );
}

/// The session detail's help lists Tab only where it does something: on a terminal too small
/// for both halves. Enter reads as what it does there.
#[test]
fn detail_help_lists_the_view_key_only_when_it_switches_something() {
    let mut s = demo_startup();
    demo_cmd(&mut s, Command::History);
    demo_cmd(&mut s, Command::Submit);
    demo_cmd(&mut s, Command::Help);
    let small = draw(&s, 80, 24);
    assert!(
        small.contains("switch between the sets and the heart rate"),
        "{small}"
    );
    assert!(small.contains("edit the selected set"), "{small}");
    let large = draw(&s, 120, 40);
    assert!(
        !large.contains("switch between the sets and the heart rate"),
        "{large}"
    );
}

/// The demo lifter, on a training day of GZCLP, opens the app: the program's two lines sit in
/// the Today box between the start line and the deload check; the insights give way, Recent
/// sessions keep their three rows.
#[test]
fn dashboard_with_a_program() {
    use ironpulse::core::program::adherence::Counts;
    use ironpulse::read::program_summary::{DaySummary, ProgramSummary, WorkSummary};
    use ironpulse::store::RunStatus;
    let work = |exercise: &str, reps: &[u16], amrap, top: Option<f64>| WorkSummary {
        exercise: exercise.into(),
        sets: reps.len(),
        reps: reps.to_vec(),
        amrap,
        top: top.map(|kg| Weight::from_kg(kg).unwrap()),
        ramped: false,
    };
    let mut s = demo_startup();
    s.program = Some(ProgramSummary {
        name: "GZCLP".into(),
        status: RunStatus::Active,
        week: 3,
        weeks: None,
        progress: None,
        adherence: Counts {
            sessions_planned: 6,
            sessions_done: 5,
            sets_planned: 66,
            sets_done: 61,
            loads_planned: 61,
            loads_hit: 57,
        },
        today: Some(DaySummary {
            date: demo_db::demo_day(),
            name: "A1".into(),
            title: Some("Squat, bench, pulldown".into()),
            deload: false,
            work: vec![
                work("Back Squat", &[3; 5], true, Some(105.0)),
                work("Bench Press", &[10; 3], false, Some(62.5)),
                work("Lat Pulldown", &[15; 3], true, None),
            ],
        }),
        next: None,
        done_today: false,
    });
    let small = draw(&s, 80, 24);
    assert!(
        small.contains("│GZCLP · week 3 · sessions 5 of 6 · sets 92 %"),
        "{small}"
    );
    assert!(
        small.contains("│Today: Day A1 — Back Squat 5×3+ 105 kg, Bench Press 3×10 62.5 kg, …"),
        "{small}"
    );
    let large = draw(&s, 120, 40);
    assert!(
        large.contains(
            "│Today: Day A1 — Back Squat 5×3+ 105 kg, Bench Press 3×10 62.5 kg, Lat Pulldown 3×15+"
        ),
        "{large}"
    );
    for screen in [&small, &large] {
        assert!(screen.contains("Recovery: No deload signals."), "{screen}");
        assert!(screen.contains("Insights"), "{screen}");
        assert!(screen.contains("Sat 21 Nov 2026 11:01"), "{screen}");
    }
    snap("dashboard_program", &s);
}

/// A 12-week program read from the store as the app starts, on a rest day after a week and a
/// half of days marked missed: its long name gives way to the figures; the next day's work
/// follows. With the plan waiting instead, no day counts as missed and the first day waits for
/// the next training day.
#[test]
fn dashboard_with_a_program_read_at_start_on_a_rest_day() {
    use chrono::Weekday;
    use ironpulse::core::program::schedule::MissedPolicy;
    use ironpulse::core::program::slot::LiftState;
    use ironpulse::store::Store;
    let tuesday = t(86_400);
    let read = |policy| {
        let store = Store::open_in_memory().unwrap();
        store.save_profile(&profile()).unwrap();
        let id = store
            .create_program(
                "Linear Periodization 8-6-4 (Rhea 2002)",
                Some("rhea-linear"),
                include_str!("../assets/programs/rhea-linear.txt"),
                "from the built-in library",
                tuesday,
            )
            .unwrap();
        let lifts: Vec<(String, LiftState)> = [
            ("Back Squat", 140.0),
            ("Bench Press", 100.0),
            ("Barbell Row", 90.0),
        ]
        .into_iter()
        .map(|(e, kg)| (e.to_string(), LiftState::new(Weight::from_kg(kg).ok(), 0.9)))
        .collect();
        store
            .start_program(
                id,
                tuesday.date_naive() - chrono::Days::new(15),
                &[Weekday::Mon, Weekday::Wed, Weekday::Fri],
                policy,
                &lifts,
                tuesday,
            )
            .unwrap();
        Startup::read(&store, tuesday.date_naive()).unwrap()
    };
    let program = read(MissedPolicy::Mark).program.unwrap();
    assert_eq!((program.week, program.weeks), (3, Some(12)));
    assert_eq!(
        (
            program.adherence.sessions_done,
            program.adherence.sessions_planned
        ),
        (0, 7)
    );
    assert!(program.today.is_none());
    let next = program.next.as_ref().unwrap();
    assert_eq!(
        (next.date.to_string(), next.name.as_str()),
        ("2026-09-23".into(), "Wed")
    );
    let s = State::new(
        Startup {
            program: Some(program),
            ..startup()
        },
        ironpulse::app::state::Settings::default(),
        ironpulse::app::keymap::Keymap::default(),
        tuesday,
        chrono::FixedOffset::east_opt(0).unwrap(),
    );
    let small = draw(&s, 80, 24);
    assert!(
        small.contains(
            "│Linear Periodization… · week 3 of 12 · 19 % done · sessions 0 of 7 · sets 0 % │"
        ),
        "{small}"
    );
    assert!(
        small.contains("│Rest day · next Wed 23 Sep: Day Wed — Back Squat 3×8 110 kg, …"),
        "{small}"
    );
    snap("dashboard_program_rest_day", &s);

    let waiting = read(MissedPolicy::Shift).program.unwrap();
    let s = State::new(
        Startup {
            program: Some(waiting),
            ..startup()
        },
        ironpulse::app::state::Settings::default(),
        ironpulse::app::keymap::Keymap::default(),
        tuesday,
        chrono::FixedOffset::east_opt(0).unwrap(),
    );
    let small = draw(&s, 80, 24);
    assert!(
        small.contains(
            "│Linear Periodization… · week 1 of 12 · 0 % done · no day done or missed yet   │"
        ),
        "{small}"
    );
    assert!(
        small.contains("│Rest day · next Wed 23 Sep: Day Mon — Back Squat 3×8 110 kg, …"),
        "{small}"
    );
}

/// Runs `effects` against `store` as the store thread does, feeding replies back at second `at`.
fn settle(
    store: &ironpulse::store::Store,
    state: &mut State,
    effects: Vec<ironpulse::app::effect::Effect>,
    at: i64,
) {
    let mut queue = effects;
    while !queue.is_empty() {
        let mut next = Vec::new();
        for effect in queue {
            if let ironpulse::app::effect::Effect::Store(request) = effect {
                let answer = ironpulse::app::store_worker::answer(store, request);
                next.extend(update(state, Action::Stored(answer), t(at)));
            }
        }
        queue = next;
    }
}

/// A program day in the session (targets, the next one prefilled, done-vs-target) and its
/// summary (the changes for next time, one kept off), drawn from a real in-memory store.
#[test]
fn a_program_day_in_session_and_summary() {
    use ironpulse::core::program::schedule::MissedPolicy;
    use ironpulse::core::program::slot::LiftState;
    use ironpulse::store::Store;

    let store = Store::open_in_memory().unwrap();
    store.save_profile(&profile()).unwrap();
    let text = "program: Squat Days\nschedule: rotate\nday A: Heavy\n  Squat [T1]: 5x3+ \"T1\"; start 100kg; rest 3m; progress stages 5x3+ 6x2+ 10x1+ +5kg restart -15%\n  Bench Press: 3x8-12 @8; rest 2m; progress double +2.5kg\n";
    let id = store
        .create_program("Squat Days", None, text, "created", t(0))
        .unwrap();
    let kg = |v: f64| Some(Weight::from_kg(v).unwrap());
    let lifts = [
        (
            "Back Squat".to_string(),
            LiftState {
                max: kg(140.0),
                tm: kg(126.0),
                short_in_cycle: false,
            },
        ),
        (
            "Bench Press".to_string(),
            LiftState {
                max: kg(100.0),
                tm: kg(90.0),
                short_in_cycle: false,
            },
        ),
    ];
    store
        .start_program(
            id,
            t(0).date_naive(),
            &[],
            MissedPolicy::Shift,
            &lifts,
            t(0),
        )
        .unwrap();
    let mut s = state(ironpulse::read::Startup::read(&store, t(0).date_naive()).unwrap());
    let effects = cmd(&mut s, Command::Today, 1);
    settle(&store, &mut s, effects, 1);
    snap("session_program_day", &s);
    // Two working sets logged from the prefilled targets.
    for at in [60, 240] {
        let effects = cmd(&mut s, Command::Submit, at);
        settle(&store, &mut s, effects, at);
    }
    snap("session_program_day_two_done", &s);
    for at in [420, 600, 780] {
        let effects = cmd(&mut s, Command::Submit, at);
        settle(&store, &mut s, effects, at);
    }
    let effects = cmd(&mut s, Command::Finish, 900);
    settle(&store, &mut s, effects, 900);
    for _ in 0..2 {
        let effects = cmd(&mut s, Command::Submit, 900);
        settle(&store, &mut s, effects, 900);
    }
    snap("summary_program_day", &s);
    let effects = cmd(&mut s, Command::Suppress, 901);
    settle(&store, &mut s, effects, 901);
    snap("summary_program_day_kept_off", &s);
    let working: f64 = {
        let a = store.running_program().unwrap().unwrap();
        a.slots
            .iter()
            .find(|(k, _)| k == "Squat [T1]")
            .unwrap()
            .1
            .working
            .unwrap()
            .kg()
    };
    assert!(
        (working - 100.0).abs() < 1e-9,
        "kept off: the squat stays at 100 kg"
    );
}
