//! What the dashboard layers show for one chosen quarter: per indicator the series of the region and
//! of every gemeente (counts or per 1.000 inwoners), the latest value known at that quarter, the change
//! against a year earlier, signals, and where the values came from. Computed once per change of data
//! or choice, so that drawing a frame only reads.

use std::collections::{BTreeMap, BTreeSet};

use super::signals::signal_rows;
use super::{AppError, SignalRow, Workspace};
use crate::analysis::{
    Change, POPULATION_INDICATOR, Population, Series, Signal, area_series, change_within, per_1000,
    region_series, signal_within,
};
use chrono::NaiveDate;

use crate::domain::{
    Area, AreaKind, Batch, BatchId, Event, EventKind, Frequency, Indicator, Note, Period, Story,
    days_late,
};
use crate::store::ObservationFilter;

/// Periods a tile's sparkline covers.
pub const SPARKLINE_PERIODS: usize = 12;

/// The user's choices that the figures depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DashboardChoice {
    /// The quarter to look at; `None`: the latest complete quarter.
    pub period: Option<Period>,
    /// Show rates per 1.000 inwoners where the indicator allows it.
    pub per_1000: bool,
    /// The day to judge delivery against; `None`: the workspace's today.
    pub today: Option<NaiveDate>,
}

#[derive(Debug, Clone)]
pub struct Dashboard {
    /// The quarter shown.
    pub period: Period,
    /// Quarters on record, newest first: what the period selector offers.
    pub periods: Vec<Period>,
    pub per_1000: bool,
    /// In catalog order.
    pub indicators: Vec<IndicatorFigures>,
    /// The "Signalen" list at the chosen period, strongest first.
    pub signals: Vec<SignalRow>,
    /// Whether demo values are on record: the UI then shows the "Voorbeelddata" banner.
    pub demo: bool,
    pub observation_count: u64,
    /// When the newest batch on record was written (RFC 3339): how fresh the figures are.
    pub updated_at: Option<String>,
    /// Every event on the time axis, oldest first.
    pub events: Vec<Event>,
    /// Every duiding note, newest BO first.
    pub notes: Vec<Note>,
    pub stories: Vec<Story>,
}

impl Dashboard {
    /// The BO dates notes were written for, newest first.
    pub fn bo_dates(&self) -> Vec<NaiveDate> {
        let dates: BTreeSet<NaiveDate> = self.notes.iter().map(|n| n.draft.bo_date).collect();
        dates.into_iter().rev().collect()
    }

    /// The notes on `indicator`, newest BO first.
    pub fn notes_on<'a>(&'a self, indicator: &'a str) -> impl Iterator<Item = &'a Note> + 'a {
        self.notes
            .iter()
            .filter(move |n| n.draft.indicator == indicator)
    }

    /// Whether the coming (or latest) BO has a note on `indicator`: the marker on a tile.
    pub fn has_current_note(&self, indicator: &str) -> bool {
        let latest = self.bo_dates().first().copied();
        self.notes_on(indicator)
            .any(|n| Some(n.draft.bo_date) == latest)
    }

    /// The stories beside `indicator`: linked to it or to its theme.
    pub fn stories_beside<'a>(
        &'a self,
        indicator: &'a IndicatorFigures,
    ) -> impl Iterator<Item = &'a Story> + 'a {
        self.stories
            .iter()
            .filter(move |s| s.belongs_beside(&indicator.indicator))
    }
}

/// One area's series of one indicator, as shown.
#[derive(Debug, Clone)]
pub struct AreaFigures {
    pub area: Area,
    /// Per 1.000 inwoners when the figures are rates, otherwise as delivered.
    pub series: Series,
    /// The counts behind a rate, for the numbers table; `None` when `series` holds the counts.
    pub counts: Option<Series>,
    /// The signal at the indicator's latest period.
    pub signal: Option<Signal>,
    /// Dates of the series breaks that apply to this area: no change is compared across them.
    pub breaks: Vec<NaiveDate>,
}

#[derive(Debug, Clone)]
pub struct IndicatorFigures {
    pub indicator: Indicator,
    /// Whether the figures are per 1.000 inwoners (the toggle is on and the indicator allows it).
    pub per_1000: bool,
    pub region: AreaFigures,
    /// The seven gemeenten in display order.
    pub gemeenten: Vec<AreaFigures>,
    /// Nederland per 1.000 inwoners as reference line, in a per-1.000 view of open data; never a
    /// zero for a shielded or missing national figure, simply absent.
    pub nederland: Option<AreaFigures>,
    /// The latest period with a region value known at the chosen quarter.
    pub latest: Option<Period>,
    pub year_on_year: Option<Change>,
    /// The series break that makes the year-on-year change incomparable, if any.
    pub broken_at: Option<NaiveDate>,
    /// The first period after the newest region value whose figures are past their due date, with
    /// how many days: the tile's "te laat" flag.
    pub overdue: Option<(Period, i64)>,
    /// Days since the end of the period of the newest region value on record.
    pub age_days: Option<i64>,
    /// The batches the current values came from, with how many values each, newest first.
    pub provenance: Vec<(Batch, u64)>,
}

