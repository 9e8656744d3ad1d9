//! The long layout: one value per row, in the columns `indicator`, `gebied`, `periode` and `waarde`
//! (plus `status` and `opmerking`), read on several cores when there are many rows.

use std::borrow::Cow;
use std::collections::HashMap;

use super::cell_value::{check_number, read_value};
use super::column_labels::Labels;
use super::columns::Column;
use super::context::{Context, ReadCell};
use super::csv_table::{first_failure, read_part};
use super::parallel;
use super::problem::{Finding, ProblemKind};
use super::table::{Row, Table, TextPart};
use crate::domain::{check_text, from_spreadsheet};

/// Rows worth handing to another core.
const ROWS_PER_PART: usize = 25_000;

/// Rows to read: read already, or a part of the file still as text.
enum Rows<'r, 't> {
    Read(&'r [Row]),
    Text(&'r TextPart<'t>),
}

impl Rows<'_, '_> {
    /// How many rows there are at most: a row of text is a line, as it has no quotes.
    fn most(&self) -> usize {
        match self {
            Rows::Read(rows) => rows.len(),
            Rows::Text(part) => part.text.bytes().filter(|b| *b == b'\n').count() + 1,
        }
    }
}

/// The rows below the header, split over the cores when there are many. A large CSV file's parts
/// still as text are read into cells here, one part at a time on each core: when one cannot be
/// read, the file is unreadable (`context.unreadable`).
pub(super) fn read_long(
    context: &mut Context,
    table: &Table,
    header_index: usize,
    columns: &HashMap<Column, usize>,
) {
    // Looked up once here rather than for every cell of a million rows.
    let place = Column::ALL.map(|column| columns.get(&column).copied());
    let header = &table.rows[header_index];
    let rows = &table.rows[header_index + 1..];
    let work: Vec<Rows> = if table.unparsed.is_empty() {
        let part_size = rows
            .len()
            .div_ceil(parallel::parts_for(rows.len() / ROWS_PER_PART));
        rows.chunks(part_size.max(1)).map(Rows::Read).collect()
    } else {
        let parts = table.unparsed.iter().map(Rows::Text);
        std::iter::once(Rows::Read(rows)).chain(parts).collect()
    };
    let runs = parallel::runs(work);
    let kept = Labels::new(&context.file_name, table, header);
    let table_place = context.keep_labels(&kept);
    // The first run is read into `context` itself, every other one into a fork of it.
    let mut forks: Vec<Context> = runs.iter().skip(1).map(|_| context.fork()).collect();
    let contexts = std::iter::once(&mut *context).chain(&mut forks);
    let read = parallel::map(contexts.zip(runs).collect(), |(context, run)| {
        let labels = Labels::new(&context.file_name, table, header);
        // Room for the whole run at once: grown part by part, the vector would end up to twice
        // as large as it needs to be.
        context.reserve(run.iter().map(Rows::most).sum());
        let (mut empty_rows, mut outcomes) = (Vec::new(), Vec::new());
        for rows in run {
            let parsed;
            let rows = match rows {
                Rows::Read(rows) => rows,
                Rows::Text(part) => match read_part(part) {
                    Ok(read) => {
                        outcomes.push(Ok(read.len()));
                        parsed = read;
                        &parsed
                    }
                    Err(failure) => {
                        // The rest of the run cannot matter: the file stops here, or before.
                        outcomes.push(Err(failure));
                        break;
                    }
                },
            };
            empty_rows.extend(read_long_rows(
                context,
                (&labels, table_place),
                &place,
                rows,
            ));
        }
        (empty_rows, outcomes)
    });
    for fork in forks {
        context.absorb(fork);
    }
    let (empty_rows, outcomes): (Vec<Vec<u64>>, Vec<Vec<_>>) = read.into_iter().unzip();
    let failure = first_failure(table.rows.len(), outcomes.into_iter().flatten());
    context.unreadable = context.unreadable.take().or(failure);
    context.warn_empty(&table.sheet, &empty_rows.concat());
}

/// Reads long-format rows into `context`, of the table whose labels are kept at `table_place`;
/// returns the numbers of rows without a value.
fn read_long_rows(
    context: &mut Context,
    (labels, table_place): (&Labels, u32),
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
            if let Some(finding) = error {
                context.problem(&at(column), finding.clone());
                ok = false;
            }
        }
        let (Ok(indicator), Ok(area), Ok(period), Some(Ok(value)), Ok(remark)) =
            (indicator, area, period, value, remark)
        else {
            continue;
        };
        if !context.frequency_fits(indicator, &period, || at(Column::Period)) || !ok {
            continue;
        }
        if let Err(finding) = context.exists(&area, &period) {
            context.problem(&at(Column::Area), finding);
            continue;
        }
        let Some(value) = value else {
            empty_rows.push(row.number);
            continue;
        };
        let read = ReadCell {
            area,
            period,
            value,
            remark,
        };
        context.push(
            indicator,
            read,
            (table_place, row.number, index(Column::Value)),
        );
    }
    empty_rows
}

/// The remark of a row as it is meant: a `'` that an export put before text starting with `=`, `+`,
/// `-`, `@`, tab, carriage return or `'` (so that no spreadsheet runs it as a formula) is taken off
/// again, so exporting and importing changes nothing. Line ends become `\n`, as the CSV reader
/// makes them, so a remark reads the same from a workbook as from CSV. Any other control character is
/// refused: the remark is shown in the window and written into reports.
fn read_remark(cell: Cow<'_, str>) -> Result<Option<String>, Finding> {
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
    check_text("opmerking", remark)
        .map_err(|e| Finding::new(ProblemKind::InvalidRemark, e.to_string()))?;
    Ok(Some(remark.to_string()))
}
