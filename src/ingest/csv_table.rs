//! CSV bytes → a [`Table`]: UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode-tekst"), or
//! Windows-1252 as Excel writes it; `;`, `,` or tab, detected; CRLF; quoted fields.

use std::borrow::Cow;

use super::header::HEADER_SEARCH_ROWS;
use super::limits::{MAX_CSV_ROWS, check_columns};
use super::problem::{Finding, ProblemKind};
use super::table::{Cell, Row, Table, TextPart};

/// Decodes text as people's files come: UTF-16 with its byte order mark (Excel's "Unicode-tekst",
/// little-endian, or big-endian), UTF-8 (BOM optional), else Windows-1252. UTF-16 becomes UTF-8 here,
/// so separator detection, row numbers and the parallel reading see the same text as for UTF-8.
pub(super) fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, String> {
    if let Some(units) = bytes.strip_prefix(b"\xFF\xFE") {
        return decode_utf16(units, encoding_rs::UTF_16LE).map(Cow::Owned);
    }
    if let Some(units) = bytes.strip_prefix(b"\xFE\xFF") {
        return decode_utf16(units, encoding_rs::UTF_16BE).map(Cow::Owned);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    Ok(match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => {
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
        }
    })
}

/// UTF-16 without its BOM. A damaged file (cut off mid-character, or half a surrogate pair) is
/// refused with where the damage is, rather than read with a replacement character that would end
/// up in a name or a remark unnoticed.
fn decode_utf16(bytes: &[u8], encoding: &'static encoding_rs::Encoding) -> Result<String, String> {
    if let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(bytes) {
        return Ok(text.into_owned());
    }
    if bytes.len() % 2 == 1 {
        return Err(
            "het bestand is Unicode-tekst (UTF-16), maar houdt op midden in een teken; is het \
             afgebroken? Sla het opnieuw op"
                .into(),
        );
    }
    let big_endian = encoding == encoding_rs::UTF_16BE;
    let units = bytes.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }
    });
    // The line as the reader numbers it: `\r\n`, `\r` and `\n` each end one.
    let (mut line, mut after_cr) = (1_u64, false);
    for decoded in char::decode_utf16(units) {
        match decoded {
            Err(_) => {
                return Err(format!(
                    "regel {line} is geen geldige Unicode-tekst (UTF-16): er staat een half teken \
                     (een losse surrogaat); sla het bestand opnieuw op"
                ));
            }
            Ok('\n') if after_cr => after_cr = false,
            Ok('\n') => line += 1,
            Ok('\r') => {
                line += 1;
                after_cr = true;
            }
            Ok(_) => after_cr = false,
        }
    }
    // encoding_rs and the standard library agree on what is malformed; should they ever not, the
    // file is still refused rather than read wrongly.
    Err("het bestand is geen geldige Unicode-tekst (UTF-16); sla het opnieuw op".into())
}

/// Every line end as `\n`. The CSV reader counts lines by `\n` only: it numbered the rows of an Excel
/// file (`\r\n`) one too low, and put all of a "CSV (Macintosh)" file (`\r`) on line 1.
fn with_newline_line_ends(text: Cow<'_, str>) -> Cow<'_, str> {
    if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        text
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

/// The text of a CSV file, decoded, with every line end as `\n`.
pub(super) fn csv_text(bytes: &[u8]) -> Result<Cow<'_, str>, Finding> {
    let unreadable = |message| Finding::new(ProblemKind::Unreadable, message);
    let text = with_newline_line_ends(decode(bytes).map_err(unreadable)?);
    if text.contains('\0') {
        return Err(unreadable(
            "het bestand bevat binaire gegevens; is het wel een CSV-bestand?".into(),
        ));
    }
    Ok(text)
}

/// The table of a CSV file's text. Of a large file only the first part is read into cells here, as
/// far as a header may stand; the rest stays text for the layout to read (see
/// [`Table::unparsed`]).
pub(super) fn read_csv(text: &str) -> Result<Table<'_>, Finding> {
    let delimiter = detect_delimiter(text);
    let mut parts = split_at_lines(text, text.len() / BYTES_PER_PART, delimiter).into_iter();
    let mut rows = Vec::new();
    while rows.len() < HEADER_SEARCH_ROWS {
        let Some(part) = parts.next() else { break };
        let outcome = read_part(&part).map(|part_rows| {
            rows.extend(part_rows);
            rows.len()
        });
        if let Some(failure) = first_failure(0, [outcome]) {
            return Err(failure);
        }
    }
    Ok(Table {
        sheet: None,
        rows,
        lettered: false,
        unparsed: parts.collect(),
    })
}

/// Reads the parts of a table still as text into its rows, on every core.
pub(super) fn read_unparsed(table: &mut Table) -> Result<(), Finding> {
    let runs = super::parallel::runs(std::mem::take(&mut table.unparsed));
    let read = super::parallel::map(runs, |run| run.iter().map(read_part).collect::<Vec<_>>());
    let outcomes: Vec<Result<Vec<Row>, Finding>> = read.into_iter().flatten().collect();
    let counts = outcomes
        .iter()
        .map(|o| o.as_ref().map(Vec::len).map_err(Clone::clone));
    if let Some(failure) = first_failure(table.rows.len(), counts) {
        return Err(failure);
    }
    table.rows.extend(outcomes.into_iter().flatten().flatten());
    Ok(())
}

