//! The lifter's profile: a single row, `id = 1`.

use rusqlite::{OptionalExtension as _, params};

use super::{Store, StoreError};
use crate::core::profile::ZoneKind;
use crate::core::profile::{Profile, Sex};
use crate::core::units::{Bpm, Unit, Weight};

/// The `profile` row as read, before validation.
struct ProfileRow {
    unit: String,
    body_weight_kg: f64,
    sex: String,
    birth_year: i64,
    hr_max: i64,
    hr_rest: i64,
    lthr: Option<i64>,
    bar_kg: f64,
    plates_kg: String,
    zone_model: String,
}

impl ProfileRow {
    fn into_profile(self) -> Result<Profile, StoreError> {
        let bad = |problem: String| StoreError::corrupt("profile", 1, problem);
        let bpm = |value: i64| {
            u32::try_from(value)
                .map_err(|_| bad(format!("heart rate must be 20–250 bpm, got {value}")))
                .and_then(|v| Bpm::try_from(v).map_err(|e| bad(e.0)))
        };
        let weight = |kg: f64| Weight::from_kg(kg).map_err(|e| bad(e.0));
        let plates = parse_kg_list(&self.plates_kg).ok_or_else(|| {
            bad(format!(
                "plates_kg is not a list of numbers: {:?}",
                self.plates_kg
            ))
        })?;
        Ok(Profile {
            unit: self.unit.parse::<Unit>().map_err(|e| bad(e.0))?,
            body_weight: weight(self.body_weight_kg)?,
            sex: Sex::from_code(&self.sex)
                .ok_or_else(|| bad(format!("sex must be m or f, got {:?}", self.sex)))?,
            birth_year: i32::try_from(self.birth_year)
                .map_err(|_| bad(format!("birth year {} is out of range", self.birth_year)))?,
            hr_max: bpm(self.hr_max)?,
            hr_rest: bpm(self.hr_rest)?,
            lthr: self.lthr.map(bpm).transpose()?,
            bar: weight(self.bar_kg)?,
            plates: plates.into_iter().map(weight).collect::<Result<_, _>>()?,
            zones: ZoneKind::from_code(&self.zone_model).ok_or_else(|| {
                bad(format!(
                    "zone_model must be karvonen, friel_run or friel_bike, got {:?}",
                    self.zone_model
                ))
            })?,
        })
    }
}

/// A JSON array of kilograms, each written so that it reads back as the same `f64`.
fn write_kg_list(weights: &[Weight]) -> String {
    let items: Vec<String> = weights.iter().map(|w| w.kg().to_string()).collect();
    format!("[{}]", items.join(","))
}

/// Reads [`write_kg_list`]'s output (or a hand-edited JSON array of numbers) exactly.
fn parse_kg_list(text: &str) -> Option<Vec<f64>> {
    let inner = text.trim().strip_prefix('[')?.strip_suffix(']')?.trim();
    if inner.is_empty() {
        return Some(vec![]);
    }
    inner
        .split(',')
        .map(|item| item.trim().parse().ok())
        .collect()
}

