//! A training session: exercises in order, each with its logged sets.

use chrono::{DateTime, Utc};

use super::exercise::ExerciseId;
use super::set::{SetSpec, Totals};
use super::units::Weight;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SessionId(pub i64);

/// Row id of one exercise's slot in a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SlotId(pub i64);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SetId(pub i64);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SessionStatus {
    Active,
    Finished,
    Abandoned,
}

impl SessionStatus {
    pub fn code(self) -> &'static str {
        match self {
            SessionStatus::Active => "active",
            SessionStatus::Finished => "finished",
            SessionStatus::Abandoned => "abandoned",
        }
    }

    pub fn from_code(code: &str) -> Option<SessionStatus> {
        match code {
            "active" => Some(SessionStatus::Active),
            "finished" => Some(SessionStatus::Finished),
            "abandoned" => Some(SessionStatus::Abandoned),
            _ => None,
        }
    }
}

/// A set that is committed to the database.
#[derive(Debug, Clone, PartialEq)]
pub struct LoggedSet {
    pub id: SetId,
    pub spec: SetSpec,
    pub completed_at: DateTime<Utc>,
}

/// One exercise in a session, with its sets in the order they were done.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    pub id: SlotId,
    pub exercise: ExerciseId,
    pub name: String,
    /// Exercises sharing a group number are done as a superset.
    pub superset: Option<u32>,
    pub notes: String,
    pub sets: Vec<LoggedSet>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub id: SessionId,
    pub started_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
    pub status: SessionStatus,
    pub title: String,
    /// Session RPE (Foster), 0–10.
    pub rpe: Option<u8>,
    pub notes: String,
    /// The body weight its bodyweight sets count: the one taken when it was finished, the
    /// profile's while it runs.
    pub body_weight: Option<Weight>,
    pub slots: Vec<Slot>,
}

/// Totals for one exercise in a session ([`Totals`]: reps and volume of working sets only).
#[derive(Debug, Clone, PartialEq)]
pub struct SlotTotals {
    pub name: String,
    pub totals: Totals,
}

impl Session {
    /// Number of logged sets, warm-ups included.
    pub fn set_count(&self) -> usize {
        self.slots.iter().map(|s| s.sets.len()).sum()
    }

    /// The whole session's totals, by the one definition ([`Totals`]).
    pub fn totals(&self) -> Totals {
        Totals::of(self.sets().map(|(_, s)| &s.spec), self.body_weight)
    }

    /// Volume load in kg across working sets.
    pub fn volume_kg(&self) -> f64 {
        self.totals().volume_kg
    }

    /// Per-exercise totals, in session order.
    pub fn slot_totals(&self) -> Vec<SlotTotals> {
        self.slots
            .iter()
            .map(|slot| SlotTotals {
                name: slot.name.clone(),
                totals: Totals::of(slot.sets.iter().map(|s| &s.spec), self.body_weight),
            })
            .collect()
    }

    /// Time from start to end (or to `now` while the session runs).
    pub fn duration(&self, now: DateTime<Utc>) -> chrono::Duration {
        (self.ended_at.unwrap_or(now) - self.started_at).max(chrono::Duration::zero())
    }
}

/// One line of the history list, read from stored summaries.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionSummary {
    pub id: SessionId,
    pub started_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
    pub status: SessionStatus,
    pub title: String,
    pub exercises: u32,
    pub sets: u32,
    pub volume_kg: f64,
    pub rpe: Option<u8>,
}

impl Session {
    /// The history-list line for this session (as its stored summary columns say it).
    pub fn summary(&self) -> SessionSummary {
        SessionSummary {
            id: self.id,
            started_at: self.started_at,
            ended_at: self.ended_at,
            status: self.status,
            title: self.title.clone(),
            exercises: self.slots.len() as u32,
            sets: self.set_count() as u32,
            volume_kg: self.volume_kg(),
            rpe: self.rpe,
        }
    }

    /// In a superset, the exercise that follows the one at `index`: the next of its group,
    /// wrapping round to the group's first. `None` outside a superset.
    pub fn superset_next(&self, index: usize) -> Option<usize> {
        let group = self.slots.get(index)?.superset?;
        let members: Vec<usize> = (0..self.slots.len())
            .filter(|i| self.slots[*i].superset == Some(group))
            .collect();
        let at = members.iter().position(|i| *i == index)?;
        (members.len() > 1).then(|| members[(at + 1) % members.len()])
    }

    /// Every set in display order, with the index of its slot.
    pub fn sets(&self) -> impl Iterator<Item = (usize, &LoggedSet)> {
        self.slots
            .iter()
            .enumerate()
            .flat_map(|(i, slot)| slot.sets.iter().map(move |s| (i, s)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(id: i64, superset: Option<u32>) -> Slot {
        Slot {
            id: SlotId(id),
            exercise: ExerciseId(id),
            name: format!("e{id}"),
            superset,
            notes: String::new(),
            sets: vec![],
        }
    }

    #[test]
    fn supersets_rotate_through_their_group() {
        let session = Session {
            id: SessionId(1),
            started_at: DateTime::from_timestamp(0, 0).unwrap(),
            ended_at: None,
            status: SessionStatus::Active,
            title: String::new(),
            rpe: None,
            notes: String::new(),
            body_weight: None,
            slots: vec![
                slot(1, None),
                slot(2, Some(1)),
                slot(3, Some(1)),
                slot(4, Some(1)),
                slot(5, Some(2)),
            ],
        };
        assert_eq!(session.superset_next(0), None);
        assert_eq!(session.superset_next(1), Some(2));
        assert_eq!(session.superset_next(2), Some(3));
        assert_eq!(
            session.superset_next(3),
            Some(1),
            "wraps to the first of the group"
        );
        assert_eq!(
            session.superset_next(4),
            None,
            "a group of one is no superset"
        );
        assert_eq!(session.superset_next(9), None);
    }
}
