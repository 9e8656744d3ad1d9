use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::{Store, StoreError, now_utc};
use crate::domain::{Batch, BatchId, BatchKind, BatchSource, FastHashMap};

impl Store {
    /// Every batch, newest first.
    pub fn batches(&self) -> Result<Vec<Batch>, StoreError> {
        let mut query = self
            .conn
            .prepare_cached(concat!(include_str!("select.sql"), "ORDER BY id DESC"))?;
        let rows = query.query_map([], row_to_batch)?;
        rows.map(|row| row?).collect()
    }

    pub fn batch(&self, id: BatchId) -> Result<Option<Batch>, StoreError> {
        let mut query = self
            .conn
            .prepare_cached(concat!(include_str!("select.sql"), "WHERE id = ?1"))?;
        query
            .query_row([id.0], row_to_batch)
            .optional()?
            .transpose()
    }

    /// Earlier batches (not undone) of a file with this content.
    pub fn batches_with_sha256(&self, sha256: &str) -> Result<Vec<Batch>, StoreError> {
        Ok(self
            .batches()?
            .into_iter()
            .filter(|b| b.source.sha256.as_deref() == Some(sha256) && b.undone_at.is_none())
            .collect())
    }

    /// Whether any batch wrote values (an import, a fetch, the demo data): catalog batches do not
    /// count, so a store that holds only its seeded catalog still gets the demo data.
    pub fn has_value_batches(&self) -> Result<bool, StoreError> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM batches WHERE kind <> 'catalog')",
            [],
            |row| row.get(0),
        )?)
    }

    /// Per indicator, the batches its current values came from with how many each, newest first:
    /// the provenance the tactical view shows.
    pub fn batches_per_indicator(&self) -> Result<Vec<(String, BatchId, u64)>, StoreError> {
        let mut counts: FastHashMap<(i64, i64), u64> = FastHashMap::default();
        let mut query = self
            .conn
            .prepare_cached(include_str!("per_indicator.sql"))?;
        let mut rows = query.query([])?;
        while let Some(row) = rows.next()? {
            *counts.entry((row.get(0)?, row.get(1)?)).or_default() += 1;
        }
        let mut ids = self
            .conn
            .prepare_cached("SELECT number, id FROM indicators")?;
        let ids: FastHashMap<i64, String> = ids
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let mut provenance: Vec<(String, BatchId, u64)> = counts
            .into_iter()
            .filter_map(|((number, batch), count)| {
                Some((ids.get(&number)?.clone(), BatchId(batch), count))
            })
            .collect();
        provenance.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.0.cmp(&a.1.0)));
        Ok(provenance)
    }

    /// Whether any value on record comes from the demo data set.
    pub fn holds_demo_values(&self) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .query_row(include_str!("holds_demo.sql"), [], |row| row.get(0))?)
    }
}

/// What undoing a batch did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UndoSummary {
    /// Values the batch had replaced, now back; for a catalog batch, definitions whose earlier
    /// version is current again.
    pub restored: u64,
    /// Values the batch had added, now gone; for a catalog batch, indicators it added, now out of
    /// the catalog.
    pub removed: u64,
}

/// Undoes a batch of values inside `tx`. Refused when a later batch (not undone) changed values of
/// this one: undo that one first.
pub(super) fn undo_values(tx: &Transaction, id: BatchId) -> Result<UndoSummary, StoreError> {
    let later: Vec<i64> = tx
        .prepare(include_str!("later_writers.sql"))?
        .query_map([id.0], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    if !later.is_empty() {
        let list: Vec<String> = later.iter().map(i64::to_string).collect();
        return Err(StoreError::Refused(format!(
            "waarden uit batch {id} zijn later gewijzigd door batch {}; maak die eerst ongedaan",
            list.join(", ")
        )));
    }
    let removed = tx.execute(include_str!("remove_added.sql"), [id.0])? as u64;
    let restored = tx.execute(include_str!("undo.sql"), [id.0])? as u64;
    Ok(UndoSummary { restored, removed })
}

pub(super) fn begin_batch(tx: &Transaction, source: &BatchSource) -> Result<BatchId, StoreError> {
    tx.execute(
        "INSERT INTO batches (kind, file_name, sha256, user, started_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![source.kind.code(), source.file_name, source.sha256, source.user, now_utc()],
    )?;
    Ok(BatchId(tx.last_insert_rowid()))
}

/// Removes a batch that wrote nothing, so it leaves no trace.
pub(super) fn discard_batch(tx: &Transaction, batch: BatchId) -> Result<(), StoreError> {
    tx.execute("DELETE FROM batches WHERE id = ?1", [batch.0])?;
    Ok(())
}

pub(super) fn finish_batch(tx: &Transaction, batch: BatchId, rows: u64) -> Result<(), StoreError> {
    tx.execute(
        "UPDATE batches SET finished_at = ?1, rows = ?2 WHERE id = ?3",
        params![now_utc(), rows as i64, batch.0],
    )?;
    Ok(())
}

fn row_to_batch(row: &Row) -> rusqlite::Result<Result<Batch, StoreError>> {
    let kind: String = row.get("kind")?;
    let Some(kind) = BatchKind::from_code(&kind) else {
        return Ok(Err(StoreError::Corrupt(format!(
            "onbekende batchsoort '{kind}'"
        ))));
    };
    Ok(Ok(Batch {
        id: BatchId(row.get("id")?),
        source: BatchSource {
            kind,
            file_name: row.get("file_name")?,
            sha256: row.get("sha256")?,
            user: row.get("user")?,
        },
        started_at: row.get("started_at")?,
        finished_at: row.get("finished_at")?,
        rows: row.get::<_, i64>("rows")?.max(0) as u64,
        undone_at: row.get("undone_at")?,
    }))
}
