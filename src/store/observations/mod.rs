use rusqlite::{OptionalExtension, Row, Transaction, TransactionBehavior, params};

use super::batches::{begin_batch, finish_batch};
use super::{Store, StoreError};
use crate::domain::{Area, BatchId, BatchSource, FastHashMap, Observation, Period, Reason, Value};

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

/// The `value` and `reason` columns of a value: a number, or why it is absent.
fn value_columns(value: Value) -> (Option<f64>, Option<&'static str>) {
    match value {
        Value::Number(n) => (Some(n), None),
        Value::Unavailable(reason) => (None, Some(reason.code())),
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
    ///
    /// SQLite's per-row foreign key checks are off meanwhile (a third of the time of a million
    /// values): the writer checks each indicator and area once instead, in the same transaction.
    pub fn write_batches(
        &mut self,
        batches: &[(BatchSource, Vec<&Observation>)],
    ) -> Result<Vec<WriteSummary>, StoreError> {
        self.conn
            .pragma_update(None, "cache_size", super::WRITING_CACHE_KB)?;
        self.conn.pragma_update(None, "foreign_keys", false)?;
        let written = self.write_in_one_transaction(batches);
        self.conn.pragma_update(None, "foreign_keys", true)?;
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

/// New cells go in many rows per statement (see [`insert_cells`]); only a cell that exists already is
/// compared, and only a changed one costs a history row and an update.
fn write_cells(
    tx: &Transaction,
    batch: BatchId,
    observations: &[&Observation],
) -> Result<WriteSummary, StoreError> {
    let mut summary = WriteSummary::default();
    let mut new = Vec::with_capacity(observations.len());
    let mut numbers = Numbers::default();
    for group in in_key_order(observations).chunk_by(|a, b| a.indicator == b.indicator) {
        numbers.look_up(tx, group)?;
        let stored = stored_cells(tx, &group[0].indicator)?;
        if stored.is_empty() {
            new.extend_from_slice(group);
            continue;
        }
        for observation in group {
            match stored.get(&(observation.area.code, observation.period)) {
                None => new.push(*observation),
                Some(old) if old == *observation => summary.unchanged += 1,
                Some(_) => {
                    replace_cell(tx, batch, numbers.of(observation), observation)?;
                    summary.changed += 1;
                }
            }
        }
    }
    insert_cells(tx, batch, &numbers, &new)?;
    summary.added = new.len() as u64;
    Ok(summary)
}

/// The numbers the store knows indicators and areas by (see `schema/v5.sql`), looked up once per
/// write. An indicator or area the store does not know is refused: what SQLite's foreign key check
/// would do for each row.
#[derive(Default)]
struct Numbers<'o> {
    indicators: FastHashMap<&'o str, i64>,
    areas: FastHashMap<&'static str, i64>,
}

impl<'o> Numbers<'o> {
    /// Looks up the indicator and areas of one indicator's observations.
    fn look_up(&mut self, tx: &Transaction, group: &[&'o Observation]) -> Result<(), StoreError> {
        let id = group[0].indicator.as_str();
        let number = number_of(tx, "indicators", "id", id)?;
        self.indicators.insert(id, number);
        for series in group.chunk_by(|a, b| a.area == b.area) {
            let code = series[0].area.code;
            if !self.areas.contains_key(code) {
                self.areas
                    .insert(code, number_of(tx, "areas", "code", code)?);
            }
        }
        Ok(())
    }

    /// The indicator's and the area's number; both were looked up before.
    fn of(&self, observation: &Observation) -> (i64, i64) {
        (
            self.indicators[observation.indicator.as_str()],
            self.areas[observation.area.code],
        )
    }
}

/// Grouped by indicator and area (in the order areas are listed, as the importer delivers them), each
/// series in period order, so new cells land next to each other in the tree; of two values for the
/// same cell the later one counts. The sort key is made of numbers once per value, not compared as
/// text a million times.
fn in_key_order<'o>(observations: &[&'o Observation]) -> Vec<&'o Observation> {
    let mut groups: FastHashMap<&str, u32> = FastHashMap::default();
    let mut last: Option<(&str, u32)> = None;
    let mut keyed: Vec<(u32, usize, Period, u32)> = Vec::with_capacity(observations.len());
    for (observation, index) in observations.iter().zip(0u32..) {
        let id = observation.indicator.as_str();
        let group = match last {
            Some((last_id, group)) if last_id == id => group,
            _ => {
                let next = groups.len() as u32;
                *groups.entry(id).or_insert(next)
            }
        };
        last = Some((id, group));
        keyed.push((
            group,
            observation.area.display_order(),
            observation.period,
            index,
        ));
    }
    keyed.sort_unstable();
    keyed.dedup_by(|later, kept| {
        let same = (later.0, later.1, later.2) == (kept.0, kept.1, kept.2);
        if same {
            *kept = *later;
        }
        same
    });
    keyed
        .iter()
        .map(|key| observations[key.3 as usize])
        .collect()
}

