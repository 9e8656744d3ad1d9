//! Importing delivered files: read and validate everything first (a preview the UI can show), then
//! commit all files in one transaction, one batch per file.

use std::path::Path;

use super::{AppError, Workspace};
use crate::domain::{
    Batch, BatchKind, BatchSource, CellValue, FastHashMap, FastHashSet, Indicator, Observation,
    Period, Value, check_text, count_of, dutch_datetime,
};
use crate::ingest::{
    FileReading, Finding, ImportProblem, ProblemKind, ReadObservation, read_file, read_input_file,
};
use crate::store::{ObservationFilter, WriteSummary};
use warnings::{AfterEntry, Warnings, jumps, region_sums};

/// Files larger than this are refused before they are read, to keep memory bounded.
const MAX_FILE_BYTES: u64 = 256 << 20;

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
    /// Warnings counted but not spelled out (beyond the first thousand).
    pub unlisted_warnings: usize,
    /// Earlier batches of files with the same content, per file.
    pub earlier: Vec<Vec<Batch>>,
    pub user: String,
    /// What it adds and changes per indicator, in the order of the ids.
    pub per_indicator: Vec<IndicatorCounts>,
}

/// One indicator's share of an import: the counts and the periods its values are for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorCounts {
    pub indicator: String,
    pub added: u64,
    pub changed: u64,
    pub unchanged: u64,
    pub first: Period,
    pub last: Period,
}

impl ImportPreview {
    pub fn is_valid(&self) -> bool {
        self.problems.is_empty()
    }

    /// Every problem, those counted under one line included.
    pub fn problem_count(&self) -> u64 {
        self.problems.iter().map(ImportProblem::count).sum()
    }

    /// "12 toegevoegd, 7 gewijzigd, 1 ongewijzigd, 8 waarschuwingen": what both front ends report.
    pub fn summary(&self) -> String {
        format!(
            "{} toegevoegd, {} gewijzigd, {} ongewijzigd, {}",
            self.added,
            self.changed,
            self.unchanged,
            count_of(
                self.warning_count() as u64,
                "waarschuwing",
                "waarschuwingen"
            )
        )
    }

    /// All warnings, listed or only counted.
    pub fn warning_count(&self) -> usize {
        self.warnings.len() + self.unlisted_warnings
    }
}

/// What a committed import did, per file.
#[derive(Debug, Clone)]
pub struct ImportReport {
    pub files: Vec<(String, WriteSummary)>,
}

/// A line per file, as both front ends show it: "kwartaal.csv: opgeslagen als batch 7 (12
/// toegevoegd, 3 gewijzigd)".
impl std::fmt::Display for ImportReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (n, (file, summary)) in self.files.iter().enumerate() {
            if n > 0 {
                writeln!(f)?;
            }
            match summary.batch {
                Some(batch) => write!(
                    f,
                    "{file}: opgeslagen als batch {batch} ({} toegevoegd, {} gewijzigd)",
                    summary.added, summary.changed
                )?,
                None => write!(f, "{file}: niets gewijzigd, geen batch gemaakt")?,
            }
        }
        Ok(())
    }
}

/// The user named on the command line, or the account name.
pub fn default_user() -> String {
    ["REGIO_USER", "USER", "USERNAME"]
        .iter()
        .find_map(|key| std::env::var(key).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "onbekend".to_string())
}

/// Files of notes, stories or events are small; a larger one is no such file.
const MAX_JSON_BYTES: u64 = 16 << 20;

/// A JSON file of notes, stories or events, by the same rules as a delivered file.
pub fn read_json_file(path: &Path) -> Result<(String, Vec<u8>), AppError> {
    let name = path.display().to_string();
    let json = read_input_file(path, MAX_JSON_BYTES)
        .map_err(|reason| AppError::Refused(format!("{name}: {}", reason.message)))?;
    Ok((name, json))
}

/// Refuses a user name (from `--user`, `REGIO_USER` or the account) or author with a control
/// character: it is shown in every batch list and receipt and written into the BO-pakket.
pub(crate) fn check_user(field: &str, name: &str) -> Result<(), AppError> {
    check_text(field, name).map_err(|e| AppError::Refused(e.to_string()))
}

/// Reads files from disk, refusing what cannot be read, is no regular file or is too large.
pub fn read_paths(paths: &[impl AsRef<Path>]) -> Vec<Result<(String, Vec<u8>), ImportProblem>> {
    paths
        .iter()
        .map(|path| read_delivered(path.as_ref(), path.as_ref().display().to_string()))
        .collect()
}

/// One delivered file, by the rules of [`read_input_file`], called `name` in every message.
pub fn read_delivered(path: &Path, name: String) -> Result<(String, Vec<u8>), ImportProblem> {
    match read_input_file(path, MAX_FILE_BYTES) {
        Ok(bytes) => Ok((name, bytes)),
        Err(reason) => Err(ImportProblem::file(&name, reason)),
    }
}

