//! The embedded demo data set (`assets/demo/observations.csv`): real published figures plus invented
//! series, stored as batch kind `demo` so every screen can say these are no official figures.

use super::AppError;
use crate::catalog::Catalog;
use crate::domain::{BatchKind, BatchSource, Observation, sha256_hex};
use crate::ingest::read_file;

pub(super) const FILE_NAME: &str = "assets/demo/observations.csv";
const CSV: &[u8] = include_bytes!("../../assets/demo/observations.csv");
/// Example stories and duiding notes, in the JSON of `stories export` and `notes export`.
pub(super) const STORIES_FILE: &str = "assets/demo/stories.json";
pub(super) const STORIES: &[u8] = include_bytes!("../../assets/demo/stories.json");
pub(super) const EVENTS_FILE: &str = "assets/demo/events.json";
pub(super) const EVENTS: &[u8] = include_bytes!("../../assets/demo/events.json");
pub(super) const NOTES_FILE: &str = "assets/demo/notes.json";
pub(super) const NOTES: &[u8] = include_bytes!("../../assets/demo/notes.json");

/// The demo values for the indicators of `catalog` (which may be another set than the built-in one:
/// values of indicators it lacks, or defines with another frequency, are left out).
pub(super) fn observations(catalog: &Catalog) -> Result<Vec<Observation>, AppError> {
    let builtin = Catalog::builtin().map_err(AppError::Catalog)?;
    let reading = read_file(FILE_NAME, CSV, builtin.indicators());
    if !reading.problems.is_empty() {
        return Err(AppError::Import(reading.problems));
    }
    Ok(reading
        .into_observations()
        .map(|read| read.observation)
        .filter(|o| {
            catalog
                .get(&o.indicator)
                .is_some_and(|i| i.frequency.fits(&o.period))
        })
        .collect())
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
mod tests {
    use crate::catalog::Catalog;
    use crate::domain::{Area, Layer};

    #[test]
    fn demo_data_covers_every_indicator_for_the_region() {
        let catalog = Catalog::builtin().unwrap();
        let observations = super::observations(&catalog).expect("demo data validates");
        for indicator in catalog.indicators() {
            let region_values = observations
                .iter()
                .filter(|o| o.indicator == indicator.id && o.area == Area::region())
                .count();
            assert!(
                region_values >= 2,
                "{} has {region_values} region values",
                indicator.id
            );
        }
        let strategic = catalog
            .indicators()
            .iter()
            .filter(|i| i.layer == Layer::Strategisch)
            .count();
        assert!(strategic >= 8);
    }
}
