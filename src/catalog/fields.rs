//! Reads typed fields from a TOML table, collecting every problem instead of stopping at the first.

use std::collections::BTreeSet;

use toml::{Table, Value};

use super::CatalogError;
use crate::domain::{Coded, check_text};

pub(super) struct Fields<'a> {
    file: &'a str,
    /// Key path of this table inside the file, e.g. `source.` (empty at the top).
    prefix: String,
    table: &'a Table,
    used: BTreeSet<&'a str>,
    pub errors: Vec<CatalogError>,
}

impl<'a> Fields<'a> {
    pub fn new(file: &'a str, prefix: &str, table: &'a Table) -> Fields<'a> {
        Fields {
            file,
            prefix: prefix.to_string(),
            table,
            used: BTreeSet::new(),
            errors: Vec::new(),
        }
    }

    pub fn error(&mut self, key: &str, message: String) {
        let path = format!("{}{key}", self.prefix);
        self.errors
            .push(CatalogError::key(self.file, &path, message));
    }

    fn take(&mut self, key: &'a str, required: bool) -> Option<&'a Value> {
        self.used.insert(key);
        let value = self.table.get(key);
        if value.is_none() && required {
            self.error(key, "ontbreekt".to_string());
        }
        value
    }

    fn expect<T>(&mut self, key: &str, value: Option<T>, what: &str) -> Option<T> {
        if value.is_none() {
            self.error(key, format!("moet {what} zijn"));
        }
        value
    }

    /// A required, non-empty string without control characters: names and descriptions are shown
    /// in the window and written into the BO-pakket and templates.
    pub fn text(&mut self, key: &'a str) -> Option<String> {
        let value = self.take(key, true)?;
        let text = value.as_str().map(str::trim).filter(|s| !s.is_empty());
        let text = self.expect(key, text, "een niet-lege tekst")?;
        if let Err(control) = check_text(key, text) {
            self.error(
                key,
                format!(
                    "tekst bevat een stuurteken (U+{:04X})",
                    u32::from(control.character)
                ),
            );
            return None;
        }
        Some(text.to_string())
    }

    pub fn coded<T: Coded>(&mut self, key: &'a str) -> Option<T> {
        let text = self.text(key)?;
        let value = T::from_code(&text);
        if value.is_none() {
            let allowed: Vec<_> = T::ALL.iter().map(|v| v.code()).collect();
            self.error(
                key,
                format!("onbekende waarde '{text}'; kies uit {}", allowed.join(", ")),
            );
        }
        value
    }

    pub fn boolean(&mut self, key: &'a str) -> Option<bool> {
        let value = self.take(key, true)?;
        self.expect(key, value.as_bool(), "true of false")
    }

    pub fn count_or(&mut self, key: &'a str, default: u32) -> Option<u32> {
        let Some(value) = self.take(key, false) else {
            return Some(default);
        };
        let count = value
            .as_integer()
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| *n <= 1000);
        self.expect(key, count, "een geheel getal van 0 tot en met 1000")
    }

    /// An optional text: absent is `None`, present must be a valid text.
    pub fn optional_text(&mut self, key: &'a str) -> Option<Option<String>> {
        if self.table.contains_key(key) {
            self.text(key).map(Some)
        } else {
            self.used.insert(key);
            Some(None)
        }
    }

    /// An optional day, as text or as a TOML date, handed on as text.
    pub fn optional_date_text(&mut self, key: &'a str) -> Option<Option<String>> {
        self.used.insert(key);
        match self.table.get(key) {
            None => Some(None),
            Some(Value::String(text)) => Some(Some(text.trim().to_string())),
            Some(Value::Datetime(datetime)) => Some(Some(datetime.to_string())),
            Some(_) => {
                self.error(key, "moet een datum zijn zoals \"2021-12-31\"".to_string());
                None
            }
        }
    }

    /// An array of tables (`[[key]]`), with the key path of each (`gemeente[2].`) for its errors.
    pub fn tables(&mut self, key: &'a str) -> Vec<(String, &'a Table)> {
        let Some(value) = self.take(key, true) else {
            return Vec::new();
        };
        let Some(items) = value.as_array() else {
            self.error(key, format!("moet een lijst van tabellen zijn ([[{key}]])"));
            return Vec::new();
        };
        let mut tables = Vec::new();
        for (place, item) in items.iter().enumerate() {
            let path = format!("{}{key}[{}].", self.prefix, place + 1);
            match item.as_table() {
                Some(table) => tables.push((path, table)),
                None => self.error(key, format!("item {} is geen tabel", place + 1)),
            }
        }
        tables
    }

    pub fn table(&mut self, key: &'a str, required: bool) -> Option<&'a Table> {
        let value = self.take(key, required)?;
        self.expect(key, value.as_table(), "een tabel")
    }

    /// Reports every key that nobody asked for.
    pub fn finish(mut self) -> Vec<CatalogError> {
        let unknown: Vec<&str> = self
            .table
            .keys()
            .map(String::as_str)
            .filter(|key| !self.used.contains(key))
            .collect();
        for key in unknown {
            self.error(key, "onbekende sleutel".to_string());
        }
        self.errors
    }
}
