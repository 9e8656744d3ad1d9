//! Batches: every write to the store (an import, a fetch, the demo data, a change to the indicator
//! catalog) is one batch, so each value and definition keeps its provenance and a batch can be undone.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BatchKind {
    /// A file delivered by hand.
    Manual,
    /// Open data from CBS.
    Cbs,
    /// The embedded example data; not official figures.
    Demo,
    /// Indicator definitions added, changed or retired; writes no values.
    Catalog,
}

impl BatchKind {
    pub fn code(self) -> &'static str {
        match self {
            BatchKind::Manual => "manual",
            BatchKind::Cbs => "cbs",
            BatchKind::Demo => "demo",
            BatchKind::Catalog => "catalog",
        }
    }

    pub fn from_code(code: &str) -> Option<BatchKind> {
        [
            BatchKind::Manual,
            BatchKind::Cbs,
            BatchKind::Demo,
            BatchKind::Catalog,
        ]
        .into_iter()
        .find(|kind| kind.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            BatchKind::Manual => "handmatige import",
            BatchKind::Cbs => "CBS open data",
            BatchKind::Demo => "voorbeelddata",
            BatchKind::Catalog => "indicatordefinities",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BatchId(pub i64);

impl fmt::Display for BatchId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// What a new batch records about where its values came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchSource {
    pub kind: BatchKind,
    pub file_name: Option<String>,
    pub sha256: Option<String>,
    pub user: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Batch {
    pub id: BatchId,
    pub source: BatchSource,
    /// UTC, RFC 3339.
    pub started_at: String,
    pub finished_at: Option<String>,
    /// Values added or changed by this batch.
    pub rows: u64,
    pub undone_at: Option<String>,
}

impl Batch {
    /// When its values were written: when it finished, or when it started if it never did.
    pub fn written_at(&self) -> &str {
        self.finished_at.as_deref().unwrap_or(&self.started_at)
    }
}
