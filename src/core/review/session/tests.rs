use chrono::{DateTime, Duration};

use super::{compare, rests, zone_times};
use crate::core::heart::sample::HrSample;
use crate::core::heart::settings::HrSettings;
use crate::core::heart::summary::HrSummary;
use crate::core::profile::ZoneKind;
use crate::core::strength::history::{Performance, summarise};
use crate::core::units::{Bpm, Reps, Rpe, Weight};
use crate::core::workout::exercise::ExerciseId;
use crate::core::workout::session::{
    LoggedSet, Session, SessionId, SessionStatus, SetId, Slot, SlotId,
};
use crate::core::workout::set::{Effort, Load, SetKind, SetSpec};

fn spec(kg: f64, reps: u32) -> SetSpec {
    SetSpec {
        kind: SetKind::Working,
        load: Load::External(Weight::from_kg(kg).unwrap()),
        reps: Some(Reps::try_from(reps).unwrap()),
        effort: Some(Effort::Rpe(Rpe::try_from(8.0).unwrap())),
        duration: None,
    }
}

fn session(sets: &[(f64, u32, i64)]) -> Session {
    let start = DateTime::from_timestamp(1_790_000_000, 0).unwrap();
    Session {
        id: SessionId(9),
        started_at: start,
        ended_at: None,
        status: SessionStatus::Finished,
        title: "Workout".into(),
        rpe: None,
        notes: String::new(),
        body_weight: None,
        slots: vec![Slot {
            id: SlotId(1),
            exercise: ExerciseId(1),
            name: "Back Squat".into(),
            superset: None,
            notes: String::new(),
            sets: sets
                .iter()
                .enumerate()
                .map(|(i, &(kg, reps, at))| LoggedSet {
                    id: SetId(i as i64 + 1),
                    spec: spec(kg, reps),
                    completed_at: start + Duration::seconds(at),
                })
                .collect(),
        }],
    }
}

fn sample(second: u32, bpm: u32) -> HrSample {
    HrSample {
        offset_ms: second * 1000,
        bpm: Bpm::try_from(bpm).unwrap(),
        rr: Vec::new(),
    }
}

#[test]
fn a_rest_runs_from_a_sets_end_to_the_lowest_heart_rate_before_the_next_end() {
    let s = session(&[(100.0, 5, 60), (100.0, 5, 240)]);
    // HR falls after the first set, bottoms out at 200 s (100 bpm), climbs to the next end.
    let samples: Vec<HrSample> = (50..=250)
        .map(|t| {
            let bpm = if t <= 200 {
                150 - (t - 50) / 3
            } else {
                100 + (t - 200)
            };
            sample(t, bpm)
        })
        .collect();
    assert_eq!(samples[150].bpm.get(), 100);
    assert_eq!(rests(&s, &samples), vec![(60_000, 200_000)]);
    // Without heart rate between the sets the next one is taken to have lasted 30 s.
    assert_eq!(rests(&s, &[]), vec![(60_000, 210_000)]);
}

#[test]
fn the_comparison_gives_the_change_in_kg_and_percent() {
    let before_session = session(&[(100.0, 5, 60), (100.0, 5, 240)]);
    let before = summarise(
        &Performance {
            session: SessionId(3),
            started_at: before_session.started_at,
            sets: before_session.slots[0]
                .sets
                .iter()
                .map(|s| s.spec)
                .collect(),
        },
        None,
    );
    let now = session(&[(102.5, 5, 60), (102.5, 5, 240)]);
    let [c] = compare(&now, &[(ExerciseId(1), before)], None)
        .try_into()
        .unwrap();
    assert!((c.top_set_kg.unwrap() - 2.5).abs() < 1e-9);
    let volume = c.volume.unwrap();
    // 2 × 5 × 100 = 1000 → 2 × 5 × 102.5 = 1025: +25 kg, +2.5 %.
    assert!((volume.kg - 25.0).abs() < 1e-9, "{volume:?}");
    assert!((volume.percent.unwrap() - 2.5).abs() < 1e-9, "{volume:?}");
    // The same reps and RPE at 2.5 % more weight estimate 2.5 % more.
    let e1rm = c.e1rm.unwrap();
    assert!((e1rm.percent.unwrap() - 2.5).abs() < 1e-6, "{e1rm:?}");
}

#[test]
fn sets_now_without_an_rpe_read_at_the_habit_of_the_sets_before() {
    // Last time 100 × 5 @ 8 twice; now 102.5 × 5 with no RPE typed. The lift is rated, so the
    // sets now read at the typical RPE 8 (as the stored estimates do): +2.5 %, not the −6.7 %
    // Brzycki would show against the chart.
    let before_session = session(&[(100.0, 5, 60), (100.0, 5, 240)]);
    let before = summarise(
        &Performance {
            session: SessionId(3),
            started_at: before_session.started_at,
            sets: before_session.slots[0]
                .sets
                .iter()
                .map(|s| s.spec)
                .collect(),
        },
        None,
    );
    let mut now = session(&[(102.5, 5, 60), (102.5, 5, 240)]);
    for set in &mut now.slots[0].sets {
        set.spec.effort = None;
    }
    let [c] = compare(&now, &[(ExerciseId(1), before)], None)
        .try_into()
        .unwrap();
    assert!((c.now.e1rm.unwrap().kg() - 102.5 / 0.811).abs() < 1e-9);
    assert!((c.e1rm.unwrap().percent.unwrap() - 2.5).abs() < 1e-6);
}

#[test]
fn zone_shares_add_up_and_keep_the_models_labels() {
    let summary = HrSummary {
        avg_bpm: 120.0,
        max_bpm: Bpm::try_from(160).unwrap(),
        seconds: 600,
        trimp: 20.0,
        hr_tss: None,
        rmssd_ms: None,
        rr_dropped: 0,
        zone_seconds: [0, 300, 150, 150, 0, 0, 0],
    };
    let settings = HrSettings {
        max: Bpm::try_from(190).unwrap(),
        rest: Bpm::try_from(50).unwrap(),
        lthr: None,
        zones: ZoneKind::Karvonen,
    };
    let zones = zone_times(Some(&summary), Some(&settings));
    assert_eq!(zones.len(), 6, "Karvonen: Z0–Z5");
    assert_eq!(zones[1].zone.label, "Z1");
    assert_eq!(
        zones.iter().map(|z| z.percent).collect::<Vec<_>>(),
        vec![0.0, 50.0, 25.0, 25.0, 0.0, 0.0]
    );
    // No settings: only the zones with time, by index.
    let bare = zone_times(Some(&summary), None);
    assert_eq!(
        bare.iter().map(|z| z.zone.label).collect::<Vec<_>>(),
        vec!["Z1", "Z2", "Z3"]
    );
}
