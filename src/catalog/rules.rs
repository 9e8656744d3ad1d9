//! Which changes to a definition would make its stored values wrong. Values are stored as delivered,
//! in the definition's unit and for its periods: once there are any, the unit and the frequency are
//! fixed, and a new meaning needs a new indicator.

use super::CatalogError;
use crate::domain::{Coded, Indicator};

/// Every change from `old` to `new` that the values stored under `old` forbid, each naming `file`
/// and its key; empty when the change is fine. Only called for an indicator that has values.
pub fn changes_refused_by_values(
    file: &str,
    old: &Indicator,
    new: &Indicator,
) -> Vec<CatalogError> {
    let file = file.to_string();
    let mut errors = Vec::new();
    let advice = "maak een nieuwe indicator en zet de huidige buiten gebruik";
    if old.unit != new.unit {
        errors.push(CatalogError::key(
            &file,
            "unit",
            format!(
                "de eenheid kan niet van {} naar {}: de opgeslagen waarden zijn in {}, en zouden dan \
                 verkeerd gelezen worden; {advice}",
                old.unit.code(),
                new.unit.code(),
                old.unit.code()
            ),
        ));
    }
    if old.frequency != new.frequency {
        errors.push(CatalogError::key(
            &file,
            "frequency",
            format!(
                "de frequentie kan niet van {} naar {}: de opgeslagen waarden zijn per {} geleverd \
                 en horen bij die perioden; {advice}",
                old.frequency.code(),
                new.frequency.code(),
                old.frequency.code()
            ),
        ));
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::domain::{Frequency, Unit};

    #[test]
    fn unit_and_frequency_are_fixed_the_rest_may_change() {
        let old = Catalog::builtin()
            .unwrap()
            .get("zvh_aanmeldingen")
            .unwrap()
            .clone();
        let renamed = Indicator {
            name: "Nieuwe naam".into(),
            supplier: "Iemand anders".into(),
            ..old.clone()
        };
        assert!(changes_refused_by_values("zvh_aanmeldingen.toml", &old, &renamed).is_empty());
        let changed = Indicator {
            unit: Unit::Percentage,
            frequency: Frequency::Jaar,
            ..old.clone()
        };
        let errors: Vec<String> =
            changes_refused_by_values("zvh_aanmeldingen.toml", &old, &changed)
                .iter()
                .map(ToString::to_string)
                .collect();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0].starts_with(
                "zvh_aanmeldingen.toml: sleutel 'unit': de eenheid kan niet van aantal naar percentage"
            ),
            "{errors:?}"
        );
        assert!(
            errors[1].starts_with(
                "zvh_aanmeldingen.toml: sleutel 'frequency': de frequentie kan niet van kwartaal naar jaar"
            ),
            "{errors:?}"
        );
    }
}
