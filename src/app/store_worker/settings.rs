//! Settings: the profile, and the pinned e1RM formula.

use super::{Failed, Request};
use crate::core::profile::Profile;
use crate::core::strength::e1rm::Formula;
use crate::store::{Store, StoreError};

#[derive(Debug, Clone, PartialEq)]
pub enum SettingsRequest {
    SaveProfile(Profile),
    /// Pin one e1RM formula (or go back to the defaults with `None`); stored e1RMs follow.
    PinFormula(Option<Formula>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum SettingsReply {
    ProfileSaved(Profile),
    FormulaPinned(Option<Formula>),
}

impl Request for SettingsRequest {
    type Reply = SettingsReply;

    fn answer(self, store: &Store) -> Result<SettingsReply, StoreError> {
        Ok(match self {
            SettingsRequest::SaveProfile(profile) => {
                store.save_profile(&profile)?;
                SettingsReply::ProfileSaved(profile)
            }
            SettingsRequest::PinFormula(formula) => {
                store.set_pinned_formula(formula)?;
                SettingsReply::FormulaPinned(formula)
            }
        })
    }

    fn failure(&self) -> Failed {
        match self {
            SettingsRequest::SaveProfile(_) => Failed::Profile,
            SettingsRequest::PinFormula(_) => Failed::Other,
        }
    }
}
