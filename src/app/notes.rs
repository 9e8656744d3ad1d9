//! Duiding: writing, locking and reopening notes, with their history; importing and exporting them.

use super::import::check_user;
use super::interchange::{NoteRecord, write_list};
use super::record_shape::read_checked;
use super::{AppError, Workspace};
use crate::domain::{Note, NoteDraft, NoteId, NoteStatus, NoteVersion};

impl Workspace {
    /// Every note, newest BO first.
    pub fn notes(&self) -> Result<Vec<Note>, AppError> {
        Ok(self.store().notes()?)
    }

    pub fn note_history(&self, id: NoteId) -> Result<Vec<NoteVersion>, AppError> {
        Ok(self.store().note_history(id)?)
    }

    /// Adds a concept note.
    pub fn add_note(&mut self, draft: &NoteDraft) -> Result<NoteId, AppError> {
        self.check_note(draft)?;
        Ok(self
            .store_mut()?
            .add_note(draft, NoteStatus::Concept, false)?)
    }

    /// New text for a concept note; a definitive note must be reopened first.
    pub fn edit_note(&mut self, id: NoteId, author: &str, text: &str) -> Result<(), AppError> {
        let note = self.existing_note(id)?;
        if note.status == NoteStatus::Definitief {
            return Err(AppError::Refused(format!(
                "duiding {} is definitief; heropen haar eerst",
                id.0
            )));
        }
        let draft = NoteDraft {
            author: author.to_string(),
            text: text.to_string(),
            ..note.draft
        };
        self.check_note(&draft)?;
        Ok(self
            .store_mut()?
            .update_note(id, author, NoteStatus::Concept, text)?)
    }

    /// Locks the note as definitive.
    pub fn finalize_note(&mut self, id: NoteId, author: &str) -> Result<(), AppError> {
        self.set_status(id, author, NoteStatus::Definitief)
    }

    /// Unlocks a definitive note, back to concept.
    pub fn reopen_note(&mut self, id: NoteId, author: &str) -> Result<(), AppError> {
        self.set_status(id, author, NoteStatus::Concept)
    }

    fn set_status(&mut self, id: NoteId, author: &str, status: NoteStatus) -> Result<(), AppError> {
        let note = self.existing_note(id)?;
        if note.status == status {
            return Err(AppError::Refused(format!(
                "duiding {} is al {}",
                id.0,
                status.code()
            )));
        }
        let author = non_empty(author, "auteur")?;
        check_user("auteur", author)?;
        Ok(self
            .store_mut()?
            .update_note(id, author, status, &note.draft.text)?)
    }

    fn existing_note(&self, id: NoteId) -> Result<Note, AppError> {
        self.store()
            .note(id)?
            .ok_or_else(|| AppError::Refused(format!("duiding {} bestaat niet", id.0)))
    }

    /// Every problem with a note, typed or imported.
    fn check_note(&self, draft: &NoteDraft) -> Result<(), AppError> {
        let mut problems = self.unknown_indicator(&draft.indicator);
        problems.extend(draft.problems());
        refused_with(problems)
    }

    /// The problem with an indicator id that is not in the catalog, as a list to add to.
    pub(super) fn unknown_indicator(&self, id: &str) -> Vec<String> {
        self.indicator(id)
            .err()
            .map(|e| e.lines())
            .unwrap_or_default()
    }

    pub fn export_notes(&self) -> Result<String, AppError> {
        let records: Vec<NoteRecord> = self.notes()?.iter().map(NoteRecord::of).collect();
        Ok(write_list(&records))
    }

    /// Adds the notes of a JSON file. Every record is checked first: with any problem nothing is
    /// added. A note that is already on record (same indicator, gebied, periode, BO, author and text)
    /// is skipped, so importing a file twice changes nothing. Returns how many were added.
    pub fn import_notes(&mut self, file: &str, json: &[u8]) -> Result<usize, AppError> {
        let notes = read_checked(file, json, "duiding", |record: &NoteRecord| {
            // Every problem of the record: the indicator as well as the fields `to_note` reads.
            let mut problems = self.unknown_indicator(&record.indicator);
            match record.to_note(self.region()) {
                Ok(note) if problems.is_empty() => Ok(note),
                Ok(_) => Err(problems),
                Err(found) => {
                    problems.extend(found);
                    Err(problems)
                }
            }
        })?;
        let existing = self.notes()?;
        let new: Vec<(NoteDraft, NoteStatus)> = notes
            .into_iter()
            .filter(|(draft, _)| !existing.iter().any(|n| n.draft == *draft))
            .collect();
        Ok(self.store_mut()?.add_notes(&new, false)?.len())
    }
}

/// Refuses with every problem found, one per line; accepts when there are none.
pub(super) fn refused_with(problems: Vec<String>) -> Result<(), AppError> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(AppError::Refused(problems.join("\n")))
    }
}

pub(super) fn non_empty<'a>(text: &'a str, what: &str) -> Result<&'a str, AppError> {
    let text = text.trim();
    if text.is_empty() {
        Err(AppError::Refused(format!("{what} ontbreekt")))
    } else {
        Ok(text)
    }
}
