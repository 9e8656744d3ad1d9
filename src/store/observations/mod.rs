use rusqlite::{OptionalExtension, Row, Transaction, TransactionBehavior, params};

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

/// An observation's stored columns, in the order of the SQL parameters ?4 to ?7.
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

    fn from_row(row: &Row) -> rusqlite::Result<Cell> {
        Ok(Cell {
            value: row.get(0)?,
            reason: row.get(1)?,
            provisional: row.get(2)?,
            remark: row.get(3)?,
        })
    }
}

impl Store {
    /// Writes `observations` as one batch in one transaction: all or nothing.
    pub fn write_batch(
        &mut self,
        source: &BatchSource,
        observations: &[Observation],
    ) -> Result<WriteSummary, StoreError> {
        let summaries = self.write_batches(&[(source.clone(), observations.iter().collect())])?;
        Ok(summaries[0])
    }

    /// Writes several batches (one per delivered file) in one transaction: all or nothing. Every
    /// replaced value is remembered in the history with the batch that replaced it; a batch that
    /// changes nothing leaves no trace.
    pub fn write_batches(
        &mut self,
        batches: &[(BatchSource, Vec<&Observation>)],
    ) -> Result<Vec<WriteSummary>, StoreError> {
        self.conn
            .pragma_update(None, "cache_size", super::WRITING_CACHE_KB)?;
        let written = self.write_in_one_transaction(batches);
        self.conn
            .pragma_update(None, "cache_size", super::READING_CACHE_KB)?;
        written
    }

    fn write_in_one_transaction(
        &mut self,
        batches: &[(BatchSource, Vec<&Observation>)],
    ) -> Result<Vec<WriteSummary>, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut summaries = Vec::with_capacity(batches.len());
        for (source, observations) in batches {
            let batch = begin_batch(&tx, source)?;
            let mut summary = write_cells(&tx, batch, observations)?;
            let written = summary.added + summary.changed;
            if written == 0 {
                tx.execute("DELETE FROM batches WHERE id = ?1", [batch.0])?;
            } else {
                finish_batch(&tx, batch, written)?;
                summary.batch = Some(batch);
            }
            summaries.push(summary);
        }
        tx.commit()?;
        Ok(summaries)
    }

    /// Current observations in a stable order: indicator, period, area (gemeenten, region, NL).
    pub fn observations(&self, filter: &ObservationFilter) -> Result<Vec<Observation>, StoreError> {
        match &filter.indicator {
            Some(id) => {
                let mut query = self.conn.prepare_cached(include_str!("current_of.sql"))?;
                let rows = query.query_map([id], row_to_observation)?;
                rows.map(|row| row?).collect()
            }
            None => {
                let mut query = self.conn.prepare_cached(include_str!("current.sql"))?;
                let rows = query.query_map([], row_to_observation)?;
                rows.map(|row| row?).collect()
            }
        }
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

/// Adds new cells with one statement each; only a cell that exists already costs a read, and only a
/// changed one a history row and an update.
fn write_cells(
    tx: &Transaction,
    batch: BatchId,
    observations: &[&Observation],
) -> Result<WriteSummary, StoreError> {
    let mut insert_new = tx.prepare_cached(include_str!("insert_new.sql"))?;
    let mut current = tx.prepare_cached(include_str!("cell.sql"))?;
    let mut remember = tx.prepare_cached(include_str!("remember.sql"))?;
    let mut replace = tx.prepare_cached(include_str!("replace.sql"))?;
    let mut summary = WriteSummary::default();
    let mut period = String::new();
    for observation in observations {
        period.clear();
        observation.period.write_canonical(&mut period);
        let (value, reason) = match observation.value {
            Value::Number(n) => (Some(n), None),
            Value::Unavailable(reason) => (None, Some(reason.code())),
        };
        let key = (
            observation.indicator.as_str(),
            observation.area.code,
            period.as_str(),
        );
        let remark = observation.remark.as_deref();
        let values = params![
            key.0,
            key.1,
            key.2,
            value,
            reason,
            observation.provisional,
            remark,
            batch.0
        ];
        if insert_new.execute(values)? == 1 {
            summary.added += 1;
            continue;
        }
        let stored = current
            .query_row(params![key.0, key.1, key.2], Cell::from_row)
            .optional()?;
        if stored.as_ref() == Some(&Cell::of(observation)) {
            summary.unchanged += 1;
            continue;
        }
        remember.execute(params![key.0, key.1, key.2, batch.0])?;
        replace.execute(values)?;
        summary.changed += 1;
    }
    Ok(summary)
}
