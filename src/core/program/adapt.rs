//! Adaptive changes: when a lift stalls or the deload check turns medium or high, the program
//! *proposes* a change with its reasons and numbers; the lifter accepts or declines it.
//!
//! The triggers (ironpulse's own, built on programs.md §5's stall rules):
//! - a plateau: the slot's last [`PLATEAU_SESSIONS`] sessions moved nothing → take 10 % off and
//!   build back (the linear rules' reset, offered where the rule has none);
//! - resets piling up: [`RESETS_BEFORE_SWAP`] resets in the slot's last [`RESET_WINDOW`] sessions
//!   → fewer sets per session (`StrongLifts`' "after three deloads, 3x5"), when it has more than 3;
//! - a training max that fell short this cycle under a rule with no cut of its own → TM −10 %;
//! - the deload check at medium or high with no deload recorded → a deload week.

use super::Program;
use super::slot::Slots;
use crate::core::strength::deload::Urgency;
use crate::core::units::{Unit, Weight};

/// Sessions in a row without a change that count as a plateau.
pub const PLATEAU_SESSIONS: usize = 3;
/// Resets within the window that suggest a lighter scheme.
pub const RESETS_BEFORE_SWAP: usize = 2;
pub const RESET_WINDOW: usize = 6;
/// The cut a reset or a training-max cut proposes.
pub const CUT: f64 = 0.10;

/// What happened to a slot after one of its sessions, newest last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The load (or training max) went up.
    Up,
    /// Nothing moved.
    Same,
    /// The load went down (a reset).
    Down,
}

/// A change the program proposes.
#[derive(Debug, Clone, PartialEq)]
pub enum Proposal {
    /// Take `cut` off the slot's working load.
    Reset {
        slot: String,
        from: Weight,
        to: Weight,
    },
    /// Do `to` sets instead of `from` on the slot's lines.
    FewerSets { slot: String, from: u16, to: u16 },
    /// Cut the lift's training max.
    TmCut {
        exercise: String,
        from: Weight,
        to: Weight,
    },
    /// Take a deload week from the next training day.
    DeloadWeek,
}

impl Proposal {
    /// The slot (or lift) it is about; None for a deload week.
    pub fn slot(&self) -> Option<&str> {
        match self {
            Proposal::Reset { slot, .. } | Proposal::FewerSets { slot, .. } => Some(slot),
            Proposal::TmCut { exercise, .. } => Some(exercise),
            Proposal::DeloadWeek => None,
        }
    }

    /// A stable name of its kind: `reset`, `fewer_sets`, `tm_cut`, `deload_week`.
    pub fn code(&self) -> &'static str {
        match self {
            Proposal::Reset { .. } => "reset",
            Proposal::FewerSets { .. } => "fewer_sets",
            Proposal::TmCut { .. } => "tm_cut",
            Proposal::DeloadWeek => "deload_week",
        }
    }
}

/// A proposal and why, in words and numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposed {
    pub proposal: Proposal,
    pub reason: String,
}

/// What the proposals are read from.
pub struct Situation<'a> {
    pub program: &'a Program,
    pub slots: &'a Slots,
    /// Each slot's outcomes, oldest first.
    pub outcomes: &'a [(String, Vec<Outcome>)],
    pub deload: Urgency,
    /// A deload is recorded now or ahead.
    pub deload_recorded: bool,
    /// The deload check's summary (its reasons).
    pub deload_summary: &'a str,
    pub unit: Unit,
}

