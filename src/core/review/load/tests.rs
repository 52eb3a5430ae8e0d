use super::*;
use crate::core::review::tests_support::{day, hr_session, load_on, nth, rpe_session};

#[test]
fn a_single_hundred_on_day_one_science_md() {
    let view = training_load(
        &[hr_session(2, 100.0, [0; 7])],
        Range::All,
        day(3),
        Method::Rolling,
    );
    assert_eq!(view.from, Some(day(2)));
    assert_eq!(view.days.len(), 2);
    assert!((view.days[0].ctl - 2.3528).abs() < 1e-4);
    assert!((view.days[0].atl - 13.3122).abs() < 1e-4);
    let end = view.end.unwrap();
    assert_eq!(end.date, day(3));
    assert!(
        (end.tsb - (2.3528 - 13.3122)).abs() < 1e-4,
        "yesterday's CTL − ATL"
    );
    assert_eq!((end.acwr, end.band), (None, None), "fewer than 28 days");
}

#[test]
fn the_chart_needs_the_history_before_the_range() {
    // 100 a day for 60 days, the view on the last 4 weeks: CTL keeps its history.
    let sessions: Vec<SessionLoad> = (0..60).map(|i| load_on(nth(i), 100.0, 0.0)).collect();
    let today = nth(59);
    let view = training_load(&sessions, Range::Weeks4, today, Method::Rolling);
    let full = pmc::series(&[100.0; 60]);
    let from = Range::Weeks4.start(today).unwrap();
    assert_eq!(view.from, Some(from));
    assert_eq!(view.days.first().map(|d| d.date), Some(from));
    assert_eq!(view.days.len(), 60 - (from - nth(0)).num_days() as usize);
    let end = view.end.unwrap();
    assert!((end.ctl - full[59].ctl).abs() < 1e-12);
    assert!((end.ctl - 100.0 * (1.0 - (-60.0f64 / 42.0).exp())).abs() < 1e-9);
    assert!((end.acwr.unwrap() - 1.0).abs() < 1e-12);
    assert_eq!(end.band, Some(Band::SweetSpot));
    assert_eq!(view.weeks.len(), 4);
    assert!(view.weeks.iter().all(|w| w.start >= from));
}

#[test]
fn weekly_totals_keep_measured_and_estimated_apart() {
    let mut none = rpe_session(11, 7, 50.0);
    none.rpe = None;
    let sessions = [
        hr_session(3, 80.0, [0; 7]),
        rpe_session(4, 7, 60.0),
        none,
        hr_session(24, 50.0, [0; 7]),
    ];
    // Today Wednesday the 25th; Weeks4 starts Monday 2 June.
    let view = training_load(&sessions, Range::Weeks4, day(25), Method::Rolling);
    let starts: Vec<NaiveDate> = view.weeks.iter().map(|w| w.start).collect();
    assert_eq!(starts, [day(2), day(9), day(16), day(23)]);
    let w = &view.weeks[0];
    assert_eq!((w.sessions, w.no_load_sessions), (2, 0));
    assert!((w.measured - 80.0).abs() < 1e-9);
    assert!((w.estimated - 100.0).abs() < 1e-9);
    assert!((w.total - 180.0).abs() < 1e-9);
    assert_eq!(
        (view.weeks[1].sessions, view.weeks[1].no_load_sessions),
        (1, 1)
    );
    assert_eq!(view.weeks[2].sessions, 0, "an empty week is still there");
    assert!((view.weeks[3].measured - 50.0).abs() < 1e-9);
    assert_eq!(
        view.counts,
        LoadCounts {
            sessions: 4,
            measured: 2,
            estimated: 1,
            no_load: 1
        }
    );
    assert!(
        view.days
            .iter()
            .find(|d| d.date == day(4))
            .unwrap()
            .estimated
    );
    assert_eq!(view.from, Some(day(3)), "no days before the first session");
}

#[test]
fn zones_and_polarisation_by_week_and_for_cardio() {
    let mut run = hr_session(3, 60.0, [0, 2400, 1200, 400, 0, 0, 0]);
    run.cardio = true;
    let lift = hr_session(5, 40.0, [1800, 600, 0, 600, 600, 0, 0]);
    let view = training_load(&[run, lift], Range::Weeks4, day(8), Method::Rolling);
    let week = view.weeks.last().unwrap();
    assert_eq!(week.zones.seconds, [1800, 3000, 1200, 1000, 600, 0, 0]);
    // Low 3600 + 600, high 400 + 1200; zone 0 left out.
    let p = week.zones.polarisation.unwrap();
    assert_eq!((p.low_seconds, p.high_seconds), (4200, 1600));
    assert_eq!(view.zones.seconds, week.zones.seconds);
    let cardio = view.cardio_polarisation.unwrap();
    assert!((cardio.low_percent - 90.0).abs() < 1e-9);
    assert!((cardio.high_percent - 10.0).abs() < 1e-9);
}

#[test]
fn nothing_to_show_without_sessions() {
    let view = training_load(&[], Range::Weeks12, day(8), Method::Rolling);
    assert_eq!(view.from, None);
    assert!(view.days.is_empty() && view.weeks.is_empty());
    assert_eq!((view.end, view.monotony), (None, None));
    assert_eq!(view.counts.sessions, 0);
}

#[test]
fn a_period_from_any_day_matches_the_range_view() {
    // 100 a day for 60 days: from the range's Monday the two views are the same.
    let sessions: Vec<SessionLoad> = (0..60).map(|i| load_on(nth(i), 100.0, 0.0)).collect();
    let today = nth(59);
    let start = Range::Weeks4.start(today).unwrap();
    let ranged = training_load(&sessions, Range::Weeks4, today, Method::Rolling);
    let from = training_load_from(&sessions, start, today, Method::Rolling);
    assert_eq!(from.days, ranged.days);
    assert_eq!(from.weeks, ranged.weeks);
    assert_eq!((from.end, from.monotony), (ranged.end, ranged.monotony));
    assert_eq!(from.range, Range::All);
    // A Wednesday start: the first week is the Monday's, counting only sessions from Wednesday.
    let wednesday = start + chrono::Duration::days(2);
    let mid = training_load_from(&sessions, wednesday, today, Method::Rolling);
    assert_eq!(mid.from, Some(wednesday));
    assert_eq!(mid.days.first().map(|d| d.date), Some(wednesday));
    assert_eq!(mid.weeks.first().map(|w| w.start), Some(start));
    assert_eq!(mid.weeks[0].sessions, 5);
    assert!((mid.weeks[0].total - 500.0).abs() < 1e-9);
    assert_eq!(
        mid.end, ranged.end,
        "the figures at the end keep the whole history"
    );
    // Before the first training day the view starts on it.
    let early = training_load_from(&sessions, nth(-10), today, Method::Rolling);
    assert_eq!(early.from, Some(nth(0)));
}
