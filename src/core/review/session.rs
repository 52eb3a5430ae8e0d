//! One past session looked back on, as its detail screen shows it: each exercise against the
//! last time it was done, the time in each heart-rate zone, and the rests between its sets.

mod comparison;
mod rests;
#[cfg(test)]
mod tests;
mod zone_time;

pub use comparison::{Change, Comparison, compare};
pub use rests::rests;
pub use zone_time::{ZoneTime, zone_times};
