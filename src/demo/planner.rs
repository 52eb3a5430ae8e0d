//! The pure planner: options, the exercise list and the profile in; years of sessions, and the
//! programs behind them, out. No clock, no database: the same inputs always give the same plan.
//!
//! The lifter runs one built-in program after another (`career`) on three or four of their five
//! training days, through the same engine the app uses (`run`), and trains their own days and
//! assistance around it (`routine`). Their body decides what each set comes to (`strength`).

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike as _, Days, NaiveDate, NaiveTime, TimeDelta, Utc};

use super::calendar::{Calendar, Habits, Week, WeekKind, first_monday};
use super::career;
use super::lift::{Lift, Outcome, perform_line};
use super::loading::Loading;
use super::plan::{Plan, ProgramDay, SessionPlan, Step, WorkBout};
use super::routine::{LIFTS, OwnDay, Role, TRAINING_DAYS, assistance, own_day, spec};
use super::run::Run;
use super::strength::{Day, Strength};
use super::{DemoError, DemoOptions};
use crate::core::profile::Profile;
use crate::core::program::day::LoggedLift;
use crate::core::program::plan::DayPlan;
use crate::core::rng::Rng;
use crate::core::units::Weight;
use crate::core::workout::exercise::{Exercise, ExerciseId};
use crate::core::workout::set::SetKind;
use crate::read::program_run::{day_title, logged_lift, targets_of};
use crate::store::{HistorySession, HistorySet, HistorySlot, RunStatus};

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

/// Chance that a program day is skipped on purpose (and marked so), or just missed.
const SKIP: f64 = 0.015;
const MISS: f64 = 0.015;
/// Chance that one of the lifter's own days does not happen.
const OWN_MISSED: f64 = 0.015;

/// Plans the whole history: five sessions a week for `options.years` years, the last one ending
/// no later than `options.today`, oldest first, with the program runs behind them.
pub fn plan(
    options: &DemoOptions,
    exercises: &[Exercise],
    profile: &Profile,
) -> Result<Plan, DemoError> {
    options.check()?;
    let mut planner = Planner::new(options, exercises, profile)?;
    for week_no in 0..=planner.weeks {
        if !planner.week(week_no)? {
            break;
        }
    }
    Ok(planner.out)
}

/// The history as it is planned, week after week.
struct Planner<'a> {
    options: &'a DemoOptions,
    exercises: &'a [Exercise],
    profile: &'a Profile,
    rng: Rng,
    /// Weeks of history.
    weeks: u32,
    /// The lifter's body weight today, kg.
    home_weight: f64,
    /// The Monday the history starts on.
    first: NaiveDate,
    body: Body,
    habits: Habits,
    calendar: Calendar,
    out: Plan,
    /// The program running (between weeks; a week takes it out while it plans).
    run: Option<Run>,
    /// The built-in run last, once one has ended.
    last_slug: Option<&'static str>,
    /// The run is paused for a week off.
    paused: bool,
    /// The next session is the first after a week off.
    after_break: bool,
}

