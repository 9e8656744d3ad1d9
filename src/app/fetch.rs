//! Fetching open data: every CBS indicator (or one), all or nothing, one batch per table.

use std::ops::ControlFlow;
use std::time::Duration;

use super::import::check_user;
use super::{AppError, Workspace};
use crate::catalog::is_cbs_table_id;
use crate::domain::{BatchKind, BatchSource, Observation, Region, Source, count_of};
pub use crate::ingest::TableDescription;
use crate::ingest::{CbsClient, FetchedTable};
use crate::store::WriteSummary;

#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// Only this indicator; otherwise every indicator with a CBS source.
    pub indicator: Option<String>,
    pub base_url: String,
    pub timeout: Duration,
    pub user: String,
}

/// Reported while a fetch runs, for a progress bar or a line per table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchProgress {
    pub done: usize,
    pub total: usize,
    pub indicator: String,
    pub table: String,
}

#[derive(Debug, Clone)]
pub struct FetchReport {
    pub tables: Vec<(FetchedTable, WriteSummary)>,
}

/// A line per table, as both front ends show it: "CBS 83648NED (geregistreerde_misdrijven): 32
/// waarden opgehaald; batch 2: 4 toegevoegd, 27 gewijzigd."
impl std::fmt::Display for FetchReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (n, (table, summary)) in self.tables.iter().enumerate() {
            if n > 0 {
                writeln!(f)?;
            }
            let values = count_of(table.observations.len() as u64, "waarde", "waarden");
            write!(
                f,
                "CBS {} ({}): {values} opgehaald; ",
                table.table, table.indicator
            )?;
            match summary.batch {
                Some(batch) => write!(
                    f,
                    "batch {batch}: {} toegevoegd, {} gewijzigd.",
                    summary.added, summary.changed
                )?,
                None => write!(f, "niets gewijzigd.")?,
            }
        }
        Ok(())
    }
}

impl Workspace {
    /// Fetches every CBS indicator (or the one asked), then writes all in one transaction, one batch
    /// per table. `progress` hears of each table before it is fetched and may stop the fetch
    /// (`ControlFlow::Break`); a stopped or failed fetch writes nothing.
    pub fn fetch(
        &mut self,
        options: &FetchOptions,
        progress: &mut dyn FnMut(&FetchProgress) -> ControlFlow<()>,
    ) -> Result<FetchReport, AppError> {
        check_user("gebruiker", &options.user)?;
        let sources: Vec<_> = self
            .catalog()
            .indicators()
            .iter()
            .filter(|i| options.indicator.as_deref().is_none_or(|id| id == i.id))
            .filter_map(|i| match &i.source {
                Source::Cbs(source) => Some((i.clone(), source.clone())),
                Source::Manual => None,
            })
            .collect();
        if sources.is_empty() {
            return Err(AppError::Refused(match &options.indicator {
                Some(id) => match self.catalog().get(id) {
                    Some(_) => format!(
                        "{id} wordt met de hand aangeleverd, niet door CBS; lees het bestand in met import"
                    ),
                    None => format!(
                        "onbekende indicator '{id}'; zie regio-in-beeld check voor de lijst"
                    ),
                },
                None => "geen indicatoren met CBS als bron".to_string(),
            }));
        }
        let client = CbsClient::new(&options.base_url, options.timeout).map_err(AppError::Fetch)?;
        let mut fetched = Vec::new();
        for (done, (indicator, source)) in sources.iter().enumerate() {
            let step = FetchProgress {
                done,
                total: sources.len(),
                indicator: indicator.id.clone(),
                table: source.table.clone(),
            };
            if progress(&step).is_break() {
                return Err(AppError::Refused(
                    "ophalen afgebroken; er is niets gewijzigd".to_string(),
                ));
            }
            fetched.push(
                client
                    .fetch(indicator, source, self.region())
                    .map_err(AppError::Fetch)?,
            );
        }
        let batches: Vec<(BatchSource, Vec<&Observation>)> = fetched
            .iter()
            .map(|table| {
                let source = BatchSource {
                    kind: BatchKind::Cbs,
                    file_name: Some(format!("CBS {} ({})", table.table, table.indicator)),
                    sha256: Some(table.sha256.clone()),
                    user: options.user.clone(),
                };
                (source, table.observations.iter().collect())
            })
            .collect();
        let summaries = self.store_mut()?.write_batches(&batches)?;
        Ok(FetchReport {
            tables: fetched.into_iter().zip(summaries).collect(),
        })
    }
}

/// What a CBS table publishes (title, periods, dimensions with their categories, topics with their
/// units), so whoever adds a CBS indicator copies keys instead of guessing them.
pub fn describe_cbs_table(
    base_url: &str,
    timeout: Duration,
    table: &str,
    region: &Region,
) -> Result<TableDescription, AppError> {
    if !is_cbs_table_id(table) {
        return Err(AppError::Refused(format!(
            "'{table}' is geen CBS-tabelnummer zoals 83648NED"
        )));
    }
    let client = CbsClient::new(base_url, timeout).map_err(AppError::Fetch)?;
    client.describe(table, region).map_err(AppError::Fetch)
}
