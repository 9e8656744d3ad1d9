//! The indicator catalog kept in the store: every version of every definition, written in batches of
//! kind `catalog` so each change names who made it and when, and can be undone.

use std::collections::BTreeSet;

use super::batches::{begin_batch, discard_batch, finish_batch};
use super::connection::{Row, Sql, Tx};
use super::indicators::register;
use super::{Store, StoreError, UndoSummary};
use crate::domain::{BatchId, BatchSource, Coded, Indicator, Source};

/// One version of a definition as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefinitionVersion {
    pub id: String,
    /// 1 for the first definition of the indicator.
    pub version: u32,
    /// The TOML text, byte for byte as it was written.
    pub text: String,
    pub retired: bool,
    pub batch: BatchId,
    pub user: String,
    /// When its batch was written (UTC, RFC 3339).
    pub written_at: String,
    /// When its batch was undone; such a version is history only.
    pub undone_at: Option<String>,
}

/// A definition to store: the parsed indicator (for the columns lists filter on) and its text.
#[derive(Debug, Clone, Copy)]
pub struct DefinitionWrite<'a> {
    pub indicator: &'a Indicator,
    pub text: &'a str,
    pub retired: bool,
}

/// What one catalog write did; a write that changes nothing leaves no batch.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CatalogSummary {
    pub batch: Option<BatchId>,
    pub added: u64,
    pub changed: u64,
    pub unchanged: u64,
}

impl Store {
    /// The current version of every indicator in the catalog, sorted by id.
    pub fn definitions(&self) -> Result<Vec<DefinitionVersion>, StoreError> {
        self.conn.rows(
            concat!(include_str!("select.sql"), include_str!("current.sql")),
            &[],
            row_to_version,
        )
    }

    /// Every version of one indicator, oldest first, undone ones included.
    pub fn definition_history(&self, id: &str) -> Result<Vec<DefinitionVersion>, StoreError> {
        self.conn.rows(
            concat!(
                include_str!("select.sql"),
                "WHERE i.id = ?1 ORDER BY v.version"
            ),
            &[&id],
            row_to_version,
        )
    }

    /// The versions catalog batch `batch` wrote, sorted by id.
    pub fn definitions_in_batch(
        &self,
        batch: BatchId,
    ) -> Result<Vec<DefinitionVersion>, StoreError> {
        self.conn.rows(
            concat!(
                include_str!("select.sql"),
                "WHERE v.batch_id = ?1 ORDER BY i.id"
            ),
            &[&batch.0],
            row_to_version,
        )
    }

    /// Whether the store ever held a catalog (an undone one too): a store without one is seeded.
    pub fn has_catalog(&self) -> Result<bool, StoreError> {
        self.conn
            .value("SELECT EXISTS (SELECT 1 FROM indicator_versions)", &[])
    }

    /// The indicators with at least one current value: their unit and frequency are fixed.
    pub fn indicators_with_values(&self) -> Result<BTreeSet<String>, StoreError> {
        Ok(self
            .conn
            .rows(include_str!("with_values.sql"), &[], |row| row.get(0))?
            .into_iter()
            .collect())
    }

    /// Writes the definitions that differ from their current version (text or retired flag) as one
    /// catalog batch, in one transaction.
    pub fn write_definitions(
        &mut self,
        source: &BatchSource,
        definitions: &[DefinitionWrite],
    ) -> Result<CatalogSummary, StoreError> {
        self.write_catalog_batch(source, definitions, false)
    }

    /// Writes the first catalog of a store that never had one, as batch 0 so the batches of values
    /// keep their numbers (the demo data stay batch 1 in a new store, as in every earlier version).
    /// Does nothing when the store has a catalog, also when another process seeded it meanwhile.
    pub fn seed_definitions(
        &mut self,
        source: &BatchSource,
        definitions: &[DefinitionWrite],
    ) -> Result<CatalogSummary, StoreError> {
        self.write_catalog_batch(source, definitions, true)
    }

