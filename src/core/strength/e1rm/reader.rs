//! How a lift's sets are read for their e1RM, one after another in the order they were logged.
//! This is the one rule behind every e1RM the lifter sees — the stored estimate of each set, the
//! e1RM chart, the records, the deload check, the insights, `report` and `context` — so a set
//! reads the same whether or not an RPE was typed on other days.
//!
//! The rule (ironpulse's own, README "Estimated 1RM"): a lift's *window* is a set and the lift's
//! working sets with a load logged before it, [`HABIT_SETS`] in all.
//! - When at least a third of the window carries an RPE, the lifter rates this lift: every set is
//!   read on the RTS chart — at its own RPE, or without one at the lifter's **typical RPE** for
//!   the lift (the median of the window's RPEs, the higher middle one on an even count); a
//!   failure or AMRAP set without one at RPE 10. An RPE under the chart reads as 6.5.
//! - Otherwise every set is read by the formula (pinned, else Brzycki up to 10 reps and Epley for
//!   11–12) and a stray RPE is left aside: a lifter who does not rate keeps the formulas, and one
//!   rated set among many does not lift its estimate above its neighbours'.
//!
//! Why: the formulas assume a set taken to failure, the chart reads the reps left in the tank. The
//! same 85 × 5 is 104.8 kg at RPE 8 on the chart and 95.6 kg by Brzycki, so mixing the two by
//! whether an RPE happened to be typed draws drops that are not there. Reading looks only
//! backwards, so logging a set never changes an earlier set's estimate, and a record never
//! appears or vanishes after the fact; an edit or a delete re-reads the lift's later sets (their
//! windows changed), as a changed pinned formula re-reads them all.

use std::collections::VecDeque;

use super::{Formula, estimate};
use crate::core::units::{Reps, Rpe, Weight};
use crate::core::workout::set::{Effort, Load, SetKind, SetSpec};

/// Sets in the window: the set being read and the lift's working sets before it.
pub const HABIT_SETS: usize = 20;

/// The lowest RPE on the RTS chart (6.5): an easier rating reads as this, which can only
/// understate the estimate.
fn chart_floor() -> Rpe {
    Rpe::try_from(6.5).unwrap_or(Rpe::EIGHT)
}

/// RPE 10: a failure or AMRAP set is taken as far as it goes.
fn all_out() -> Rpe {
    Rpe::try_from(10.0).unwrap_or(Rpe::EIGHT)
}

/// How one set is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// On the RTS chart at the RPE typed for the set (6.5 at least).
    OwnRpe(Rpe),
    /// On the RTS chart at the lifter's typical RPE for the lift (no RPE was typed).
    TypicalRpe(Rpe),
    /// On the RTS chart at RPE 10: a failure or AMRAP set without an RPE.
    AllOut,
    /// By a formula: the lifter does not rate this lift.
    Formula(Formula),
}

/// A lift's e1RM reader: the lifter's recent RPE habit on it. Feed it the lift's sets oldest
/// first with [`Reader::read`]; warm-ups and sets without an external load or reps pass through
/// without an estimate and without changing the habit.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Reader {
    pinned: Option<Formula>,
    /// The RPE typed (or not) for each of the lift's latest working sets, oldest first, at most
    /// [`HABIT_SETS`] − 1 of them.
    recent: VecDeque<Option<Rpe>>,
}

/// The set as the reader sees it, when it is one it reads.
fn readable(set: &SetSpec) -> Option<(Weight, u16)> {
    match (set.kind, set.load, set.reps) {
        (SetKind::Warmup, _, _) => None,
        (_, Load::External(weight), Some(reps)) => Some((weight, reps.get())),
        _ => None,
    }
}

impl Reader {
    /// A reader with no history yet, estimating by the `pinned` formula where a formula is used.
    pub fn new(pinned: Option<Formula>) -> Reader {
        Reader {
            pinned,
            recent: VecDeque::with_capacity(HABIT_SETS),
        }
    }

    /// The pinned formula this reader uses.
    pub fn pinned(&self) -> Option<Formula> {
        self.pinned
    }

    /// The same habit, estimating by `pinned` where a formula is used.
    #[must_use]
    pub fn with_pinned(self, pinned: Option<Formula>) -> Reader {
        Reader { pinned, ..self }
    }

    /// Whether the reader reads `set` (a working set with an external load and reps) — the
    /// others neither get an estimate nor change the habit.
    pub fn reads(set: &SetSpec) -> bool {
        readable(set).is_some()
    }

    /// How `set` would be read as the lift's next set; `None` for a set it does not read.
    pub fn reading(&self, set: &SetSpec) -> Option<Reading> {
        readable(set)?;
        let own = set.effort.map(Effort::rpe);
        let rated = self.recent.iter().flatten().count() + usize::from(own.is_some());
        let window = self.recent.len() + 1;
        if 3 * rated < window {
            return Some(Reading::Formula(self.pinned.unwrap_or_else(|| {
                super::default_formula(set.reps.map_or(1, Reps::get))
            })));
        }
        Some(match own {
            Some(rpe) => Reading::OwnRpe(rpe.max(chart_floor())),
            None if matches!(set.kind, SetKind::Failure | SetKind::Amrap) => Reading::AllOut,
            None => Reading::TypicalRpe(self.typical().unwrap_or_else(all_out)),
        })
    }