impl Store {
    /// The lifter's profile, or `None` before the first-run setup saved one.
    pub fn profile(&self) -> Result<Option<Profile>, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT unit, body_weight_kg, sex, birth_year, hr_max, hr_rest, lthr, bar_kg, plates_kg,
                        zone_model
                 FROM profile WHERE id = 1",
                [],
                |r| {
                    Ok(ProfileRow {
                        unit: r.get(0)?,
                        body_weight_kg: r.get(1)?,
                        sex: r.get(2)?,
                        birth_year: r.get(3)?,
                        hr_max: r.get(4)?,
                        hr_rest: r.get(5)?,
                        lthr: r.get(6)?,
                        bar_kg: r.get(7)?,
                        plates_kg: r.get(8)?,
                        zone_model: r.get(9)?,
                    })
                },
            )
            .optional()
            .map_err(self.fail("read the profile"))?;
        row.map(ProfileRow::into_profile).transpose()
    }

    /// Saves the profile, replacing the previous one.
    pub fn save_profile(&self, p: &Profile) -> Result<(), StoreError> {
        let plates = write_kg_list(&p.plates);
        self.conn
            .execute(
                "INSERT INTO profile (id, unit, body_weight_kg, sex, birth_year, hr_max, hr_rest, lthr, bar_kg, plates_kg, zone_model)
                 VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                 ON CONFLICT (id) DO UPDATE SET
                    unit = excluded.unit, body_weight_kg = excluded.body_weight_kg, sex = excluded.sex,
                    birth_year = excluded.birth_year, hr_max = excluded.hr_max, hr_rest = excluded.hr_rest,
                    lthr = excluded.lthr, bar_kg = excluded.bar_kg, plates_kg = excluded.plates_kg,
                    zone_model = excluded.zone_model",
                params![
                    p.unit.label(),
                    p.body_weight.kg(),
                    p.sex.code(),
                    p.birth_year,
                    p.hr_max.get(),
                    p.hr_rest.get(),
                    p.lthr.map(Bpm::get),
                    p.bar.kg(),
                    plates,
                    p.zones.code(),
                ],
            )
            .map_err(self.fail("save the profile"))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::profile::default_plates;
    use crate::store::fixtures::store;

    fn profile() -> Profile {
        Profile::example()
            .in_unit(Unit::Lb)
            .weighing(180.0)
            .female()
            .hr(188, 52)
            .lthr(170)
    }

    #[test]
    fn plate_lists_read_back_bit_for_bit() {
        let plates = default_plates(Unit::Lb);
        let text = write_kg_list(&plates);
        let read: Vec<f64> = parse_kg_list(&text).unwrap();
        assert_eq!(read, plates.iter().map(|w| w.kg()).collect::<Vec<_>>());
        assert_eq!(parse_kg_list(" [ 20, 2.5 ] "), Some(vec![20.0, 2.5]));
        assert_eq!(parse_kg_list("[]"), Some(vec![]));
        assert_eq!(parse_kg_list("[20, heavy]"), None);
        assert_eq!(parse_kg_list("20"), None);
    }

    #[test]
    fn no_profile_before_the_first_save() {
        assert_eq!(store().profile().unwrap(), None);
    }

    #[test]
    fn a_profile_round_trips_and_a_second_save_replaces_it() {
        let store = store();
        let first = profile();
        store.save_profile(&first).unwrap();
        assert_eq!(store.profile().unwrap(), Some(first.clone()));

        let second = Profile {
            unit: Unit::Kg,
            lthr: None,
            plates: vec![],
            ..first
        };
        store.save_profile(&second).unwrap();
        assert_eq!(store.profile().unwrap(), Some(second));
        let rows: i64 = store
            .conn
            .query_row("SELECT count(*) FROM profile", [], |r| r.get(0))
            .unwrap();
        assert_eq!(rows, 1);
    }

    #[test]
    fn a_hand_edited_heart_rate_out_of_range_is_reported_not_panicked() {
        let store = store();
        store.save_profile(&profile()).unwrap();
        store
            .conn
            .execute("UPDATE profile SET hr_max = 400", [])
            .unwrap();
        let err = store.profile().unwrap_err();
        assert!(matches!(
            err,
            StoreError::Corrupt {
                table: "profile",
                id: 1,
                ..
            }
        ));
        assert!(
            err.to_string()
                .contains("heart rate must be 20–250 bpm, got 400"),
            "{err}"
        );
    }

    #[test]
    fn the_zone_model_round_trips() {
        let store = store();
        for zones in [ZoneKind::FrielRun, ZoneKind::FrielBike, ZoneKind::Karvonen] {
            let p = Profile { zones, ..profile() };
            store.save_profile(&p).unwrap();
            assert_eq!(store.profile().unwrap(), Some(p));
            let code: String = store
                .conn
                .query_row("SELECT zone_model FROM profile", [], |r| r.get(0))
                .unwrap();
            assert_eq!(code, zones.code());
        }
    }

    #[test]
    fn a_hand_edited_zone_model_is_reported_not_panicked() {
        let store = store();
        store.save_profile(&profile()).unwrap();
        // The column's CHECK stops ordinary writes; a hand edit that bypasses it must still read
        // as a clear error, not a panic or a silent Karvonen.
        store
            .conn
            .execute_batch(
                "PRAGMA ignore_check_constraints = ON;
                 UPDATE profile SET zone_model = 'edwards';
                 PRAGMA ignore_check_constraints = OFF;",
            )
            .unwrap();
        let err = store.profile().unwrap_err();
        assert!(matches!(
            err,
            StoreError::Corrupt {
                table: "profile",
                id: 1,
                ..
            }
        ));
        assert!(
            err.to_string()
                .contains("zone_model must be karvonen, friel_run or friel_bike, got \"edwards\""),
            "{err}"
        );
    }
}
