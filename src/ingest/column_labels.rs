//! Column names for messages, made once per table: `waarde` in CSV, `C (waarde)` in a spreadsheet,
//! so every finding can say where it stands.

use std::sync::Arc;

use super::problem::Location;
use super::table::{Row, Table, column_letter};

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Labels {
    file: Arc<str>,
    sheet: Option<Arc<str>>,
    lettered: bool,
    columns: Vec<Arc<str>>,
}

impl Labels {
    /// The labels of the columns `header` names.
    pub fn new(file: &Arc<str>, table: &Table, header: &Row) -> Labels {
        let mut labels = Labels {
            file: file.clone(),
            sheet: table.sheet.as_deref().map(Arc::from),
            lettered: table.lettered,
            columns: Vec::new(),
        };
        labels.columns = (0..header.cells.len())
            .map(|i| labels.label(i, &header.cell(i).text()))
            .collect();
        labels
    }

    fn label(&self, column: usize, header: &str) -> Arc<str> {
        Arc::from(match (self.lettered, header.is_empty()) {
            (true, false) => format!("{} ({header})", column_letter(column)),
            (_, true) => column_letter(column),
            (false, false) => header.to_string(),
        })
    }

    pub fn at(&self, row: &Row, column: usize) -> Location {
        self.at_number(row.number, column)
    }

    /// The location of the row numbered `row`.
    pub fn at_number(&self, row: u64, column: usize) -> Location {
        let column = self
            .columns
            .get(column)
            .cloned()
            .unwrap_or_else(|| self.label(column, ""));
        Location {
            file: self.file.clone(),
            sheet: self.sheet.clone(),
            row,
            column,
        }
    }

    /// A location with a column name of its own (for cells outside the header).
    pub fn named(&self, row: &Row, column: usize, header: &str) -> Location {
        Location {
            column: self.label(column, header),
            ..self.at(row, column)
        }
    }
}
