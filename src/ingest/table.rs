//! A grid of cells, whatever the file was: CSV text or a spreadsheet sheet. The layouts (long and
//! wide) read from this, so every source gets the same validation.

use std::borrow::Cow;

use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Cell {
    Empty,
    Text(Text),
    Number(f64),
    Date(NaiveDate),
}

/// Text up to this many bytes is kept in the cell itself.
const INLINE: usize = 22;

/// A cell's text, kept without a heap allocation when it is short, as nearly all are (ids, names,
/// periods, numbers): a million-row file then costs no millions of allocations.
#[derive(Clone)]
pub(super) enum Text {
    Inline { len: u8, bytes: [u8; INLINE] },
    Heap(Box<str>),
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        if text.len() <= INLINE {
            let mut bytes = [0; INLINE];
            bytes[..text.len()].copy_from_slice(text.as_bytes());
            Text::Inline {
                len: text.len() as u8,
                bytes,
            }
        } else {
            Text::Heap(text.into())
        }
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        if text.len() <= INLINE {
            Text::from(text.as_str())
        } else {
            Text::Heap(text.into_boxed_str())
        }
    }
}

impl std::ops::Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            // Always whole characters: the bytes were copied from a `&str`.
            Text::Inline { len, bytes } => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default()
            }
            Text::Heap(text) => text,
        }
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        **self == **other
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self, f)
    }
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            Cell::Number(_) | Cell::Date(_) => false,
        }
    }

    /// The trimmed text of a text cell, without copying; empty for other cells (see [`Cell::text`]).
    pub fn as_str(&self) -> &str {
        match self {
            Cell::Text(text) => text.trim(),
            _ => "",
        }
    }

    /// The text, borrowed where the cell holds text: for lookups done a million times.
    pub fn text_cow(&self) -> Cow<'_, str> {
        match self {
            Cell::Text(_) | Cell::Empty => Cow::Borrowed(self.as_str()),
            _ => Cow::Owned(self.text()),
        }
    }

    /// The cell as a person would read it, for messages and for text parsing.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.trim().to_string(),
            Cell::Number(n) => format!("{n}"),
            Cell::Date(d) => d.format("%d-%m-%Y").to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Row {
    /// As a spreadsheet or text editor numbers it (first line is 1).
    pub number: u64,
    pub cells: Vec<Cell>,
}

impl Row {
    pub fn cell(&self, index: usize) -> &Cell {
        self.cells.get(index).unwrap_or(&Cell::Empty)
    }

    pub fn is_empty(&self) -> bool {
        self.cells.iter().all(Cell::is_empty)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Table<'t> {
    /// The sheet name for spreadsheets; `None` for CSV.
    pub sheet: Option<String>,
    pub rows: Vec<Row>,
    /// Whether columns are named by letter (spreadsheets) in messages.
    pub lettered: bool,
    /// A large CSV file's lines after `rows`, still as text: the long layout reads them part by
    /// part on every core, so that a million rows are never all held as cells at once.
    pub unparsed: Vec<TextPart<'t>>,
}

/// A part of a CSV file's text, cut at a line end, with the number of lines before it and the
/// file's separator.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct TextPart<'t> {
    pub text: &'t str,
    pub lines_before: u64,
    pub delimiter: u8,
}

/// Spreadsheet column name: 0 → A, 25 → Z, 26 → AA.
pub(super) fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rest = (n - 1) % 26;
        letters.push(char::from(b'A' + rest as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::Text;

    #[test]
    fn text_reads_back_as_given_short_or_long() {
        for given in [
            "",
            "Zaanstad",
            "Zaanstreek-Waterland",
            "é".repeat(11).as_str(),
            &"é".repeat(12),
        ] {
            let text = Text::from(given);
            assert_eq!(&*text, given);
            assert_eq!(text, Text::from(given.to_string()));
        }
        assert!(matches!(
            Text::from("a".repeat(22).as_str()),
            Text::Inline { .. }
        ));
        assert!(matches!(Text::from("a".repeat(23).as_str()), Text::Heap(_)));
    }

    #[test]
    fn column_letters_like_a_spreadsheet() {
        assert_eq!(super::column_letter(0), "A");
        assert_eq!(super::column_letter(25), "Z");
        assert_eq!(super::column_letter(26), "AA");
        assert_eq!(super::column_letter(701), "ZZ");
        assert_eq!(super::column_letter(702), "AAA");
    }
}
