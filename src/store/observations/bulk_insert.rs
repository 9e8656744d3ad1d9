//! The bulk writer. On SQLite new values go in many rows per INSERT, since one statement for many
//! rows costs SQLite much less than a statement per row (the statements are fixed files, one per
//! size); on PostgreSQL they go in one `COPY` (see `copy_in`).

use rusqlite::{Statement, Transaction};

use super::{copy_in, value_columns};
use crate::domain::{BatchId, CellValue};
use crate::store::StoreError;
use crate::store::connection::Tx;

/// The INSERT for 1, 2, 4, … 64 rows of one series, at the index of the power of two.
const INSERTS: [&str; 7] = [
    include_str!("insert/rows_1.sql"),
    include_str!("insert/rows_2.sql"),
    include_str!("insert/rows_4.sql"),
    include_str!("insert/rows_8.sql"),
    include_str!("insert/rows_16.sql"),
    include_str!("insert/rows_32.sql"),
    include_str!("insert/rows_64.sql"),
];

/// Most rows per INSERT.
const INSERT_ROWS: usize = 1 << (INSERTS.len() - 1);

/// Parameters a statement shares (indicator, area, batch), bound once per statement.
const SHARED_PARAMETERS: usize = 3;

/// Parameters per row after the shared ones.
const ROW_PARAMETERS: usize = 5;

/// Writes new cells; `numbers` gives a value's indicator and area number.
pub(super) fn insert_cells<T: CellValue>(
    tx: &mut Tx,
    batch: BatchId,
    observations: &[&T],
    numbers: impl Fn(&T) -> (i64, i64),
) -> Result<(), StoreError> {
    if observations.is_empty() {
        return Ok(());
    }
    match tx.sqlite() {
        Some(tx) => insert_in_sqlite(tx, batch, observations, numbers),
        None => copy_in::copy_cells(tx, batch, observations, numbers),
    }
}

/// Series by series (one indicator and area, as `observations` come: grouped), each in statements
/// of 64, 32, … 1 rows.
fn insert_in_sqlite<T: CellValue>(
    tx: &Transaction,
    batch: BatchId,
    observations: &[&T],
    numbers: impl Fn(&T) -> (i64, i64),
) -> Result<(), StoreError> {
    let mut statements: Vec<Option<Statement>> = INSERTS.iter().map(|_| None).collect();
    let mut period = String::new();
    let same_series = |a: &&T, b: &&T| a.area() == b.area() && a.indicator() == b.indicator();
    for series in observations.chunk_by(same_series) {
        let mut rest = series;
        while !rest.is_empty() {
            let size = 1usize << rest.len().min(INSERT_ROWS).ilog2();
            let (rows, after) = rest.split_at(size);
            let index = size.ilog2() as usize;
            let insert = match &mut statements[index] {
                Some(insert) => insert,
                empty => empty.insert(tx.prepare(INSERTS[index])?),
            };
            let (indicator, area) = numbers(rows[0]);
            insert.raw_bind_parameter(1, indicator)?;
            insert.raw_bind_parameter(2, area)?;
            insert.raw_bind_parameter(3, batch.0)?;
            for (index, observation) in rows.iter().enumerate() {
                let offset = SHARED_PARAMETERS + index * ROW_PARAMETERS;
                bind_row(insert, offset, observation, &mut period)?;
            }
            insert.raw_execute()?;
            rest = after;
        }
    }
    Ok(())
}

/// Binds one row's own columns after `offset` parameters; `period` is a reused buffer (SQLite copies
/// bound text).
fn bind_row(
    insert: &mut Statement,
    offset: usize,
    observation: &impl CellValue,
    period: &mut String,
) -> rusqlite::Result<()> {
    period.clear();
    observation.period().write_canonical(period);
    let (value, reason) = value_columns(observation.value());
    insert.raw_bind_parameter(offset + 1, period.as_str())?;
    insert.raw_bind_parameter(offset + 2, value)?;
    insert.raw_bind_parameter(offset + 3, reason)?;
    insert.raw_bind_parameter(offset + 4, observation.provisional())?;
    insert.raw_bind_parameter(offset + 5, observation.remark())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn each_statement_takes_the_shared_parameters_and_five_per_row() {
        let store = Store::open_in_memory().unwrap();
        for (index, sql) in INSERTS.iter().enumerate() {
            let rows = 1 << index;
            let insert = store.conn.sqlite().unwrap().prepare(sql).unwrap();
            assert_eq!(
                insert.parameter_count(),
                SHARED_PARAMETERS + rows * ROW_PARAMETERS,
                "the statement for {rows} rows"
            );
        }
    }
}
