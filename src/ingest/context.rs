//! Shared state while reading one file: lookups with caches (a million rows name the same few areas
//! and periods), the observations and findings so far, and duplicate detection.

use std::path::Path;
use std::sync::Arc;

use super::column_labels::Labels;
use super::findings::Findings;
use super::pieces::Pieces;
use super::problem::{Finding, ImportProblem, Location, ProblemKind};
use super::reading::Compact;
use super::table::Cell;
use chrono::NaiveDate;

use crate::domain::{
    Area, FastHashMap, Indicator, Period, Region, Value, count_of, dutch_date, fold,
};

/// First and last day a gemeente existed, and what it merged into.
type Bounds = (Option<NaiveDate>, Option<NaiveDate>, Option<&'static str>);

pub(super) struct Context<'a> {
    pub file: &'a str,
    /// The file name as locations share it.
    pub file_name: Arc<str>,
    indicators: FastHashMap<&'a str, &'a Indicator>,
    all_indicators: &'a [Indicator],
    region: &'a Region,
    areas: FastHashMap<String, Result<Area, Finding>>,
    /// The days a gemeente existed, for those that did not always (by [`Area::key`]).
    bounded: FastHashMap<u32, Bounds>,
    periods: FastHashMap<String, Result<Period, Finding>>,
    pub observations: Pieces<Compact>,
    pub remarks: Vec<String>,
    /// The column names of the tables read, which the observations point into.
    pub labels: Vec<Labels>,
    pub problems: Findings,
    pub warnings: Findings,
    /// Why a part of the file read apart could not be read: then the whole file is unreadable.
    pub unreadable: Option<Finding>,
}

impl<'a> Context<'a> {
    pub fn new(file: &'a str, indicators: &'a [Indicator], region: &'a Region) -> Context<'a> {
        let bounded = region
            .members()
            .iter()
            .filter(|m| m.valid_from.is_some() || m.valid_until.is_some())
            .map(|m| {
                let merged_into = m.merged_into.map(|a| a.name);
                (m.area.key(), (m.valid_from, m.valid_until, merged_into))
            })
            .collect();
        Context {
            file,
            file_name: Arc::from(file),
            indicators: indicators.iter().map(|i| (i.id.as_str(), i)).collect(),
            all_indicators: indicators,
            region,
            areas: FastHashMap::default(),
            bounded,
            periods: FastHashMap::default(),
            observations: Pieces::default(),
            remarks: Vec::new(),
            labels: Vec::new(),
            problems: Findings::default(),
            warnings: Findings::default(),
            unreadable: None,
        }
    }

    /// An empty context for the same file, to read a part of the rows of a table whose labels this
    /// context holds on another thread. It has a file name of its own: threads counting references
    /// to one shared name would slow each other.
    pub fn fork(&self) -> Context<'a> {
        Context::new(self.file, self.all_indicators, self.region)
    }

    /// Takes in what a fork read, as if this context had read those rows after its own.
    pub fn absorb(&mut self, mut fork: Context<'a>) {
        let before = self.remarks.len() as u32;
        if before > 0 && !fork.remarks.is_empty() {
            for read in fork.observations.iter_mut().filter(|r| r.remark > 0) {
                read.remark += before;
            }
        }
        self.remarks.append(&mut fork.remarks);
        self.observations.append(fork.observations);
        self.problems.absorb(fork.problems);
        self.warnings.absorb(fork.warnings);
    }

    /// Keeps a table's column names for the observations read from it; returns their place.
    pub fn keep_labels(&mut self, labels: &Labels) -> u32 {
        self.labels.push(labels.clone());
        self.labels.len() as u32 - 1
    }

    pub fn problem(&mut self, location: &Location, finding: Finding) {
        self.problems.push(ImportProblem::at(location, finding));
    }

