//! Header names as people write them, and the columns the store must never receive.

use crate::domain::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Column {
    Indicator,
    Area,
    Period,
    Value,
    Status,
    Remark,
}

impl Column {
    /// Every column, in declaration order (`column as usize` indexes this).
    pub const ALL: [Column; 6] = [
        Column::Indicator,
        Column::Area,
        Column::Period,
        Column::Value,
        Column::Status,
        Column::Remark,
    ];

    pub const REQUIRED: [Column; 4] = [
        Column::Indicator,
        Column::Area,
        Column::Period,
        Column::Value,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Column::Indicator => "indicator",
            Column::Area => "gebied",
            Column::Period => "periode",
            Column::Value => "waarde",
            Column::Status => "status",
            Column::Remark => "opmerking",
        }
    }

    /// Recognises a header cell: "Gemeente", " PERIODE ", "Indicator-id", "Aantal".
    pub fn recognise(header: &str) -> Option<Column> {
        let aliases: [(Column, &[&str]); 6] = [
            (
                Column::Indicator,
                &["indicator", "indicatorid", "indicatorcode", "id"],
            ),
            (
                Column::Area,
                &[
                    "gebied",
                    "gemeente",
                    "regio",
                    "gebiedscode",
                    "gemeentecode",
                    "gebiedsnaam",
                    "gemeentenaam",
                ],
            ),
            (
                Column::Period,
                &[
                    "periode",
                    "period",
                    "kwartaal",
                    "jaar",
                    "maand",
                    "peildatum",
                ],
            ),
            (Column::Value, &["waarde", "aantal", "value", "getal"]),
            (Column::Status, &["status"]),
            (
                Column::Remark,
                &["opmerking", "opmerkingen", "toelichting", "bron"],
            ),
        ];
        let folded = fold(header);
        aliases
            .into_iter()
            .find(|(_, names)| names.contains(&folded.as_str()))
            .map(|(column, _)| column)
    }
}

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

/// Whether a header names personal data, which an aggregate store must never hold.
pub(super) fn is_personal_data(header: &str) -> bool {
    PERSONAL_DATA.contains(&fold(header).as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_headers_in_any_case_and_spelling() {
        assert_eq!(Column::recognise(" Gemeente "), Some(Column::Area));
        assert_eq!(Column::recognise("PERIODE"), Some(Column::Period));
        assert_eq!(Column::recognise("Indicator-ID"), Some(Column::Indicator));
        assert_eq!(Column::recognise("Waarde"), Some(Column::Value));
        assert_eq!(Column::recognise("2024 K3"), None);
    }

    #[test]
    fn personal_data_headers_are_recognised() {
        for header in ["BSN", "Geboortedatum", "e-mail", "Cliëntnaam", "Post code"] {
            assert!(is_personal_data(header), "{header}");
        }
        assert!(!is_personal_data("Gemeente"));
        assert!(!is_personal_data("Waarde"));
    }
}
