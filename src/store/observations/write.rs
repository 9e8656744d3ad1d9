//! Writing batches of observations: each delivered value is compared with the stored one, a
//! changed value is replaced (the old one kept in the history), new ones go to [`insert_cells`].

use super::bulk_insert::insert_cells;
use super::{Periods, WriteSummary, row_to_observation, value_columns};
use crate::domain::{BatchId, BatchSource, CellValue, FastHashMap, Observation, Period};
use crate::store::areas::AreaRegister;
use crate::store::batches::{begin_batch, discard_batch, finish_batch};
use crate::store::connection::{Sql, Tx};
use crate::store::{READING_CACHE_KB, Store, StoreError, WRITING_CACHE_KB};

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
    pub fn write_batches<T: CellValue>(
        &mut self,
        batches: &[(BatchSource, Vec<T>)],
    ) -> Result<Vec<WriteSummary>, StoreError> {
        let Some(conn) = self.conn.sqlite() else {
            self.writer()?;
            return self.write_in_one_transaction(batches);
        };
        conn.pragma_update(None, "cache_size", WRITING_CACHE_KB)?;
        conn.pragma_update(None, "foreign_keys", false)?;
        let written = self.write_in_one_transaction(batches);
        if let Some(conn) = self.conn.sqlite() {
            conn.pragma_update(None, "foreign_keys", true)?;
            conn.pragma_update(None, "cache_size", READING_CACHE_KB)?;
        }
        written
    }

    fn write_in_one_transaction<T: CellValue>(
        &mut self,
        batches: &[(BatchSource, Vec<T>)],
    ) -> Result<Vec<WriteSummary>, StoreError> {
        let areas = &self.areas;
        self.conn.transaction(|tx| {
            let mut summaries = Vec::with_capacity(batches.len());
            for (source, observations) in batches {
                let batch = begin_batch(tx, source)?;
                let mut summary = write_cells(tx, areas, batch, observations)?;
                let written = summary.added + summary.changed;
                if written == 0 {
                    discard_batch(tx, batch)?;
                } else {
                    finish_batch(tx, batch, written)?;
                    summary.batch = Some(batch);
                }
                summaries.push(summary);
            }
            Ok(summaries)
        })
    }
}

/// New cells go in many rows per statement (see [`insert_cells`]); only a cell that exists already is
/// compared, and only a changed one costs a history row and an update.
fn write_cells<T: CellValue>(
    tx: &mut Tx,
    areas: &AreaRegister,
    batch: BatchId,
    observations: &[T],
) -> Result<WriteSummary, StoreError> {
    let mut summary = WriteSummary::default();
    let mut new = Vec::with_capacity(observations.len());
    let mut numbers = Numbers::default();
    for group in in_key_order(observations).chunk_by(|a, b| a.indicator() == b.indicator()) {
        numbers.look_up(tx, group)?;
        let stored = stored_cells(tx, areas, group[0].indicator())?;
        if stored.is_empty() {
            new.extend_from_slice(group);
            continue;
        }
        for observation in group {
            match stored.get(&(observation.area().code, observation.period())) {
                None => new.push(*observation),
                Some(old) if observation.same_as(old) => summary.unchanged += 1,
                Some(_) => {
                    replace_cell(tx, batch, numbers.of(observation), observation)?;
                    summary.changed += 1;
                }
            }
        }
    }
    insert_cells(tx, batch, &new, |observation| numbers.of(observation))?;
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
    fn look_up(&mut self, tx: &mut Tx, group: &[&'o impl CellValue]) -> Result<(), StoreError> {
        let id = group[0].indicator();
        let number = number_of(tx, INDICATOR_NUMBER, id)?;
        self.indicators.insert(id, number);
        for series in group.chunk_by(|a, b| a.area() == b.area()) {
            let code = series[0].area().code;
            if !self.areas.contains_key(code) {
                self.areas.insert(code, number_of(tx, AREA_NUMBER, code)?);
            }
        }
        Ok(())
    }

    /// The indicator's and the area's number; both were looked up before.
    fn of(&self, observation: &impl CellValue) -> (i64, i64) {
        (
            self.indicators[observation.indicator()],
            self.areas[observation.area().code],
        )
    }
}

/// Grouped by indicator and area (in the order areas are listed, as the importer delivers them), each
/// series in period order, so new cells land next to each other in the tree; of two values for the
/// same cell the later one counts. The sort key is made of numbers once per value, not compared as
/// text a million times; values already in this order (as an import delivers them) are taken as
/// they are, without the sort and its copy of a million keys.
fn in_key_order<'o, T: CellValue>(observations: &'o [T]) -> Vec<&'o T> {
    let mut groups: FastHashMap<&str, u32> = FastHashMap::default();
    let mut last: Option<(&str, u32)> = None;
    let mut key = |observation: &'o T| {
        let id = observation.indicator();
        let group = match last {
            Some((last_id, group)) if last_id == id => group,
            _ => {
                let next = groups.len() as u32;
                *groups.entry(id).or_insert(next)
            }
        };
        last = Some((id, group));
        (group, observation.area().key(), observation.period())
    };
    let keys = observations.iter().map(&mut key);
    if keys.is_sorted_by(|a, b| a < b) {
        return observations.iter().collect();
    }
    let mut keyed: Vec<(u32, u32, Period, u32)> = observations
        .iter()
        .map(key)
        .zip(0u32..)
        .map(|((group, area, period), index)| (group, area, period, index))
        .collect();
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
        .map(|key| &observations[key.3 as usize])
        .collect()
}

