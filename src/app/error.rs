use std::fmt;

use crate::catalog::CatalogError;
use crate::ingest::{FetchError, ImportProblem};
use crate::store::StoreError;

/// Everything an operation can refuse or fail with, each with every problem it found.
#[derive(Debug)]
pub enum AppError {
    Catalog(Vec<CatalogError>),
    Store(StoreError),
    Import(Vec<ImportProblem>),
    /// Fetching open data failed; nothing was written.
    Fetch(FetchError),
    /// The operation is not allowed in this state; the message says why, in Dutch.
    Refused(String),
}

impl AppError {
    /// One Dutch line per problem.
    pub fn lines(&self) -> Vec<String> {
        match self {
            AppError::Catalog(errors) => errors.iter().map(ToString::to_string).collect(),
            AppError::Import(problems) => problems.iter().map(ToString::to_string).collect(),
            AppError::Store(error) => vec![error.to_string()],
            AppError::Fetch(error) => vec![format!("{error}; er is niets gewijzigd")],
            AppError::Refused(message) => vec![message.clone()],
        }
    }
}

impl AppError {
    /// How many problems the lines stand for: a line may count many findings of one kind.
    pub fn problem_count(&self) -> u64 {
        match self {
            AppError::Import(problems) => problems.iter().map(ImportProblem::count).sum(),
            AppError::Catalog(errors) => errors.len() as u64,
            _ => 1,
        }
    }

    /// The same error, with a store error naming the store's file (`db`) unless it names one.
    pub fn naming_store(self, db: &crate::store::StoreLocation) -> AppError {
        match self {
            AppError::Store(error) => AppError::Store(error.at(db)),
            other => other,
        }
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.lines().join("\n"))
    }
}

impl std::error::Error for AppError {}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> AppError {
        AppError::Store(error)
    }
}
