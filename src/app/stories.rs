//! Verhalen: managing stories, linking them to themes and indicators, importing and exporting them.

use super::interchange::{StoryRecord, write_list};
use super::notes::refused_with;
use super::record_shape::read_checked;
use super::{AppError, Workspace};
use crate::domain::{Story, StoryDraft, StoryId, visible};

impl Workspace {
    pub fn stories(&self) -> Result<Vec<Story>, AppError> {
        Ok(self.store().stories()?)
    }

    /// The stories that belong beside `indicator`: linked to it, or to its theme.
    pub fn stories_for(&self, indicator: &str) -> Result<Vec<Story>, AppError> {
        let indicator = self.indicator(indicator)?;
        Ok(self
            .stories()?
            .into_iter()
            .filter(|s| s.belongs_beside(indicator))
            .collect())
    }

    pub fn add_story(&mut self, draft: &StoryDraft) -> Result<StoryId, AppError> {
        self.check_story(draft)?;
        Ok(self.store_mut()?.add_story(draft, false)?)
    }

    pub fn update_story(&mut self, id: StoryId, draft: &StoryDraft) -> Result<(), AppError> {
        self.check_story(draft)?;
        Ok(self.store_mut()?.update_story(id, draft)?)
    }

    pub fn remove_story(&mut self, id: StoryId) -> Result<(), AppError> {
        Ok(self.store_mut()?.remove_story(id)?)
    }

    /// Every problem with a story, typed or imported.
    fn check_story(&self, draft: &StoryDraft) -> Result<(), AppError> {
        let mut problems = draft.problems();
        problems.extend(self.unknown_indicators(&draft.indicators));
        refused_with(problems)
    }

    fn unknown_indicators(&self, ids: &[String]) -> Vec<String> {
        ids.iter()
            .filter(|id| self.catalog().get(id).is_none())
            .map(|id| format!("onbekende indicator '{}'", visible(id, 80)))
            .collect()
    }

    pub fn export_stories(&self) -> Result<String, AppError> {
        let records: Vec<StoryRecord> = self.stories()?.iter().map(StoryRecord::of).collect();
        Ok(write_list(&records))
    }

    /// Adds the stories of a JSON file: every record is checked first (with any problem nothing is
    /// added); a story already on record (same title and link) is skipped. Returns how many were
    /// added.
    pub fn import_stories(&mut self, file: &str, json: &[u8]) -> Result<usize, AppError> {
        let drafts = self.read_stories(file, json)?;
        let existing = self.stories()?;
        let new: Vec<StoryDraft> = drafts
            .into_iter()
            .filter(|d| {
                !existing
                    .iter()
                    .any(|s| s.draft.title == d.title && s.draft.url == d.url)
            })
            .collect();
        Ok(self.store_mut()?.add_stories(&new, false)?.len())
    }

    pub(super) fn read_stories(
        &self,
        file: &str,
        json: &[u8],
    ) -> Result<Vec<StoryDraft>, AppError> {
        read_checked(file, json, "verhaal", |record: &StoryRecord| {
            // Every problem of the record: the linked indicators as well as what `to_story` reads.
            let unknown = self.unknown_indicators(&record.indicatoren);
            match record.to_story(self.region()) {
                Ok(draft) if unknown.is_empty() => Ok(draft),
                Ok(_) => Err(unknown),
                Err(mut found) => {
                    found.extend(unknown);
                    Err(found)
                }
            }
        })
    }
}
