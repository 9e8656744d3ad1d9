//! Keeping the indicator set current: the catalog kept in the store, listed with its status and
//! history, validated as `check` does, changed, imported, exported and retired. Every write is one
//! catalog batch (who, when; undoable), and the workspace's catalog follows it. Used by the command
//! line and the Indicatoren screen alike.

mod files;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;

pub use files::ExportedDefinitions;

use super::catalog_source::{CatalogOrigin, catalog_batch, stored_catalog};
use super::import::check_user;
use super::{AppError, Counted, Undone, Workspace};
use crate::catalog::{
    CatalogError, changes_refused_by_values, indicator_toml, parse_definition, parse_indicator,
};
use crate::domain::{BatchId, Indicator, visible};
use crate::store::{CatalogSummary, DefinitionVersion, DefinitionWrite};

/// One indicator of the store's catalog, as the list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogEntry {
    pub indicator: Indicator,
    /// Retired: off the dashboard, templates and delivery matrix; values and history stay.
    pub retired: bool,
    /// The current version (1 for the first definition).
    pub version: u32,
    /// Whether values are stored for it: then its unit and frequency can no longer change.
    pub has_values: bool,
    /// Who wrote the current version, and when (UTC, RFC 3339).
    pub changed_by: String,
    pub changed_at: String,
}

/// One definition with its text and every version it had.
#[derive(Debug, Clone, PartialEq)]
pub struct DefinitionDetail {
    pub entry: CatalogEntry,
    /// The current TOML text, as `indicators export` writes it.
    pub text: String,
    /// Oldest first; versions of undone batches included, marked by `undone_at`.
    pub history: Vec<DefinitionVersion>,
}

/// A definition as the window or a script gives it.
#[derive(Debug, Clone, PartialEq)]
pub enum DefinitionInput {
    /// TOML text, as in an indicator file.
    Text(String),
    /// Edited field by field; stored as [`indicator_toml`] writes it.
    Indicator(Indicator),
}

impl Workspace {
    /// Every indicator of the store's catalog, retired ones too, sorted by id.
    pub fn catalog_entries(&self) -> Result<Vec<CatalogEntry>, AppError> {
        let with_values = self.store().indicators_with_values()?;
        self.store()
            .definitions()?
            .iter()
            .map(|version| entry(version, &with_values))
            .collect()
    }

    /// One indicator of the store's catalog with its history.
    pub fn definition_detail(&self, id: &str) -> Result<DefinitionDetail, AppError> {
        let current = self.current_definition(id)?;
        let with_values = self.store().indicators_with_values()?;
        Ok(DefinitionDetail {
            entry: entry(&current, &with_values)?,
            text: current.text.clone(),
            history: self.store().definition_history(id)?,
        })
    }

    /// Checks a definition as `check` does and, for an indicator with values, that the change
    /// keeps them right; writes nothing. Every problem is an [`AppError::Catalog`] error naming
    /// its key.
    pub fn validate_definition(&self, input: &DefinitionInput) -> Result<Indicator, AppError> {
        let indicator = parse_input(input).map_err(AppError::Catalog)?;
        let file = format!("{}.toml", indicator.id);
        self.check_against_values(&[(file, indicator.clone())])?;
        Ok(indicator)
    }

    /// Adds a definition, or changes the one with its id, as one catalog batch by `user`. A
    /// retired indicator stays retired. An unchanged definition writes nothing.
    pub fn save_definition(
        &mut self,
        input: &DefinitionInput,
        user: &str,
    ) -> Result<CatalogSummary, AppError> {
        self.refuse_given_catalog()?;
        check_user("gebruiker", user)?;
        let indicator = self.validate_definition(input)?;
        let current = self.store().definitions()?;
        let current = current.iter().find(|v| v.id == indicator.id);
        let text = match input {
            DefinitionInput::Text(text) => text.clone(),
            DefinitionInput::Indicator(_) => {
                // Fields that parse to the definition on record keep its text and comments.
                match current {
                    Some(v) if self.catalog().get(&v.id) == Some(&indicator) => v.text.clone(),
                    _ => indicator_toml(&indicator),
                }
            }
        };
        let write = DefinitionWrite {
            indicator: &indicator,
            text: &text,
            retired: current.is_some_and(|v| v.retired),
        };
        let summary = self
            .store_mut()?
            .write_definitions(&catalog_batch(user, None), &[write])?;
        self.reload_catalog()?;
        Ok(summary)
    }

    /// Retires `id`: it leaves the dashboard, templates and delivery matrix, and keeps its values
    /// and history. One catalog batch by `user`.
    pub fn retire_indicator(&mut self, id: &str, user: &str) -> Result<BatchId, AppError> {
        self.refuse_given_catalog()?;
        check_user("gebruiker", user)?;
        let current = self.current_definition(id)?;
        if current.retired {
            return Err(AppError::Refused(format!(
                "indicator '{id}' is al buiten gebruik (sinds batch {})",
                current.batch
            )));
        }
        let indicator = self.catalog_indicator(id)?;
        let write = DefinitionWrite {
            indicator: &indicator,
            text: &current.text,
            retired: true,
        };
        let summary = self
            .store_mut()?
            .write_definitions(&catalog_batch(user, None), &[write])?;
        self.reload_catalog()?;
        summary
            .batch
            .ok_or_else(|| AppError::Refused(format!("indicator '{id}' is niet gewijzigd")))
    }

