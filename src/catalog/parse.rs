//! One indicator file → one [`Indicator`], or every problem in it.

use std::collections::BTreeMap;
use std::path::Path;

use toml::Table;

use super::CatalogError;
use super::fields::Fields;
use crate::domain::{Aggregation, CbsSource, Frequency, Indicator, Source, THEMES, Unit};

const DEFAULT_SHIELDING_THRESHOLD: u32 = 5;

/// Parses and validates the text of one indicator file; `file` names it in the errors.
pub fn parse_indicator(file: &str, text: &str) -> Result<Indicator, Vec<CatalogError>> {
    let table = toml_table(file, text)?;
    let mut fields = Fields::new(file, "", &table);
    let id = fields.text("id");
    let name = fields.text("name");
    let description = fields.text("description");
    let domain = fields.coded("domain");
    let theme = fields.text("theme");
    let layer = fields.coded("layer");
    let unit = fields.coded("unit");
    let frequency = fields.coded("frequency");
    let stock_or_flow = fields.coded("kind");
    let polarity = fields.coded("polarity");
    let aggregation = fields.coded("aggregation");
    let per_1000 = fields.boolean("per_1000");
    let shielding_threshold = fields.count_or("shielding_threshold", DEFAULT_SHIELDING_THRESHOLD);
    let supplier = fields.text("supplier");
    let due_days = fields.count_or("due_days", frequency.map_or(0, Frequency::usual_due_days));
    let source_table = fields.table("source", true);

    if let Some(id) = &id {
        check_id(&mut fields, file, id);
    }
    if let Some(theme) = &theme
        && !THEMES.contains(&theme.as_str())
    {
        fields.error(
            "theme",
            format!("onbekend thema '{theme}'; kies uit {}", THEMES.join(", ")),
        );
    }
    if unit == Some(Unit::Percentage) && aggregation == Some(Aggregation::Sum) {
        fields.error(
            "aggregation",
            "percentages kunnen niet opgeteld worden; gebruik gewogen_gemiddelde of geen".into(),
        );
    }
    if unit == Some(Unit::Per1000) && aggregation == Some(Aggregation::Sum) {
        fields.error(
            "aggregation",
            "aantallen per 1.000 inwoners kunnen niet opgeteld worden; gebruik gewogen_gemiddelde of geen"
                .into(),
        );
    }
    if unit == Some(Unit::Per1000) && per_1000 == Some(true) {
        fields.error(
            "per_1000",
            "de eenheid is al per_1000; zet per_1000 op false".into(),
        );
    }
    let source = source_table.and_then(|t| parse_source(file, t, &mut fields.errors));
    let mut errors = fields.finish();
    let indicator = (|| {
        Some(Indicator {
            id: id?,
            name: name?,
            description: description?,
            domain: domain?,
            theme: theme?,
            layer: layer?,
            unit: unit?,
            frequency: frequency?,
            stock_or_flow: stock_or_flow?,
            polarity: polarity?,
            aggregation: aggregation?,
            per_1000: per_1000?,
            shielding_threshold: shielding_threshold?,
            supplier: supplier?,
            due_days: due_days?,
            source: source?,
        })
    })();
    match indicator {
        Some(indicator) if errors.is_empty() => Ok(indicator),
        _ => {
            if errors.is_empty() {
                errors.push(CatalogError::file(file, "onvolledige definitie".into()));
            }
            Err(errors)
        }
    }
}

/// The text as a TOML table, or the one error that says on which line it is not TOML.
pub(super) fn toml_table(file: &str, text: &str) -> Result<Table, Vec<CatalogError>> {
    text.parse().map_err(|e: toml::de::Error| {
        let key = e.span().map(|span| line_of(text, span.start));
        let message = format!("geen geldige TOML: {}", e.message());
        vec![match key {
            Some(line) => CatalogError::file(file, format!("regel {line}: {message}")),
            None => CatalogError::file(file, message),
        }]
    })
}

fn check_id(fields: &mut Fields, file: &str, id: &str) {
    let well_formed = (3..=64).contains(&id.len())
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if !well_formed {
        fields.error(
            "id",
            format!("'{id}' mag alleen kleine letters, cijfers en _ bevatten (3 tot 64 tekens)"),
        );
    }
    let stem = Path::new(file).file_stem().and_then(|s| s.to_str());
    if let Some(stem) = stem
        && stem != id
    {
        fields.error(
            "id",
            format!("'{id}' moet gelijk zijn aan de bestandsnaam ({stem}.toml)"),
        );
    }
}

