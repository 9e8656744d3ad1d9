//! Finds the header of each table and reads it in the layout it has: long (one value per row) or
//! wide (gebieden down, perioden across, one indicator per sheet or file).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use super::TableSummary;
use super::cell_value::{check_number, read_value};
use super::columns::{Column, is_personal_data};
use super::context::Context;
use super::parallel;
use super::problem::{ImportProblem, Location};
use super::table::{Row, Table, column_letter};
use crate::domain::{Indicator, Observation, Period, check_text, count_of, from_spreadsheet};

/// Rows above the header that may hold a title, an explanation or the indicator.
const HEADER_SEARCH_ROWS: usize = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// `indicator;gebied;periode;waarde` (plus `status`, `opmerking`).
    Long,
    /// Gebieden as rows, perioden as columns, one indicator.
    Wide,
}

enum Header {
    Long(HashMap<Column, usize>),
    Wide {
        area_column: usize,
        periods: Vec<(usize, Period)>,
    },
}

/// Reads every table into `context`; returns what each turned out to be and the order of the cells.
pub(super) fn read_tables(
    context: &mut Context,
    tables: &[Table],
) -> (Vec<TableSummary>, Vec<u32>) {
    let mut summaries = Vec::new();
    let mut skipped = Vec::new();
    for table in tables {
        if refuse_personal_data(context, table) {
            continue;
        }
        let before = context.observations.len();
        let layout = match find_header(context, table) {
            Some((index, Header::Long(columns))) => {
                read_long(context, table, index, &columns);
                Layout::Long
            }
            Some((
                index,
                Header::Wide {
                    area_column,
                    periods,
                },
            )) => {
                read_wide(context, table, index, area_column, &periods);
                Layout::Wide
            }
            None => {
                if !report_incomplete_header(context, table)
                    && table.rows.iter().any(|row| !row.is_empty())
                {
                    skipped.push(table.sheet.clone());
                }
                continue;
            }
        };
        summaries.push(TableSummary {
            sheet: table.sheet.clone(),
            layout,
            values: context.observations.len() - before,
        });
    }
    let found = context.problems.len();
    let order = context.cell_order_refusing_duplicates();
    if context.problems.len() > found {
        context.problems.sort_listed_by_key(|p| {
            // Sheet by sheet, row by row, as a person goes through the file.
            let sheet = tables.iter().position(|t| t.sheet == p.sheet);
            (sheet, p.row)
        });
    }
    if summaries.is_empty() && context.problems.is_empty() {
        context.problems.push(ImportProblem::file(
            context.file,
            "geen kopregel gevonden; verwacht de kolommen indicator, gebied, periode en waarde (lang formaat), \
             of gebieden onder elkaar en perioden naast elkaar (breed formaat, zoals het sjabloon)",
        ));
    } else {
        for sheet in skipped.into_iter().flatten() {
            context.warnings.push(ImportProblem {
                sheet: Some(sheet),
                ..ImportProblem::file(
                    context.file,
                    "werkblad overgeslagen: geen kopregel met gebieden en perioden",
                )
            });
        }
    }
    (summaries, order)
}

/// A file with a column of personal data is refused whole: the store holds aggregates only.
fn refuse_personal_data(context: &mut Context, table: &Table) -> bool {
    let mut found = false;
    for row in table.rows.iter().take(HEADER_SEARCH_ROWS) {
        for (index, cell) in row.cells.iter().enumerate() {
            let text = cell.text();
            if is_personal_data(&text) {
                let location = Labels::new(context, table, row).named(row, index, &text);
                context.problem(
                    &location,
                    format!(
                        "kolom '{text}' bevat persoonsgegevens; Regio in beeld bewaart alleen totalen. \
                         Verwijder de kolom en lever aantallen per gebied en periode aan"
                    ),
                );
                found = true;
            }
        }
    }
    found
}

/// A row that names some of the long columns but not all is a header with a missing column, not a
/// title: say which columns are missing. Returns whether it did.
fn report_incomplete_header(context: &mut Context, table: &Table) -> bool {
    let best = table
        .rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .max_by_key(|row| {
            row.cells
                .iter()
                .filter(|c| Column::recognise(&c.text()).is_some())
                .count()
        });
    let Some(row) = best else { return false };
    let present: Vec<Column> = row
        .cells
        .iter()
        .filter_map(|c| Column::recognise(&c.text()))
        .collect();
    if present.len() < 2 {
        return false;
    }
    for missing in Column::REQUIRED.iter().filter(|c| !present.contains(c)) {
        let location = Labels::new(context, table, row).named(row, 0, missing.name());
        context.problem(
            &location,
            format!("kolom '{}' ontbreekt in de kopregel", missing.name()),
        );
    }
    true
}

