//! Where a workspace's indicator catalog comes from: the catalog kept in the store (seeded from the
//! built-in definitions when the store has none), or one given for the process (`--indicators DIR`).

use std::path::Path;

use super::AppError;
use crate::catalog::{Catalog, parse_indicator};
use crate::domain::{BatchKind, BatchSource, Indicator};
use crate::ingest::read_input_file;
use crate::store::{DefinitionWrite, Store};

/// An indicator definition is a page of TOML; a larger file is no definition.
const MAX_DEFINITION_BYTES: u64 = 1 << 20;

/// The definitions in `indicators` (a directory) or, without one, those built into the app: what
/// `check` validates.
pub fn load_catalog(indicators: Option<&Path>) -> Result<Catalog, AppError> {
    match indicators {
        Some(dir) => Catalog::load_dir(dir, |path| read_definition_file(path).map(|(_, b)| b)),
        None => Catalog::builtin(),
    }
    .map_err(AppError::Catalog)
}

/// One definition file by the rules of [`read_input_file`]: its name for messages and its bytes.
pub(super) fn read_definition_file(path: &Path) -> Result<(String, Vec<u8>), String> {
    read_input_file(path, MAX_DEFINITION_BYTES)
        .map(|bytes| (path.display().to_string(), bytes))
        .map_err(|refused| refused.message)
}

/// Where this workspace's catalog comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum CatalogOrigin {
    /// The catalog kept in the store: it follows every write.
    Store,
    /// Given for this process (`--indicators DIR`, the built-in set in tests); names it.
    Given(String),
}

/// A batch of kind catalog by `user`, naming the files it read, if any.
pub(super) fn catalog_batch(user: &str, file_name: Option<String>) -> BatchSource {
    BatchSource {
        kind: BatchKind::Catalog,
        file_name,
        sha256: None,
        user: user.to_string(),
    }
}

/// The catalog kept in the store, retired indicators marked.
pub(super) fn stored_catalog(store: &Store) -> Result<Catalog, AppError> {
    let versions = store.definitions()?;
    let retired: Vec<String> = versions
        .iter()
        .filter(|v| v.retired)
        .map(|v| v.id.clone())
        .collect();
    let files = versions
        .into_iter()
        .map(|v| (format!("{}.toml", v.id), v.text));
    Ok(Catalog::from_files(files)
        .map_err(AppError::Catalog)?
        .with_retired(retired))
}

/// Gives a store without a catalog the definitions built into the app, as one catalog batch.
pub(super) fn seed(store: &mut Store) -> Result<(), AppError> {
    let files = Catalog::builtin_files();
    let parsed: Vec<(Indicator, &String)> = files
        .iter()
        .map(|(name, text)| parse_indicator(name, text).map(|indicator| (indicator, text)))
        .collect::<Result<_, _>>()
        .map_err(AppError::Catalog)?;
    let writes: Vec<DefinitionWrite> = parsed
        .iter()
        .map(|(indicator, text)| DefinitionWrite {
            indicator,
            text,
            retired: false,
        })
        .collect();
    let source = catalog_batch("Regio in beeld", Some("ingebouwde definities".to_string()));
    store.seed_definitions(&source, &writes)?;
    Ok(())
}
