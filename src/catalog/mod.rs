//! The indicator catalog (one TOML definition per indicator: the shipped `indicators/*.toml`, a
//! directory, or the versions kept in the store) and region files, validated with every problem
//! reported by file and key.

mod builtin;
mod error;
mod fields;
mod parse;
mod region;
mod rules;
mod write;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::domain::Indicator;

pub use error::CatalogError;
pub use parse::{is_cbs_table_id, parse_indicator};
pub(crate) use region::zawa;
pub use region::{builtin_region, parse_region};
pub use rules::changes_refused_by_values;
pub use write::indicator_toml;

/// A definition given as text rather than as a file (typed in the window, kept in the store): named
/// `<id>.toml` after its own id in the errors, so only the id's form is checked, not a file name.
pub fn parse_definition(text: &str) -> Result<Indicator, Vec<CatalogError>> {
    let id = text
        .parse::<toml::Table>()
        .ok()
        .and_then(|table| table.get("id")?.as_str().map(|id| id.trim().to_string()));
    let file = match id {
        Some(id) if !id.is_empty() && !id.contains(['/', '\\', '.']) => format!("{id}.toml"),
        _ => "definitie".to_string(),
    };
    parse_indicator(&file, text)
}

#[derive(Debug, Clone)]
pub struct Catalog {
    /// Every definition, retired ones too, sorted by id.
    all: Vec<Indicator>,
    /// Those in use, sorted by id: what the dashboard, templates, delivery matrix and fetch cover.
    active: Vec<Indicator>,
    retired: BTreeSet<String>,
}

impl Catalog {
    /// The definitions shipped inside the binary (`indicators/` at build time).
    pub fn builtin() -> Result<Catalog, Vec<CatalogError>> {
        Catalog::from_files(Catalog::builtin_files())
    }

    /// The shipped files as (file name, TOML text): what a new store's catalog is seeded from.
    pub fn builtin_files() -> Vec<(String, String)> {
        builtin::FILES
            .iter()
            .map(|(name, text)| (name.to_string(), text.to_string()))
            .collect()
    }

    /// The same catalog with these indicators retired: still known by [`Catalog::get`] and
    /// [`Catalog::all`], left out of [`Catalog::indicators`].
    pub fn with_retired(self, retired: impl IntoIterator<Item = String>) -> Catalog {
        let retired: BTreeSet<String> = retired.into_iter().collect();
        let active = self
            .all
            .iter()
            .filter(|i| !retired.contains(&i.id))
            .cloned()
            .collect();
        Catalog {
            all: self.all,
            active,
            retired,
        }
    }

    /// Loads every `*.toml` in `dir`, each read by `read` (which refuses what is no regular file or
    /// too large, and says why).
    pub fn load_dir(
        dir: &Path,
        read: impl Fn(&Path) -> Result<Vec<u8>, String>,
    ) -> Result<Catalog, Vec<CatalogError>> {
        let entries = std::fs::read_dir(dir).map_err(|e| {
            vec![CatalogError::file(
                dir.display().to_string(),
                format!("map kan niet gelezen worden: {e}"),
            )]
        })?;
        let mut paths: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
            .collect();
        paths.sort();
        if paths.is_empty() {
            return Err(vec![CatalogError::file(
                dir.display().to_string(),
                "geen indicatorbestanden (*.toml) gevonden".to_string(),
            )]);
        }
        let mut errors = Vec::new();
        let mut files = Vec::new();
        for path in paths {
            let name = path.display().to_string();
            match read(&path).map(String::from_utf8) {
                Ok(Ok(text)) => files.push((name, text)),
                Ok(Err(_)) => errors.push(CatalogError::file(
                    name,
                    "het bestand is geen UTF-8-tekst".to_string(),
                )),
                Err(reason) => errors.push(CatalogError::file(name, reason)),
            }
        }
        match Catalog::from_files(files) {
            Ok(catalog) if errors.is_empty() => Ok(catalog),
            Ok(_) => Err(errors),
            Err(more) => {
                errors.extend(more);
                Err(errors)
            }
        }
    }

    /// Builds a catalog from (file name, TOML text) pairs; every error names its file and key.
    pub fn from_files(
        files: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Catalog, Vec<CatalogError>> {
        let mut errors = Vec::new();
        let mut by_id: BTreeMap<String, (String, Indicator)> = BTreeMap::new();
        for (file, text) in files {
            match parse_indicator(&file, &text) {
                Ok(indicator) => {
                    if let Some((first, _)) = by_id.get(&indicator.id) {
                        errors.push(CatalogError::key(
                            &file,
                            "id",
                            format!("'{}' staat ook al in {first}", indicator.id),
                        ));
                    } else {
                        by_id.insert(indicator.id.clone(), (file, indicator));
                    }
                }
                Err(problems) => errors.extend(problems),
            }
        }
        if errors.is_empty() {
            let all: Vec<Indicator> = by_id
                .into_values()
                .map(|(_, indicator)| indicator)
                .collect();
            Ok(Catalog {
                active: all.clone(),
                all,
                retired: BTreeSet::new(),
            })
        } else {
            Err(errors)
        }
    }

    /// The indicators in use (not retired), sorted by id.
    pub fn indicators(&self) -> &[Indicator] {
        &self.active
    }

    /// Every definition, retired ones too: for values on record, their names and shielding.
    pub fn all(&self) -> &[Indicator] {
        &self.all
    }

    pub fn is_retired(&self, id: &str) -> bool {
        self.retired.contains(id)
    }

    /// Any definition, in use or retired.
    pub fn get(&self, id: &str) -> Option<&Indicator> {
        self.all
            .binary_search_by(|indicator| indicator.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.all[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_catalog_is_valid_and_sorted() {
        let catalog = Catalog::builtin().expect("shipped indicators validate");
        assert!(catalog.indicators().len() >= 20);
        assert!(catalog.indicators().windows(2).all(|w| w[0].id < w[1].id));
        assert!(catalog.get("zvh_dossiers_in_behandeling").is_some());
        assert!(catalog.get("bestaat_niet").is_none());
    }

    #[test]
    fn a_retired_indicator_stays_known_but_is_not_in_use() {
        let catalog = Catalog::builtin()
            .unwrap()
            .with_retired(["zvh_aanmeldingen".to_string()]);
        assert!(catalog.get("zvh_aanmeldingen").is_some());
        assert!(catalog.is_retired("zvh_aanmeldingen"));
        assert!(catalog.all().iter().any(|i| i.id == "zvh_aanmeldingen"));
        assert!(
            !catalog
                .indicators()
                .iter()
                .any(|i| i.id == "zvh_aanmeldingen")
        );
        assert_eq!(catalog.indicators().len() + 1, catalog.all().len());
    }
}