fn parse_source(file: &str, table: &Table, errors: &mut Vec<CatalogError>) -> Option<Source> {
    let mut fields = Fields::new(file, "source.", table);
    let kind = fields.text("type");
    let source = match kind.as_deref() {
        Some("handmatig") => Some(Source::Manual),
        Some("cbs") => {
            let table_id = fields.text("table");
            let measure = fields.text("measure");
            let filters = parse_filters(&mut fields);
            if let Some(id) = &table_id
                && !is_cbs_table_id(id)
            {
                fields.error(
                    "table",
                    format!("'{id}' is geen CBS-tabelnummer zoals 83648NED"),
                );
            }
            match (table_id, measure, filters) {
                (Some(table), Some(measure), Some(filters)) => Some(Source::Cbs(CbsSource {
                    table,
                    measure,
                    filters,
                })),
                _ => None,
            }
        }
        Some(other) => {
            fields.error(
                "type",
                format!("onbekende bron '{other}'; kies uit handmatig, cbs"),
            );
            None
        }
        None => None,
    };
    errors.extend(fields.finish());
    source
}

fn parse_filters(fields: &mut Fields) -> Option<BTreeMap<String, String>> {
    let Some(table) = fields.table("filters", false) else {
        return Some(BTreeMap::new());
    };
    let mut filters = BTreeMap::new();
    for (dimension, category) in table {
        match category.as_str().map(str::trim).filter(|s| !s.is_empty()) {
            Some(category) => {
                filters.insert(dimension.clone(), category.to_string());
            }
            None => fields.error(
                &format!("filters.{dimension}"),
                "moet een categoriecode (tekst) zijn".into(),
            ),
        }
    }
    Some(filters)
}

/// Five digits and three letters, `83648NED`. Compared byte by byte: a table id with a multi-byte
/// character must be refused, not split inside that character.
pub fn is_cbs_table_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    bytes.len() == 8
        && bytes[..5].iter().all(u8::is_ascii_digit)
        && bytes[5..].iter().all(u8::is_ascii_alphabetic)
}

