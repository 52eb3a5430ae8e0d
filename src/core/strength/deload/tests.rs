//! Scenarios (a fresh lifter, weeks of grinding, everything at once) and each signal's edges.

use chrono::{Days, NaiveDate};

use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 30).unwrap()
}

fn ago(days: u64) -> NaiveDate {
    today() - Days::new(days)
}

fn kg(v: f64) -> Weight {
    Weight::from_kg(v).unwrap()
}

/// A lift with one e1RM every 7 days, the last `values` entry today.
fn lift(name: &str, values: &[f64]) -> MainLift {
    let n = values.len() as u64;
    MainLift {
        name: name.into(),
        e1rms: values
            .iter()
            .enumerate()
            .map(|(i, &v)| E1rmPoint {
                date: ago(7 * (n - 1 - i as u64)),
                e1rm: kg(v),
            })
            .collect(),
    }
}

/// Weekly mean RPEs, the last week starting 6 days ago (the current week).
fn weeks(values: &[Option<f64>]) -> Vec<WeekRpe> {
    let n = values.len() as u64;
    values
        .iter()
        .enumerate()
        .map(|(i, &v)| WeekRpe {
            start: ago(6 + 7 * (n - 1 - i as u64)),
            mean_rpe: v,
        })
        .collect()
}

fn input<'a>(
    lifts: &'a [MainLift],
    weeks: &'a [WeekRpe],
    acwr: &'a [Option<f64>],
    last_deload: Option<NaiveDate>,
) -> DeloadInput<'a> {
    DeloadInput {
        main_lifts: lifts,
        weeks,
        acwr,
        last_deload,
        training_since: Some(ago(400)),
    }
}

fn kinds(advice: &DeloadAdvice) -> Vec<SignalKind> {
    advice.signals.iter().map(|s| s.kind).collect()
}

#[test]
fn fresh_lifter_has_no_signals() {
    let lifts = [lift("Squat", &[100.0, 105.0, 110.0])];
    let weeks = weeks(&[Some(7.5), Some(8.0), Some(8.0)]);
    let acwr = [None; 14];
    let input = DeloadInput {
        training_since: Some(ago(20)),
        last_deload: None,
        ..input(&lifts, &weeks, &acwr, None)
    };
    let advice = assess(&input, &DeloadConfig::default(), today());
    assert!(advice.signals.is_empty());
    assert_eq!(advice.urgency, Urgency::None);
    assert_eq!(advice.plan, None);
    assert_eq!(advice.summary, "No deload signals.");
}

#[test]
fn grinding_for_weeks_rpe_and_e1rm_drop_is_medium() {
    // Squat losing 1.5 kg a week for 8 weeks (150 → 139.5: the line fits exactly, 7 % down,
    // −1.5 / 7 × 30.4375 / 150 = −4.3 %/month). RPE 9.2 then 9.4. ACWR steady.
    let lifts = [
        lift(
            "Squat",
            &[150.0, 148.5, 147.0, 145.5, 144.0, 142.5, 141.0, 139.5],
        ),
        lift("Bench", &[100.0, 101.0, 100.0, 100.0, 99.0]),
    ];
    let weeks = weeks(&[Some(8.5), Some(9.2), Some(9.4)]);
    let acwr = [Some(1.1); 28];
    let advice = assess(
        &input(&lifts, &weeks, &acwr, Some(ago(21))),
        &DeloadConfig::default(),
        today(),
    );
    assert_eq!(kinds(&advice), [SignalKind::E1rmDrop, SignalKind::HighRpe]);
    assert_eq!(
        advice.signals[0].message,
        "Squat e1RM falling: 7.0 % below its fitted 8-week start (150.0 → 139.5 kg, -4.3 %/month)."
    );
    assert_eq!(
        advice.signals[1].message,
        "Mean working-set RPE has been 9 or higher for 2 weeks in a row (9.2, 9.4)."
    );
    assert_eq!(advice.urgency, Urgency::Medium);
    assert_eq!(
        advice.plan,
        Some(DeloadPlan {
            volume_cut_percent: 40,
            days: 7
        })
    );
    assert_eq!(
        advice.summary,
        "2 deload signals: a lighter week would help — cut volume by 40 % for 7 days."
    );
}

