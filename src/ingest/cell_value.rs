//! One delivered value with its `status`: a number in the indicator's unit, a provisional number, or
//! the reason it is absent. An empty cell is no delivery, never a zero.

use super::problem::{Finding, ProblemKind};
use super::table::Cell;
use crate::domain::{Indicator, Reason, Unit, Value, parse_number, plain_number};

/// What one cell delivers: `None` when it is empty (nothing delivered, nothing written).
pub(super) fn read_value(
    cell: &Cell,
    status: &str,
    indicator: &Indicator,
) -> Result<Option<(Value, bool)>, Finding> {
    let status = if status.is_empty() {
        String::new()
    } else {
        status.trim().to_lowercase()
    };
    let reason = if status.is_empty() {
        None
    } else {
        Reason::from_code(&status)
    };
    let provisional = match status.as_str() {
        "" | "definitief" => false,
        "voorlopig" => true,
        _ if reason.is_some() => false,
        other => {
            return Err(Finding::new(
                ProblemKind::UnknownStatus,
                format!(
                    "onbekende status '{other}'; kies uit definitief, voorlopig, niet geleverd, afgeschermd, n.v.t."
                ),
            ));
        }
    };
    let text = cell.as_str();
    if let Some(reason) = reason {
        let text = cell.text();
        return match absent_marker(&text) {
            Some(_) => Ok(Some((Value::Unavailable(reason), false))),
            None => Err(Finding::new(
                ProblemKind::StatusWithValue,
                format!("status '{status}' hoort bij een lege waarde, maar de waarde is '{text}'"),
            )),
        };
    }
    let number = match cell {
        Cell::Empty => return Ok(None),
        Cell::Date(_) => {
            return Err(not_a_number(format!(
                "'{}' is een datum, geen waarde",
                cell.text()
            )));
        }
        Cell::Number(n) => *n,
        Cell::Text(_) => match absent_marker(text) {
            Some(None) => return Ok(None),
            Some(Some(reason)) => return Ok(Some((Value::Unavailable(reason), false))),
            None => number_in_unit(text, indicator)?,
        },
    };
    check_unit(number, indicator)?;
    Ok(Some((Value::Number(number), provisional)))
}

/// For a row whose indicator is unknown: still say when the value cannot be a number at all.
pub(super) fn check_number(cell: &Cell) -> Result<(), Finding> {
    let Cell::Text(_) = cell else { return Ok(()) };
    let text = cell.text();
    if absent_marker(&text).is_some() {
        return Ok(());
    }
    quoted_number(&text)?;
    let digits = text
        .trim_end_matches('%')
        .trim_start_matches('€')
        .trim_start_matches("EUR");
    parse_number(digits)
        .map(drop)
        .map_err(|e| not_a_number(e.to_string()))
}

fn not_a_number(message: String) -> Finding {
    Finding::new(ProblemKind::NotANumber, message)
}

/// Cells that say a value is absent: empty (nothing delivered), `-` and `.` (not delivered),
/// `x` and `<5` (shielded by the supplier), `n.v.t.` (not applicable). `Some(None)` means empty.
fn absent_marker(text: &str) -> Option<Option<Reason>> {
    match text {
        "" => Some(None),
        "-" | "–" | "." => Some(Some(Reason::NotDelivered)),
        "x" | "X" => Some(Some(Reason::ShieldedBySupplier)),
        _ if Reason::from_code(text) == Some(Reason::NotApplicable) => {
            Some(Some(Reason::NotApplicable))
        }
        _ if text.starts_with('<') && parse_number(&text[1..]).is_ok() => {
            Some(Some(Reason::ShieldedBySupplier))
        }
        _ => None,
    }
}

/// A value with a leading `'` is text in a spreadsheet, and our own export never writes one (only
/// text gets a `'`, numbers are written plain), so it is refused with the reason rather than read
/// as the number after it: a value that was meant as text is not silently taken for a number.
fn quoted_number(text: &str) -> Result<(), Finding> {
    if text.starts_with('\'') {
        return Err(not_a_number(format!(
            "de waarde {text} begint met een apostrof en is daarmee tekst, geen getal; haal de apostrof weg"
        )));
    }
    Ok(())
}

/// Reads `12,5%`, `€ 1.234` and plain numbers, refusing a sign that does not fit the unit.
fn number_in_unit(text: &str, indicator: &Indicator) -> Result<f64, Finding> {
    quoted_number(text)?;
    let (digits, sign_unit) = if let Some(rest) = text.strip_suffix('%') {
        (rest, Some(Unit::Percentage))
    } else if let Some(rest) = text.strip_prefix('€').or_else(|| text.strip_prefix("EUR")) {
        (rest, Some(Unit::Euro))
    } else {
        (text, None)
    };
    if let Some(unit) = sign_unit
        && unit != indicator.unit
    {
        return Err(Finding::new(
            ProblemKind::WrongUnit,
            format!(
                "'{text}' is een {}, maar {} wordt geleverd als {}",
                unit_name(unit),
                indicator.id,
                unit_name(indicator.unit)
            ),
        ));
    }
    if text.starts_with('<') {
        return Err(not_a_number(format!(
            "'{text}' is geen geldige afscherming; verwacht bijvoorbeeld <5"
        )));
    }
    parse_number(digits).map_err(|e| not_a_number(e.to_string()))
}

