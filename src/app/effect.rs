//! What `update()` asks the outside world to do. What the store is asked, and what it answers,
//! is grouped by feature in `store_worker`.

use super::store_worker::StoreRequest;

/// A side effect for the event loop to run.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Store(StoreRequest),
    /// Ring the terminal bell (rest over).
    Bell,
    /// Look for Bluetooth heart-rate straps; answered by `Action::Straps`.
    ScanStraps,
    /// Stream from this strap (address or name) from now on, or stop streaming.
    UseStrap(Option<String>),
}