#[test]
fn all_four_signals_are_high() {
    // 2 kg a week down for 8 weeks: 200 → 186, 7 %.
    let lifts = [lift(
        "Deadlift",
        &[200.0, 198.0, 196.0, 194.0, 192.0, 190.0, 188.0, 186.0],
    )];
    let weeks = weeks(&[Some(9.0), Some(9.5), Some(9.5)]);
    let mut acwr = vec![Some(1.2); 24];
    acwr.extend([Some(1.6), Some(1.4), Some(1.72), None, Some(1.55)]);
    let advice = assess(
        &input(&lifts, &weeks, &acwr, Some(ago(44))),
        &DeloadConfig::default(),
        today(),
    );
    assert_eq!(
        kinds(&advice),
        [
            SignalKind::E1rmDrop,
            SignalKind::HighRpe,
            SignalKind::AcwrSpike,
            SignalKind::WeeksSinceDeload
        ]
    );
    let messages: Vec<&str> = advice.signals.iter().map(|s| s.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "Deadlift e1RM falling: 7.0 % below its fitted 8-week start (200.0 → 186.0 kg, -4.3 %/month).",
            "Mean working-set RPE has been 9 or higher for 3 weeks in a row (9.0, 9.5, 9.5).",
            "ACWR above 1.5 on 3 of the last 7 days (highest 1.72).",
            "6 weeks since your last deload (the guide is every 5).",
        ]
    );
    assert_eq!(advice.urgency, Urgency::High);
    assert_eq!(
        advice.summary,
        "4 deload signals: deload now — cut volume by 40 % for 7 days."
    );
}

#[test]
fn steady_progress_needs_no_deload() {
    // Eight weeks of rising e1RMs at RPE 8, a steady ACWR, the last deload three weeks ago.
    let lifts = [
        lift(
            "Squat",
            &[140.0, 142.5, 145.0, 147.5, 150.0, 152.5, 155.0, 157.5],
        ),
        lift(
            "Bench",
            &[100.0, 101.0, 102.0, 103.0, 104.0, 105.0, 106.0, 107.0],
        ),
    ];
    let weeks = weeks(&[Some(8.0); 8]);
    let acwr = [Some(1.0); 28];
    let advice = assess(
        &input(&lifts, &weeks, &acwr, Some(ago(21))),
        &DeloadConfig::default(),
        today(),
    );
    assert_eq!(kinds(&advice), []);
    assert_eq!(advice.urgency, Urgency::None);
    assert_eq!(advice.summary, "No deload signals.");
}

#[test]
fn stall_is_watched_then_a_drop_recommends_a_deload() {
    // A squat stuck at 150 for weeks is no drop; five weeks since the last deload is one signal:
    // a watch, not a deload.
    let stalled = [lift(
        "Squat",
        &[150.0, 150.0, 149.0, 150.0, 149.0, 150.0, 149.0],
    )];
    let weeks = weeks(&[Some(8.5); 5]);
    let acwr = [Some(1.1); 28];
    let advice = assess(
        &input(&stalled, &weeks, &acwr, Some(ago(35))),
        &DeloadConfig::default(),
        today(),
    );
    assert_eq!(kinds(&advice), [SignalKind::WeeksSinceDeload]);
    assert_eq!(advice.urgency, Urgency::None);
    assert_eq!(
        advice.summary,
        "1 deload signal: no deload yet, keep an eye on it."
    );
    // The stall turns into a slide: the line through 150, 150, 149, 148, 146, 144, 142 runs from
    // 151.18 to 142.82 (−5.5 %, −4.0 %/month, t = −8.6). Two signals: medium.
    let sliding = [lift(
        "Squat",
        &[150.0, 150.0, 149.0, 148.0, 146.0, 144.0, 142.0],
    )];
    let advice = assess(
        &input(&sliding, &weeks, &acwr, Some(ago(35))),
        &DeloadConfig::default(),
        today(),
    );
    assert_eq!(
        kinds(&advice),
        [SignalKind::E1rmDrop, SignalKind::WeeksSinceDeload]
    );
    assert_eq!(
        advice.signals[0].message,
        "Squat e1RM falling: 5.5 % below its fitted 8-week start (151.2 → 142.8 kg, -4.0 %/month)."
    );
    assert_eq!(advice.urgency, Urgency::Medium);
}

