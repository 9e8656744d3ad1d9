//! Dutch number formatting (`1.234,5`) and a forgiving parser for what Excel users type.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberParseError {
    pub input: String,
}

impl fmt::Display for NumberParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "'{}' is geen getal; verwacht bijvoorbeeld 1.234,5 of 1234.5",
            self.input.trim()
        )
    }
}

impl std::error::Error for NumberParseError {}

/// Formats with `.` between thousands and `,` before the decimals: `format_number(1234.5, 1)` is
/// `"1.234,5"`. Negative zero prints as `0`.
pub fn format_number(value: f64, decimals: usize) -> String {
    let rounded = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = rounded.split_once('.').unwrap_or((&rounded, ""));
    let mut out = String::with_capacity(rounded.len() + rounded.len() / 3 + 1);
    let is_zero = rounded.bytes().all(|b| b == b'0' || b == b'.');
    if value.is_sign_negative() && !is_zero {
        out.push('-');
    }
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push(',');
        out.push_str(fraction);
    }
    out
}

/// The shortest exact decimal with a Dutch comma and no thousands separators (`298809`, `12,5`): what
/// files carry, so a spreadsheet and our own importer both read it back to the same value.
pub fn plain_number(value: f64) -> String {
    format!("{value}").replace('.', ",")
}

/// "1 waarde", "3 waarden": a count with the Dutch singular or plural.
pub fn count_of(count: u64, singular: &str, plural: &str) -> String {
    let noun = if count == 1 { singular } else { plural };
    format!("{} {noun}", format_number(count as f64, 0))
}

/// Parses Dutch (`1.234,5`, `12,5`) and plain (`1234.5`, `1,234.5`) numbers.
///
/// With both separators, the last one is the decimal mark. With one kind only: a single `,` is the
/// Dutch decimal mark; a single `.` followed by exactly three digits after a non-zero whole part is a
/// Dutch thousands separator (`1.234` is 1234), otherwise a decimal point (`1234.5`, `0.125`);
/// repeated separators must group by three. Spaces between thousands are allowed.
pub fn parse_number(input: &str) -> Result<f64, NumberParseError> {
    let error = || NumberParseError {
        input: input.to_string(),
    };
    let trimmed = input.trim();
    // Most delivered values are plain whole numbers: read them without the general path's copies.
    if (1..=15).contains(&trimmed.len()) && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        return trimmed.parse().map_err(|_| error());
    }
    let text: String = input
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if text.is_empty() || text.len() > 64 {
        return Err(error());
    }
    let (negative, unsigned) = match text.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(&text)),
    };
    if !unsigned
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        || !unsigned.starts_with(|c: char| c.is_ascii_digit())
    {
        return Err(error());
    }
    let decimal_mark = decimal_mark(unsigned).ok_or_else(error)?;
    let (whole, fraction) = match decimal_mark {
        Some(i) => (&unsigned[..i], &unsigned[i + 1..]),
        None => (unsigned, ""),
    };
    if fraction.contains(['.', ',']) || (decimal_mark.is_some() && fraction.is_empty()) {
        return Err(error());
    }
    let digits = ungroup(whole).ok_or_else(error)?;
    let plain = if fraction.is_empty() {
        digits
    } else {
        format!("{digits}.{fraction}")
    };
    let value: f64 = plain.parse().map_err(|_| error())?;
    if !value.is_finite() {
        return Err(error());
    }
    Ok(if negative { -value } else { value })
}

