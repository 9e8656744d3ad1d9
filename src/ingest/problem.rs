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
    /// Set when this stands for many findings of one kind that are counted, not listed one by one
    /// (boxed: rare, and a problem travels in every `Result` of a read).
    pub repeated: Option<Box<Repeated>>,
}

/// Findings of one kind beyond the first few: how many more, and the rows they stand on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Repeated {
    pub times: u64,
    /// The first and last row (`None` for findings about the whole file).
    pub rows: Option<(u64, u64)>,
    /// Findings of kinds beyond the ones kept apart: the message is only the first of them.
    pub of_other_kinds: bool,
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
            repeated: None,
        }
    }

    pub fn at(location: &Location, message: impl Into<String>) -> ImportProblem {
        ImportProblem {
            file: location.file.to_string(),
            sheet: location.sheet.as_deref().map(str::to_string),
            row: Some(location.row),
            column: Some(location.column.to_string()),
            message: message.into(),
            repeated: None,
        }
    }

    /// How many findings this one stands for.
    pub fn count(&self) -> u64 {
        self.repeated.as_ref().map_or(1, |r| r.times)
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
        let Some(repeated) = self.repeated.as_deref() else {
            return write!(f, ": {}", self.message);
        };
        let times = crate::domain::format_number(repeated.times as f64, 0);
        if repeated.of_other_kinds {
            write!(f, ": … en nog {times} andere problemen")?;
        } else {
            write!(f, ": … en nog {times} keer: {}", self.message)?;
        }
        match repeated.rows {
            Some((first, last)) if first == last => write!(f, " (rij {})", dutch_count(first)),
            Some((first, last)) => {
                write!(f, " (rijen {}–{})", dutch_count(first), dutch_count(last))
            }
            None => Ok(()),
        }
    }
}

impl std::error::Error for ImportProblem {}

fn dutch_count(n: u64) -> String {
    crate::domain::format_number(n as f64, 0)
}
