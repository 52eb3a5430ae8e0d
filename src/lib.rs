//! ironpulse — a terminal workout companion.
//!
//! Layers, top to bottom: `cli` → `app` (event loop, state, update) → `ui` (pure rendering),
//! `store` (SQLite on its own thread), `hr` (heart-rate sources) → `core` (pure domain).

pub mod core;