/// The changes the situation calls for, each at most once.
pub fn proposals(s: &Situation<'_>) -> Vec<Proposed> {
    let show = |w: Weight| format!("{} {}", w.display(s.unit), s.unit);
    let mut out = Vec::new();
    for (slot, outcomes) in s.outcomes {
        let Some(state) = s.slots.state(slot) else {
            continue;
        };
        let resets = outcomes
            .iter()
            .rev()
            .take(RESET_WINDOW)
            .filter(|o| **o == Outcome::Down)
            .count();
        let sets = sets_of(s.program, slot);
        if resets >= RESETS_BEFORE_SWAP
            && let Some(from) = sets.filter(|n| *n > 3)
        {
            out.push(Proposed {
                proposal: Proposal::FewerSets {
                    slot: slot.clone(),
                    from,
                    to: 3,
                },
                reason: format!(
                    "{slot} was reset {resets} times in its last {RESET_WINDOW} sessions: \
                     {from} sets may be more than you recover from now; do 3 and build again"
                ),
            });
            continue;
        }
        let flat = outcomes.len() >= PLATEAU_SESSIONS
            && outcomes
                .iter()
                .rev()
                .take(PLATEAU_SESSIONS)
                .all(|o| *o == Outcome::Same);
        if flat && let Some(from) = state.working {
            let Ok(to) = Weight::from_kg(from.kg() * (1.0 - CUT)) else {
                continue;
            };
            out.push(Proposed {
                proposal: Proposal::Reset {
                    slot: slot.clone(),
                    from,
                    to,
                },
                reason: format!(
                    "{slot} has not moved in {PLATEAU_SESSIONS} sessions at {}: take 10 % off \
                     ({}) and build back up",
                    show(from),
                    show(to)
                ),
            });
        }
    }
    for (exercise, lift) in s.slots.lifts() {
        let Some(from) = lift.tm.filter(|_| lift.short_in_cycle) else {
            continue;
        };
        // Only a lift its program loads from a training max, under a rule with no cut of its
        // own (a stage ladder or `tm … fail` handles its misses itself).
        let of_lift = |key: &String| s.slots.exercise(key) == Some(exercise.as_str());
        let uncut = s.slots.rules().any(|(key, rule)| {
            of_lift(key)
                && matches!(
                    rule,
                    super::Rule::TmTable { .. }
                        | super::Rule::TmReps { .. }
                        | super::Rule::Tm { fail: None, .. }
                )
        });
        let cuts_itself = !uncut;
        let Ok(to) = Weight::from_kg(from.kg() * (1.0 - CUT)) else {
            continue;
        };
        if !cuts_itself {
            out.push(Proposed {
                proposal: Proposal::TmCut {
                    exercise: exercise.clone(),
                    from,
                    to,
                },
                reason: format!(
                    "an AMRAP fell short of its minimum this cycle; a training max of {} is more \
                     than you have today — cut it 10 % to {}",
                    show(from),
                    show(to)
                ),
            });
        }
    }
    if matches!(s.deload, Urgency::Medium | Urgency::High) && !s.deload_recorded {
        out.push(Proposed {
            proposal: Proposal::DeloadWeek,
            reason: format!("The deload check says: {}", s.deload_summary),
        });
    }
    out
}

/// The working sets of the slot's first line in the program (None when not found).
fn sets_of(program: &Program, slot: &str) -> Option<u16> {
    program
        .weeks
        .iter()
        .flat_map(|w| &w.days)
        .flat_map(|d| &d.lines)
        .find(|l| l.key() == slot)
        .map(|l| l.groups.iter().map(|g| g.sets).sum())
}

#[cfg(test)]
mod tests {
    use super::Outcome::{Down, Same, Up};
    use super::*;
    use crate::core::program::parse;
    use crate::core::program::slot::{LiftState, SlotState};

    fn kg(v: f64) -> Weight {
        Weight::from_kg(v).unwrap()
    }