impl Workspace {
    /// Reads and checks `files` against the catalog and the current store; writes nothing.
    pub fn preview_import(
        &self,
        files: Vec<Result<(String, Vec<u8>), ImportProblem>>,
        user: &str,
    ) -> Result<ImportPreview, AppError> {
        check_user("gebruiker", user)?;
        let mut problems = Vec::new();
        let mut readings = Vec::new();
        for file in files {
            match file {
                Ok((name, bytes)) => readings.push(read_file(
                    &name,
                    &bytes,
                    self.catalog().indicators(),
                    self.region(),
                )),
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
            unlisted_warnings: 0,
            earlier,
            user: user.to_string(),
            per_indicator: Vec::new(),
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
        check_user("gebruiker", &preview.user)?;
        let batches: Vec<(BatchSource, Vec<ReadObservation>)> = preview
            .files
            .iter()
            .map(|file| {
                let source = BatchSource {
                    kind: BatchKind::Manual,
                    file_name: Some(file_name(&file.file)),
                    sha256: Some(file.sha256.clone()),
                    user: preview.user.clone(),
                };
                (source, file.in_cell_order().collect())
            })
            .collect();
        let summaries = self.store_mut()?.write_batches(&batches)?;
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
    /// that replaces another, a jump against the previous period, a region that is not the sum. One
    /// indicator at a time, with only that indicator's stored values at hand.
    fn compare_with_store(&self, preview: &mut ImportPreview) -> Result<(), AppError> {
        let mut delivered: Vec<ReadObservation> = preview
            .files
            .iter()
            .flat_map(|f| f.in_cell_order())
            .collect();
        if preview.files.len() > 1 {
            delivered.sort_by(|a, b| a.indicator().cmp(b.indicator()));
        }
        let mut warnings = Warnings::default();
        let mut counts = Counts::default();
        let mut per_indicator = Vec::new();
        for group in delivered.chunk_by(|a, b| a.indicator() == b.indicator()) {
            let id = group[0].indicator();
            let Some(indicator) = self.catalog().get(id) else {
                continue;
            };
            let filter = ObservationFilter {
                indicator: Some(id.to_string()),
            };
            let stored = self.store().observations(&filter)?;
            let mut own = Counts::default();
            let after = compare_indicator(indicator, group, &stored, &mut own, &mut warnings);
            counts.added += own.added;
            counts.changed += own.changed;
            counts.unchanged += own.unchanged;
            let periods = group.iter().map(|r| r.period());
            per_indicator.push(IndicatorCounts {
                indicator: id.to_string(),
                added: own.added,
                changed: own.changed,
                unchanged: own.unchanged,
                first: periods.clone().min().unwrap_or(group[0].period()),
                last: periods.max().unwrap_or(group[0].period()),
            });
            jumps(indicator, &after, &mut warnings);
            region_sums(indicator, &after, self.region(), &mut warnings);
        }
        preview.per_indicator = per_indicator;
        (preview.added, preview.changed, preview.unchanged) =
            (counts.added, counts.changed, counts.unchanged);
        let file_position = |w: &ImportProblem| preview.files.iter().position(|f| f.file == w.file);
        warnings.listed.sort_by(|a, b| {
            (file_position(a), &a.sheet, a.row).cmp(&(file_position(b), &b.sheet, b.row))
        });
        preview.warnings.extend(warnings.listed);
        preview.unlisted_warnings += warnings.unlisted;
        Ok(())
    }
}

/// Counts one indicator's delivered values against its `stored` ones and warns of each value that
/// replaces another. Returns the values on record after the import, by area and period.
fn compare_indicator<'a>(
    indicator: &Indicator,
    delivered: &[ReadObservation<'a>],
    stored: &[Observation],
    counts: &mut Counts,
    warnings: &mut Warnings,
) -> Vec<AfterEntry<'a>> {
    let mut after: Vec<AfterEntry> = delivered
        .iter()
        .map(|r| AfterEntry::of(r, Some(*r)))
        .collect();
    if stored.is_empty() {
        counts.added += delivered.len() as u64;
    } else {
        let by_cell: FastHashMap<_, &Observation> = stored.iter().map(|o| (cell(o), o)).collect();
        for read in delivered {
            match by_cell.get(&cell(read)) {
                None => counts.added += 1,
                Some(old) if read.same_as(old) => counts.unchanged += 1,
                Some(old) => {
                    counts.changed += 1;
                    warnings.push(&read.location(), ProblemKind::Replaces, || {
                        format!(
                            "vervangt {} door {}",
                            describe(indicator, *old),
                            describe(indicator, read)
                        )
                    });
                }
            }
        }
        let replaced: FastHashSet<_> = delivered.iter().map(cell).collect();
        after.extend(
            stored
                .iter()
                .filter(|o| !replaced.contains(&cell(o)))
                .map(|o| AfterEntry::of(o, None)),
        );
    }
    // Already in this order when nothing stored is mixed in: then the sort only checks.
    after.sort_by_key(|a| (a.area.key(), a.period));
    after
}

#[derive(Default)]
struct Counts {
    added: u64,
    changed: u64,
    unchanged: u64,
}

/// Identifies a cell of one indicator: area (by its key, as the importer sorts them) and period.
fn cell(o: &impl CellValue) -> (u32, Period) {
    (o.area().key(), o.period())
}

fn describe(indicator: &Indicator, observation: impl CellValue) -> String {
    let value = match observation.value() {
        Value::Number(n) => indicator.unshielded_text(n),
        Value::Unavailable(reason) => format!("'{}'", reason.code()),
    };
    if observation.provisional() {
        format!("{value} (voorlopig)")
    } else {
        value
    }
}

/// The same indicator, area and period in two files: which one is meant?
fn duplicates_across_files(readings: &[FileReading]) -> Vec<ImportProblem> {
    if readings.len() < 2 {
        return Vec::new();
    }
    let mut first: FastHashMap<(&str, &'static str, Period), &str> = FastHashMap::default();
    let mut problems = Vec::new();
    for reading in readings {
        for read in reading.observations() {
            let key = (read.indicator(), read.area().code, read.period());
            match first.get(&key) {
                Some(file) if *file != reading.file => problems.push(ImportProblem::at(
                    &read.location(),
                    Finding::new(
                        ProblemKind::DuplicateAcrossFiles,
                        format!(
                            "{} voor {} in {} staat ook in {file}",
                            read.indicator(),
                            read.area().name,
                            read.period().label()
                        ),
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

pub(super) fn file_name(path: &str) -> String {
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

mod warnings;

#[cfg(test)]
mod tests;
