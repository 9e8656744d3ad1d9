//! CSV bytes → a [`Table`]: UTF-8 with or without BOM, or Windows-1252 as Excel writes it; `;`, `,` or
//! tab, detected; CRLF; quoted fields.

use super::limits::{MAX_CSV_ROWS, check_columns};
use super::table::{Cell, Row, Table};

/// Decodes text as people's files come: UTF-8 (BOM optional), else Windows-1252.
pub(super) fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// The separator that splits the first lines most consistently; `;` (Excel NL) on a tie.
fn detect_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(10)
        .collect();
    let score = |delimiter: u8| {
        let counts: Vec<usize> = lines
            .iter()
            .map(|l| l.bytes().filter(|b| *b == delimiter).count())
            .collect();
        let most = counts.iter().copied().max().unwrap_or(0);
        let lines_with_most = counts.iter().filter(|c| **c == most).count();
        (most > 0, lines_with_most, most, delimiter == b';')
    };
    [b';', b',', b'\t']
        .into_iter()
        .max_by_key(|d| score(*d))
        .unwrap_or(b';')
}

/// A field as a cell. Plain whole numbers (most values) are read as numbers right away; everything
/// else stays text for the layouts to interpret with the indicator's unit.
fn cell(field: &str) -> Cell {
    let trimmed = field.trim();
    if trimmed.is_empty() {
        Cell::Empty
    } else if trimmed.len() <= 15 && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        trimmed
            .parse()
            .map_or_else(|_| Cell::Text(field.into()), Cell::Number)
    } else {
        Cell::Text(field.into())
    }
}

pub(super) fn read_csv(bytes: &[u8]) -> Result<Table, String> {
    let text = decode(bytes);
    if text.contains('\0') {
        return Err("het bestand bevat binaire gegevens; is het wel een CSV-bestand?".into());
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(detect_delimiter(&text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(format!("onleesbare regel: {e}")),
        }
        let number = record.position().map(|p| p.line()).unwrap_or(0);
        check_columns(record.len(), number)?;
        if rows.len() == MAX_CSV_ROWS {
            return Err(format!(
                "het bestand heeft meer dan {MAX_CSV_ROWS} regels; lever het in delen aan"
            ));
        }
        let cells = record.iter().map(cell).collect();
        rows.push(Row { number, cells });
    }
    Ok(Table {
        sheet: None,
        rows,
        lettered: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_is_decoded() {
        assert_eq!(decode(b"Cli\xebnten;\x80 5"), "Cliënten;€ 5");
        assert_eq!(decode("\u{feff}één".as_bytes()), "één");
    }

    #[test]
    fn whole_numbers_become_numbers_and_the_rest_stays_text() {
        assert_eq!(cell(" 190 "), Cell::Number(190.0));
        assert_eq!(cell("1.234"), Cell::Text("1.234".into()));
        assert_eq!(cell("<5"), Cell::Text("<5".into()));
        assert_eq!(cell("  "), Cell::Empty);
        assert_eq!(cell(&"9".repeat(30)), Cell::Text("9".repeat(30).into()));
    }

    #[test]
    fn detects_the_separator() {
        assert_eq!(detect_delimiter("a;b;c\n1;2;3"), b';');
        assert_eq!(detect_delimiter("a,b,c\n1,2,3"), b',');
        assert_eq!(detect_delimiter("a\tb\tc\n1\t2\t3"), b'\t');
        // Dutch decimals in a semicolon file must not make it look comma-separated.
        assert_eq!(
            detect_delimiter("indicator;gebied;periode;waarde\nx;y;2024 K3;12,5"),
            b';'
        );
        assert_eq!(
            detect_delimiter("Aanlevering kwartaal 3\nindicator;gebied;periode;waarde\nx;y;z;1,5"),
            b';'
        );
    }
}
