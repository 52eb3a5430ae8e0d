//! Personal records over one exercise's history: best e1RM, heaviest weight, the heaviest weight
//! for at least N reps (N = 1–12), and best session volume.
//!
//! Records are a fold over sets, so recomputing from scratch after an edit or a delete gives the
//! same answer as detecting them set by set. Warm-ups never set records. A set's e1RM is the one
//! its lift's [`e1rm::Reader`] gave it (no claim above 12 reps); a set above 12 reps still counts
//! for the rep brackets it covers (1–12). Load records count sets with an external load; session
//! volume counts every working set ([`crate::core::workout::set::SetSpec::volume_kg`]), so the caller adds
//! each session's volume with [`Records::add_session_volume`].
//!
//! [`e1rm::Reader`]: crate::core::strength::e1rm::Reader

use crate::core::units::{Reps, Unit, Weight, format_number};
use crate::core::workout::set::SetKind;

/// Rep brackets tracked: the heaviest weight lifted for at least 1, 2, …, 12 reps.
pub const REP_BRACKETS: u16 = 12;

/// A record must beat the old one by more than float noise (kg, or kg × reps for volume).
const BEAT_BY: f64 = 1e-6;

/// One set of the exercise's history with an external load, as records need it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PastSet {
    pub kind: SetKind,
    /// The load moved.
    pub weight: Weight,
    pub reps: Reps,
    /// Its e1RM as read in the lift's history ([`crate::core::strength::e1rm::Reader`]).
    pub e1rm: Option<Weight>,
}

impl PastSet {
    /// Whether the set can set a record at all (warm-ups cannot).
    pub fn counts(&self) -> bool {
        self.kind.is_working()
    }
}

/// The bests so far. `None` where nothing has been lifted yet.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Records {
    pub best_e1rm: Option<Weight>,
    /// `rep_bests[n − 1]` is the heaviest weight lifted for at least `n` reps; `rep_bests[0]` is
    /// the heaviest weight ever lifted.
    pub rep_bests: [Option<Weight>; REP_BRACKETS as usize],
    /// Best working volume in one session, kg × reps.
    pub best_volume_kg: Option<f64>,
}

/// What kind of record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PrKind {
    E1rm,
    Heaviest,
    /// The heaviest weight for at least this many reps (2–12; one rep is `Heaviest`).
    Reps(u16),
    SessionVolume,
}

/// A record's value: a load, or a session's volume in kg × reps.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PrValue {
    Load(Weight),
    VolumeKg(f64),
}

impl PrKind {
    /// A record of this kind as a lifter writes it in `unit`, without the unit: a weight lifted
    /// exactly, an e1RM (an estimate) to 0.1, a volume whole.
    pub fn show(self, value: PrValue, unit: Unit) -> String {
        match (self, value) {
            (PrKind::E1rm, PrValue::Load(w)) => {
                format_number((w.in_unit(unit) * 10.0).round() / 10.0)
            }
            (_, PrValue::Load(w)) => w.display(unit),
            (_, PrValue::VolumeKg(kg)) => format_number((kg / unit.kg_factor()).round()),
        }
    }
}

/// A new personal record, and the one it beat.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pr {
    pub kind: PrKind,
    pub value: PrValue,
    pub previous: Option<PrValue>,
}

impl Pr {
    /// "New e1RM PR: 142.5 kg (was 140)".
    pub fn sentence(&self, unit: Unit) -> String {
        let what = match self.kind {
            PrKind::E1rm => "e1RM PR".to_string(),
            PrKind::Heaviest => "heaviest lift".to_string(),
            PrKind::Reps(n) => format!("{n}-rep PR"),
            PrKind::SessionVolume => "session volume PR".to_string(),
        };
        let was = self.previous.map_or_else(
            || "first recorded".to_string(),
            |p| format!("was {}", self.kind.show(p, unit)),
        );
        format!(
            "New {what}: {} {unit} ({was})",
            self.kind.show(self.value, unit)
        )
    }
}

