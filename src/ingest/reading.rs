//! What reading one delivered file yields: its observations with where each stands, what each table
//! turned out to be, and the problems and warnings found.

use super::column_labels::Labels;
use super::pieces::Pieces;
use super::problem::{ImportProblem, Location};
use crate::domain::{Area, CellValue, Observation, Period, Reason, Value};

/// One observation as read, with where it stands in the file: a view into the [`FileReading`],
/// which holds its values compactly.
#[derive(Debug, Clone, Copy)]
pub struct ReadObservation<'r> {
    reading: &'r FileReading,
    read: &'r Compact,
}

impl<'r> ReadObservation<'r> {
    pub fn location(&self) -> Location {
        self.reading.labels[self.read.table as usize]
            .at_number(u64::from(self.read.row), self.read.column as usize)
    }

    /// The observation itself, made whole.
    pub fn observation(&self) -> Observation {
        Observation {
            indicator: self.indicator().to_string(),
            area: self.area(),
            period: self.period(),
            value: self.value(),
            provisional: self.provisional(),
            remark: self.remark().map(str::to_string),
        }
    }

    /// The id of its indicator.
    pub fn indicator(&self) -> &'r str {
        &self.reading.indicators[self.read.indicator as usize]
    }

    /// The supplier's remark (`opmerking` column).
    pub fn remark(&self) -> Option<&'r str> {
        let index = self.read.remark.checked_sub(1)?;
        Some(&self.reading.remarks[index as usize])
    }
}

impl CellValue for ReadObservation<'_> {
    fn indicator(&self) -> &str {
        ReadObservation::indicator(self)
    }

    fn area(&self) -> Area {
        self.read.area
    }

    fn period(&self) -> Period {
        self.read.period
    }

    fn value(&self) -> Value {
        self.read.value()
    }

    fn provisional(&self) -> bool {
        self.read.status & PROVISIONAL != 0
    }

    fn remark(&self) -> Option<&str> {
        ReadObservation::remark(self)
    }
}

/// One observation as a reading holds it: a million of them are held from the preview to the
/// commit, so it names its indicator, remark and place in the file by number, and keeps its value
/// and status in nine bytes.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Compact {
    /// The value, or 0 when the status says why it is absent.
    number: f64,
    pub area: Area,
    pub period: Period,
    /// Place in the catalog the file was read against.
    pub indicator: u32,
    /// 0 for none, else 1 + its place in the remarks of the reading.
    pub remark: u32,
    pub row: u32,
    /// Place of its table's labels in the reading.
    pub table: u32,
    pub column: u32,
    /// The reason it is absent (`REASONS`), or 0 for a number; `PROVISIONAL` besides.
    status: u8,
}

/// Absent values by their status: status `n` is `Reason::ALL[n - 1]`.
const REASONS: u8 = 0b11;
const PROVISIONAL: u8 = 0b100;

impl Compact {
    /// A value with its place in the catalog, file and reading (see the fields).
    pub fn new(
        (value, provisional): (Value, bool),
        area: Area,
        period: Period,
        [indicator, remark, table, column]: [u32; 4],
        row: u64,
    ) -> Compact {
        let (number, reason) = match value {
            Value::Number(n) => (n, 0),
            Value::Unavailable(reason) => {
                let place = Reason::ALL.iter().position(|r| *r == reason);
                (0.0, place.map_or(0, |p| p as u8 + 1))
            }
        };
        Compact {
            number,
            area,
            period,
            indicator,
            remark,
            // Rows of a file of at most 256 MB never pass four billion.
            row: u32::try_from(row).unwrap_or(u32::MAX),
            table,
            column,
            status: reason | if provisional { PROVISIONAL } else { 0 },
        }
    }

    pub fn value(&self) -> Value {
        match self.status & REASONS {
            0 => Value::Number(self.number),
            reason => Value::Unavailable(Reason::ALL[usize::from(reason - 1)]),
        }
    }
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
    pub(super) observations: Pieces<Compact>,
    /// Positions in `observations` in the order of their cells: grouped by indicator, then area and
    /// period, as the store keeps them.
    pub(super) cell_order: Vec<u32>,
    /// The ids of the catalog the file was read against, by place.
    pub(super) indicators: Vec<String>,
    pub(super) remarks: Vec<String>,
    /// The file's tables' column names, for the locations of the observations.
    pub(super) labels: Vec<Labels>,
}

impl FileReading {
    /// The observations in the order of the file.
    pub fn observations(&self) -> impl Iterator<Item = ReadObservation<'_>> {
        self.observations.iter().map(|read| self.view(read))
    }

    /// The observations grouped by indicator, then by area and period.
    pub fn in_cell_order(&self) -> impl Iterator<Item = ReadObservation<'_>> {
        self.cell_order
            .iter()
            .map(|index| self.view(&self.observations[*index as usize]))
    }

    fn view<'r>(&'r self, read: &'r Compact) -> ReadObservation<'r> {
        ReadObservation {
            reading: self,
            read,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_compact_observation_keeps_its_value_and_status() {
        let area = crate::catalog::zawa().area();
        let period = Period::Year(2024);
        let values = Reason::ALL
            .map(Value::Unavailable)
            .into_iter()
            .chain([Value::Number(-2.5), Value::Number(0.0)]);
        for value in values {
            for provisional in [false, true] {
                let read = Compact::new((value, provisional), area, period, [3, 0, 1, 2], 7);
                assert_eq!(read.value(), value);
                assert_eq!(read.status & PROVISIONAL != 0, provisional);
                assert_eq!(
                    (read.indicator, read.table, read.column, read.row),
                    (3, 1, 2, 7)
                );
            }
        }
    }
}
