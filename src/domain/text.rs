//! Text normalisation shared by the parsers: people type names and codes with any case, accents and
//! separators, and we must still recognise them. And the rule for text people type or import: no
//! control characters, which have no business in a remark or a title and make the BO-pakket (read as
//! XML) ill-formed.

use std::fmt;

/// Lower-cases, folds accents (é → e, ë → e, ĳ → ij) and drops everything that is not a letter or digit,
/// so "Edam-Volendam", "edam volendam" and "ÉDAM VOLENDAM" compare equal.
pub fn fold(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.chars().flat_map(char::to_lowercase) {
        match c {
            'a'..='z' | '0'..='9' => out.push(c),
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => out.push('a'),
            'è' | 'é' | 'ê' | 'ë' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' => out.push('i'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'ç' => out.push('c'),
            'ñ' => out.push('n'),
            'ĳ' => out.push_str("ij"),
            _ => {}
        }
    }
    out
}

/// Edit distance, used to suggest the closest known name for a typo.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = Vec::with_capacity(b.len() + 1);
        current.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

/// A text field holds a control character: U+0000 to U+001F or U+007F, except tab and a line break
/// (line feed, or carriage return + line feed as Windows writes it). Tab and line breaks are what
/// people legitimately type in a text (a line break ends a paragraph); any other control character,
/// a lone carriage return included, has no place in a remark or a title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ControlCharacter {
    /// The field as the user knows it: "titel", "opmerking".
    pub field: String,
    pub character: char,
}

impl fmt::Display for ControlCharacter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "tekst bevat een stuurteken (U+{:04X}) in veld '{}'",
            u32::from(self.character),
            self.field
        )
    }
}

/// The first control character of `text` that is refused (see [`ControlCharacter`]).
pub fn refused_control(text: &str) -> Option<char> {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let allowed = match c {
            '\t' | '\n' => true,
            '\r' => chars.peek() == Some(&'\n'),
            _ => !c.is_ascii_control(),
        };
        if !allowed {
            return Some(c);
        }
    }
    None
}

/// Refuses `text` when it holds a control character, naming `field` and the first such character.
pub fn check_text(field: &str, text: &str) -> Result<(), ControlCharacter> {
    match refused_control(text) {
        Some(character) => Err(ControlCharacter {
            field: field.to_string(),
            character,
        }),
        None => Ok(()),
    }
}

/// Adds to `problems` what is wrong with a text the user must fill in: missing, or holding a
/// control character. The messages name the field ("titel ontbreekt").
pub fn check_required(field: &str, text: &str, problems: &mut Vec<String>) {
    if text.trim().is_empty() {
        problems.push(format!("{field} ontbreekt"));
    } else {
        check_optional(field, text, problems);
    }
}

/// Adds to `problems` a control character in a text that may be empty.
pub fn check_optional(field: &str, text: &str, problems: &mut Vec<String>) {
    if let Err(error) = check_text(field, text) {
        problems.push(error.to_string());
    }
}

/// Characters that change the direction of the text around them or take no room at all: in a link
/// they make the address shown differ from the address opened (U+200B–U+200F, U+202A–U+202E,
/// U+2066–U+2069, U+FEFF, U+061C).
pub fn is_invisible_or_bidi(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{061C}')
}

/// `text` for a message that quotes it: control, direction and zero-width characters as `\u{…}`,
/// so a message can never reorder or hide what follows it on the screen; at most `limit` characters.
pub fn visible(text: &str, limit: usize) -> String {
    let end = text.char_indices().nth(limit).map(|(at, _)| at);
    let mut out = escaped(&text[..end.unwrap_or(text.len())], "").into_owned();
    if end.is_some() {
        out.push('…');
    }
    out
}

/// `text` with its control characters (except those in `kept`) and its direction and zero-width
/// characters written as `\u{…}`: text from a file or the store, on a terminal or in a table, then
/// cannot move the cursor, recolour the screen, reorder what follows or break rows and columns.
pub fn escaped<'a>(text: &'a str, kept: &str) -> std::borrow::Cow<'a, str> {
    let hidden = |c: char| (c.is_control() && !kept.contains(c)) || is_invisible_or_bidi(c);
    if !text.chars().any(hidden) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hidden(c) {
            out.push_str(&format!("\\u{{{:04X}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_refused_with_the_field_named() {
        for ok in [
            "",
            "Gewoon een zin.",
            "twee\nregels",
            "twee\r\nregels",
            "met\ttab",
            "é ë 😀",
        ] {
            assert_eq!(check_text("titel", ok), Ok(()), "{ok:?}");
        }
        for (text, character) in [
            ("bel\u{7}", '\u{7}'),
            ("\u{0}", '\u{0}'),
            ("a\rb", '\r'),
            ("eind\r", '\r'),
            ("\r\r\n", '\r'),
            ("\u{1b}[31m", '\u{1b}'),
            ("\u{1f}", '\u{1f}'),
            ("del\u{7f}", '\u{7f}'),
        ] {
            assert_eq!(
                check_text("titel", text),
                Err(ControlCharacter {
                    field: "titel".into(),
                    character
                }),
                "{text:?}"
            );
        }
        assert_eq!(
            check_text("titel", "a\u{7}b").unwrap_err().to_string(),
            "tekst bevat een stuurteken (U+0007) in veld 'titel'"
        );
    }

    #[test]
    fn quoted_text_shows_what_hides() {
        assert_eq!(visible("a\u{202E}b\u{7}c", 80), "a\\u{202E}b\\u{0007}c");
        assert_eq!(visible("abcdef", 3), "abc…");
        assert_eq!(visible("abc", 3), "abc");
        assert!(is_invisible_or_bidi('\u{FEFF}') && is_invisible_or_bidi('\u{061C}'));
        assert!(!is_invisible_or_bidi('a') && !is_invisible_or_bidi('\u{2070}'));
    }

    #[test]
    fn folding_ignores_case_accents_and_separators() {
        assert_eq!(fold("Edam-Volendam"), "edamvolendam");
        assert_eq!(fold(" ÉDAM  volendam "), "edamvolendam");
        assert_eq!(fold("GM0385 "), "gm0385");
    }

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("zaanstad", "zaanstad"), 0);
        assert_eq!(edit_distance("zaandstad", "zaanstad"), 1);
        assert_eq!(edit_distance("purmerend", "purmerent"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
