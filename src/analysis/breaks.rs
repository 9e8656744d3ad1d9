//! Series breaks: a supplier that starts counting differently makes the figures before and after
//! incomparable. Changes never compare across a break, and signals only learn from the history after
//! the latest one.

use chrono::NaiveDate;

use super::{
    Change, Series, Signal, change_vs_previous, change_vs_year_before, moving_averages, signal,
};
use crate::domain::{Area, Event, EventKind, Indicator, Period};

/// The dates of the series breaks among `events` that apply to `indicator` in `area` (`None`: the
/// region).
pub fn break_dates(events: &[Event], indicator: &Indicator, area: Option<&Area>) -> Vec<NaiveDate> {
    events
        .iter()
        .filter(|e| e.draft.kind == EventKind::Breuk && e.applies_to(indicator, area))
        .map(|e| e.draft.date)
        .collect()
}

/// The change against a year earlier, unless a break lies between the two periods: then `Err` with
/// the date of the break, so the view can say "reeksbreuk: niet vergelijkbaar".
pub fn change_within(
    series: &Series,
    at: &Period,
    breaks: &[NaiveDate],
) -> Result<Option<Change>, NaiveDate> {
    unbroken(change_vs_year_before(series, at), at, breaks)
}

/// The change against the period just before, unless a break lies between the two (`Err` as above).
pub fn previous_within(
    series: &Series,
    at: &Period,
    breaks: &[NaiveDate],
) -> Result<Option<Change>, NaiveDate> {
    unbroken(change_vs_previous(series, at), at, breaks)
}

/// The moving averages of `window` periods, absent where the window spans a break: an average of
/// figures counted two ways describes neither.
pub fn averages_within(series: &Series, window: usize, breaks: &[NaiveDate]) -> Series {
    let mut averages = moving_averages(series, window);
    averages.points = averages
        .points
        .iter()
        .map(|(period, point)| {
            let first = std::iter::successors(Some(*period), Period::previous)
                .take(window)
                .last()
                .unwrap_or(*period);
            let broken = breaks
                .iter()
                .any(|date| *date > first.start() && *date < period.end());
            let value = if broken { None } else { point.value };
            (*period, super::Point { value, ..*point })
        })
        .collect();
    averages
}

fn unbroken(
    change: Option<Change>,
    at: &Period,
    breaks: &[NaiveDate],
) -> Result<Option<Change>, NaiveDate> {
    let Some(change) = change else {
        return Ok(None);
    };
    match breaks
        .iter()
        .filter(|date| **date > change.from.start() && **date < at.end())
        .max()
    {
        Some(date) => Err(*date),
        None => Ok(Some(change)),
    }
}

/// The signal at `at` from the history since the latest break at or before it.
pub fn signal_within(
    indicator: &Indicator,
    series: &Series,
    at: &Period,
    breaks: &[NaiveDate],
) -> Signal {
    match breaks.iter().filter(|date| **date < at.end()).max() {
        Some(date) => {
            let since = Series {
                points: series
                    .points
                    .iter()
                    .filter(|(period, _)| period.start() >= *date)
                    .map(|(period, point)| (*period, *point))
                    .collect(),
            };
            signal(indicator, &since, at)
        }
        None => signal(indicator, series, at),
    }
}
