//! Bounds on what a delivered file may make the importer hold in memory: a zip bomb (a small XLSX or
//! ODS that unpacks to gigabytes) or a row with a hundred thousand columns is refused with a clear
//! message before it is read.

use super::problem::{Finding, ProblemKind};

/// What the parts of a spreadsheet may unpack to together.
pub const MAX_UNPACKED_BYTES: u64 = 512 << 20;

/// Columns in one row; a wide table has one per period, which is never this many.
pub const MAX_COLUMNS: usize = 1_000;

/// Cells a sheet may span (rows × columns): it is read into a dense table, so its extent, not the
/// number of filled cells, decides the memory it takes.
pub const MAX_CELLS: u64 = 5_000_000;

/// Checks the sizes a zip file (XLSX, ODS) declares for its parts, from its central directory, without
/// unpacking anything. Files that are no zip are left to their reader.
pub fn check_zip(bytes: &[u8]) -> Result<(), Finding> {
    let Some(directory) = central_directory(bytes) else {
        return Ok(());
    };
    let mut unpacked: u64 = 0;
    let mut at = directory;
    while let Some(entry) = bytes.get(at..at + 46) {
        if entry[..4] != [0x50, 0x4b, 0x01, 0x02] {
            break;
        }
        let size = u32::from_le_bytes([entry[24], entry[25], entry[26], entry[27]]);
        if size == u32::MAX {
            return Err(too_large("meer dan 4 GB"));
        }
        unpacked += u64::from(size);
        if unpacked > MAX_UNPACKED_BYTES {
            return Err(too_large(&format!(
                "meer dan {} MB",
                MAX_UNPACKED_BYTES >> 20
            )));
        }
        let name = usize::from(u16::from_le_bytes([entry[28], entry[29]]));
        let extra = usize::from(u16::from_le_bytes([entry[30], entry[31]]));
        let comment = usize::from(u16::from_le_bytes([entry[32], entry[33]]));
        at += 46 + name + extra + comment;
    }
    Ok(())
}

fn too_large(size: &str) -> Finding {
    Finding::new(
        ProblemKind::TooLarge,
        format!(
            "het werkboek pakt uit tot {size}; dat is geen kwartaallevering (de grens is {} MB uitgepakt)",
            MAX_UNPACKED_BYTES >> 20
        ),
    )
}

/// Where the central directory starts, from the end-of-central-directory record.
fn central_directory(bytes: &[u8]) -> Option<usize> {
    if !bytes.starts_with(b"PK\x03\x04") {
        return None;
    }
    let search_from = bytes.len().saturating_sub(22 + usize::from(u16::MAX));
    let end = (search_from..bytes.len().saturating_sub(21))
        .rev()
        .find(|&i| bytes[i..i + 4] == [0x50, 0x4b, 0x05, 0x06])?;
    let offset = &bytes[end + 16..end + 20];
    Some(u32::from_le_bytes([offset[0], offset[1], offset[2], offset[3]]) as usize)
}

/// Rows in a CSV file: five times the largest delivery the import is benchmarked with.
pub const MAX_CSV_ROWS: usize = 5_000_000;

pub fn check_extent(rows: u64, columns: u64) -> Result<(), Finding> {
    if rows * columns > MAX_CELLS {
        return Err(Finding::new(
            ProblemKind::TooLarge,
            format!(
                "het werkblad loopt tot rij {rows} en kolom {columns}, {} cellen; de grens is {MAX_CELLS}",
                rows * columns
            ),
        ));
    }
    Ok(())
}

pub fn check_columns(columns: usize, row: u64) -> Result<(), Finding> {
    if columns > MAX_COLUMNS {
        return Err(Finding::new(
            ProblemKind::TooLarge,
            format!("rij {row} heeft {columns} kolommen; de grens is {MAX_COLUMNS}"),
        ));
    }
    Ok(())
}

