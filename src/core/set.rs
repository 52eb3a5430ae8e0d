//! One set as the lifter described it: what kind, what load, how many reps, how hard.

use super::units::{Reps, Rir, Rpe, Seconds, Weight};

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
    /// Volume load in kg (load moved × reps). Warm-ups count nothing; timed sets count nothing.
    pub fn volume_kg(&self, body_weight: Option<Weight>) -> f64 {
        if !self.kind.is_working() {
            return 0.0;
        }
        self.reps.map_or(0.0, |r| {
            self.load.moved_kg(body_weight) * f64::from(r.get())
        })
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
    fn set_kind_codes_round_trip() {
        for kind in SetKind::ALL {
            assert_eq!(SetKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(SetKind::from_code("bogus"), None);
    }
}
