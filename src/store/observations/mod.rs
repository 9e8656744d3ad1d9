//! Current observations: reading them, and (in `write`) writing batches of them.

mod bulk_insert;
mod write;

use rusqlite::Row;

use super::areas::AreaRegister;
use super::{Store, StoreError};
use crate::domain::{BatchId, FastHashMap, Observation, Period, Reason, Value};

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
    /// Current observations in a stable order: indicator, period, area (gemeenten, region, NL).
    pub fn observations(&self, filter: &ObservationFilter) -> Result<Vec<Observation>, StoreError> {
        match &filter.indicator {
            Some(id) => {
                let mut periods = Periods::default();
                let mut query = self.conn.prepare_cached(include_str!("current_of.sql"))?;
                let rows = query.query_map([id], |row| {
                    let order = self.areas.sort_order(row.get(1)?);
                    Ok(row_to_observation(&self.areas, &mut periods, row)?.map(|o| (order, o)))
                })?;
                let read = rows.map(|row| row?).collect::<Result<Vec<_>, _>>()?;
                // Sorting the small keys, not the observations themselves, which are ten times as large.
                let mut keys: Vec<(Period, i64, usize)> = read
                    .iter()
                    .enumerate()
                    .map(|(at, (order, o))| (o.period, *order, at))
                    .collect();
                keys.sort_unstable();
                let mut read: Vec<Option<Observation>> =
                    read.into_iter().map(|(_, o)| Some(o)).collect();
                Ok(keys
                    .into_iter()
                    .filter_map(|(_, _, at)| read[at].take())
                    .collect())
            }
            None => {
                let mut periods = Periods::default();
                let mut query = self.conn.prepare_cached(include_str!("current.sql"))?;
                let rows = query
                    .query_map([], |row| row_to_observation(&self.areas, &mut periods, row))?;
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

/// The periods read so far, by their stored text: a store holds a few dozen distinct periods in
/// millions of rows, so each is parsed once per read.
type Periods = FastHashMap<Box<str>, Period>;

fn row_to_observation(
    areas: &AreaRegister,
    periods: &mut Periods,
    row: &Row,
) -> rusqlite::Result<Result<Observation, StoreError>> {
    let indicator: String = row.get(0)?;
    let area_number: i64 = row.get(1)?;
    let period_text = row.get_ref(2)?.as_str()?;
    let number: Option<f64> = row.get(3)?;
    let reason_code: Option<String> = row.get(4)?;
    let corrupt = |what: String| Ok(Err(StoreError::Corrupt(format!("{indicator}: {what}"))));
    let Some(area) = areas.by_number(area_number) else {
        return corrupt(format!("onbekend gebied nummer {area_number}"));
    };
    let period = match periods.get(period_text) {
        Some(period) => *period,
        None => {
            let Ok(period) = Period::parse(period_text) else {
                return corrupt(format!("onbekende periode '{period_text}'"));
            };
            periods.insert(period_text.into(), period);
            period
        }
    };
    let value = match (number, reason_code.as_deref().map(Reason::from_code)) {
        (Some(n), None) => Value::Number(n),
        (None, Some(Some(reason))) => Value::Unavailable(reason),
        _ => return corrupt(format!("ongeldige waarde voor {} {period_text}", area.code)),
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