    fn write_catalog_batch(
        &mut self,
        source: &BatchSource,
        definitions: &[DefinitionWrite],
        seeding: bool,
    ) -> Result<CatalogSummary, StoreError> {
        self.conn.transaction(|tx| {
        let seeded: bool =
            tx.value("SELECT EXISTS (SELECT 1 FROM indicator_versions)", &[])?;
        if seeding && seeded {
            return Ok(CatalogSummary::default());
        }
        let current = current_in(tx)?;
        let batch = begin_batch(tx, source)?;
        let batch = if seeding {
            tx.exec(
                "UPDATE batches SET id = 0 WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM batches WHERE id = 0)",
                &[&batch.0],
            )?;
            BatchId(tx.value(
                "SELECT min(id) FROM batches WHERE id IN (0, ?1)",
                &[&batch.0],
            )?)
        } else {
            batch
        };
        let mut summary = CatalogSummary::default();
        for definition in definitions {
            let id = &definition.indicator.id;
            match current.iter().find(|v| &v.id == id) {
                Some(v) if v.text == definition.text && v.retired == definition.retired => {
                    summary.unchanged += 1;
                    continue;
                }
                Some(_) => summary.changed += 1,
                None => summary.added += 1,
            }
            register(tx, definition.indicator)?;
            insert_version(tx, batch, definition)?;
        }
        let written = summary.added + summary.changed;
        if written == 0 {
            discard_batch(tx, batch)?;
        } else {
            finish_batch(tx, batch, written)?;
            summary.batch = Some(batch);
        }
        Ok(summary)
        })
    }
}

fn current_in(tx: &mut Tx) -> Result<Vec<DefinitionVersion>, StoreError> {
    tx.rows(
        concat!(include_str!("select.sql"), include_str!("current.sql")),
        &[],
        row_to_version,
    )
}

fn insert_version(
    tx: &mut Tx,
    batch: BatchId,
    definition: &DefinitionWrite,
) -> Result<(), StoreError> {
    let indicator = definition.indicator;
    let source = match indicator.source {
        Source::Manual => "handmatig",
        Source::Cbs(_) => "cbs",
    };
    tx.exec(
        include_str!("insert.sql"),
        &[
            &indicator.id,
            &definition.text,
            &indicator.domain.code(),
            &indicator.layer.code(),
            &indicator.supplier,
            &source,
            &definition.retired,
            &batch.0,
        ],
    )?;
    Ok(())
}

/// Undoes catalog batch `id` inside `tx` (see [`Store::undo_batch`]): the versions it wrote become
/// history and the ones before them current again. Refused when a later batch changed the same
/// definitions, or when an indicator it added has values, which would then have no definition.
pub(super) fn undo_catalog_batch(tx: &mut Tx, id: BatchId) -> Result<UndoSummary, StoreError> {
    let later: Vec<i64> = tx.rows(include_str!("later_writers.sql"), &[&id.0], |r| r.get(0))?;
    if !later.is_empty() {
        let list: Vec<String> = later.iter().map(i64::to_string).collect();
        return Err(StoreError::Refused(format!(
            "definities uit batch {id} zijn later gewijzigd door batch {}; maak die eerst ongedaan",
            list.join(", ")
        )));
    }
    let effect: Vec<(String, bool, bool)> =
        tx.rows(include_str!("undone_effect.sql"), &[&id.0], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
    let orphaned: Vec<&str> = effect
        .iter()
        .filter(|(_, earlier, values)| !earlier && *values)
        .map(|(indicator, ..)| indicator.as_str())
        .collect();
    if !orphaned.is_empty() {
        return Err(StoreError::Refused(format!(
            "batch {id} voegde {} toe, waarvoor nu waarden zijn opgeslagen; die zouden zonder \
             definitie blijven. Zet de indicator buiten gebruik in plaats van de batch ongedaan te maken",
            orphaned.join(", ")
        )));
    }
    let restored = effect.iter().filter(|(_, earlier, _)| *earlier).count() as u64;
    Ok(UndoSummary {
        restored,
        removed: effect.len() as u64 - restored,
    })
}

fn row_to_version(row: &Row) -> Result<DefinitionVersion, StoreError> {
    Ok(DefinitionVersion {
        id: row.get(0)?,
        version: row.get::<i64>(1)?.clamp(0, i64::from(u32::MAX)) as u32,
        text: row.get(2)?,
        retired: row.get(3)?,
        batch: BatchId(row.get(4)?),
        user: row.get(5)?,
        written_at: row.get(6)?,
        undone_at: row.get(7)?,
    })
}
