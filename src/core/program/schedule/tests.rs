use chrono::{NaiveDate, Weekday};

use super::*;

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn spec(start: &str, days: &str, policy: MissedPolicy) -> Spec {
    Spec {
        start: d(start),
        weekdays: weekdays(days).unwrap(),
        policy,
        total: None,
        pauses: vec![],
    }
}

/// "2026-01-26 0 done" lines for the days up to `until`.
fn show(days: &[CalDay]) -> Vec<String> {
    days.iter()
        .map(|c| {
            let status = match c.status {
                Status::Done => "done",
                Status::Missed => "missed",
                Status::Skipped => "skipped",
                Status::Shifted => "shifted",
                Status::Planned => "planned",
            };
            let moved = c.moved_from.map_or(String::new(), |m| format!(" from {m}"));
            format!("{} {} {status}{moved}", c.date, c.seq)
        })
        .collect()
}

#[test]
fn three_days_a_week_across_a_month_end() {
    // 2026-01-28 is a Wednesday.
    let s = spec("2026-01-28", "mon,wed,fri", MissedPolicy::Shift);
    let days = lay_out(&s, &[], d("2026-01-28"), d("2026-02-06"));
    assert_eq!(
        show(&days),
        [
            "2026-01-28 0 planned",
            "2026-01-30 1 planned",
            "2026-02-02 2 planned",
            "2026-02-04 3 planned",
            "2026-02-06 4 planned",
        ]
    );
}

#[test]
fn a_start_on_a_rest_day_begins_on_the_next_training_day() {
    // 2026-02-28 is a Saturday; 2026 is not a leap year.
    let s = spec("2026-02-28", "mon,thu", MissedPolicy::Shift);
    let days = lay_out(&s, &[], d("2026-02-28"), d("2026-03-05"));
    assert_eq!(
        show(&days),
        ["2026-03-02 0 planned", "2026-03-05 1 planned"]
    );
}

#[test]
fn a_missed_day_shifts_the_plan_when_the_lifter_chose_shift() {
    let s = spec("2026-03-02", "mon,wed,fri", MissedPolicy::Shift);
    // Monday done; Wednesday and Friday passed untrained; today is Saturday.
    let marks = [(0, Mark::Done(d("2026-03-02")))];
    let days = lay_out(&s, &marks, d("2026-03-07"), d("2026-03-11"));
    assert_eq!(
        show(&days),
        [
            "2026-03-02 0 done",
            "2026-03-04 1 shifted",
            "2026-03-06 1 shifted",
            "2026-03-09 1 planned",
            "2026-03-11 2 planned",
        ]
    );
    assert_eq!(due(&days, d("2026-03-07")), None, "Saturday is a rest day");
    assert_eq!(next_planned(&days, d("2026-03-07")).map(|c| c.seq), Some(1));
}

#[test]
fn a_missed_day_is_marked_and_the_plan_keeps_its_dates_when_chosen() {
    let s = spec("2026-03-02", "mon,wed,fri", MissedPolicy::Mark);
    let marks = [(0, Mark::Done(d("2026-03-02")))];
    let days = lay_out(&s, &marks, d("2026-03-07"), d("2026-03-11"));
    assert_eq!(
        show(&days),
        [
            "2026-03-02 0 done",
            "2026-03-04 1 missed",
            "2026-03-06 2 missed",
            "2026-03-09 3 planned",
            "2026-03-11 4 planned",
        ]
    );
}

#[test]
fn moved_and_skipped_days_and_a_late_session() {
    let s = spec("2026-03-02", "mon,wed,fri", MissedPolicy::Shift);
    let marks = [
        (0, Mark::Done(d("2026-03-03"))),  // Monday's day trained on Tuesday
        (1, Mark::Skipped),                // Wednesday skipped
        (2, Mark::Moved(d("2026-03-07"))), // Friday's day moved to Saturday
    ];
    let days = lay_out(&s, &marks, d("2026-03-03"), d("2026-03-11"));
    assert_eq!(
        show(&days),
        [
            "2026-03-03 0 done",
            "2026-03-04 1 skipped",
            "2026-03-07 2 planned from 2026-03-06",
            "2026-03-09 3 planned",
            "2026-03-11 4 planned",
        ]
    );
    assert_eq!(due(&days, d("2026-03-07")).map(|c| c.seq), Some(2));
}

#[test]
fn clock_changes_move_nothing() {
    // Europe's clocks go forward on 2026-03-29, the US's on 2026-03-08: dates are days.
    let s = spec("2026-03-06", "fri,sun,tue", MissedPolicy::Shift);
    let days = lay_out(&s, &[], d("2026-03-06"), d("2026-03-31"));
    let dates: Vec<String> = days.iter().map(|c| c.date.to_string()).collect();
    assert!(dates.contains(&"2026-03-08".to_string()));
    assert!(dates.contains(&"2026-03-29".to_string()));
    assert!(dates.contains(&"2026-03-31".to_string()));
    assert_eq!(
        days.len(),
        12,
        "4 weeks minus a day, three a week: {dates:?}"
    );
}

#[test]
fn a_pause_holds_the_plan_and_resuming_picks_up_the_next_day() {
    let mut s = spec("2026-03-02", "mon,wed,fri", MissedPolicy::Shift);
    s.pauses = vec![(d("2026-03-04"), Some(d("2026-03-16")))];
    let marks = [(0, Mark::Done(d("2026-03-02")))];
    let days = lay_out(&s, &marks, d("2026-03-16"), d("2026-03-18"));
    assert_eq!(
        show(&days),
        [
            "2026-03-02 0 done",
            "2026-03-16 1 planned",
            "2026-03-18 2 planned"
        ]
    );
    s.pauses = vec![(d("2026-03-04"), None)];
    let days = lay_out(&s, &marks, d("2026-03-16"), d("2026-03-18"));
    assert_eq!(
        show(&days),
        ["2026-03-02 0 done"],
        "paused: nothing planned"
    );
}

#[test]
fn a_finite_program_ends_after_its_days() {
    let mut s = spec("2026-03-02", "mon,wed,fri", MissedPolicy::Shift);
    s.total = Some(4);
    let days = lay_out(&s, &[], d("2026-03-02"), d("2026-04-30"));
    assert_eq!(days.len(), 4);
    assert_eq!(days[3].date, d("2026-03-09"));
}

#[test]
fn weekdays_read_and_refuse() {
    assert_eq!(
        weekdays("fri, mon,wed").unwrap(),
        vec![Weekday::Mon, Weekday::Wed, Weekday::Fri]
    );
    assert_eq!(
        weekdays("monday,tuesday").unwrap(),
        vec![Weekday::Mon, Weekday::Tue]
    );
    assert_eq!(
        weekdays("mon,funday").unwrap_err(),
        "\"funday\" is not a weekday (mon, tue, wed, thu, fri, sat, sun)"
    );
    assert_eq!(weekdays_text(&default_weekdays(3)), "mon,wed,fri");
}

#[test]
fn a_day_trained_before_the_pause_stays_done() {
    // Paused from the day trained: the day is kept, nothing new is planned.
    let mut s = spec("2026-12-07", "mon,wed,fri", MissedPolicy::Shift);
    s.pauses = vec![(d("2026-12-07"), None)];
    let marks = [(0, Mark::Done(d("2026-12-07")))];
    let days = lay_out(&s, &marks, d("2026-12-08"), d("2026-12-31"));
    assert_eq!(show(&days), ["2026-12-07 0 done"]);
}
