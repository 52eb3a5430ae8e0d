//! The set-entry shorthand: one typed line per set, such as `100x8@9`, `w 60x5`, `bw+20x8`,
//! `x8`, `+2.5x8`, `45s` or `100x5x3`, parsed into [`SetSpec`]s — and a [`SetSpec`] written back
//! as its canonical line to prefill the entry box.
//!
//! ```text
//! line   = [prefix] body {tail}
//! prefix = "w" | "d" | "f" | "a"                     warm-up, drop, failure, AMRAP
//! body   = weight "x" work                            100x8, 225lbx5, 20x45s
//!        | ("+" | "-") weight "x" work                relative to the last set's weight (*)
//!        | "x" work                                   the last set's weight (*)
//!        | "bw" [("+" | "-") weight] ("x" work | time) bw x12, bw+20x8, bw-20x8, bw 45s
//!        | time                                       45s, 2m, 1:30
//! weight = number ["kg" | "lb" | "lbs"]               bare numbers are in the display unit
//! work   = reps | "?" | time
//! time   = number ("s" | "m") | minutes ":" ss
//! tail   = ("@" | "rpe") rpe | ("r" | "rir") rir | "x" count      any order, each once
//! ```
//!
//! Case does not matter, spaces between tokens are allowed and a decimal comma reads as a point.
//!
//! (*) A warm-up line (`w x5`, `w +20x3`) builds on the last set, so warm-ups ramp from each
//! other; any other line builds on the last working set when there is one ([`Context`]), so
//! `+2.5x5` after the warm-ups adds to the working weight, not to the last warm-up.

mod cursor;
mod format;
mod parse;

use crate::core::units::Unit;
use crate::core::workout::set::SetSpec;

pub use format::format;
pub use parse::parse;

/// Most identical sets one line may log (`100x5x20`).
pub const MAX_REPEAT: u32 = 20;

/// What a line is read against.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Context {
    /// The unit bare weights are typed in.
    pub unit: Unit,
    /// The last set of this exercise: the source for `x8`, `+2.5x8` and `-5x8` on a warm-up
    /// line, and on any line without [`Context::last_working`].
    pub last: Option<SetSpec>,
    /// The last working set of this exercise: the source for a working line's `x8`, `+2.5x8`.
    pub last_working: Option<SetSpec>,
}

/// A line that could not be read: what is wrong, what would be right, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ShorthandError {
    /// For the lifter, e.g. `missing reps after 'x' — e.g. 100x8`.
    pub message: String,
    /// Char column (0-based) of the offending character, for a caret under the entry line.
    pub at: usize,
}

impl ShorthandError {
    fn new(at: usize, message: impl Into<String>) -> Self {
        ShorthandError {
            message: message.into(),
            at,
        }
    }
}

#[cfg(test)]
mod tests;