fn beats(new: f64, old: Option<f64>) -> bool {
    new > old.unwrap_or(0.0) + BEAT_BY
}

fn load_pr(kind: PrKind, new: Weight, old: Option<Weight>) -> Option<Pr> {
    beats(new.kg(), old.map(Weight::kg)).then_some(Pr {
        kind,
        value: PrValue::Load(new),
        previous: old.map(PrValue::Load),
    })
}

/// The rep bracket a set is announced under: its reps, capped at 12.
fn bracket(reps: Reps) -> u16 {
    reps.get().min(REP_BRACKETS)
}

/// The records a set would set against `before`: e1RM, heaviest, and its rep bracket (a set of
/// 5 also covers brackets 1–4, but it can only beat one of those if it beats bracket 5, so that
/// is the one announced; bracket 1 is the heaviest lift). Empty for a warm-up.
pub fn new_records(before: &Records, set: &PastSet) -> Vec<Pr> {
    if !set.counts() {
        return Vec::new();
    }
    let n = bracket(set.reps);
    [
        set.e1rm
            .and_then(|e| load_pr(PrKind::E1rm, e, before.best_e1rm)),
        load_pr(PrKind::Heaviest, set.weight, before.heaviest()),
        (n > 1)
            .then(|| {
                load_pr(
                    PrKind::Reps(n),
                    set.weight,
                    before.rep_bests[usize::from(n) - 1],
                )
            })
            .flatten(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// A session-volume record, if `session_volume_kg` beats the best. Call it with the finished
/// session's working volume (or live, announcing it the first time it fires).
pub fn new_volume_record(before: &Records, session_volume_kg: f64) -> Option<Pr> {
    beats(session_volume_kg, before.best_volume_kg).then_some(Pr {
        kind: PrKind::SessionVolume,
        value: PrValue::VolumeKg(session_volume_kg),
        previous: before.best_volume_kg.map(PrValue::VolumeKg),
    })
}

impl Records {
    /// The heaviest weight ever lifted (for at least one rep).
    pub fn heaviest(&self) -> Option<Weight> {
        self.rep_bests[0]
    }

    /// Takes a set into the records (a warm-up changes nothing).
    pub fn add_set(&mut self, set: &PastSet) {
        if !set.counts() {
            return;
        }
        let raise = |slot: &mut Option<Weight>, w: Weight| {
            if beats(w.kg(), slot.map(Weight::kg)) {
                *slot = Some(w);
            }
        };
        if let Some(e) = set.e1rm {
            raise(&mut self.best_e1rm, e);
        }
        for slot in &mut self.rep_bests[..usize::from(bracket(set.reps))] {
            raise(slot, set.weight);
        }
    }

    /// Every record held, one entry per kind: e1RM, heaviest, the 2–12 rep brackets, session
    /// volume (kinds nothing has been lifted for are left out).
    pub fn entries(&self) -> Vec<(PrKind, PrValue)> {
        let loads = self.rep_bests.iter().zip(1_u16..).map(|(w, n)| {
            let kind = if n == 1 {
                PrKind::Heaviest
            } else {
                PrKind::Reps(n)
            };
            w.map(|w| (kind, PrValue::Load(w)))
        });
        std::iter::once(self.best_e1rm.map(|w| (PrKind::E1rm, PrValue::Load(w))))
            .chain(loads)
            .chain(std::iter::once(
                self.best_volume_kg
                    .map(|v| (PrKind::SessionVolume, PrValue::VolumeKg(v))),
            ))
            .flatten()
            .collect()
    }

    /// Takes one session's working volume (kg × reps) into the records.
    pub fn add_session_volume(&mut self, volume_kg: f64) {
        if beats(volume_kg, self.best_volume_kg) {
            self.best_volume_kg = Some(volume_kg);
        }
    }
}

/// The load records of a whole history, from scratch (session volume aside: add it per session
/// with [`Records::add_session_volume`]).
pub fn records(history: &[PastSet]) -> Records {
    let mut out = Records::default();
    for set in history {
        out.add_set(set);
    }
    out
}

#[cfg(test)]
mod tests;
