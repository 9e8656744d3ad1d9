//! One delivered value with its `status`: a number, a provisional number or the reason it is absent.

use crate::domain::{Reason, Value, parse_number};

/// Reads the `waarde` and `status` columns together; the error is a Dutch explanation.
pub(super) fn read_value(waarde: &str, status: &str) -> Result<(Value, bool), String> {
    let waarde = waarde.trim();
    let status = status.trim().to_lowercase();
    let reason = Reason::from_code(&status);
    let provisional = match status.as_str() {
        "" | "definitief" => false,
        "voorlopig" => true,
        _ if reason.is_some() => false,
        other => {
            return Err(format!(
                "onbekende status '{other}'; kies uit definitief, voorlopig, niet geleverd, afgeschermd, n.v.t."
            ));
        }
    };
    if let Some(reason) = reason {
        return match waarde {
            "" | "-" | "x" | "." => Ok((Value::Unavailable(reason), false)),
            _ if waarde.starts_with('<') => Ok((Value::Unavailable(reason), false)),
            _ => Err(format!(
                "status '{status}' hoort bij een lege waarde, maar de waarde is '{waarde}'"
            )),
        };
    }
    if waarde.is_empty() {
        return Err(
            "waarde ontbreekt; vul een getal in, of zet de reden in de kolom status (niet geleverd, afgeschermd, n.v.t.)"
                .into(),
        );
    }
    if let Some(limit) = waarde.strip_prefix('<') {
        // Shielded by the supplier: stored as absent, never as 0 or as the limit.
        return parse_number(limit)
            .map(|_| (Value::Unavailable(Reason::ShieldedBySupplier), false))
            .map_err(|_| {
                format!("'{waarde}' is geen geldige afscherming; verwacht bijvoorbeeld <5")
            });
    }
    parse_number(waarde)
        .map(|n| (Value::Number(n), provisional))
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_numbers_shielding_and_reasons() {
        assert_eq!(
            read_value("1.234,5", ""),
            Ok((Value::Number(1234.5), false))
        );
        assert_eq!(
            read_value("12", "voorlopig"),
            Ok((Value::Number(12.0), true))
        );
        assert_eq!(
            read_value("<5", ""),
            Ok((Value::Unavailable(Reason::ShieldedBySupplier), false))
        );
        assert_eq!(
            read_value("", "niet geleverd"),
            Ok((Value::Unavailable(Reason::NotDelivered), false))
        );
        assert_eq!(
            read_value("-", "n.v.t."),
            Ok((Value::Unavailable(Reason::NotApplicable), false))
        );
    }

    #[test]
    fn explains_what_is_wrong() {
        assert!(
            read_value("", "")
                .unwrap_err()
                .starts_with("waarde ontbreekt")
        );
        assert!(
            read_value("12", "afgeschermd")
                .unwrap_err()
                .contains("hoort bij een lege waarde")
        );
        assert!(
            read_value("12", "concept")
                .unwrap_err()
                .contains("onbekende status 'concept'")
        );
        assert!(
            read_value("<vijf", "")
                .unwrap_err()
                .contains("geen geldige afscherming")
        );
        assert!(
            read_value("veel", "")
                .unwrap_err()
                .contains("'veel' is geen getal")
        );
    }
}
