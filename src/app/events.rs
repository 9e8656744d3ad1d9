//! Gebeurtenissen: adding, removing, importing and exporting the events that explain a trend.

use super::interchange::{EventRecord, write_list};
use super::notes::refused_with;
use super::record_shape::read_checked;
use super::{AppError, Workspace};
use crate::domain::{Event, EventDraft, EventId, EventScope};

impl Workspace {
    /// Every event, oldest first.
    pub fn events(&self) -> Result<Vec<Event>, AppError> {
        Ok(self.store().events()?)
    }

    pub fn add_event(&mut self, draft: &EventDraft) -> Result<EventId, AppError> {
        self.check_event(draft)?;
        Ok(self
            .store_mut()?
            .add_events(std::slice::from_ref(draft), false)?[0])
    }

    /// Removes an event; it stays in the history.
    pub fn remove_event(&mut self, id: EventId) -> Result<(), AppError> {
        Ok(self.store_mut()?.remove_event(id)?)
    }

    /// Every problem with an event, typed or imported.
    fn check_event(&self, draft: &EventDraft) -> Result<(), AppError> {
        let mut problems = draft.problems();
        if let EventScope::Indicator(id) = &draft.scope {
            problems.extend(self.unknown_indicator(id));
        }
        refused_with(problems)
    }

    pub fn export_events(&self) -> Result<String, AppError> {
        let records: Vec<EventRecord> = self.events()?.iter().map(EventRecord::of).collect();
        Ok(write_list(&records))
    }

    /// Adds the events of a JSON file: all checked first (with any problem nothing is added); an
    /// event already on record is skipped. Returns how many were added.
    pub fn import_events(&mut self, file: &str, json: &[u8]) -> Result<usize, AppError> {
        let drafts = read_checked(file, json, "gebeurtenis", |record: &EventRecord| {
            // Every problem of the record: the indicator as well as what `to_event` reads.
            let unknown = record
                .indicator
                .as_deref()
                .map(|id| self.unknown_indicator(id))
                .unwrap_or_default();
            match record.to_event(self.region()) {
                Ok(draft) if unknown.is_empty() => Ok(draft),
                Ok(_) => Err(unknown),
                Err(mut found) => {
                    found.extend(unknown);
                    Err(found)
                }
            }
        })?;
        let existing = self.events()?;
        let new: Vec<EventDraft> = drafts
            .into_iter()
            .filter(|d| !existing.iter().any(|e| e.draft == *d))
            .collect();
        Ok(self.store_mut()?.add_events(&new, false)?.len())
    }
}
