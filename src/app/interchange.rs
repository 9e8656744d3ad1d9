//! Notes and stories as JSON, to move them between machines (`notes export|import`,
//! `stories export|import`). Field names are Dutch, like the CSV columns.

use serde::{Deserialize, Serialize};

pub use super::record_shape::read_list;
use super::record_shape::{Field, Record};
use crate::domain::{
    Event, EventDraft, EventKind, EventScope, Note, NoteDraft, NoteStatus, Period, Region, Story,
    StoryDraft, StoryKind, WebUrl, parse_date, visible,
};

impl Record for NoteRecord {
    const FIELDS: &'static [(&'static str, Field)] = &[
        ("indicator", Field::Text),
        ("gebied", Field::OptionalText),
        ("periode", Field::OptionalText),
        ("bo_datum", Field::Text),
        ("auteur", Field::Text),
        ("status", Field::Text),
        ("tekst", Field::Text),
    ];
}

impl Record for StoryRecord {
    const FIELDS: &'static [(&'static str, Field)] = &[
        ("titel", Field::Text),
        ("samenvatting", Field::Text),
        ("soort", Field::Text),
        ("url", Field::Text),
        ("themas", Field::TextList),
        ("indicatoren", Field::TextList),
        ("gebied", Field::OptionalText),
    ];
}

