//! `ironpulse report [--since DATE] [--until DATE] [--json]`: a period's sessions, volume, PRs,
//! training load, time in zones, HRV, insights and deload signals, as of `--until`.
//!
//! Every figure comes from the same rows ([`ReviewRows`]) and core functions as the review
//! screens and the dashboard, so the numbers agree; a fixed database gives a fixed report.

pub(crate) mod json;
pub(crate) mod period;
pub(crate) mod text;

use std::collections::{HashMap, HashSet};

use chrono::Utc;
use clap::Args;
use ironpulse::core::load::acwr::Method;
use ironpulse::core::profile::Profile;
use ironpulse::core::program::adherence::Counts;
use ironpulse::core::review::SessionLoad;
use ironpulse::core::review::hrv::{HrvTrend, hrv_trend};
use ironpulse::core::review::insights::Insight;
use ironpulse::core::review::load::{
    SessionScore, TrainingLoad, session_score, training_load_from,
};
use ironpulse::core::review::range::Range;
use ironpulse::core::review::records::{ReviewPr, prs_between, review_prs};
use ironpulse::core::strength::history::week_start;
use ironpulse::core::units::Unit;
use ironpulse::core::workout::exercise::{ExerciseId, ExerciseKind};
use ironpulse::core::workout::session::SessionId;
use ironpulse::read::{ProgramRun, ReviewRows};
use ironpulse::store::Store;

use super::deload::check;
use super::program::running::{running_on, weeks_between};
use super::recommend::{profile_or_default, read_existing};
use super::{Context, Failure, output};
use ironpulse::read::DeloadCheck;
use period::Period;

/// How the report averages ACWR: the rolling method, as every review view does.
pub(crate) const METHOD: Method = Method::Rolling;

/// Options for `ironpulse report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// First day of the period, YYYY-MM-DD [default: 27 days before --until]
    #[arg(long, value_name = "DATE")]
    since: Option<String>,

    /// Last day of the period, YYYY-MM-DD; everything is as of this day [default: today, UTC]
    #[arg(long, value_name = "DATE")]
    until: Option<String>,

    /// Print one JSON object instead of text
    #[arg(long)]
    json: bool,
}

/// One finished session of the period.
pub(crate) struct SessionLine {
    pub(crate) load: SessionLoad,
    /// Its hrTSS, or the estimate from session RPE, or no load.
    pub(crate) score: SessionScore,
}

/// One exercise's share of the period's working volume.
pub(crate) struct LiftVolume {
    pub(crate) exercise: ExerciseId,
    pub(crate) name: String,
    pub(crate) sessions: usize,
    pub(crate) sets: u32,
    pub(crate) volume_kg: f64,
}

/// Everything the report shows, computed; the text and the JSON only format it.
pub(crate) struct Report {
    pub(crate) period: Period,
    pub(crate) unit: Unit,
    /// No finished session at all up to `until`.
    pub(crate) nothing_yet: bool,
    pub(crate) sessions: Vec<SessionLine>,
    /// Working volume of each week of `load.weeks` (the same Mondays), kg × reps.
    pub(crate) week_volume: Vec<f64>,
    /// The lifts with working volume in the period, the most first.
    pub(crate) lifts: Vec<LiftVolume>,
    pub(crate) prs: Vec<ReviewPr>,
    pub(crate) names: HashMap<ExerciseId, String>,
    /// The training-load view of the period.
    pub(crate) load: TrainingLoad,
    pub(crate) hrv: HrvTrend,
    /// HRV readings taken in the period.
    pub(crate) hrv_in_period: usize,
    pub(crate) insights: Vec<Insight>,
    pub(crate) deload: DeloadCheck,
    /// The program running on `until`, with the adherence of its weeks that have a day in the
    /// period.
    pub(crate) program: Option<(ProgramRun, Vec<(u16, Counts)>)>,
}

/// Prints the report.
pub fn run(ctx: &Context, args: &ReportArgs) -> Result<(), Failure> {
    let period = Period::parse(
        args.since.as_deref(),
        args.until.as_deref(),
        Utc::now().date_naive(),
    )
    .map_err(Failure::Usage)?;
    let store = read_existing(&ctx.db_path()?)?;
    let profile = profile_or_default(&store)?;
    let report = Report::read(&store, &profile, period)?;
    if args.json {
        output::line(json::report(&report))
    } else {
        output::text(&text::report(&report))
    }
}

