//! The pure planner: options, the exercise list and the profile in; years of sessions out.
//! No clock, no database: the same inputs always give the same plans.

use chrono::{DateTime, Datelike as _, Days, TimeDelta, Utc};

use super::calendar::{Calendar, Habits, WeekKind, first_monday};
use super::lift::{Day, Lift};
use super::loading::Loading;
use super::plan::{SessionPlan, WorkBout};
use super::program::{DayPlan, Role, WEEK};
use super::{DemoError, DemoOptions};
use crate::core::profile::Profile;
use crate::core::rng::Rng;
use crate::core::units::Weight;
use crate::core::workout::exercise::Exercise;
use crate::core::workout::set::SetKind;
use crate::store::{HistorySession, HistorySet, HistorySlot};

/// Notes a lifter leaves on a main lift now and then.
const SLOT_NOTES: &[&str] = &[
    "Belt on the top sets",
    "Paused the first rep",
    "Grip was the limit",
    "Knee sleeves",
];

/// The odd remark about a session.
const SESSION_NOTES: &[&str] = &[
    "Gym was packed, waited for the rack",
    "Great pump today",
    "Left elbow a bit sore on presses",
    "Short on time, moved quickly",
    "Felt strong",
    "Trained with Sam",
];

/// Plans the whole history: five sessions a week for `options.years` years, the last one ending
/// no later than `options.today`, oldest first.
pub fn plan(
    options: &DemoOptions,
    exercises: &[Exercise],
    profile: &Profile,
) -> Result<Vec<SessionPlan>, DemoError> {
    options.check()?;
    let mut rng = Rng::new(options.seed);
    let weeks = (f64::from(options.years) * 365.25 / 7.0).round() as u32;
    let home_weight = match profile.body_weight.kg() {
        kg if (35.0..=250.0).contains(&kg) => kg,
        _ => 80.0,
    };
    let start_weight = body_weight(home_weight, weeks, 1, 0.0);
    let mut days = WEEK
        .iter()
        .map(|day| {
            let lifts = day
                .lifts
                .iter()
                .map(|spec| {
                    let exercise = exercises
                        .iter()
                        .find(|e| e.name.eq_ignore_ascii_case(spec.name))
                        .ok_or(DemoError::MissingExercise(spec.name))?;
                    let loading = Loading::for_equipment(exercise.equipment, profile);
                    Ok(Lift::new(
                        *spec,
                        exercise.id,
                        exercise.equipment,
                        loading,
                        start_weight,
                        &mut rng,
                    ))
                })
                .collect::<Result<Vec<_>, DemoError>>()?;
            Ok((day, lifts))
        })
        .collect::<Result<Vec<_>, DemoError>>()?;

    let habits = Habits::new(&mut rng);
    let mut calendar = Calendar::new(&mut rng);
    let first = first_monday(options.today, weeks);
    let mut plans = Vec::with_capacity(weeks as usize * WEEK.len() + WEEK.len());
    let mut after_break = false;
    'weeks: for week_no in 0..=weeks {
        let monday = first + Days::new(7 * u64::from(week_no));
        let week = calendar.week(monday, &mut rng);
        if week.kind == WeekKind::Skipped {
            days.iter_mut()
                .flat_map(|(_, lifts)| lifts.iter_mut())
                .for_each(Lift::detrain);
            after_break = true;
            continue;
        }
        let deload = week.kind == WeekKind::Deload;
        let mut trained = [false; WEEK.len()];
        for (i, (day, lifts)) in days.iter_mut().enumerate() {
            if rng.chance(0.015) {
                continue; // the odd missed session
            }
            let date = monday + Days::new(u64::from(day.weekday.num_days_from_monday()));
            let start = habits.start(date, &mut rng);
            let body = body_weight(
                home_weight,
                weeks - week_no,
                date.ordinal(),
                rng.normal(0.0, 0.3),
            );
            let readiness = rng.normal(0.0, 0.015)
                - 0.004 * f64::from(week.since_deload)
                - if week.stressed { 0.03 } else { 0.0 }
                - if after_break { 0.02 } else { 0.0 };
            let today = Day {
                body,
                readiness,
                deload,
            };
            let planned = session(day, lifts, start, &today, after_break, &mut rng)?;
            if planned.session.ended_at > options.today {
                break 'weeks;
            }
            plans.push(SessionPlan {
                week: week_no,
                ..planned
            });
            after_break = false;
            trained[i] = true;
        }
        let stimulus = match (week.kind, week.stressed) {
            (WeekKind::Deload, _) => 0.4,
            (_, true) => 0.0,
            _ => 1.0,
        };
        for ((_, lifts), trained) in days.iter_mut().zip(trained) {
            for lift in lifts {
                lift.adapt(if trained { stimulus } else { 0.0 }, &mut rng);
            }
        }
    }
    Ok(plans)
}

