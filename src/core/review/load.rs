//! The training-load view: daily load, fitness / fatigue / form, ACWR with its band, weekly
//! totals, time in zones and polarisation, and the week's monotony and strain (science.md).
//!
//! CTL, ATL and ACWR are computed over every day from the first training day (CTL needs the
//! history) and then cut to the range.

mod daily;
mod monotony;
#[cfg(test)]
mod tests;
mod zone_time;

use chrono::NaiveDate;

pub use daily::{
    DEFAULT_RPE_SCALE, DailyLoads, DayLoad, LoadCounts, LoadSource, MIN_CALIBRATION_SESSIONS,
    RpeScale, ScaleSource, SessionScore, session_score,
};
pub use monotony::{MONOTONY_DAYS, MONOTONY_HIGH, Monotony, monotony};
pub use zone_time::{Polarisation, ZoneTime, split, zone_labels};

use super::SessionLoad;
use super::range::Range;
use crate::core::load::acwr::{self, Band, Method};
use crate::core::load::pmc;
use crate::core::strength::history::week_start;
use zone_time::ZoneTally;

/// One day of the chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LoadDay {
    pub date: NaiveDate,
    /// The day's load (hrTSS, or estimated hrTSS); 0 on rest days.
    pub load: f64,
    /// Some of the load was estimated from session RPE.
    pub estimated: bool,
    /// Fitness after the day's load.
    pub ctl: f64,
    /// Fatigue after the day's load.
    pub atl: f64,
    /// Form: yesterday's CTL − ATL.
    pub tsb: f64,
    /// Acute:chronic ratio; `None` before 28 days of history or without chronic load.
    pub acwr: Option<f64>,
    pub band: Option<Band>,
}

/// One week (Monday to Sunday) of the range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LoadWeek {
    /// The Monday.
    pub start: NaiveDate,
    /// Sessions in the week (inside the range).
    pub sessions: usize,
    /// hrTSS measured from heart rate.
    pub measured: f64,
    /// hrTSS estimated from session RPE.
    pub estimated: f64,
    /// `measured + estimated`.
    pub total: f64,
    /// Sessions with neither heart rate nor session RPE.
    pub no_load_sessions: usize,
    /// Time in zones and polarisation.
    pub zones: ZoneTime,
}

/// The figures at the end of the range (today).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LoadFigures {
    pub date: NaiveDate,
    pub ctl: f64,
    pub atl: f64,
    /// Yesterday's CTL − ATL.
    pub tsb: f64,
    pub acwr: Option<f64>,
    pub band: Option<Band>,
}

/// Everything the training-load screen, the dashboard and `report` show for a range.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainingLoad {
    pub range: Range,
    pub today: NaiveDate,
    /// How ACWR was averaged.
    pub method: Method,
    /// The first day shown: the range's start or the first training day, whichever is later;
    /// `None` without any session up to today.
    pub from: Option<NaiveDate>,
    /// Every day from `from` to `today`.
    pub days: Vec<LoadDay>,
    /// Every week from the one `from` falls in to the current one, empty weeks included.
    pub weeks: Vec<LoadWeek>,
    /// Time in zones and polarisation over the range, all sessions with heart rate.
    pub zones: ZoneTime,
    /// Polarisation over the range's cardio sessions only.
    pub cardio_polarisation: Option<Polarisation>,
    /// CTL, ATL, TSB and ACWR today; `None` without sessions.
    pub end: Option<LoadFigures>,
    /// Monotony and strain over the last 7 days.
    pub monotony: Option<Monotony>,
    /// The scale estimates used.
    pub scale: RpeScale,
    /// The range's sessions by where their load came from.
    pub counts: LoadCounts,
}

/// The training-load view of `sessions` (any order) for `range` ending `today`. O(n log n + days).
pub fn training_load(
    sessions: &[SessionLoad],
    range: Range,
    today: NaiveDate,
    method: Method,
) -> TrainingLoad {
    view(sessions, range, range.start(today), today, method)
}