#[test]
fn fatigue_rpe_and_acwr_climbing_recommend_a_deload() {
    // Strength holds, but two weeks at RPE 9+ and a load spike: ACWR 1.6, 1.7, 1.8 this week.
    let lifts = [lift("Squat", &[150.0, 151.0, 151.0])];
    let weeks = weeks(&[Some(8.0), Some(9.0), Some(9.5)]);
    let mut acwr = vec![Some(1.0); 25];
    acwr.extend([Some(1.3), Some(1.4), Some(1.6), Some(1.7), Some(1.8)]);
    let advice = assess(
        &input(&lifts, &weeks, &acwr, Some(ago(14))),
        &DeloadConfig::default(),
        today(),
    );
    assert_eq!(kinds(&advice), [SignalKind::HighRpe, SignalKind::AcwrSpike]);
    assert_eq!(
        advice.signals[1].message,
        "ACWR above 1.5 on 3 of the last 7 days (highest 1.80)."
    );
    assert_eq!(advice.urgency, Urgency::Medium);
    assert_eq!(advice.plan, Some(PLAN));
}

#[test]
fn comeback_after_a_deload_starts_the_count_again() {
    // The week after a deload (it ended yesterday): the deload week's lighter sets are not in
    // the main lifts (the store leaves them out), RPE is back to 8, so nothing fires — and the
    // weeks signal stays quiet until five weeks have passed again.
    let lifts = [lift("Squat", &[150.0, 152.0, 153.0])];
    let weeks = weeks(&[Some(9.0), Some(7.0), Some(8.0)]);
    let acwr = [Some(0.8); 28];
    let advice = assess(
        &input(&lifts, &weeks, &acwr, Some(ago(1))),
        &DeloadConfig::default(),
        today(),
    );
    assert_eq!(kinds(&advice), []);
    let later = today() + Days::new(34);
    let advice = assess(
        &input(&lifts, &[], &[], Some(ago(1))),
        &DeloadConfig::default(),
        later,
    );
    assert_eq!(kinds(&advice), [SignalKind::WeeksSinceDeload]);
    assert_eq!(
        advice.signals[0].message,
        "5 weeks since your last deload (the guide is every 5)."
    );
}

fn only(input: &DeloadInput<'_>) -> Vec<SignalKind> {
    kinds(&assess(input, &DeloadConfig::default(), today()))
}

/// A lift losing `percent` of 150 kg evenly over 8 weekly points ending today.
fn even_fall(percent: f64) -> MainLift {
    let values: Vec<f64> = (0..8)
        .map(|w| 150.0 * (1.0 - percent / 100.0 * f64::from(w) / 7.0))
        .collect();
    lift("Squat", &values)
}

#[test]
fn e1rm_drop_edges_five_percent_of_the_fitted_eight_week_start() {
    let fires =
        |lift: MainLift| only(&input(&[lift], &[], &[], None)).contains(&SignalKind::E1rmDrop);
    assert!(fires(even_fall(5.0)));
    assert!(!fires(even_fall(4.93)));
    // A peak nine weeks ago is outside the window: the last 8 weeks are flat.
    assert!(!fires(lift(
        "Squat",
        &[
            150.0, 140.0, 140.0, 140.0, 140.0, 140.0, 140.0, 140.0, 140.0, 140.0
        ]
    )));
    // Three weeks are too few to call a fall (the insights say nothing either), however steep.
    assert!(!fires(lift("Squat", &[150.0, 140.0, 130.0])));
    // A fall that ended three weeks ago does not speak for today.
    let stale = MainLift {
        name: "Squat".into(),
        e1rms: (0..6)
            .map(|w| E1rmPoint {
                date: ago(21 + 7 * (5 - w)),
                e1rm: kg(150.0 - 3.0 * w as f64),
            })
            .collect(),
    };
    assert!(!fires(stale));
}

#[test]
fn a_double_progression_hip_thrust_with_one_high_week_is_no_drop() {
    // The issue: weekly bests 180, 184, then 196.2 (one 12-rep set read high), 187, 183, 188,
    // 185, 186 — the lifter adding reps and load as double progression asks. Today's 186 is
    // 5.2 % under that one week, which used to be "11.5 % below its 8-week peak"-style alarm;
    // the line through the weeks rises (+0.5 %/month, 185.4 → 186.9), so nothing fires.
    let lifts = [lift(
        "Hip Thrust",
        &[180.0, 184.0, 196.2, 187.0, 183.0, 188.0, 185.0, 186.0],
    )];
    assert!(!only(&input(&lifts, &[], &[], None)).contains(&SignalKind::E1rmDrop));
}

