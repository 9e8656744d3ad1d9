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
    /// The column's name as the file has it, with its letter in a spreadsheet: `C (waarde)`. Shared
    /// with the location, which also keeps a problem small enough to travel in a `Result`.
    pub column: Option<Arc<str>>,
    pub kind: ProblemKind,
    pub message: String,
    /// Set when this stands for many findings of one kind that are counted, not listed one by one
    /// (boxed: rare, and a problem travels in every `Result` of a read).
    pub repeated: Option<Box<Repeated>>,
}

/// What a finding is about, so a program can tell findings apart without reading the Dutch message
/// (which names the value, the file or the row, and may be reworded).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// The file, or a part of it, cannot be read: missing, no read permission, damaged, no text.
    Unreadable,
    /// A folder, device, pipe or socket rather than a regular file.
    NotAFile,
    /// Beyond a limit on size, rows, columns or cells that keeps memory bounded.
    TooLarge,
    /// No table in the file has a header the importer recognises.
    NoHeader,
    /// A header that names some of the long columns lacks a required one.
    MissingColumn,
    /// A column of personal data: the whole file is refused.
    PersonalData,
    /// A wide table whose indicator is named nowhere.
    NoIndicator,
    UnknownIndicator,
    UnknownArea,
    /// A gemeente of the region in a period it did not exist in (before it was formed, after it
    /// merged).
    AreaNotInPeriod,
    InvalidPeriod,
    /// A period that does not fit the indicator's frequency (a year for a quarterly figure).
    WrongFrequency,
    UnknownStatus,
    /// A status for an absent value beside a value.
    StatusWithValue,
    /// A value that is no number: a word, a date, text behind an apostrophe, a bad `<5`.
    NotANumber,
    /// A value written in another unit than the indicator's (`12%` for a count).
    WrongUnit,
    /// A number its unit cannot have: a percentage over 100, a count with a fraction.
    ImpossibleValue,
    /// A remark with a control character.
    InvalidRemark,
    /// A value for a cell that the file delivered before.
    Duplicate,
    /// A value for a cell that another file of the same import delivers too.
    DuplicateAcrossFiles,
    /// Warning: a sheet without a header was skipped.
    SkippedSheet,
    /// Warning: empty values were skipped; nothing is written for them.
    EmptyValues,
    /// Warning: a value replaces another on record.
    Replaces,
    /// Warning: a value far from the previous period's.
    Jump,
    /// Warning: a region value that is not the sum of its gemeenten.
    RegionSum,
}

/// What was found, before its place in the file is known: its kind and what to tell the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub kind: ProblemKind,
    pub message: String,
}

impl Finding {
    pub fn new(kind: ProblemKind, message: impl Into<String>) -> Finding {
        Finding {
            kind,
            message: message.into(),
        }
    }

    /// The same finding with `context` (such as the sheet it is in) before its message.
    pub fn within(self, context: &str) -> Finding {
        Finding {
            message: format!("{context}: {}", self.message),
            ..self
        }
    }
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
    /// A finding about the file as a whole.
    pub fn file(file: &str, finding: Finding) -> ImportProblem {
        ImportProblem {
            file: file.to_string(),
            sheet: None,
            row: None,
            column: None,
            kind: finding.kind,
            message: finding.message,
            repeated: None,
        }
    }

    /// A finding about one cell.
    pub fn at(location: &Location, finding: Finding) -> ImportProblem {
        ImportProblem {
            file: location.file.to_string(),
            sheet: location.sheet.as_deref().map(str::to_string),
            row: Some(location.row),
            column: Some(location.column.clone()),
            kind: finding.kind,
            message: finding.message,
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
