//! Heart rate: the strap's packets, samples and gaps, zones, the live meter, a set's and a
//! session's heart rate and its load (TRIMP, hrTSS), HRV.

pub mod hrm;
pub mod hrv;
pub mod live;
pub mod load;
pub mod meter;
pub mod sample;
pub mod set_hr;
pub mod settings;
pub mod summary;
pub mod zones;
