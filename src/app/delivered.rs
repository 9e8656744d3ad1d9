//! Every indicator's series as delivered: the population, the region (derived from its gemeenten
//! where needed), every gemeente and Nederland. Built in this one place for the dashboard and the
//! Signalen list, so both read the same series, and both resolve "no period chosen" the same way.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};

use super::{AppError, Workspace};
use crate::analysis::{POPULATION_INDICATOR, Population, Series, area_series, region_series};
use crate::domain::{Area, Frequency, Indicator, Observation, Period, Region};
use crate::store::{ObservationFilter, Store};

/// One indicator's series as delivered, before the choice of period and measure.
pub struct Delivered {
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
        let (population, series) = self.delivered(self.catalog().indicators())?;
        Ok(OnRecord { population, series })
    }

    /// The series of `indicators` in their order, with the inhabitants they are divided by. With
    /// enough of them, half are read on a second connection on the other core: reading the values
    /// is most of the time a dashboard takes.
    pub fn delivered(
        &self,
        indicators: &[Indicator],
    ) -> Result<(Population, Vec<Delivered>), AppError> {
        let population = Population::from_observations(
            &observations_of(self.store(), POPULATION_INDICATOR)?,
            self.region(),
        );
        let region = self.region();
        let read = |store: &Store, indicators: &[Indicator]| {
            series_of(store, indicators, &population, region)
        };
        let reader = (indicators.len() >= PARALLEL_FROM)
            .then(|| self.store().reader())
            .flatten();
        let series = match reader {
            None => read(self.store(), indicators)?,
            Some(reader) => {
                let (first, second) = indicators.split_at(indicators.len() / 2);
                std::thread::scope(|scope| {
                    let other = scope.spawn(move || read(&reader, second));
                    let mut series = read(self.store(), first)?;
                    match other.join() {
                        Ok(rest) => series.extend(rest?),
                        Err(panic) => std::panic::resume_unwind(panic),
                    }
                    Ok::<_, AppError>(series)
                })?
            }
        };
        Ok((population, series))
    }
}

/// Below this many indicators a second connection costs more than it saves.
const PARALLEL_FROM: usize = 16;

/// One indicator at a time: only its series are kept, never every observation at once.
fn series_of(
    store: &Store,
    indicators: &[Indicator],
    population: &Population,
    region: &Region,
) -> Result<Vec<Delivered>, AppError> {
    let gemeenten: Vec<Area> = region.gemeenten().collect();
    // The gemeenten, then Nederland: split off in one pass over each indicator's values.
    let areas: Vec<Area> = gemeenten
        .iter()
        .copied()
        .chain([Area::nederland()])
        .collect();
    let mut series = Vec::with_capacity(indicators.len());
    for indicator in indicators {
        let observations = observations_of(store, &indicator.id)?;
        let mut split = area_series(&observations, &areas);
        let nederland = split.pop().unwrap_or_default();
        series.push(Delivered {
            region: region_series(indicator, &observations, population, region),
            gemeenten: gemeenten.iter().copied().zip(split).collect(),
            nederland,
            indicator: indicator.clone(),
        });
    }
    Ok(series)
}

fn observations_of(store: &Store, id: &str) -> Result<Vec<Observation>, AppError> {
    let filter = ObservationFilter {
        indicator: Some(id.to_string()),
    };
    Ok(store.observations(&filter)?)
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
