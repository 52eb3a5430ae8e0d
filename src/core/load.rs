//! Training load over days, one model for lifting and cardio: fitness, fatigue and form (PMC)
//! and the acute:chronic workload ratio, from each day's load.

pub mod acwr;
pub mod pmc;
