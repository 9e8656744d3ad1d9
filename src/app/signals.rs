//! The "Signalen" list: every indicator whose latest region value shows a signal, strongest first.

use super::{AppError, Workspace};
use chrono::NaiveDate;

use super::dashboard::breaks;
use crate::analysis::{
    Change, POPULATION_INDICATOR, Population, Series, Signal, change_within, region_series,
    signal_within,
};
use crate::domain::{Indicator, Period};
use crate::store::ObservationFilter;

#[derive(Debug, Clone)]
pub struct SignalRow {
    pub indicator: Indicator,
    pub signal: Signal,
    /// The region value at the signal's period.
    pub value: f64,
    pub year_on_year: Option<Change>,
}

/// The signal rows of these region series, strongest first.
pub(super) fn signal_rows<'a>(
    regions: impl Iterator<Item = (&'a Indicator, &'a Series, &'a [NaiveDate])>,
    at: Option<&Period>,
) -> Vec<SignalRow> {
    let mut rows = Vec::new();
    for (indicator, series, breaks) in regions {
        let Some(period) = series.latest(at) else {
            continue;
        };
        let Some(value) = series.value(&period) else {
            continue;
        };
        let found = signal_within(indicator, series, &period, breaks);
        if found.kind.is_signal() {
            rows.push(SignalRow {
                indicator: indicator.clone(),
                signal: found,
                value,
                year_on_year: change_within(series, &period, breaks).ok().flatten(),
            });
        }
    }
    rows.sort_by(|a, b| b.signal.strength.abs().total_cmp(&a.signal.strength.abs()));
    rows
}

impl SignalRow {
    /// "▲" or "▼": the direction, so a signal never rests on colour alone.
    pub fn arrow(&self) -> &'static str {
        if self.signal.rising { "▲" } else { "▼" }
    }

    /// "Meldingen overlast verward persoon (E33): verslechtering in 2025 K4".
    pub fn headline(&self) -> String {
        format!(
            "{}: {} in {}",
            self.indicator.name,
            self.signal.kind.label(),
            self.signal.period.label()
        )
    }

    /// "859, +17% t.o.v. 2024 K4" (shielded where the value is a small count).
    pub fn detail(&self) -> String {
        let change = self
            .year_on_year
            .and_then(|c| {
                Some(format!(
                    ", {:+.0}% t.o.v. {}",
                    c.relative()? * 100.0,
                    c.from.label()
                ))
            })
            .unwrap_or_default();
        format!("{}{change}", self.indicator.value_text(self.value))
    }
}

impl Workspace {
    /// Region signals at the latest period of each indicator (at or before `at` when given).
    pub fn signals(&self, at: Option<&Period>) -> Result<Vec<SignalRow>, AppError> {
        let population =
            Population::from_observations(&self.observations_of(POPULATION_INDICATOR)?);
        let events = self.events()?;
        let mut regions = Vec::new();
        for indicator in self.catalog().indicators() {
            let observations = self.observations_of(&indicator.id)?;
            regions.push((
                indicator,
                region_series(indicator, &observations, &population),
                breaks(&events, indicator, None),
            ));
        }
        Ok(signal_rows(
            regions.iter().map(|(i, s, b)| (*i, s, b.as_slice())),
            at,
        ))
    }

    fn observations_of(&self, id: &str) -> Result<Vec<crate::domain::Observation>, AppError> {
        let filter = ObservationFilter {
            indicator: Some(id.to_string()),
        };
        Ok(self.store().observations(&filter)?)
    }
}