/// How far the filled cells of an ODS workbook reach, read from `content.xml` as a stream: repeat
/// counts (`number-rows-repeated`, `number-columns-repeated`) let a small file describe a sheet of a
/// billion cells, which the reader would then build. Files that are no ODS are left to their reader.
pub fn check_ods(bytes: &[u8]) -> Result<(), Finding> {
    use quick_xml::events::{BytesStart, Event};

    let Ok(mut archive) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Ok(());
    };
    let Ok(content) = archive.by_name("content.xml") else {
        return Ok(());
    };
    let repeats = |element: &BytesStart, name: &str| -> u64 {
        element
            .attributes()
            .flatten()
            .find(|a| a.key.as_ref() == name)
            .and_then(|a| a.value.parse().ok())
            .unwrap_or(1)
    };
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(content));
    let mut buffer = Vec::new();
    let (mut row, mut row_repeats, mut column) = (0_u64, 1_u64, 0_u64);
    let (mut reach_rows, mut reach_columns) = (0_u64, 0_u64);
    loop {
        let event = reader.read_event_into(&mut buffer).map_err(|e| {
            Finding::new(
                ProblemKind::Unreadable,
                format!("het werkboek kan niet gelezen worden ({e})"),
            )
        })?;
        match event {
            Event::Start(e) if e.name().as_ref() == "table:table" => row = 0,
            Event::Start(e) if e.name().as_ref() == "table:table-row" => {
                row_repeats = repeats(&e, "table:number-rows-repeated");
                column = 0;
            }
            Event::End(e) if e.name().as_ref() == "table:table-row" => {
                row = row.saturating_add(row_repeats);
            }
            Event::Empty(e) if e.name().as_ref() == "table:table-row" => {
                row = row.saturating_add(repeats(&e, "table:number-rows-repeated"));
            }
            // An empty cell only moves along; a cell with content reaches as far as it repeats.
            Event::Empty(e) if e.name().as_ref().ends_with("table-cell") => {
                column = column.saturating_add(repeats(&e, "table:number-columns-repeated"));
            }
            Event::Start(e) if e.name().as_ref().ends_with("table-cell") => {
                column = column.saturating_add(repeats(&e, "table:number-columns-repeated"));
                reach_columns = reach_columns.max(column);
                reach_rows = reach_rows.max(row.saturating_add(row_repeats));
                check_extent(reach_rows, reach_columns)?;
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
        buffer.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A zip with one stored part of `size` declared bytes.
    fn zip_declaring(size: u32) -> Vec<u8> {
        let mut zip = b"PK\x03\x04".to_vec();
        zip.extend([0; 26]);
        let directory = zip.len() as u32;
        let mut entry = vec![0x50, 0x4b, 0x01, 0x02];
        entry.extend([0; 20]);
        entry.extend(size.to_le_bytes());
        entry.extend([1, 0, 0, 0, 0, 0]);
        entry.extend([0; 12]);
        entry.push(b'x');
        zip.extend(&entry);
        let mut end = vec![0x50, 0x4b, 0x05, 0x06];
        end.extend([0; 12]);
        end.extend(directory.to_le_bytes());
        end.extend([0, 0]);
        zip.extend(end);
        zip
    }

    #[test]
    fn a_zip_that_unpacks_too_far_is_refused_unopened() {
        assert_eq!(check_zip(&zip_declaring(1 << 20)), Ok(()));
        let bomb = check_zip(&zip_declaring(600 << 20)).unwrap_err();
        assert!(
            bomb.message
                .starts_with("het werkboek pakt uit tot meer dan 512 MB"),
            "{bomb:?}"
        );
        let declared = check_zip(&zip_declaring(u32::MAX)).unwrap_err();
        assert_eq!(
            (bomb.kind, declared.kind),
            (ProblemKind::TooLarge, ProblemKind::TooLarge)
        );
        assert_eq!(check_zip(b"indicator;gebied"), Ok(()));
        assert_eq!(check_zip(b"PK\x03\x04 truncated"), Ok(()));
    }

    #[test]
    fn a_sheet_that_spans_too_many_cells_is_refused() {
        assert!(check_extent(1_000, 1_000).is_ok());
        assert_eq!(
            check_extent(1_048_576, 5).unwrap_err().kind,
            ProblemKind::TooLarge
        );
    }

    #[test]
    fn a_row_with_too_many_columns_is_refused() {
        assert!(check_columns(MAX_COLUMNS, 1).is_ok());
        assert_eq!(
            check_columns(100_000, 3).unwrap_err(),
            Finding::new(
                ProblemKind::TooLarge,
                "rij 3 heeft 100000 kolommen; de grens is 1000"
            )
        );
    }
}
