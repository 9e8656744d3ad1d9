//! What reading one delivered file yields: its observations with where each stands, what each table
//! turned out to be, and the problems and warnings found.

use super::pieces::Pieces;
use super::problem::{ImportProblem, Location};
use crate::domain::Observation;

/// One observation as read, with where it stands in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadObservation {
    pub observation: Observation,
    pub location: Location,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// `indicator;gebied;periode;waarde` (plus `status`, `opmerking`).
    Long,
    /// Gebieden as rows, perioden as columns, one indicator.
    Wide,
}

/// What one part of a file (a sheet, or the whole CSV) turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableSummary {
    pub sheet: Option<String>,
    pub layout: Layout,
    pub values: usize,
}

/// Everything read from one file. With any problem, nothing of it may be written.
#[derive(Debug, Clone, PartialEq)]
pub struct FileReading {
    pub file: String,
    pub sha256: String,
    pub tables: Vec<TableSummary>,
    pub problems: Vec<ImportProblem>,
    pub warnings: Vec<ImportProblem>,
    /// In the order of the file, in the pieces the threads read them in (see [`Pieces`]).
    pub(super) observations: Pieces<ReadObservation>,
    /// Positions in `observations` in the order of their cells: grouped by indicator, then area and
    /// period, as the store keeps them.
    pub(super) cell_order: Vec<u32>,
}

impl FileReading {
    /// The observations in the order of the file.
    pub fn observations(&self) -> impl Iterator<Item = &ReadObservation> {
        self.observations.iter()
    }

    /// The observations in the order of the file, taken out of the reading.
    pub fn into_observations(self) -> impl Iterator<Item = ReadObservation> {
        self.observations.into_iter()
    }

    /// The observations grouped by indicator, then by area and period.
    pub fn in_cell_order(&self) -> impl Iterator<Item = &ReadObservation> {
        self.cell_order
            .iter()
            .map(|index| &self.observations[*index as usize])
    }
}