impl<'a> Planner<'a> {
    fn new(
        options: &'a DemoOptions,
        exercises: &'a [Exercise],
        profile: &'a Profile,
    ) -> Result<Planner<'a>, DemoError> {
        let mut rng = Rng::new(options.seed);
        let weeks = (f64::from(options.years) * 365.25 / 7.0).round() as u32;
        let home_weight = match profile.body_weight.kg() {
            kg if (35.0..=250.0).contains(&kg) => kg,
            _ => 80.0,
        };
        let start_weight = body_weight(home_weight, weeks, 1, 0.0);
        let mut body = Body {
            strengths: BTreeMap::new(),
            own: BTreeMap::new(),
        };
        for lift in LIFTS {
            let exercise = exercises
                .iter()
                .find(|e| e.name.eq_ignore_ascii_case(lift.name))
                .ok_or(DemoError::MissingExercise(lift.name))?;
            let loading = Loading::for_equipment(exercise.equipment, profile);
            body.strengths.insert(
                lift.name,
                Strength::new(
                    *lift,
                    exercise.id,
                    exercise.equipment,
                    loading,
                    start_weight,
                    &mut rng,
                ),
            );
        }
        let habits = Habits::new(&mut rng);
        Ok(Planner {
            options,
            exercises,
            profile,
            rng,
            weeks,
            home_weight,
            first: first_monday(options.today, weeks),
            body,
            habits,
            calendar: Calendar::new(),
            out: Plan::default(),
            run: None,
            last_slug: None,
            paused: false,
            after_break: false,
        })
    }

    /// Plans week `week_no`; false once the history has reached today.
    fn week(&mut self, week_no: u32) -> Result<bool, DemoError> {
        let today = self.options.today;
        let monday = self.first + Days::new(7 * u64::from(week_no));
        let eve = at(monday - Days::new(1), 20, 0);
        if eve > today {
            return Ok(false);
        }
        let mut r = match self.run.take() {
            Some(r) => r,
            None => self.start_run(week_no, monday, eve)?,
        };
        let deload = !r.done() && r.deload_at(r.seq);
        let week = self.calendar.week(monday, deload, &mut self.rng);
        if week.kind == WeekKind::Skipped {
            if !self.paused {
                self.status(&r, RunStatus::Paused, monday, eve);
                self.paused = true;
            }
            self.body.strengths.values_mut().for_each(Strength::detrain);
            self.after_break = true;
            self.run = Some(r);
            return Ok(true);
        }
        if self.paused {
            self.status(&r, RunStatus::Active, monday, eve);
            self.paused = false;
        }
        for weekday in TRAINING_DAYS {
            let date = monday + Days::new(u64::from(weekday.num_days_from_monday()));
            if date > today.date_naive() || !self.day(&mut r, week, week_no, date)? {
                self.run = Some(r);
                return Ok(false);
            }
        }
        let stimulus = match (week.kind, week.stressed) {
            (WeekKind::Deload, _) => 0.4,
            (_, true) => 0.0,
            _ => 1.0,
        };
        for strength in self.body.strengths.values_mut() {
            let trained = strength.trained;
            strength.adapt(if trained { stimulus } else { 0.0 }, &mut self.rng);
        }
        r.weeks += 1;
        // The end of the week: time for another program?
        let sunday = at(monday + Days::new(6), 12, 0);
        match r.over().filter(|_| sunday <= today) {
            Some(to) => {
                if !r.done() {
                    self.status(&r, to, sunday.date_naive(), sunday);
                }
                self.last_slug = Some(r.stint.slug);
            }
            None => self.run = Some(r),
        }
        Ok(true)
    }

    /// The next program, started on `monday` (put on the calendar the evening before).
    fn start_run(
        &mut self,
        week_no: u32,
        monday: NaiveDate,
        eve: DateTime<Utc>,
    ) -> Result<Run, DemoError> {
        let index = self.out.runs.len();
        let stint = career::next(index, self.weeks - week_no, self.last_slug, &mut self.rng);
        let (r, started) = Run::start(
            index,
            stint,
            monday,
            self.exercises,
            self.profile,
            &self.body.strengths,
        )?;
        self.out.steps.push(Step::Start {
            run: index,
            at: eve,
        });
        self.out.runs.push(started);
        Ok(r)
    }

    fn status(&mut self, r: &Run, to: RunStatus, day: NaiveDate, at: DateTime<Utc>) {
        self.out.steps.push(Step::Status {
            run: r.index,
            to,
            day,
            at,
        });
    }

    /// A program with a length whose last day has come and gone is finished that day.
    fn finish_if_done(&mut self, r: &Run, date: NaiveDate, when: DateTime<Utc>) {
        if r.done() {
            self.status(r, RunStatus::Finished, date, when);
        }
    }

    /// Whether the program's day on `date` passes untrained: now and then skipped on purpose
    /// (and marked so), or just missed (left for the calendar to show missed).
    fn passed_over(&mut self, r: &mut Run, date: NaiveDate) -> bool {
        if date >= self.options.today.date_naive() {
            return false;
        }
        if self.rng.chance(SKIP) {
            self.out.steps.push(Step::Skip {
                run: r.index,
                seq: r.seq,
                reason: format!("skipped {} ({date})", r.day_words(r.seq)),
                at: at(date, 7, 30),
            });
            r.passed();
            self.finish_if_done(r, date, at(date, 7, 31));
            return true;
        }
        if self.rng.chance(MISS) {
            r.passed();
            self.finish_if_done(r, date, at(date, 23, 0));
            return true;
        }
        false
    }

    /// The lifter's day on `date`: the program's, their own, or rest. False when its session
    /// would end after today (the history ends there).
    fn day(
        &mut self,
        r: &mut Run,
        week: Week,
        week_no: u32,
        date: NaiveDate,
    ) -> Result<bool, DemoError> {
        let weekday = date.weekday();
        let program_day = r.stint.weekdays.contains(&weekday) && !r.done();
        let own = own_day(weekday, r.stint.weekdays);
        if program_day && self.passed_over(r, date) {
            return Ok(true);
        }
        if !program_day && (own.is_none() || self.rng.chance(OWN_MISSED)) {
            return Ok(true);
        }
        let rng = &mut self.rng;
        let start = self.habits.start(date, rng);
        let weight = body_weight(
            self.home_weight,
            self.weeks - week_no,
            date.ordinal(),
            rng.normal(0.0, 0.3),
        );
        let readiness = rng.normal(0.0, 0.015)
            - 0.004 * f64::from(week.since_deload.min(8))
            - if week.stressed { 0.03 } else { 0.0 }
            - if self.after_break { 0.02 } else { 0.0 };
        let mut day = Day {
            body: weight,
            readiness,
            deload: week.kind == WeekKind::Deload,
        };
        let (title, done, program) = if program_day {
            let plan = r.prescribe();
            day.deload = plan.deload;
            let done = self.body.program_day(r, &plan, &day, date, rng)?;
            let program = ProgramDay {
                run: r.index,
                seq: r.seq,
                targets: serde_json::to_string(&targets_of(&plan)).unwrap_or_else(|_| "[]".into()),
            };
            (day_title(&r.program, &plan), done, Some(program))
        } else if let Some(own) = own {
            let done = self.body.own_day(own, &r.exercises, &day, date, rng)?;
            (own.title.to_string(), done, None)
        } else {
            return Ok(true);
        };
        let logged: Vec<LoggedLift> = done
            .iter()
            .map(|d| logged_lift(d.name, d.outcome.sets.iter().map(|s| &s.spec)))
            .collect();
        let planned = session(title, done, start, &day, self.after_break, rng)?;
        if planned.session.ended_at > self.options.today {
            return Ok(false);
        }
        let ended = planned.session.ended_at;
        self.out.steps.push(Step::Session(self.out.sessions.len()));
        self.out.sessions.push(SessionPlan {
            week: week_no,
            program,
            ..planned
        });
        self.after_break = false;
        if program_day {
            let changes = r.trained(&logged);
            self.out.steps.push(Step::Progress {
                run: r.index,
                after: Box::new(r.slots.clone()),
                changes,
                at: ended,
            });
            self.finish_if_done(r, date, ended + TimeDelta::minutes(5));
        }
        Ok(true)
    }
}