/// The training-load view for the days `from` to `today`, a period no [`Range`] expresses
/// (`ironpulse report --since`). It is [`training_load`] with the range starting at `from`
/// (its `range` reads [`Range::All`]): the same history before `from`, the same figures at the
/// end. Weeks still run Monday to Sunday, so the first one may start before `from`; only
/// sessions from `from` count in it. O(n log n + days).
pub fn training_load_from(
    sessions: &[SessionLoad],
    from: NaiveDate,
    today: NaiveDate,
    method: Method,
) -> TrainingLoad {
    view(sessions, Range::All, Some(from), today, method)
}

fn view(
    sessions: &[SessionLoad],
    range: Range,
    range_start: Option<NaiveDate>,
    today: NaiveDate,
    method: Method,
) -> TrainingLoad {
    let daily = DailyLoads::build(sessions, today);
    let loads = daily.loads();
    let chart = pmc::series(&loads);
    let ratios = acwr::series(method, &loads);
    let from = daily
        .days
        .first()
        .map(|first| range_start.map_or(first.date, |start| start.max(first.date)));
    let days: Vec<LoadDay> = daily
        .days
        .iter()
        .zip(chart)
        .zip(ratios)
        .filter(|((d, _), _)| from.is_some_and(|from| d.date >= from))
        .map(|((d, p), ratio)| LoadDay {
            date: d.date,
            load: d.load,
            estimated: d.estimated,
            ctl: p.ctl,
            atl: p.atl,
            tsb: p.tsb,
            acwr: ratio,
            band: ratio.map(Band::of),
        })
        .collect();
    let end = days.last().map(|d| LoadFigures {
        date: d.date,
        ctl: d.ctl,
        atl: d.atl,
        tsb: d.tsb,
        acwr: d.acwr,
        band: d.band,
    });
    let mut view = TrainingLoad {
        range,
        today,
        method,
        from,
        days,
        weeks: Vec::new(),
        zones: ZoneTally::default().finish(),
        cardio_polarisation: None,
        end,
        monotony: monotony(&daily.days, today),
        scale: daily.scale,
        counts: LoadCounts::default(),
    };
    if let Some(from) = from {
        add_weeks(&mut view, sessions, from, daily.scale);
    }
    view
}

/// Fills the weekly totals, the range's zone time and its session counts.
fn add_weeks(view: &mut TrainingLoad, sessions: &[SessionLoad], from: NaiveDate, scale: RpeScale) {
    let first_week = week_start(from);
    let weeks =
        usize::try_from((week_start(view.today) - first_week).num_days() / 7 + 1).unwrap_or(0);
    let mut tallies = vec![ZoneTally::default(); weeks];
    let (mut all, mut cardio) = (ZoneTally::default(), ZoneTally::default());
    view.weeks = (0..weeks)
        .map(|i| LoadWeek {
            start: first_week + chrono::Duration::days(7 * i as i64),
            sessions: 0,
            measured: 0.0,
            estimated: 0.0,
            total: 0.0,
            no_load_sessions: 0,
            zones: ZoneTally::default().finish(),
        })
        .collect();
    for s in sessions
        .iter()
        .filter(|s| s.date >= from && s.date <= view.today)
    {
        let i = usize::try_from((s.date - first_week).num_days() / 7).unwrap_or(0);
        let (Some(week), Some(tally)) = (view.weeks.get_mut(i), tallies.get_mut(i)) else {
            continue;
        };
        let score = session_score(s, scale);
        view.counts.add(score.source);
        week.sessions += 1;
        match score.source {
            LoadSource::Measured => week.measured += score.load,
            LoadSource::Estimated => week.estimated += score.load,
            LoadSource::NoLoad => week.no_load_sessions += 1,
        }
        week.total += score.load;
        if let Some(hr) = &s.hr {
            tally.add(hr);
            all.add(hr);
            if s.cardio {
                cardio.add(hr);
            }
        }
    }
    for (week, tally) in view.weeks.iter_mut().zip(&tallies) {
        week.zones = tally.finish();
    }
    view.zones = all.finish();
    view.cardio_polarisation = cardio.finish().polarisation;
}
