//! Inwoners per area and year, the denominator of every "per 1.000 inwoners" figure.

use std::collections::BTreeMap;

use crate::domain::{Area, AreaKind, Observation, Period};

/// The indicator that carries the number of inhabitants on 1 January.
pub const POPULATION_INDICATOR: &str = "inwoners";

#[derive(Debug, Clone, Default)]
pub struct Population {
    /// Area code → year → inhabitants.
    by_area: BTreeMap<&'static str, BTreeMap<i32, f64>>,
}

impl Population {
    /// From the observations of [`POPULATION_INDICATOR`].
    pub fn from_observations(observations: &[Observation]) -> Population {
        let mut population = Population::default();
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
    /// without its own figure, the sum of the seven gemeenten.
    pub fn get(&self, area: &Area, period: &Period) -> Option<f64> {
        let year = period.year();
        let own = self
            .by_area
            .get(area.code)
            .and_then(|years| years.range(..=year).next_back())
            .map(|(_, v)| *v);
        match (own, area.kind) {
            (Some(value), _) => Some(value),
            (None, AreaKind::Regio) => Area::gemeenten().map(|g| self.get(&g, period)).sum(),
            (None, _) => None,
        }
    }
}
