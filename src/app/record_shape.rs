//! The shape of each record in an interchange file (notes, stories, events as JSON), checked field
//! by field before serde reads it, so every problem of every record is reported: serde itself stops
//! at the first problem of the whole file.

use std::fmt;

use serde::de::{self, DeserializeOwned, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use super::AppError;
use super::interchange::read_list;
use crate::domain::visible;

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
    use crate::app::interchange::{EventRecord, NoteRecord, StoryRecord};
    use serde::Serialize;

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
