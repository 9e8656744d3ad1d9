//! How far the sheets of a legacy workbook (.xls) reach, read from its workbook stream before calamine
//! sees it. calamine builds every sheet as a dense table while it opens the file (`Range::from_sparse`
//! and a reservation for the sheet's DIMENSIONS record), so one cell far from the others, or a
//! DIMENSIONS record claiming the whole grid, asks for gigabytes (fuzzing found 6.3 GB) before any
//! sheet can be checked. The records are walked as calamine 0.38's `RecordIter` walks them, from
//! each sheet's position in its BOUNDSHEET record.

use super::limits::check_extent;
use super::problem::Finding;

const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const CONTINUE: u16 = 0x003C;
const BOUNDSHEET: u16 = 0x0085;
const FILEPASS: u16 = 0x002F;
const DIMENSIONS: u16 = 0x0200;
/// Records calamine turns into one cell at the row and column of their first four bytes: NUMBER,
/// LABEL, RSTRING, BOOLERR, RK, LABELSST, FORMULA.
const CELLS: [u16; 7] = [0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD, 0x0006];
const MULRK: u16 = 0x00BD;

/// Checks the extent of every sheet the workbook stream declares against [`check_extent`].
pub fn check_sheets(stream: &[u8]) -> Result<(), Finding> {
    let mut positions = Vec::new();
    for (kind, data) in Records(stream).take_while(|(kind, _)| *kind != EOF) {
        match kind {
            // An encrypted workbook: calamine says so and reads no sheet.
            FILEPASS if data.len() >= 2 && data[..2] != [0, 0] => return Ok(()),
            BOUNDSHEET if data.len() >= 4 => {
                let at = u32::from_le_bytes([data[0], data[1], data[2], data[3]]) as usize;
                if at <= stream.len() {
                    positions.push(at);
                }
            }
            _ => {}
        }
    }
    // Sheets that share a position share their records; each is walked once.
    positions.sort_unstable();
    positions.dedup();
    for at in positions {
        check_sheet(&stream[at..])?;
    }
    Ok(())
}

fn check_sheet(records: &[u8]) -> Result<(), Finding> {
    let u16_at = |data: &[u8], at: usize| u32::from(u16::from_le_bytes([data[at], data[at + 1]]));
    let (mut depth, mut seen_bof) = (0_usize, false);
    let (mut first, mut last) = ((u32::MAX, u32::MAX), (0_u32, 0_u32));
    let mut reach = |row: u32, column: u32| {
        first = (first.0.min(row), first.1.min(column));
        last = (last.0.max(row), last.1.max(column));
        check_extent(
            u64::from(last.0 - first.0) + 1,
            u64::from(last.1 - first.1) + 1,
        )
    };
    for (kind, data) in Records(records) {
        // Embedded charts and the like: calamine skips what lies between their BOF and EOF.
        if depth > 0 {
            match kind {
                BOF => depth += 1,
                EOF => depth -= 1,
                _ => {}
            }
            continue;
        }
        match kind {
            BOF if seen_bof => depth += 1,
            BOF => seen_bof = true,
            EOF => break,
            DIMENSIONS => dimensions(data)?,
            MULRK if data.len() >= 6 => {
                let row = u16_at(data, 0);
                reach(row, u16_at(data, 2))?;
                reach(row, u16_at(data, data.len() - 2))?;
            }
            kind if CELLS.contains(&kind) && data.len() >= 4 => {
                reach(u16_at(data, 0), u16_at(data, 2))?;
            }
            _ => {}
        }
    }
    Ok(())
}

