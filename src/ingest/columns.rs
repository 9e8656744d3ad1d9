//! The columns of the long layout, by the header names people write for them.

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
}
