//! Periods: year, half year, quarter, month or peildatum (a reference date for stock figures).
//!
//! The canonical form (`2024`, `2024-H1`, `2024-K3`, `2024-07`, `2023-02-01`) is what the store keeps;
//! within one kind it sorts chronologically as text.

use std::fmt;

use chrono::{Datelike, NaiveDate};

use super::text::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    Year(i32),
    HalfYear(i32, u8),
    Quarter(i32, u8),
    Month(i32, u8),
    Date(NaiveDate),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodParseError {
    pub input: String,
}

impl fmt::Display for PeriodParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "onbekende periode '{}'; verwacht bijvoorbeeld 2024, 2024-H1, 2024 K3, 2024-07 of 1-2-2023",
            self.input.trim()
        )
    }
}

impl std::error::Error for PeriodParseError {}

const FIRST_YEAR: i32 = 1900;
const LAST_YEAR: i32 = 2200;

pub(super) const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// As Dutch writes months short ("mrt", not "maa").
const SHORT_MONTHS: [&str; 12] = [
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];

impl Period {
    /// Parses every spelling people and CBS use: `2024`, `2024JJ00`, `2024-H1`, `2024HJ01`,
    /// `1e halfjaar 2024`, `2024-K3`, `2024 K3`, `2024-Q3`, `2024KW03`, `2024-07`, `2024MM07`,
    /// `juli 2024`, `2023-02-01`, `1-2-2023`, `01-02-2023`, `1 februari 2023`.
    pub fn parse(input: &str) -> Result<Period, PeriodParseError> {
        let error = || PeriodParseError {
            input: input.to_string(),
        };
        let trimmed = input.trim().trim_end_matches('*').trim();
        if trimmed.is_empty() || trimmed.len() > 40 {
            return Err(error());
        }
        parse_numeric(trimmed)
            .or_else(|| parse_cbs(trimmed))
            .or_else(|| parse_words(trimmed))
            .filter(Period::in_range)
            .ok_or_else(error)
    }

    /// The stored, sortable form.
    pub fn canonical(&self) -> String {
        let mut text = String::with_capacity(10);
        self.write_canonical(&mut text);
        text
    }

    /// Appends the canonical form to `out`, without allocating and without `write!`: the store
    /// writes a million of them, and formatting cost more than SQLite took to store the value.
    pub fn write_canonical(&self, out: &mut String) {
        match *self {
            Period::Year(y) if y >= 0 => push_padded(out, y.unsigned_abs(), 1),
            Period::HalfYear(y, h) if y >= 0 => {
                push_padded(out, y.unsigned_abs(), 1);
                out.push_str("-H");
                push_padded(out, u32::from(h), 1);
            }
            Period::Quarter(y, q) if y >= 0 => {
                push_padded(out, y.unsigned_abs(), 1);
                out.push_str("-K");
                push_padded(out, u32::from(q), 1);
            }
            Period::Month(y, m) if y >= 0 => {
                push_padded(out, y.unsigned_abs(), 1);
                out.push('-');
                push_padded(out, u32::from(m), 2);
            }
            Period::Date(d) if d.year() >= 0 => {
                push_padded(out, d.year().unsigned_abs(), 4);
                out.push('-');
                push_padded(out, d.month(), 2);
                out.push('-');
                push_padded(out, d.day(), 2);
            }
            // Years before the common era never come from a file (see `in_range`).
            _ => {
                use std::fmt::Write;
                let _ = match *self {
                    Period::Year(y) => write!(out, "{y}"),
                    Period::HalfYear(y, h) => write!(out, "{y}-H{h}"),
                    Period::Quarter(y, q) => write!(out, "{y}-K{q}"),
                    Period::Month(y, m) => write!(out, "{y}-{m:02}"),
                    Period::Date(d) => {
                        write!(out, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
                    }
                };
            }
        }
    }

    /// The short Dutch spelling used in files (CSV export, templates): `2024 K3`, `2024 H1`.
    pub fn short_label(&self) -> String {
        match *self {
            Period::HalfYear(y, h) => format!("{y} H{h}"),
            Period::Quarter(y, q) => format!("{y} K{q}"),
            _ => self.canonical(),
        }
    }

    /// How a person reads it on screen: "2024 K3", "1e halfjaar 2024", "juli 2024", "1 februari 2023".
    pub fn label(&self) -> String {
        match *self {
            Period::Year(y) => format!("{y}"),
            Period::HalfYear(y, h) => format!("{h}e halfjaar {y}"),
            Period::Quarter(y, q) => format!("{y} K{q}"),
            Period::Month(y, m) => format!("{} {y}", MONTHS[usize::from(m) - 1]),
            Period::Date(d) => format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year()),
        }
    }