/// What calamine reserves for a DIMENSIONS record (its `parse_dimensions`, with the same wrapping
/// arithmetic), against the same bound.
fn dimensions(data: &[u8]) -> Result<(), Finding> {
    let u16_at = |at: usize| u32::from(u16::from_le_bytes([data[at], data[at + 1]]));
    let u32_at =
        |at: usize| u32::from_le_bytes([data[at], data[at + 1], data[at + 2], data[at + 3]]);
    let (first_row, rows_end, mut first_column, columns_end) = match data.len() {
        10 => (u16_at(0), u16_at(2), u16_at(4), u16_at(6)),
        14 | 16 => (u32_at(0), u32_at(4), u16_at(8), u16_at(10)),
        _ => return Ok(()),
    };
    if 0xFF < first_column || columns_end < first_column {
        first_column = 0;
    }
    if rows_end == 0 || columns_end == 0 {
        return Ok(());
    }
    let rows = (rows_end - 1).wrapping_sub(first_row).wrapping_add(1);
    let columns = (columns_end - 1).wrapping_sub(first_column).wrapping_add(1);
    check_extent(u64::from(rows), u64::from(columns))
}

/// Records as calamine's `RecordIter` reads them: type, length, data; CONTINUE records after one
/// belong to it (and hold no cells). Ends where calamine would stop with an error.
struct Records<'s>(&'s [u8]);

impl<'s> Iterator for Records<'s> {
    type Item = (u16, &'s [u8]);

    fn next(&mut self) -> Option<Self::Item> {
        let word = |s: &[u8], at: usize| u16::from_le_bytes([s[at], s[at + 1]]);
        if self.0.len() < 4 {
            return None;
        }
        let (kind, len) = (word(self.0, 0), usize::from(word(self.0, 2)));
        let data = self.0.get(4..4 + len)?;
        self.0 = &self.0[4 + len..];
        while self.0.len() > 4 && word(self.0, 0) == CONTINUE {
            let len = usize::from(word(self.0, 2));
            if self.0.len() < len + 4 {
                return None;
            }
            self.0 = &self.0[4 + len..];
        }
        Some((kind, data))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: u16, data: &[u8]) -> Vec<u8> {
        let mut bytes = kind.to_le_bytes().to_vec();
        bytes.extend((data.len() as u16).to_le_bytes());
        bytes.extend(data);
        bytes
    }

    /// A workbook stream with one sheet holding the given records.
    fn workbook(sheet: &[Vec<u8>]) -> Vec<u8> {
        // BOF (12 bytes), BOUNDSHEET (10), EOF (4): the sheet starts at 26.
        let mut stream = record(BOF, &[0; 8]);
        stream.extend(record(BOUNDSHEET, &[26, 0, 0, 0, 0, 0]));
        stream.extend(record(EOF, &[]));
        assert_eq!(stream.len(), 26);
        stream.extend(record(BOF, &[0; 8]));
        for r in sheet {
            stream.extend(r);
        }
        stream.extend(record(EOF, &[]));
        stream
    }

    fn number(row: u16, column: u16) -> Vec<u8> {
        let mut data = row.to_le_bytes().to_vec();
        data.extend(column.to_le_bytes());
        data.extend([0; 10]);
        record(0x0203, &data)
    }

    #[test]
    fn a_cell_far_from_the_others_is_refused_before_calamine_builds_the_sheet() {
        assert_eq!(
            check_sheets(&workbook(&[number(0, 0), number(999, 9)])),
            Ok(())
        );
        let far = check_sheets(&workbook(&[number(0, 0), number(65_535, 255)])).unwrap_err();
        assert!(
            far.message
                .starts_with("het werkblad loopt tot rij 65536 en kolom 256"),
            "{far:?}"
        );
    }

    #[test]
    fn a_dimensions_record_claiming_the_whole_grid_is_refused() {
        let mut data = 0_u32.to_le_bytes().to_vec();
        data.extend(4_000_000_000_u32.to_le_bytes());
        data.extend([0, 0, 10, 0, 0, 0]);
        assert_eq!(
            check_sheets(&workbook(&[record(DIMENSIONS, &data)]))
                .unwrap_err()
                .kind,
            crate::ingest::ProblemKind::TooLarge
        );
    }
}
