//! The session-detail screen's view state from a freshly read session: the comparison with last
//! time is worked out once here and again after each edit. The data comes from
//! [`crate::read::SessionDetail`].

use crate::core::review::session::compare;
use crate::core::strength::e1rm::Formula;
use crate::core::workout::session::Session;
use crate::read::SessionDetail;

use super::state::{Detail, DetailView};

impl Detail {
    /// The detail screen of a freshly loaded session, on the sets view.
    pub fn new(detail: SessionDetail, pinned: Option<Formula>) -> Detail {
        Detail {
            comparisons: compare(&detail.session, &detail.previous, pinned),
            session: detail.session,
            selected: 0,
            edit: None,
            view: DetailView::Sets,
            hr: detail.hr.map(Box::new),
            set_hr: detail.set_hr,
            previous: detail.previous,
        }
    }

    /// The session after an edit: the comparison follows it.
    pub fn replace_session(&mut self, session: Session, pinned: Option<Formula>) {
        self.comparisons = compare(&session, &self.previous, pinned);
        self.selected = self.selected.min(session.set_count().saturating_sub(1));
        self.edit = None;
        self.session = session;
    }
}
