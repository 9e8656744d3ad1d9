//! The first thing a user sees: per indicator the latest value for the region.

use super::{AppError, SignalRow, Workspace};
use crate::domain::{Area, Indicator, Observation};
use crate::store::ObservationFilter;

#[derive(Debug, Clone)]
pub struct IndicatorLatest {
    pub indicator: Indicator,
    /// The region's most recent observation, if any.
    pub latest: Option<Observation>,
}

#[derive(Debug, Clone)]
pub struct Overview {
    pub indicators: Vec<IndicatorLatest>,
    /// Whether demo values are on record: the UI then shows the "Voorbeelddata" banner.
    pub demo: bool,
    pub observation_count: u64,
    /// The "Signalen" list, strongest first.
    pub signals: Vec<SignalRow>,
}

impl Workspace {
    pub fn overview(&self) -> Result<Overview, AppError> {
        let mut indicators = Vec::new();
        for indicator in self.catalog().indicators() {
            let filter = ObservationFilter {
                indicator: Some(indicator.id.clone()),
            };
            let latest = self
                .store()
                .observations(&filter)?
                .into_iter()
                .filter(|o| o.area == Area::region())
                .max_by_key(|o| o.period.start());
            indicators.push(IndicatorLatest {
                indicator: indicator.clone(),
                latest,
            });
        }
        Ok(Overview {
            indicators,
            demo: self.holds_demo_values()?,
            observation_count: self.store().observation_count()?,
            signals: self.signals(None)?,
        })
    }
}
