//! Daily training load (science.md): the day's hrTSS where a session has one, otherwise an
//! estimate from session RPE on the same scale.

use chrono::NaiveDate;

use super::super::SessionLoad;
use crate::core::heart::load::foster_load;
use crate::core::trend_line::plus_days;

/// The default scale from Foster load (RPE × minutes) to hrTSS: an hour at session RPE 7
/// ("very hard" on the CR-10, about threshold) scores 100, like an hour at LTHR does in hrTSS.
pub const DEFAULT_RPE_SCALE: f64 = 100.0 / 420.0;

/// Sessions with both hrTSS and session RPE needed before the lifter's own scale replaces the
/// default.
pub const MIN_CALIBRATION_SESSIONS: usize = 3;

/// Where the RPE scale came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScaleSource {
    /// [`DEFAULT_RPE_SCALE`]: fewer than three sessions had both figures.
    Default,
    /// The median hrTSS / Foster load over this many of the lifter's sessions.
    Calibrated { sessions: usize },
}

/// How Foster load turns into estimated hrTSS for sessions without heart rate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RpeScale {
    /// hrTSS per unit of Foster load.
    pub factor: f64,
    pub source: ScaleSource,
}

impl Default for RpeScale {
    fn default() -> Self {
        RpeScale {
            factor: DEFAULT_RPE_SCALE,
            source: ScaleSource::Default,
        }
    }
}

impl RpeScale {
    /// The median of hrTSS / Foster load over the sessions that have both (at least
    /// [`MIN_CALIBRATION_SESSIONS`]), else the default. O(n log n).
    pub fn calibrate<'a>(sessions: impl IntoIterator<Item = &'a SessionLoad>) -> RpeScale {
        let mut ratios: Vec<f64> = sessions
            .into_iter()
            .filter_map(|s| {
                let tss = measured(s)?;
                let foster = foster(s)?;
                (foster > 0.0).then(|| tss / foster)
            })
            .collect();
        if ratios.len() < MIN_CALIBRATION_SESSIONS {
            return RpeScale::default();
        }
        ratios.sort_by(f64::total_cmp);
        let mid = ratios.len() / 2;
        let median = if ratios.len().is_multiple_of(2) {
            f64::midpoint(ratios[mid - 1], ratios[mid])
        } else {
            ratios[mid]
        };
        RpeScale {
            factor: median,
            source: ScaleSource::Calibrated {
                sessions: ratios.len(),
            },
        }
    }
}

/// Where a session's load came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LoadSource {
    /// HR-based hrTSS from the session's heart rate.
    Measured,
    /// Estimated from session RPE × minutes.
    Estimated,
    /// Neither hrTSS nor session RPE: counts 0.
    NoLoad,
}

/// One session's load and where it came from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SessionScore {
    pub load: f64,
    pub source: LoadSource,
}

fn measured(s: &SessionLoad) -> Option<f64> {
    s.hr.and_then(|hr| hr.hr_tss)
        .filter(|t| t.is_finite() && *t >= 0.0)
}

fn foster(s: &SessionLoad) -> Option<f64> {
    foster_load(f64::from(s.rpe?), s.minutes).ok()
}

/// A session's load: its hrTSS, else its Foster load × `scale`, else 0 ("no load").
pub fn session_score(session: &SessionLoad, scale: RpeScale) -> SessionScore {
    if let Some(load) = measured(session) {
        return SessionScore {
            load,
            source: LoadSource::Measured,
        };
    }
    match foster(session) {
        Some(f) => SessionScore {
            load: f * scale.factor,
            source: LoadSource::Estimated,
        },
        None => SessionScore {
            load: 0.0,
            source: LoadSource::NoLoad,
        },
    }
}

/// How many sessions had each kind of load.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LoadCounts {
    pub sessions: usize,
    /// With hrTSS.
    pub measured: usize,
    /// Estimated from session RPE.
    pub estimated: usize,
    /// With neither heart rate (hrTSS) nor session RPE.
    pub no_load: usize,
}

impl LoadCounts {
    pub(crate) fn add(&mut self, source: LoadSource) {
        self.sessions += 1;
        match source {
            LoadSource::Measured => self.measured += 1,
            LoadSource::Estimated => self.estimated += 1,
            LoadSource::NoLoad => self.no_load += 1,
        }
    }
}

/// One calendar day's load.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DayLoad {
    pub date: NaiveDate,
    /// Sum of the day's session loads; 0 on rest days.
    pub load: f64,
    /// Some of the load was estimated from session RPE.
    pub estimated: bool,
}

