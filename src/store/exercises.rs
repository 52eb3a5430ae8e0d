//! Exercises: the seeded catalogue, the lifter's own, and which were used lately.

use std::collections::HashSet;

use chrono::Utc;
use rusqlite::{OptionalExtension as _, params};

use super::{Store, StoreError, to_millis};
use crate::core::workout::catalogue::{CATALOGUE_VERSION, builtin};
use crate::core::workout::exercise::{Equipment, Exercise, ExerciseId, ExerciseKind, Mechanics};

const EXERCISE_COLUMNS: &str = "id, name, kind, equipment, mechanics, muscles, aliases, custom";

/// An `exercise` row as read, before validation.
struct ExerciseRow {
    id: i64,
    name: String,
    kind: String,
    equipment: String,
    mechanics: String,
    muscles: String,
    aliases: String,
    custom: bool,
}

impl ExerciseRow {
    fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        Ok(ExerciseRow {
            id: r.get(0)?,
            name: r.get(1)?,
            kind: r.get(2)?,
            equipment: r.get(3)?,
            mechanics: r.get(4)?,
            muscles: r.get(5)?,
            aliases: r.get(6)?,
            custom: r.get(7)?,
        })
    }

    fn into_exercise(self) -> Result<Exercise, StoreError> {
        let id = self.id;
        let bad = |what: &str, value: &str| {
            StoreError::corrupt("exercise", id, format!("unknown {what} {value:?}"))
        };
        let list = |what: &str, json: &str| {
            serde_json::from_str::<Vec<String>>(json).map_err(|e| {
                StoreError::corrupt(
                    "exercise",
                    id,
                    format!("{what} is not a list of names ({e})"),
                )
            })
        };
        Ok(Exercise {
            id: ExerciseId(id),
            kind: ExerciseKind::from_code(&self.kind).ok_or_else(|| bad("kind", &self.kind))?,
            equipment: Equipment::from_code(&self.equipment)
                .ok_or_else(|| bad("equipment", &self.equipment))?,
            mechanics: Mechanics::from_code(&self.mechanics)
                .ok_or_else(|| bad("mechanics", &self.mechanics))?,
            muscles: list("muscles", &self.muscles)?,
            aliases: list("aliases", &self.aliases)?,
            custom: self.custom,
            name: self.name,
        })
    }
}

fn json_list(items: &[String]) -> String {
    serde_json::Value::from(items.to_vec()).to_string()
}