    /// Undoes a catalog batch: the definitions before it are current again. Refused where the
    /// definition that would come back does not fit the values stored since (a unit or frequency
    /// changed back), with the reason.
    pub(super) fn undo_catalog_batch(&mut self, id: BatchId) -> Result<Undone, AppError> {
        self.refuse_given_catalog()?;
        let with_values = self.store().indicators_with_values()?;
        let mut errors = Vec::new();
        let written = self.store().definitions_in_batch(id)?;
        let counted = if written.is_empty() {
            Counted::SupplierContacts
        } else {
            Counted::Definitions
        };
        for written in written {
            if !with_values.contains(&written.id) {
                continue;
            }
            let earlier = self
                .store()
                .definition_history(&written.id)?
                .into_iter()
                .rev()
                .find(|v| v.version < written.version && v.undone_at.is_none());
            let (Some(earlier), Some(now)) = (earlier, self.catalog().get(&written.id)) else {
                continue;
            };
            let file = format!("{}.toml", written.id);
            let back = parse_indicator(&file, &earlier.text).map_err(AppError::Catalog)?;
            errors.extend(
                changes_refused_by_values(&file, now, &back)
                    .into_iter()
                    .map(|e| CatalogError {
                        message: format!("batch {id} ongedaan maken kan niet: {}", e.message),
                        ..e
                    }),
            );
        }
        if !errors.is_empty() {
            return Err(AppError::Catalog(errors));
        }
        let summary = self.store_mut()?.undo_batch(id)?;
        self.reload_catalog()?;
        Ok(Undone {
            batch: id,
            summary,
            counted,
        })
    }

    /// Whether this process uses the store's catalog; otherwise what it uses instead (see
    /// [`super::OpenOptions::indicators`]), and changes to the store's catalog are refused.
    pub fn catalog_given_by(&self) -> Option<&str> {
        match self.catalog_origin() {
            CatalogOrigin::Store => None,
            CatalogOrigin::Given(what) => Some(what),
        }
    }

    fn refuse_given_catalog(&self) -> Result<(), AppError> {
        self.refuse_if_published()?;
        if self.is_read_only() {
            return Err(AppError::Refused(
                "de database is alleen-lezen geopend; de indicatoren kunnen nu niet gewijzigd worden"
                    .to_string(),
            ));
        }
        match self.catalog_given_by() {
            None => Ok(()),
            Some(what) => Err(AppError::Refused(format!(
                "deze sessie gebruikt {what} (--indicators) in plaats van de catalogus in de \
                 database; wijzig de catalogus zonder --indicators"
            ))),
        }
    }

    fn current_definition(&self, id: &str) -> Result<DefinitionVersion, AppError> {
        self.store()
            .definitions()?
            .into_iter()
            .find(|v| v.id == id)
            .ok_or_else(|| unknown(id))
    }

    fn catalog_indicator(&self, id: &str) -> Result<Indicator, AppError> {
        let current = self.current_definition(id)?;
        parse_indicator(&format!("{id}.toml"), &current.text).map_err(AppError::Catalog)
    }

    /// For each (file, definition) of an indicator with values: what its change would make wrong.
    fn check_against_values(&self, definitions: &[(String, Indicator)]) -> Result<(), AppError> {
        let with_values = self.store().indicators_with_values()?;
        let current = stored_catalog(self.store())?;
        let errors: Vec<CatalogError> = definitions
            .iter()
            .filter(|(_, new)| with_values.contains(&new.id))
            .filter_map(|(file, new)| Some((file, current.get(&new.id)?, new)))
            .flat_map(|(file, old, new)| changes_refused_by_values(file, old, new))
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(AppError::Catalog(errors))
        }
    }

    /// Reads the store's catalog into memory again, after a write to it.
    fn reload_catalog(&mut self) -> Result<(), AppError> {
        let catalog = stored_catalog(self.store())?;
        self.store_mut()?.sync_indicators(catalog.all())?;
        self.set_catalog(catalog);
        Ok(())
    }
}

fn unknown(id: &str) -> AppError {
    AppError::Refused(format!(
        "onbekende indicator '{}'; zie regio-in-beeld indicators list",
        visible(id, 80)
    ))
}

fn entry(
    version: &DefinitionVersion,
    with_values: &BTreeSet<String>,
) -> Result<CatalogEntry, AppError> {
    let indicator = parse_indicator(&format!("{}.toml", version.id), &version.text)
        .map_err(AppError::Catalog)?;
    Ok(CatalogEntry {
        has_values: with_values.contains(&indicator.id),
        indicator,
        retired: version.retired,
        version: version.version,
        changed_by: version.user.clone(),
        changed_at: version.written_at.clone(),
    })
}

fn parse_input(input: &DefinitionInput) -> Result<Indicator, Vec<CatalogError>> {
    match input {
        DefinitionInput::Text(text) => parse_definition(text),
        // Written out and read back, so fields from the window pass exactly the checks of a file.
        DefinitionInput::Indicator(indicator) => parse_definition(&indicator_toml(indicator)),
    }
}
