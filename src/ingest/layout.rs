//! Reads each table in the layout its header shows (long or wide), after refusing personal data;
//! then refuses cells delivered twice and says what was found nowhere.

use super::context::Context;
use super::csv_table::read_unparsed;
use super::header::{Header, find_header, report_incomplete_header};
use super::long_layout::read_long;
use super::personal_data::refuse_personal_data;
use super::problem::{Finding, ImportProblem, ProblemKind};
use super::reading::{Layout, TableSummary};
use super::table::Table;
use super::wide_layout::read_wide;

/// The template's instruction sheet (written by `app/template`): read by a person, skipped here.
pub const INSTRUCTION_SHEET: &str = "Toelichting";
/// What its first cell starts with. A sheet of that name without it is read like any other, so a
/// sheet a supplier happened to call "Toelichting" is never passed over.
pub const INSTRUCTION_MARK: &str = "Invulsjabloon Regio in beeld";

fn is_instruction_sheet(table: &Table) -> bool {
    table.sheet.as_deref() == Some(INSTRUCTION_SHEET)
        && table
            .rows
            .first()
            .is_some_and(|row| row.cell(0).text().starts_with(INSTRUCTION_MARK))
}

/// Reads every table into `context`; returns what each turned out to be and the order of the cells.
/// Only the long layout reads a table's rows still as text (see [`Table::unparsed`]) part by part;
/// for everything else they are read into the table first.
pub(super) fn read_tables(
    context: &mut Context,
    tables: &mut [Table],
) -> (Vec<TableSummary>, Vec<u32>) {
    let mut summaries = Vec::new();
    let mut skipped = Vec::new();
    for table in tables.iter_mut() {
        if is_instruction_sheet(table) {
            continue;
        }
        if refuse_personal_data(context, table) {
            read_whole(context, table);
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
                read_whole(context, table);
                read_wide(context, table, index, area_column, &periods);
                Layout::Wide
            }
            None => {
                read_whole(context, table);
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
            Finding::new(
                ProblemKind::NoHeader,
                "geen kopregel gevonden; verwacht de kolommen indicator, gebied, periode en waarde (lang formaat), \
                 of gebieden onder elkaar en perioden naast elkaar (breed formaat, zoals het sjabloon)",
            ),
        ));
    } else {
        for sheet in skipped.into_iter().flatten() {
            context.warnings.push(ImportProblem {
                sheet: Some(sheet),
                ..ImportProblem::file(
                    context.file,
                    Finding::new(
                        ProblemKind::SkippedSheet,
                        "werkblad overgeslagen: geen kopregel met gebieden en perioden",
                    ),
                )
            });
        }
    }
    (summaries, order)
}

/// Reads a table's rows still as text into it; when they cannot be read, the file is unreadable.
fn read_whole(context: &mut Context, table: &mut Table) {
    if let Err(failure) = read_unparsed(table) {
        context.unreadable.get_or_insert(failure);
    }
}