fn find_header(context: &mut Context, table: &Table) -> Option<(usize, Header)> {
    for (index, row) in table.rows.iter().enumerate().take(HEADER_SEARCH_ROWS) {
        let recognised: HashMap<Column, usize> = row
            .cells
            .iter()
            .enumerate()
            .filter_map(|(i, cell)| Column::recognise(&cell.text()).map(|column| (column, i)))
            .collect();
        if Column::REQUIRED.iter().all(|c| recognised.contains_key(c)) {
            return Some((index, Header::Long(recognised)));
        }
        let area_column = recognised.get(&Column::Area).copied().unwrap_or(0);
        let periods: Vec<(usize, Period)> = row
            .cells
            .iter()
            .enumerate()
            .filter(|(i, cell)| *i != area_column && !cell.is_empty())
            .filter_map(|(i, cell)| context.period(cell).ok().map(|period| (i, period)))
            .collect();
        let area_header = recognised.contains_key(&Column::Area) || row.cell(0).is_empty();
        if area_header && !periods.is_empty() {
            return Some((
                index,
                Header::Wide {
                    area_column,
                    periods,
                },
            ));
        }
    }
    None
}

/// Column names for messages, made once per table: `waarde` in CSV, `C (waarde)` in a spreadsheet.
struct Labels {
    file: Arc<str>,
    sheet: Option<Arc<str>>,
    lettered: bool,
    columns: Vec<Arc<str>>,
}

