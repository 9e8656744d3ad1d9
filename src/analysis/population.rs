//! Inwoners per area and year, the denominator of every "per 1.000 inwoners" figure.

use std::collections::BTreeMap;

use crate::domain::{Area, AreaKind, Observation, Period, Region};

/// The indicator that carries the number of inhabitants on 1 January.
pub const POPULATION_INDICATOR: &str = "inwoners";

#[derive(Debug, Clone)]
pub struct Population {
    /// Area code → year → inhabitants.
    by_area: BTreeMap<&'static str, BTreeMap<i32, f64>>,
    /// Whose gemeenten make up the region's total in each period.
    region: Region,
}

impl Population {
    /// From the observations of [`POPULATION_INDICATOR`] in `region`.
    pub fn from_observations(observations: &[Observation], region: &Region) -> Population {
        let mut population = Population {
            by_area: BTreeMap::new(),
            region: region.clone(),
        };
        for observation in observations
            .iter()
            .filter(|o| o.indicator == POPULATION_INDICATOR)
        {
            if let Some(value) = observation.value.number() {
                population
                    .by_area
                    .entry(observation.area.code)
                    .or_default()
                    .insert(observation.period.year(), value);
            }
        }
        population
    }

    /// Inhabitants of `area` in the year `period` starts in, or the latest year before it; for the region
    /// without its own figure, the sum of the gemeenten it had in that period.
    pub fn get(&self, area: &Area, period: &Period) -> Option<f64> {
        let year = period.year();
        let own = self
            .by_area
            .get(area.code)
            .and_then(|years| years.range(..=year).next_back())
            .map(|(_, v)| *v);
        match (own, area.kind) {
            (Some(value), _) => Some(value),
            (None, AreaKind::Regio) => self
                .region
                .gemeenten_in(period)
                .map(|g| self.get(&g, period))
                .sum(),
            (None, _) => None,
        }
    }
}
