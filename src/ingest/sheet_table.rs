//! Spreadsheets (XLSX, XLS, ODS) → one [`Table`] per sheet. Numbers stay numbers, dates stay dates and
//! formulas give their cached value.

use std::io::Cursor;

use calamine::{Data, DataType, Reader, Sheets, open_workbook_auto_from_rs};

use super::limits::{check_columns, check_extent};
use super::problem::{Finding, ProblemKind};
use super::table::{Cell, Row, Table};

/// Reads every sheet. calamine's readers for the binary formats (XLS, XLSB) index into records by the
/// lengths the records claim, and fuzzing found one it panics on (a formula shorter than it says,
/// xls.rs:1531 in 0.38); a damaged workbook must be a message, not a crash of the window, so a panic
/// inside calamine becomes one. Allocation is bounded before this (limits, cfb).
pub(super) fn read_sheets(bytes: &[u8]) -> Result<Vec<Table<'static>>, Finding> {
    quiet_calamine_panics();
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_sheets_unguarded(bytes)
    }))
    // calamine's own panic text is English and about its code, not the file: it is not shown.
    .unwrap_or_else(|_| {
        Err(Finding::new(
            ProblemKind::Unreadable,
            "het werkboek is beschadigd: een onderdeel is korter of anders dan het zelf aangeeft; \
             sla het opnieuw op als .xlsx of .ods",
        ))
    })
}

/// A panic in calamine is reported as the file's problem, so its default report on stderr (and, under
/// the fuzzer, its abort) would only get in the way; every other panic goes to the hook as before.
fn quiet_calamine_panics() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let in_calamine = info
                .location()
                .is_some_and(|l| l.file().replace('\\', "/").contains("/calamine-"));
            if !in_calamine {
                previous(info);
            }
        }));
    });
}

fn read_sheets_unguarded(bytes: &[u8]) -> Result<Vec<Table<'static>>, Finding> {
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).map_err(|e| {
        Finding::new(
            ProblemKind::Unreadable,
            format!("het werkboek kan niet gelezen worden ({e}); sla het op als .xlsx of .ods"),
        )
    })?;
    let mut tables = Vec::new();
    for name in workbook.sheet_names() {
        if let Sheets::Xlsx(xlsx) = &mut workbook {
            check_reach(xlsx, &name)?;
        }
        let range = workbook.worksheet_range(&name).map_err(|e| {
            Finding::new(
                ProblemKind::Unreadable,
                format!("werkblad '{name}' kan niet gelezen worden: {e}"),
            )
        })?;
        let (first_row, first_column) = range.start().unwrap_or((0, 0));
        let (_, width) = range.get_size();
        check_columns(width + first_column as usize, u64::from(first_row) + 1)
            .map_err(|e| e.within(&format!("werkblad '{name}'")))?;
        let leading = vec![Cell::Empty; first_column as usize];
        let rows = range
            .rows()
            .enumerate()
            .map(|(i, cells)| Row {
                number: u64::from(first_row) + i as u64 + 1,
                cells: leading
                    .iter()
                    .cloned()
                    .chain(cells.iter().map(cell))
                    .collect(),
            })
            .collect();
        tables.push(Table {
            sheet: Some(name),
            rows,
            lettered: true,
            unparsed: Vec::new(),
        });
    }
    Ok(tables)
}

/// Streams the cells of an XLSX sheet to find how far they reach, before the sheet is read into a
/// dense table: one cell in the far corner would otherwise ask for billions of empty cells.
fn check_reach(xlsx: &mut calamine::Xlsx<Cursor<Vec<u8>>>, name: &str) -> Result<(), Finding> {
    let unreadable = |e: calamine::XlsxError| {
        Finding::new(
            ProblemKind::Unreadable,
            format!("werkblad '{name}' kan niet gelezen worden: {e}"),
        )
    };
    let mut cells = xlsx.worksheet_cells_reader(name).map_err(unreadable)?;
    let (mut rows, mut columns) = (0_u32, 0_u32);
    while let Some(cell) = cells.next_cell().map_err(unreadable)? {
        let (row, column) = cell.get_position();
        rows = rows.max(row + 1);
        columns = columns.max(column + 1);
        check_columns(columns as usize, u64::from(row) + 1)
            .and_then(|()| check_extent(u64::from(rows), u64::from(columns)))
            .map_err(|e| e.within(&format!("werkblad '{name}'")))?;
    }
    Ok(())
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Float(n) => Cell::Number(*n),
        Data::String(text) => Cell::Text(text.as_str().into()),
        Data::Bool(b) => Cell::Text(if *b { "WAAR" } else { "ONWAAR" }.into()),
        Data::DateTime(_) | Data::DateTimeIso(_) => match data.as_date() {
            Some(date) => Cell::Date(date),
            None => Cell::Text(data.to_string().into()),
        },
        Data::DurationIso(text) => Cell::Text(text.as_str().into()),
        Data::Error(error) => Cell::Text(format!("#{error:?}").into()),
    }
}