impl Store {
    /// Every exercise, built-in and custom, sorted by name.
    pub fn exercises(&self) -> Result<Vec<Exercise>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {EXERCISE_COLUMNS} FROM exercise ORDER BY name, id"
            ))
            .map_err(self.fail("read the exercises"))?;
        let rows = stmt
            .query_map([], ExerciseRow::read)
            .and_then(Iterator::collect::<Result<Vec<_>, _>>)
            .map_err(self.fail("read the exercises"))?;
        rows.into_iter().map(ExerciseRow::into_exercise).collect()
    }

    /// One exercise by id.
    pub fn exercise(&self, id: ExerciseId) -> Result<Option<Exercise>, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {EXERCISE_COLUMNS} FROM exercise WHERE id = ?1"),
                [id.0],
                ExerciseRow::read,
            )
            .optional()
            .map_err(self.fail("read an exercise"))?
            .map(ExerciseRow::into_exercise)
            .transpose()
    }

    /// Adds a custom exercise. A name already used by another exercise, or as one of its aliases
    /// (ignoring case), is refused with [`StoreError::DuplicateExercise`].
    pub fn create_exercise(
        &self,
        name: &str,
        kind: ExerciseKind,
        equipment: Equipment,
        mechanics: Mechanics,
        muscles: &[String],
    ) -> Result<Exercise, StoreError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::Invalid("an exercise needs a name".into()));
        }
        let tx = self.write()?;
        if let Some(existing) = self.name_owner(name)? {
            return Err(StoreError::DuplicateExercise {
                name: name.into(),
                existing,
            });
        }
        tx.execute(
            "INSERT INTO exercise (name, kind, equipment, mechanics, muscles, aliases, custom, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, '[]', 1, ?6)",
            params![name, kind.code(), equipment.code(), mechanics.code(), json_list(muscles), to_millis(Utc::now())],
        )
        .map_err(self.fail("save the exercise"))?;
        let id = ExerciseId(tx.last_insert_rowid());
        self.commit(tx, "save the exercise")?;
        Ok(Exercise {
            id,
            name: name.into(),
            kind,
            equipment,
            mechanics,
            muscles: muscles.to_vec(),
            aliases: vec![],
            custom: true,
        })
    }

    /// The name of the exercise that already uses `name` as its name or an alias, ignoring case.
    fn name_owner(&self, name: &str) -> Result<Option<String>, StoreError> {
        let wanted = name.to_lowercase();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, name, aliases FROM exercise")
            .map_err(self.fail("read the exercise names"))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .and_then(Iterator::collect::<Result<Vec<_>, _>>)
            .map_err(self.fail("read the exercise names"))?;
        for (id, existing, aliases) in rows {
            let aliases: Vec<String> = serde_json::from_str(&aliases).map_err(|e| {
                StoreError::corrupt(
                    "exercise",
                    id,
                    format!("aliases is not a list of names ({e})"),
                )
            })?;
            if existing.to_lowercase() == wanted
                || aliases.iter().any(|a| a.to_lowercase() == wanted)
            {
                return Ok(Some(existing));
            }
        }
        Ok(None)
    }

    /// Up to `limit` exercises, most recently logged first (by the time of their latest set),
    /// among the last 3,000 sets.
    pub fn recent_exercises(&self, limit: usize) -> Result<Vec<ExerciseId>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                // The newest few thousand sets (a few months of training) are "recent"; walking
                // every set ever logged cost 13 ms on ten years of history (docs/BENCHMARKS.md).
                "SELECT se.exercise_id FROM set_entry s
                 JOIN session_exercise se ON se.id = s.session_exercise_id
                 ORDER BY s.completed_at DESC, s.id DESC LIMIT 3000",
            )
            .map_err(self.fail("read the recent exercises"))?;
        let mut rows = stmt
            .query([])
            .map_err(self.fail("read the recent exercises"))?;
        let mut seen = HashSet::new();
        let mut recent = Vec::new();
        while recent.len() < limit {
            let Some(row) = rows
                .next()
                .map_err(self.fail("read the recent exercises"))?
            else {
                break;
            };
            let id = ExerciseId(row.get(0).map_err(self.fail("read the recent exercises"))?);
            if seen.insert(id) {
                recent.push(id);
            }
        }
        Ok(recent)
    }

    /// Whether the built-in catalogue is at this build's [`CATALOGUE_VERSION`] already.
    pub(super) fn catalogue_current(&self) -> Result<bool, StoreError> {
        let seeded: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'catalogue_version'",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(self.fail("read the catalogue version"))?;
        // An unreadable value only means seeding again, which the upsert makes harmless.
        let seeded = seeded.and_then(|v| v.parse::<u32>().ok()).unwrap_or(0);
        Ok(seeded >= CATALOGUE_VERSION)
    }

    /// Brings the built-in catalogue up to [`CATALOGUE_VERSION`], once per version, in one
    /// transaction: built-in rows are updated by name (kind, equipment, mechanics, muscles,
    /// aliases), entries the database lacks are added, and nothing is deleted. Custom exercises
    /// are never touched: one named like a new built-in keeps its row, and the built-in is not
    /// added. Ids stay, so history and rules follow the updated rows.
    pub(super) fn seed_catalogue(&self) -> Result<CatalogueSync, StoreError> {
        if self.catalogue_current()? {
            return Ok(CatalogueSync::default());
        }
        let entries = builtin().map_err(|e| StoreError::Catalogue(e.to_string()))?;
        let tx = self.write()?;
        let now = to_millis(Utc::now());
        let mut sync = CatalogueSync::default();
        {
            // `name` compares without case (the column's collation); a built-in whose case
            // changed in the catalogue is renamed too.
            let mut update = tx
                .prepare(
                    "UPDATE exercise
                     SET name = ?1, kind = ?2, equipment = ?3, mechanics = ?4, muscles = ?5,
                         aliases = ?6
                     WHERE name = ?1 AND custom = 0
                       AND (name != ?1 COLLATE BINARY OR kind != ?2 OR equipment != ?3
                            OR mechanics != ?4 OR muscles != ?5 OR aliases != ?6)",
                )
                .map_err(self.fail("update the exercise catalogue"))?;
            let mut insert = tx
                .prepare(
                    "INSERT OR IGNORE INTO exercise
                        (name, kind, equipment, mechanics, muscles, aliases, custom, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7)",
                )
                .map_err(self.fail("add the exercise catalogue"))?;
            for e in &entries {
                let row = params![
                    e.name,
                    e.kind.code(),
                    e.equipment.code(),
                    e.mechanics.code(),
                    json_list(&e.muscles),
                    json_list(&e.aliases),
                ];
                sync.updated += update
                    .execute(row)
                    .map_err(self.fail("update the exercise catalogue"))?;
                sync.added += insert
                    .execute(params![
                        e.name,
                        e.kind.code(),
                        e.equipment.code(),
                        e.mechanics.code(),
                        json_list(&e.muscles),
                        json_list(&e.aliases),
                        now,
                    ])
                    .map_err(self.fail("add the exercise catalogue"))?;
            }
        }
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('catalogue_version', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [CATALOGUE_VERSION.to_string()],
        )
        .map_err(self.fail("add the exercise catalogue"))?;
        self.commit(tx, "add the exercise catalogue")?;
        Ok(sync)
    }
}

