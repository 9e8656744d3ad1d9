use rusqlite::{OptionalExtension, Row, TransactionBehavior, params};

use super::batches::{begin_batch, finish_batch};
use super::{Store, StoreError};
use crate::domain::{Area, BatchId, BatchSource, Observation, Period, Reason, Value};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ObservationFilter {
    pub indicator: Option<String>,
}

/// What one write did. Unchanged values are not written again; a write that changes nothing
/// leaves no batch behind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteSummary {
    pub batch: Option<BatchId>,
    pub added: u64,
    pub changed: u64,
    pub unchanged: u64,
}

/// An observation's stored columns, in the order of `upsert.sql` and `remember.sql`.
#[derive(Debug, Clone, PartialEq)]
struct Cell {
    value: Option<f64>,
    reason: Option<String>,
    provisional: bool,
    remark: Option<String>,
}

impl Cell {
    fn of(observation: &Observation) -> Cell {
        let (value, reason) = match observation.value {
            Value::Number(n) => (Some(n), None),
            Value::Unavailable(reason) => (None, Some(reason.code().to_string())),
        };
        Cell {
            value,
            reason,
            provisional: observation.provisional,
            remark: observation.remark.clone(),
        }
    }

    /// The stored cell and the batch that wrote it.
    fn from_row(row: &Row) -> rusqlite::Result<(Cell, i64)> {
        let cell = Cell {
            value: row.get(0)?,
            reason: row.get(1)?,
            provisional: row.get(2)?,
            remark: row.get(3)?,
        };
        Ok((cell, row.get(4)?))
    }
}

impl Store {
    /// Writes `observations` as one batch in one transaction: all or nothing. Every replaced value
    /// (and every cell that did not exist before) is remembered in the history with this batch.
    pub fn write_batch(
        &mut self,
        source: &BatchSource,
        observations: &[Observation],
    ) -> Result<WriteSummary, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let batch = begin_batch(&tx, source)?;
        let mut summary = WriteSummary::default();
        {
            let mut current = tx.prepare_cached(
                "SELECT value, reason, provisional, remark, batch_id FROM observations
                 WHERE indicator_id = ?1 AND area_code = ?2 AND period = ?3",
            )?;
            let mut remember = tx.prepare_cached(include_str!("remember.sql"))?;
            let mut upsert = tx.prepare_cached(include_str!("upsert.sql"))?;
            for observation in observations {
                let period = observation.period.canonical();
                let key = params![observation.indicator, observation.area.code, period];
                let previous = current.query_row(key, Cell::from_row).optional()?;
                let cell = Cell::of(observation);
                if previous.as_ref().is_some_and(|(stored, _)| *stored == cell) {
                    summary.unchanged += 1;
                    continue;
                }
                let existed = previous.is_some();
                let (before, written_by) = previous.unzip();
                let before = before.as_ref();
                remember.execute(params![
                    batch.0,
                    observation.indicator,
                    observation.area.code,
                    period,
                    existed,
                    before.and_then(|c| c.value),
                    before.and_then(|c| c.reason.as_deref()),
                    before.map(|c| c.provisional),
                    before.and_then(|c| c.remark.as_deref()),
                    written_by
                ])?;
                upsert.execute(params![
                    observation.indicator,
                    observation.area.code,
                    period,
                    cell.value,
                    cell.reason,
                    cell.provisional,
                    cell.remark,
                    batch.0
                ])?;
                if existed {
                    summary.changed += 1;
                } else {
                    summary.added += 1;
                }
            }
        }
        let written = summary.added + summary.changed;
        if written == 0 {
            tx.rollback()?;
            return Ok(summary);
        }
        finish_batch(&tx, batch, written)?;
        tx.commit()?;
        summary.batch = Some(batch);
        Ok(summary)
    }

    /// Current observations in a stable order: indicator, period, area (gemeenten, region, NL).
    pub fn observations(&self, filter: &ObservationFilter) -> Result<Vec<Observation>, StoreError> {
        let mut query = self.conn.prepare_cached(include_str!("current.sql"))?;
        let rows = query.query_map(params![filter.indicator], row_to_observation)?;
        rows.map(|row| row?).collect()
    }

    pub fn observation_count(&self) -> Result<u64, StoreError> {
        let count: i64 = self
            .conn
            .query_row("SELECT count(*) FROM observations", [], |r| r.get(0))?;
        Ok(count.max(0) as u64)
    }
}

fn row_to_observation(row: &Row) -> rusqlite::Result<Result<Observation, StoreError>> {
    let indicator: String = row.get(0)?;
    let area_code: String = row.get(1)?;
    let period_text: String = row.get(2)?;
    let number: Option<f64> = row.get(3)?;
    let reason_code: Option<String> = row.get(4)?;
    let corrupt = |what: String| Ok(Err(StoreError::Corrupt(format!("{indicator}: {what}"))));
    let Some(area) = Area::from_code(&area_code) else {
        return corrupt(format!("onbekend gebied '{area_code}'"));
    };
    let Ok(period) = Period::parse(&period_text) else {
        return corrupt(format!("onbekende periode '{period_text}'"));
    };
    let value = match (number, reason_code.as_deref().map(Reason::from_code)) {
        (Some(n), None) => Value::Number(n),
        (None, Some(Some(reason))) => Value::Unavailable(reason),
        _ => return corrupt(format!("ongeldige waarde voor {area_code} {period_text}")),
    };
    Ok(Ok(Observation {
        indicator,
        area,
        period,
        value,
        provisional: row.get(5)?,
        remark: row.get(6)?,
    }))
}
