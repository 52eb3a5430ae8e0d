//! Pieces shared by several screens.

pub mod bars;
pub mod confirm;
pub mod entry_line;
pub mod footer;
pub mod header;
pub mod heart;
pub mod help;
pub mod hr_chart;
pub mod picker;
pub mod session_row;
pub mod set_row;
pub mod time_chart;
pub mod too_small;
