//! Definitions as files: `indicators import FILE...` (everything checked before anything is written)
//! and `indicators export DIR` (one `<id>.toml` per indicator, the stored text byte for byte).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::check_user;
use crate::app::catalog_source::{catalog_batch, read_definition_file};
use crate::app::output_file::write_replacing;
use crate::app::{AppError, Workspace};
use crate::catalog::{CatalogError, parse_indicator};
use crate::domain::Indicator;
use crate::store::{CatalogSummary, DefinitionWrite, is_own_file};

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportedDefinitions {
    /// Every file written, sorted by indicator id.
    pub files: Vec<PathBuf>,
    /// The ids among them that are retired (their files do not say so).
    pub retired: Vec<String>,
}

impl Workspace {
    /// Adds or changes the definitions in `paths` as one catalog batch by `user`. Every file is
    /// read and checked first (as `check` does, and against the values on record); on any problem
    /// all of them are listed and nothing is written. Unchanged definitions are left as they are;
    /// retired ones stay retired.
    pub fn import_definitions(
        &mut self,
        paths: &[impl AsRef<Path>],
        user: &str,
    ) -> Result<CatalogSummary, AppError> {
        self.refuse_given_catalog()?;
        check_user("gebruiker", user)?;
        if paths.is_empty() {
            return Err(AppError::Refused(
                "geen bestanden om in te lezen".to_string(),
            ));
        }
        let mut errors = Vec::new();
        let mut read = Vec::new();
        for path in paths {
            let path = path.as_ref();
            match read_definition_file(path) {
                Ok((name, bytes)) => match String::from_utf8(bytes) {
                    Ok(text) => read.push((name, text)),
                    Err(_) => errors.push(CatalogError::file(
                        name,
                        "het bestand is geen UTF-8-tekst".to_string(),
                    )),
                },
                Err(reason) => errors.push(CatalogError::file(path.display().to_string(), reason)),
            }
        }
        let mut parsed: BTreeMap<String, (String, Indicator, &str)> = BTreeMap::new();
        for (name, text) in &read {
            match parse_indicator(name, text) {
                Ok(indicator) => match parsed.get(&indicator.id) {
                    Some((first, ..)) => errors.push(CatalogError::key(
                        name,
                        "id",
                        format!("'{}' staat ook al in {first}", indicator.id),
                    )),
                    None => {
                        parsed.insert(indicator.id.clone(), (name.clone(), indicator, text));
                    }
                },
                Err(problems) => errors.extend(problems),
            }
        }
        let checked: Vec<(String, Indicator)> = parsed
            .values()
            .map(|(name, indicator, _)| (name.clone(), indicator.clone()))
            .collect();
        if let Err(AppError::Catalog(refused)) = self.check_against_values(&checked) {
            errors.extend(refused);
        }
        if !errors.is_empty() {
            return Err(AppError::Catalog(errors));
        }
        let writes: Vec<DefinitionWrite> = parsed
            .values()
            .map(|(_, indicator, text)| DefinitionWrite {
                indicator,
                text,
                retired: self.catalog().is_retired(&indicator.id),
            })
            .collect();
        let names: Vec<&str> = read.iter().map(|(name, _)| name.as_str()).collect();
        let source = catalog_batch(user, Some(names.join(", ")));
        let summary = self.store_mut()?.write_definitions(&source, &writes)?;
        self.reload_catalog()?;
        Ok(summary)
    }

    /// Writes every definition of the store's catalog to `dir` (made when missing) as
    /// `<id>.toml`, byte for byte as stored, so importing the folder gives the same definitions.
    /// An existing file is only replaced when it is a definition of the same indicator (an earlier
    /// export); any other file there is left alone and the export refused before anything is
    /// written.
    pub fn export_definitions(&self, dir: &Path) -> Result<ExportedDefinitions, AppError> {
        let definitions = self.store().definitions()?;
        if definitions.is_empty() {
            return Err(AppError::Refused(
                "de catalogus in de database is leeg; er is niets te exporteren".to_string(),
            ));
        }
        let targets: Vec<(PathBuf, &str)> = definitions
            .iter()
            .map(|v| (dir.join(format!("{}.toml", v.id)), v.text.as_str()))
            .collect();
        let refused: Vec<String> = definitions
            .iter()
            .zip(&targets)
            .filter_map(|(v, (path, _))| self.refusal(path, &v.id))
            .collect();
        if !refused.is_empty() {
            return Err(AppError::Catalog(
                refused
                    .into_iter()
                    .map(|message| CatalogError::file(dir.display().to_string(), message))
                    .collect(),
            ));
        }
        std::fs::create_dir_all(dir).map_err(|e| {
            AppError::Refused(format!("{} kan niet gemaakt worden: {e}", dir.display()))
        })?;
        for (path, text) in &targets {
            write_replacing(path, text.as_bytes()).map_err(|e| {
                AppError::Refused(format!(
                    "{} kan niet geschreven worden: {e}",
                    path.display()
                ))
            })?;
        }
        Ok(ExportedDefinitions {
            files: targets.into_iter().map(|(path, _)| path).collect(),
            retired: definitions
                .iter()
                .filter(|v| v.retired)
                .map(|v| v.id.clone())
                .collect(),
        })
    }

    /// Why `path` may not be written with the definition of `id`, if it may not.
    fn refusal(&self, path: &Path, id: &str) -> Option<String> {
        let name = path.display();
        if self
            .store()
            .path()
            .is_some_and(|store| is_own_file(store, path))
        {
            return Some(format!("{name} is (een bestand van) de database zelf"));
        }
        let meta = std::fs::symlink_metadata(path).ok()?;
        if !meta.is_file() {
            return Some(format!(
                "{name} bestaat al en is geen gewoon bestand; kies een andere map"
            ));
        }
        let ours = read_definition_file(path)
            .ok()
            .and_then(|(file, bytes)| String::from_utf8(bytes).ok().map(|text| (file, text)))
            .is_some_and(|(file, text)| parse_indicator(&file, &text).is_ok_and(|i| i.id == id));
        (!ours).then(|| {
            format!(
                "{name} bestaat al en is geen definitie van {id}; het wordt niet overschreven, kies \
                 een andere map"
            )
        })
    }
}
