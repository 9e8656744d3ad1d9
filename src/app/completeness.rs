//! Which gemeenten delivered what for a period: the "status" of the quarterly round.

use std::collections::HashMap;

use super::{AppError, Workspace};
use chrono::NaiveDate;

use crate::domain::{
    Aggregation, Area, AreaKind, Batch, Frequency, Indicator, Period, Reason, Value, days_late,
};
use crate::store::ObservationFilter;

#[derive(Debug, Clone)]
pub struct Completeness {
    pub indicator: Indicator,
    pub delivered: Vec<Area>,
    /// Nothing on record for the period.
    pub missing: Vec<Area>,
    /// Reported by the supplier as not delivered.
    pub not_delivered: Vec<Area>,
    /// Whether a region value is on record.
    pub region: bool,
    /// When the figures for the period are due, by the indicator's delivery rule.
    pub due: NaiveDate,
    /// Days past the due date while something is still missing.
    pub days_late: Option<i64>,
    /// The newest batch the indicator's current values came from: when and by whom it was delivered.
    pub last_delivery: Option<Batch>,
    /// Whether the gemeenten deliver this indicator: not for a region-only figure (no region rule
    /// and no gemeente value ever on record), where only the region is asked for.
    pub per_gemeente: bool,
}

impl Completeness {
    pub fn is_complete(&self) -> bool {
        if self.per_gemeente {
            self.missing.is_empty() && self.not_delivered.is_empty()
        } else {
            self.region
        }
    }
}

impl Workspace {
    /// The most recent quarter any quarterly indicator has a value for: the round to check first.
    pub fn latest_quarter(&self) -> Result<Option<Period>, AppError> {
        let mut latest = None;
        for indicator in self
            .catalog()
            .indicators()
            .iter()
            .filter(|i| i.frequency == Frequency::Kwartaal)
        {
            let filter = ObservationFilter {
                indicator: Some(indicator.id.clone()),
            };
            let newest = self
                .store()
                .observations(&filter)?
                .into_iter()
                .map(|o| o.period)
                .max();
            latest = latest.max(newest);
        }
        Ok(latest)
    }

    /// Per indicator delivered for `period`: those of its frequency, and stock figures (peildatum)
    /// with their dates inside it.
    /// `today` is the day lateness is judged against.
    pub fn completeness(
        &self,
        period: &Period,
        today: NaiveDate,
    ) -> Result<Vec<Completeness>, AppError> {
        let mut provenance = self.provenance(&self.store().batches()?)?;
        let mut result = Vec::new();
        for indicator in self.catalog().indicators() {
            let filter = ObservationFilter {
                indicator: Some(indicator.id.clone()),
            };
            let stock_at_a_date = indicator.frequency == Frequency::Peildatum;
            if !indicator.frequency.fits(period) && !stock_at_a_date {
                continue;
            }
            let all = self.store().observations(&filter)?;
            let per_gemeente = indicator.aggregation != Aggregation::None
                || all.iter().any(|o| o.area.kind == AreaKind::Gemeente);
            // Per area in one pass: whether any value in the period was delivered (true), or only
            // "niet geleverd" (false); an area without values is absent.
            let mut delivered: HashMap<Area, bool> = HashMap::new();
            for o in all.iter().filter(|o| period.contains(&o.period)) {
                let value = !matches!(o.value, Value::Unavailable(Reason::NotDelivered));
                *delivered.entry(o.area).or_default() |= value;
            }
            let status = |area: &Area| delivered.get(area).copied();
            let mut entry = Completeness {
                indicator: indicator.clone(),
                delivered: Vec::new(),
                missing: Vec::new(),
                not_delivered: Vec::new(),
                region: status(&self.region().area()) == Some(true),
                per_gemeente,
                due: indicator.due_date(period),
                days_late: None,
                last_delivery: provenance
                    .remove(&indicator.id)
                    .and_then(|batches| batches.into_iter().next())
                    .map(|(batch, _)| batch),
            };
            // The gemeenten that existed in the period: after a merger, the old one is not missing.
            for area in self.region().gemeenten_in(period).filter(|_| per_gemeente) {
                match status(&area) {
                    Some(true) => entry.delivered.push(area),
                    Some(false) => entry.not_delivered.push(area),
                    None => entry.missing.push(area),
                }
            }
            if !entry.is_complete() {
                entry.days_late = days_late(entry.due, today);
            }
            result.push(entry);
        }
        Ok(result)
    }
}
