//! Endurance: running performance (VDOT, race equivalents, Riegel, paces).

pub mod running;