/// `date` at `hour:minute` UTC.
fn at(date: NaiveDate, hour: u32, minute: u32) -> DateTime<Utc> {
    date.and_time(NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(NaiveTime::MIN))
        .and_utc()
}

/// Body weight on day `ordinal` of the year, `weeks_to_go` weeks before today: a slow climb of
/// about 0.3 kg a year to the profile's weight, a kilogram heavier in winter than in summer,
/// plus the day's `noise`; to 0.1 kg like a bathroom scale.
fn body_weight(home: f64, weeks_to_go: u32, ordinal: u32, noise: f64) -> f64 {
    let years_to_go = f64::from(weeks_to_go) * 7.0 / 365.25;
    let season = 2.0 * (f64::from(ordinal) / 366.0 - 0.5).abs() - 0.5;
    ((home - 0.3 * years_to_go + season + noise) * 10.0).round() / 10.0
}

/// The lifter's body (each lift's strength) and their own progression of the lifts they
/// program themselves.
struct Body {
    strengths: BTreeMap<&'static str, Strength>,
    own: BTreeMap<&'static str, Lift>,
}

/// One lift done in a session, with how long the lifter rests between its sets.
struct Done {
    name: &'static str,
    exercise: ExerciseId,
    role: Role,
    /// Seconds between working sets, at least and at most.
    rest: (u32, u32),
    outcome: Outcome,
}

impl Body {
    fn strength(&mut self, name: &str) -> Result<&mut Strength, DemoError> {
        self.strengths
            .get_mut(name)
            .ok_or_else(|| DemoError::Program(format!("the demo lifter has no strength in {name}")))
    }

