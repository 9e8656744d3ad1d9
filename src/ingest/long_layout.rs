//! The long layout: one value per row, in the columns `indicator`, `gebied`, `periode` and `waarde`
//! (plus `status` and `opmerking`), read on several cores when there are many rows.

use std::borrow::Cow;
use std::collections::HashMap;

use super::cell_value::{check_number, read_value};
use super::column_labels::Labels;
use super::columns::Column;
use super::context::Context;
use super::parallel;
use super::problem::{Finding, ProblemKind};
use super::table::{Row, Table};
use crate::domain::{Observation, check_text, from_spreadsheet};

/// Rows worth handing to another core.
const ROWS_PER_PART: usize = 25_000;

/// The rows below the header, split over the cores when there are many.
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
    context.warn_empty(&table.sheet, &empty_rows.concat());
}

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
