//! One set as the lifter described it: what kind, what load, how many reps, how hard.

use crate::core::units::{Reps, Rir, Rpe, Seconds, Weight};

/// The role a set plays in the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SetKind {
    Warmup,
    #[default]
    Working,
    Drop,
    Failure,
    Amrap,
}

impl SetKind {
    pub const ALL: [SetKind; 5] = [
        SetKind::Warmup,
        SetKind::Working,
        SetKind::Drop,
        SetKind::Failure,
        SetKind::Amrap,
    ];

    /// The name stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            SetKind::Warmup => "warmup",
            SetKind::Working => "working",
            SetKind::Drop => "drop",
            SetKind::Failure => "failure",
            SetKind::Amrap => "amrap",
        }
    }

    pub fn from_code(code: &str) -> Option<SetKind> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The shorthand prefix letter (`w 60x5`); `None` for a plain working set.
    pub fn prefix(self) -> Option<char> {
        match self {
            SetKind::Warmup => Some('w'),
            SetKind::Working => None,
            SetKind::Drop => Some('d'),
            SetKind::Failure => Some('f'),
            SetKind::Amrap => Some('a'),
        }
    }

    /// A short label for tables: `W`, empty for a working set, `D`, `F`, `A`.
    pub fn tag(self) -> &'static str {
        match self {
            SetKind::Warmup => "W",
            SetKind::Working => "",
            SetKind::Drop => "D",
            SetKind::Failure => "F",
            SetKind::Amrap => "A",
        }
    }

    /// Whether the set counts towards working volume and starts a rest timer.
    pub fn is_working(self) -> bool {
        !matches!(self, SetKind::Warmup)
    }
}

/// What was lifted.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Load {
    /// No load at all: a timed cardio interval.
    #[default]
    None,
    /// An external load: barbell, dumbbell, machine stack.
    External(Weight),
    /// The lifter's body weight, plus an added load or minus an assisting one (`bw-20`).
    Bodyweight { added: Weight, assisted: bool },
}

impl Load {
    /// The load moved in kilograms, counting the lifter's body weight where it applies.
    pub fn moved_kg(self, body_weight: Option<Weight>) -> f64 {
        match self {
            Load::None => 0.0,
            Load::External(w) => w.kg(),
            Load::Bodyweight { added, assisted } => {
                let body = body_weight.map_or(0.0, Weight::kg);
                if assisted {
                    (body - added.kg()).max(0.0)
                } else {
                    body + added.kg()
                }
            }
        }
    }

    /// Signed extra load in kg as stored: external weight, added (+) or assisting (−) load.
    pub fn signed_kg(self) -> Option<f64> {
        match self {
            Load::None => None,
            Load::External(w) => Some(w.kg()),
            Load::Bodyweight { added, assisted } => {
                Some(if assisted { -added.kg() } else { added.kg() })
            }
        }
    }
}

/// How hard the set was, as the lifter entered it. RPE and RIR mirror each other
/// (RIR = 10 − RPE); both are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effort {
    Rpe(Rpe),
    Rir(Rir),
}

impl Effort {
    pub fn rpe(self) -> Rpe {
        match self {
            Effort::Rpe(r) => r,
            Effort::Rir(r) => Rpe::from_rir(r),
        }
    }

    pub fn rir(self) -> Rir {
        match self {
            Effort::Rpe(r) => Rir::from_rpe(r),
            Effort::Rir(r) => r,
        }
    }
}

/// One set as described by the lifter, before or after it is stored.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct SetSpec {
    pub kind: SetKind,
    pub load: Load,
    pub reps: Option<Reps>,
    pub effort: Option<Effort>,
    pub duration: Option<Seconds>,
}

impl SetSpec {
    /// The reps the set counts: its reps when it is a working set (working, drop, failure,
    /// AMRAP); a warm-up and a timed set count none.
    pub fn working_reps(&self) -> u32 {
        match self.reps {
            Some(r) if self.kind.is_working() => u32::from(r.get()),
            _ => 0,
        }
    }

    /// Volume load in kg: the load moved ([`Load::moved_kg`]: the external load, or the body
    /// weight plus an added load or minus an assisting one) × [`SetSpec::working_reps`]. Warm-ups
    /// and timed sets count nothing.
    pub fn volume_kg(&self, body_weight: Option<Weight>) -> f64 {
        self.load.moved_kg(body_weight) * f64::from(self.working_reps())
    }
}

