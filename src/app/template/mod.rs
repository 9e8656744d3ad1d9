//! The template a supplier fills in for a period: CSV in the long layout, XLSX in the wide layout
//! (an instruction sheet, then one sheet per indicator: gebieden down, the period across). For one
//! supplier or for every manual indicator; what is already on record for the period is filled in,
//! so a correction round starts from what was delivered.

mod long_csv;
mod workbook;

use std::collections::HashMap;

use super::{AppError, Workspace};
use crate::domain::{Area, Indicator, Observation, Period, Region, Source, Supplier};
use crate::store::ObservationFilter;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateFormat {
    Csv,
    Xlsx,
}

impl TemplateFormat {
    /// By the extension of the file to write.
    pub fn for_path(path: &std::path::Path) -> Option<TemplateFormat> {
        match path.extension()?.to_str()?.to_lowercase().as_str() {
            "csv" => Some(TemplateFormat::Csv),
            "xlsx" => Some(TemplateFormat::Xlsx),
            _ => None,
        }
    }

    /// The rules for the file it is written to.
    pub fn output(self) -> super::OutputFormat {
        match self {
            TemplateFormat::Csv => super::OutputFormat::CSV,
            TemplateFormat::Xlsx => super::OutputFormat::XLSX,
        }
    }
}

/// Which template: for a period, for one supplier (as the catalog names it) or for all of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateFor {
    pub period: Period,
    pub supplier: Option<String>,
    pub format: TemplateFormat,
}

impl TemplateFor {
    /// The name to save it under: `sjabloon-ggz-2025-K4.xlsx`, `sjabloon-2025-K4.csv`.
    pub fn file_name(&self) -> String {
        let supplier = self
            .supplier
            .as_deref()
            .map(|name| format!("{}-", slug(name)))
            .unwrap_or_default();
        format!(
            "sjabloon-{supplier}{}.{}",
            self.period.canonical(),
            self.format.output().extensions[0]
        )
    }
}

impl TemplateFor {
    /// The command that writes this template: `regio-in-beeld template --supplier "ZVH ZaWa"
    /// --period 2025-K4 --out sjabloon-zvh-zawa-2025-K4.xlsx`.
    pub fn command_line(&self) -> String {
        let supplier = self
            .supplier
            .as_deref()
            .map(|name| format!(" --supplier \"{}\"", name.replace('"', "")))
            .unwrap_or_default();
        format!(
            "regio-in-beeld template{supplier} --period {} --out {}",
            self.period.canonical(),
            self.file_name()
        )
    }
}

/// Each word folded to lower-case letters and digits, joined by `-`: "ZVH ZaWa" → "zvh-zawa".
fn slug(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .map(crate::domain::fold)
        .filter(|word| !word.is_empty())
        .collect();
    if words.is_empty() {
        "leverancier".to_string()
    } else {
        words.join("-")
    }
}

/// A template written: its bytes and how many indicators it asks for.
#[derive(Debug, Clone)]
pub struct Template {
    pub bytes: Vec<u8>,
    pub indicators: usize,
}

/// What a template holds, for its writers.
struct Content<'a> {
    period: Period,
    /// `None` for the template of every supplier.
    supplier: Option<Supplier>,
    indicators: Vec<&'a Indicator>,
    areas: Vec<Area>,
    /// What is on record for the period, per indicator (in the order of `indicators`) by area code.
    delivered: Vec<HashMap<&'static str, Observation>>,
}

/// The rows of a template: every gemeente that exists in `period`, and the region.
fn template_areas(region: &Region, period: &Period) -> Vec<Area> {
    region.gemeenten_in(period).chain([region.area()]).collect()
}

impl Workspace {
    /// The indicators delivered by hand for `period`.
    pub fn manual_indicators_for(&self, period: &Period) -> Vec<&Indicator> {
        self.catalog()
            .indicators()
            .iter()
            .filter(|i| i.source == Source::Manual && i.frequency.fits(period))
            .collect()
    }

    pub fn template(&self, wanted: &TemplateFor) -> Result<Template, AppError> {
        let period = wanted.period;
        let (supplier, indicators) = match &wanted.supplier {
            None => (None, self.manual_indicators_for(&period)),
            Some(name) => {
                let supplier = self.supplier(name)?;
                let indicators = self.manual_indicators_of(&supplier.name, &period);
                (Some(supplier), indicators)
            }
        };
        if indicators.is_empty() {
            let who = match &supplier {
                Some(s) => format!("{} levert", s.name),
                None => "er zijn".to_string(),
            };
            return Err(AppError::Refused(format!(
                "{who} geen handmatige indicatoren voor {}; kies een kwartaal (2024-K3), jaar, halfjaar, maand of peildatum",
                period.label()
            )));
        }
        let mut delivered = Vec::with_capacity(indicators.len());
        for indicator in &indicators {
            let filter = ObservationFilter {
                indicator: Some(indicator.id.clone()),
            };
            let on_record = self.store().observations(&filter)?;
            delivered.push(
                on_record
                    .into_iter()
                    .filter(|o| o.period == period)
                    .map(|o| (o.area.code, o))
                    .collect(),
            );
        }
        let content = Content {
            period,
            supplier,
            areas: template_areas(self.region(), &period),
            delivered,
            indicators,
        };
        let bytes = match wanted.format {
            TemplateFormat::Csv => long_csv::write(&content),
            TemplateFormat::Xlsx => workbook::write(&content).map_err(|e| {
                AppError::Refused(format!("het sjabloon kan niet gemaakt worden: {e}"))
            })?,
        };
        Ok(Template {
            bytes,
            indicators: content.indicators.len(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_name_the_supplier_and_the_period() {
        let wanted = |supplier: Option<&str>, format| TemplateFor {
            period: Period::Quarter(2025, 4),
            supplier: supplier.map(str::to_string),
            format,
        };
        assert_eq!(
            wanted(Some("ZVH ZaWa"), TemplateFormat::Xlsx).file_name(),
            "sjabloon-zvh-zawa-2025-K4.xlsx"
        );
        assert_eq!(
            wanted(
                Some("Politie Noord-Holland / Team Zaanstad"),
                TemplateFormat::Csv
            )
            .file_name(),
            "sjabloon-politie-noord-holland-team-zaanstad-2025-K4.csv"
        );
        assert_eq!(
            wanted(None, TemplateFormat::Xlsx).file_name(),
            "sjabloon-2025-K4.xlsx"
        );
        assert_eq!(slug("***"), "leverancier");
        assert_eq!(
            wanted(Some("ZVH ZaWa"), TemplateFormat::Xlsx).command_line(),
            "regio-in-beeld template --supplier \"ZVH ZaWa\" --period 2025-K4 --out sjabloon-zvh-zawa-2025-K4.xlsx"
        );
    }
}