impl IndicatorFigures {
    /// The region value at `latest`.
    pub fn value(&self) -> Option<f64> {
        self.region.series.value(&self.latest?)
    }

    /// Whether the region value at `latest` is provisional.
    pub fn provisional(&self) -> bool {
        self.latest
            .and_then(|p| self.region.series.points.get(&p))
            .is_some_and(|p| p.provisional)
    }

    /// The region's last periods up to `latest`, for a sparkline: absent values stay absent.
    pub fn sparkline(&self) -> Vec<(Period, Option<f64>)> {
        let Some(latest) = self.latest else {
            return Vec::new();
        };
        let points: Vec<(Period, Option<f64>)> = self
            .region
            .series
            .points
            .range(..=latest)
            .map(|(period, point)| (*period, point.value))
            .collect();
        points[points.len().saturating_sub(SPARKLINE_PERIODS)..].to_vec()
    }

    pub fn area(&self, area: &Area) -> Option<&AreaFigures> {
        std::iter::once(&self.region)
            .chain(&self.gemeenten)
            .find(|figures| figures.area == *area)
    }

    /// The periods any area has a point for, oldest first.
    pub fn periods(&self) -> Vec<Period> {
        let all: BTreeSet<Period> = std::iter::once(&self.region)
            .chain(&self.gemeenten)
            .flat_map(|figures| figures.series.points.keys().copied())
            .collect();
        all.into_iter().collect()
    }
}

impl Workspace {
    /// Per indicator, the batches its current values came from with how many each, newest first.
    pub(super) fn provenance(
        &self,
        batches: &[Batch],
    ) -> Result<BTreeMap<String, Vec<(Batch, u64)>>, AppError> {
        let by_id: BTreeMap<BatchId, &Batch> = batches.iter().map(|b| (b.id, b)).collect();
        let mut provenance: BTreeMap<String, Vec<(Batch, u64)>> = BTreeMap::new();
        for (indicator, id, count) in self.store().batches_per_indicator()? {
            if let Some(batch) = by_id.get(&id) {
                provenance
                    .entry(indicator)
                    .or_default()
                    .push(((*batch).clone(), count));
            }
        }
        Ok(provenance)
    }

    pub fn dashboard(&self, choice: DashboardChoice) -> Result<Dashboard, AppError> {
        let population =
            Population::from_observations(&self.store().observations(&ObservationFilter {
                indicator: Some(POPULATION_INDICATOR.to_string()),
            })?);
        let batches = self.store().batches()?;
        let mut provenance = self.provenance(&batches)?;
        // One indicator at a time: only its series are kept, never every observation at once.
        let mut series: Vec<Delivered> = Vec::with_capacity(self.catalog().indicators().len());
        for indicator in self.catalog().indicators() {
            let observations = self.store().observations(&ObservationFilter {
                indicator: Some(indicator.id.clone()),
            })?;
            series.push(Delivered {
                region: region_series(indicator, &observations, &population),
                gemeenten: Area::gemeenten()
                    .map(|area| (area, area_series(&observations, area)))
                    .collect(),
                nederland: area_series(&observations, Area::nederland()),
                indicator: indicator.clone(),
            });
        }
        let periods = quarters_on_record(&series);
        let events = self.events()?;
        let period = choice
            .period
            .filter(|p| periods.contains(p))
            .or_else(|| latest_complete_quarter(&series, &periods))
            .or_else(|| periods.first().copied())
            .unwrap_or_else(current_quarter);
        let region_breaks: Vec<Vec<NaiveDate>> = series
            .iter()
            .map(|d| breaks(&events, &d.indicator, None))
            .collect();
        let signals = signal_rows(
            series
                .iter()
                .zip(&region_breaks)
                .map(|(d, b)| (&d.indicator, &d.region, b.as_slice())),
            Some(&period),
        );
        let indicators = series
            .into_iter()
            .map(|delivered| {
                let provenance = provenance
                    .remove(&delivered.indicator.id)
                    .unwrap_or_default();
                let rates = choice.per_1000 && delivered.indicator.per_1000;
                let today = choice.today.unwrap_or_else(|| self.today());
                figures(
                    delivered,
                    &population,
                    &period,
                    rates,
                    provenance,
                    &events,
                    today,
                )
            })
            .collect();
        Ok(Dashboard {
            period,
            periods,
            per_1000: choice.per_1000,
            indicators,
            signals,
            demo: self.holds_demo_values()?,
            observation_count: self.store().observation_count()?,
            updated_at: batches
                .iter()
                .filter(|b| b.undone_at.is_none())
                .filter_map(|b| b.finished_at.clone())
                .max(),
            notes: self.notes()?,
            stories: self.stories()?,
            events,
        })
    }
}

