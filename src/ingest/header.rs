//! Finding the header of a table: the row that names the long columns, or the row of periods above a
//! wide table; and, when there is none, whether a row names some long columns but misses others.

use std::collections::HashMap;

use super::column_labels::Labels;
use super::columns::Column;
use super::context::Context;
use super::problem::{Finding, ProblemKind};
use super::table::Table;
use crate::domain::Period;

/// Rows above the header that may hold a title, an explanation or the indicator.
pub(super) const HEADER_SEARCH_ROWS: usize = 30;

pub(super) enum Header {
    Long(HashMap<Column, usize>),
    Wide {
        area_column: usize,
        periods: Vec<(usize, Period)>,
    },
}

/// The header's row index and what it says, or `None` when no row in reach is one.
pub(super) fn find_header(context: &mut Context, table: &Table) -> Option<(usize, Header)> {
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

/// A row that names some of the long columns but not all is a header with a missing column, not a
/// title: say which columns are missing. Returns whether it did.
pub(super) fn report_incomplete_header(context: &mut Context, table: &Table) -> bool {
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
        let location = Labels::new(&context.file_name, table, row).named(row, 0, missing.name());
        context.problem(
            &location,
            Finding::new(
                ProblemKind::MissingColumn,
                format!("kolom '{}' ontbreekt in de kopregel", missing.name()),
            ),
        );
    }
    true
}