fn line_of(text: &str, byte: usize) -> usize {
    text.as_bytes()[..byte.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    const VALID: &str = r#"
id = "huiselijk_geweld_incidenten"
name = "Incidenten huiselijk geweld"
description = "Door de politie geregistreerde incidenten huiselijk geweld."
domain = "veiligheid"
theme = "huiselijk-geweld-kindermishandeling"
layer = "strategisch"
unit = "aantal"
frequency = "kwartaal"
kind = "stroom"
polarity = "lager_is_beter"
aggregation = "som"
per_1000 = true
supplier = "Politie"

[source]
type = "handmatig"
"#;

    fn errors_of(text: &str) -> Vec<String> {
        parse_indicator("indicators/huiselijk_geweld_incidenten.toml", text)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    /// Found by the fuzz target `indicator_toml`: a table id with a two-byte character at byte 5 made
    /// the check slice inside that character and panic.
    #[test]
    fn a_table_id_with_a_multibyte_character_is_an_error_not_a_panic() {
        assert!(!is_cbs_table_id("8364\u{233}ED"));
        assert!(!is_cbs_table_id("83648NÉD"));
        assert!(is_cbs_table_id("83648NED"));
        let text = VALID.replace(
            "type = \"handmatig\"",
            "type = \"cbs\"\ntable = \"8364\u{233}ED\"\nmeasure = \"M\"",
        );
        let errors = errors_of(&text);
        assert!(errors.iter().any(|e| e.contains("table")), "{errors:?}");
    }

    #[test]
    fn valid_file_parses_with_default_threshold() {
        let indicator = parse_indicator("huiselijk_geweld_incidenten.toml", VALID).unwrap();
        assert_eq!(indicator.shielding_threshold, 5);
        assert_eq!(indicator.source, Source::Manual);
    }

    #[test]
    fn unknown_key_is_named_with_file() {
        let errors =
            errors_of(&VALID.replace("per_1000 = true", "per_1000 = true\ncolour = \"rood\""));
        assert_eq!(
            errors,
            ["indicators/huiselijk_geweld_incidenten.toml: sleutel 'colour': onbekende sleutel"]
        );
    }

    #[test]
    fn every_problem_is_listed() {
        let broken = VALID
            .replace("polarity = \"lager_is_beter\"", "polarity = \"laag\"")
            .replace("supplier = \"Politie\"\n", "")
            .replace("type = \"handmatig\"", "type = \"ftp\"");
        let errors = errors_of(&broken);
        assert_eq!(errors.len(), 3, "{errors:#?}");
        assert!(
            errors[0]
                .contains("sleutel 'polarity': onbekende waarde 'laag'; kies uit hoger_is_beter")
        );
        assert!(errors[1].contains("sleutel 'supplier': ontbreekt"));
        assert!(errors[2].contains("sleutel 'source.type': onbekende bron 'ftp'"));
    }

    #[test]
    fn cbs_source_needs_table_and_measure() {
        let cbs = VALID.replace(
            "type = \"handmatig\"",
            "type = \"cbs\"\ntable = \"misdrijven\"\nfilters = { SoortMisdrijf = 5 }",
        );
        let errors = errors_of(&cbs);
        assert!(
            errors
                .iter()
                .any(|e| e.contains("'source.measure': ontbreekt")),
            "{errors:#?}"
        );
        assert!(
            errors
                .iter()
                .any(|e| e.contains("'source.table': 'misdrijven' is geen CBS-tabelnummer"))
        );
        assert!(
            errors
                .iter()
                .any(|e| e.contains("'source.filters.SoortMisdrijf': moet een categoriecode"))
        );
    }

    #[test]
    fn id_must_match_file_name() {
        let errors =
            errors_of(&VALID.replace("id = \"huiselijk_geweld_incidenten\"", "id = \"hg\""));
        assert!(
            errors.iter().any(|e| e.contains("'id': 'hg' mag alleen")),
            "{errors:#?}"
        );
        assert!(
            errors
                .iter()
                .any(|e| e.contains("moet gelijk zijn aan de bestandsnaam"))
        );
    }

    #[test]
    fn inconsistent_definitions_are_refused() {
        let summed_percentage = VALID.replace("unit = \"aantal\"", "unit = \"percentage\"");
        assert!(errors_of(&summed_percentage)[0].contains("percentages kunnen niet opgeteld"));
        let summed_rate = VALID
            .replace("unit = \"aantal\"", "unit = \"per_1000\"")
            .replace("per_1000 = true", "per_1000 = false");
        assert_eq!(
            errors_of(&summed_rate),
            [
                "indicators/huiselijk_geweld_incidenten.toml: sleutel 'aggregation': aantallen per 1.000 \
              inwoners kunnen niet opgeteld worden; gebruik gewogen_gemiddelde of geen"
            ]
        );
    }

    #[test]
    fn syntax_error_names_the_line() {
        let errors = errors_of("id = \"x\"\nname = \n");
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].starts_with(
                "indicators/huiselijk_geweld_incidenten.toml: regel 2: geen geldige TOML"
            ),
            "{errors:?}"
        );
    }

    #[test]
    fn control_characters_in_texts_are_refused_with_file_and_key() {
        // TOML writes them as escapes; the parsed text holds the character itself.
        let text = VALID
            .replace(
                "name = \"Incidenten huiselijk geweld\"",
                "name = \"Incidenten\\u0007 huiselijk geweld\"",
            )
            .replace(
                "description = \"Door de politie geregistreerde incidenten huiselijk geweld.\"",
                "description = \"Regel een\\r\\nregel twee\\u001b[2J\"",
            );
        assert_eq!(
            errors_of(&text),
            [
                "indicators/huiselijk_geweld_incidenten.toml: sleutel 'name': tekst bevat een stuurteken (U+0007)",
                "indicators/huiselijk_geweld_incidenten.toml: sleutel 'description': tekst bevat een stuurteken (U+001B)",
            ]
        );
        // A tab and a line break (also as a Windows editor writes it) are text.
        let fine = VALID.replace(
            "description = \"Door de politie geregistreerde incidenten huiselijk geweld.\"",
            "description = \"\"\"\r\nRegel een\r\nregel\\ttwee\"\"\"",
        );
        assert!(parse_indicator("huiselijk_geweld_incidenten.toml", &fine).is_ok());
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for text in [
            "",
            "\u{0}",
            "[[[",
            "id = 5",
            "source = 3",
            "[source]\ntype = []",
            &"a".repeat(100_000),
        ] {
            assert!(parse_indicator("x.toml", text).is_err(), "{text:?}");
        }
    }
}
