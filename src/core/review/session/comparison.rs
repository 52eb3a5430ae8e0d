//! Each exercise of a session against its previous performance: top set, e1RM and volume.

use crate::core::strength::e1rm::Formula;
use crate::core::strength::history::{Performance, PerformanceSummary, summarise_after};
use crate::core::workout::exercise::ExerciseId;
use crate::core::workout::session::Session;

/// One exercise now against the last time it was done.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub exercise: ExerciseId,
    pub before: PerformanceSummary,
    pub now: PerformanceSummary,
    /// Top-set weight now minus before, in kg.
    pub top_set_kg: Option<f64>,
    pub e1rm: Option<Change>,
    pub volume: Option<Change>,
}

/// How much a number moved: in kg (kg × reps for volume) and in percent of the old value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    pub kg: f64,
    /// `None` when the old value was 0.
    pub percent: Option<f64>,
}

impl Change {
    fn between(before: f64, now: f64) -> Change {
        Change {
            kg: now - before,
            percent: (before > 0.0).then(|| (now - before) / before * 100.0),
        }
    }
}

/// Each exercise of `session` that was done before, now against then. The sets now are read by
/// the lift's e1RM reader after the previous performance (its RPE habit then), as the stored
/// estimates are, with `pinned` — the lifter's formula — where the reader has none.
pub fn compare(
    session: &Session,
    previous: &[(ExerciseId, PerformanceSummary)],
    pinned: Option<Formula>,
) -> Vec<Comparison> {
    previous
        .iter()
        .map(|(exercise, before)| {
            let sets = session
                .slots
                .iter()
                .filter(|slot| slot.exercise == *exercise)
                .flat_map(|slot| slot.sets.iter().map(|s| s.spec))
                .collect();
            let reader = before.reader.clone().with_pinned(pinned);
            let now = summarise_after(
                &Performance {
                    session: session.id,
                    started_at: session.started_at,
                    sets,
                },
                reader,
                session.body_weight,
            );
            let top_set_kg = now
                .top_set
                .zip(before.top_set)
                .map(|(n, b)| n.weight.kg() - b.weight.kg());
            let e1rm = now
                .e1rm
                .zip(before.e1rm)
                .map(|(n, b)| Change::between(b.kg(), n.kg()));
            let volume = (now.volume_kg > 0.0 || before.volume_kg > 0.0)
                .then(|| Change::between(before.volume_kg, now.volume_kg));
            Comparison {
                exercise: *exercise,
                before: before.clone(),
                now,
                top_set_kg,
                e1rm,
                volume,
            }
        })
        .collect()
}