    /// The same, shorter, for a column header: months and days with the month abbreviated ("jul
    /// 2024", "1 feb 2023"); other periods as `label`.
    pub fn header_label(&self) -> String {
        match *self {
            Period::Month(y, m) => format!("{} {y}", SHORT_MONTHS[usize::from(m) - 1]),
            Period::Date(d) => {
                format!(
                    "{} {} {}",
                    d.day(),
                    SHORT_MONTHS[d.month0() as usize],
                    d.year()
                )
            }
            _ => self.label(),
        }
    }

    /// The first day the period covers; orders periods of different kinds.
    pub fn start(&self) -> NaiveDate {
        let first = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1).expect("validated period");
        match *self {
            Period::Year(y) => first(y, 1),
            Period::HalfYear(y, h) => first(y, u32::from(h - 1) * 6 + 1),
            Period::Quarter(y, q) => first(y, u32::from(q - 1) * 3 + 1),
            Period::Month(y, m) => first(y, u32::from(m)),
            Period::Date(d) => d,
        }
    }

    /// The period just before this one, of the same kind; a peildatum has no fixed predecessor.
    /// A number below 2^40 that sorts like the period itself (kind first, then time).
    pub fn ordinal(&self) -> u64 {
        let year = |y: i32| (i64::from(y) - i64::from(i32::MIN)) as u64;
        let (kind, time) = match *self {
            Period::Year(y) => (0, year(y)),
            Period::HalfYear(y, h) => (1, year(y) << 2 | u64::from(h & 3)),
            Period::Quarter(y, q) => (2, year(y) << 3 | u64::from(q & 7)),
            Period::Month(y, m) => (3, year(y) << 4 | u64::from(m & 15)),
            Period::Date(d) => (4, year(d.num_days_from_ce())),
        };
        kind << 37 | time
    }

    pub fn previous(&self) -> Option<Period> {
        Some(match *self {
            Period::Year(y) => Period::Year(y - 1),
            Period::HalfYear(y, 1) => Period::HalfYear(y - 1, 2),
            Period::HalfYear(y, h) => Period::HalfYear(y, h - 1),
            Period::Quarter(y, 1) => Period::Quarter(y - 1, 4),
            Period::Quarter(y, q) => Period::Quarter(y, q - 1),
            Period::Month(y, 1) => Period::Month(y - 1, 12),
            Period::Month(y, m) => Period::Month(y, m - 1),
            Period::Date(_) => return None,
        })
        .filter(Period::in_range)
    }

    /// The period just after this one, of the same kind; a peildatum has no fixed successor.
    pub fn next(&self) -> Option<Period> {
        Some(match *self {
            Period::Year(y) => Period::Year(y + 1),
            Period::HalfYear(y, 2) => Period::HalfYear(y + 1, 1),
            Period::HalfYear(y, h) => Period::HalfYear(y, h + 1),
            Period::Quarter(y, 4) => Period::Quarter(y + 1, 1),
            Period::Quarter(y, q) => Period::Quarter(y, q + 1),
            Period::Month(y, 12) => Period::Month(y + 1, 1),
            Period::Month(y, m) => Period::Month(y, m + 1),
            Period::Date(_) => return None,
        })
        .filter(Period::in_range)
    }

    /// The same period a year earlier: 2024 K3 → 2023 K3, 1-2-2023 → 1-2-2022.
    pub fn year_before(&self) -> Option<Period> {
        Some(match *self {
            Period::Year(y) => Period::Year(y - 1),
            Period::HalfYear(y, h) => Period::HalfYear(y - 1, h),
            Period::Quarter(y, q) => Period::Quarter(y - 1, q),
            Period::Month(y, m) => Period::Month(y - 1, m),
            Period::Date(d) => Period::Date(d.checked_sub_months(chrono::Months::new(12))?),
        })
        .filter(Period::in_range)
    }

    /// How many periods of this kind make a year (the season length); `None` for a peildatum.
    pub fn per_year(&self) -> Option<usize> {
        match self {
            Period::Year(_) => Some(1),
            Period::HalfYear(..) => Some(2),
            Period::Quarter(..) => Some(4),
            Period::Month(..) => Some(12),
            Period::Date(_) => None,
        }
    }

    /// The first day after the period.
    pub fn end(&self) -> NaiveDate {
        let months = |n: u32| self.start().checked_add_months(chrono::Months::new(n));
        match *self {
            Period::Year(_) => months(12),
            Period::HalfYear(..) => months(6),
            Period::Quarter(..) => months(3),
            Period::Month(..) => months(1),
            Period::Date(d) => d.succ_opt(),
        }
        .expect("validated period")
    }

    /// Whether `other` falls within this period (a peildatum inside a quarter, a quarter in a year).
    pub fn contains(&self, other: &Period) -> bool {
        self.start() <= other.start() && other.end() <= self.end()
    }

    /// Where the period starts on a time axis, in years: 2024 K3 is 2024.5. Months count as twelfths
    /// so quarters and half years fall on round positions.
    pub fn position(&self) -> f64 {
        let start = self.start();
        f64::from(start.year()) + f64::from(start.month0()) / 12.0 + f64::from(start.day0()) / 372.0
    }

    pub fn year(&self) -> i32 {
        self.start().year()
    }

    fn in_range(&self) -> bool {
        let valid_part = match *self {
            Period::HalfYear(_, h) => (1..=2).contains(&h),
            Period::Quarter(_, q) => (1..=4).contains(&q),
            Period::Month(_, m) => (1..=12).contains(&m),
            Period::Year(_) | Period::Date(_) => true,
        };
        let year = match *self {
            Period::Year(y)
            | Period::HalfYear(y, _)
            | Period::Quarter(y, _)
            | Period::Month(y, _) => y,
            Period::Date(d) => d.year(),
        };
        valid_part && (FIRST_YEAR..=LAST_YEAR).contains(&year)
    }
}