/// What bringing the built-in catalogue up to date changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CatalogueSync {
    /// Built-in entries the database did not have.
    pub added: usize,
    /// Built-in rows whose kind, equipment, mechanics, muscles, aliases or spelling changed.
    pub updated: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::fixtures::{at, custom, lift, store};

    #[test]
    fn a_fresh_store_holds_the_whole_catalogue_sorted_by_name() {
        let store = store();
        let catalogue = builtin().unwrap();
        let exercises = store.exercises().unwrap();
        assert_eq!(exercises.len(), catalogue.len());
        for entry in &catalogue {
            let found = exercises.iter().find(|e| e.name == entry.name).unwrap();
            assert_eq!(found.aliases, entry.aliases);
            assert_eq!(found.muscles, entry.muscles);
            assert_eq!(
                (found.kind, found.equipment, found.mechanics),
                (entry.kind, entry.equipment, entry.mechanics)
            );
            assert!(!found.custom);
        }
        let names: Vec<_> = exercises.iter().map(|e| e.name.clone()).collect();
        let mut sorted = names.clone();
        sorted.sort_by_key(|n| n.to_lowercase());
        assert_eq!(names, sorted);
    }

    #[test]
    fn seeding_runs_once_per_catalogue_version() {
        let store = store();
        assert_eq!(store.seed_catalogue().unwrap(), CatalogueSync::default());
        store.conn.execute("DELETE FROM meta", []).unwrap();
        assert_eq!(
            store.seed_catalogue().unwrap(),
            CatalogueSync::default(),
            "names already present are kept, not doubled"
        );
        assert_eq!(store.exercises().unwrap().len(), builtin().unwrap().len());
    }

    /// A database seeded by an older catalogue: one built-in with stale data, one missing, one
    /// missing whose name a custom exercise took, one dropped from the catalogue since.
    #[test]
    fn a_catalogue_version_bump_updates_built_ins_and_spares_custom_exercises() {
        let store = store();
        let catalogue = builtin().unwrap();
        let by_name = |name: &str| {
            store
                .exercises()
                .unwrap()
                .into_iter()
                .find(|e| e.name.eq_ignore_ascii_case(name))
        };
        let bench = catalogue.iter().find(|e| e.name == "Bench Press").unwrap();
        let stale = by_name(&bench.name).unwrap();
        let session = store.start_session(at(0), "").unwrap();
        let slot = store.add_slot(session, stale.id).unwrap().id;
        store.log_sets(slot, &[lift(100.0, 5)], at(1)).unwrap();
        store
            .conn
            .execute(
                "UPDATE exercise SET name = 'bench press', equipment = 'machine',
                 muscles = '[\"chest\"]', aliases = '[]' WHERE id = ?1",
                [stale.id.0],
            )
            .unwrap();
        let (missing, taken) = (&catalogue[1], &catalogue[2]);
        for gone in [missing, taken] {
            store
                .conn
                .execute("DELETE FROM exercise WHERE name = ?1", [&gone.name])
                .unwrap();
        }
        let mine = store
            .create_exercise(
                &taken.name,
                ExerciseKind::Cardio,
                Equipment::Other,
                Mechanics::Isolation,
                &["calves".to_string()],
            )
            .unwrap();
        store
            .conn
            .execute(
                "INSERT INTO exercise (name, kind, equipment, mechanics, custom, created_at)
                 VALUES ('Retired Lift', 'strength', 'barbell', 'compound', 0, 0)",
                [],
            )
            .unwrap();
        store
            .conn
            .execute(
                "UPDATE meta SET value = ?1 WHERE key = 'catalogue_version'",
                [(CATALOGUE_VERSION - 1).to_string()],
            )
            .unwrap();

        assert_eq!(
            store.seed_catalogue().unwrap(),
            CatalogueSync {
                added: 1,
                updated: 1
            }
        );
        // The stale built-in is current again, under the same id, with its history.
        let bench_now = by_name(&bench.name).unwrap();
        assert_eq!(bench_now.id, stale.id);
        assert_eq!(bench_now.name, bench.name);
        assert_eq!(bench_now.equipment, bench.equipment);
        assert_eq!(bench_now.muscles, bench.muscles);
        assert_eq!(bench_now.aliases, bench.aliases);
        assert_eq!(store.exercise_history(stale.id).unwrap().len(), 1);
        // The missing one is back; the custom one keeps its row; nothing was deleted.
        assert!(!by_name(&missing.name).unwrap().custom);
        assert_eq!(by_name(&taken.name).unwrap(), mine);
        assert!(by_name("Retired Lift").is_some());
        assert_eq!(
            store.exercises().unwrap().len(),
            catalogue.len() + 1,
            "the catalogue, with the custom lift in place of the built-in, and the retired one"
        );
        // Once per version.
        assert_eq!(store.seed_catalogue().unwrap(), CatalogueSync::default());
    }

    #[test]
    fn custom_exercises_round_trip() {
        let store = store();
        let muscles = vec!["glutes".to_string(), "hamstrings".to_string()];
        let made = store
            .create_exercise(
                "  Test Hip Thrust  ",
                ExerciseKind::Strength,
                Equipment::Barbell,
                Mechanics::Compound,
                &muscles,
            )
            .unwrap();
        assert_eq!(made.name, "Test Hip Thrust");
        assert!(made.custom);
        assert_eq!(store.exercise(made.id).unwrap(), Some(made.clone()));
        assert!(store.exercises().unwrap().contains(&made));
        assert_eq!(store.exercise(ExerciseId(999_999)).unwrap(), None);
    }

    #[test]
    fn duplicate_names_and_aliases_are_refused_ignoring_case() {
        let store = store();
        let entry = builtin()
            .unwrap()
            .into_iter()
            .find(|e| !e.aliases.is_empty())
            .unwrap();
        let make = |name: &str| {
            store.create_exercise(
                name,
                ExerciseKind::Strength,
                Equipment::Barbell,
                Mechanics::Compound,
                &[],
            )
        };

        let err = make(&entry.name.to_uppercase()).unwrap_err();
        assert!(
            matches!(&err, StoreError::DuplicateExercise { existing, .. } if *existing == entry.name)
        );

        let alias = entry.aliases[0].to_lowercase();
        let err = make(&alias).unwrap_err();
        assert!(
            matches!(&err, StoreError::DuplicateExercise { existing, .. } if *existing == entry.name)
        );
        assert!(
            err.to_string()
                .contains(&format!("(as a name of {:?})", entry.name)),
            "{err}"
        );

        make("Test Zercher Squat").unwrap();
        assert!(matches!(
            make("test zercher squat"),
            Err(StoreError::DuplicateExercise { .. })
        ));
        assert!(matches!(make("   "), Err(StoreError::Invalid(_))));
    }

    #[test]
    fn recent_exercises_are_ordered_by_their_latest_set() {
        let store = store();
        let (a, b, c) = (
            custom(&store, "A lift"),
            custom(&store, "B lift"),
            custom(&store, "C lift"),
        );
        assert!(store.recent_exercises(5).unwrap().is_empty());
        let session = store.start_session(at(0), "").unwrap();
        let slot_a = store.add_slot(session, a).unwrap().id;
        let slot_b = store.add_slot(session, b).unwrap().id;
        let slot_c = store.add_slot(session, c).unwrap().id;
        store.log_sets(slot_a, &[lift(50.0, 5)], at(1)).unwrap();
        store.log_sets(slot_b, &[lift(50.0, 5)], at(2)).unwrap();
        store.log_sets(slot_c, &[lift(50.0, 5)], at(3)).unwrap();
        store.log_sets(slot_a, &[lift(50.0, 5)], at(4)).unwrap();
        assert_eq!(store.recent_exercises(5).unwrap(), vec![a, c, b]);
        assert_eq!(store.recent_exercises(2).unwrap(), vec![a, c]);
        assert!(store.recent_exercises(0).unwrap().is_empty());
    }

    #[test]
    fn a_hand_edited_equipment_is_reported_with_its_row() {
        let store = store();
        let id = custom(&store, "Odd lift");
        store
            .conn
            .execute(
                "UPDATE exercise SET equipment = 'trebuchet' WHERE id = ?1",
                [id.0],
            )
            .unwrap();
        let err = store.exercises().unwrap_err();
        assert!(
            matches!(err, StoreError::Corrupt { table: "exercise", id: row, .. } if row == id.0)
        );
    }
}
