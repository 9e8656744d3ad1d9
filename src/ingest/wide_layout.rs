//! The wide layout, as the template has it: gebieden down, perioden across, one indicator per sheet
//! or file, named above the table, by the sheet or by the file.

use super::cell_value::read_value;
use super::column_labels::Labels;
use super::columns::Column;
use super::context::{Context, ReadCell};
use super::problem::{Finding, ProblemKind};
use super::table::Table;
use crate::domain::{Indicator, Period};

/// The rows below the header, each area's value per period.
pub(super) fn read_wide(
    context: &mut Context,
    table: &Table,
    header_index: usize,
    area_column: usize,
    periods: &[(usize, Period)],
) {
    let header = &table.rows[header_index];
    let labels = Labels::new(&context.file_name, table, header);
    let Some(indicator) = wide_indicator(context, table, header_index) else {
        context.problem(
            &labels.at(header, area_column),
            Finding::new(
                ProblemKind::NoIndicator,
                "welke indicator is dit? Zet boven de tabel een cel 'Indicator' met het id ernaast, \
                 of geef het werkblad of bestand de naam van de indicator",
            ),
        );
        return;
    };
    let table_place = context.keep_labels(&labels);
    for (column, period) in periods {
        context.frequency_fits(indicator, period, || labels.at(header, *column));
    }
    let mut empty_cells = Vec::new();
    for row in &table.rows[header_index + 1..] {
        if row.is_empty() {
            continue;
        }
        let area = match context.area(row.cell(area_column)) {
            Ok(area) => area,
            Err(finding) => {
                context.problem(&labels.at(row, area_column), finding);
                continue;
            }
        };
        for (column, period) in periods {
            match read_value(row.cell(*column), "", indicator) {
                Err(finding) => context.problem(&labels.at(row, *column), finding),
                Ok(None) => empty_cells.push(row.number),
                Ok(Some(value)) => {
                    if let Err(finding) = context.exists(&area, period) {
                        context.problem(&labels.at(row, *column), finding);
                        continue;
                    }
                    let read = ReadCell {
                        area,
                        period: *period,
                        value,
                        remark: None,
                    };
                    if indicator.frequency.fits(period) {
                        context.push(indicator, read, (table_place, row.number, *column));
                    }
                }
            }
        }
    }
    context.warn_empty(&table.sheet, &empty_cells);
}

/// The indicator of a wide table: named in a cell `Indicator` above it, else by the sheet's name,
/// else by the file's.
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