impl Labels {
    fn new(context: &Context, table: &Table, header: &Row) -> Labels {
        let mut labels = Labels {
            file: context.file_name.clone(),
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

    fn at(&self, row: &Row, column: usize) -> Location {
        let column = self
            .columns
            .get(column)
            .cloned()
            .unwrap_or_else(|| self.label(column, ""));
        Location {
            file: self.file.clone(),
            sheet: self.sheet.clone(),
            row: row.number,
            column,
        }
    }

    /// A location with a column name of its own (for cells outside the header).
    fn named(&self, row: &Row, column: usize, header: &str) -> Location {
        Location {
            column: self.label(column, header),
            ..self.at(row, column)
        }
    }
}

/// The rows below the header, split over the cores when there are many.
fn read_long(
    context: &mut Context,
    table: &Table,
    header_index: usize,
    columns: &HashMap<Column, usize>,
) {
    // Looked up once here rather than for every cell of a million rows.
    let place = Column::ALL.map(|column| columns.get(&column).copied());
    let header = &table.rows[header_index];
    let rows = &table.rows[header_index + 1..];
    let part_size = rows
        .len()
        .div_ceil(parallel::parts_for(rows.len() / ROWS_PER_PART));
    let parts: Vec<&[Row]> = rows.chunks(part_size.max(1)).collect();
    // The first part is read into `context` itself, every other one into a fork of it.
    let mut forks: Vec<Context> = parts.iter().skip(1).map(|_| context.fork()).collect();
    let contexts = std::iter::once(&mut *context).chain(&mut forks);
    let empty_rows = parallel::map(contexts.zip(parts).collect(), |(context, part)| {
        let labels = Labels::new(context, table, header);
        read_long_rows(context, &labels, &place, part)
    });
    for fork in forks {
        context.absorb(fork);
    }
    warn_empty(context, table, &empty_rows.concat());
}

/// Rows worth handing to another core.
const ROWS_PER_PART: usize = 25_000;

/// Reads long-format rows into `context`; returns the numbers of rows without a value.
fn read_long_rows(
    context: &mut Context,
    labels: &Labels,
    place: &[Option<usize>],
    rows: &[Row],
) -> Vec<u64> {
    context.reserve(rows.len());
    let mut empty_rows = Vec::new();
    for row in rows {
        if row.is_empty() {
            continue;
        }
        let index = |column: Column| place[column as usize].unwrap_or_default();
        let at = |column: Column| labels.at(row, index(column));
        let cell = |column: Column| row.cell(index(column));
        let optional = |column: Column| {
            place[column as usize].map_or(Cow::Borrowed(""), |i| row.cell(i).text_cow())
        };

        let indicator = context.indicator(&cell(Column::Indicator).text_cow());
        let area = context.area(cell(Column::Area));
        let period = context.period(cell(Column::Period));
        let value = match &indicator {
            Ok(indicator) => Some(read_value(
                cell(Column::Value),
                &optional(Column::Status),
                indicator,
            )),
            Err(_) => check_number(cell(Column::Value)).err().map(Err),
        };
        let remark = read_remark(optional(Column::Remark));
        let mut ok = true;
        for (column, error) in [
            (Column::Indicator, indicator.as_ref().err()),
            (Column::Area, area.as_ref().err()),
            (Column::Period, period.as_ref().err()),
            (Column::Value, value.as_ref().and_then(|v| v.as_ref().err())),
            (Column::Remark, remark.as_ref().err()),
        ] {
            if let Some(message) = error {
                context.problem(&at(column), message.clone());
                ok = false;
            }
        }
        let (Ok(indicator), Ok(area), Ok(period), Some(Ok(value)), Ok(remark)) =
            (indicator, area, period, value, remark)
        else {
            continue;
        };
        if !fits(context, indicator, &period, || at(Column::Period)) || !ok {
            continue;
        }
        let Some((value, provisional)) = value else {
            empty_rows.push(row.number);
            continue;
        };
        let observation = Observation {
            indicator: indicator.id.clone(),
            area,
            period,
            value,
            provisional,
            remark,
        };
        context.push(indicator, observation, at(Column::Value));
    }
    empty_rows
}

/// The remark of a row as it is meant: a `'` that an export put before text starting with `=`, `+`,
/// `-`, `@`, tab, carriage return or `'` (so that no spreadsheet runs it as a formula) is taken off
/// again, so exporting and importing changes nothing. Line ends become `\n`, as the CSV reader
/// makes them, so a remark reads the same from a workbook as from CSV. Any other control character is
/// refused: the remark is shown in the window and written into reports.
fn read_remark(cell: Cow<'_, str>) -> Result<Option<String>, String> {
    if cell.is_empty() {
        return Ok(None);
    }
    // Line ends first, so that a `'` before a carriage return stays, as it does in CSV.
    let cell = if cell.contains('\r') {
        Cow::Owned(cell.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        cell
    };
    let remark = from_spreadsheet(&cell);
    check_text("opmerking", remark).map_err(|e| e.to_string())?;
    Ok(Some(remark.to_string()))
}

fn fits(
    context: &mut Context,
    indicator: &Indicator,
    period: &Period,
    at: impl FnOnce() -> Location,
) -> bool {
    let fits = indicator.frequency.fits(period);
    if !fits {
        context.problem(
            &at(),
            format!(
                "{} past niet bij {}: verwacht {}",
                period.label(),
                indicator.id,
                indicator.frequency.expectation()
            ),
        );
    }
    fits
}

fn read_wide(
    context: &mut Context,
    table: &Table,
    header_index: usize,
    area_column: usize,
    periods: &[(usize, Period)],
) {
    let header = &table.rows[header_index];
    let labels = Labels::new(context, table, header);
    let Some(indicator) = wide_indicator(context, table, header_index) else {
        context.problem(
            &labels.at(header, area_column),
            "welke indicator is dit? Zet boven de tabel een cel 'Indicator' met het id ernaast, \
             of geef het werkblad of bestand de naam van de indicator",
        );
        return;
    };
    for (column, period) in periods {
        fits(context, indicator, period, || labels.at(header, *column));
    }
    let mut empty_cells = Vec::new();
    for row in &table.rows[header_index + 1..] {
        if row.is_empty() {
            continue;
        }
        let area = match context.area(row.cell(area_column)) {
            Ok(area) => area,
            Err(message) => {
                context.problem(&labels.at(row, area_column), message);
                continue;
            }
        };
        for (column, period) in periods {
            let at = labels.at(row, *column);
            match read_value(row.cell(*column), "", indicator) {
                Err(message) => context.problem(&at, message),
                Ok(None) => empty_cells.push(row.number),
                Ok(Some((value, provisional))) => {
                    let observation = Observation {
                        indicator: indicator.id.clone(),
                        area,
                        period: *period,
                        value,
                        provisional,
                        remark: None,
                    };
                    if indicator.frequency.fits(period) {
                        context.push(indicator, observation, at);
                    }
                }
            }
        }
    }
    warn_empty(context, table, &empty_cells);
}

fn wide_indicator<'a>(
    context: &Context<'a>,
    table: &Table,
    header_index: usize,
) -> Option<&'a Indicator> {
    let labelled = table.rows[..header_index].iter().find_map(|row| {
        let label = row
            .cells
            .iter()
            .position(|c| Column::recognise(&c.text()) == Some(Column::Indicator))?;
        let value = row.cells[label + 1..].iter().find(|c| !c.is_empty())?;
        context.indicator(&value.text()).ok()
    });
    labelled
        .or_else(|| {
            table
                .sheet
                .as_deref()
                .and_then(|sheet| context.indicator_by_name(sheet))
        })
        .or_else(|| context.indicator_in_file_name())
}

fn warn_empty(context: &mut Context, table: &Table, rows: &[u64]) {
    if rows.is_empty() {
        return;
    }
    let mut unique: Vec<u64> = rows.to_vec();
    unique.dedup();
    let shown: Vec<String> = unique.iter().take(10).map(u64::to_string).collect();
    let more = if unique.len() > 10 { ", …" } else { "" };
    context.warnings.push(ImportProblem {
        sheet: table.sheet.clone(),
        ..ImportProblem::file(
            context.file,
            format!(
                "{} overgeslagen (rij {}{more}); er is niets geleverd, dus er wordt niets opgeslagen",
                count_of(rows.len() as u64, "lege waarde", "lege waarden"),
                shown.join(", ")
            ),
        )
    });
}
