//! Every indicator's series as delivered: the population, the region (derived from its gemeenten
//! where needed), every gemeente and Nederland. Built in this one place for the dashboard and the
//! Signalen list, so both read the same series, and both resolve "no period chosen" the same way.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};

use super::{AppError, Workspace};
use crate::analysis::{POPULATION_INDICATOR, Population, Series, area_series, region_series};
use crate::domain::{Area, Frequency, Indicator, Period};
use crate::store::ObservationFilter;

/// One indicator's series as delivered, before the choice of period and measure.
pub(super) struct Delivered {
    pub indicator: Indicator,
    pub region: Series,
    pub gemeenten: Vec<(Area, Series)>,
    /// Nederland as reference, where open data delivered it.
    pub nederland: Series,
}

/// The series of every indicator in catalog order, with the inhabitants they are divided by.
pub(super) struct OnRecord {
    pub population: Population,
    pub series: Vec<Delivered>,
}

impl Workspace {
    pub(super) fn on_record(&self) -> Result<OnRecord, AppError> {
        let population = Population::from_observations(
            &self.observations_of(POPULATION_INDICATOR)?,
            self.region(),
        );
        // One indicator at a time: only its series are kept, never every observation at once.
        let mut series = Vec::with_capacity(self.catalog().indicators().len());
        let gemeenten: Vec<Area> = self.region().gemeenten().collect();
        // The gemeenten, then Nederland: split off in one pass over each indicator's values.
        let areas: Vec<Area> = gemeenten
            .iter()
            .copied()
            .chain([Area::nederland()])
            .collect();
        for indicator in self.catalog().indicators() {
            let observations = self.observations_of(&indicator.id)?;
            let mut split = area_series(&observations, &areas);
            let nederland = split.pop().unwrap_or_default();
            series.push(Delivered {
                region: region_series(indicator, &observations, &population, self.region()),
                gemeenten: gemeenten.iter().copied().zip(split).collect(),
                nederland,
                indicator: indicator.clone(),
            });
        }
        Ok(OnRecord { population, series })
    }

    fn observations_of(&self, id: &str) -> Result<Vec<crate::domain::Observation>, AppError> {
        let filter = ObservationFilter {
            indicator: Some(id.to_string()),
        };
        Ok(self.store().observations(&filter)?)
    }
}

impl OnRecord {
    /// Quarters on record, newest first: what the period selector offers.
    pub fn quarters(&self) -> Vec<Period> {
        let quarters: BTreeSet<Period> = self
            .series
            .iter()
            .filter(|d| d.indicator.frequency == Frequency::Kwartaal)
            .flat_map(|d| {
                std::iter::once(&d.region)
                    .chain(d.gemeenten.iter().map(|(_, s)| s))
                    .flat_map(|s| s.points.keys().copied())
            })
            .collect();
        quarters.into_iter().rev().collect()
    }

    /// `wanted` when it is one of `quarters`; otherwise the newest quarter for which every quarterly
    /// indicator has a region value, so a BO does not look at a round that is still coming in; in an
    /// empty store the quarter `today` lies in.
    pub fn chosen_quarter(
        &self,
        wanted: Option<Period>,
        quarters: &[Period],
        today: NaiveDate,
    ) -> Period {
        let quarterly: Vec<&Series> = self
            .series
            .iter()
            .filter(|d| d.indicator.frequency == Frequency::Kwartaal && !d.region.points.is_empty())
            .map(|d| &d.region)
            .collect();
        let complete = || {
            quarters
                .iter()
                .find(|period| {
                    quarterly
                        .iter()
                        .all(|region| region.value(period).is_some())
                })
                .copied()
        };
        wanted
            .filter(|p| quarters.contains(p))
            .or_else(complete)
            .or_else(|| quarters.first().copied())
            .unwrap_or_else(|| Period::Quarter(today.year(), (today.month0() / 3 + 1) as u8))
    }
}