    /// A program's day as prescribed, then assistance of the lifter's own until the session has
    /// four or five lifts.
    fn program_day(
        &mut self,
        r: &Run,
        plan: &DayPlan,
        day: &Day,
        date: NaiveDate,
        rng: &mut Rng,
    ) -> Result<Vec<Done>, DemoError> {
        let mut done = Vec::new();
        let mut sets = 0;
        for (i, line) in plan.lines.iter().enumerate() {
            let strength = self.strength(&line.exercise)?;
            let main = i == 0 && strength.spec.role == Role::Main;
            let outcome = perform_line(line, strength, day, date, main, rng)?;
            sets += outcome.sets.len();
            let rest = line.rest.map_or_else(
                || rest_of(strength.spec.role),
                |r| (r * 85 / 100, r * 110 / 100),
            );
            done.push(Done {
                name: strength.spec.name,
                exercise: strength.exercise,
                role: strength.spec.role,
                rest,
                outcome,
            });
        }
        let first = plan.lines.first().map_or("", |l| l.exercise.as_str());
        for &name in assistance(first) {
            let taken =
                done.iter().any(|d| d.name == name) || r.exercises.iter().any(|e| e == name);
            let room = done.len() < 4
                || (done.len() == 4 && sets + spec(name).map_or(4, |s| usize::from(s.sets)) <= 26);
            if taken || !room {
                continue;
            }
            let d = self.own_lift(name, day, date, rng)?;
            sets += d.outcome.sets.len();
            done.push(d);
        }
        Ok(done)
    }

    /// One of the lifter's own days: its lifts, less those the program trains.
    fn own_day(
        &mut self,
        own: OwnDay,
        program: &[String],
        day: &Day,
        date: NaiveDate,
        rng: &mut Rng,
    ) -> Result<Vec<Done>, DemoError> {
        own.lifts
            .iter()
            .filter(|name| !program.iter().any(|e| e == *name))
            .map(|name| self.own_lift(name, day, date, rng))
            .collect()
    }

    /// A lift the lifter programs themselves, taken up the first time it comes round.
    fn own_lift(
        &mut self,
        name: &'static str,
        day: &Day,
        date: NaiveDate,
        rng: &mut Rng,
    ) -> Result<Done, DemoError> {
        let strength = self
            .strengths
            .get_mut(name)
            .ok_or_else(|| DemoError::Program(format!("the demo lifter has no {name}")))?;
        let lift = self
            .own
            .entry(name)
            .or_insert_with(|| Lift::new(strength.spec, strength, day.body));
        let outcome = lift.perform(strength, day, date, rng)?;
        Ok(Done {
            name,
            exercise: strength.exercise,
            role: strength.spec.role,
            rest: rest_of(strength.spec.role),
            outcome,
        })
    }
}

/// Seconds between working sets by a lift's role.
fn rest_of(role: Role) -> (u32, u32) {
    match role {
        Role::Main => (150, 210),
        Role::Secondary => (90, 150),
        Role::Accessory => (50, 90),
    }
}

/// Lays a session out in time: its lifts in order, with the clock running through warm-ups,
/// work and rests, and the notes and session RPE the lifter writes at the end.
fn session(
    title: String,
    done: Vec<Done>,
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
    let mut slots = Vec::with_capacity(done.len());
    let mut bouts = Vec::new();
    let (mut rpe_sum, mut rated) = (0.0, 0_u32);
    let lift_count = done.len();
    for (i, lift) in done.into_iter().enumerate() {
        if let Some(pr) = lift.outcome.pr.filter(|_| rng.chance(0.6)) {
            notes.push(pr);
        }
        let set_count = lift.outcome.sets.len();
        let mut sets = Vec::with_capacity(set_count);
        for (j, done) in lift.outcome.sets.into_iter().enumerate() {
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
            let rest = if last_of_lift {
                rng.inclusive(90, 210)
            } else if warmup {
                rng.inclusive(45, 90)
            } else {
                rng.inclusive(lift.rest.0, lift.rest.1.max(lift.rest.0))
            };
            if !(last_of_lift && i + 1 == lift_count) {
                clock += seconds(rest);
            }
        }
        let note = if lift.role == Role::Main && rng.chance(0.03) {
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
            title,
            rpe,
            notes: notes.join(". "),
            body_weight: Some(Weight::from_kg(today.body)?),
            slots,
        },
        week: 0,
        deload: today.deload,
        bouts,
        program: None,
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
        let plans = plan(&options(3), &exercises(), &demo_profile(today()).unwrap())
            .unwrap()
            .sessions;
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
