//! What the dashboard layers show for one chosen quarter: per indicator the series of the region and
//! of every gemeente (counts or per 1.000 inwoners), the latest value known at that quarter, the change
//! against a year earlier, signals, and where the values came from. Computed once per change of data
//! or choice, so that drawing a frame only reads.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::delivered::Delivered;
use super::signal_source::{SignalSource, area_view};
use super::signals::{SignalsOf, signal_rows};
use super::{AppError, SignalRow, Workspace};
use crate::analysis::{
    Change, Population, Series, Signal, averages_within, change_within, previous_period,
};
use crate::domain::{
    Area, AreaKind, Batch, BatchId, BatchKind, Event, Expected, Indicator, Note, Period, Region,
    Story, days_late,
};

/// Regions with at most this many gemeenten get the expected range of every gemeente, for the
/// tactical plot; larger ones (a national store) only the region's.
const BANDED_GEMEENTEN: usize = 20;

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
    /// The store's region: its name, gemeenten and their colours.
    pub region: Region,
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
    /// The area's colour in the design palette as 0xRRGGBB (see [`Region::color`]).
    pub color: u32,
    /// Per 1.000 inwoners when the figures are rates, otherwise as delivered.
    pub series: Series,
    /// The counts behind a rate, for the numbers table; `None` when `series` holds the counts.
    pub counts: Option<Series>,
    /// The signal at the indicator's latest period.
    pub signal: Option<Signal>,
    /// The range the history predicted for every period up to the latest, where it could: the band
    /// the tactical plot draws.
    pub band: Vec<(Period, Expected)>,
    /// Dates of the series breaks that apply to this area: no change is compared across them.
    pub breaks: Vec<NaiveDate>,
}

#[derive(Debug, Clone)]
pub struct IndicatorFigures {
    pub indicator: Indicator,
    /// Whether the figures are per 1.000 inwoners (the toggle is on and the indicator allows it).
    pub per_1000: bool,
    pub region: AreaFigures,
    /// The region's gemeenten in display order: those that existed in the chosen quarter, and
    /// former ones that have figures on record.
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

    /// The period the "t.o.v. vorige periode" column compares with: the one before `latest`, unless
    /// that is the year before already (as for yearly figures), which has a column of its own.
    pub fn previous_period(&self) -> Option<Period> {
        let latest = self.latest?;
        previous_period(&self.region.series, &latest).filter(|p| Some(*p) != latest.year_before())
    }

    /// The region's moving average over a year, for a smoothed line on the plot that takes out what
    /// returns every season (never across a series break), with its legend text ("gemiddelde van 4 kwartalen"). `None` for yearly
    /// figures and peildata, where a year is one period or has no fixed length.
    pub fn region_average(&self) -> Option<(String, Series)> {
        let window = self.latest?.per_year().filter(|n| *n > 1)?;
        let periods = match window {
            2 => "halfjaren",
            4 => "kwartalen",
            _ => "maanden",
        };
        Some((
            format!("gemiddelde van {window} {periods}"),
            averages_within(&self.region.series, window, &self.region.breaks),
        ))
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
        let record = self.on_record()?;
        let batches = self.store().batches()?;
        let mut provenance = self.provenance(&batches)?;
        let today = choice.today.unwrap_or_else(|| self.today());
        let periods = record.quarters();
        let period = record.chosen_quarter(choice.period, &periods, today);
        let events = self.events()?;
        let source = self.signal_source()?;
        let population = record.population;
        let signals = signal_rows(
            record.series.iter().map(|d| (&d.indicator, &d.region)),
            &SignalsOf {
                region: self.region().area(),
                population: &population,
                events: &events,
                source: &source,
            },
            &period,
        );
        let around = Around {
            population: &population,
            period: &period,
            events: &events,
            today,
            region: self.region(),
            source: &source,
        };
        let indicators = record
            .series
            .into_iter()
            .map(|delivered| {
                let provenance = provenance
                    .remove(&delivered.indicator.id)
                    .unwrap_or_default();
                let rates = choice.per_1000 && delivered.indicator.per_1000;
                figures(delivered, &around, rates, provenance)
            })
            .collect();
        Ok(Dashboard {
            region: self.region().clone(),
            period,
            periods,
            per_1000: choice.per_1000,
            indicators,
            signals,
            demo: self.holds_demo_values()?,
            observation_count: self.store().observation_count()?,
            updated_at: batches
                .iter()
                .filter(|b| b.undone_at.is_none() && b.source.kind != BatchKind::Catalog)
                .filter_map(|b| b.finished_at.clone())
                .max(),
            notes: self.notes()?,
            stories: self.stories()?,
            events,
        })
    }
}

/// What every indicator's figures are made in.
struct Around<'a> {
    population: &'a Population,
    period: &'a Period,
    events: &'a [Event],
    today: NaiveDate,
    region: &'a Region,
    source: &'a SignalSource,
}

fn figures(
    delivered: Delivered,
    around: &Around,
    rates: bool,
    provenance: Vec<(Batch, u64)>,
) -> IndicatorFigures {
    let Around {
        population,
        period,
        events,
        today,
        region: in_region,
        source,
    } = *around;
    let indicator = delivered.indicator;
    let latest = source.known_at(
        &indicator,
        in_region.area(),
        false,
        &delivered.region,
        period,
    );
    // A band costs a fit per period: for every gemeente of a region one plot can show side by side,
    // but not for the 342 of a national store, where only the region's is drawn.
    let banded_gemeenten = in_region.gemeenten().count() <= BANDED_GEMEENTEN;
    let area_figures = |area: Area, counts: Series| {
        let view = area_view(&indicator, area, counts, rates, population, events);
        let signal = latest.and_then(|at| source.signal(&indicator, area, &view, &at));
        let banded = area.kind != AreaKind::Gemeente || banded_gemeenten;
        let band = view
            .series
            .points
            .iter()
            .filter(|_| banded)
            .filter(|(p, point)| point.value.is_some() && latest.is_some_and(|l| **p <= l))
            .filter_map(|(p, _)| {
                let expected = source.signal(&indicator, area, &view, p)?.expected?;
                Some((*p, expected))
            })
            .collect();
        AreaFigures {
            area,
            color: in_region.color(&area),
            series: view.series,
            counts: view.counts,
            signal,
            band,
            breaks: view.breaks,
        }
    };
    let region = area_figures(in_region.area(), delivered.region);
    let gemeenten = delivered
        .gemeenten
        .into_iter()
        .filter(|(area, counts)| in_region.holds(area, period) || !counts.points.is_empty())
        .map(|(area, counts)| area_figures(area, counts))
        .collect();
    let nederland = Some(delivered.nederland)
        .filter(|counts| rates && counts.points.iter().any(|(_, p)| p.value.is_some()))
        .map(|counts| area_figures(Area::nederland(), counts))
        .filter(|nl| nl.series.points.iter().any(|(_, p)| p.value.is_some()));
    let newest = region.series.newest();
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

#[cfg(test)]
mod tests;
