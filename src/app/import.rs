//! Importing delivered files: read and validate everything first (a preview the UI can show), then
//! commit all files in one transaction, one batch per file.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use super::{AppError, Workspace};
use crate::domain::{
    Aggregation, Area, AreaKind, Batch, BatchKind, BatchSource, Indicator, Observation, Period,
    Value, dutch_datetime, plain_number,
};
use crate::ingest::{FileReading, ImportProblem, ReadObservation, read_file};
use crate::store::{ObservationFilter, WriteSummary};

/// Files larger than this are refused before they are read, to keep memory bounded.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// A change of more than this fraction against the previous period is worth a second look.
const JUMP_FRACTION: f64 = 0.5;

/// Everything an import would do, before anything is written.
#[derive(Debug, Clone)]
pub struct ImportPreview {
    pub files: Vec<FileReading>,
    /// Blocking: with any, nothing is written.
    pub problems: Vec<ImportProblem>,
    /// Not blocking, but worth reading before committing.
    pub warnings: Vec<ImportProblem>,
    pub added: u64,
    pub changed: u64,
    pub unchanged: u64,
    /// Earlier batches of files with the same content, per file.
    pub earlier: Vec<Vec<Batch>>,
    pub user: String,
}

impl ImportPreview {
    pub fn is_valid(&self) -> bool {
        self.problems.is_empty()
    }
}

/// What a committed import did, per file.
#[derive(Debug, Clone)]
pub struct ImportReport {
    pub files: Vec<(String, WriteSummary)>,
}

/// The user named on the command line, or the account name.
pub fn default_user() -> String {
    ["REGIO_USER", "USER", "USERNAME"]
        .iter()
        .find_map(|key| std::env::var(key).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "onbekend".to_string())
}

/// Reads files from disk, refusing what cannot be read or is too large.
pub fn read_paths(paths: &[impl AsRef<Path>]) -> Vec<Result<(String, Vec<u8>), ImportProblem>> {
    paths
        .iter()
        .map(|path| {
            let path = path.as_ref();
            let name = path.display().to_string();
            let size = std::fs::metadata(path)
                .map_err(|e| ImportProblem::file(&name, unreadable(&e)))?
                .len();
            if size > MAX_FILE_BYTES {
                return Err(ImportProblem::file(
                    &name,
                    format!(
                        "het bestand is {} MB; de grens is {} MB",
                        size >> 20,
                        MAX_FILE_BYTES >> 20
                    ),
                ));
            }
            let bytes =
                std::fs::read(path).map_err(|e| ImportProblem::file(&name, unreadable(&e)))?;
            Ok((name, bytes))
        })
        .collect()
}

fn unreadable(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "bestand niet gevonden".to_string(),
        _ => format!("bestand kan niet gelezen worden: {error}"),
    }
}

impl Workspace {
    /// Reads and checks `files` against the catalog and the current store; writes nothing.
    pub fn preview_import(
        &self,
        files: Vec<Result<(String, Vec<u8>), ImportProblem>>,
        user: &str,
    ) -> Result<ImportPreview, AppError> {
        let mut problems = Vec::new();
        let mut readings = Vec::new();
        for file in files {
            match file {
                Ok((name, bytes)) => {
                    readings.push(read_file(&name, &bytes, self.catalog().indicators()))
                }
                Err(problem) => problems.push(problem),
            }
        }
        let mut warnings = Vec::new();
        for reading in &readings {
            problems.extend(reading.problems.iter().cloned());
            warnings.extend(reading.warnings.iter().cloned());
        }
        problems.extend(duplicates_across_files(&readings));
        let mut earlier = Vec::new();
        for reading in &readings {
            earlier.push(self.store().batches_with_sha256(&reading.sha256)?);
        }
        let mut preview = ImportPreview {
            files: readings,
            problems,
            warnings,
            added: 0,
            changed: 0,
            unchanged: 0,
            earlier,
            user: user.to_string(),
        };
        if preview.problems.is_empty() {
            self.compare_with_store(&mut preview)?;
        }
        Ok(preview)
    }

