//! The read models: what each screen and command shows, read from the store in one place.
//!
//! Each type here holds one screen's or command's data and has a `read(&Store, …)` that asks the
//! store for exactly that. The app's store worker and the CLI both call these, so a screen and
//! the command showing the same thing read it the same way — and the same numbers come out.
//! Queries live in `store/`; the figures are computed by `core/`. This layer sits between them
//! and below `app/` and `cli/`: it never imports `app`, `ui` or `cli`.

pub mod deload_check;
pub mod insights;
pub mod load_rows;
pub mod program_library;
pub mod program_lifter;
pub mod program_run;
pub mod program_summary;
pub mod progress_rows;
pub mod recommendations;
pub mod review_rows;
pub mod session_detail;
pub mod startup;

pub use deload_check::DeloadCheck;
pub use insights::Insights;
pub use load_rows::LoadRows;
pub use program_library::Library;
pub use program_lifter::ProgramLifter;
pub use program_run::ProgramRun;
pub use program_summary::ProgramSummary;
pub use progress_rows::ProgressRows;
pub use recommendations::{Advice, Recommendations};
pub use review_rows::ReviewRows;
pub use session_detail::{DetailHr, SessionDetail};
pub use startup::Startup;

use crate::core::units::Unit;
use crate::store::{Store, StoreError};

/// The unit the lifter quotes weights in: the profile's, kilograms before there is one.
pub fn unit(store: &Store) -> Result<Unit, StoreError> {
    Ok(store.profile()?.map(|p| p.unit).unwrap_or_default())
}
