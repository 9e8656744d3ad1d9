//! The Indicatoren screen's filters and its definition form as plain data. The form is written out as
//! the text of an indicator file and checked by the catalog's own rules, so the window refuses exactly
//! what `check` refuses, each problem at its key.

use std::collections::BTreeMap;

use crate::app::CatalogEntry;
use crate::catalog::CatalogError;
use crate::domain::{
    Aggregation, Coded, Domain, Frequency, Indicator, Layer, Polarity, Source, StockOrFlow, Unit,
};

/// Where an indicator's figures come from, as the list filters on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    Handmatig,
    Cbs,
}

impl SourceKind {
    pub const ALL: [SourceKind; 2] = [SourceKind::Handmatig, SourceKind::Cbs];

    /// The code of `[source] type` in an indicator file.
    pub fn code(self) -> &'static str {
        match self {
            SourceKind::Handmatig => "handmatig",
            SourceKind::Cbs => "cbs",
        }
    }

    pub fn of(source: &Source) -> SourceKind {
        match source {
            Source::Manual => SourceKind::Handmatig,
            Source::Cbs(_) => SourceKind::Cbs,
        }
    }
}

/// Which definitions the list shows; `None` shows all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CatalogFilter {
    pub domain: Option<Domain>,
    pub layer: Option<Layer>,
    pub supplier: Option<String>,
    pub source: Option<SourceKind>,
}

impl CatalogFilter {
    pub fn matches(&self, entry: &CatalogEntry) -> bool {
        let indicator = &entry.indicator;
        self.domain.is_none_or(|d| d == indicator.domain)
            && self.layer.is_none_or(|l| l == indicator.layer)
            && self
                .supplier
                .as_deref()
                .is_none_or(|s| s == indicator.supplier)
            && self
                .source
                .is_none_or(|s| s == SourceKind::of(&indicator.source))
    }
}

/// A definition being written: every key of an indicator file as the user fills it in. Coded values
/// are chosen (`None` until chosen); numbers and CBS filters are typed as text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IndicatorEditor {
    /// The indicator being changed (its id cannot change); `None` for a new one.
    pub editing: Option<String>,
    pub id: String,
    pub name: String,
    pub description: String,
    pub domain: Option<Domain>,
    pub theme: Option<String>,
    pub layer: Option<Layer>,
    pub unit: Option<Unit>,
    pub frequency: Option<Frequency>,
    pub kind: Option<StockOrFlow>,
    pub polarity: Option<Polarity>,
    pub aggregation: Option<Aggregation>,
    pub per_1000: bool,
    /// Empty for the default (5).
    pub shielding_threshold: String,
    pub supplier: String,
    /// Empty for the frequency's usual delivery time.
    pub due_days: String,
    pub source: Option<SourceKind>,
    pub table: String,
    pub measure: String,
    /// `Dimensie=Categorie`, separated by commas.
    pub filters: String,
    /// What the last "Opslaan" refused, by key (`source.table`; empty for the definition as a
    /// whole).
    pub errors: BTreeMap<String, Vec<String>>,
}

impl IndicatorEditor {
    /// The form filled in with `indicator`, to change it.
    pub fn edit(indicator: &Indicator) -> IndicatorEditor {
        let (source, table, measure, filters) = match &indicator.source {
            Source::Manual => (SourceKind::Handmatig, "", "", String::new()),
            Source::Cbs(cbs) => {
                let filters: Vec<String> = cbs
                    .filters
                    .iter()
                    .map(|(dimension, category)| format!("{dimension}={category}"))
                    .collect();
                (
                    SourceKind::Cbs,
                    cbs.table.as_str(),
                    cbs.measure.as_str(),
                    filters.join(", "),
                )
            }
        };
        IndicatorEditor {
            editing: Some(indicator.id.clone()),
            id: indicator.id.clone(),
            name: indicator.name.clone(),
            description: indicator.description.clone(),
            domain: Some(indicator.domain),
            theme: Some(indicator.theme.clone()),
            layer: Some(indicator.layer),
            unit: Some(indicator.unit),
            frequency: Some(indicator.frequency),
            kind: Some(indicator.stock_or_flow),
            polarity: Some(indicator.polarity),
            aggregation: Some(indicator.aggregation),
            per_1000: indicator.per_1000,
            shielding_threshold: indicator.shielding_threshold.to_string(),
            supplier: indicator.supplier.clone(),
            due_days: indicator.due_days.to_string(),
            source: Some(source),
            table: table.to_string(),
            measure: measure.to_string(),
            filters,
            errors: BTreeMap::new(),
        }
    }

