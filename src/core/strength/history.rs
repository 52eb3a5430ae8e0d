//! One exercise's past, session by session, and the views the progression science reads from it.

use chrono::{DateTime, Utc};

use crate::core::strength::e1rm::Reader;
use crate::core::strength::progression::{PastSession, WorkingSet};
use crate::core::strength::records::PastSet;
use crate::core::workout::session::SessionId;
use crate::core::workout::set::{Effort, Load, SetSpec};

mod summary;
mod trend;

pub use summary::{PerformanceSummary, TopSet, summarise, summarise_after};
pub use trend::{TrendBy, week_start, weekly_best};

/// The sets of one exercise in one session.
#[derive(Debug, Clone, PartialEq)]
pub struct Performance {
    pub session: SessionId,
    pub started_at: DateTime<Utc>,
    pub sets: Vec<SetSpec>,
}

/// Sets with a weight and reps, as the records read them (warm-ups are kept: records skip them),
/// each with the e1RM `reader` gives it. `history` is the lift's whole history, oldest first, and
/// `reader` a fresh one: it ends ready to read the lift's next set.
pub fn past_sets(history: &[Performance], reader: &mut Reader) -> Vec<PastSet> {
    history
        .iter()
        .flat_map(|p| &p.sets)
        .filter_map(|s| match (s.load, s.reps) {
            (Load::External(weight), Some(reps)) => Some(PastSet {
                kind: s.kind,
                weight,
                reps,
                e1rm: reader.read(s),
            }),
            _ => None,
        })
        .collect()
}

/// Sessions with their working sets, oldest first, as the progression rules read them.
pub fn past_sessions(history: &[Performance]) -> Vec<PastSession> {
    history
        .iter()
        .filter_map(|p| {
            let sets: Vec<WorkingSet> = p
                .sets
                .iter()
                .filter(|s| s.kind.is_working())
                .filter_map(|s| match (s.load, s.reps) {
                    (Load::External(weight), Some(reps)) => Some(WorkingSet {
                        weight,
                        reps,
                        rpe: s.effort.map(Effort::rpe),
                    }),
                    _ => None,
                })
                .collect();
            (!sets.is_empty()).then(|| PastSession {
                date: p.started_at.date_naive(),
                sets,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::units::{Reps, Rpe, Weight};
    use crate::core::workout::set::SetKind;

    fn set(kind: SetKind, load: Load, reps: u32, rpe: Option<f64>) -> SetSpec {
        SetSpec {
            kind,
            load,
            reps: Some(Reps::try_from(reps).unwrap()),
            effort: rpe.map(|r| Effort::Rpe(Rpe::try_from(r).unwrap())),
            duration: None,
        }
    }

    #[test]
    fn views_keep_only_what_each_reader_can_use() {
        let kg = |v| Load::External(Weight::from_kg(v).unwrap());
        let history = vec![
            Performance {
                session: SessionId(1),
                started_at: DateTime::from_timestamp(1_700_000_000, 0).unwrap(),
                sets: vec![
                    set(SetKind::Warmup, kg(60.0), 5, None),
                    set(SetKind::Working, kg(100.0), 5, Some(8.0)),
                ],
            },
            Performance {
                session: SessionId(2),
                started_at: DateTime::from_timestamp(1_700_300_000, 0).unwrap(),
                sets: vec![set(SetKind::Warmup, kg(60.0), 5, None)],
            },
        ];
        let mut reader = Reader::default();
        let sets = past_sets(&history, &mut reader);
        assert_eq!(
            sets.len(),
            3,
            "records see warm-ups and skip them themselves"
        );
        // The working set is read on the chart (its own RPE 8: 100 / 0.811); warm-ups are not.
        assert_eq!(sets[0].e1rm, None);
        assert!((sets[1].e1rm.unwrap().kg() - 100.0 / 0.811).abs() < 1e-9);
        let sessions = past_sessions(&history);
        assert_eq!(
            sessions.len(),
            1,
            "a session with only warm-ups is no performance"
        );
        assert_eq!(sessions[0].sets.len(), 1);
        assert!((sessions[0].sets[0].rpe.unwrap().value() - 8.0).abs() < 1e-9);
    }
}
