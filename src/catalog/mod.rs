//! The indicator catalog (`indicators/*.toml`, one file per indicator) and region files, validated
//! with every problem reported by file and key.

mod builtin;
mod error;
mod fields;
mod parse;
mod region;

use std::collections::BTreeMap;
use std::path::Path;

use crate::domain::Indicator;

pub use error::CatalogError;
pub use parse::{is_cbs_table_id, parse_indicator};
#[cfg(test)]
pub(crate) use region::zawa;
pub use region::{builtin_region, parse_region};

#[derive(Debug, Clone)]
pub struct Catalog {
    /// Sorted by id.
    indicators: Vec<Indicator>,
}

impl Catalog {
    /// The definitions shipped inside the binary (`indicators/` at build time).
    pub fn builtin() -> Result<Catalog, Vec<CatalogError>> {
        Catalog::from_files(
            builtin::FILES
                .iter()
                .map(|(name, text)| (name.to_string(), text.to_string())),
        )
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
            Ok(Catalog {
                indicators: by_id
                    .into_values()
                    .map(|(_, indicator)| indicator)
                    .collect(),
            })
        } else {
            Err(errors)
        }
    }

    pub fn indicators(&self) -> &[Indicator] {
        &self.indicators
    }

    pub fn get(&self, id: &str) -> Option<&Indicator> {
        self.indicators
            .binary_search_by(|indicator| indicator.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.indicators[i])
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
}
