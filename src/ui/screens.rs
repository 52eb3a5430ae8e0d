//! One file per screen.

pub mod dashboard;
pub mod devices;
pub mod form;
pub mod history;
pub mod session;
pub mod summary;
