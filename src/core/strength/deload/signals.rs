//! The four deload signals, each a pure check returning its sentence when it fires.

use chrono::{Days, NaiveDate};

use super::{MainLift, Signal, SignalKind, WeekRpe};
use crate::core::strength::e1rm_trend::{Direction, E1rmTrend};
use crate::core::units::{Unit, Weight};

/// Signal 1: the fitted e1RM this far below its fitted start 8 weeks back (5 %).
pub const E1RM_DROP: f64 = 0.05;
/// The current e1RM must be this recent to speak for today.
pub const CURRENT_WITHIN_DAYS: u64 = 14;
/// Signal 2: mean working-set RPE at or above this …
pub const HIGH_RPE: f64 = 9.0;
/// … for this many weeks in a row.
pub const HIGH_RPE_WEEKS: usize = 2;
/// Signal 3: ACWR above this …
pub const ACWR_HIGH: f64 = 1.5;
/// … on this many …
pub const ACWR_HIGH_DAYS: usize = 3;
/// … of the last this many days.
pub const ACWR_WINDOW_DAYS: usize = 7;

fn days_before(today: NaiveDate, days: u64) -> NaiveDate {
    today
        .checked_sub_days(Days::new(days))
        .unwrap_or(NaiveDate::MIN)
}

/// Signal 1, for every main lift whose e1RM is falling by the verdict every e1RM trend the
/// lifter sees uses ([`E1rmTrend`]: the line through each week's best of the last 8 weeks,
/// deload weeks left out, losing 2 %+ a month and 2+ standard errors down, over 4+ weeks spanning
/// 6+) and whose fitted e1RM now is 5 % or more below where the line starts — its peak, a falling
/// line being highest at its start — with an e1RM in the last 14 days. A single high week (one
/// 12-rep set read high, a good day) is a point the line passes, not a peak to fall from; and a
/// lift the insights do not call falling never raises this signal.
pub(super) fn e1rm_drop(lifts: &[MainLift], unit: Unit, today: NaiveDate) -> Option<Signal> {
    let recent = days_before(today, CURRENT_WITHIN_DAYS);
    let in_unit = |w: Weight| w.kg() / unit.kg_factor();
    let drops: Vec<String> = lifts
        .iter()
        .filter_map(|lift| {
            let points = lift.e1rms.iter().map(|p| (p.date, p.e1rm));
            let trend = E1rmTrend::fit(points, &[], today)?;
            let latest = trend.e1rm.line.last;
            let falling = trend.verdict() == Some(Direction::Decreasing);
            (falling && latest >= recent && -trend.change_percent >= E1RM_DROP * 100.0 - 1e-9).then(
                || {
                    format!(
                        "{} e1RM falling: {:.1} % below its fitted 8-week start ({:.1} → {:.1} \
                         {unit}, {:+.1} %/month)",
                        lift.name,
                        -trend.change_percent,
                        in_unit(trend.e1rm.start),
                        in_unit(trend.e1rm.end),
                        trend.percent_per_month,
                    )
                },
            )
        })
        .collect();
    (!drops.is_empty()).then(|| Signal {
        kind: SignalKind::E1rmDrop,
        message: format!("{}.", drops.join("; ")),
    })
}

/// Signal 2: the most recent weeks (the latest starting within 14 days) have had a mean
/// working-set RPE ≥ 9 for 2+ weeks in a row.
pub(super) fn high_rpe(weeks: &[WeekRpe], today: NaiveDate) -> Option<Signal> {
    let mut sorted: Vec<&WeekRpe> = weeks.iter().filter(|w| w.start <= today).collect();
    sorted.sort_by_key(|w| std::cmp::Reverse(w.start));
    let latest = sorted.first()?;
    if latest.start < days_before(today, 14) {
        return None;
    }
    let mut streak: Vec<f64> = Vec::new();
    let mut expected = latest.start;
    for week in sorted {
        match week.mean_rpe {
            Some(rpe) if week.start == expected && rpe >= HIGH_RPE => {
                streak.push(rpe);
                expected = days_before(week.start, 7);
            }
            _ => break,
        }
    }
    (streak.len() >= HIGH_RPE_WEEKS).then(|| {
        let values: Vec<String> = streak.iter().rev().map(|r| format!("{r:.1}")).collect();
        Signal {
            kind: SignalKind::HighRpe,
            message: format!(
                "Mean working-set RPE has been 9 or higher for {} weeks in a row ({}).",
                streak.len(),
                values.join(", ")
            ),
        }
    })
}

/// Signal 3: ACWR above 1.5 on 3+ of the last 7 days (`acwr` ends today).
pub(super) fn acwr_spike(acwr: &[Option<f64>]) -> Option<Signal> {
    let last = &acwr[acwr.len().saturating_sub(ACWR_WINDOW_DAYS)..];
    let high: Vec<f64> = last
        .iter()
        .flatten()
        .copied()
        .filter(|r| *r > ACWR_HIGH)
        .collect();
    (high.len() >= ACWR_HIGH_DAYS).then(|| Signal {
        kind: SignalKind::AcwrSpike,
        message: format!(
            "ACWR above 1.5 on {} of the last 7 days (highest {:.2}).",
            high.len(),
            high.iter().copied().fold(f64::MIN, f64::max)
        ),
    })
}

/// Signal 4: `weeks_between` or more whole weeks since the last deload, or since training
/// began when there has been none.
pub(super) fn weeks_since_deload(
    last_deload: Option<NaiveDate>,
    training_since: Option<NaiveDate>,
    weeks_between: u32,
    today: NaiveDate,
) -> Option<Signal> {
    let since = last_deload.or(training_since)?;
    let weeks = (today - since).num_days() / 7;
    (weeks >= i64::from(weeks_between)).then(|| Signal {
        kind: SignalKind::WeeksSinceDeload,
        message: if last_deload.is_some() {
            format!("{weeks} weeks since your last deload (the guide is every {weeks_between}).")
        } else {
            format!(
                "{weeks} weeks of training without a deload (the guide is every {weeks_between})."
            )
        },
    })
}