impl Report {
    /// Reads the rows as of `period.until` and computes the report, weights quoted in the
    /// profile's unit.
    pub(crate) fn read(
        store: &Store,
        profile: &Profile,
        period: Period,
    ) -> Result<Report, Failure> {
        let unit = profile.unit;
        let read = |err| Failure::from_store(err, "read the training history");
        let rows = ReviewRows::read(store, period.until, None).map_err(read)?;
        let load = training_load_from(&rows.sessions, period.since, period.until, METHOD);
        let sessions: Vec<SessionLine> = rows
            .sessions
            .iter()
            .filter(|s| period.contains(s.date))
            .map(|s| SessionLine {
                load: s.clone(),
                score: session_score(s, load.scale),
            })
            .collect();
        let week_volume = week_volume(&load, &sessions);
        let names: HashMap<ExerciseId, String> = rows
            .exercises
            .iter()
            .map(|e| (e.id, e.name.clone()))
            .collect();
        let cardio: HashSet<ExerciseId> = rows
            .exercises
            .iter()
            .filter(|e| e.kind == ExerciseKind::Cardio)
            .map(|e| e.id)
            .collect();
        let finished: HashSet<SessionId> = sessions.iter().map(|s| s.load.session).collect();
        let lifts = lift_volumes(&rows, &finished, &cardio, &names);
        let prs = prs_between(
            &review_prs(&rows.exercise_sessions),
            Some(period.since),
            period.until,
        );
        let hrv = hrv_trend(&rows.hrv, Range::All, period.until);
        let hrv_in_period = hrv
            .readings
            .iter()
            .filter(|r| period.contains(r.date))
            .count();
        Ok(Report {
            period,
            unit,
            nothing_yet: rows.sessions.is_empty(),
            sessions,
            week_volume,
            lifts,
            prs,
            names,
            hrv,
            hrv_in_period,
            insights: rows.insights(unit),
            deload: check(store, unit, period.until)?,
            program: running_on(store, profile, period.until)?.map(|run| {
                let weeks = weeks_between(&run, period.since, period.until);
                (run, weeks)
            }),
            load,
        })
    }

    /// The name of an exercise, or "exercise #id".
    pub(crate) fn name(&self, id: ExerciseId) -> String {
        self.names
            .get(&id)
            .cloned()
            .unwrap_or_else(|| format!("exercise #{}", id.0))
    }
}

/// The working volume of each week of the load view, from the period's sessions.
fn week_volume(load: &TrainingLoad, sessions: &[SessionLine]) -> Vec<f64> {
    let mut volume = vec![0.0; load.weeks.len()];
    let Some(first) = load.weeks.first().map(|w| w.start) else {
        return volume;
    };
    for s in sessions {
        let week = week_start(s.load.date);
        let i = usize::try_from((week - first).num_days() / 7).ok();
        if let Some(cell) = i.and_then(|i| volume.get_mut(i))
            && s.load.volume_kg.is_finite()
        {
            *cell += s.load.volume_kg;
        }
    }
    volume
}

/// The working volume of each non-cardio exercise in the period's finished sessions.
fn lift_volumes(
    rows: &ReviewRows,
    finished: &HashSet<SessionId>,
    cardio: &HashSet<ExerciseId>,
    names: &HashMap<ExerciseId, String>,
) -> Vec<LiftVolume> {
    let mut by_lift: HashMap<ExerciseId, LiftVolume> = HashMap::new();
    for r in rows.exercise_sessions.iter().filter(|r| {
        finished.contains(&r.session) && !cardio.contains(&r.exercise) && r.volume_kg > 0.0
    }) {
        let lift = by_lift.entry(r.exercise).or_insert_with(|| LiftVolume {
            exercise: r.exercise,
            name: names
                .get(&r.exercise)
                .cloned()
                .unwrap_or_else(|| format!("exercise #{}", r.exercise.0)),
            sessions: 0,
            sets: 0,
            volume_kg: 0.0,
        });
        lift.sessions += 1;
        lift.sets += r.working_sets;
        lift.volume_kg += r.volume_kg;
    }
    let mut lifts: Vec<LiftVolume> = by_lift.into_values().collect();
    lifts.sort_by(|a, b| {
        b.volume_kg
            .total_cmp(&a.volume_kg)
            .then_with(|| a.name.cmp(&b.name))
    });
    lifts
}