    fn situation<'a>(
        program: &'a Program,
        slots: &'a Slots,
        outcomes: &'a [(String, Vec<Outcome>)],
        deload: Urgency,
    ) -> Situation<'a> {
        Situation {
            program,
            slots,
            outcomes,
            deload,
            deload_recorded: false,
            deload_summary: "2 signals: mean RPE 9.1 for 2 weeks; ACWR 1.62",
            unit: Unit::Kg,
        }
    }

    const SL: &str = "program: SL\nday A\n  Squat: 5x5; start 100kg; progress linear +2.5kg fails 3 reset 10%\n  Curl: 3x8-12; start 20kg; progress double +1kg\n";

    fn slots_at(program: &Program, squat: f64, curl: f64) -> Slots {
        let mut slots = Slots::of(program);
        slots.set(
            "Squat",
            SlotState {
                working: Some(kg(squat)),
                ..SlotState::default()
            },
        );
        slots.set(
            "Curl",
            SlotState {
                working: Some(kg(curl)),
                ..SlotState::default()
            },
        );
        slots
    }

    #[test]
    fn a_plateau_of_three_sessions_proposes_a_reset_with_its_numbers() {
        let p = parse(SL).unwrap();
        let slots = slots_at(&p, 100.0, 20.0);
        let outcomes = vec![
            ("Squat".to_string(), vec![Up, Up, Same, Same]),
            ("Curl".to_string(), vec![Up, Same, Same, Same]),
        ];
        let got = proposals(&situation(&p, &slots, &outcomes, Urgency::None));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            got[0].proposal,
            Proposal::Reset {
                slot: "Curl".into(),
                from: kg(20.0),
                to: kg(18.0)
            }
        );
        assert_eq!(
            got[0].reason,
            "Curl has not moved in 3 sessions at 20 kg: take 10 % off (18 kg) and build back up"
        );
    }

    #[test]
    fn two_resets_in_six_sessions_propose_three_sets_stronglifts() {
        let p = parse(SL).unwrap();
        let slots = slots_at(&p, 90.0, 20.0);
        let outcomes = vec![("Squat".to_string(), vec![Up, Down, Up, Same, Same, Down])];
        let got = proposals(&situation(&p, &slots, &outcomes, Urgency::None));
        assert_eq!(
            got[0].proposal,
            Proposal::FewerSets {
                slot: "Squat".into(),
                from: 5,
                to: 3
            }
        );
        // One reset: nothing proposed (the rule handles its own misses).
        let outcomes = vec![("Squat".to_string(), vec![Up, Up, Down, Up])];
        assert!(proposals(&situation(&p, &slots, &outcomes, Urgency::None)).is_empty());
    }

    #[test]
    fn a_short_amrap_under_a_tm_table_proposes_a_tm_cut_and_a_medium_check_a_deload_week() {
        let p = parse("program: N\nday 1\n  Squat: 1x1+ 95%TM; progress tm-table 2:+2.5kg\n  Bench Press: 1x5+ 85%TM; progress tm +2.5kg fail -10%\n").unwrap();
        let mut slots = Slots::of(&p);
        let short = LiftState {
            max: Some(kg(140.0)),
            tm: Some(kg(126.0)),
            short_in_cycle: true,
        };
        slots.set_lift("Back Squat", short.clone());
        slots.set_lift("Bench Press", short);
        let _ = slots.entry("Squat", "Back Squat", LiftState::default);
        let _ = slots.entry("Bench Press", "Bench Press", LiftState::default);
        let got = proposals(&situation(&p, &slots, &[], Urgency::Medium));
        let codes: Vec<&str> = got.iter().map(|g| g.proposal.code()).collect();
        assert_eq!(
            codes,
            ["tm_cut", "deload_week"],
            "bench's rule cuts its own TM"
        );
        assert_eq!(
            got[0].proposal,
            Proposal::TmCut {
                exercise: "Back Squat".into(),
                from: kg(126.0),
                to: kg(113.4)
            }
        );
        assert!(
            got[1]
                .reason
                .starts_with("The deload check says: 2 signals")
        );
        let mut s = situation(&p, &slots, &[], Urgency::High);
        s.deload_recorded = true;
        assert!(
            proposals(&s)
                .iter()
                .all(|g| g.proposal != Proposal::DeloadWeek)
        );
    }
}