/// Every day's load from the first training day to today.
#[derive(Debug, Clone, PartialEq)]
pub struct DailyLoads {
    /// One entry per calendar day, oldest first; empty without sessions up to today.
    pub days: Vec<DayLoad>,
    /// The scale the estimates used.
    pub scale: RpeScale,
    /// Every session up to today, by where its load came from.
    pub counts: LoadCounts,
}

impl DailyLoads {
    /// Daily loads of `sessions` (any order) from the first session's day to `today`; sessions
    /// after `today` are left out. O(n log n) for the scale, O(n + days) for the rest.
    pub fn build(sessions: &[SessionLoad], today: NaiveDate) -> DailyLoads {
        let past: Vec<&SessionLoad> = sessions.iter().filter(|s| s.date <= today).collect();
        let scale = RpeScale::calibrate(past.iter().copied());
        let mut counts = LoadCounts::default();
        let Some(first) = past.iter().map(|s| s.date).min() else {
            return DailyLoads {
                days: Vec::new(),
                scale,
                counts,
            };
        };
        let len = usize::try_from((today - first).num_days() + 1).unwrap_or(0);
        let mut days: Vec<DayLoad> = (0..len)
            .map(|i| DayLoad {
                date: plus_days(first, i as u64),
                load: 0.0,
                estimated: false,
            })
            .collect();
        for s in past {
            let score = session_score(s, scale);
            counts.add(score.source);
            if let Some(day) = usize::try_from((s.date - first).num_days())
                .ok()
                .and_then(|i| days.get_mut(i))
            {
                day.load += score.load;
                day.estimated |= score.source == LoadSource::Estimated;
            }
        }
        DailyLoads {
            days,
            scale,
            counts,
        }
    }

    /// The loads alone, for `core::load::pmc` and `core::load::acwr`.
    pub fn loads(&self) -> Vec<f64> {
        self.days.iter().map(|d| d.load).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::review::tests_support::{day, hr_session, rpe_session};

    #[test]
    fn the_default_scale_makes_an_hour_at_rpe_7_a_hundred() {
        let s = rpe_session(1, 7, 60.0);
        let score = session_score(&s, RpeScale::default());
        assert!((score.load - 100.0).abs() < 1e-9);
        assert_eq!(score.source, LoadSource::Estimated);
    }

    #[test]
    fn the_scale_is_the_median_of_the_lifters_sessions() {
        // Foster loads 7 × 60 = 420 each; hrTSS 84, 126, 105 → ratios 0.2, 0.3, 0.25 → 0.25.
        let mut sessions: Vec<SessionLoad> = [84.0, 126.0, 105.0]
            .iter()
            .enumerate()
            .map(|(i, &tss)| {
                let mut s = hr_session(i as u32 + 1, tss, [0; 7]);
                s.rpe = Some(7);
                s.minutes = 60.0;
                s
            })
            .collect();
        let scale = RpeScale::calibrate(&sessions);
        assert!((scale.factor - 0.25).abs() < 1e-12);
        assert_eq!(scale.source, ScaleSource::Calibrated { sessions: 3 });
        // A fourth (ratio 0.5) makes the median the mean of the middle two: (0.25 + 0.3) / 2.
        let mut s = hr_session(4, 210.0, [0; 7]);
        s.rpe = Some(7);
        s.minutes = 60.0;
        sessions.push(s);
        assert!((RpeScale::calibrate(&sessions).factor - 0.275).abs() < 1e-12);
        // Two calibrating sessions are not enough.
        assert_eq!(RpeScale::calibrate(&sessions[..2]), RpeScale::default());
    }

    #[test]
    fn days_run_from_the_first_session_to_today_with_rest_days_zero() {
        let mut none = rpe_session(3, 7, 45.0);
        none.rpe = None;
        let sessions = [
            hr_session(3, 80.0, [0; 7]),
            rpe_session(3, 6, 70.0),
            rpe_session(1, 7, 60.0),
            none,
            rpe_session(9, 7, 60.0),
        ];
        let daily = DailyLoads::build(&sessions, day(5));
        let loads = daily.loads();
        assert_eq!(loads.len(), 5, "1st to 5th; the 9th is in the future");
        assert!((loads[0] - 100.0).abs() < 1e-9);
        assert!(loads[1].abs() < 1e-12);
        assert!((loads[2] - (80.0 + 420.0 * DEFAULT_RPE_SCALE)).abs() < 1e-9);
        assert!(daily.days[2].estimated && daily.days[0].estimated);
        assert!(!daily.days[1].estimated);
        assert_eq!(
            daily.counts,
            LoadCounts {
                sessions: 4,
                measured: 1,
                estimated: 2,
                no_load: 1
            }
        );
        assert!(DailyLoads::build(&[], day(5)).days.is_empty());
    }
}
