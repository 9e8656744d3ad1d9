use super::connection::{Row, Sql, Tx};
use super::{Store, StoreError, now_utc};
use crate::domain::{Batch, BatchId, BatchKind, BatchSource, FastHashMap};

impl Store {
    /// Every batch, newest first.
    pub fn batches(&self) -> Result<Vec<Batch>, StoreError> {
        self.conn.rows(
            concat!(include_str!("select.sql"), "ORDER BY id DESC"),
            &[],
            row_to_batch,
        )
    }

    pub fn batch(&self, id: BatchId) -> Result<Option<Batch>, StoreError> {
        self.conn.row(
            concat!(include_str!("select.sql"), "WHERE id = ?1"),
            &[&id.0],
            row_to_batch,
        )
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
        self.conn.value(
            "SELECT EXISTS (SELECT 1 FROM batches WHERE kind <> 'catalog')",
            &[],
        )
    }

    /// Per indicator, the batches its current values came from with how many each, newest first:
    /// the provenance the tactical view shows.
    pub fn batches_per_indicator(&self) -> Result<Vec<(String, BatchId, u64)>, StoreError> {
        let mut counts: FastHashMap<(i64, i64), u64> = FastHashMap::default();
        self.conn
            .each(include_str!("per_indicator.sql"), &[], &mut |row| {
                *counts.entry((row.get(0)?, row.get(1)?)).or_default() += 1;
                Ok(())
            })?;
        let ids: FastHashMap<i64, String> = self
            .conn
            .rows("SELECT number, id FROM indicators", &[], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })?
            .into_iter()
            .collect();
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
        self.conn.value(include_str!("holds_demo.sql"), &[])
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
pub(super) fn undo_values(tx: &mut Tx, id: BatchId) -> Result<UndoSummary, StoreError> {
    let later: Vec<i64> = tx.rows(include_str!("later_writers.sql"), &[&id.0], |r| r.get(0))?;
    if !later.is_empty() {
        let list: Vec<String> = later.iter().map(i64::to_string).collect();
        return Err(StoreError::Refused(format!(
            "waarden uit batch {id} zijn later gewijzigd door batch {}; maak die eerst ongedaan",
            list.join(", ")
        )));
    }
    let removed = tx.exec(include_str!("remove_added.sql"), &[&id.0])?;
    let restored = tx.exec(include_str!("undo.sql"), &[&id.0])?;
    Ok(UndoSummary { restored, removed })
}

/// On PostgreSQL the batch names the database user, whatever `source.user` says (a trigger sees
/// to it, see `schema/postgres/v7.sql`).
pub(super) fn begin_batch(tx: &mut Tx, source: &BatchSource) -> Result<BatchId, StoreError> {
    Ok(BatchId(tx.value(
        include_str!("insert.sql"),
        &[
            &source.kind.code(),
            &source.file_name,
            &source.sha256,
            &source.user,
            &now_utc(),
        ],
    )?))
}

/// Removes a batch that wrote nothing, so it leaves no trace.
pub(super) fn discard_batch(tx: &mut Tx, batch: BatchId) -> Result<(), StoreError> {
    tx.exec("DELETE FROM batches WHERE id = ?1", &[&batch.0])?;
    Ok(())
}

pub(super) fn finish_batch(tx: &mut Tx, batch: BatchId, rows: u64) -> Result<(), StoreError> {
    tx.exec(
        "UPDATE batches SET finished_at = ?1, rows = ?2 WHERE id = ?3",
        &[&now_utc(), &(rows as i64), &batch.0],
    )?;
    Ok(())
}

fn row_to_batch(row: &Row) -> Result<Batch, StoreError> {
    let kind: String = row.get("kind")?;
    let Some(kind) = BatchKind::from_code(&kind) else {
        return Err(StoreError::Corrupt(format!(
            "onbekende batchsoort '{kind}'"
        )));
    };
    Ok(Batch {
        id: BatchId(row.get("id")?),
        source: BatchSource {
            kind,
            file_name: row.get("file_name")?,
            sha256: row.get("sha256")?,
            user: row.get("user")?,
        },
        started_at: row.get("started_at")?,
        finished_at: row.get("finished_at")?,
        rows: row.get::<i64>("rows")?.max(0) as u64,
        undone_at: row.get("undone_at")?,
    })
}