    /// Writes a valid preview: one transaction, one batch per file that changes anything.
    pub fn commit_import(&mut self, preview: &ImportPreview) -> Result<ImportReport, AppError> {
        if !preview.is_valid() {
            return Err(AppError::Import(preview.problems.clone()));
        }
        let observations: Vec<Vec<Observation>> = preview
            .files
            .iter()
            .map(|f| {
                f.observations
                    .iter()
                    .map(|r| r.observation.clone())
                    .collect()
            })
            .collect();
        let batches: Vec<(BatchSource, &[Observation])> = preview
            .files
            .iter()
            .zip(&observations)
            .map(|(file, observations)| {
                let source = BatchSource {
                    kind: BatchKind::Manual,
                    file_name: Some(file_name(&file.file)),
                    sha256: Some(file.sha256.clone()),
                    user: preview.user.clone(),
                };
                (source, observations.as_slice())
            })
            .collect();
        let summaries = self.store_mut().write_batches(&batches)?;
        Ok(ImportReport {
            files: preview
                .files
                .iter()
                .map(|f| f.file.clone())
                .zip(summaries)
                .collect(),
        })
    }

    /// Counts added, changed and unchanged values and adds the warnings that need the store: a value
    /// that replaces another, a jump against the previous period, a region that is not the sum.
    fn compare_with_store(&self, preview: &mut ImportPreview) -> Result<(), AppError> {
        let delivered: Vec<&ReadObservation> =
            preview.files.iter().flat_map(|f| &f.observations).collect();
        let mut indicators: Vec<&str> = delivered
            .iter()
            .map(|r| r.observation.indicator.as_str())
            .collect();
        indicators.sort_unstable();
        indicators.dedup();
        let mut stored: HashMap<(&str, &'static str, Period), Observation> = HashMap::new();
        let mut stored_rows = Vec::new();
        for id in &indicators {
            let filter = ObservationFilter {
                indicator: Some((*id).to_string()),
            };
            stored_rows.push(self.store().observations(&filter)?);
        }
        for observation in stored_rows.iter().flatten() {
            stored.insert(
                (
                    observation.indicator.as_str(),
                    observation.area.code,
                    observation.period,
                ),
                observation.clone(),
            );
        }
        // The state after the import, per indicator and area, in period order.
        let mut after: HashMap<(&str, &'static str), BTreeMap<Period, Value>> = HashMap::new();
        for observation in stored.values() {
            after
                .entry((observation.indicator.as_str(), observation.area.code))
                .or_default()
                .insert(observation.period, observation.value);
        }
        for read in &delivered {
            let o = &read.observation;
            after
                .entry((o.indicator.as_str(), o.area.code))
                .or_default()
                .insert(o.period, o.value);
        }
        let mut warnings = Vec::new();
        for read in &delivered {
            let o = &read.observation;
            let Some(indicator) = self.catalog().get(&o.indicator) else {
                continue;
            };
            match stored.get(&(o.indicator.as_str(), o.area.code, o.period)) {
                None => preview.added += 1,
                Some(old) if old == o => preview.unchanged += 1,
                Some(old) => {
                    preview.changed += 1;
                    warnings.push(ImportProblem::at(
                        &read.location,
                        format!(
                            "vervangt {} door {}",
                            describe(indicator, old),
                            describe(indicator, o)
                        ),
                    ));
                }
            }
            if let Some(series) = after.get(&(o.indicator.as_str(), o.area.code))
                && let Some(message) = jump(indicator, series, o)
            {
                warnings.push(ImportProblem::at(&read.location, message));
            }
        }
        warnings.extend(region_sums(self, &delivered, &after));
        preview.warnings.extend(warnings);
        Ok(())
    }
}

fn describe(indicator: &Indicator, observation: &Observation) -> String {
    let value = match observation.value {
        Value::Number(n) => indicator.unshielded_text(n),
        Value::Unavailable(reason) => format!("'{}'", reason.code()),
    };
    if observation.provisional {
        format!("{value} (voorlopig)")
    } else {
        value
    }
}

/// More than 50% up or down against the previous delivered period; small counts excepted, since
/// they swing by nature.
fn jump(
    indicator: &Indicator,
    series: &BTreeMap<Period, Value>,
    observation: &Observation,
) -> Option<String> {
    let new = observation.value.number()?;
    let (previous_period, previous) = series.range(..observation.period).next_back()?;
    let previous = previous.number()?;
    let difference = new - previous;
    let small = difference.abs() < f64::from(indicator.shielding_threshold.max(5));
    if previous <= 0.0 || small || difference.abs() <= JUMP_FRACTION * previous {
        return None;
    }
    Some(format!(
        "{} is {:.0}% {} dan {} in {}; klopt dit?",
        indicator.unshielded_text(new),
        (difference.abs() / previous * 100.0),
        if difference > 0.0 { "hoger" } else { "lager" },
        indicator.unshielded_text(previous),
        previous_period.label()
    ))
}

/// A delivered region value that differs from the sum of the seven gemeenten (for summed indicators,
/// when all seven are known). Not an error: the region may include what no gemeente can claim.
fn region_sums(
    workspace: &Workspace,
    delivered: &[&ReadObservation],
    after: &HashMap<(&str, &'static str), BTreeMap<Period, Value>>,
) -> Vec<ImportProblem> {
    let mut checked = std::collections::HashSet::new();
    let mut warnings = Vec::new();
    for read in delivered {
        let o = &read.observation;
        let Some(indicator) = workspace.catalog().get(&o.indicator) else {
            continue;
        };
        if indicator.aggregation != Aggregation::Sum
            || !checked.insert((o.indicator.as_str(), o.period))
        {
            continue;
        }
        let value_of = |area: Area| {
            after
                .get(&(o.indicator.as_str(), area.code))?
                .get(&o.period)?
                .number()
        };
        let Some(region) = value_of(Area::region()) else {
            continue;
        };
        let parts: Option<Vec<f64>> = Area::gemeenten().map(value_of).collect();
        let Some(parts) = parts else { continue };
        let sum: f64 = parts.iter().sum();
        if (region - sum).abs() > 0.5 {
            let location = delivered
                .iter()
                .find(|r| {
                    r.observation.indicator == o.indicator
                        && r.observation.period == o.period
                        && r.observation.area.kind == AreaKind::Regio
                })
                .map(|r| r.location.clone())
                .unwrap_or_else(|| read.location.clone());
            warnings.push(ImportProblem::at(
                &location,
                format!(
                    "regiowaarde {} voor {} in {} wijkt af van de som van de gemeenten ({}); de geleverde regiowaarde wordt getoond",
                    plain_number(region),
                    o.indicator,
                    o.period.label(),
                    plain_number(sum)
                ),
            ));
        }
    }
    warnings
}

/// The same indicator, area and period in two files: which one is meant?
fn duplicates_across_files(readings: &[FileReading]) -> Vec<ImportProblem> {
    let mut first: HashMap<(&str, &'static str, Period), &str> = HashMap::new();
    let mut problems = Vec::new();
    for reading in readings {
        for read in &reading.observations {
            let o = &read.observation;
            let key = (o.indicator.as_str(), o.area.code, o.period);
            match first.get(&key) {
                Some(file) if *file != reading.file => problems.push(ImportProblem::at(
                    &read.location,
                    format!(
                        "{} voor {} in {} staat ook in {file}",
                        o.indicator,
                        o.area.name,
                        o.period.label()
                    ),
                )),
                Some(_) => {}
                None => {
                    first.insert(key, &reading.file);
                }
            }
        }
    }
    problems
}

fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string())
}

/// "eerder ingelezen in batch 7 (3 maart 2025 14:05)".
pub fn describe_earlier(batches: &[Batch]) -> Option<String> {
    let batch = batches.first()?;
    Some(format!(
        "eerder ingelezen in batch {} ({})",
        batch.id,
        dutch_datetime(&batch.started_at)
    ))
}
