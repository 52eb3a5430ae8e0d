//! `ironpulse` — a terminal workout companion.
//!
//! Layers, top to bottom: `cli` → `app` (event loop, state, update) → `ui` (pure rendering),
//! `store` (`SQLite` on its own thread), `hr` (heart-rate sources) → `core` (pure domain).

pub mod app;
pub mod config;
pub mod core;
pub mod demo;
pub mod hr;
pub mod review;
pub mod store;
pub mod ui;
