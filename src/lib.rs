//! `ironpulse` — a terminal workout companion.
//!
//! Layers, top to bottom: `cli` → `app` (event loop, state, update) → `ui` (pure rendering),
//! `read` (what each screen and command shows, read in one place),
//! `store` (`SQLite` on its own thread), `hr` (heart-rate sources) → `core` (pure domain).

pub mod app;
pub mod config;
pub mod core;
pub mod demo;
pub mod hr;
pub mod read;
pub mod store;
pub mod ui;
