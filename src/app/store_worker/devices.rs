//! The heart-rate strap remembered for the next start.

use super::Request;
use crate::store::{Store, StoreError};

#[derive(Debug, Clone, PartialEq)]
pub enum DevicesRequest {
    /// Remember this strap (address or name), or forget it with `None`.
    RememberStrap(Option<String>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum DevicesReply {
    StrapRemembered(Option<String>),
}

impl Request for DevicesRequest {
    type Reply = DevicesReply;

    fn answer(self, store: &Store) -> Result<DevicesReply, StoreError> {
        Ok(match self {
            DevicesRequest::RememberStrap(strap) => {
                store.remember_strap(strap.as_deref())?;
                DevicesReply::StrapRemembered(strap)
            }
        })
    }
}