/// How the number of an indicator or area is found, and the table named when there is none.
struct NumberQuery {
    sql: &'static str,
    table: &'static str,
}

const INDICATOR_NUMBER: NumberQuery = NumberQuery {
    sql: "SELECT number FROM indicators WHERE id = ?1",
    table: "indicators",
};

const AREA_NUMBER: NumberQuery = NumberQuery {
    sql: "SELECT number FROM areas WHERE code = ?1",
    table: "areas",
};

/// The number of the indicator or area `key`; refused when the store does not know it.
fn number_of(tx: &mut Tx, query: NumberQuery, key: &str) -> Result<i64, StoreError> {
    let number: Option<Option<i64>> = tx.row(query.sql, &[&key], |r| r.get(0))?;
    number.flatten().ok_or_else(|| {
        StoreError::Refused(format!(
            "'{key}' staat niet in de tabel {}; er is niets opgeslagen",
            query.table
        ))
    })
}

/// The stored values of one indicator, by area and period.
fn stored_cells(
    tx: &mut Tx,
    areas: &AreaRegister,
    indicator: &str,
) -> Result<FastHashMap<(&'static str, Period), Observation>, StoreError> {
    let mut periods = Periods::default();
    let mut cells = FastHashMap::default();
    tx.each(include_str!("current_of.sql"), &[&indicator], &mut |row| {
        let observation = row_to_observation(areas, &mut periods, row)?;
        cells.insert((observation.area.code, observation.period), observation);
        Ok(())
    })?;
    Ok(cells)
}

/// Remembers the stored value in the history, then writes the delivered one over it.
fn replace_cell(
    tx: &mut Tx,
    batch: BatchId,
    (indicator, area): (i64, i64),
    observation: &impl CellValue,
) -> Result<(), StoreError> {
    let period = observation.period().canonical();
    tx.exec(
        include_str!("remember.sql"),
        &[&indicator, &area, &period, &batch.0],
    )?;
    let (value, reason) = value_columns(observation.value());
    tx.exec(
        include_str!("replace.sql"),
        &[
            &indicator,
            &area,
            &period,
            &value,
            &reason,
            &observation.provisional(),
            &observation.remark(),
            &batch.0,
        ],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::in_key_order;
    use crate::domain::{Observation, Period, Value};

    fn observation(indicator: &str, area: &str, period: &str, value: f64) -> Observation {
        Observation {
            indicator: indicator.to_string(),
            area: crate::catalog::zawa().parse(area).unwrap(),
            period: Period::parse(period).unwrap(),
            value: Value::Number(value),
            provisional: false,
            remark: None,
        }
    }

    #[test]
    fn values_go_by_indicator_area_and_period_and_the_later_of_two_counts() {
        let given = [
            observation("b", "Zaanstad", "2024", 1.0),
            observation("b", "Landsmeer", "2025", 2.0),
            observation("a", "Zaanstad", "2024", 3.0),
            observation("b", "Landsmeer", "2024", 4.0),
            observation("b", "Zaanstad", "2024", 5.0),
        ];
        let values: Vec<f64> = in_key_order(&given)
            .iter()
            .filter_map(|o| o.value.number())
            .collect();
        assert_eq!(values, [4.0, 2.0, 5.0, 3.0]);
        let ordered = [&given[3], &given[1], &given[4], &given[2]];
        let again: Vec<&Observation> = in_key_order(&ordered).into_iter().copied().collect();
        assert_eq!(again, ordered, "in order already, taken as it is");
    }
}
