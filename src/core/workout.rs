//! What a workout is made of, as the lifter logs it: sessions, sets, exercises and their
//! catalogue, the set shorthand, rest, plates and warm-ups.

pub mod catalogue;
pub mod exercise;
pub mod fuzzy;
pub mod plates;
pub mod plausible;
pub mod rest;
pub mod session;
pub mod set;
pub mod shorthand;
pub mod warmup;
