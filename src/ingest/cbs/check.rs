//! A definition checked against the table's metadata before any figure is asked for: every
//! dimension filtered to a category that exists, the measure a topic with the indicator's unit.

use super::error::FetchError;
use super::table::{Category, TableDescription};
use crate::domain::{CbsSource, Unit};

pub(super) fn check_definition(
    description: &TableDescription,
    source: &CbsSource,
    unit: Unit,
) -> Result<(), FetchError> {
    let refuse = |message: String| FetchError::Definition {
        table: description.table.clone(),
        message,
    };
    for dimension in source.filters.keys() {
        if !description.dimensions.iter().any(|d| &d.key == dimension) {
            let known: Vec<String> = description
                .dimensions
                .iter()
                .map(|d| format!("{} ({})", d.key, d.title))
                .collect();
            return Err(refuse(format!(
                "de definitie filtert op dimensie {dimension}, maar die heeft de tabel niet; \
                 dimensies: {}",
                if known.is_empty() {
                    "alleen RegioS en Perioden".to_string()
                } else {
                    known.join(", ")
                }
            )));
        }
    }
    for dimension in &description.dimensions {
        let Some(wanted) = source.filters.get(&dimension.key) else {
            return Err(refuse(format!(
                "dimensie {} ({}) heeft geen filter in de definitie, dan geeft CBS een rij per \
                 categorie; kies er een in [source] filters: {}",
                dimension.key,
                dimension.title,
                choices(&dimension.categories)
            )));
        };
        if !dimension.categories.iter().any(|c| c.key.trim() == wanted) {
            return Err(refuse(format!(
                "categorie '{wanted}' bestaat niet in dimensie {} ({}); kies uit: {}",
                dimension.key,
                dimension.title,
                choices(&dimension.categories)
            )));
        }
    }
    let topics = || {
        description
            .topics
            .iter()
            .map(|t| format!("{} ({}, {})", t.key, t.title, unit_text(&t.unit)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let Some(topic) = description.topics.iter().find(|t| t.key == source.measure) else {
        return Err(refuse(format!(
            "onderwerp '{}' staat niet in DataProperties (CBS nummert onderwerpen soms opnieuw); \
             beschikbaar: {}",
            source.measure,
            topics()
        )));
    };
    if !unit_matches(unit, &topic.unit) {
        return Err(refuse(format!(
            "onderwerp {} ({}) heeft eenheid '{}', maar de indicator telt in {}; kies een \
             onderwerp met die eenheid: {}",
            topic.key,
            topic.title,
            unit_text(&topic.unit),
            unit_name(unit),
            topics()
        )));
    }
    Ok(())
}

fn choices(categories: &[Category]) -> String {
    categories
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

fn unit_text(unit: &str) -> &str {
    if unit.is_empty() {
        "geen eenheid"
    } else {
        unit
    }
}

fn unit_name(unit: Unit) -> &'static str {
    match unit {
        Unit::Aantal => "aantal",
        Unit::Percentage => "%",
        Unit::Euro => "euro",
        Unit::Per1000 => "per 1 000 inwoners",
    }
}

/// CBS writes units freely ("%", "aantal", "x 1 000 euro", "per 1 000 inwoners"); a scaled unit
/// such as "x 1 000" is a different unit, since we store values as CBS sends them.
fn unit_matches(unit: Unit, cbs: &str) -> bool {
    let cbs = cbs
        .replace('\u{a0}', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    match unit {
        Unit::Aantal => cbs == "aantal",
        Unit::Percentage => matches!(cbs.as_str(), "%" | "procent" | "percentage"),
        Unit::Euro => cbs == "euro",
        Unit::Per1000 => cbs.starts_with("per 1 000") || cbs.starts_with("aantal per 1 000"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_match_as_cbs_writes_them_and_a_scale_is_a_different_unit() {
        assert!(unit_matches(Unit::Percentage, "%"));
        assert!(unit_matches(Unit::Aantal, " Aantal "));
        assert!(unit_matches(Unit::Per1000, "per 1\u{a0}000 inwoners"));
        assert!(!unit_matches(Unit::Aantal, "x 1 000"));
        assert!(!unit_matches(Unit::Euro, "x 1 000 euro"));
        assert!(!unit_matches(Unit::Aantal, "%"));
        assert!(!unit_matches(Unit::Aantal, ""));
    }

    #[test]
    fn a_total_is_known_by_its_t_code_or_its_title() {
        let category = |key: &str, title: &str| Category {
            key: key.to_string(),
            title: title.to_string(),
        };
        assert!(category("T001038", "Totaal mannen en vrouwen").is_total());
        assert!(category("A048709", "Totaal").is_total());
        assert!(!category("3000", "Mannen").is_total());
    }
}
