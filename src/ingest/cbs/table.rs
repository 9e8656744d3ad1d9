//! What a CBS table publishes, read from its own metadata: dimensions with their categories, topics
//! with their units, period kinds. The fetch checks a definition against it; `cbs describe` prints it.

use std::fmt;

use super::client::CbsClient;
use super::error::FetchError;
use super::odata::Row;
use crate::domain::Region;

/// The dimensions every table of ours has and that the fetch fills itself.
pub(super) const REGION_DIMENSION: &str = "RegioS";
pub(super) const PERIOD_DIMENSION: &str = "Perioden";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    /// Exactly as CBS writes it, padding included.
    pub key: String,
    pub title: String,
}

impl Category {
    /// CBS codes a dimension's total `T` with six digits (`T001038`), and titles it "Totaal …".
    pub fn is_total(&self) -> bool {
        let key = self.key.trim();
        let coded =
            key.len() == 7 && key.starts_with('T') && key[1..].bytes().all(|b| b.is_ascii_digit());
        coded || self.title.to_lowercase().starts_with("totaal")
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.key.trim(), self.title)?;
        if self.is_total() {
            write!(f, " (totaal)")?;
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dimension {
    pub key: String,
    pub title: String,
    pub categories: Vec<Category>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    pub key: String,
    pub title: String,
    /// As CBS writes it: `aantal`, `%`, `euro`, `per 1 000 inwoners`; empty when not given.
    pub unit: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TablePeriod {
    pub key: String,
    pub provisional: bool,
}

/// One CBS table as its metadata describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableDescription {
    pub table: String,
    /// From `TableInfos`; only `describe` asks for it.
    pub title: Option<String>,
    /// Every dimension except `RegioS` and `Perioden`, in the table's order.
    pub dimensions: Vec<Dimension>,
    pub regions: Vec<Category>,
    pub periods: Vec<TablePeriod>,
    pub topics: Vec<Topic>,
    /// The region the table was described for, and its areas the table has (`describe` only).
    pub region: Option<(String, Vec<String>)>,
}

impl TableDescription {
    /// The kinds of period the table holds, in Dutch, in the order they first appear.
    pub fn period_kinds(&self) -> Vec<&'static str> {
        let mut kinds = Vec::new();
        for period in &self.periods {
            let kind = match period.key.get(4..6) {
                Some("JJ") => "jaar",
                Some("HJ") => "halfjaar",
                Some("KW") => "kwartaal",
                Some("MM") => "maand",
                _ => "anders",
            };
            if !kinds.contains(&kind) {
                kinds.push(kind);
            }
        }
        kinds
    }
}

impl CbsClient {
    /// Reads the table's `DataProperties` and the category list of each of its dimensions.
    pub(super) fn table_metadata(&self, table: &str) -> Result<TableDescription, FetchError> {
        let properties = self.get_all(&self.url(table, "DataProperties"), &[])?;
        let mut description = TableDescription {
            table: table.to_string(),
            title: None,
            dimensions: Vec::new(),
            regions: Vec::new(),
            periods: Vec::new(),
            topics: Vec::new(),
            region: None,
        };
        for property in &properties {
            let (Some(kind), Some(key)) = (property.text("Type"), property.text("Key")) else {
                continue;
            };
            let title = property.text("Title").unwrap_or(key).to_string();
            if kind == "Topic" {
                description.topics.push(Topic {
                    key: key.to_string(),
                    title,
                    unit: property.text("Unit").unwrap_or("").trim().to_string(),
                });
            } else if kind.ends_with("Dimension") || kind == "GeoDetail" {
                let rows = self.get_all(&self.url(table, key), &[])?;
                match key {
                    REGION_DIMENSION => description.regions = categories(&rows),
                    PERIOD_DIMENSION => description.periods = periods(&rows),
                    _ => description.dimensions.push(Dimension {
                        key: key.to_string(),
                        title,
                        categories: categories(&rows),
                    }),
                }
            }
        }
        Ok(description)
    }

    /// Everything a CBS table publishes except its figures: title, dimensions, topics, periods.
    pub fn describe(&self, table: &str, region: &Region) -> Result<TableDescription, FetchError> {
        let infos = self.get_all(&self.url(table, "TableInfos"), &[])?;
        let mut description = self.table_metadata(table)?;
        description.title = infos
            .first()
            .and_then(|row| row.text("Title"))
            .map(str::to_string);
        let ours = description
            .regions
            .iter()
            .filter(|r| super::requested_areas(region).any(|a| a.code == r.key.trim()))
            .map(|r| format!("'{}' {}", r.key, r.title))
            .collect();
        description.region = Some((region.name().to_string(), ours));
        Ok(description)
    }
}

fn categories(rows: &[Row]) -> Vec<Category> {
    rows.iter()
        .filter_map(|row| {
            let key = row.text("Key")?;
            Some(Category {
                key: key.to_string(),
                title: row.text("Title").unwrap_or("").trim().to_string(),
            })
        })
        .collect()
}

fn periods(rows: &[Row]) -> Vec<TablePeriod> {
    rows.iter()
        .filter_map(|row| {
            Some(TablePeriod {
                key: row.text("Key")?.trim().to_string(),
                provisional: row
                    .text("Status")
                    .is_some_and(|s| s.to_lowercase().contains("voorlopig")),
            })
        })
        .collect()
}

/// The description as `cbs describe` prints it and the window shows it: keys to copy into an
/// indicator's `[source]`.
impl fmt::Display for TableDescription {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.title {
            Some(title) => writeln!(f, "CBS-tabel {}: {title}", self.table)?,
            None => writeln!(f, "CBS-tabel {}", self.table)?,
        }
        let first = self.periods.first().map_or("", |p| p.key.as_str());
        let last = self.periods.last().map_or("", |p| p.key.as_str());
        writeln!(
            f,
            "Perioden: {} ({} tot en met {last})",
            self.period_kinds().join(", "),
            first
        )?;
        let (name, ours) = self
            .region
            .as_ref()
            .map_or(("de regio", &[][..]), |(name, ours)| {
                (name.as_str(), &ours[..])
            });
        writeln!(
            f,
            "Regio's (RegioS): {} in de tabel; {name} en Nederland: {}",
            self.regions.len(),
            if ours.is_empty() {
                "geen".to_string()
            } else {
                ours.join(", ")
            }
        )?;
        if self.dimensions.is_empty() {
            writeln!(f, "Dimensies: geen naast RegioS en Perioden")?;
        } else {
            writeln!(f, "Dimensies (elk heeft een filter nodig):")?;
        }
        for dimension in &self.dimensions {
            writeln!(f, "  {} ({})", dimension.key, dimension.title)?;
            for category in &dimension.categories {
                writeln!(f, "    {category}")?;
            }
        }
        writeln!(f, "Onderwerpen:")?;
        for topic in &self.topics {
            let unit = if topic.unit.is_empty() {
                "geen eenheid"
            } else {
                &topic.unit
            };
            writeln!(f, "  {} ({}) [{unit}]", topic.key, topic.title)?;
        }
        Ok(())
    }
}