fn check_unit(number: f64, indicator: &Indicator) -> Result<(), Finding> {
    let shown = || plain_number(number);
    let refused = match indicator.unit {
        Unit::Percentage if !(0.0..=100.0).contains(&number) => format!(
            "{} is geen percentage; verwacht een waarde van 0 tot en met 100",
            shown()
        ),
        Unit::Aantal if number < 0.0 || number.fract() != 0.0 => format!(
            "{} is geen aantal; verwacht een geheel getal van 0 of meer",
            shown()
        ),
        Unit::Per1000 if number < 0.0 => {
            format!("{} kan geen aantal per 1.000 inwoners zijn", shown())
        }
        _ => return Ok(()),
    };
    Err(Finding::new(ProblemKind::ImpossibleValue, refused))
}

fn unit_name(unit: Unit) -> &'static str {
    match unit {
        Unit::Aantal => "aantal",
        Unit::Percentage => "percentage",
        Unit::Euro => "bedrag in euro",
        Unit::Per1000 => "aantal per 1.000 inwoners",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    fn read(cell: Cell, status: &str, indicator: &str) -> Result<Option<(Value, bool)>, Finding> {
        let catalog = Catalog::builtin().unwrap();
        read_value(&cell, status, catalog.get(indicator).unwrap())
    }

    fn text(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    const COUNT: &str = "zvh_aanmeldingen";
    const PERCENT: &str = "zvh_aanmeldingen_binnen_twee_weken";
    const EURO: &str = "gemeentelijke_bijdrage_zvh";

    #[test]
    fn reads_every_spelling_of_a_number() {
        assert_eq!(
            read(text("1.234"), "", COUNT),
            Ok(Some((Value::Number(1234.0), false)))
        );
        assert_eq!(
            read(text("1.234,5"), "", EURO),
            Ok(Some((Value::Number(1234.5), false)))
        );
        assert_eq!(
            read(text("1234.5"), "", EURO),
            Ok(Some((Value::Number(1234.5), false)))
        );
        assert_eq!(
            read(text("12,5%"), "", PERCENT),
            Ok(Some((Value::Number(12.5), false)))
        );
        assert_eq!(
            read(text("€ 1.234"), "", EURO),
            Ok(Some((Value::Number(1234.0), false)))
        );
        assert_eq!(
            read(Cell::Number(12.0), "voorlopig", COUNT),
            Ok(Some((Value::Number(12.0), true)))
        );
    }

    #[test]
    fn absent_values_are_never_numbers() {
        assert_eq!(read(Cell::Empty, "", COUNT), Ok(None));
        assert_eq!(
            read(text("-"), "", COUNT),
            Ok(Some((Value::Unavailable(Reason::NotDelivered), false)))
        );
        assert_eq!(
            read(text("x"), "", COUNT),
            Ok(Some((
                Value::Unavailable(Reason::ShieldedBySupplier),
                false
            )))
        );
        assert_eq!(
            read(text("<5"), "", COUNT),
            Ok(Some((
                Value::Unavailable(Reason::ShieldedBySupplier),
                false
            )))
        );
        assert_eq!(
            read(Cell::Empty, "n.v.t.", COUNT),
            Ok(Some((Value::Unavailable(Reason::NotApplicable), false)))
        );
    }

    #[test]
    fn values_in_the_wrong_unit_are_refused() {
        let kind = |cell, indicator| read(cell, "", indicator).unwrap_err().kind;
        assert_eq!(kind(text("12%"), COUNT), ProblemKind::WrongUnit);
        assert_eq!(kind(text("€ 12"), COUNT), ProblemKind::WrongUnit);
        assert_eq!(kind(text("12,5%"), EURO), ProblemKind::WrongUnit);
        assert_eq!(kind(text("112,5"), PERCENT), ProblemKind::ImpossibleValue);
        assert_eq!(kind(text("12,5"), COUNT), ProblemKind::ImpossibleValue);
        assert_eq!(kind(text("-3"), COUNT), ProblemKind::ImpossibleValue);
    }

    #[test]
    fn explains_what_is_wrong() {
        assert!(
            read(text("12"), "afgeschermd", COUNT)
                .unwrap_err()
                .message
                .contains("hoort bij een lege waarde")
        );
        assert!(
            read(text("12"), "concept", COUNT)
                .unwrap_err()
                .message
                .contains("onbekende status 'concept'")
        );
        assert!(
            read(text("<vijf"), "", COUNT)
                .unwrap_err()
                .message
                .contains("geen geldige afscherming")
        );
        assert!(
            read(text("veel"), "", COUNT)
                .unwrap_err()
                .message
                .contains("'veel' is geen getal")
        );
        for quoted in ["'12", "'-2,5", "'=1"] {
            let refused = read(text(quoted), "", EURO).unwrap_err();
            assert!(
                refused
                    .message
                    .contains(&format!("de waarde {quoted} begint met een apostrof")),
                "{refused:?}"
            );
            assert_eq!(check_number(&text(quoted)), Err(refused));
        }
        assert_eq!(
            read(text("-2,5"), "", EURO),
            Ok(Some((Value::Number(-2.5), false)))
        );
        let date = Cell::Date(chrono::NaiveDate::from_ymd_opt(2024, 7, 1).unwrap());
        assert!(
            read(date, "", COUNT)
                .unwrap_err()
                .message
                .contains("is een datum")
        );
    }
}
