//! Current observations: reading them, and (in `write`) writing batches of them.

mod bulk_insert;
mod copy_in;
mod write;

use super::areas::AreaRegister;
use super::connection::Row;
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
                let read = self
                    .conn
                    .rows(include_str!("current_of.sql"), &[id], |row| {
                        let order = self.areas.sort_order(row.get(1)?);
                        Ok((order, row_to_observation(&self.areas, &mut periods, row)?))
                    })?;
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
                self.conn.rows(include_str!("current.sql"), &[], |row| {
                    row_to_observation(&self.areas, &mut periods, row)
                })
            }
        }
    }

    pub fn observation_count(&self) -> Result<u64, StoreError> {
        let count: i64 = self.conn.value("SELECT count(*) FROM observations", &[])?;
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
) -> Result<Observation, StoreError> {
    let indicator: String = row.get(0)?;
    let area_number: i64 = row.get(1)?;
    let number: Option<f64> = row.get(3)?;
    let reason_code: Option<String> = row.get(4)?;
    let corrupt = |what: String| Err(StoreError::Corrupt(format!("{indicator}: {what}")));
    let Some(area) = areas.by_number(area_number) else {
        return corrupt(format!("onbekend gebied nummer {area_number}"));
    };
    let period = row.with_str(2, |text| match periods.get(text) {
        Some(period) => Ok::<Period, String>(*period),
        None => {
            let period = Period::parse(text).map_err(|_| text.to_string())?;
            periods.insert(text.into(), period);
            Ok(period)
        }
    })?;
    let period = match period {
        Ok(period) => period,
        Err(text) => return corrupt(format!("onbekende periode '{text}'")),
    };
    let value = match (number, reason_code.as_deref().map(Reason::from_code)) {
        (Some(n), None) => Value::Number(n),
        (None, Some(Some(reason))) => Value::Unavailable(reason),
        _ => {
            return corrupt(format!(
                "ongeldige waarde voor {} {}",
                area.code,
                period.canonical()
            ));
        }
    };
    Ok(Observation {
        indicator,
        area,
        period,
        value,
        provisional: row.get(5)?,
        remark: row.get(6)?,
    })
}
