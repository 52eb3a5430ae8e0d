//! The pure domain: units, sets, sessions, exercises and the maths on them.
//!
//! Nothing here touches a terminal, a database, a file, a socket or the clock: time is a parameter.

pub mod acwr;
pub mod catalogue;
pub mod coaching;
pub mod deload;
pub mod e1rm;
pub mod exercise;
pub mod fuzzy;
pub mod history;
pub mod hr_sample;
pub mod hr_settings;
pub mod hr_summary;
pub mod hrm;
pub mod hrv;
pub mod live_hr;
pub mod load;
pub mod meter;
pub mod plates;
pub mod plausible;
pub mod pmc;
pub mod profile;
pub mod progression;
pub mod records;
pub mod rest;
pub mod review;
pub mod rng;
pub mod rpe;
pub mod running;
pub mod session;
pub mod session_review;
pub mod set;
pub mod set_hr;
pub mod shorthand;
pub mod strength_score;
pub mod units;
pub mod warmup;
pub mod words;
pub mod zones;
