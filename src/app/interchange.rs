//! Notes and stories as JSON, to move them between machines (`notes export|import`,
//! `stories export|import`). Field names are Dutch, like the CSV columns.

use std::fmt;

use serde::de::{self, DeserializeOwned, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::AppError;
use crate::domain::{
    Area, Event, EventDraft, EventKind, EventScope, Note, NoteDraft, NoteStatus, Period, Story,
    StoryDraft, StoryKind, WebUrl, parse_date, visible,
};

/// What a field of a record must hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// A string that must be there.
    Text,
    /// A string or `null`, or left out.
    OptionalText,
    /// A list of strings, or left out.
    TextList,
}

/// A record of an interchange file, with its fields as the file spells them: each record is checked
/// field by field against these before serde reads it, so every problem of every record is found
/// (serde itself stops at the first problem of the whole file).
pub trait Record: DeserializeOwned {
    const FIELDS: &'static [(&'static str, Field)];
}

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
    pub fn to_note(&self) -> Result<(NoteDraft, NoteStatus), Vec<String>> {
        let mut problems = Vec::new();
        let area = optional(
            &self.gebied,
            |g| Area::parse(g).map_err(|e| e.to_string()),
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

    pub fn to_story(&self) -> Result<StoryDraft, Vec<String>> {
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
            |g| Area::parse(g).map_err(|e| e.to_string()),
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

/// A UTF-8 byte order mark, which Notepad and Excel put before the text they save.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads a JSON list, naming the file and what is wrong when it is no list of such records.
pub fn read_list<T: DeserializeOwned>(file: &str, json: &[u8]) -> Result<Vec<T>, AppError> {
    serde_json::from_slice(json.strip_prefix(BOM).unwrap_or(json))
        .map_err(|e| AppError::Refused(format!("{file}: geen geldige JSON-lijst: {e}")))
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

    pub fn to_event(&self) -> Result<EventDraft, Vec<String>> {
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
            |g| Area::parse(g).map_err(|e| e.to_string()),
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

/// Reads a JSON list of records from `file` and turns every one into its value with `check`. Each
/// problem names the file and the record ("verhaal 2"), and every problem of every record is
/// listed: first the shape of each record (unknown, missing, doubled fields and fields of the wrong
/// type), then for a well-shaped record what `check` finds. With any problem nothing is returned,
/// so nothing can be half imported.
pub fn read_checked<R: Record, T>(
    file: &str,
    json: &[u8],
    what: &str,
    check: impl Fn(&R) -> Result<T, Vec<String>>,
) -> Result<Vec<T>, AppError> {
    let records: Vec<RawRecord> = read_list(file, json)?;
    let mut problems = Vec::new();
    let mut values = Vec::new();
    for (index, raw) in records.into_iter().enumerate() {
        let (record, mut found) = record_of::<R>(raw);
        if let Some(record) = record {
            match check(&record) {
                Ok(value) if found.is_empty() => {
                    values.push(value);
                    continue;
                }
                Ok(_) => {}
                Err(more) => found.extend(more),
            }
        }
        problems.extend(
            found
                .into_iter()
                .map(|p| format!("{file}, {what} {}: {p}", index + 1)),
        );
    }
    if problems.is_empty() {
        Ok(values)
    } else {
        Err(AppError::Refused(format!(
            "{}\ner is niets ingelezen",
            problems.join("\n")
        )))
    }
}

/// One element of the list as it stands in the file: an object with its fields in file order
/// (doubled ones kept, to be reported), or something else.
enum RawRecord {
    Object(Vec<(String, Value)>),
    Other(&'static str),
}

impl<'de> Deserialize<'de> for RawRecord {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<RawRecord, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = RawRecord;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawRecord, A::Error> {
        let mut fields = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Value>()? {
            fields.push((key, value));
        }
        Ok(RawRecord::Object(fields))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawRecord, A::Error> {
        // Read as values, not skipped: reading a value keeps to serde_json's nesting limit.
        while seq.next_element::<Value>()?.is_some() {}
        Ok(RawRecord::Other("een lijst"))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<RawRecord, E> {
        Ok(RawRecord::Other("een tekst"))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<RawRecord, E> {
        Ok(RawRecord::Other("true of false"))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<RawRecord, E> {
        Ok(RawRecord::Other("een getal"))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<RawRecord, E> {
        Ok(RawRecord::Other("een getal"))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<RawRecord, E> {
        Ok(RawRecord::Other("een getal"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<RawRecord, E> {
        Ok(RawRecord::Other("null"))
    }
}

/// What a JSON value is, for a message: "een getal".
fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true of false",
        Value::Number(_) => "een getal",
        Value::String(_) => "een tekst",
        Value::Array(_) => "een lijst",
        Value::Object(_) => "een object",
    }
}

/// The record with every problem of its shape. Unknown and doubled fields are problems that still
/// leave a record to check (its known fields, the last of a doubled one); without a required field,
/// or with a field of the wrong type, there is no record to check.
fn record_of<R: Record>(raw: RawRecord) -> (Option<R>, Vec<String>) {
    let fields = match raw {
        RawRecord::Object(fields) => fields,
        RawRecord::Other(kind) => {
            let problem = format!("verwacht een object {{ … }} met velden, maar dit is {kind}");
            return (None, vec![problem]);
        }
    };
    let mut problems = Vec::new();
    let mut readable = true;
    let mut object = serde_json::Map::new();
    for (key, value) in fields {
        let Some((_, field)) = R::FIELDS.iter().find(|(name, _)| *name == key) else {
            let known: Vec<&str> = R::FIELDS.iter().map(|(name, _)| *name).collect();
            problems.push(format!(
                "onbekend veld '{}'; bekende velden: {}",
                visible(&key, 80),
                known.join(", ")
            ));
            continue;
        };
        let fits = match field {
            Field::Text => value.is_string(),
            Field::OptionalText => value.is_string() || value.is_null(),
            Field::TextList => value
                .as_array()
                .is_some_and(|items| items.iter().all(Value::is_string)),
        };
        if !fits {
            let expected = match field {
                Field::Text => "een tekst",
                Field::OptionalText => "een tekst (of null)",
                Field::TextList => "een lijst van teksten",
            };
            let found = match &value {
                Value::Array(_) if *field == Field::TextList => {
                    "een lijst met iets anders dan tekst"
                }
                other => kind_of(other),
            };
            problems.push(format!(
                "veld '{key}' moet {expected} zijn, maar is {found}"
            ));
            readable = false;
        }
        if object.contains_key(&key) {
            problems.push(format!("veld '{key}' staat er twee keer in"));
        }
        object.insert(key, value);
    }
    for (name, field) in R::FIELDS {
        if *field == Field::Text && !object.contains_key(*name) {
            problems.push(format!("veld '{name}' ontbreekt"));
            readable = false;
        }
    }
    if !readable {
        return (None, problems);
    }
    // The shape is checked, so this reads; should the two ever disagree, serde's word is a problem.
    match serde_json::from_value(Value::Object(object)) {
        Ok(record) => (Some(record), problems),
        Err(error) => {
            problems.push(error.to_string());
            (None, problems)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The field list the shape check uses is the record's own: every field serde writes, in order.
    fn fields_match<R: Record + Serialize>(full: R) {
        let Value::Object(written) = serde_json::to_value(&full).unwrap() else {
            panic!("a record is an object");
        };
        let written: Vec<&str> = written.keys().map(String::as_str).collect();
        let mut listed: Vec<&str> = R::FIELDS.iter().map(|(name, _)| *name).collect();
        let mut sorted = written.clone();
        sorted.sort_unstable();
        listed.sort_unstable();
        assert_eq!(sorted, listed);
    }

    #[test]
    fn each_record_lists_its_own_fields() {
        let text = || "x".to_string();
        fields_match(NoteRecord {
            indicator: text(),
            gebied: Some(text()),
            periode: Some(text()),
            bo_datum: text(),
            auteur: text(),
            status: text(),
            tekst: text(),
        });
        fields_match(StoryRecord {
            titel: text(),
            samenvatting: text(),
            soort: text(),
            url: text(),
            themas: vec![text()],
            indicatoren: vec![text()],
            gebied: Some(text()),
        });
        fields_match(EventRecord {
            datum: text(),
            label: text(),
            soort: text(),
            indicator: Some(text()),
            gebied: Some(text()),
            omschrijving: Some(text()),
        });
    }

    #[test]
    fn every_record_is_checked_and_a_byte_order_mark_is_read() {
        let json = "\u{feff}[{\"datum\": \"2024-07-01\", \"label\": \"a\", \"soort\": \"beleid\"}, \
                    [1, [2]], \"tekst\", null, true, 1.5, {}]";
        let refused = read_checked(
            "g.json",
            json.as_bytes(),
            "gebeurtenis",
            |r: &EventRecord| r.to_event(),
        )
        .unwrap_err()
        .to_string();
        let lines: Vec<&str> = refused.lines().collect();
        assert_eq!(
            lines,
            [
                "g.json, gebeurtenis 2: verwacht een object { … } met velden, maar dit is een lijst",
                "g.json, gebeurtenis 3: verwacht een object { … } met velden, maar dit is een tekst",
                "g.json, gebeurtenis 4: verwacht een object { … } met velden, maar dit is null",
                "g.json, gebeurtenis 5: verwacht een object { … } met velden, maar dit is true of false",
                "g.json, gebeurtenis 6: verwacht een object { … } met velden, maar dit is een getal",
                "g.json, gebeurtenis 7: veld 'datum' ontbreekt",
                "g.json, gebeurtenis 7: veld 'label' ontbreekt",
                "g.json, gebeurtenis 7: veld 'soort' ontbreekt",
                "er is niets ingelezen",
            ]
        );
        let read = read_checked(
            "g.json",
            "\u{feff}[]".as_bytes(),
            "gebeurtenis",
            |r: &EventRecord| r.to_event(),
        )
        .unwrap();
        assert!(read.is_empty());
    }
}
