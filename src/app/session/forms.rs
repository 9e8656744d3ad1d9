//! The forms a user fills in (a note, a story, an event) as plain data: the window's text fields
//! edit them, `Session::handle` turns them into drafts and clears them once saved.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::{CatalogFilter, IndicatorEditor};

use crate::domain::{
    Area, EventDraft, EventKind, EventScope, Note, NoteDraft, NoteId, Period, Story, StoryDraft,
    StoryId, StoryKind, WebUrl, parse_date,
};

/// Every form of the window.
#[derive(Debug, Clone, Default)]
pub struct Forms {
    pub note: NoteEditor,
    pub story: StoryEditor,
    pub event: EventEditor,
    /// The definition being written on the Indicatoren screen, while its form is open.
    pub indicator: Option<IndicatorEditor>,
    pub catalog_filter: CatalogFilter,
}

/// What the writer is filling in: a new note, or changes to one.
#[derive(Debug, Clone, Default)]
pub struct NoteEditor {
    pub editing: Option<NoteId>,
    pub indicator: String,
    pub area: Option<Area>,
    pub period: Option<Period>,
    pub author: String,
    pub text: String,
    /// A BO date typed by hand, before it is chosen.
    pub other_bo: String,
}

impl NoteEditor {
    pub fn draft(&self, bo_date: NaiveDate) -> NoteDraft {
        NoteDraft {
            indicator: self.indicator.clone(),
            area: self.area,
            period: self.period,
            bo_date,
            author: self.author.clone(),
            text: self.text.clone(),
        }
    }

    /// Starts over on a new note (for `indicator`, when given), keeping the author.
    pub fn start(&mut self, indicator: Option<String>) {
        *self = NoteEditor {
            author: std::mem::take(&mut self.author),
            indicator: indicator.unwrap_or_default(),
            ..NoteEditor::default()
        };
    }

    pub fn edit(&mut self, note: &Note) {
        *self = NoteEditor {
            editing: Some(note.id),
            indicator: note.draft.indicator.clone(),
            area: note.draft.area,
            period: note.draft.period,
            author: std::mem::take(&mut self.author),
            text: note.draft.text.clone(),
            other_bo: String::new(),
        };
    }
}

/// What the user is filling in for a new story.
#[derive(Debug, Clone)]
pub struct StoryEditor {
    /// The story being changed; `None` for a new one.
    pub editing: Option<StoryId>,
    pub title: String,
    pub summary: String,
    pub kind: StoryKind,
    pub url: String,
    pub themes: BTreeSet<String>,
    pub indicators: BTreeSet<String>,
    pub area: Option<Area>,
}

impl Default for StoryEditor {
    fn default() -> StoryEditor {
        StoryEditor {
            editing: None,
            title: String::new(),
            summary: String::new(),
            kind: StoryKind::Ervaringsverhaal,
            url: String::new(),
            themes: BTreeSet::new(),
            indicators: BTreeSet::new(),
            area: None,
        }
    }
}

impl StoryEditor {
    pub fn edit(story: &Story) -> StoryEditor {
        let draft = &story.draft;
        StoryEditor {
            editing: Some(story.id),
            title: draft.title.clone(),
            summary: draft.summary.clone(),
            kind: draft.kind,
            url: draft.url.as_str().to_string(),
            themes: draft.themes.iter().cloned().collect(),
            indicators: draft.indicators.iter().cloned().collect(),
            area: draft.area,
        }
    }

    /// The story, or why the link cannot be one.
    pub fn draft(&self) -> Result<StoryDraft, String> {
        let url = WebUrl::parse(&self.url).map_err(|e| e.to_string())?;
        Ok(StoryDraft {
            title: self.title.trim().to_string(),
            summary: self.summary.trim().to_string(),
            kind: self.kind,
            url,
            themes: self.themes.iter().cloned().collect(),
            indicators: self.indicators.iter().cloned().collect(),
            area: self.area,
        })
    }
}

/// Who an event being written applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ScopeChoice {
    #[default]
    ThisIndicator,
    All,
    Gemeente(Area),
}

/// What the user is filling in for a new event.
#[derive(Debug, Clone, Default)]
pub struct EventEditor {
    pub date: String,
    pub label: String,
    pub kind: Option<EventKind>,
    pub scope: ScopeChoice,
}

impl EventEditor {
    /// The event for `indicator`, or why it cannot be one.
    pub fn draft(&self, indicator: &str) -> Result<EventDraft, String> {
        let date = parse_date(&self.date).ok_or_else(|| {
            format!(
                "'{}' is geen datum; schrijf bijvoorbeeld 6-3-2023",
                self.date
            )
        })?;
        Ok(EventDraft {
            date,
            label: self.label.trim().to_string(),
            kind: self.kind.unwrap_or(EventKind::Beleid),
            scope: match self.scope {
                ScopeChoice::ThisIndicator => EventScope::Indicator(indicator.to_string()),
                ScopeChoice::All => EventScope::All,
                ScopeChoice::Gemeente(area) => EventScope::Area(area),
            },
            description: None,
        })
    }
}
