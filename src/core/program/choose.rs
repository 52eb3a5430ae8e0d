//! Which built-in suits a lifter: ranked by experience, days a week, session length and goal,
//! each with its reasons in words and numbers ("3 days, novice: GZCLP — …").

use super::{Goal, Level, Meta};

/// What the lifter asks for. Unset fields count for nothing either way.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Ask {
    /// Months of training in their history (from the first logged session).
    pub months: Option<f64>,
    pub days: Option<u8>,
    pub minutes: Option<u32>,
    pub goal: Option<Goal>,
}

/// The level a training age suits (programs.md §1's bands: under 3 months, 3–12, over a year;
/// ironpulse calls two years and more advanced).
pub fn level_for(months: f64) -> Level {
    if months < 3.0 {
        Level::Novice
    } else if months < 24.0 {
        Level::Intermediate
    } else {
        Level::Advanced
    }
}

/// One program as ranked.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    /// Its index in the candidates.
    pub index: usize,
    pub score: i32,
    /// Why, best reasons first: "written for 3 days a week, as asked".
    pub reasons: Vec<String>,
}

/// The candidates (each program's header and its estimated minutes a session), best first; ties
/// keep the given order (easiest first in the library).
pub fn rank(candidates: &[(&Meta, u32)], ask: &Ask) -> Vec<Ranked> {
    let mut ranked: Vec<Ranked> = candidates
        .iter()
        .enumerate()
        .map(|(index, (meta, minutes))| {
            let mut score = 0;
            let mut reasons = Vec::new();
            let mut note = |points: i32, reason: String| {
                score += points;
                reasons.push((points, reason));
            };
            if let Some(months) = ask.months {
                let level = level_for(months);
                let levels = &meta.level;
                let span = levels_text(levels);
                if levels.contains(&level) {
                    note(
                        30,
                        format!("{span}: fits {} of training", months_text(months)),
                    );
                } else if levels.iter().any(|l| (*l as i32 - level as i32).abs() == 1) {
                    note(
                        0,
                        format!("{span}, a step from {} of training", months_text(months)),
                    );
                } else {
                    note(
                        -30,
                        format!("{span}: not for {} of training", months_text(months)),
                    );
                }
            }
            if let (Some(asked), Some(days)) = (ask.days, meta.days) {
                match (i16::from(days) - i16::from(asked)).abs() {
                    0 => note(30, format!("{days} days a week, as asked")),
                    1 => note(5, format!("{days} days a week (you asked {asked})")),
                    _ => note(-30, format!("{days} days a week, not {asked}")),
                }
            }
            if let Some(asked) = ask.minutes {
                if *minutes <= asked {
                    note(20, format!("about {minutes} min a session, within {asked}"));
                } else if *minutes * 10 <= asked * 12 {
                    note(
                        5,
                        format!("about {minutes} min a session, a little over {asked}"),
                    );
                } else {
                    note(-20, format!("about {minutes} min a session, over {asked}"));
                }
            }
            if let (Some(asked), Some(goal)) = (ask.goal, meta.goal) {
                if asked == goal {
                    note(20, format!("trains for {}, as asked", goal.code()));
                } else if goal == Goal::Both || asked == Goal::Both {
                    note(
                        10,
                        format!("trains for {} (you asked {})", goal.code(), asked.code()),
                    );
                } else {
                    note(
                        -20,
                        format!("trains for {}, not {}", goal.code(), asked.code()),
                    );
                }
            }
            reasons.sort_by_key(|(points, _)| -points);
            Ranked {
                index,
                score,
                reasons: reasons.into_iter().map(|(_, r)| r).collect(),
            }
        })
        .collect();
    ranked.sort_by_key(|r| -r.score);
    ranked
}

/// "novice–intermediate".
pub fn levels_text(levels: &[Level]) -> String {
    levels
        .iter()
        .map(|l| l.code())
        .collect::<Vec<_>>()
        .join("–")
}

/// "2 months", "1 year", "3.5 years".
fn months_text(months: f64) -> String {
    if months < 12.0 {
        let m = months.round().max(0.0) as i64;
        format!("{m} month{}", if m == 1 { "" } else { "s" })
    } else {
        let y = (months / 12.0 * 2.0).round() / 2.0;
        let shown = crate::core::units::format_number(y);
        format!(
            "{shown} year{}",
            if (y - 1.0).abs() < f64::EPSILON {
                ""
            } else {
                "s"
            }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::program::parse;

    fn meta(level: &str, goal: &str, days: u8) -> Meta {
        parse(&format!(
            "program: P\nlevel: {level}\ngoal: {goal}\ndays: {days}\nday A\n  Squat: 3x5\n"
        ))
        .unwrap()
        .meta
    }

    #[test]
    fn a_three_day_novice_gets_the_three_day_novice_program_first_with_reasons() {
        let gzclp = meta("novice-intermediate", "strength", 3);
        let ppl = meta("novice", "hypertrophy", 6);
        let juggernaut = meta("intermediate-advanced", "both", 4);
        let ask = Ask {
            months: Some(1.0),
            days: Some(3),
            minutes: Some(60),
            goal: Some(Goal::Strength),
        };
        let ranked = rank(&[(&juggernaut, 75), (&ppl, 70), (&gzclp, 55)], &ask);
        assert_eq!(ranked[0].index, 2);
        assert_eq!(
            ranked[0].reasons,
            vec![
                "novice–intermediate: fits 1 month of training",
                "3 days a week, as asked",
                "about 55 min a session, within 60",
                "trains for strength, as asked",
            ]
        );
        assert_eq!(ranked[0].score, 100);
        let jug = ranked.iter().find(|r| r.index == 0).unwrap();
        assert_eq!(
            jug.reasons,
            vec![
                "trains for both (you asked strength)",
                "4 days a week (you asked 3)",
                "intermediate–advanced, a step from 1 month of training",
                "about 75 min a session, over 60",
            ]
        );
        assert_eq!(jug.score, 10 + 5 - 20);
        let ppl = ranked.iter().find(|r| r.index == 1).unwrap();
        assert_eq!(
            ppl.score,
            5 - 20,
            "6 days for a 3-day week weighs against it"
        );
    }

    #[test]
    fn training_age_bands() {
        assert_eq!(level_for(2.9), Level::Novice);
        assert_eq!(level_for(3.0), Level::Intermediate);
        assert_eq!(level_for(30.0), Level::Advanced);
        assert_eq!(months_text(18.0), "1.5 years");
        assert_eq!(months_text(1.0), "1 month");
    }
}
