use std::fmt;

/// One problem in a delivered file, with where it is and what was expected, in Dutch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    pub file: String,
    /// Line number as a spreadsheet shows it (the header is row 1).
    pub row: Option<u64>,
    pub column: Option<String>,
    pub message: String,
}

impl ImportProblem {
    pub fn file(file: &str, message: impl Into<String>) -> ImportProblem {
        ImportProblem {
            file: file.to_string(),
            row: None,
            column: None,
            message: message.into(),
        }
    }

    pub fn cell(file: &str, row: u64, column: &str, message: impl Into<String>) -> ImportProblem {
        ImportProblem {
            file: file.to_string(),
            row: Some(row),
            column: Some(column.to_string()),
            message: message.into(),
        }
    }
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
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
