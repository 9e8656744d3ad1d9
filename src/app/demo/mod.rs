//! The embedded demo data set (`assets/demo/observations.csv`): real published figures plus invented
//! series, carried on to the day the store is made, stored as batch kind `demo` so every screen can
//! say these are no official figures.

mod continuation;

use chrono::NaiveDate;

use super::AppError;
use crate::catalog::{Catalog, builtin_region};
use crate::domain::{BatchKind, BatchSource, Observation, sha256_hex};
use crate::ingest::read_file;

/// The region the demo data is about: only its stores get them.
pub(super) const REGION_CODE: &str = "RG_ZAWA";
pub(super) const FILE_NAME: &str = "assets/demo/observations.csv";
const CSV: &[u8] = include_bytes!("../../../assets/demo/observations.csv");
/// Example stories and duiding notes, in the JSON of `stories export` and `notes export`.
pub(super) const STORIES_FILE: &str = "assets/demo/stories.json";
pub(super) const STORIES: &[u8] = include_bytes!("../../../assets/demo/stories.json");
pub(super) const EVENTS_FILE: &str = "assets/demo/events.json";
pub(super) const EVENTS: &[u8] = include_bytes!("../../../assets/demo/events.json");
pub(super) const NOTES_FILE: &str = "assets/demo/notes.json";
pub(super) const NOTES: &[u8] = include_bytes!("../../../assets/demo/notes.json");

/// The demo values for the indicators of `catalog` (which may be another set than the built-in one:
/// values of indicators it lacks, or defines with another frequency, are left out): the CSV, which
/// ends with 2025, and its invented series carried on up to the last period on record on `today`.
pub(super) fn observations(
    catalog: &Catalog,
    today: NaiveDate,
) -> Result<Vec<Observation>, AppError> {
    let builtin = Catalog::builtin().map_err(AppError::Catalog)?;
    let region = builtin_region();
    let reading = read_file(FILE_NAME, CSV, builtin.indicators(), &region);
    if !reading.problems.is_empty() {
        return Err(AppError::Import(reading.problems));
    }
    let base: Vec<Observation> = reading.observations().map(|r| r.observation()).collect();
    let added = continuation::continued(&base, builtin.indicators(), today, &region);
    Ok(base
        .into_iter()
        .chain(added)
        .filter(|o| {
            catalog
                .get(&o.indicator)
                .is_some_and(|i| i.frequency.fits(&o.period))
        })
        .collect())
}

/// The day the CSV alone is the demo: 2025 K4 is over and no later period is yet (unit tests live on
/// it, so their figures are the CSV's whatever the date).
#[cfg(test)]
pub(super) const CSV_DAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();

/// For tests: a store in memory with the demo data as a new store gets them on `day`.
#[cfg(test)]
pub(super) fn workspace_on(day: NaiveDate) -> super::Workspace {
    let catalog = Catalog::builtin().expect("the built-in catalog reads");
    let store = crate::store::Store::open_in_memory().expect("a store in memory opens");
    super::Workspace::with_store(catalog, store, Some(day)).expect("the demo data load")
}

pub(super) fn source() -> BatchSource {
    BatchSource {
        kind: BatchKind::Demo,
        file_name: Some(FILE_NAME.to_string()),
        sha256: Some(sha256_hex(CSV)),
        user: "Regio in beeld".to_string(),
    }
}

#[cfg(test)]
mod tests;
