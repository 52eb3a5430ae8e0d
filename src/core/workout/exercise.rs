//! Exercises: the built-in catalogue and the lifter's own.

use std::fmt;

/// Row id of an exercise in the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ExerciseId(pub i64);

/// What kind of work an exercise is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ExerciseKind {
    Strength,
    Bodyweight,
    Cardio,
}

/// What the exercise is done with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Equipment {
    Barbell,
    Dumbbell,
    Machine,
    Cable,
    Kettlebell,
    Bodyweight,
    Band,
    Cardio,
    Other,
}

/// Multi-joint lifts rest longer than single-joint ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mechanics {
    Compound,
    Isolation,
}

macro_rules! text_enum {
    ($ty:ty { $($variant:ident => $text:literal),+ $(,)? }) => {
        impl $ty {
            pub fn code(self) -> &'static str {
                match self { $(Self::$variant => $text),+ }
            }
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($text => Some(Self::$variant),)+ _ => None }
            }
        }
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

text_enum!(ExerciseKind { Strength => "strength", Bodyweight => "bodyweight", Cardio => "cardio" });
text_enum!(Equipment {
    Barbell => "barbell", Dumbbell => "dumbbell", Machine => "machine", Cable => "cable",
    Kettlebell => "kettlebell", Bodyweight => "bodyweight", Band => "band", Cardio => "cardio",
    Other => "other",
});
text_enum!(Mechanics { Compound => "compound", Isolation => "isolation" });

/// An exercise as the app knows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Exercise {
    pub id: ExerciseId,
    pub name: String,
    pub kind: ExerciseKind,
    pub equipment: Equipment,
    pub mechanics: Mechanics,
    pub muscles: Vec<String>,
    pub aliases: Vec<String>,
    pub custom: bool,
}
