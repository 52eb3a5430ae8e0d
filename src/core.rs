//! The pure domain, grouped by topic. Nothing here touches a terminal, a database, a file, a
//! socket or the clock: time is a parameter.
//!
//! - `workout`: what the lifter logs — sessions, sets, exercises, the shorthand, rest, plates.
//! - `strength`: e1RM and RPE, records, a lift's history and trend, progression, deloads.
//! - `heart`: samples and gaps, zones, the live figures, a set's and a session's heart rate and
//!   load, HRV.
//! - `load`: training load over days for lifting and cardio alike (PMC, ACWR).
//! - `endurance`: running performance and paces.
//! - `program`: training programs as plain text — the format, its parser and formatter.
//! - `review`: what the review screens, `report` and `context` compute from all of it.
//! - Shared below every topic: `units`, `profile`, `trend_line`, `words`, `rng`.

pub mod endurance;
pub mod heart;
pub mod load;
pub mod profile;
pub mod program;
pub mod review;
pub mod rng;
pub mod strength;
pub mod trend_line;
pub mod units;
pub mod words;
pub mod workout;
