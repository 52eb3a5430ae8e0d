//! The built-in exercise catalogue, shipped in `assets/exercises.toml` and compiled into the binary.

use super::exercise::{Equipment, ExerciseKind, Mechanics};

/// Bump when `assets/exercises.toml` changes, so existing databases pick up new entries.
pub const CATALOGUE_VERSION: u32 = 1;

const SOURCE: &str = include_str!("../../assets/exercises.toml");

/// One exercise as described in the catalogue file.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueEntry {
    pub name: String,
    pub kind: ExerciseKind,
    pub equipment: Equipment,
    pub mechanics: Mechanics,
    pub muscles: Vec<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueFile {
    exercise: Vec<CatalogueEntry>,
}

/// The built-in catalogue. The file is checked by tests, so an error here means a broken build.
pub fn builtin() -> Result<Vec<CatalogueEntry>, toml::de::Error> {
    toml::from_str::<CatalogueFile>(SOURCE).map(|f| f.exercise)
}
