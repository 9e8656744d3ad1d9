use std::fmt;
use std::sync::Arc;

/// One finding in a delivered file, with where it is, in Dutch: a problem (blocks the import) or a
/// warning (listed, does not block).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    pub file: String,
    pub sheet: Option<String>,
    /// As a spreadsheet or text editor numbers it (first line is 1).
    pub row: Option<u64>,
    /// The column's name as the file has it, with its letter in a spreadsheet: `C (waarde)`.
    pub column: Option<String>,
    pub message: String,
}

/// Where in a file something was read, so findings can point at it. Shared text, since a million
/// values point into the same file, sheet and columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: Arc<str>,
    pub sheet: Option<Arc<str>>,
    pub row: u64,
    pub column: Arc<str>,
}

impl ImportProblem {
    pub fn file(file: &str, message: impl Into<String>) -> ImportProblem {
        ImportProblem {
            file: file.to_string(),
            sheet: None,
            row: None,
            column: None,
            message: message.into(),
        }
    }

    pub fn at(location: &Location, message: impl Into<String>) -> ImportProblem {
        ImportProblem {
            file: location.file.to_string(),
            sheet: location.sheet.as_deref().map(str::to_string),
            row: Some(location.row),
            column: Some(location.column.to_string()),
            message: message.into(),
        }
    }
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(sheet) = &self.sheet {
            write!(f, ", werkblad '{sheet}'")?;
        }
        if let Some(row) = self.row {
            write!(f, ", rij {row}")?;
        }
        if let Some(column) = &self.column {
            write!(f, ", kolom {column}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ImportProblem {}
