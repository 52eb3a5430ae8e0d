//! Every screen drawn into a test buffer at 80×24 and 120×40 and compared with its snapshot.

#[path = "support/fixtures.rs"]
mod fixtures;

use fixtures::*;
use ironpulse::app::action::Action;
use ironpulse::app::effect::StoreReply;
use ironpulse::app::keymap::Command;
use ironpulse::app::state::{Startup, State};
use ironpulse::app::update::update;
use ironpulse::core::session::{LoggedSet, SessionStatus, SetId, SlotId};
use ironpulse::core::set::{Load, SetKind, SetSpec};
use ironpulse::core::units::{Seconds, Weight};
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
        StoreReply::SetsLogged {
            slot: SlotId(11),
            sets,
        },
        700,
    );
    reply(
        &mut s,
        StoreReply::SlotAdded {
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
        StoreReply::SetsLogged {
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
    for _ in 0..8 {
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
        .map(|i| logged(i, spec(100.0, 5, Some(8.0)), i * 60))
        .collect();
    finished.slots.push(squat);
    let mut s = state(Startup {
        recent_sessions: vec![finished.summary(None)],
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
        StoreReply::SetsLogged {
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
    reply(&mut s, StoreReply::Finished(finished), 4000);
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
    reply(&mut s, StoreReply::History(vec![past.summary(None)]), 900);
    snap("history", &s);
    cmd(&mut s, Command::Submit, 901);
    reply(&mut s, StoreReply::SessionLoaded(past), 901);
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
        StoreReply::SetsLogged {
            slot: SlotId(11),
            sets: vec![record],
        },
        60,
    );
    snap("session_record", &s);
}

#[test]
fn heart_rate_panel() {
    use ironpulse::core::hrm::Contact;
    use ironpulse::core::units::Bpm;
    use ironpulse::hr::HrEvent;
    use std::time::Duration;

    let mut s = busy_session();
    update(
        &mut s,
        Action::Hr(HrEvent::Connected {
            name: "Polar H10 A1B2C3".into(),
            address: None,
        }),
        t(200),
    );
    update(&mut s, Action::Hr(HrEvent::Battery(80)), t(200));
    // Two minutes at rest climbing into a set, a 20 s drop-out, then recovery.
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
    snap("session_heart_rate", &s);
}

#[test]
fn devices() {
    use ironpulse::hr::ble::Strap;
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
    snap("devices", &s);
}

#[test]
fn dashboard_with_a_deload_recommendation() {
    use ironpulse::core::deload::{DeloadAdvice, PLAN, Signal, SignalKind, Urgency};
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