    pub fn indicator(&self, text: &str) -> Result<&'a Indicator, Finding> {
        let text = text.trim();
        if let Some(indicator) = self.indicators.get(text) {
            return Ok(indicator);
        }
        self.indicator_by_name(text).ok_or_else(|| {
            Finding::new(
                ProblemKind::UnknownIndicator,
                format!("onbekende indicator '{text}'; zie regio-in-beeld check voor de lijst"),
            )
        })
    }

    /// By id in any case, by name, or by an id cut off at 31 characters (Excel's sheet-name limit).
    pub fn indicator_by_name(&self, text: &str) -> Option<&'a Indicator> {
        let folded = fold(text);
        if folded.is_empty() {
            return None;
        }
        let exact = self
            .all_indicators
            .iter()
            .find(|i| fold(&i.id) == folded || fold(&i.name) == folded);
        let truncated = || {
            let mut matches = self
                .all_indicators
                .iter()
                .filter(|i| text.len() >= 25 && i.id.starts_with(text));
            let first = matches.next()?;
            matches.next().is_none().then_some(first)
        };
        exact.or_else(truncated)
    }

    /// The indicator a CSV file is named after, e.g. `zvh_aanmeldingen-2024-K3.csv`.
    pub fn indicator_in_file_name(&self) -> Option<&'a Indicator> {
        let stem = Path::new(self.file).file_stem()?.to_str()?;
        self.all_indicators
            .iter()
            .filter(|i| stem.starts_with(i.id.as_str()))
            .max_by_key(|i| i.id.len())
    }

    pub fn area(&mut self, cell: &Cell) -> Result<Area, Finding> {
        if let (Cell::Text(_) | Cell::Empty, Some(known)) = (cell, self.areas.get(cell.as_str())) {
            return known.clone();
        }
        let text = cell.text();
        let area = self
            .region
            .parse(&text)
            .map_err(|e| Finding::new(ProblemKind::UnknownArea, e.to_string()));
        self.areas.insert(text, area.clone());
        area
    }

    pub fn period(&mut self, cell: &Cell) -> Result<Period, Finding> {
        match cell {
            Cell::Date(date) => Ok(Period::Date(*date)),
            Cell::Number(n) if n.fract() == 0.0 && (1900.0..=2200.0).contains(n) => {
                Ok(Period::Year(*n as i32))
            }
            _ => {
                if let (Cell::Text(_) | Cell::Empty, Some(known)) =
                    (cell, self.periods.get(cell.as_str()))
                {
                    return known.clone();
                }
                let text = cell.text();
                let period = Period::parse(&text)
                    .map_err(|e| Finding::new(ProblemKind::InvalidPeriod, e.to_string()));
                self.periods.insert(text, period.clone());
                period
            }
        }
    }

    /// Whether `period` fits the indicator's frequency; refuses it at `at` when not.
    /// Whether `area` existed in `period`: a value for a gemeente after it merged into another, or
    /// before it was formed, belongs to no gemeente of the region.
    pub fn exists(&self, area: &Area, period: &Period) -> Result<(), Finding> {
        let Some((from, until, merged_into)) = self.bounded.get(&area.key()) else {
            return Ok(());
        };
        let message = if let Some(from) = from.filter(|from| *from >= period.end()) {
            format!(
                "{} bestaat pas vanaf {}, dus niet in {}",
                area.name,
                dutch_date(from),
                period.label()
            )
        } else if let Some(until) = until.filter(|until| *until < period.start()) {
            let end = match (merged_into, until.succ_opt()) {
                (Some(other), Some(day)) => {
                    format!("is op {} opgegaan in {other}", dutch_date(day))
                }
                _ => format!("bestaat niet meer na {}", dutch_date(until)),
            };
            format!("{} {end}, dus niet in {}", area.name, period.label())
        } else {
            return Ok(());
        };
        Err(Finding::new(ProblemKind::AreaNotInPeriod, message))
    }

    pub fn frequency_fits(
        &mut self,
        indicator: &Indicator,
        period: &Period,
        at: impl FnOnce() -> Location,
    ) -> bool {
        let fits = indicator.frequency.fits(period);
        if !fits {
            self.problem(
                &at(),
                Finding::new(
                    ProblemKind::WrongFrequency,
                    format!(
                        "{} past niet bij {}: verwacht {}",
                        period.label(),
                        indicator.id,
                        indicator.frequency.expectation()
                    ),
                ),
            );
        }
        fits
    }

    /// One warning for the empty values of a table, naming the first rows they stand on.
    pub fn warn_empty(&mut self, sheet: &Option<String>, rows: &[u64]) {
        if rows.is_empty() {
            return;
        }
        let mut unique: Vec<u64> = rows.to_vec();
        unique.dedup();
        let shown: Vec<String> = unique.iter().take(10).map(u64::to_string).collect();
        let more = if unique.len() > 10 { ", …" } else { "" };
        self.warnings.push(ImportProblem {
            sheet: sheet.clone(),
            ..ImportProblem::file(
                self.file,
                Finding::new(
                    ProblemKind::EmptyValues,
                    format!(
                        "{} overgeslagen (rij {}{more}); er is niets geleverd, dus er wordt niets opgeslagen",
                        count_of(rows.len() as u64, "lege waarde", "lege waarden"),
                        shown.join(", ")
                    ),
                ),
            )
        });
    }

    /// Makes room for `rows` more observations at once rather than growing a million times.
    pub fn reserve(&mut self, rows: usize) {
        self.observations.reserve(rows);
    }

    /// Keeps a value of `indicator` (one of the catalog's) read at `row` of the table whose labels
    /// are at `table`, in its `column`.
    pub fn push(
        &mut self,
        indicator: &'a Indicator,
        read: ReadCell,
        (table, row, column): (u32, u64, usize),
    ) {
        // Every indicator here is one of the catalog's: its address says its place.
        let catalog_place = (indicator as *const Indicator as usize)
            .saturating_sub(self.all_indicators.as_ptr() as usize)
            / size_of::<Indicator>().max(1);
        let remark = match read.remark {
            Some(remark) => {
                self.remarks.push(remark);
                self.remarks.len() as u32
            }
            None => 0,
        };
        let places = [catalog_place as u32, remark, table, column as u32];
        self.observations.push(Compact::new(
            read.value,
            read.area,
            read.period,
            places,
            row,
        ));
    }

    fn location(&self, read: &Compact) -> Location {
        self.labels[read.table as usize].at_number(u64::from(read.row), read.column as usize)
    }

    /// The observations' positions in the order of their cells (indicator in catalog order, area,
    /// period), the order the store keeps them in; every value for a cell after the first one in the
    /// file is refused.
    pub fn cell_order_refusing_duplicates(&mut self) -> Vec<u32> {
        let mut cells: Vec<(u128, u32)> =
            self.observations.iter().map(cell_key).zip(0u32..).collect();
        super::parallel::sort(&mut cells);
        let mut repeated: Vec<(u32, u32)> = cells
            .chunk_by(|a, b| a.0 == b.0)
            .flat_map(|run| run[1..].iter().map(|later| (later.1, run[0].1)))
            .collect();
        repeated.sort_unstable();
        for (later, first) in repeated {
            let read = &self.observations[later as usize];
            let message = format!(
                "{} voor {} in {} staat al eerder in het bestand ({})",
                self.all_indicators[read.indicator as usize].id,
                read.area.name,
                read.period.label(),
                describe(&self.location(&self.observations[first as usize]))
            );
            let problem = ImportProblem::at(
                &self.location(read),
                Finding::new(ProblemKind::Duplicate, message),
            );
            self.problems.push(problem);
        }
        cells.into_iter().map(|(_, index)| index).collect()
    }
}

/// What a row delivers for one cell, before it is kept.
pub(super) struct ReadCell {
    pub area: Area,
    pub period: Period,
    /// The value, and whether it is provisional.
    pub value: (Value, bool),
    pub remark: Option<String>,
}

/// The cell an observation is for as one number that sorts like (indicator's place in the catalog,
/// area in the order first named, period): 32, 32 and 64 bits, so no catalog or region is too
/// large for it.
fn cell_key(read: &Compact) -> u128 {
    let indicator = u128::from(read.indicator);
    let area = u128::from(read.area.key());
    (indicator << 96) | (area << 64) | u128::from(read.period.ordinal())
}

fn describe(location: &Location) -> String {
    match &location.sheet {
        Some(sheet) => format!("werkblad '{sheet}', rij {}", location.row),
        None => format!("rij {}", location.row),
    }
}