#[test]
fn high_rpe_edges_two_weeks_in_a_row_at_nine() {
    let check = |values: &[Option<f64>]| {
        let w = weeks(values);
        only(&input(&[], &w, &[], None)).contains(&SignalKind::HighRpe)
    };
    assert!(check(&[Some(9.0), Some(9.0)]));
    assert!(!check(&[Some(9.5)])); // one week
    assert!(!check(&[Some(9.5), Some(8.5), Some(9.5)])); // not in a row
    assert!(!check(&[Some(9.5), None, Some(9.5)])); // a week without RPE breaks it
    assert!(!check(&[Some(9.0), Some(8.9)]));
    // A streak that ended three weeks ago is history.
    let old: Vec<WeekRpe> = [27, 20]
        .iter()
        .map(|&d| WeekRpe {
            start: ago(d),
            mean_rpe: Some(9.5),
        })
        .collect();
    assert!(!only(&input(&[], &old, &[], None)).contains(&SignalKind::HighRpe));
}

#[test]
fn acwr_edges_three_of_the_last_seven_days_above_one_and_a_half() {
    let check =
        |acwr: &[Option<f64>]| only(&input(&[], &[], acwr, None)).contains(&SignalKind::AcwrSpike);
    let high = Some(1.6);
    let ok = Some(1.0);
    assert!(check(&[high, ok, ok, high, ok, ok, high]));
    assert!(!check(&[high, ok, ok, ok, ok, high, ok, high])); // the first is 8 days ago
    assert!(!check(&[Some(1.5), Some(1.5), Some(1.5), high, high])); // 1.5 is not above
    assert!(!check(&[None; 7]));
    assert!(!check(&[]));
}

#[test]
fn weeks_since_deload_edges_default_five() {
    let check = |last: Option<NaiveDate>, since: Option<NaiveDate>, weeks: u32| {
        let i = DeloadInput {
            training_since: since,
            ..input(&[], &[], &[], last)
        };
        let config = DeloadConfig {
            weeks_between: weeks,
            ..DeloadConfig::default()
        };
        assess(&i, &config, today())
            .signals
            .iter()
            .find(|s| s.kind == SignalKind::WeeksSinceDeload)
            .map(|s| s.message.clone())
    };
    assert_eq!(
        check(Some(ago(35)), None, 5).as_deref(),
        Some("5 weeks since your last deload (the guide is every 5).")
    );
    assert_eq!(check(Some(ago(34)), None, 5), None);
    assert_eq!(
        check(None, Some(ago(50)), 5).as_deref(),
        Some("7 weeks of training without a deload (the guide is every 5).")
    );
    assert_eq!(check(None, None, 5), None);
    assert_eq!(check(Some(ago(50)), None, 8), None);
}

#[test]
fn one_signal_is_only_a_watch() {
    let acwr = [Some(1.8); 7];
    let advice = assess(
        &input(&[], &[], &acwr, Some(ago(7))),
        &DeloadConfig::default(),
        today(),
    );
    assert_eq!(kinds(&advice), [SignalKind::AcwrSpike]);
    assert_eq!(advice.urgency, Urgency::None);
    assert_eq!(advice.plan, None);
    assert_eq!(
        advice.summary,
        "1 deload signal: no deload yet, keep an eye on it."
    );
}

#[test]
fn messages_quote_weights_in_the_lifters_unit() {
    let lb = |v: f64| Weight::from_unit(v, Unit::Lb).unwrap();
    // 250 → 235 lb evenly over 8 weeks: 6 %, −15 / 49 × 30.4375 / 250 = −3.7 %/month.
    let lifts = [MainLift {
        name: "Bench".into(),
        e1rms: (0..8)
            .map(|w| E1rmPoint {
                date: ago(7 * (7 - w)),
                e1rm: lb(250.0 - 15.0 * w as f64 / 7.0),
            })
            .collect(),
    }];
    let config = DeloadConfig {
        unit: Unit::Lb,
        ..DeloadConfig::default()
    };
    let advice = assess(&input(&lifts, &[], &[], Some(ago(7))), &config, today());
    assert_eq!(
        advice.signals[0].message,
        "Bench e1RM falling: 6.0 % below its fitted 8-week start (250.0 → 235.0 lb, -3.7 %/month)."
    );
}