/// One indicator's series as delivered (the region derived where needed), before the choice of
/// period and measure.
struct Delivered {
    indicator: Indicator,
    region: Series,
    gemeenten: Vec<(Area, Series)>,
    /// Nederland as reference, where open data delivered it.
    nederland: Series,
}

fn figures(
    delivered: Delivered,
    population: &Population,
    period: &Period,
    rates: bool,
    provenance: Vec<(Batch, u64)>,
    events: &[Event],
    today: NaiveDate,
) -> IndicatorFigures {
    let indicator = delivered.indicator;
    let shown = |area: Area, counts: Series| {
        if rates {
            let series = per_1000(&indicator, &counts, &area, population);
            (series, Some(counts))
        } else {
            (counts, None)
        }
    };
    let latest = known_at(&delivered.region, period);
    let area_figures = |area: Area, counts: Series| {
        let (series, counts) = shown(area, counts);
        let scope = (area.kind != AreaKind::Regio).then_some(&area);
        let breaks = breaks(events, &indicator, scope);
        let signal = latest
            .and_then(|at| known_at(&series, &at))
            .map(|at| signal_within(&indicator, &series, &at, &breaks));
        AreaFigures {
            area,
            series,
            counts,
            signal,
            breaks,
        }
    };
    let region = area_figures(Area::region(), delivered.region);
    let gemeenten = delivered
        .gemeenten
        .into_iter()
        .map(|(area, counts)| area_figures(area, counts))
        .collect();
    let nederland = Some(delivered.nederland)
        .filter(|counts| rates && counts.points.iter().any(|(_, p)| p.value.is_some()))
        .map(|counts| area_figures(Area::nederland(), counts))
        .filter(|nl| nl.series.points.iter().any(|(_, p)| p.value.is_some()));
    let newest = region
        .series
        .points
        .iter()
        .rev()
        .find(|(_, p)| p.value.is_some())
        .map(|(period, _)| *period);
    let overdue = newest
        .and_then(|n| n.next())
        .and_then(|next| days_late(indicator.due_date(&next), today).map(|days| (next, days)));
    let age_days = newest.map(|n| (today - n.end()).num_days().max(0));
    let compared = latest.map(|at| change_within(&region.series, &at, &region.breaks));
    let (year_on_year, broken_at) = match compared {
        Some(Ok(change)) => (change, None),
        Some(Err(date)) => (None, Some(date)),
        None => (None, None),
    };
    IndicatorFigures {
        per_1000: rates,
        region,
        gemeenten,
        nederland,
        latest,
        year_on_year,
        broken_at,
        overdue,
        age_days,
        provenance,
        indicator,
    }
}

/// The dates of the series breaks that apply to `indicator` in `area` (`None`: the region).
pub(super) fn breaks(
    events: &[Event],
    indicator: &Indicator,
    area: Option<&Area>,
) -> Vec<NaiveDate> {
    events
        .iter()
        .filter(|e| e.draft.kind == EventKind::Breuk && e.applies_to(indicator, area))
        .map(|e| e.draft.date)
        .collect()
}

/// The latest period with a value that had ended by the end of `at`.
pub(super) fn known_at(series: &Series, at: &Period) -> Option<Period> {
    series
        .points
        .iter()
        .rev()
        .filter(|(period, _)| period.end() <= at.end())
        .find(|(_, point)| point.value.is_some())
        .map(|(period, _)| *period)
}

fn quarters_on_record(series: &[Delivered]) -> Vec<Period> {
    let quarters: BTreeSet<Period> = series
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

/// The newest quarter for which every quarterly indicator has a region value: the default, so a BO
/// does not look at a round that is still coming in.
fn latest_complete_quarter(series: &[Delivered], periods: &[Period]) -> Option<Period> {
    let quarterly: Vec<&Series> = series
        .iter()
        .filter(|d| d.indicator.frequency == Frequency::Kwartaal && !d.region.points.is_empty())
        .map(|d| &d.region)
        .collect();
    periods
        .iter()
        .find(|period| {
            quarterly
                .iter()
                .all(|region| region.value(period).is_some())
        })
        .copied()
}

fn current_quarter() -> Period {
    use chrono::Datelike;
    let today = chrono::Local::now().date_naive();
    Period::Quarter(today.year(), (today.month0() / 3 + 1) as u8)
}

#[cfg(test)]
mod tests;
