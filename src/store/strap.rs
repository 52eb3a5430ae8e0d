//! The heart-rate strap the lifter chose, remembered so the next start connects to it.

use rusqlite::{OptionalExtension as _, params};

use super::{Store, StoreError};

const KEY: &str = "strap";

impl Store {
    /// The remembered strap's address (or name), if one was chosen.
    pub fn remembered_strap(&self) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [KEY], |r| r.get(0))
            .optional()
            .map_err(self.fail("read the remembered strap"))
    }

    /// Remembers `strap` (or forgets it with `None`).
    pub fn remember_strap(&self, strap: Option<&str>) -> Result<(), StoreError> {
        match strap {
            Some(strap) => self.conn.execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                params![KEY, strap],
            ),
            None => self.conn.execute("DELETE FROM meta WHERE key = ?1", [KEY]),
        }
        .map(|_| ())
        .map_err(self.fail("remember the strap"))
    }
}

#[cfg(test)]
mod tests {
    use crate::store::fixtures::store;

    #[test]
    fn a_strap_is_remembered_replaced_and_forgotten() {
        let store = store();
        assert_eq!(store.remembered_strap().unwrap(), None);
        store.remember_strap(Some("A0:9E:1A:00:00:01")).unwrap();
        store.remember_strap(Some("A0:9E:1A:00:00:02")).unwrap();
        assert_eq!(
            store.remembered_strap().unwrap().as_deref(),
            Some("A0:9E:1A:00:00:02")
        );
        store.remember_strap(None).unwrap();
        assert_eq!(store.remembered_strap().unwrap(), None);
    }
}
