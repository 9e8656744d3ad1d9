//! Change against the same period last year and against the previous period; moving averages.

use super::{Point, Series};
use crate::domain::Period;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    /// The period compared with.
    pub from: Period,
    pub before: f64,
    pub after: f64,
}

impl Change {
    pub fn absolute(&self) -> f64 {
        self.after - self.before
    }

    /// As a fraction of the earlier value; `None` when that was zero.
    pub fn relative(&self) -> Option<f64> {
        (self.before != 0.0).then(|| (self.after - self.before) / self.before)
    }
}

fn change(series: &Series, at: &Period, from: Option<Period>) -> Option<Change> {
    let from = from?;
    Some(Change {
        from,
        before: series.value(&from)?,
        after: series.value(at)?,
    })
}

/// Against the same period a year earlier. When that period has no value there is no change: it is
/// never compared with another period instead.
pub fn change_vs_year_before(series: &Series, at: &Period) -> Option<Change> {
    change(series, at, at.year_before())
}

/// Against the period just before (for a peildatum: the previous date on record).
pub fn change_vs_previous(series: &Series, at: &Period) -> Option<Change> {
    change(series, at, previous_period(series, at))
}

/// The period just before `at`; for a peildatum, which has no fixed predecessor, the previous date
/// on record in `series`.
pub fn previous_period(series: &Series, at: &Period) -> Option<Period> {
    at.previous()
        .or_else(|| series.points.range(..*at).next_back().map(|(p, _)| *p))
}

/// The mean of the `window` consecutive periods ending at `at`; `None` when one of them is missing.
pub fn moving_average(series: &Series, at: &Period, window: usize) -> Option<f64> {
    let mut period = *at;
    let mut sum = 0.0;
    for step in 0..window {
        sum += series.value(&period)?;
        if step + 1 < window {
            period = period.previous()?;
        }
    }
    Some(sum / window as f64)
}

/// The moving average of `window` periods at every period of `series`, for a smoothed line beside
/// it: absent where one of the periods is missing or shielded, so a gap stays a gap.
pub fn moving_averages(series: &Series, window: usize) -> Series {
    let points = series
        .points
        .iter()
        .map(|(period, point)| {
            let value = moving_average(series, period, window);
            // Provisional when any of the periods it averages is.
            let provisional = value.is_some()
                && std::iter::successors(Some(*period), Period::previous)
                    .take(window)
                    .any(|p| series.points.get(&p).is_some_and(|p| p.provisional));
            let point = Point {
                value,
                derived: true,
                provisional,
                shielded: point.shielded,
            };
            (*period, point)
        })
        .collect();
    Series { points }
}
