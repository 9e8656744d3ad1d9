//! Open data from CBS StatLine (OData v3): the client and the mapping of its answers to observations.
//! A fetch either yields everything it asked for or an error saying what went wrong; it never yields
//! half a table.

mod check;
mod client;
mod error;
mod odata;
mod table;

use crate::domain::{
    Area, AreaKind, CbsSource, Indicator, Observation, Period, Reason, Region, Value,
};

pub use client::{CbsClient, DEFAULT_BASE_URL};
pub use error::FetchError;
pub use table::TableDescription;

use odata::Row;
use table::Category;

/// What one indicator's fetch returned, ready to be written as a batch.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchedTable {
    pub indicator: String,
    pub table: String,
    pub observations: Vec<Observation>,
    /// Rows left out, with why (e.g. a region code we do not know).
    pub warnings: Vec<String>,
    /// SHA-256 of every response body, in order: an unchanged answer has the same fingerprint.
    pub sha256: String,
}

/// For the fuzz target `cbs_json` only: reads one OData page and every field of its rows as the
/// fetch does.
#[cfg(fuzzing)]
pub fn read_page_for_fuzzing(body: &[u8]) -> usize {
    match odata::parse_page("fuzz", body) {
        Ok(page) => page
            .rows
            .iter()
            .map(|row| {
                usize::from(row.text("Key").is_some()) + usize::from(row.number("Waarde").is_some())
            })
            .sum(),
        Err(error) => error.to_string().len(),
    }
}

/// The areas asked from CBS: every gemeente the region had and Nederland as reference.
fn requested_areas(region: &Region) -> impl Iterator<Item = Area> + '_ {
    region.areas().filter(|a| a.kind != AreaKind::Regio)
}

impl CbsClient {
    /// Fetches one CBS indicator: checks the definition against the table's metadata (every
    /// dimension filtered, the measure a topic in the indicator's unit) before asking for data,
    /// resolves the padded region and filter keys from the table's own lists, follows
    /// `odata.nextLink`, and refuses an answer with two rows for one region and period.
    pub fn fetch(
        &self,
        indicator: &Indicator,
        source: &CbsSource,
        region: &Region,
    ) -> Result<FetchedTable, FetchError> {
        let table = source.table.as_str();
        self.start_fingerprint();
        let description = self.table_metadata(table)?;
        check::check_definition(&description, source, indicator.unit)?;
        let mut clauses = vec![region_clause(table, &description.regions, region)?];
        // The check above found a category for every dimension; its key is used as CBS pads it.
        for dimension in &description.dimensions {
            let wanted = source.filters.get(&dimension.key);
            if let Some(category) = dimension
                .categories
                .iter()
                .find(|c| Some(c.key.trim()) == wanted.map(String::as_str))
            {
                clauses.push(format!("({} eq '{}')", dimension.key, category.key));
            }
        }
        let query = [
            ("$format", "json".to_string()),
            ("$filter", clauses.join(" and ")),
            ("$select", format!("RegioS,Perioden,{}", source.measure)),
        ];
        let rows = self.get_all(&self.url(table, "TypedDataSet"), &query)?;
        check_rows(table, &source.measure, &rows)?;
        let provisional: Vec<String> = description
            .periods
            .iter()
            .filter(|p| p.provisional)
            .map(|p| p.key.clone())
            .collect();
        let mut fetched = FetchedTable {
            indicator: indicator.id.clone(),
            table: table.to_string(),
            observations: Vec::new(),
            warnings: Vec::new(),
            sha256: self.fingerprint(),
        };
        for row in &rows {
            read_row(
                indicator,
                &source.measure,
                row,
                &provisional,
                region,
                &mut fetched,
            );
        }
        Ok(fetched)
    }
}

/// Two rows for one region and period mean a dimension the filter did not pin down; keeping either
/// would store a figure nobody asked for. A row without the measure is not an empty cell (that is
/// `null`) but an answer to another question.
fn check_rows(table: &str, measure: &str, rows: &[Row]) -> Result<(), FetchError> {
    let mut seen = std::collections::HashSet::new();
    for row in rows {
        if !row.0.contains_key(measure) {
            return Err(FetchError::Definition {
                table: table.to_string(),
                message: format!("CBS gaf rijen zonder het onderwerp {measure}"),
            });
        }
        let (Some(region), Some(period)) = (row.text("RegioS"), row.text("Perioden")) else {
            continue;
        };
        if !seen.insert((region.trim(), period.trim())) {
            return Err(FetchError::Definition {
                table: table.to_string(),
                message: format!(
                    "CBS gaf meer dan een rij voor {} in {}; een dimensie is niet gefilterd \
                     (zie regio-in-beeld cbs describe {table})",
                    region.trim(),
                    period.trim()
                ),
            });
        }
    }
    Ok(())
}

/// `(RegioS eq 'GM0385' or …)` with the keys exactly as this table pads them.
fn region_clause(table: &str, regions: &[Category], region: &Region) -> Result<String, FetchError> {
    let wanted: Vec<&str> = requested_areas(region).map(|a| a.code).collect();
    let keys: Vec<&str> = regions
        .iter()
        .map(|c| c.key.as_str())
        .filter(|key| wanted.contains(&key.trim()))
        .collect();
    if keys.is_empty() {
        return Err(FetchError::Definition {
            table: table.to_string(),
            message: format!(
                "de tabel heeft geen cijfers voor de gemeenten van {}",
                region.name()
            ),
        });
    }
    let equals: Vec<String> = keys
        .iter()
        .map(|key| format!("RegioS eq '{key}'"))
        .collect();
    Ok(format!("({})", equals.join(" or ")))
}

fn read_row(
    indicator: &Indicator,
    measure: &str,
    row: &Row,
    provisional: &[String],
    region: &Region,
    fetched: &mut FetchedTable,
) {
    let (Some(code), Some(period_code)) = (row.text("RegioS"), row.text("Perioden")) else {
        fetched
            .warnings
            .push("rij zonder RegioS of Perioden overgeslagen".to_string());
        return;
    };
    let Some(area) = region.from_code(code).filter(|a| a.kind != AreaKind::Regio) else {
        fetched.warnings.push(format!(
            "onbekende regiocode '{}' overgeslagen",
            code.trim()
        ));
        return;
    };
    let Ok(period) = Period::parse(period_code) else {
        fetched.warnings.push(format!(
            "onbekende periode '{}' overgeslagen",
            period_code.trim()
        ));
        return;
    };
    if !indicator.frequency.fits(&period) {
        return;
    }
    if !region.holds(&area, &period) {
        fetched.warnings.push(format!(
            "{} {} overgeslagen: de gemeente bestond toen niet",
            area.name,
            period.label()
        ));
        return;
    }
    // CBS's empty cell (JSON null, or "." in the untyped set) means unknown, unreliable or secret.
    let value = match row.number(measure) {
        Some(n) => Value::Number(n),
        None => Value::Unavailable(Reason::ShieldedBySupplier),
    };
    fetched.observations.push(Observation {
        indicator: indicator.id.clone(),
        area,
        period,
        value,
        provisional: value.number().is_some()
            && provisional.iter().any(|p| p == period_code.trim()),
        remark: None,
    });
}