/// Totals of some sets — one definition for every place that counts them (the finish summary,
/// the session list and its stored columns, session-volume records, the progression screen,
/// `report` and `context`): every logged set is a set, warm-ups among them; reps and volume count
/// the working sets only ([`SetSpec::working_reps`], [`SetSpec::volume_kg`]).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Totals {
    /// Every logged set, warm-ups included.
    pub sets: usize,
    pub warmups: usize,
    /// Working, drop, failure and AMRAP sets.
    pub working_sets: usize,
    /// Reps of the working sets.
    pub reps: u32,
    /// Volume load of the working sets, kg × reps.
    pub volume_kg: f64,
}

impl Totals {
    /// The totals of `sets`, bodyweight sets counting `body_weight` (the session's).
    pub fn of<'a>(
        sets: impl IntoIterator<Item = &'a SetSpec>,
        body_weight: Option<Weight>,
    ) -> Self {
        let mut totals = Totals::default();
        for set in sets {
            totals.add(set, body_weight);
        }
        totals
    }

    /// Takes one more set in.
    pub fn add(&mut self, set: &SetSpec, body_weight: Option<Weight>) {
        self.sets += 1;
        if set.kind.is_working() {
            self.working_sets += 1;
        } else {
            self.warmups += 1;
        }
        self.reps += set.working_reps();
        self.volume_kg += set.volume_kg(body_weight);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kg(v: f64) -> Weight {
        Weight::from_kg(v).unwrap()
    }

    #[test]
    fn volume_counts_working_sets_and_body_weight() {
        let working = SetSpec {
            load: Load::External(kg(100.0)),
            reps: Some(Reps::try_from(8).unwrap()),
            ..SetSpec::default()
        };
        assert!((working.volume_kg(None) - 800.0).abs() < 1e-9);
        let warmup = SetSpec {
            kind: SetKind::Warmup,
            ..working
        };
        assert!(warmup.volume_kg(None).abs() < 1e-9);
        let dip = SetSpec {
            load: Load::Bodyweight {
                added: kg(20.0),
                assisted: false,
            },
            ..working
        };
        assert!((dip.volume_kg(Some(kg(80.0))) - 800.0).abs() < 1e-9);
        let assisted = SetSpec {
            load: Load::Bodyweight {
                added: kg(20.0),
                assisted: true,
            },
            ..working
        };
        assert!((assisted.volume_kg(Some(kg(80.0))) - 480.0).abs() < 1e-9);
    }

    #[test]
    fn totals_count_every_set_but_reps_and_volume_only_of_working_sets() {
        let reps = |n| Some(Reps::try_from(n).unwrap());
        let bw = |added: f64, assisted| Load::Bodyweight {
            added: kg(added),
            assisted,
        };
        let sets = [
            // Two warm-ups: sets, not reps, not volume.
            SetSpec {
                kind: SetKind::Warmup,
                load: Load::External(kg(60.0)),
                reps: reps(5),
                ..SetSpec::default()
            },
            SetSpec {
                kind: SetKind::Warmup,
                load: bw(0.0, false),
                reps: reps(5),
                ..SetSpec::default()
            },
            // 100 × 5 = 500; bw+20 × 8 at 80 kg = 800; bw-20 × 10 = 600; bw × 6 = 480.
            SetSpec {
                load: Load::External(kg(100.0)),
                reps: reps(5),
                ..SetSpec::default()
            },
            SetSpec {
                kind: SetKind::Failure,
                load: bw(20.0, false),
                reps: reps(8),
                ..SetSpec::default()
            },
            SetSpec {
                load: bw(20.0, true),
                reps: reps(10),
                ..SetSpec::default()
            },
            SetSpec {
                kind: SetKind::Drop,
                load: bw(0.0, false),
                reps: reps(6),
                ..SetSpec::default()
            },
            // A 45 s plank: a working set with no reps and no volume.
            SetSpec {
                load: bw(0.0, false),
                duration: Some(crate::core::units::Seconds::try_from(45).unwrap()),
                ..SetSpec::default()
            },
        ];
        let t = Totals::of(&sets, Some(kg(80.0)));
        assert_eq!(
            (t.sets, t.warmups, t.working_sets, t.reps),
            (7, 2, 5, 5 + 8 + 10 + 6)
        );
        assert!((t.volume_kg - (500.0 + 800.0 + 600.0 + 480.0)).abs() < 1e-9);
        // Each set's own figures add up to the totals.
        let volume: f64 = sets.iter().map(|s| s.volume_kg(Some(kg(80.0)))).sum();
        let reps: u32 = sets.iter().map(SetSpec::working_reps).sum();
        assert!((volume - t.volume_kg).abs() < 1e-9);
        assert_eq!(reps, t.reps);
    }

    #[test]
    fn set_kind_codes_round_trip() {
        for kind in SetKind::ALL {
            assert_eq!(SetKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(SetKind::from_code("bogus"), None);
    }
}
