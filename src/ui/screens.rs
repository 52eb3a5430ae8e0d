//! One file per screen.

pub mod dashboard;
pub mod devices;
pub mod form;
pub mod history;
pub mod load;
pub mod progress;
pub mod session;
pub mod session_detail;
pub mod summary;