/// The digits of `n`, with leading zeros up to `width`.
fn push_padded(out: &mut String, n: u32, width: usize) {
    let mut digits = [b'0'; 10];
    let mut start = digits.len();
    let mut rest = n;
    loop {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let start = start.min(digits.len().saturating_sub(width));
    out.extend(digits[start..].iter().map(|&d| char::from(d)));
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

/// Splits "2024-K3", "2024 Q3", "1-2-2023" or "2024/07" into runs of digits and runs of letters;
/// `None` when the input holds anything but those and separators.
fn tokens(input: &str) -> Option<Vec<&str>> {
    let mut parts = Vec::new();
    let mut run: Option<(usize, bool)> = None;
    for (i, c) in input.char_indices() {
        let class = if c.is_ascii_digit() {
            Some(true)
        } else if c.is_alphabetic() {
            Some(false)
        } else if matches!(c, '-' | '/' | '.' | ' ' | '_' | '\t') {
            None
        } else {
            return None;
        };
        match (run, class) {
            (Some((_, digits)), Some(is_digit)) if digits == is_digit => {}
            (Some((start, _)), _) => {
                parts.push(&input[start..i]);
                run = class.map(|is_digit| (i, is_digit));
            }
            (None, _) => run = class.map(|is_digit| (i, is_digit)),
        }
    }
    if let Some((start, _)) = run {
        parts.push(&input[start..]);
    }
    Some(parts)
}

fn is_word(token: &str) -> bool {
    token.chars().all(char::is_alphabetic)
}

fn number<T: std::str::FromStr>(token: &str, max_len: usize) -> Option<T> {
    if token.is_empty() || token.len() > max_len || !token.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    token.parse().ok()
}

fn year(token: &str) -> Option<i32> {
    (token.len() == 4).then(|| number(token, 4)).flatten()
}

fn parse_numeric(input: &str) -> Option<Period> {
    let parts = tokens(input)?;
    match parts.as_slice() {
        [y] => year(y).map(Period::Year),
        [y, letter, n] | [letter, n, y]
            if year(y).is_some() && is_word(letter) && number::<u8>(n, 2).is_some() =>
        {
            let (y, n) = (year(y)?, number::<u8>(n, 2)?);
            match fold(letter).as_str() {
                "k" | "q" | "kw" => Some(Period::Quarter(y, n)),
                "h" | "hj" => Some(Period::HalfYear(y, n)),
                "m" | "mm" => Some(Period::Month(y, n)),
                _ => None,
            }
        }
        [y, m] if year(y).is_some() => Some(Period::Month(year(y)?, number(m, 2)?)),
        [m, y] if year(y).is_some() && !input.contains(' ') => {
            Some(Period::Month(year(y)?, number(m, 2)?))
        }
        [y, m, d] if year(y).is_some() => date(year(y)?, number(m, 2)?, number(d, 2)?),
        [d, m, y] if year(y).is_some() => date(year(y)?, number(m, 2)?, number(d, 2)?),
        _ => None,
    }
}

fn date(year: i32, month: u32, day: u32) -> Option<Period> {
    NaiveDate::from_ymd_opt(year, month, day).map(Period::Date)
}

/// CBS period codes: `2023JJ00`, `2023HJ01`, `2023KW03`, `2023MM05`.
fn parse_cbs(input: &str) -> Option<Period> {
    if input.len() != 8 || !input.is_ascii() {
        return None;
    }
    let y = year(&input[..4])?;
    let n: u8 = number(&input[6..], 2)?;
    match input[4..6].to_ascii_uppercase().as_str() {
        "JJ" if n == 0 => Some(Period::Year(y)),
        "HJ" => Some(Period::HalfYear(y, n)),
        "KW" => Some(Period::Quarter(y, n)),
        "MM" => Some(Period::Month(y, n)),
        _ => None,
    }
}

/// Dutch words: "1e halfjaar 2024", "2e kwartaal 2024", "juli 2024", "1 februari 2023".
fn parse_words(input: &str) -> Option<Period> {
    let words: Vec<String> = input.split_whitespace().map(|w| w.to_lowercase()).collect();
    let month = |w: &str| {
        MONTHS
            .iter()
            .position(|m| *m == w || (w.len() >= 3 && m.starts_with(w)))
    };
    match words
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [ordinal, unit, y] => {
            let y = year(y)?;
            if let Some(m) = month(unit) {
                return date(y, m as u32 + 1, number(ordinal, 2)?);
            }
            let n: u8 = number(ordinal.trim_end_matches("ste").trim_end_matches('e'), 1)?;
            match *unit {
                "halfjaar" => Some(Period::HalfYear(y, n)),
                "kwartaal" => Some(Period::Quarter(y, n)),
                _ => None,
            }
        }
        [m, y] => Some(Period::Month(year(y)?, month(m)? as u8 + 1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