/// Body weight on day `ordinal` of the year, `weeks_to_go` weeks before today: a slow climb of
/// about 0.3 kg a year to the profile's weight, a kilogram heavier in winter than in summer,
/// plus the day's `noise`; to 0.1 kg like a bathroom scale.
fn body_weight(home: f64, weeks_to_go: u32, ordinal: u32, noise: f64) -> f64 {
    let years_to_go = f64::from(weeks_to_go) * 7.0 / 365.25;
    let season = 2.0 * (f64::from(ordinal) / 366.0 - 0.5).abs() - 0.5;
    ((home - 0.3 * years_to_go + season + noise) * 10.0).round() / 10.0
}

/// Does one session: every lift of the day in order, with the clock running through warm-ups,
/// work and rests.
fn session(
    day: &DayPlan,
    lifts: &mut [Lift],
    start: DateTime<Utc>,
    today: &Day,
    after_break: bool,
    rng: &mut Rng,
) -> Result<SessionPlan, DemoError> {
    let seconds = |s: u32| TimeDelta::seconds(i64::from(s));
    let mut clock = start + seconds(rng.inclusive(240, 480));
    let mut notes: Vec<String> = Vec::new();
    if today.deload {
        notes.push("Deload week".into());
    }
    if after_break {
        notes.push("First session back after a week off".into());
    }
    if today.readiness < -0.035 && rng.chance(0.5) {
        notes.push("Slept badly, everything felt heavy".into());
    }
    let mut slots = Vec::with_capacity(lifts.len());
    let mut bouts = Vec::new();
    let (mut rpe_sum, mut rated) = (0.0, 0_u32);
    let lift_count = lifts.len();
    for (i, lift) in lifts.iter_mut().enumerate() {
        let outcome = lift.perform(today, rng)?;
        if let Some(pr) = outcome.pr.filter(|_| rng.chance(0.6)) {
            notes.push(pr);
        }
        let set_count = outcome.sets.len();
        let mut sets = Vec::with_capacity(set_count);
        for (j, done) in outcome.sets.into_iter().enumerate() {
            let warmup = done.spec.kind == SetKind::Warmup;
            let reps = done.spec.reps.map_or(0, |r| u32::from(r.get()));
            let work = if warmup { 15 + 3 * reps } else { 10 + 4 * reps } + rng.inclusive(0, 10);
            let started_at = clock;
            clock += seconds(work);
            bouts.push(WorkBout {
                started_at,
                ended_at: clock,
                intensity: done.intensity,
            });
            sets.push(HistorySet {
                spec: done.spec,
                completed_at: clock,
            });
            if let Some(effort) = done.spec.effort {
                rpe_sum += effort.rpe().value();
                rated += 1;
            }
            let last_of_lift = j + 1 == set_count;
            let rest = match lift.spec.role {
                _ if last_of_lift => rng.inclusive(90, 210),
                _ if warmup => rng.inclusive(45, 90),
                Role::Main => rng.inclusive(150, 210),
                Role::Secondary => rng.inclusive(90, 150),
                Role::Accessory => rng.inclusive(50, 90),
            };
            if !(last_of_lift && i + 1 == lift_count) {
                clock += seconds(rest);
            }
        }
        let note = if lift.spec.role == Role::Main && rng.chance(0.03) {
            rng.pick(SLOT_NOTES).copied()
        } else {
            None
        };
        slots.push(HistorySlot {
            exercise: lift.exercise,
            superset: None,
            notes: note.unwrap_or_default().into(),
            sets,
        });
    }
    if rng.chance(0.03)
        && let Some(note) = rng.pick(SESSION_NOTES)
    {
        notes.push((*note).into());
    }
    let ended_at = clock + seconds(rng.inclusive(120, 300));
    let rpe = (rated > 0).then(|| {
        let mean = rpe_sum / f64::from(rated);
        (mean - 1.0 + rng.normal(0.0, 0.5)).round().clamp(1.0, 10.0) as u8
    });
    Ok(SessionPlan {
        session: HistorySession {
            started_at: start,
            ended_at,
            title: day.title.into(),
            rpe,
            notes: notes.join(". "),
            body_weight: Some(Weight::from_kg(today.body)?),
            slots,
        },
        week: 0,
        deload: today.deload,
        bouts,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::workout::catalogue::builtin;
    use crate::core::workout::exercise::ExerciseId;
    use crate::demo::demo_profile;

    fn today() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-21T15:00:00Z")
            .unwrap()
            .to_utc()
    }

    fn options(seed: u64) -> DemoOptions {
        DemoOptions {
            years: 1,
            seed,
            today: today(),
        }
    }

    /// The built-in catalogue as the store would list it.
    fn exercises() -> Vec<Exercise> {
        builtin()
            .unwrap()
            .into_iter()
            .zip(1..)
            .map(|(e, id)| Exercise {
                id: ExerciseId(id),
                name: e.name,
                kind: e.kind,
                equipment: e.equipment,
                mechanics: e.mechanics,
                muscles: e.muscles,
                aliases: e.aliases,
                custom: false,
            })
            .collect()
    }

    #[test]
    fn the_plan_is_a_pure_function_of_its_inputs() {
        let (exercises, profile) = (exercises(), demo_profile(today()).unwrap());
        let a = plan(&options(1), &exercises, &profile).unwrap();
        assert_eq!(a, plan(&options(1), &exercises, &profile).unwrap());
        assert_ne!(a, plan(&options(2), &exercises, &profile).unwrap());
        let later = DemoOptions {
            today: today() + TimeDelta::days(7),
            ..options(1)
        };
        assert_ne!(a, plan(&later, &exercises, &profile).unwrap());
    }

    #[test]
    fn sessions_follow_each_other_and_their_bouts_match_their_sets() {
        let plans = plan(&options(3), &exercises(), &demo_profile(today()).unwrap()).unwrap();
        assert!(
            plans
                .windows(2)
                .all(|w| w[0].session.ended_at < w[1].session.started_at)
        );
        assert!(plans.windows(2).all(|w| w[0].week <= w[1].week));
        assert!(plans.last().unwrap().session.ended_at <= today());
        for p in &plans {
            let sets: Vec<_> = p.session.slots.iter().flat_map(|s| &s.sets).collect();
            assert_eq!(p.bouts.len(), sets.len());
            assert_eq!(p.set_count(), sets.len());
            for (bout, set) in p.bouts.iter().zip(&sets) {
                assert_eq!(bout.ended_at, set.completed_at);
                assert!(bout.started_at < bout.ended_at);
                assert!(
                    bout.intensity > 0.1 && bout.intensity < 1.3,
                    "{}",
                    bout.intensity
                );
            }
            assert!(p.bouts.windows(2).all(|w| w[0].ended_at < w[1].started_at));
            assert!(p.session.started_at < p.bouts[0].started_at);
            assert!(p.bouts.last().unwrap().ended_at < p.session.ended_at);
            assert_eq!(p.deload, p.session.notes.contains("Deload week"));
            assert!(
                p.session
                    .body_weight
                    .is_some_and(|w| (74.0..=84.0).contains(&w.kg()))
            );
        }
    }

    #[test]
    fn a_programme_exercise_missing_from_the_list_is_named() {
        let exercises: Vec<_> = exercises()
            .into_iter()
            .filter(|e| e.name != "Face Pull")
            .collect();
        let err = plan(&options(1), &exercises, &demo_profile(today()).unwrap()).unwrap_err();
        assert!(matches!(err, DemoError::MissingExercise("Face Pull")));
        assert!(err.to_string().contains("\"Face Pull\""), "{err}");
    }

    #[test]
    fn body_weight_climbs_slowly_and_is_heavier_in_winter() {
        // Today, 1 July: 80 − 0 + (2·|183/366 − 0.5| − 0.5) = 79.5.
        assert!((body_weight(80.0, 0, 183, 0.0) - 79.5).abs() < 1e-9);
        // Ten years (521.8 weeks) earlier on 1 January: 80 − 3 + 0.49 → 77.5.
        assert!((body_weight(80.0, 522, 1, 0.0) - 77.5).abs() < 1e-9);
        assert!((body_weight(80.0, 0, 1, 0.04) - 80.5).abs() < 1e-9);
    }
}
