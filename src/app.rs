//! The application: one event loop owns time and I/O handles; everything else is data.
//!
//! `Event (key | tick | store reply | signal) → Action → update(&mut State, Action) → Vec<Effect>`,
//! effects go to workers, workers answer with actions. The screen is redrawn only after something
//! changed, once per batch of queued events.

pub mod action;
pub mod confirm;
pub mod dialog;
pub mod effect;
pub mod exercise_form;
pub mod finish_form;
pub mod form;
pub mod heart;
pub mod keymap;
pub mod profile_form;
pub mod resume;
pub mod review_state;
pub mod rule_form;
pub mod session_detail;
pub mod source_worker;
pub mod state;
pub mod store_worker;
pub mod text_input;
pub mod update;

mod event_loop;
pub mod terminal;

pub use event_loop::{Draw, HeartSource, run};
