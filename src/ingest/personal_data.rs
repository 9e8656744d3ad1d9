//! Columns of personal data, which an aggregate store must never receive: a table with one is
//! refused whole.

use super::column_labels::Labels;
use super::context::Context;
use super::header::HEADER_SEARCH_ROWS;
use super::problem::{Finding, ProblemKind};
use super::table::Table;
use crate::domain::fold;

const PERSONAL_DATA: &[&str] = &[
    "bsn",
    "burgerservicenummer",
    "naam",
    "voornaam",
    "voornamen",
    "achternaam",
    "roepnaam",
    "voorletters",
    "tussenvoegsel",
    "geslachtsnaam",
    "geboortedatum",
    "geboorteplaats",
    "adres",
    "straat",
    "straatnaam",
    "huisnummer",
    "postcode",
    "telefoon",
    "telefoonnummer",
    "mobiel",
    "email",
    "emailadres",
    "clientnaam",
    "clientnummer",
    "dossiernummer",
];

/// Whether a header names personal data.
fn is_personal_data(header: &str) -> bool {
    PERSONAL_DATA.contains(&fold(header).as_str())
}

/// Refuses every column of personal data in reach of the header search; returns whether there was
/// one. The store holds aggregates only.
pub(super) fn refuse_personal_data(context: &mut Context, table: &Table) -> bool {
    let mut found = false;
    for row in table.rows.iter().take(HEADER_SEARCH_ROWS) {
        for (index, cell) in row.cells.iter().enumerate() {
            let text = cell.text();
            if is_personal_data(&text) {
                let location = Labels::new(&context.file_name, table, row).named(row, index, &text);
                context.problem(
                    &location,
                    Finding::new(
                        ProblemKind::PersonalData,
                        format!(
                            "kolom '{text}' bevat persoonsgegevens; Regio in beeld bewaart alleen totalen. \
                             Verwijder de kolom en lever aantallen per gebied en periode aan"
                        ),
                    ),
                );
                found = true;
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personal_data_headers_are_recognised() {
        for header in ["BSN", "Geboortedatum", "e-mail", "Cliëntnaam", "Post code"] {
            assert!(is_personal_data(header), "{header}");
        }
        assert!(!is_personal_data("Gemeente"));
        assert!(!is_personal_data("Waarde"));
    }
}
