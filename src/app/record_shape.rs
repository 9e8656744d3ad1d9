//! The shape of each record in an interchange file (notes, stories, events as JSON), checked field
//! by field before serde reads it, so every problem of every record is reported: serde itself stops
//! at the first problem of the whole file.

use std::fmt;

use serde::de::{self, DeserializeOwned, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use super::AppError;
use crate::domain::visible;

/// A UTF-8 byte order mark, which Notepad and Excel put before the text they save.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads a JSON list, naming the file and what is wrong when it is no list of such records.
pub fn read_list<T: DeserializeOwned>(file: &str, json: &[u8]) -> Result<Vec<T>, AppError> {
    serde_json::from_slice(json.strip_prefix(BOM).unwrap_or(json))
        .map_err(|e| AppError::Refused(format!("{file}: geen geldige JSON-lijst: {e}")))
}

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
mod tests;