    /// The e1RM of `set` as the lift's next set, without taking it in.
    pub fn estimate(&self, set: &SetSpec) -> Option<Weight> {
        let (weight, reps) = readable(set)?;
        let rpe = match self.reading(set)? {
            Reading::OwnRpe(rpe) | Reading::TypicalRpe(rpe) => Some(rpe),
            Reading::AllOut => Some(all_out()),
            Reading::Formula(_) => None,
        };
        estimate(weight, reps, rpe, self.pinned)
    }

    /// The e1RM of `set` as the lift's next set, taking it into the habit.
    pub fn read(&mut self, set: &SetSpec) -> Option<Weight> {
        readable(set)?;
        let e1rm = self.estimate(set);
        if self.recent.len() == HABIT_SETS - 1 {
            self.recent.pop_front();
        }
        self.recent.push_back(set.effort.map(Effort::rpe));
        e1rm
    }

    /// The lifter's typical RPE for the lift so far: the median of the RPEs among its latest
    /// working sets (the higher middle one on an even count — the lower estimate), 6.5 at least.
    /// `None` when none of them was rated.
    pub fn typical(&self) -> Option<Rpe> {
        let mut rated: Vec<Rpe> = self.recent.iter().flatten().copied().collect();
        rated.sort_unstable();
        rated
            .get(rated.len() / 2)
            .map(|rpe| (*rpe).max(chart_floor()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(kind: SetKind, kg: f64, reps: u32, rpe: Option<f64>) -> SetSpec {
        SetSpec {
            kind,
            load: Load::External(Weight::from_kg(kg).unwrap()),
            reps: Some(Reps::try_from(reps).unwrap()),
            effort: rpe.map(|r| Effort::Rpe(Rpe::try_from(r).unwrap())),
            duration: None,
        }
    }

    fn work(kg: f64, reps: u32, rpe: Option<f64>) -> SetSpec {
        set(SetKind::Working, kg, reps, rpe)
    }

    fn rpe(v: f64) -> Rpe {
        Rpe::try_from(v).unwrap()
    }

    fn read(reader: &mut Reader, s: &SetSpec) -> f64 {
        reader.read(s).unwrap().kg()
    }

    #[test]
    fn the_issue_85_by_5_reads_the_same_with_or_without_its_rpe() {
        // A lifter who rates their bench at 8: the unrated 85 × 5 is read at 5 @ 8 = 81.1 %.
        let mut rater = Reader::default();
        for _ in 0..6 {
            rater.read(&work(85.0, 5, Some(8.0)));
        }
        let with = rater.estimate(&work(85.0, 5, Some(8.0))).unwrap().kg();
        let without = rater.estimate(&work(85.0, 5, None)).unwrap().kg();
        assert!((with - 85.0 / 0.811).abs() < 1e-9, "{with}");
        assert!((without - with).abs() < 1e-9, "{without} vs {with}");
        assert_eq!(
            rater.reading(&work(85.0, 5, None)),
            Some(Reading::TypicalRpe(rpe(8.0)))
        );
        // A lifter who never rates keeps Brzycki: 85 × 36 / 32 = 95.625.
        let mut plain = Reader::default();
        for _ in 0..6 {
            plain.read(&work(85.0, 5, None));
        }
        assert!((read(&mut plain, &work(85.0, 5, None)) - 95.625).abs() < 1e-9);
    }

    #[test]
    fn one_stray_rpe_does_not_lift_a_set_above_its_neighbours() {
        let mut reader = Reader::default();
        for _ in 0..9 {
            reader.read(&work(100.0, 5, None));
        }
        // 1 of 10 rated: by the formula, its RPE aside.
        assert_eq!(
            reader.reading(&work(100.0, 5, Some(7.0))),
            Some(Reading::Formula(Formula::Brzycki))
        );
        assert!((read(&mut reader, &work(100.0, 5, Some(7.0))) - 112.5).abs() < 1e-9);
    }

    #[test]
    fn rating_some_days_is_rating_the_lift() {
        // Eight sessions of three sets, every other one rated (7, 8, 9, 8 in turn). The next
        // set's window is it and the last 19 sets, 9 of them rated — over a third — so every set
        // is on the chart and an unrated one at the typical RPE.
        let mut reader = Reader::default();
        let mut rated = [7.0, 8.0, 9.0, 8.0].into_iter();
        for day in 0..8 {
            let rpe = if day % 2 == 0 { rated.next() } else { None };
            for _ in 0..3 {
                reader.read(&work(100.0, 5, rpe));
            }
        }
        // The window's RPEs: 8, 8, 8, 9, 9, 9, 8, 8, 8 → median 8.
        assert_eq!(reader.typical(), Some(rpe(8.0)));
        assert_eq!(
            reader.reading(&work(100.0, 5, None)),
            Some(Reading::TypicalRpe(rpe(8.0)))
        );
    }

    #[test]
    fn the_typical_rpe_is_the_higher_middle_one() {
        let mut reader = Reader::default();
        for r in [7.0, 9.0, 8.0, 8.5] {
            reader.read(&work(100.0, 5, Some(r)));
        }
        // Sorted 7, 8, 8.5, 9: the higher middle is 8.5 (a lower estimate than 8).
        assert_eq!(reader.typical(), Some(rpe(8.5)));
        // 100 × 5 read at 5 @ 8.5 = 82.4 %.
        let e = reader.estimate(&work(100.0, 5, None)).unwrap().kg();
        assert!((e - 100.0 / 0.824).abs() < 1e-9, "{e}");
    }

    #[test]
    fn failure_and_amrap_sets_without_an_rpe_read_at_ten() {
        let mut reader = Reader::default();
        for _ in 0..3 {
            reader.read(&work(100.0, 5, Some(7.0)));
        }
        let failure = set(SetKind::Failure, 100.0, 8, None);
        assert_eq!(reader.reading(&failure), Some(Reading::AllOut));
        // 8 @ 10 = 78.6 %.
        assert!((reader.estimate(&failure).unwrap().kg() - 100.0 / 0.786).abs() < 1e-9);
        assert_eq!(
            reader.reading(&set(SetKind::Amrap, 100.0, 8, None)),
            Some(Reading::AllOut)
        );
    }

    #[test]
    fn an_rpe_under_the_chart_reads_as_six_and_a_half() {
        let mut reader = Reader::default();
        reader.read(&work(100.0, 5, Some(5.0)));
        assert_eq!(reader.typical(), Some(rpe(6.5)));
        assert_eq!(
            reader.reading(&work(100.0, 5, Some(6.0))),
            Some(Reading::OwnRpe(rpe(6.5)))
        );
        // 5 @ 6.5 = 77.4 %.
        let e = reader.estimate(&work(100.0, 5, Some(6.0))).unwrap().kg();
        assert!((e - 100.0 / 0.774).abs() < 1e-9, "{e}");
    }

    #[test]
    fn warm_ups_and_unloaded_sets_pass_through() {
        let mut reader = Reader::default();
        let warm = set(SetKind::Warmup, 60.0, 5, Some(5.0));
        let body = SetSpec {
            load: Load::Bodyweight {
                added: Weight::from_kg(20.0).unwrap(),
                assisted: false,
            },
            ..work(0.0, 8, Some(9.0))
        };
        assert_eq!(reader.read(&warm), None);
        assert_eq!(reader.read(&body), None);
        assert_eq!(reader, Reader::default(), "the habit did not change");
        // Above 12 reps no estimate, but the set's RPE is part of the habit.
        assert_eq!(reader.read(&work(60.0, 15, Some(8.0))), None);
        assert_eq!(reader.typical(), Some(rpe(8.0)));
    }

    #[test]
    fn the_window_forgets_after_twenty_sets() {
        let mut reader = Reader::default();
        for _ in 0..10 {
            reader.read(&work(100.0, 5, Some(8.0)));
        }
        for _ in 0..12 {
            reader.read(&work(100.0, 5, None));
        }
        // 7 rated of the 19 before + this one = 7 of 20: over a third, still the chart.
        assert!(matches!(
            reader.reading(&work(100.0, 5, None)),
            Some(Reading::TypicalRpe(_))
        ));
        for _ in 0..2 {
            reader.read(&work(100.0, 5, None));
        }
        // 5 of 20: under a third, back to the formula.
        assert_eq!(
            reader.reading(&work(100.0, 5, None)),
            Some(Reading::Formula(Formula::Brzycki))
        );
    }

    #[test]
    fn a_pinned_formula_is_kept_and_reading_never_looks_forward() {
        let mut reader = Reader::new(Some(Formula::Epley));
        assert!((read(&mut reader, &work(100.0, 5, None)) - 116.666_666_7).abs() < 1e-6);
        assert_eq!(reader.pinned(), Some(Formula::Epley));
        // Estimating a set does not take it in.
        let before = reader.clone();
        let _ = reader.estimate(&work(100.0, 5, Some(8.0)));
        assert_eq!(reader, before);
    }

    proptest::proptest! {
        #[test]
        fn a_set_reads_the_same_as_the_sets_before_it_left_it(
            rpes in proptest::collection::vec(proptest::option::of(13u8..=20), 0..40),
            w in 40.0..200.0f64,
            reps in 1u32..=12,
        ) {
            // Reading is a fold: the estimate of the next set depends only on what came before.
            let mut a = Reader::default();
            let mut b = Reader::default();
            for r in &rpes {
                let s = work(w, reps, r.map(|h| f64::from(h) / 2.0));
                a.read(&s);
                b.read(&s);
            }
            let next = work(w, reps, None);
            proptest::prop_assert_eq!(a.estimate(&next), b.read(&next));
            // And an estimate is never above the chart's or the formula's own reading at RPE 6.5.
            let e = a.estimate(&next).unwrap().kg();
            proptest::prop_assert!(e <= estimate(Weight::from_kg(w).unwrap(), reps as u16, Some(rpe(6.5)), None).unwrap().kg() + 1e-9);
        }
    }
}
