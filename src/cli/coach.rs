//! `ironpulse context [--json] [--as-of DATE]`: a structured progression context for a coach or
//! an assistant — strength progress over 8 weeks, endurance, recovery, the current
//! recommendations and the insights. (The file is not `context.rs`: that is the CLI's run
//! context.)

mod json;
mod text;

use chrono::{Duration, NaiveDate, Utc};
use clap::Args;
use ironpulse::core::profile::Profile;
use ironpulse::core::program::adherence::Counts;
use ironpulse::core::review::hrv::{HrvTrend, hrv_trend};
use ironpulse::core::review::insights::Insight;
use ironpulse::core::review::load::{TrainingLoad, training_load, training_load_from};
use ironpulse::core::review::range::Range;
use ironpulse::core::review::strength::{
    Direction, StrengthContext, VOLUME_FLAT_PERCENT_PER_MONTH, WINDOW_DAYS, strength,
};
use ironpulse::core::strength::history::week_start;
use ironpulse::core::trend_line::TrendLine;
use ironpulse::core::units::Unit;
use ironpulse::core::workout::exercise::ExerciseId;
use ironpulse::read::{ProgramRun, ReviewRows};
use ironpulse::store::Store;

use super::deload::check;
use super::program::running::{running_on, weeks_between};
use super::recommend::{profile_or_default, read_existing};
use super::report::METHOD;
use super::report::period::{DEFAULT_DAYS, parse_date};
use super::{Context, Failure, output};
use ironpulse::read::DeloadCheck;
use ironpulse::read::{Advice, Recommendations};

/// Weeks in the endurance part: this week and the 7 before, Monday to Sunday.
pub(crate) const ENDURANCE_WEEKS: i64 = 8;

/// Options for `ironpulse context`.
#[derive(Debug, Args)]
pub struct ContextArgs {
    /// Print one JSON object instead of text
    #[arg(long)]
    json: bool,

    /// The day the context is for, YYYY-MM-DD [default: today, UTC]
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
}

/// Weekly hrTSS over the last 8 weeks and where it is heading.
pub(crate) struct Endurance {
    /// The training-load view of the 8 weeks (the load screen's weeks).
    pub(crate) view: TrainingLoad,
    /// The trend of the whole weeks' totals (the running week left out), dated by their Sunday.
    pub(crate) trend: Option<TrendLine>,
    /// The trend's direction, flat within ±5 % a month as for volume.
    pub(crate) direction: Option<Direction>,
    /// CTL 56 days before today; `None` before the first training day.
    pub(crate) ctl_then: Option<(NaiveDate, f64)>,
    /// Cardio sessions in the 8 weeks.
    pub(crate) cardio_sessions: usize,
}

/// Everything `context` shows, computed; the text and the JSON only format it.
pub(crate) struct Coach<'a> {
    pub(crate) today: NaiveDate,
    pub(crate) unit: Unit,
    pub(crate) nothing_yet: bool,
    pub(crate) strength: StrengthContext,
    pub(crate) endurance: Endurance,
    /// The figures today over all history (CTL, ATL, TSB, ACWR, monotony).
    pub(crate) load: TrainingLoad,
    pub(crate) hrv: HrvTrend,
    pub(crate) deload: DeloadCheck,
    pub(crate) recommendations: Vec<Advice<'a>>,
    pub(crate) insights: Vec<Insight>,
    /// The program running on `today`, with the adherence of its weeks that have a day in the
    /// last 4 weeks (the report's default period).
    pub(crate) program: Option<(ProgramRun, Vec<(u16, Counts)>)>,
}

/// Prints the context.
pub fn run(ctx: &Context, args: &ContextArgs) -> Result<(), Failure> {
    let today = match &args.as_of {
        Some(text) => parse_date("--as-of", text).map_err(Failure::Usage)?,
        None => Utc::now().date_naive(),
    };
    let store = read_existing(&ctx.db_path()?)?;
    let profile = profile_or_default(&store)?;
    let read = |err| Failure::from_store(err, "read the training history");
    let rows = ReviewRows::read(&store, today, None).map_err(read)?;
    let Recommendations(recommendations) =
        Recommendations::recent(&store, &profile, &rows.exercises, today).map_err(read)?;
    let coach = Coach::compute(&store, &rows, &profile, recommendations)?;
    if args.json {
        output::line(json::coach(&coach))
    } else {
        output::text(&text::coach(&coach))
    }
}

impl<'a> Coach<'a> {
    /// The context as of `rows.today`, weights quoted in the profile's unit.
    fn compute(
        store: &Store,
        rows: &ReviewRows,
        profile: &Profile,
        recommendations: Vec<Advice<'a>>,
    ) -> Result<Coach<'a>, Failure> {
        let today = rows.today;
        let unit = profile.unit;
        let since = today - Duration::days(i64::try_from(DEFAULT_DAYS).unwrap_or(28) - 1);
        let program = running_on(store, profile, today)?.map(|run| {
            let weeks = weeks_between(&run, since, today);
            (run, weeks)
        });
        let load = training_load(&rows.sessions, Range::All, today, METHOD);
        Ok(Coach {
            today,
            unit,
            nothing_yet: rows.sessions.is_empty() && rows.exercise_sessions.is_empty(),
            strength: strength(
                &rows.exercise_sessions,
                &rows.exercises,
                &rows.deloads,
                today,
            ),
            endurance: endurance(rows, &load),
            hrv: hrv_trend(&rows.hrv, Range::Weeks4, today),
            deload: check(store, unit, today)?,
            insights: rows.insights(unit),
            recommendations,
            load,
            program,
        })
    }

    /// The name of one of the strength lifts.
    pub(crate) fn lift_name(&self, id: ExerciseId) -> String {
        self.strength
            .lifts
            .iter()
            .find(|l| l.exercise == id)
            .map_or_else(|| format!("exercise #{}", id.0), |l| l.name.clone())
    }
}

/// The endurance part as of `rows.today`, with CTL 8 weeks ago from `all` (all history).
fn endurance(rows: &ReviewRows, all: &TrainingLoad) -> Endurance {
    let today = rows.today;
    let from = week_start(today) - Duration::days(7 * (ENDURANCE_WEEKS - 1));
    let view = training_load_from(&rows.sessions, from, today, METHOD);
    let points: Vec<(NaiveDate, f64)> = view
        .weeks
        .iter()
        .map(|w| (w.start + Duration::days(6), w.total))
        .filter(|&(sunday, _)| sunday <= today)
        .collect();
    let trend = TrendLine::fit(&points);
    let then = today - Duration::days(i64::try_from(WINDOW_DAYS).unwrap_or(56));
    Endurance {
        direction: trend
            .and_then(|t| t.percent_per_month)
            .map(|p| Direction::of(p, VOLUME_FLAT_PERCENT_PER_MONTH)),
        trend,
        ctl_then: all
            .days
            .iter()
            .find(|d| d.date == then)
            .map(|d| (d.date, d.ctl)),
        cardio_sessions: rows
            .sessions
            .iter()
            .filter(|s| s.cardio && s.date >= from && s.date <= today)
            .count(),
        view,
    }
}