    /// The form as the text of an indicator file, and what the form itself can tell is wrong (a
    /// filter that is no `dimensie=categorie`). What was not chosen is left out, so the check says
    /// it is missing; a number that is none is written as text, so the check says what it must be.
    pub fn definition_text(&self) -> (String, Vec<CatalogError>) {
        let mut out = String::new();
        let mut errors = Vec::new();
        let id = self.editing.as_deref().unwrap_or(&self.id).trim();
        text(&mut out, "id", id);
        text(&mut out, "name", &self.name);
        text(&mut out, "description", &self.description);
        coded(&mut out, "domain", self.domain);
        if let Some(theme) = &self.theme {
            text(&mut out, "theme", theme);
        }
        coded(&mut out, "layer", self.layer);
        coded(&mut out, "unit", self.unit);
        coded(&mut out, "frequency", self.frequency);
        coded(&mut out, "kind", self.kind);
        coded(&mut out, "polarity", self.polarity);
        coded(&mut out, "aggregation", self.aggregation);
        out.push_str(&format!("per_1000 = {}\n", self.per_1000));
        number(&mut out, "shielding_threshold", &self.shielding_threshold);
        text(&mut out, "supplier", &self.supplier);
        number(&mut out, "due_days", &self.due_days);
        out.push_str("\n[source]\n");
        if let Some(source) = self.source {
            text(&mut out, "type", source.code());
        }
        if self.source == Some(SourceKind::Cbs) {
            text(&mut out, "table", self.table.trim());
            text(&mut out, "measure", &self.measure);
            let mut pairs = Vec::new();
            for pair in self.filters.split([',', '\n']).map(str::trim) {
                match pair.split_once('=') {
                    _ if pair.is_empty() => {}
                    Some((dimension, category)) if !dimension.trim().is_empty() => {
                        pairs.push(format!(
                            "{} = {}",
                            quoted(dimension.trim()),
                            quoted(category.trim())
                        ));
                    }
                    _ => errors.push(CatalogError::key(
                        &format!("{id}.toml"),
                        "source.filters",
                        format!(
                            "'{pair}' is geen filter; schrijf dimensie=categorie, zoals \
                             SoortMisdrijf=T001161, gescheiden door komma's"
                        ),
                    )),
                }
            }
            if !pairs.is_empty() {
                out.push_str(&format!("filters = {{ {} }}\n", pairs.join(", ")));
            }
        }
        (out, errors)
    }

    /// Shows `errors` at their fields, replacing what an earlier "Opslaan" found. A problem with a
    /// CBS filter shows at the filters field.
    pub fn show_errors(&mut self, errors: &[CatalogError]) {
        self.errors.clear();
        for error in errors {
            let key = match error.key.as_deref() {
                Some(key) if key.starts_with("source.filters") => "source.filters",
                Some(key) => key,
                None => "",
            };
            self.errors
                .entry(key.to_string())
                .or_default()
                .push(error.message.clone());
        }
    }

    /// What the last "Opslaan" refused at `key`.
    pub fn errors_at(&self, key: &str) -> &[String] {
        self.errors.get(key).map_or(&[], Vec::as_slice)
    }
}

fn quoted(value: &str) -> String {
    toml::Value::String(value.to_string()).to_string()
}

fn text(out: &mut String, key: &str, value: &str) {
    out.push_str(&format!("{key} = {}\n", quoted(value)));
}

fn coded<T: Coded>(out: &mut String, key: &str, value: Option<T>) {
    if let Some(value) = value {
        text(out, key, value.code());
    }
}

fn number(out: &mut String, key: &str, value: &str) {
    let value = value.trim();
    match value.parse::<i64>() {
        _ if value.is_empty() => {}
        Ok(n) => out.push_str(&format!("{key} = {n}\n")),
        Err(_) => text(out, key, value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Catalog, parse_definition};

    #[test]
    fn a_shipped_definition_in_the_form_reads_back_as_itself() {
        let catalog = Catalog::builtin().unwrap();
        for indicator in catalog.indicators() {
            let (text, errors) = IndicatorEditor::edit(indicator).definition_text();
            assert!(errors.is_empty(), "{errors:?}");
            assert_eq!(parse_definition(&text).as_ref(), Ok(indicator), "{text}");
        }
    }

    #[test]
    fn an_empty_form_is_refused_at_every_field_it_needs() {
        let (text, errors) = IndicatorEditor::default().definition_text();
        assert!(errors.is_empty());
        let mut editor = IndicatorEditor::default();
        editor.show_errors(&parse_definition(&text).unwrap_err());
        for key in [
            "id",
            "name",
            "domain",
            "theme",
            "unit",
            "supplier",
            "source.type",
        ] {
            assert!(
                !editor.errors_at(key).is_empty(),
                "{key}: {:?}",
                editor.errors
            );
        }
        assert_eq!(editor.errors_at("name"), ["moet een niet-lege tekst zijn"]);
        assert_eq!(editor.errors_at("unit"), ["ontbreekt"]);
    }

    #[test]
    fn typed_numbers_and_filters_are_checked_at_their_fields() {
        let catalog = Catalog::builtin().unwrap();
        let mut editor = IndicatorEditor::edit(catalog.get("geregistreerde_misdrijven").unwrap());
        editor.due_days = "twee weken".into();
        editor.filters = "SoortMisdrijf".into();
        let (text, form_errors) = editor.definition_text();
        let mut errors = parse_definition(&text).unwrap_err();
        errors.extend(form_errors);
        editor.show_errors(&errors);
        assert_eq!(
            editor.errors_at("due_days"),
            ["moet een geheel getal van 0 tot en met 1000 zijn"]
        );
        assert!(
            editor.errors_at("source.filters")[0].starts_with("'SoortMisdrijf' is geen filter"),
            "{:?}",
            editor.errors
        );
    }

    #[test]
    fn the_filter_shows_what_was_asked() {
        let catalog = Catalog::builtin().unwrap();
        let entry = |id: &str| CatalogEntry {
            indicator: catalog.get(id).unwrap().clone(),
            retired: false,
            version: 1,
            has_values: false,
            changed_by: String::new(),
            changed_at: String::new(),
        };
        let cbs = entry("geregistreerde_misdrijven");
        let manual = entry("zvh_aanmeldingen");
        let only_cbs = CatalogFilter {
            source: Some(SourceKind::Cbs),
            ..CatalogFilter::default()
        };
        assert!(only_cbs.matches(&cbs) && !only_cbs.matches(&manual));
        let by_supplier = CatalogFilter {
            supplier: Some(manual.indicator.supplier.clone()),
            ..CatalogFilter::default()
        };
        assert!(by_supplier.matches(&manual) && !by_supplier.matches(&cbs));
        assert!(CatalogFilter::default().matches(&cbs));
    }
}
