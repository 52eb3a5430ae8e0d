//! Strength science: e1RM and RPE, records, each lift's history, progression rules, deloads,
//! coaching before a set and strength relative to body weight.

pub mod coaching;
pub mod deload;
pub mod e1rm;
pub mod e1rm_trend;
pub mod history;
pub mod progression;
pub mod records;
pub mod rpe;
pub mod strength_score;
