//! A training session: exercises in order, each with its logged sets.

use chrono::{DateTime, Duration, Utc};

use crate::core::units::Weight;
use crate::core::workout::exercise::ExerciseId;
use crate::core::workout::set::{SetSpec, Totals};

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

    /// Time trained, from the start to the end (or to `now` while the session runs), every idle
    /// gap of over [`IDLE_GAP`] left out: a session left open for days is not days long.
    pub fn duration(&self, now: DateTime<Utc>) -> Duration {
        trained_time(
            self.started_at,
            self.ended_at.unwrap_or(now),
            self.sets().map(|(_, s)| s.completed_at),
        )
    }

    /// When something last happened in the session: its last set, or its start.
    pub fn last_activity(&self) -> DateTime<Utc> {
        self.sets()
            .map(|(_, s)| s.completed_at)
            .chain([self.started_at])
            .max()
            .unwrap_or(self.started_at)
    }

    /// The last activity of a running session left idle for over [`IDLE_GAP`] by `now`.
    pub fn idle_since(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let last = self.last_activity();
        (self.ended_at.is_none() && now - last > IDLE_GAP).then_some(last)
    }
}

/// A gap longer than this between two moments of a session (its start, a set, its end) is time
/// away, not training: the session's length and its load leave it out. Rests between sets are
/// minutes; an hour without a set means the lifter left.
pub const IDLE_GAP: Duration = Duration::hours(1);

/// Training time of a session from `started` to `end` through the times its `sets` were done (in
/// any order; a time outside the session counts as its nearer end): the gaps between consecutive
/// moments added up, each gap longer than [`IDLE_GAP`] left out.
pub fn trained_time(
    started: DateTime<Utc>,
    end: DateTime<Utc>,
    sets: impl IntoIterator<Item = DateTime<Utc>>,
) -> Duration {
    let end = end.max(started);
    let mut moments: Vec<DateTime<Utc>> = sets
        .into_iter()
        .map(|at| at.clamp(started, end))
        .chain([started, end])
        .collect();
    moments.sort_unstable();
    moments
        .windows(2)
        .map(|w| w[1] - w[0])
        .filter(|gap| *gap <= IDLE_GAP)
        .sum()
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
    /// Time trained, idle gaps left out ([`Session::duration`]); `None` while it runs.
    pub duration: Option<Duration>,
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
            duration: self.ended_at.map(|end| self.duration(end)),
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

    /// Monday 18:00 UTC plus `minutes`.
    fn monday(minutes: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_797_271_200, 0).unwrap() + Duration::minutes(minutes)
    }

    /// A session started Monday 18:00 with a set every 6 minutes from 18:06 to 19:12.
    fn left_open(ended_at: Option<DateTime<Utc>>) -> Session {
        let mut slot = slot(1, None);
        slot.sets = (1..=12)
            .map(|i| LoggedSet {
                id: SetId(i),
                spec: SetSpec::default(),
                completed_at: monday(6 * i),
            })
            .collect();
        Session {
            id: SessionId(1),
            started_at: monday(0),
            ended_at,
            status: SessionStatus::Active,
            title: String::new(),
            rpe: None,
            notes: String::new(),
            body_weight: None,
            slots: vec![slot],
        }
    }

    #[test]
    fn a_session_left_open_for_days_lasts_the_time_trained() {
        // Finished on Thursday at 18:00:07: 72:00:07 of wall time, 1:12 of training.
        let thursday = monday(3 * 24 * 60) + Duration::seconds(7);
        let session = left_open(Some(thursday));
        assert_eq!(session.duration(thursday), Duration::minutes(72));
        assert_eq!(session.last_activity(), monday(72));
        // Finished normally a few minutes after the last set: those minutes count.
        let session = left_open(Some(monday(80)));
        assert_eq!(session.duration(monday(80)), Duration::minutes(80));
    }

    #[test]
    fn a_gap_of_up_to_an_hour_is_training_longer_is_left_out() {
        let at = |m| monday(m);
        assert_eq!(
            trained_time(at(0), at(90), [at(60)]),
            Duration::minutes(90),
            "an hour exactly still counts"
        );
        assert_eq!(
            trained_time(at(0), at(100), [at(90), at(61)]),
            Duration::minutes(39),
            "any order; the 61-minute gap is left out"
        );
        assert_eq!(trained_time(at(5), at(5), []), Duration::zero());
        assert_eq!(
            trained_time(at(0), at(10), [at(-5), at(30)]),
            Duration::minutes(10),
            "a set time outside the session counts as its nearer end"
        );
    }

    #[test]
    fn a_running_session_is_idle_after_an_hour_without_a_set() {
        let session = left_open(None);
        assert_eq!(session.idle_since(monday(72 + 60)), None);
        assert_eq!(session.idle_since(monday(72 + 61)), Some(monday(72)));
        // The clock of a running session stops at the time trained while it is idle.
        assert_eq!(session.duration(monday(72 + 61)), Duration::minutes(72));
        let finished = left_open(Some(monday(80)));
        assert_eq!(finished.idle_since(monday(24 * 60)), None, "finished");
    }
}
