//! Which built-in programs the demo lifter runs, in turn: a novice linear program first, then
//! intermediate ones for a few months each — finished, or abandoned when one does not suit them —
//! and at the end one they are still running.

use chrono::Weekday;

use crate::core::rng::Rng;
use crate::store::RunStatus;

/// When a program's last stretch starts: with this many weeks or fewer to go, the lifter starts
/// one they keep running to the end of the history.
pub const FINAL_WEEKS: u32 = 40;

/// The novice program every demo lifter starts with.
const FIRST: &str = "gzclp";

/// The intermediate programs they choose from afterwards.
const LATER: &[&str] = &[
    "531-bbb",
    "texas-method",
    "candito-6-week",
    "531-fsl",
    "531",
];

/// Those that run open-ended, one of which the history ends in.
const LAST: &[&str] = &["531-fsl", "531"];

/// How a run comes to an end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// A linear program: finished once it has run `min` weeks and its main lifts have started
    /// over twice, or after `max` weeks.
    Stalled { min: u32, max: u32 },
    /// After this many weeks, finished or abandoned.
    After(u32, RunStatus),
    /// When its written weeks are done.
    Done,
    /// Still running at the end of the history.
    Never,
}

/// One program the lifter runs: the built-in, its training days, and when they stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stint {
    pub slug: &'static str,
    pub weekdays: &'static [Weekday],
    pub end: End,
}

/// Three training days: Monday, Thursday, Saturday (Tuesday and Friday are the lifter's own).
const THREE: &[Weekday] = &[Weekday::Mon, Weekday::Thu, Weekday::Sat];
/// Four: Monday, Tuesday, Thursday, Friday (Saturday is the lifter's own).
const FOUR: &[Weekday] = &[Weekday::Mon, Weekday::Tue, Weekday::Thu, Weekday::Fri];

/// The lifter's `number`th program (from 0), with `weeks_left` of history to go, after `last`.
pub fn next(number: usize, weeks_left: u32, last: Option<&str>, rng: &mut Rng) -> Stint {
    if number == 0 {
        return stint(FIRST, End::Stalled { min: 12, max: 20 });
    }
    let others = |list: &'static [&'static str]| -> Vec<&'static str> {
        list.iter().copied().filter(|s| Some(*s) != last).collect()
    };
    if weeks_left <= FINAL_WEEKS {
        let slug = rng.pick(&others(LAST)).copied().unwrap_or(LAST[0]);
        return stint(slug, End::Never);
    }
    let slug = rng.pick(&others(LATER)).copied().unwrap_or(LATER[0]);
    let end = match slug {
        "candito-6-week" => End::Done,
        "texas-method" => End::After(rng.inclusive(5, 9), RunStatus::Abandoned),
        _ => End::After(4 * rng.inclusive(4, 8), RunStatus::Finished),
    };
    stint(slug, end)
}

fn stint(slug: &'static str, end: End) -> Stint {
    let weekdays = match slug {
        "gzclp" | "texas-method" => THREE,
        _ => FOUR,
    };
    Stint {
        slug,
        weekdays,
        end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::program::library::BUILTINS;
    use crate::core::program::plan::days_per_week;

    #[test]
    fn each_program_is_a_built_in_trained_on_as_many_days_as_it_is_written_for() {
        for slug in std::iter::once(&FIRST).chain(LATER).chain(LAST) {
            let builtin = BUILTINS.iter().find(|b| b.slug == *slug).unwrap();
            let program = builtin.program().unwrap();
            assert_eq!(
                stint(slug, End::Never).weekdays.len(),
                days_per_week(&program),
                "{slug}"
            );
            assert_eq!(
                program.meta.length_weeks.is_some(),
                *slug == "candito-6-week",
                "{slug}"
            );
        }
        for slug in LAST {
            assert!(LATER.contains(slug));
        }
    }

    #[test]
    fn a_novice_program_first_then_others_in_turn_and_an_open_one_last() {
        let mut rng = Rng::new(3);
        assert_eq!(next(0, 500, None, &mut rng).slug, FIRST);
        let mut last = FIRST;
        for n in 1..40 {
            let s = next(n, 300, Some(last), &mut rng);
            assert_ne!(s.slug, last);
            assert_ne!(s.end, End::Never);
            last = s.slug;
        }
        let s = next(5, FINAL_WEEKS, Some("531"), &mut rng);
        assert_eq!(s.end, End::Never);
        assert!(LAST.contains(&s.slug) && s.slug != "531");
    }
}
