//! The commands of the Indicatoren screen: choose a definition, write a new one or change one from
//! the form, retire one after the user said yes. Every write goes through the catalog API, which
//! checks as `check` does; what it refuses is shown at the fields and nothing is written.

use super::handling::Reread;
use super::{IndicatorEditor, Session};
use crate::app::{AppError, CatalogEntry, DefinitionDetail, DefinitionInput, default_user};
use crate::catalog::{CatalogError, parse_definition};

/// What the Indicatoren screen shows, read when it opens and after every change.
pub struct IndicatorenView {
    /// Every definition, retired ones too, sorted by id.
    pub entries: Vec<CatalogEntry>,
    /// The chosen one with its history.
    pub detail: Option<DefinitionDetail>,
    /// What this session uses instead of the store's catalog (`--indicators`); then nothing can be
    /// changed here.
    pub given_by: Option<String>,
}

/// The commands of the Indicatoren screen.
#[derive(Debug)]
pub enum CatalogCommand {
    /// Show this definition and its history.
    Select(String),
    /// The form, empty, for a new indicator.
    New,
    /// The form filled in with this definition.
    Edit(String),
    /// Close the form without saving.
    CancelEdit,
    /// Check the form and save it when the check finds nothing.
    Save,
    /// Ask whether to retire this; nothing changes yet.
    Retire(String),
    ConfirmRetire,
    CancelRetire,
}

impl Session {
    pub(super) fn handle_catalog(&mut self, command: CatalogCommand) -> Reread {
        match command {
            CatalogCommand::Select(id) => {
                self.view.chosen_definition = Some(id);
                Reread::Views
            }
            CatalogCommand::New => {
                self.view.chosen_definition = None;
                self.forms.indicator = Some(IndicatorEditor::default());
                Reread::Views
            }
            CatalogCommand::Edit(id) => {
                // From what is shown: starting to edit reads nothing.
                let shown = self.view.indicatoren.as_ref();
                match shown.and_then(|v| v.entries.iter().find(|e| e.indicator.id == id)) {
                    Some(entry) if entry.retired => {
                        self.view.message = Some(Err(format!(
                            "Indicator '{}' is ingetrokken en kan niet meer bewerkt worden.",
                            entry.indicator.name
                        )));
                    }
                    Some(entry) => {
                        self.forms.indicator = Some(IndicatorEditor::edit(&entry.indicator));
                    }
                    None => {}
                }
                Reread::Nothing
            }
            CatalogCommand::CancelEdit => {
                self.forms.indicator = None;
                Reread::Nothing
            }
            CatalogCommand::Save => self.save_definition(),
            CatalogCommand::Retire(id) => {
                self.view.retiring = Some(id);
                Reread::Nothing
            }
            CatalogCommand::CancelRetire => {
                self.view.retiring = None;
                Reread::Nothing
            }
            CatalogCommand::ConfirmRetire => {
                let Some(id) = self.view.retiring.take() else {
                    return Reread::Nothing;
                };
                let name = self.definition_name(&id);
                let retired = self.with_workspace(|w| w.retire_indicator(&id, &default_user()));
                self.tell(retired.map(|batch| {
                    format!(
                        "Indicator '{name}' is ingetrokken (batch {batch}); de waarden en de \
                         geschiedenis blijven bewaard."
                    )
                }))
            }
        }
    }

    /// Checks the form as `check` does (and against the values on record) and saves it; on any
    /// problem the form shows each at its field and nothing is written.
    fn save_definition(&mut self) -> Reread {
        let Some(form) = self.forms.indicator.as_ref() else {
            return Reread::Nothing;
        };
        let (text, mut errors) = form.definition_text();
        let new_id = form.editing.is_none().then(|| form.id.trim().to_string());
        if let Some(id) = new_id.filter(|id| self.definition_known(id)) {
            errors.push(CatalogError::key(
                &format!("{id}.toml"),
                "id",
                format!("'{id}' bestaat al; kies een ander id of bewerk die indicator"),
            ));
        }
        let checked = match parse_definition(&text) {
            Ok(_) if !errors.is_empty() => Err(AppError::Catalog(errors)),
            Ok(indicator) => self.with_workspace(|workspace| {
                let input = DefinitionInput::Indicator(indicator.clone());
                let summary = workspace.save_definition(&input, &default_user())?;
                Ok((indicator, summary))
            }),
            Err(found) => {
                errors.splice(0..0, found);
                Err(AppError::Catalog(errors))
            }
        };
        match checked {
            Ok((indicator, summary)) => {
                self.forms.indicator = None;
                self.view.chosen_definition = Some(indicator.id.clone());
                let name = &indicator.name;
                self.tell(Ok(match summary.batch {
                    Some(batch) if summary.added > 0 => {
                        format!("Indicator '{name}' is toegevoegd (batch {batch}).")
                    }
                    Some(batch) => format!("Indicator '{name}' is gewijzigd (batch {batch})."),
                    None => {
                        format!("Indicator '{name}' is niet gewijzigd; er is niets opgeslagen.")
                    }
                }))
            }
            Err(AppError::Catalog(errors)) => {
                if let Some(form) = self.forms.indicator.as_mut() {
                    form.show_errors(&errors);
                }
                let problems = if errors.len() == 1 {
                    "1 probleem".to_string()
                } else {
                    format!("{} problemen", errors.len())
                };
                self.view.message = Some(Err(format!(
                    "De indicator is niet opgeslagen: {problems}, zie het formulier. Er is niets \
                     gewijzigd."
                )));
                Reread::Nothing
            }
            Err(other) => self.tell(Err(other)),
        }
    }

    fn definition_known(&self, id: &str) -> bool {
        let shown = self.view.indicatoren.as_ref();
        shown.is_some_and(|v| v.entries.iter().any(|e| e.indicator.id == id))
    }

    /// The name of `id` as the screen shows it, for messages.
    pub(super) fn definition_name(&self, id: &str) -> String {
        self.view
            .indicatoren
            .as_ref()
            .and_then(|v| v.entries.iter().find(|e| e.indicator.id == id))
            .map_or_else(|| id.to_string(), |e| e.indicator.name.clone())
    }
}