/// The number of the row of `table` whose `column` is `key`; refused when there is none.
fn number_of(tx: &Transaction, table: &str, column: &str, key: &str) -> Result<i64, StoreError> {
    let sql = format!("SELECT number FROM {table} WHERE {column} = ?1");
    let number: Option<Option<i64>> = tx
        .prepare_cached(&sql)?
        .query_row([key], |r| r.get(0))
        .optional()?;
    number.flatten().ok_or_else(|| {
        StoreError::Refused(format!(
            "'{key}' staat niet in de tabel {table}; er is niets opgeslagen"
        ))
    })
}

/// The stored values of one indicator, by area and period.
fn stored_cells(
    tx: &Transaction,
    indicator: &str,
) -> Result<FastHashMap<(&'static str, Period), Observation>, StoreError> {
    let mut query = tx.prepare_cached(include_str!("current_of.sql"))?;
    let rows = query.query_map([indicator], row_to_observation)?;
    let mut cells = FastHashMap::default();
    for row in rows {
        let observation = row??;
        cells.insert((observation.area.code, observation.period), observation);
    }
    Ok(cells)
}

/// Remembers the stored value in the history, then writes the delivered one over it.
fn replace_cell(
    tx: &Transaction,
    batch: BatchId,
    (indicator, area): (i64, i64),
    observation: &Observation,
) -> Result<(), StoreError> {
    let period = observation.period.canonical();
    tx.prepare_cached(include_str!("remember.sql"))?
        .execute(params![indicator, area, period, batch.0])?;
    let (value, reason) = value_columns(observation.value);
    tx.prepare_cached(include_str!("replace.sql"))?
        .execute(params![
            indicator,
            area,
            period,
            value,
            reason,
            observation.provisional,
            observation.remark,
            batch.0
        ])?;
    Ok(())
}

/// Most rows per INSERT (a power of two): one statement for many rows costs SQLite much less than a
/// statement per row.
const INSERT_ROWS: usize = 64;

/// Parameters per row after the three a statement shares (indicator, area, batch).
const ROW_PARAMETERS: usize = 5;

/// Writes new cells series by series (one indicator and area), each in statements of 64, 32, … 1
/// rows that share the indicator, area and batch, bound once per statement.
fn insert_cells(
    tx: &Transaction,
    batch: BatchId,
    numbers: &Numbers,
    observations: &[&Observation],
) -> Result<(), StoreError> {
    let mut statements: Vec<Option<rusqlite::Statement>> =
        (0..=INSERT_ROWS.ilog2()).map(|_| None).collect();
    let mut period = String::new();
    for series in observations.chunk_by(|a, b| a.area == b.area && a.indicator == b.indicator) {
        let mut rest = series;
        while !rest.is_empty() {
            let size = 1usize << rest.len().min(INSERT_ROWS).ilog2();
            let (rows, after) = rest.split_at(size);
            let insert = match &mut statements[size.ilog2() as usize] {
                Some(insert) => insert,
                empty => empty.insert(tx.prepare(&insert_sql(size))?),
            };
            let (indicator, area) = numbers.of(rows[0]);
            insert.raw_bind_parameter(1, indicator)?;
            insert.raw_bind_parameter(2, area)?;
            insert.raw_bind_parameter(3, batch.0)?;
            for (index, observation) in rows.iter().enumerate() {
                bind_row(insert, 3 + index * ROW_PARAMETERS, observation, &mut period)?;
            }
            insert.raw_execute()?;
            rest = after;
        }
    }
    Ok(())
}

/// `INSERT … VALUES (?1, ?2, ?4, …, ?3), (?1, ?2, ?9, …, ?3), …` for `rows` rows of one series.
fn insert_sql(rows: usize) -> String {
    let values: Vec<String> = (0..rows)
        .map(|row| {
            let first = 4 + row * ROW_PARAMETERS;
            let own: Vec<String> = (first..first + ROW_PARAMETERS)
                .map(|p| format!("?{p}"))
                .collect();
            format!("(?1, ?2, {}, ?3)", own.join(", "))
        })
        .collect();
    format!(
        "INSERT INTO observations \
         (indicator_number, area_number, period, value, reason, provisional, remark, batch_id) \
         VALUES {}",
        values.join(", ")
    )
}

/// Binds one row's own columns after `offset` parameters; `period` is a reused buffer (SQLite copies
/// bound text).
fn bind_row(
    insert: &mut rusqlite::Statement,
    offset: usize,
    observation: &Observation,
    period: &mut String,
) -> rusqlite::Result<()> {
    period.clear();
    observation.period.write_canonical(period);
    let (value, reason) = value_columns(observation.value);
    insert.raw_bind_parameter(offset + 1, period.as_str())?;
    insert.raw_bind_parameter(offset + 2, value)?;
    insert.raw_bind_parameter(offset + 3, reason)?;
    insert.raw_bind_parameter(offset + 4, observation.provisional)?;
    insert.raw_bind_parameter(offset + 5, observation.remark.as_deref())
}
