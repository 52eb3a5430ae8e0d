//! One session of an exercise in one line: the numbers the history list and the charts show.

use chrono::NaiveDate;

use super::Performance;
use crate::core::strength::e1rm::{Formula, Reader};
use crate::core::units::{Reps, Weight};
use crate::core::workout::session::SessionId;
use crate::core::workout::set::{Load, SetSpec, Totals};

/// The heaviest working set of a session.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TopSet {
    pub weight: Weight,
    pub reps: Reps,
}

/// One session of an exercise, summarised. Warm-ups are left out of every number.
#[derive(Debug, Clone, PartialEq)]
pub struct PerformanceSummary {
    pub session: SessionId,
    /// The day the session started (UTC, like every stored date).
    pub date: NaiveDate,
    /// Working sets.
    pub sets: usize,
    /// The heaviest working set with a weight (most reps among equals); `None` without one.
    pub top_set: Option<TopSet>,
    /// The session's best e1RM, as every e1RM is read ([`Reader`]): the stored one.
    pub e1rm: Option<Weight>,
    /// Working volume in kg × reps, by the one definition ([`Totals`]): a bodyweight set counts
    /// the session's body weight.
    pub volume_kg: f64,
    /// Mean RPE of the working sets that have one.
    pub mean_rpe: Option<f64>,
    /// The lift's e1RM reader after this session: the lifter's RPE habit on the lift then, which
    /// reads the next session's sets.
    pub reader: Reader,
}

/// The summary of one performance read on its own: no earlier sets, no body weight (a
/// bodyweight set counts its added load). For a stored history use [`summarise_after`].
pub fn summarise(performance: &Performance, pinned: Option<Formula>) -> PerformanceSummary {
    summarise_after(performance, Reader::new(pinned), None)
}

/// The summary of one performance of a lift, its sets read by `reader` — the lift's reader
/// after the sessions before it — with bodyweight sets counting `body_weight` (the session's).
pub fn summarise_after(
    performance: &Performance,
    mut reader: Reader,
    body_weight: Option<Weight>,
) -> PerformanceSummary {
    let e1rm = performance
        .sets
        .iter()
        .filter_map(|s| reader.read(s))
        .reduce(|a, b| if b.kg() > a.kg() { b } else { a });
    let working: Vec<&SetSpec> = performance
        .sets
        .iter()
        .filter(|s| s.kind.is_working())
        .collect();
    let totals = Totals::of(performance.sets.iter(), body_weight);
    let top_set = working
        .iter()
        .filter_map(|s| match (s.load, s.reps) {
            (Load::External(weight), Some(reps)) => Some(TopSet { weight, reps }),
            _ => None,
        })
        .reduce(|best, s| {
            let heavier = s.weight.kg() > best.weight.kg() + 1e-9;
            let same = (s.weight.kg() - best.weight.kg()).abs() <= 1e-9;
            if heavier || (same && s.reps > best.reps) {
                s
            } else {
                best
            }
        });
    let rpes: Vec<f64> = working
        .iter()
        .filter_map(|s| s.effort.map(|e| e.rpe().value()))
        .collect();
    PerformanceSummary {
        session: performance.session,
        date: performance.started_at.date_naive(),
        sets: totals.working_sets,
        top_set,
        e1rm,
        volume_kg: totals.volume_kg,
        mean_rpe: (!rpes.is_empty()).then(|| rpes.iter().sum::<f64>() / rpes.len() as f64),
        reader,
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::core::units::Rpe;
    use crate::core::workout::set::{Effort, SetKind};

    fn set(kind: SetKind, kg: f64, reps: u32, rpe: Option<f64>) -> SetSpec {
        SetSpec {
            kind,
            load: Load::External(Weight::from_kg(kg).unwrap()),
            reps: Some(Reps::try_from(reps).unwrap()),
            effort: rpe.map(|r| Effort::Rpe(Rpe::try_from(r).unwrap())),
            duration: None,
        }
    }

    fn performance(sets: Vec<SetSpec>) -> Performance {
        Performance {
            session: SessionId(4),
            // 2023-11-14 22:13:20 UTC.
            started_at: DateTime::from_timestamp(1_700_000_000, 0).unwrap(),
            sets,
        }
    }

    #[test]
    fn a_session_in_numbers_brzycki_and_the_rts_chart() {
        let p = performance(vec![
            set(SetKind::Warmup, 60.0, 5, None),
            set(SetKind::Working, 100.0, 5, Some(8.0)),
            set(SetKind::Working, 100.0, 6, Some(9.0)),
            set(SetKind::Working, 90.0, 8, None),
        ]);
        let s = summarise(&p, None);
        assert_eq!(s.date, NaiveDate::from_ymd_opt(2023, 11, 14).unwrap());
        assert_eq!(s.sets, 3);
        let top = s.top_set.unwrap();
        assert_eq!((top.weight.kg(), top.reps.get()), (100.0, 6));
        // 100 × 6 @ 9 is 81.1 % (RTS) → 123.305; 100 × 5 @ 8 also 81.1 %; 90 × 8 Brzycki 111.7.
        assert!((s.e1rm.unwrap().kg() - 123.304_562).abs() < 1e-5);
        assert!((s.volume_kg - (500.0 + 600.0 + 720.0)).abs() < 1e-9);
        assert!((s.mean_rpe.unwrap() - 8.5).abs() < 1e-9);
    }

    #[test]
    fn a_pinned_formula_and_an_empty_session() {
        let p = performance(vec![set(SetKind::Working, 100.0, 5, None)]);
        let epley = summarise(&p, Some(Formula::Epley)).e1rm.unwrap().kg();
        assert!((epley - 116.666_667).abs() < 1e-5);
        let warm = summarise(
            &performance(vec![set(SetKind::Warmup, 60.0, 5, None)]),
            None,
        );
        assert_eq!(
            (warm.sets, warm.top_set, warm.e1rm, warm.mean_rpe),
            (0, None, None, None)
        );
        assert!(warm.volume_kg.abs() < 1e-12);
    }
}