/// What stops a file read in parts, as reading it whole would find it: the failure of the first
/// part that has one, or too many rows. `outcomes` are the parts' rows (or failures) in the order
/// of the file, after `rows` rows.
pub(super) fn first_failure(
    mut rows: usize,
    outcomes: impl IntoIterator<Item = Result<usize, Finding>>,
) -> Option<Finding> {
    for outcome in outcomes {
        match outcome {
            Ok(count) => rows += count,
            Err(failure) => return Some(failure),
        }
        if rows > MAX_CSV_ROWS {
            return Some(too_many_rows());
        }
    }
    None
}

/// Text read into cells at once: a million rows are read a part of about 30,000 rows at a time,
/// and a file of several parts is read on every core.
const BYTES_PER_PART: usize = 1 << 20;

/// Cuts the text at line ends into `parts` parts of about equal size (at least one). A quote may
/// hold a line end inside a field, so text with quotes stays whole.
fn split_at_lines(text: &str, parts: usize, delimiter: u8) -> Vec<TextPart<'_>> {
    let whole = || {
        vec![TextPart {
            text,
            lines_before: 0,
            delimiter,
        }]
    };
    if parts < 2 || text.contains('"') {
        return whole();
    }
    let mut split = Vec::with_capacity(parts);
    let (mut start, mut lines_before) = (0, 0);
    for part in 1..parts {
        let aim = (text.len() * part / parts).max(start);
        // Bytes, not characters: `aim` may fall inside one; a line end never does.
        let Some(end) = text.as_bytes()[aim..]
            .iter()
            .position(|b| *b == b'\n')
            .map(|at| aim + at + 1)
        else {
            break;
        };
        let piece = &text[start..end];
        split.push(TextPart {
            text: piece,
            lines_before,
            delimiter,
        });
        lines_before += piece.bytes().filter(|b| *b == b'\n').count() as u64;
        start = end;
    }
    split.push(TextPart {
        text: &text[start..],
        lines_before,
        delimiter,
    });
    split
}

/// The rows of one part of the text.
pub(super) fn read_part(part: &TextPart) -> Result<Vec<Row>, Finding> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(part.delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(part.text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                return Err(Finding::new(
                    ProblemKind::Unreadable,
                    format!("onleesbare regel: {e}"),
                ));
            }
        }
        let number = part.lines_before + record.position().map(|p| p.line()).unwrap_or(0);
        check_columns(record.len(), number)?;
        if rows.len() == MAX_CSV_ROWS {
            return Err(too_many_rows());
        }
        let cells = record.iter().map(cell).collect();
        rows.push(Row { number, cells });
    }
    Ok(rows)
}

fn too_many_rows() -> Finding {
    Finding::new(
        ProblemKind::TooLarge,
        format!("het bestand heeft meer dan {MAX_CSV_ROWS} regels; lever het in delen aan"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_is_decoded() {
        assert_eq!(decode(b"Cli\xebnten;\x80 5").unwrap(), "Cliënten;€ 5");
        assert_eq!(decode("\u{feff}één".as_bytes()).unwrap(), "één");
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut bytes = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in text.encode_utf16() {
            bytes.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        bytes
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded_either_way_round() {
        let text = "indicator\tgebied\r\nwmo_clienten\tCliënten 𝄞 €\r\n";
        assert_eq!(decode(&utf16(text, false)).unwrap(), text);
        assert_eq!(decode(&utf16(text, true)).unwrap(), text);
        assert_eq!(decode(b"\xFF\xFE").unwrap(), "");
    }

    #[test]
    fn damaged_utf16_is_refused_with_the_line_of_the_damage() {
        let mut cut = utf16("a\tb\r\nc", false);
        cut.push(b'd');
        assert!(
            decode(&cut)
                .unwrap_err()
                .contains("houdt op midden in een teken")
        );
        for big_endian in [false, true] {
            let mut bytes = utf16("a\tb\r\nc\rd\ne\t", big_endian);
            let lone_high = if big_endian {
                [0xD8, 0x34]
            } else {
                [0x34, 0xD8]
            };
            bytes.extend(lone_high);
            bytes.extend(&utf16("x\n", big_endian)[2..]);
            assert!(
                decode(&bytes)
                    .unwrap_err()
                    .starts_with("regel 4 is geen geldige Unicode-tekst (UTF-16)"),
                "{big_endian}"
            );
        }
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
    fn parts_end_at_line_ends_even_among_multibyte_characters() {
        let text = "é;ë\n".repeat(1000) + "ü";
        for parts in 1..=7 {
            let split = split_at_lines(&text, parts, b';');
            assert_eq!(split.len(), parts);
            let joined: String = split.iter().map(|p| p.text).collect();
            assert_eq!(joined, text);
            for pair in split.windows(2) {
                assert!(pair[0].text.ends_with('\n'));
                let lines = pair[0].text.matches('\n').count() as u64;
                assert_eq!(pair[1].lines_before, pair[0].lines_before + lines);
            }
        }
        let quoted = "\"a\nb\";1\n".repeat(100);
        assert_eq!(
            split_at_lines(&quoted, 4, b';').len(),
            1,
            "a quote may hold a line end"
        );
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
