//! Gebeurtenissen: adding, removing, importing and exporting the events that explain a trend.

use super::interchange::{EventRecord, read_checked, write_list};
use super::notes::non_empty;
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
            .store_mut()
            .add_events(std::slice::from_ref(draft), false)?[0])
    }

    /// Removes an event; it stays in the history.
    pub fn remove_event(&mut self, id: EventId) -> Result<(), AppError> {
        Ok(self.store_mut().remove_event(id)?)
    }

    fn check_event(&self, draft: &EventDraft) -> Result<(), AppError> {
        non_empty(&draft.label, "label")?;
        if let EventScope::Indicator(id) = &draft.scope {
            self.indicator(id)?;
        }
        Ok(())
    }

    pub fn export_events(&self) -> Result<String, AppError> {
        let records: Vec<EventRecord> = self.events()?.iter().map(EventRecord::of).collect();
        Ok(write_list(&records))
    }

    /// Adds the events of a JSON file: all checked first (with any problem nothing is added); an
    /// event already on record is skipped. Returns how many were added.
    pub fn import_events(&mut self, file: &str, json: &[u8]) -> Result<usize, AppError> {
        let drafts = read_checked(file, json, "gebeurtenis", |record: &EventRecord| {
            let draft = record.to_event()?;
            self.check_event(&draft).map_err(|e| e.lines())?;
            Ok(draft)
        })?;
        let existing = self.events()?;
        let new: Vec<EventDraft> = drafts
            .into_iter()
            .filter(|d| !existing.iter().any(|e| e.draft == *d))
            .collect();
        Ok(self.store_mut().add_events(&new, false)?.len())
    }
}