impl Record for EventRecord {
    const FIELDS: &'static [(&'static str, Field)] = &[
        ("datum", Field::Text),
        ("label", Field::Text),
        ("soort", Field::Text),
        ("indicator", Field::OptionalText),
        ("gebied", Field::OptionalText),
        ("omschrijving", Field::OptionalText),
    ];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteRecord {
    pub indicator: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gebied: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub periode: Option<String>,
    /// `2025-11-06`.
    pub bo_datum: String,
    pub auteur: String,
    pub status: String,
    pub tekst: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryRecord {
    pub titel: String,
    pub samenvatting: String,
    pub soort: String,
    pub url: String,
    #[serde(default)]
    pub themas: Vec<String>,
    #[serde(default)]
    pub indicatoren: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gebied: Option<String>,
}

impl NoteRecord {
    pub fn of(note: &Note) -> NoteRecord {
        NoteRecord {
            indicator: note.draft.indicator.clone(),
            gebied: note.draft.area.map(|a| a.name.to_string()),
            periode: note.draft.period.map(|p| p.canonical()),
            bo_datum: note.draft.bo_date.to_string(),
            auteur: note.draft.author.clone(),
            status: note.status.code().to_string(),
            tekst: note.draft.text.clone(),
        }
    }

    /// The note this record describes, or every reason it cannot be one.
    pub fn to_note(&self, region: &Region) -> Result<(NoteDraft, NoteStatus), Vec<String>> {
        let mut problems = Vec::new();
        let area = optional(
            &self.gebied,
            |g| region.parse(g).map_err(|e| e.to_string()),
            &mut problems,
        );
        let period = optional(
            &self.periode,
            |p| Period::parse(p).map_err(|_| format!("onbekende periode '{p}'")),
            &mut problems,
        );
        let bo_date = parse_date(&self.bo_datum);
        if bo_date.is_none() {
            problems.push(format!(
                "onbekende BO-datum '{}'",
                visible(&self.bo_datum, 80)
            ));
        }
        let status = NoteStatus::from_code(&self.status);
        if status.is_none() {
            problems.push(format!(
                "onbekende status '{}' (concept of definitief)",
                visible(&self.status, 80)
            ));
        }
        problems.extend(NoteDraft::text_problems(&self.auteur, &self.tekst));
        match (bo_date, status) {
            (Some(bo_date), Some(status)) if problems.is_empty() => Ok((
                NoteDraft {
                    indicator: self.indicator.clone(),
                    area,
                    period,
                    bo_date,
                    author: self.auteur.clone(),
                    text: self.tekst.clone(),
                },
                status,
            )),
            _ => Err(problems),
        }
    }
}

impl StoryRecord {
    pub fn of(story: &Story) -> StoryRecord {
        let draft = &story.draft;
        StoryRecord {
            titel: draft.title.clone(),
            samenvatting: draft.summary.clone(),
            soort: draft.kind.code().to_string(),
            url: draft.url.as_str().to_string(),
            themas: draft.themes.clone(),
            indicatoren: draft.indicators.clone(),
            gebied: draft.area.map(|a| a.name.to_string()),
        }
    }

    pub fn to_story(&self, region: &Region) -> Result<StoryDraft, Vec<String>> {
        let mut problems = StoryDraft::text_problems(&self.titel, &self.samenvatting);
        let kind = StoryKind::from_code(&self.soort);
        if kind.is_none() {
            problems.push(format!(
                "onbekende soort '{}' (video, klantreis of ervaringsverhaal)",
                visible(&self.soort, 80)
            ));
        }
        let url = WebUrl::parse(&self.url)
            .map_err(|e| problems.push(e.to_string()))
            .ok();
        let area = optional(
            &self.gebied,
            |g| region.parse(g).map_err(|e| e.to_string()),
            &mut problems,
        );
        problems.extend(StoryDraft::theme_problems(&self.themas));
        match (kind, url) {
            (Some(kind), Some(url)) if problems.is_empty() => Ok(StoryDraft {
                title: self.titel.clone(),
                summary: self.samenvatting.clone(),
                kind,
                url,
                themes: self.themas.clone(),
                indicators: self.indicatoren.clone(),
                area,
            }),
            _ => Err(problems),
        }
    }
}

fn optional<T>(
    text: &Option<String>,
    parse: impl Fn(&str) -> Result<T, String>,
    problems: &mut Vec<String>,
) -> Option<T> {
    let text = text.as_deref().map(str::trim).filter(|t| !t.is_empty())?;
    parse(text).map_err(|e| problems.push(e)).ok()
}

pub fn write_list<T: Serialize>(records: &[T]) -> String {
    let mut text = serde_json::to_string_pretty(records).unwrap_or_else(|_| "[]".to_string());
    text.push('\n');
    text
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventRecord {
    /// `2023-03-06`.
    pub datum: String,
    pub label: String,
    /// `beleid`, `indeling` or `breuk`.
    pub soort: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gebied: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub omschrijving: Option<String>,
}

impl EventRecord {
    pub fn of(event: &Event) -> EventRecord {
        let draft = &event.draft;
        let (indicator, gebied) = match &draft.scope {
            EventScope::All => (None, None),
            EventScope::Indicator(id) => (Some(id.clone()), None),
            EventScope::Area(area) => (None, Some(area.name.to_string())),
        };
        EventRecord {
            datum: draft.date.to_string(),
            label: draft.label.clone(),
            soort: draft.kind.code().to_string(),
            indicator,
            gebied,
            omschrijving: draft.description.clone(),
        }
    }

    pub fn to_event(&self, region: &Region) -> Result<EventDraft, Vec<String>> {
        let mut problems = Vec::new();
        let date = parse_date(&self.datum);
        if date.is_none() {
            problems.push(format!("onbekende datum '{}'", visible(&self.datum, 80)));
        }
        let kind = EventKind::from_code(&self.soort);
        if kind.is_none() {
            problems.push(format!(
                "onbekende soort '{}' (beleid, indeling of breuk)",
                visible(&self.soort, 80)
            ));
        }
        problems.extend(EventDraft::text_problems(
            &self.label,
            self.omschrijving.as_deref(),
        ));
        let area = optional(
            &self.gebied,
            |g| region.parse(g).map_err(|e| e.to_string()),
            &mut problems,
        );
        let scope = match (&self.indicator, area) {
            (Some(_), Some(_)) => {
                problems.push(
                    "een gebeurtenis geldt voor één indicator of één gebied, niet beide".into(),
                );
                EventScope::All
            }
            (Some(id), None) => EventScope::Indicator(id.clone()),
            (None, Some(area)) => EventScope::Area(area),
            (None, None) => EventScope::All,
        };
        match (date, kind) {
            (Some(date), Some(kind)) if problems.is_empty() => Ok(EventDraft {
                date,
                label: self.label.clone(),
                kind,
                scope,
                description: self.omschrijving.clone().filter(|d| !d.trim().is_empty()),
            }),
            _ => Err(problems),
        }
    }
}
