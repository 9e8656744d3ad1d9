//! Change against the same period last year and against the previous period; moving averages.

use super::Series;
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
    let previous = at
        .previous()
        .or_else(|| series.points.range(..*at).next_back().map(|(p, _)| *p));
    change(series, at, previous)
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
