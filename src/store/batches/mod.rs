use rusqlite::{Row, Transaction, params};

use super::{Store, StoreError, now_utc};
use crate::domain::{Batch, BatchId, BatchKind, BatchSource};

impl Store {
    /// Every batch, newest first.
    pub fn batches(&self) -> Result<Vec<Batch>, StoreError> {
        let mut query = self.conn.prepare_cached(include_str!("list.sql"))?;
        let rows = query.query_map([], row_to_batch)?;
        rows.map(|row| row?).collect()
    }

    /// Whether any value on record comes from the demo data set.
    pub fn holds_demo_values(&self) -> Result<bool, StoreError> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM observations o JOIN batches b ON b.id = o.batch_id
                            WHERE b.kind = 'demo')",
            [],
            |row| row.get(0),
        )?)
    }
}

pub(super) fn begin_batch(tx: &Transaction, source: &BatchSource) -> Result<BatchId, StoreError> {
    tx.execute(
        "INSERT INTO batches (kind, file_name, sha256, user, started_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![source.kind.code(), source.file_name, source.sha256, source.user, now_utc()],
    )?;
    Ok(BatchId(tx.last_insert_rowid()))
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