/// Byte index of the decimal mark, `Some(None)` for a whole number, `None` when ambiguous or malformed.
fn decimal_mark(text: &str) -> Option<Option<usize>> {
    let last_dot = text.rfind('.');
    let last_comma = text.rfind(',');
    let dots = text.matches('.').count();
    let commas = text.matches(',').count();
    Some(match (last_dot, last_comma) {
        (None, None) => None,
        (Some(dot), Some(comma)) => Some(dot.max(comma)),
        (None, Some(comma)) if commas == 1 => Some(comma),
        (Some(dot), None) if dots == 1 => {
            let whole = &text[..dot];
            let is_dutch_thousands =
                text.len() - dot - 1 == 3 && whole.len() <= 3 && !whole.starts_with('0');
            if is_dutch_thousands { None } else { Some(dot) }
        }
        // Several of one separator and nothing else: they can only group thousands.
        _ => None,
    })
}

/// Removes thousands separators, checking that they group by three.
fn ungroup(whole: &str) -> Option<String> {
    let groups: Vec<&str> = whole.split(['.', ',']).collect();
    let grouped = groups.len() > 1;
    if grouped {
        let separators: Vec<char> = whole.chars().filter(|c| matches!(c, '.' | ',')).collect();
        let consistent = separators.windows(2).all(|w| w[0] == w[1]);
        let first_ok = (1..=3).contains(&groups[0].len());
        let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
        if !(consistent && first_ok && rest_ok) {
            return None;
        }
    }
    Some(groups.concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_dutch() {
        assert_eq!(format_number(1234.5, 1), "1.234,5");
        assert_eq!(format_number(298_809.0, 0), "298.809");
        assert_eq!(format_number(1_234_567.891, 2), "1.234.567,89");
        assert_eq!(format_number(-1234.0, 0), "-1.234");
        assert_eq!(format_number(-0.04, 1), "0,0");
        assert_eq!(format_number(0.5, 0), "0");
        assert_eq!(format_number(999.96, 1), "1.000,0");
        assert_eq!(format_number(12.0, 0), "12");
    }

    #[test]
    fn parses_dutch_and_plain_numbers() {
        let cases = [
            ("1.234,5", 1234.5),
            ("1234,5", 1234.5),
            ("1234.5", 1234.5),
            ("1,234.5", 1234.5),
            ("1.234", 1234.0),
            ("1.234.567", 1_234_567.0),
            ("1,234,567", 1_234_567.0),
            ("0.125", 0.125),
            ("12,5", 12.5),
            ("-3", -3.0),
            ("−3,5", -3.5),
            ("+7", 7.0),
            (" 45 ", 45.0),
            ("1 234,5", 1234.5),
            ("298809", 298_809.0),
            ("0", 0.0),
            ("1.5", 1.5),
            ("12.34", 12.34),
            ("1234.567", 1234.567),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_number(input), Ok(expected), "{input:?}");
        }
    }

    #[test]
    fn formatted_numbers_parse_back() {
        for value in [
            0.0,
            1.0,
            12.5,
            999.0,
            1234.5,
            298_809.0,
            -45.25,
            1_000_000.0,
        ] {
            assert_eq!(parse_number(&format_number(value, 2)), Ok(value), "{value}");
        }
    }

    #[test]
    fn plain_numbers_read_back_exactly() {
        for value in [0.0, 12.5, 298_809.0, 0.1, -3.25, 1_234_567.125] {
            let text = plain_number(value);
            assert!(!text.contains('.'), "{text}");
            assert_eq!(parse_number(&text), Ok(value));
        }
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for input in [
            "",
            " ",
            "-",
            "+",
            ",",
            ".",
            "1,2,3",
            "12,34,5",
            "1.2.3",
            "1..2",
            "1,,2",
            "1.234,5,6",
            "abc",
            "1e5",
            "NaN",
            "inf",
            "12a",
            "€",
            "<5",
            "x",
            "1.23.456",
            "--1",
            "1-",
            ",5",
            ".5",
            "5,",
            "5.",
            "1,234.567,8",
            "١٢٣",
            "🦀",
            "\u{0}",
            "1.000.00",
        ] {
            assert!(parse_number(input).is_err(), "{input:?} should not parse");
        }
        assert!(parse_number(&"9".repeat(400)).is_err());
    }
}
